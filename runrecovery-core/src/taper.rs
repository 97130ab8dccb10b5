//! Taper rules applied to a plan's final days, scored with the athlete's
//! model, and the best taper for this athlete.
//!
//! A taper is a length (default 14 days, 8–21 allowed), a volume cut (the
//! mean reduction over the taper, default 50 %, 41–60 % per Bosquet et al.
//! 2007), a shape and an optional frequency cut (≤ 20 %); intensity is kept:
//! sessions keep their kind and paces, only their volume falls. Each taper day
//! `t` (0 = first) multiplies the planned volume by `f(t) = min(1, c·g(t))`,
//! where `g` is the shape's profile and `c` is solved so that the mean of `f`
//! is exactly `1 − cut`; `f ≤ 1`, so a taper never raises any day's volume.
//!
//! | shape | profile `g(t)`, L = length | source |
//! | --- | --- | --- |
//! | `step` | 1 | Mujika & Padilla 2003 (the classic step taper) |
//! | `linear` | `1 − (t + 1)/(L + 1)` | progressive, linear |
//! | `exponential` | `e^(−(t + 1)/τ)`, τ in days (fast decay τ ≈ 4–5 d beat slow) | Banister, Carter & Zarkadas 1999: `L(t) = L0·e^(−t/τ)` |
//! | `two_phase` | 1, then `1 + rise` for the last 3 days (rise 20–30 %) | Thomas, Mujika & Busso 2009 |
//!
//! **Scoring** projects the PMC (fitness, fatigue, form on race morning) and
//! the performance predicted by a model: the athlete's fitted Busso or
//! Banister parameters, or by default Busso's variable dose-response model
//! with τ1 = 42, τ2 = 7, τ3 = 5 days, k1 = 1 and k3 set so that the fatigue
//! gain is 2 at the athlete's mean daily load of the 4 weeks before the taper
//! (a model assumption that makes the best taper depend on how hard the block
//! before was, as Thomas & Busso 2005 report).
//!
//! ```
//! use runrecovery_core::taper::{TaperShape, TaperSpec, factors};
//! let spec = TaperSpec { length_days: 10, volume_cut: 0.5, shape: TaperShape::Step, frequency_cut: 0.0 };
//! let f = factors(&spec).unwrap();
//! assert!(f.iter().all(|x| (x - 0.5).abs() < 1e-12));
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::athlete::Athlete;
use crate::error::{Error, Result, check};
use crate::load::{self, Include, LoadMethod, LoadOptions, MissingData};
use crate::log::{LogDocument, TrainingLog};
use crate::model::banister::{BanisterParams, LoadTiming};
use crate::model::busso::{self, BussoParams};
use crate::model::{self, PmcOptions};
use crate::session::{SessionKind, Status};

/// The shape of the volume reduction.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum TaperShape {
    /// The same reduction every day.
    Step,
    /// A linear decrease.
    Linear,
    /// An exponential decrease with time constant `tau_days`.
    Exponential {
        /// Days (2–30).
        tau_days: f64,
    },
    /// A reduction, then the last 3 days raised by `rise` (0.2–0.3).
    TwoPhase {
        /// The rise of the last 3 days (0–0.5).
        rise: f64,
    },
}

/// A taper.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct TaperSpec {
    /// Length, days before the race (8–21; default 14).
    pub length_days: u32,
    /// Mean volume reduction over the taper (0.41–0.60; default 0.5).
    pub volume_cut: f64,
    /// Shape (default exponential, τ = 5 days).
    pub shape: TaperShape,
    /// Share of the taper's easy sessions dropped (0–0.2; default 0: frequency kept).
    pub frequency_cut: f64,
}

impl Default for TaperSpec {
    fn default() -> Self {
        TaperSpec {
            length_days: 14,
            volume_cut: 0.5,
            shape: TaperShape::Exponential { tau_days: 5.0 },
            frequency_cut: 0.0,
        }
    }
}

/// Allowed lengths, days (Bosquet 2007: 8–14 best; up to 21 for the marathon).
pub const LENGTH_DAYS: (u32, u32) = (8, 21);
/// Allowed mean volume cuts (Bosquet 2007: 41–60 %).
pub const VOLUME_CUT: (f64, f64) = (0.41, 0.60);

