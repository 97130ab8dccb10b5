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
/// The spec's errors; `out_of_range` (`race_date`) for a race more than the
/// taper's length after the plan's last day (the taper would cut nothing);
/// `inconsistent` (`taper.length_days`) for a taper longer than the planned
/// days before the race.
pub fn apply(log: &TrainingLog, race: NaiveDate, spec: &TaperSpec) -> Result<TaperedPlan> {
    spec.validate()?;
    check::date("race_date", race)?;
    let f = factors_unchecked(spec);
    let start = race - chrono::Days::new(u64::from(spec.length_days));
    let (shortest, longest) = taper_lengths(log, race)?;
    if spec.length_days < shortest {
        return Err(Error::out_of_range(
            "race_date",
            race,
            &format!(
                "a race at most {} days after the plan's last day {} (the taper's first day {start} is after it)",
                spec.length_days,
                log.date_range().1
            ),
        ));
    }
    if spec.length_days > longest {
        return Err(Error::inconsistent(
            "taper.length_days",
            spec.length_days,
            &format!(
                "the plan starts {}, after the taper's first day {start}: the taper is longer than the plan",
                race - chrono::Days::new(u64::from(longest))
            ),
        ));
    }
    let mut doc = log.to_document();
    let (mut before, mut after) = (0.0, 0.0);
    // Only the projection is tapered: the planned sessions after the log's
    // last completed day (docs/as-of.md); one planned before it and never
    // done is no training, and is left as it is.
    let done_to = last_completed(log);
    let in_taper = |d: NaiveDate| d >= start && d < race && done_to.is_none_or(|c| d > c);
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

/// The log's last completed day: up to it the log is history (completed
/// sessions only), after it the planned sessions are the projection a taper
/// cuts (docs/as-of.md).
fn last_completed(log: &TrainingLog) -> Option<NaiveDate> {
    log.sessions()
        .iter()
        .filter(|s| s.status == Status::Completed)
        .map(|s| s.date)
        .max()
}

/// The shortest and longest tapers [`apply`] accepts for `log` and `race`,
/// days, by the plan: a taper cuts planned sessions only, those after the
/// log's last completed day, so it starts no earlier than the first of
/// them, and it must reach back to the
/// plan's last day (the days after it, unlogged, are rest). The rules'
/// 8–21 days apply on top.
///
/// # Errors
/// `empty` (`log.sessions`) without planned sessions.
pub fn taper_lengths(log: &TrainingLog, race: NaiveDate) -> Result<(u32, u32)> {
    let done_to = last_completed(log);
    let planned_from = log
        .sessions()
        .iter()
        .filter(|s| s.status == Status::Planned && done_to.is_none_or(|c| s.date > c))
        .map(|s| s.date)
        .min()
        .ok_or_else(|| Error::empty("log.sessions", "planned sessions to taper"))?;
    let days = |from: NaiveDate| u32::try_from((race - from).num_days().max(0)).unwrap_or(u32::MAX);
    Ok((days(log.date_range().1), days(planned_from)))
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
    /// Every session's load on the last days before the race.
    window: Vec<f64>,
    /// The planned sessions' part of `window`: what a taper cuts.
    window_planned: Vec<f64>,
    model: TaperModel,
    busso: Option<BussoParams>,
}

impl Scorer {
    fn new(
        log: &TrainingLog,
        athlete: &Athlete,
        race: NaiveDate,
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
        // The as-of rule (docs/as-of.md): up to the log's last completed day
        // the loads are the completed sessions' (a planned session never
        // done is no training, and a trained day does not count its plan
        // too); after it, the planned sessions' — the projection tapered.
        let done = load::daily_loads(
            log,
            athlete,
            &opts,
            Include::Completed,
            Some(first),
            Some(end),
        )?;
        let planned = load::daily_loads(
            log,
            athlete,
            &opts,
            Include::Planned,
            Some(first),
            Some(end),
        )?;
        let projected_from = last_completed(log).map_or(0, |d| (d - first).num_days() + 1);
        let projected = |i: usize| i as i64 >= projected_from;
        let planned: Vec<f64> = (planned.series.values.iter().enumerate())
            .map(|(i, &x)| if projected(i) { x } else { 0.0 })
            .collect();
        let loads: Vec<f64> = (done.series.values.iter().zip(&planned).enumerate())
            .map(|(i, (&d, &p))| if projected(i) { p } else { d })
            .collect();
        let n = loads.len();
        // The history ends where the longest taper the rules allow would
        // start, whatever the taper scored: the default model's calibration
        // (and so every score) must not depend on the taper asked about, or
        // taper_score would disagree with taper_optimize on the same taper.
        let split = n.saturating_sub(LENGTH_DAYS.1 as usize);
        let history = loads[..split].to_vec();
        let window = loads[split..].to_vec();
        let window_planned = planned[split..].to_vec();
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
            window_planned,
            model,
            busso,
        })
    }

    fn score(&self, spec: &TaperSpec) -> Result<TaperScore> {
        self.score_factors(Some(*spec), &factors_unchecked(spec))
    }

    /// The race-day projection with `f` applied to the planned sessions of
    /// the last `f.len()` days before the race, as [`apply`] cuts them.
    fn score_factors(&self, spec: Option<TaperSpec>, f: &[f64]) -> Result<TaperScore> {
        let w = self.window.len();
        let mut loads = self.history.clone();
        for (i, (&x, &planned)) in self.window.iter().zip(&self.window_planned).enumerate() {
            let t = i as isize - (w as isize - f.len() as isize);
            loads.push(if t >= 0 {
                x - planned + planned * f[t as usize]
            } else {
                x
            });
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
    Scorer::new(log, athlete, race, method, model)?.score(spec)
}

/// The candidates the optimizer starts from: lengths 8–21 days × cuts 0.41–0.60
/// (steps of 0.02, 10 values plus 0.60) × shapes (step, linear, exponential
/// τ 3, 5, 8 days, two-phase rise 0.2 and 0.3): 14 × 11 × 7 = 1078 tapers.
pub fn candidates() -> Vec<TaperSpec> {
    grid(LENGTH_DAYS.0, LENGTH_DAYS.1, &TAU_DAYS, &RISE)
}

/// The exponential shapes' time constants searched, days (Banister, Carter &
/// Zarkadas 1999: fast decay, τ ≈ 4–5 days, beat slow).
const TAU_DAYS: [f64; 3] = [3.0, 5.0, 8.0];
/// The two-phase shapes' rises searched (Thomas, Mujika & Busso 2009: 20–30 %).
const RISE: [f64; 2] = [0.2, 0.3];

/// Lengths `shortest` to `longest` days × the 11 cuts × step, linear, exponential with
/// each of `taus`, two-phase with each of `rises`.
fn grid(shortest: u32, longest: u32, taus: &[f64], rises: &[f64]) -> Vec<TaperSpec> {
    let shapes: Vec<TaperShape> = [TaperShape::Step, TaperShape::Linear]
        .into_iter()
        .chain(
            taus.iter()
                .map(|&tau_days| TaperShape::Exponential { tau_days }),
        )
        .chain(rises.iter().map(|&rise| TaperShape::TwoPhase { rise }))
        .collect();
    let mut out = Vec::new();
    for length_days in shortest.max(LENGTH_DAYS.0)..=longest.min(LENGTH_DAYS.1) {
        for k in 0..11 {
            let volume_cut = if k == 10 {
                0.60
            } else {
                0.41 + 0.02 * f64::from(k)
            };
            for &shape in &shapes {
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
    /// What was searched, and where the best taper sits on its edge.
    pub search: TaperSearch,
}

/// The ranges the optimizer searched: every candidate is a taper
/// [`apply`] accepts for the log and the race.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaperSearch {
    /// Shortest and longest length searched, days (the longest: the rules'
    /// 21, or fewer when the plan starts later).
    pub length_days: [u32; 2],
    /// Smallest and largest mean volume cut searched (the rules' 0.41–0.60).
    pub volume_cut: [f64; 2],
    /// The exponential shapes' time constants searched, days, shortest first.
    pub tau_days: Vec<f64>,
    /// The two-phase shapes' rises searched, smallest first.
    pub rise: Vec<f64>,
    /// The best taper's values that lie on an edge of what was searched
    /// (empty when it lies inside).
    pub edges: Vec<SearchEdge>,
}

/// A value of the best taper on an edge of the search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchEdge {
    /// The taper field: `length_days`, `volume_cut`, `shape.tau_days` or `shape.rise`.
    pub field: String,
    /// The best taper's value.
    pub value: f64,
    /// What stopped the search there: `rules` (the taper rules' bound, which
    /// `taper_apply` enforces), `plan` (a longer taper would start before
    /// the plan's first planned session) or `search` (the grid's own range,
    /// inside the rules: `taper_score` can score values beyond it).
    pub limit: String,
    /// In words, for the runner.
    pub note: String,
}

/// Searches tapers for the best predicted race-day performance (ties:
/// higher form), among tapers [`apply`] accepts for this log and race: the
/// [`candidates`] no longer than the plan allows. `search.edges` names each
/// value of the best taper on an edge of what was searched and what stops
/// the search there: the rules (which [`apply`] enforces), the plan's start,
/// or the grid itself (then [`score`] can try values beyond it).
///
/// # Errors
/// The model's errors; those of [`taper_lengths`]; `out_of_range` for a race
/// before the log; `inconsistent` (`race_date`) when no length the rules
/// allow (8–21 days) fits the plan: fewer than 8 planned days before the
/// race, or a plan that ends more than 21 days before it.
pub fn optimize(
    log: &TrainingLog,
    athlete: &Athlete,
    race: NaiveDate,
    method: LoadMethod,
    model: TaperModel,
    alternatives: usize,
) -> Result<TaperOptimum> {
    check::date("race_date", race)?;
    let (shortest, longest) = taper_lengths(log, race)?;
    let (shortest, longest) = (shortest.max(LENGTH_DAYS.0), longest.min(LENGTH_DAYS.1));
    if longest < shortest {
        return Err(Error::inconsistent(
            "race_date",
            race,
            &format!(
                "a plan with at least {} planned days before the race to taper, reaching to at most {} days before it",
                LENGTH_DAYS.0, LENGTH_DAYS.1
            ),
        ));
    }
    let scorer = Scorer::new(log, athlete, race, method, model)?;
    let mut scores: Vec<TaperScore> = grid(shortest, longest, &TAU_DAYS, &RISE)
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
    let edges = best
        .spec
        .map_or_else(Vec::new, |s| edges(&s, shortest, longest));
    Ok(TaperOptimum {
        best,
        alternatives: scores,
        candidates: n,
        no_taper,
        search: TaperSearch {
            length_days: [shortest, longest],
            volume_cut: [VOLUME_CUT.0, VOLUME_CUT.1],
            tau_days: TAU_DAYS.to_vec(),
            rise: RISE.to_vec(),
            edges,
        },
    })
}

/// The best taper's values on an edge of the search, each with what stops it.
fn edges(best: &TaperSpec, shortest: u32, longest: u32) -> Vec<SearchEdge> {
    let mut out = Vec::new();
    let mut edge = |field: &str, value: f64, limit: &str, note: String| {
        out.push(SearchEdge {
            field: field.into(),
            value,
            limit: limit.into(),
            note,
        });
    };
    let len = best.length_days;
    if len == longest && longest < LENGTH_DAYS.1 {
        edge(
            "length_days",
            f64::from(len),
            "plan",
            format!(
                "the longest taper the plan allows ({len} days: it starts with the first planned session); plan from earlier to search longer ones"
            ),
        );
    } else if len == LENGTH_DAYS.1 {
        edge(
            "length_days",
            f64::from(len),
            "rules",
            format!(
                "the longest taper the rules allow ({len} days; Bosquet et al. 2007: 8–14 days work best, up to 21 for the marathon)"
            ),
        );
    } else if len == shortest && shortest > LENGTH_DAYS.0 {
        edge(
            "length_days",
            f64::from(len),
            "plan",
            format!(
                "the shortest taper that reaches the plan's last day ({len} days); plan closer to the race to search shorter ones"
            ),
        );
    } else if len == LENGTH_DAYS.0 {
        edge(
            "length_days",
            f64::from(len),
            "rules",
            format!("the shortest taper the rules allow ({len} days; Bosquet et al. 2007)"),
        );
    }
    for (bound, word) in [(VOLUME_CUT.1, "deepest"), (VOLUME_CUT.0, "smallest")] {
        if (best.volume_cut - bound).abs() < 1e-9 {
            edge(
                "volume_cut",
                bound,
                "rules",
                format!(
                    "the {word} mean cut the rules allow ({:.0} %; Bosquet et al. 2007: 41–60 %): the model might score beyond it, the rules do not go there",
                    bound * 100.0
                ),
            );
        }
    }
    let (lo, hi) = (TAU_DAYS[0], TAU_DAYS[TAU_DAYS.len() - 1]);
    match best.shape {
        TaperShape::Exponential { tau_days } if tau_days == lo || tau_days == hi => edge(
            "shape.tau_days",
            tau_days,
            "search",
            format!(
                "the {} exponential time constant searched ({tau_days} days; searched {lo}–{hi}, the rules allow 2–30): score others with taper_score",
                if tau_days == hi {
                    "longest"
                } else {
                    "shortest"
                }
            ),
        ),
        TaperShape::TwoPhase { rise } if rise == RISE[0] || rise == RISE[1] => edge(
            "shape.rise",
            rise,
            "search",
            format!(
                "the {} rise of the last 3 days searched ({:.0} %; searched 20–30 % after Thomas, Mujika & Busso 2009, the rules allow 0–50 %): score others with taper_score",
                if rise == RISE[1] {
                    "largest"
                } else {
                    "smallest"
                },
                rise * 100.0
            ),
        ),
        _ => {}
    }
    out
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

    /// The as-of rule (docs/as-of.md, rule 2): up to the log's last completed
    /// day only completed sessions are training. A planned session never done
    /// (day 7, a rest day) and one planned on a day that was trained (day 10,
    /// which would count twice) leave the score unchanged.
    #[test]
    fn past_planned_sessions_are_not_training() {
        let a = Athlete::default();
        let (log, race) = plan(1.0);
        let mut sessions = log.sessions().to_vec();
        let first = log.date_range().0;
        for (d, kind) in [(7, SessionKind::Long), (10, SessionKind::Tempo)] {
            let mut s = crate::session::Session::new(first + chrono::Days::new(d), kind, 5400.0);
            s.rpe = Some(7.0);
            s.status = Status::Planned;
            sessions.push(s);
        }
        let with_missed =
            TrainingLog::new(None, sessions, crate::log::DuplicatePolicy::Reject).unwrap();
        let spec = TaperSpec::default();
        let (m, model) = (LoadMethod::SessionRpe, TaperModel::DefaultBusso);
        let x = score(&log, &a, race, &spec, m, model).unwrap();
        let y = score(&with_missed, &a, race, &spec, m, model).unwrap();
        assert!((x.fitness - y.fitness).abs() < 1e-9, "{x:?} {y:?}");
        assert!((x.performance - y.performance).abs() < 1e-9, "{x:?} {y:?}");
        let (p, q) = (
            apply(&log, race, &spec).unwrap(),
            apply(&with_missed, race, &spec).unwrap(),
        );
        assert_eq!(p.volume_before_s, q.volume_before_s);
        assert_eq!(taper_lengths(&log, race), taper_lengths(&with_missed, race));
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