impl TaperSpec {
    /// Checks the rule bounds.
    ///
    /// # Errors
    /// `out_of_range` naming the field.
    pub fn validate(&self) -> Result<()> {
        check::in_range(
            "taper.length_days",
            f64::from(self.length_days),
            f64::from(LENGTH_DAYS.0),
            f64::from(LENGTH_DAYS.1),
            "days",
        )?;
        check::in_range(
            "taper.volume_cut",
            self.volume_cut,
            VOLUME_CUT.0,
            VOLUME_CUT.1,
            "",
        )?;
        check::in_range("taper.frequency_cut", self.frequency_cut, 0.0, 0.2, "")?;
        match self.shape {
            TaperShape::Exponential { tau_days } => {
                check::in_range("taper.shape.tau_days", tau_days, 2.0, 30.0, "days")?;
            }
            TaperShape::TwoPhase { rise } => {
                check::in_range("taper.shape.rise", rise, 0.0, 0.5, "")?;
            }
            _ => {}
        }
        Ok(())
    }
}

/// The daily volume factors of a taper (day 0 = the first taper day).
///
/// # Errors
/// The spec's errors.
pub fn factors(spec: &TaperSpec) -> Result<Vec<f64>> {
    spec.validate()?;
    Ok(factors_unchecked(spec))
}

fn factors_unchecked(spec: &TaperSpec) -> Vec<f64> {
    let l = spec.length_days as usize;
    let g: Vec<f64> = (0..l)
        .map(|t| match spec.shape {
            TaperShape::Step => 1.0,
            TaperShape::Linear => 1.0 - (t + 1) as f64 / (l + 1) as f64,
            TaperShape::Exponential { tau_days } => (-((t + 1) as f64) / tau_days).exp(),
            TaperShape::TwoPhase { rise } => {
                if t + 3 >= l {
                    1.0 + rise
                } else {
                    1.0
                }
            }
        })
        .collect();
    let target = 1.0 - spec.volume_cut;
    let mean = |c: f64| g.iter().map(|x| (c * x).min(1.0)).sum::<f64>() / l as f64;
    // mean(c) rises with c from 0 to 1: bisect for the target.
    let (mut lo, mut hi) = (0.0, 1.0);
    while mean(hi) < target {
        hi *= 2.0;
    }
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if mean(mid) < target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let c = 0.5 * (lo + hi);
    g.iter().map(|x| (c * x).min(1.0)).collect()
}

/// A plan with its taper applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaperedPlan {
    /// The document with the taper applied.
    pub plan: LogDocument,
    /// The daily factors, from the first taper day.
    pub factors: Vec<f64>,
    /// The first taper day.
    pub taper_start: NaiveDate,
    /// Planned running time over the taper days before, s.
    pub volume_before_s: f64,
    /// And after, s.
    pub volume_after_s: f64,
    /// Sessions dropped by the frequency cut.
    pub dropped_sessions: usize,
}

/// Applies a taper to the planned sessions in the `length_days` before `race`:
/// each session's duration and distance are multiplied by the day's factor;
/// kinds and paces are kept; the frequency cut drops the shortest easy runs.
///
/// # Errors
/// The spec's errors; `out_of_range` (`race`) for a race outside the plan;
/// `inconsistent` (`taper.length_days`) for a taper longer than the planned
/// days before the race.
pub fn apply(log: &TrainingLog, race: NaiveDate, spec: &TaperSpec) -> Result<TaperedPlan> {
    spec.validate()?;
    check::date("race_date", race)?;
    let f = factors_unchecked(spec);
    let start = race - chrono::Days::new(u64::from(spec.length_days));
    let planned_from = log
        .sessions()
        .iter()
        .filter(|s| s.status == Status::Planned)
        .map(|s| s.date)
        .min();
    match planned_from {
        None => return Err(Error::empty("log.sessions", "planned sessions to taper")),
        Some(p) if p > start => {
            return Err(Error::inconsistent(
                "taper.length_days",
                spec.length_days,
                &format!(
                    "the plan starts {p}, after the taper's first day {start}: the taper is longer than the plan"
                ),
            ));
        }
        _ => {}
    }
    if log.date_range().1 < race - chrono::Days::new(1) {
        return Err(Error::out_of_range(
            "race_date",
            race,
            "a date within a day of the plan's end or earlier",
        ));
    }
    let mut doc = log.to_document();
    let (mut before, mut after) = (0.0, 0.0);
    let in_taper = |d: NaiveDate| d >= start && d < race;
    for s in doc
        .sessions
        .iter_mut()
        .filter(|s| s.status == Status::Planned && in_taper(s.date))
    {
        let k = f[(s.date - start).num_days() as usize];
        if s.kind.is_run() {
            before += s.duration_s;
        }
        s.duration_s *= k;
        s.distance_m = s.distance_m.map(|d| d * k);
        if s.kind.is_run() {
            after += s.duration_s;
        }
    }
    // Frequency: drop the shortest easy or recovery runs.
    let easy: Vec<usize> = {
        let mut v: Vec<usize> = (0..doc.sessions.len())
            .filter(|&i| {
                let s = &doc.sessions[i];
                s.status == Status::Planned
                    && in_taper(s.date)
                    && matches!(s.kind, SessionKind::Easy | SessionKind::Recovery)
            })
            .collect();
        crate::sort::sort_by(&mut v, |&a, &b| {
            doc.sessions[a]
                .duration_s
                .total_cmp(&doc.sessions[b].duration_s)
        });
        v
    };
    let all = doc
        .sessions
        .iter()
        .filter(|s| s.status == Status::Planned && in_taper(s.date) && s.duration_s > 0.0)
        .count();
    let drop = ((spec.frequency_cut * all as f64).floor() as usize).min(easy.len());
    let mut dropped: Vec<usize> = easy[..drop].to_vec();
    crate::sort::sort(&mut dropped);
    for &i in dropped.iter().rev() {
        after -= doc.sessions[i].duration_s;
        doc.sessions.remove(i);
    }
    Ok(TaperedPlan {
        plan: doc,
        factors: f,
        taper_start: start,
        volume_before_s: before,
        volume_after_s: after,
        dropped_sessions: drop,
    })
}

/// The model a taper is scored with.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum TaperModel {
    /// Busso's model with the default constants, scaled to the athlete (see the module docs). Default.
    DefaultBusso,
    /// The athlete's fitted Busso parameters.
    Busso {
        /// The parameters.
        params: BussoParams,
    },
    /// The athlete's fitted Banister parameters.
    Banister {
        /// The parameters.
        params: BanisterParams,
    },
}

/// A taper's projected race day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaperScore {
    /// The taper (absent for the plan without one).
    pub spec: Option<TaperSpec>,
    /// Fitness on race morning (the day before's value).
    pub fitness: f64,
    /// Fatigue on race morning.
    pub fatigue: f64,
    /// Form on race morning (fitness − fatigue, next-day convention).
    pub form: f64,
    /// Predicted performance on race day (the model's units; higher is better).
    pub performance: f64,
}

/// Everything needed to score tapers fast: the loads before the taper and the plan's taper-window loads.
struct Scorer {
    history: Vec<f64>,
    window: Vec<f64>,
    model: TaperModel,
    busso: Option<BussoParams>,
}

impl Scorer {
    fn new(
        log: &TrainingLog,
        athlete: &Athlete,
        race: NaiveDate,
        max_len: u32,
        method: LoadMethod,
        model: TaperModel,
    ) -> Result<Self> {
        let opts = LoadOptions {
            method,
            missing: MissingData::Zero,
            ..LoadOptions::default()
        };
        let (first, _) = log.date_range();
        let end = race - chrono::Days::new(1);
        if end < first {
            return Err(Error::out_of_range(
                "race_date",
                race,
                "a date after the log's first day",
            ));
        }
        let both = load::daily_loads(log, athlete, &opts, Include::Both, Some(first), Some(end))?;
        let n = both.series.values.len();
        let split = n.saturating_sub(max_len as usize);
        let history = both.series.values[..split].to_vec();
        let window = both.series.values[split..].to_vec();
        let busso = match model {
            TaperModel::Busso { params } => {
                params.validate().map_err(|e| e.within("model"))?;
                Some(params)
            }
            TaperModel::Banister { params } => {
                params.validate().map_err(|e| e.within("model"))?;
                None
            }
            TaperModel::DefaultBusso => {
                // Calibrate to the habitual load: the history before the last 4 weeks (the
                // block whose fatigue the taper must shed), or all of it when short.
                let habitual = if history.len() > 56 {
                    &history[..history.len() - 28]
                } else {
                    &history[..]
                };
                let mean = if habitual.is_empty() {
                    0.0
                } else {
                    habitual.iter().sum::<f64>() / habitual.len() as f64
                };
                let (tau3, k2_at_mean) = (5.0, 2.0);
                let q = mean / (1.0 - (-1.0f64 / tau3).exp());
                Some(BussoParams {
                    p0: 0.0,
                    k1: 1.0,
                    tau1: 42.0,
                    k3: if q > 0.0 { k2_at_mean / q } else { 0.0 },
                    tau2: 7.0,
                    tau3,
                })
            }
        };
        Ok(Scorer {
            history,
            window,
            model,
            busso,
        })
    }

    fn score(&self, spec: &TaperSpec) -> Result<TaperScore> {
        self.score_factors(Some(*spec), &factors_unchecked(spec))
    }

    /// The race-day projection with `f` applied to the last `f.len()` days before the race.
    fn score_factors(&self, spec: Option<TaperSpec>, f: &[f64]) -> Result<TaperScore> {
        let w = self.window.len();
        let mut loads = self.history.clone();
        for (i, &x) in self.window.iter().enumerate() {
            let t = i as isize - (w as isize - f.len() as isize);
            loads.push(if t >= 0 { x * f[t as usize] } else { x });
        }
        let pmc = model::pmc(&loads, &PmcOptions::default())?;
        let last = loads.len() - 1;
        // Race morning: the values at the end of the day before.
        let (fitness, fatigue) = (pmc.fitness[last], pmc.fatigue[last]);
        // The race day itself carries no training load before the race.
        loads.push(0.0);
        let performance = match (self.model, self.busso) {
            (TaperModel::Banister { params }, _) => {
                *crate::model::banister::simulate(&loads, &params, LoadTiming::SameDay)?
                    .last()
                    .unwrap_or(&0.0)
            }
            (_, Some(p)) => *busso::simulate(&loads, &p)?.last().unwrap_or(&0.0),
            _ => 0.0,
        };
        Ok(TaperScore {
            spec,
            fitness,
            fatigue,
            form: fitness - fatigue,
            performance,
        })
    }
}

/// Scores one taper: the plan with the taper applied, projected to race day.
///
/// # Errors
/// The spec's and model's errors; `out_of_range` for a race before the log.
pub fn score(
    log: &TrainingLog,
    athlete: &Athlete,
    race: NaiveDate,
    spec: &TaperSpec,
    method: LoadMethod,
    model: TaperModel,
) -> Result<TaperScore> {
    spec.validate()?;
    check::date("race_date", race)?;
    Scorer::new(log, athlete, race, spec.length_days, method, model)?.score(spec)
}

/// The candidates the optimizer searches: lengths 8–21 days × cuts 0.41–0.60
/// (steps of 0.02, 10 values plus 0.60) × shapes (step, linear, exponential
/// τ 3, 5, 8 days, two-phase rise 0.2 and 0.3): 14 × 11 × 7 = 1078 tapers.
pub fn candidates() -> Vec<TaperSpec> {
    let shapes = [
        TaperShape::Step,
        TaperShape::Linear,
        TaperShape::Exponential { tau_days: 3.0 },
        TaperShape::Exponential { tau_days: 5.0 },
        TaperShape::Exponential { tau_days: 8.0 },
        TaperShape::TwoPhase { rise: 0.2 },
        TaperShape::TwoPhase { rise: 0.3 },
    ];
    let mut out = Vec::new();
    for length_days in LENGTH_DAYS.0..=LENGTH_DAYS.1 {
        for k in 0..11 {
            let volume_cut = if k == 10 {
                0.60
            } else {
                0.41 + 0.02 * f64::from(k)
            };
            for shape in shapes {
                out.push(TaperSpec {
                    length_days,
                    volume_cut,
                    shape,
                    frequency_cut: 0.0,
                });
            }
        }
    }
    out
}

/// The best taper and the runners-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaperOptimum {
    /// The best taper's score.
    pub best: TaperScore,
    /// The next best, best first.
    pub alternatives: Vec<TaperScore>,
    /// Candidates scored.
    pub candidates: usize,
    /// The score without any taper (the plan as it is).
    pub no_taper: TaperScore,
}

/// Searches [`candidates`] for the taper with the best predicted race-day
/// performance (ties: higher form), inside the rule bounds.
///
/// # Errors
/// The model's errors; `out_of_range` for a race before the log; `inconsistent` when the plan is shorter than 21 days before the race.
pub fn optimize(
    log: &TrainingLog,
    athlete: &Athlete,
    race: NaiveDate,
    method: LoadMethod,
    model: TaperModel,
    alternatives: usize,
) -> Result<TaperOptimum> {
    check::date("race_date", race)?;
    let scorer = Scorer::new(log, athlete, race, LENGTH_DAYS.1, method, model)?;
    if scorer.window.len() < LENGTH_DAYS.1 as usize {
        return Err(Error::inconsistent(
            "race_date",
            race,
            "the log needs at least 21 days before the race to search tapers",
        ));
    }
    let mut scores: Vec<TaperScore> = candidates()
        .iter()
        .map(|s| scorer.score(s))
        .collect::<Result<_>>()?;
    crate::sort::sort_by(&mut scores, |a, b| {
        b.performance
            .total_cmp(&a.performance)
            .then(b.form.total_cmp(&a.form))
    });
    let n = scores.len();
    let no_taper = scorer.score_factors(None, &[])?;
    let best = scores.remove(0);
    scores.truncate(alternatives);
    Ok(TaperOptimum {
        best,
        alternatives: scores,
        candidates: n,
        no_taper,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_has_the_mean_cut_and_never_raises_volume() {
        for spec in candidates() {
            let f = factors(&spec).unwrap();
            let mean = f.iter().sum::<f64>() / f.len() as f64;
            assert!((mean - (1.0 - spec.volume_cut)).abs() < 1e-9, "{spec:?}");
            assert!(f.iter().all(|x| *x <= 1.0 && *x >= 0.0));
        }
    }
}

#[cfg(test)]
mod overload {
    use super::*;

    /// 12 weeks of daily training, the 4 weeks before the 21-day window at `overload` × the usual load, then the race.
    fn plan(overload: f64) -> (TrainingLog, NaiveDate) {
        let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let mut sessions = Vec::new();
        let days = 12 * 7;
        for d in 0..days {
            let date = start + chrono::Days::new(d as u64);
            let base = if d % 7 == 0 {
                0.0
            } else {
                50.0 + 10.0 * ((d % 7) as f64)
            };
            let k = if (days - 21 - 28..days - 21).contains(&d) {
                overload
            } else {
                1.0
            };
            let minutes = base * k;
            if minutes > 0.0 {
                let mut s = crate::session::Session::new(date, SessionKind::Easy, minutes * 60.0);
                s.rpe = Some(4.0);
                s.status = if d >= days - 21 {
                    Status::Planned
                } else {
                    Status::Completed
                };
                sessions.push(s);
            }
        }
        let race = start + chrono::Days::new(days as u64);
        let mut r = crate::session::Session::new(race, SessionKind::Race, 45.0 * 60.0);
        r.status = Status::Planned;
        r.rpe = Some(9.0);
        sessions.push(r);
        (
            TrainingLog::new(None, sessions, crate::log::DuplicatePolicy::Reject).unwrap(),
            race,
        )
    }

    #[test]
    fn a_bigger_overload_calls_for_a_longer_or_deeper_taper() {
        let a = Athlete::default();
        let (normal, race) = plan(1.0);
        let (over, _) = plan(1.3);
        let n = optimize(
            &normal,
            &a,
            race,
            LoadMethod::SessionRpe,
            TaperModel::DefaultBusso,
            3,
        )
        .unwrap();
        let o = optimize(
            &over,
            &a,
            race,
            LoadMethod::SessionRpe,
            TaperModel::DefaultBusso,
            3,
        )
        .unwrap();
        let (ns, os) = (n.best.spec.unwrap(), o.best.spec.unwrap());
        eprintln!(
            "normal {ns:?} {}\noverload {os:?} {}",
            n.best.performance, o.best.performance
        );
        assert!(os.length_days >= ns.length_days && os.volume_cut >= ns.volume_cut - 1e-9);
        assert!(os.length_days > ns.length_days || os.volume_cut > ns.volume_cut + 1e-9);
    }
}
