//! Training load: per session by method, daily and weekly series, monotony,
//! strain and week-over-week ramp.
//!
//! | method | formula | unit | source |
//! | --- | --- | --- | --- |
//! | `session_rpe` | CR-10 RPE × minutes | AU | Foster et al. 2001 |
//! | `banister_trimp` | `min · x · a · e^(b·x)`, `x = (HR − HRrest)/(HRmax − HRrest)` | AU | Banister 1991; men a = 0.64, b = 1.92; women a = 0.86, b = 1.67 |
//! | `edwards_trimp` | Σ min in 50–60/60–70/70–80/80–90/90–100 % HRmax × 1…5 | AU | Edwards 1993 |
//! | `lucia_trimp` | Σ min below VT1 × 1, VT1–VT2 × 2, above VT2 × 3 | AU | Lucía et al. 2003 |
//! | `rtss` | `hours · IF² · 100`, IF = threshold speed / graded speed | TSS | TrainingPeaks rTSS |
//! | `power_tss` | `s · NP · IF / (CP · 3600) · 100`, IF = NP / CP | TSS | Coggan TSS with running CP |
//! | `hr_tss` | `100 · TRIMP(session) / TRIMP(60 min at LTHR)` | TSS | **an approximation** of TrainingPeaks' proprietary hrTSS: 1 h at LTHR = 100, scaled along Banister's curve |
//!
//! Banister TRIMP reads the heart-rate histogram when there is one (each bin
//! at its own HR), else the average HR. `x ≤ 0` gives 0. GoldenCheetah uses the
//! male coefficients for everyone: [`TrimpCoefficients::GoldenCheetah`].
//!
//! `auto` picks the best method the session's data supports, in the order
//! power TSS → rTSS (runs) → hrTSS → session-RPE, and reports which it used.
//! TSS-scale and AU-scale values should not be summed: series built with
//! `auto` report the methods used and warn when they mixed scales.
//!
//! **Monotony** (Foster 1998) = mean daily load of the week / SD of daily load
//! (rest days count as 0); **strain** = weekly load × monotony. The SD is the
//! sample SD (ddof 1, as pandas and R) by default, or the population SD. An SD
//! of 0 (every day the same) leaves monotony undefined (`None`), never infinite.
//!
//! ```
//! use chrono::NaiveDate;
//! use runrecovery_core::athlete::{Athlete, Sex};
//! use runrecovery_core::load::{LoadMethod, LoadOptions, session_load};
//! use runrecovery_core::session::{Session, SessionKind};
//! let a = Athlete { sex: Some(Sex::Male), hr_max_bpm: Some(190.0), hr_rest_bpm: Some(50.0), ..Athlete::default() };
//! let mut s = Session::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SessionKind::Tempo, 1800.0);
//! s.rpe = Some(6.0);
//! s.avg_hr_bpm = Some(162.0);
//! let rpe = session_load(&s, &a, &LoadOptions::with_method(LoadMethod::SessionRpe)).unwrap();
//! assert_eq!(rpe.value, 180.0); // 6 × 30 min
//! let trimp = session_load(&s, &a, &LoadOptions::with_method(LoadMethod::BanisterTrimp)).unwrap();
//! // x = (162 − 50)/(190 − 50) = 0.8; 30 · 0.8 · 0.64 · e^(1.92·0.8) = 71.4
//! assert!((trimp.value - 30.0 * 0.8 * 0.64 * (1.92f64 * 0.8).exp()).abs() < 1e-9);
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::athlete::{Athlete, Sex};
use crate::error::{Error, Path, Result, check};
use crate::log::{DailySeries, MAX_SERIES_DAYS, TrainingLog, check_load, week_start};
use crate::session::{Session, Status};

/// How to score a session.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LoadMethod {
    /// The best method the data supports (default).
    #[default]
    Auto,
    /// Foster's session-RPE.
    SessionRpe,
    /// Banister's TRIMP.
    BanisterTrimp,
    /// Edwards' summated heart-rate-zone TRIMP.
    EdwardsTrimp,
    /// Lucía's three-zone TRIMP.
    LuciaTrimp,
    /// Running TSS from pace.
    Rtss,
    /// TSS from running power.
    PowerTss,
    /// hrTSS, approximated from Banister's curve.
    HrTss,
}

impl LoadMethod {
    /// The unit of the method's values: `TSS` (1 h at threshold = 100) or `AU`.
    pub fn unit(self) -> &'static str {
        match self {
            LoadMethod::Rtss | LoadMethod::PowerTss | LoadMethod::HrTss => "TSS",
            _ => "AU",
        }
    }
}

/// Banister TRIMP weighting coefficients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TrimpCoefficients {
    /// Men a = 0.64, b = 1.92; women a = 0.86, b = 1.67 (Banister 1991). Needs `sex`. Default.
    #[default]
    SexSpecific,
    /// a = 0.64, b = 1.92 for everyone, as GoldenCheetah does.
    GoldenCheetah,
}

/// What to do with a session that lacks the data for the method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MissingData {
    /// Fail, naming the session (default).
    #[default]
    Error,
    /// Count it as zero load and report how many were.
    Zero,
}

/// Options for load computations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct LoadOptions {
    /// The method.
    pub method: LoadMethod,
    /// Banister coefficients (also used by `hr_tss`).
    pub trimp_coefficients: TrimpCoefficients,
    /// Sessions without data for the method.
    pub missing: MissingData,
}

impl LoadOptions {
    /// Default options with a given method.
    pub fn with_method(method: LoadMethod) -> Self {
        LoadOptions {
            method,
            ..LoadOptions::default()
        }
    }
}

/// A session's load and how it was computed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionLoad {
    /// The load.
    pub value: f64,
    /// The method used (never `auto`).
    pub method: LoadMethod,
    /// `TSS` or `AU`.
    pub unit: &'static str,
}

fn coefficients(athlete: &Athlete, c: TrimpCoefficients) -> Result<(f64, f64)> {
    Ok(match c {
        TrimpCoefficients::GoldenCheetah => (0.64, 1.92),
        TrimpCoefficients::SexSpecific => match athlete.sex {
            Some(Sex::Male) => (0.64, 1.92),
            Some(Sex::Female) => (0.86, 1.67),
            None => {
                return Err(Error::missing(
                    "athlete.sex",
                    "sex-specific Banister TRIMP (or set trimp_coefficients to \"golden_cheetah\")",
                ));
            }
        },
    })
}

struct HeartRates {
    max: f64,
    rest: f64,
}

fn heart_rates(athlete: &Athlete) -> Result<HeartRates> {
    let max = athlete
        .effective_hr_max()
        .map_err(|e| e.within("athlete"))?;
    let rest = athlete.hr_rest().map_err(|e| e.within("athlete"))?;
    Ok(HeartRates { max, rest })
}

/// Checks a heart rate against the athlete's resting and maximal values.
fn check_hr(field: impl Into<Path>, hr: f64, h: &HeartRates) -> Result<()> {
    // A couple of bpm above a measured or estimated HRmax is device noise; more is an error.
    if hr > h.max + 2.0 {
        return Err(Error::out_of_range(
            field,
            hr,
            &format!("at most the athlete's HRmax {} bpm", h.max),
        ));
    }
    if hr < h.rest {
        return Err(Error::out_of_range(
            field,
            hr,
            &format!("at least the athlete's resting HR {} bpm", h.rest),
        ));
    }
    Ok(())
}

/// Banister's weighted minutes at one heart rate.
fn banister_minutes(minutes: f64, hr: f64, h: &HeartRates, (a, b): (f64, f64)) -> f64 {
    let x = ((hr - h.rest) / (h.max - h.rest)).clamp(0.0, 1.0);
    if x <= 0.0 {
        0.0
    } else {
        minutes * x * a * (b * x).exp()
    }
}

/// Samples of (minutes, heart rate): histogram bins, or the whole session at its average.
fn hr_samples(s: &Session, h: &HeartRates) -> Result<Vec<(f64, f64)>> {
    if let Some(bins) = &s.hr_histogram {
        for (i, b) in bins.iter().enumerate() {
            check_hr(
                Path::from("hr_histogram").index(i).key("hr_bpm"),
                b.hr_bpm,
                h,
            )?;
        }
        return Ok(bins.iter().map(|b| (b.seconds / 60.0, b.hr_bpm)).collect());
    }
    let hr = s
        .avg_hr_bpm
        .ok_or_else(|| Error::missing("avg_hr_bpm", "heart-rate load (or give hr_histogram)"))?;
    check_hr("avg_hr_bpm", hr, h)?;
    Ok(vec![(s.minutes(), hr)])
}

fn banister_trimp(s: &Session, athlete: &Athlete, c: TrimpCoefficients) -> Result<f64> {
    let h = heart_rates(athlete)?;
    let k = coefficients(athlete, c)?;
    Ok(hr_samples(s, &h)?
        .iter()
        .map(|&(m, hr)| banister_minutes(m, hr, &h, k))
        .sum())
}

/// Edwards' zone weight for a heart rate as a fraction of HRmax.
fn edwards_weight(fraction: f64) -> f64 {
    match fraction {
        f if f >= 0.9 => 5.0,
        f if f >= 0.8 => 4.0,
        f if f >= 0.7 => 3.0,
        f if f >= 0.6 => 2.0,
        f if f >= 0.5 => 1.0,
        _ => 0.0,
    }
}

fn histogram(s: &Session, method: &str) -> Result<Vec<(f64, f64)>> {
    let bins = s
        .hr_histogram
        .as_ref()
        .ok_or_else(|| Error::missing("hr_histogram", method))?;
    Ok(bins.iter().map(|b| (b.seconds / 60.0, b.hr_bpm)).collect())
}

fn edwards_trimp(s: &Session, athlete: &Athlete) -> Result<f64> {
    let max = athlete
        .effective_hr_max()
        .map_err(|e| e.within("athlete"))?;
    let bins = histogram(s, "Edwards TRIMP (time in HR zones)")?;
    for (i, &(_, hr)) in bins.iter().enumerate() {
        if hr > max + 2.0 {
            return Err(Error::out_of_range(
                Path::from("hr_histogram").index(i).key("hr_bpm"),
                hr,
                &format!("at most the athlete's HRmax {max} bpm"),
            ));
        }
    }
    Ok(bins
        .iter()
        .map(|&(m, hr)| m * edwards_weight(hr / max))
        .sum())
}

fn lucia_trimp(s: &Session, athlete: &Athlete) -> Result<f64> {
    let vt1 = athlete
        .vt1_hr_bpm
        .ok_or_else(|| Error::missing("athlete.vt1_hr_bpm", "Lucia TRIMP"))?;
    let vt2 = athlete
        .vt2_hr_bpm
        .ok_or_else(|| Error::missing("athlete.vt2_hr_bpm", "Lucia TRIMP"))?;
    let bins = histogram(s, "Lucia TRIMP (time in HR zones)")?;
    Ok(bins
        .iter()
        .map(|&(m, hr)| {
            m * if hr < vt1 {
                1.0
            } else if hr <= vt2 {
                2.0
            } else {
                3.0
            }
        })
        .sum())
}

fn rtss(s: &Session, athlete: &Athlete) -> Result<f64> {
    if !s.kind.is_run() {
        return Err(Error::inconsistent(
            "kind",
            s.describe(),
            "rTSS is for running sessions",
        ));
    }
    let threshold = athlete.threshold_pace().map_err(|e| e.within("athlete"))?;
    let pace = s
        .effective_pace_s_per_km()
        .ok_or_else(|| Error::missing("distance_m", "rTSS (or give graded_pace_s_per_km)"))?;
    let intensity = threshold / pace;
    Ok(s.duration_s / 3600.0 * intensity * intensity * 100.0)
}

fn power_tss(s: &Session, athlete: &Athlete) -> Result<f64> {
    let cp = athlete
        .critical_power_w
        .ok_or_else(|| Error::missing("athlete.critical_power_w", "power TSS"))?;
    let np = s
        .normalized_power_w
        .or(s.avg_power_w)
        .ok_or_else(|| Error::missing("avg_power_w", "power TSS"))?;
    let intensity = np / cp;
    Ok(s.duration_s * np * intensity / (cp * 3600.0) * 100.0)
}

fn hr_tss(s: &Session, athlete: &Athlete, c: TrimpCoefficients) -> Result<f64> {
    let lthr = athlete
        .lthr_bpm
        .ok_or_else(|| Error::missing("athlete.lthr_bpm", "hrTSS"))?;
    let h = heart_rates(athlete)?;
    let k = coefficients(athlete, c)?;
    let hour_at_lthr = banister_minutes(60.0, lthr, &h, k);
    Ok(banister_trimp(s, athlete, c)? / hour_at_lthr * 100.0)
}

/// The load of one session.
///
/// # Errors
/// `missing_field` naming what the method needs; `out_of_range` for a heart
/// rate above HRmax or below resting; the session's and athlete's own errors.
pub fn session_load(s: &Session, athlete: &Athlete, options: &LoadOptions) -> Result<SessionLoad> {
    session_load_at(s, athlete, options, || "session".into())
}

/// [`session_load`] of the session at `at()` in a request (`log.sessions[3]`,
/// built only for an error): the session's errors are named under it, the
/// athlete's under `athlete`.
pub(crate) fn session_load_at(
    s: &Session,
    athlete: &Athlete,
    options: &LoadOptions,
    at: impl Fn() -> Path,
) -> Result<SessionLoad> {
    s.validate().map_err(|e| e.within(at()))?;
    athlete.validate().map_err(|e| e.within("athlete"))?;
    session_load_valid(s, athlete, options).map_err(|e| session_error(e, at()))
}

/// An error of [`session_load_valid`] named in the request: the session's
/// fields under `at`, the athlete's (already under `athlete`) as they are.
fn session_error(e: Error, at: Path) -> Error {
    if e.path().first_key() == Some("athlete") {
        e
    } else {
        e.within(at)
    }
}

/// [`session_load`] for inputs already validated; the session's errors name
/// its fields (`rpe`), the athlete's `athlete.…`.
fn session_load_valid(
    s: &Session,
    athlete: &Athlete,
    options: &LoadOptions,
) -> Result<SessionLoad> {
    if s.duration_s == 0.0 {
        let method = if options.method == LoadMethod::Auto {
            LoadMethod::SessionRpe
        } else {
            options.method
        };
        return Ok(SessionLoad {
            value: 0.0,
            method,
            unit: method.unit(),
        });
    }
    let c = options.trimp_coefficients;
    let by = |method: LoadMethod| -> Result<f64> {
        match method {
            LoadMethod::SessionRpe => {
                let rpe = s
                    .rpe
                    .ok_or_else(|| Error::missing("rpe", "session-RPE load"))?;
                Ok(rpe * s.minutes())
            }
            LoadMethod::BanisterTrimp => banister_trimp(s, athlete, c),
            LoadMethod::EdwardsTrimp => edwards_trimp(s, athlete),
            LoadMethod::LuciaTrimp => lucia_trimp(s, athlete),
            LoadMethod::Rtss => rtss(s, athlete),
            LoadMethod::PowerTss => power_tss(s, athlete),
            LoadMethod::HrTss => hr_tss(s, athlete, c),
            LoadMethod::Auto => unreachable_auto(),
        }
    };
    let method = match options.method {
        LoadMethod::Auto => auto_method(s, athlete, c)?,
        m => m,
    };
    let value = by(method)?;
    Ok(SessionLoad {
        value,
        method,
        unit: method.unit(),
    })
}

fn unreachable_auto() -> Result<f64> {
    Err(Error::inconsistent(
        "method",
        "auto",
        "auto is resolved before scoring",
    ))
}

/// The first method in the `auto` order that the session and athlete support.
fn auto_method(s: &Session, a: &Athlete, c: TrimpCoefficients) -> Result<LoadMethod> {
    let has_power =
        s.normalized_power_w.or(s.avg_power_w).is_some() && a.critical_power_w.is_some();
    let has_pace =
        s.kind.is_run() && s.effective_pace_s_per_km().is_some() && a.threshold_pace().is_ok();
    let has_hr = (s.avg_hr_bpm.is_some() || s.hr_histogram.is_some())
        && a.lthr_bpm.is_some()
        && a.effective_hr_max().is_ok()
        && a.hr_rest_bpm.is_some()
        && coefficients(a, c).is_ok();
    Ok(if has_power {
        LoadMethod::PowerTss
    } else if has_pace {
        LoadMethod::Rtss
    } else if has_hr {
        LoadMethod::HrTss
    } else if s.rpe.is_some() {
        LoadMethod::SessionRpe
    } else {
        return Err(Error::missing(
            "rpe",
            "a training load: no power, pace, heart rate or RPE the athlete's profile can score",
        ));
    })
}

/// A calendar-day load series built from a log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DailyLoads {
    /// Daily loads with missing days explicit.
    pub series: DailySeries,
    /// Sessions scored by each method.
    pub methods: Vec<(LoadMethod, usize)>,
    /// Sessions counted as zero because they lacked data (with `missing: zero`).
    pub zeroed_sessions: usize,
    /// Set when TSS-scale and AU-scale loads were summed together.
    pub warning: Option<String>,
}

/// Which sessions of a log count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Include {
    /// Completed sessions (default).
    #[default]
    Completed,
    /// Planned sessions only.
    Planned,
    /// Both.
    Both,
}

impl Include {
    /// Whether a session counts.
    pub fn counts(self, s: &Session) -> bool {
        match self {
            Include::Completed => s.status == Status::Completed,
            Include::Planned => s.status == Status::Planned,
            Include::Both => true,
        }
    }

    /// The last date of a counted session of the log, if any.
    pub fn last_date(self, log: &TrainingLog) -> Option<NaiveDate> {
        log.sessions()
            .iter()
            .rev()
            .find(|s| self.counts(s))
            .map(|s| s.date)
    }
}

/// The loads of a log as of `today` ([`as_of_loads`], `docs/as-of.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct AsOfLoads {
    /// The completed sessions from the log's first day to `today`: the state.
    pub done: DailyLoads,
    /// From `today` to the projection's end: day 0 holds today's completed
    /// sessions and those still planned today, the days after only planned
    /// sessions; `series.logged` marks the days with a planned session (the
    /// others project as rest). `None` when nothing is projected.
    pub projection: Option<DailyLoads>,
}

impl AsOfLoads {
    /// Sessions scored by each method, the state's and the projection's
    /// together (each session once).
    pub fn methods(&self) -> Vec<(LoadMethod, usize)> {
        let mut methods = self.done.methods.clone();
        for &(m, n) in self.projection.iter().flat_map(|p| &p.methods) {
            match methods.iter_mut().find(|(x, _)| *x == m) {
                Some((_, c)) => *c += n,
                None => methods.push((m, n)),
            }
        }
        crate::sort::sort(&mut methods);
        methods
    }

    /// Set when the state and the projection together summed TSS-scale and
    /// AU-scale loads.
    pub fn warning(&self) -> Option<String> {
        let mixed = self
            .methods()
            .windows(2)
            .any(|w| w[0].0.unit() != w[1].0.unit());
        mixed.then(|| MIXED_UNITS.to_string())
    }
}

const MIXED_UNITS: &str =
    "TSS-scale and AU-scale loads were summed: choose one method for a consistent series";

/// A log's loads as of `today`, by the rule of `docs/as-of.md`: the state
/// counts the completed sessions from the log's first day through `today`
/// (today's included, planned ones never); the projection runs from `today`
/// to `end` (default: the last planned session's date) through today's
/// completed and still-planned sessions and the planned sessions after it.
/// There is a projection when `end` is after `today` or a session is still
/// planned today.
///
/// # Errors
/// As [`daily_loads`]; `out_of_range` for a `today` before the log's first
/// date (there is no state before the log) or 100 years after it.
pub fn as_of_loads(
    log: &TrainingLog,
    athlete: &Athlete,
    options: &LoadOptions,
    today: NaiveDate,
    end: Option<NaiveDate>,
) -> Result<AsOfLoads> {
    let first = log.date_range().0;
    if today < first {
        return Err(Error::out_of_range(
            "today",
            today,
            &format!("on or after the log's first date {first}"),
        ));
    }
    if (today - first).num_days() as usize >= MAX_SERIES_DAYS {
        return Err(Error::out_of_range(
            "today",
            today,
            &format!("at most {MAX_SERIES_DAYS} days after the log's first date {first}"),
        ));
    }
    let done = daily_loads(
        log,
        athlete,
        options,
        Include::Completed,
        Some(first),
        Some(today),
    )?;
    let end = end
        .or_else(|| Include::Planned.last_date(log))
        .unwrap_or(today)
        .max(today);
    let planned_today = log
        .sessions()
        .iter()
        .any(|s| s.date == today && s.status == Status::Planned);
    let projection = if end > today || planned_today {
        let mut p = daily_loads(
            log,
            athlete,
            options,
            Include::Planned,
            Some(today),
            Some(end),
        )?;
        p.series.values[0] += done.series.values[done.series.values.len() - 1];
        Some(p)
    } else {
        None
    };
    Ok(AsOfLoads { done, projection })
}

/// Daily loads of a log from `start` to `end`. A day is *logged* when a
/// counted session (a rest session included) falls on it; other days are 0
/// and not logged.
///
/// `start` defaults to the log's first date; `end` to the last date of a
/// counted session (with [`Include::Completed`], the last completed day), so
/// that a series of completed loads never runs on into planned days as zeros
/// posing as rest (`docs/as-of.md`). A log with no counted session gives the
/// one day `start`, not logged.
///
/// # Errors
/// As [`session_load`], with the session's index; `inconsistent` when
/// `end < start`; `out_of_range` for more than 100 years of days.
pub fn daily_loads(
    log: &TrainingLog,
    athlete: &Athlete,
    options: &LoadOptions,
    include: Include,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Result<DailyLoads> {
    athlete.validate().map_err(|e| e.within("athlete"))?;
    check::opt_date("start", start)?;
    check::opt_date("end", end)?;
    let first = log.date_range().0;
    let last = include.last_date(log).unwrap_or(first);
    // A bad range blames the bound the caller gave (`end` when both were).
    let end_given = end.is_some();
    let (start, end) = (start.unwrap_or(first), end.unwrap_or(last));
    if end < start {
        return Err(if end_given {
            Error::inconsistent("end", end, &format!("must not be before start {start}"))
        } else {
            Error::inconsistent(
                "start",
                start,
                &format!("must not be after the default end {end} (the last counted session)"),
            )
        });
    }
    let n = (end - start).num_days() as usize + 1;
    if n > MAX_SERIES_DAYS {
        return Err(if end_given {
            Error::out_of_range(
                "end",
                end,
                &format!("at most {MAX_SERIES_DAYS} days after start"),
            )
        } else {
            Error::out_of_range(
                "start",
                start,
                &format!("at most {MAX_SERIES_DAYS} days before the default end {end}"),
            )
        });
    }
    let mut series = DailySeries {
        start,
        values: vec![0.0; n],
        logged: vec![false; n],
    };
    let mut counts: Vec<(LoadMethod, usize)> = Vec::new();
    let mut zeroed = 0;
    for (i, s) in log.sessions().iter().enumerate() {
        if !include.counts(s) || s.date < start || s.date > end {
            continue;
        }
        let k = (s.date - start).num_days() as usize;
        series.logged[k] = true;
        match session_load_valid(s, athlete, options) {
            Ok(l) => {
                series.values[k] += l.value;
                if s.duration_s > 0.0 {
                    match counts.iter_mut().find(|(m, _)| *m == l.method) {
                        Some((_, c)) => *c += 1,
                        None => counts.push((l.method, 1)),
                    }
                }
            }
            Err(e) if options.missing == MissingData::Zero && e.code() == "missing_field" => {
                zeroed += 1
            }
            Err(e) => return Err(session_error(e, Path::from("log.sessions").index(i))),
        }
    }
    crate::sort::sort(&mut counts);
    let mixed_units = counts.windows(2).any(|w| w[0].0.unit() != w[1].0.unit());
    let warning = mixed_units.then(|| MIXED_UNITS.to_string());
    Ok(DailyLoads {
        series,
        methods: counts,
        zeroed_sessions: zeroed,
        warning,
    })
}

/// How weeks are cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WeekMode {
    /// ISO calendar weeks, Monday to Sunday (default).
    #[default]
    Calendar,
    /// Rolling 7-day windows ending on each day.
    Rolling,
}

/// Which standard deviation monotony uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SdKind {
    /// Sample SD, ddof 1 (pandas, R; default).
    #[default]
    Sample,
    /// Population SD, ddof 0.
    Population,
}

/// Monotony above this is commonly flagged (Foster 1998).
pub const MONOTONY_FLAG: f64 = 2.0;

/// Load statistics of one 7-day window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeekLoad {
    /// First day of the window.
    pub start: NaiveDate,
    /// Last day of the window.
    pub end: NaiveDate,
    /// Days of the window inside the series (7 unless a calendar week is cut by the series' ends).
    pub days: usize,
    /// Days with something logged.
    pub logged_days: usize,
    /// Sum of daily loads.
    pub load: f64,
    /// Mean daily load (over the window's days).
    pub mean: f64,
    /// SD of daily loads (rest days as 0).
    pub sd: Option<f64>,
    /// mean / SD; absent for an incomplete week or an SD of 0.
    pub monotony: Option<f64>,
    /// load × monotony; absent with monotony.
    pub strain: Option<f64>,
    /// Change of load from the previous window, % (absent if that was 0).
    pub load_change_pct: Option<f64>,
}

/// Monotony, strain and ramp over 7-day windows of a daily load series.
///
/// Calendar mode gives one window per ISO week touched by the series (weeks
/// cut by the series' ends have `days < 7` and no monotony); rolling mode gives
/// one window per day from the 7th on, comparing each with the window ending 7
/// days earlier.
///
/// ```
/// use chrono::NaiveDate;
/// use runrecovery_core::load::{SdKind, WeekMode, weekly_loads};
/// // Foster 1998 worked case: 7 days, loads 300, 0, 500, 300, 0, 700, 300 (sample SD).
/// let loads = [300.0, 0.0, 500.0, 300.0, 0.0, 700.0, 300.0];
/// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(); // a Monday
/// let w = &weekly_loads(start, &loads, WeekMode::Calendar, SdKind::Sample).unwrap()[0];
/// let mean = 2100.0 / 7.0;
/// let sd = (loads.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / 6.0).sqrt();
/// assert!((w.monotony.unwrap() - mean / sd).abs() < 1e-12);
/// assert!((w.strain.unwrap() - 2100.0 * mean / sd).abs() < 1e-9);
/// ```
///
/// # Errors
/// `empty`, `not_finite` or `out_of_range` (negative) for the loads.
pub fn weekly_loads(
    start: NaiveDate,
    loads: &[f64],
    mode: WeekMode,
    sd_kind: SdKind,
) -> Result<Vec<WeekLoad>> {
    check::date("start", start)?;
    if loads.is_empty() {
        return Err(Error::empty("loads", "at least one day"));
    }
    if loads.len() > MAX_SERIES_DAYS {
        return Err(Error::out_of_range(
            "loads",
            loads.len(),
            &format!("at most {MAX_SERIES_DAYS} days"),
        ));
    }
    for (i, &v) in loads.iter().enumerate() {
        check_load(v, || Path::from("loads").index(i))?;
    }
    weekly_from_series(
        &DailySeries {
            start,
            values: loads.to_vec(),
            logged: vec![true; loads.len()],
        },
        mode,
        sd_kind,
    )
}

/// [`weekly_loads`] over a validated series (keeps its `logged` flags).
pub fn weekly_from_series(
    series: &DailySeries,
    mode: WeekMode,
    sd_kind: SdKind,
) -> Result<Vec<WeekLoad>> {
    let n = series.values.len();
    let window = |lo: usize, hi: usize, full: bool| -> WeekLoad {
        let vals = &series.values[lo..hi];
        let days = vals.len();
        let load: f64 = vals.iter().sum();
        let mean = load / days as f64;
        let ddof = if sd_kind == SdKind::Sample { 1.0 } else { 0.0 };
        let sd = (days as f64 > ddof).then(|| {
            (vals.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (days as f64 - ddof)).sqrt()
        });
        let monotony = sd.filter(|s| full && *s > 0.0).map(|s| mean / s);
        WeekLoad {
            start: series.date(lo),
            end: series.date(hi - 1),
            days,
            logged_days: series.logged[lo..hi].iter().filter(|x| **x).count(),
            load,
            mean,
            sd,
            monotony,
            strain: monotony.map(|m| load * m),
            load_change_pct: None,
        }
    };
    let mut weeks = Vec::new();
    match mode {
        WeekMode::Calendar => {
            let offset = (series.start - week_start(series.start)).num_days() as usize;
            let mut lo = 0;
            while lo < n {
                let hi = if lo == 0 {
                    (7 - offset).min(n)
                } else {
                    (lo + 7).min(n)
                };
                weeks.push(window(lo, hi, hi - lo == 7));
                lo = hi;
            }
            for i in 1..weeks.len() {
                let prev = weeks[i - 1].load;
                weeks[i].load_change_pct =
                    (prev > 0.0).then(|| (weeks[i].load - prev) / prev * 100.0);
            }
        }
        WeekMode::Rolling => {
            for hi in 7..=n {
                let mut w = window(hi - 7, hi, true);
                if hi >= 14 {
                    let prev: f64 = series.values[hi - 14..hi - 7].iter().sum();
                    w.load_change_pct = (prev > 0.0).then(|| (w.load - prev) / prev * 100.0);
                }
                weeks.push(w);
            }
        }
    }
    Ok(weeks)
}

/// Weekly volume of a log: time and distance per calendar week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeekVolume {
    /// Monday of the week.
    pub week_start: NaiveDate,
    /// Completed sessions.
    pub sessions: usize,
    /// Total duration, s.
    pub duration_s: f64,
    /// Total distance, m (sessions with a distance).
    pub distance_m: f64,
    /// Running duration, s.
    pub run_duration_s: f64,
    /// Running distance, m.
    pub run_distance_m: f64,
    /// Change of total duration from the previous week, %.
    pub duration_change_pct: Option<f64>,
    /// Change of running distance from the previous week, %.
    pub run_distance_change_pct: Option<f64>,
}

/// Weekly volume (time, distance) of the completed sessions, per ISO week,
/// every week from the log's first date to the last completed session (empty
/// weeks as 0; planned weeks are not volume: `docs/as-of.md`).
pub fn weekly_volume(log: &TrainingLog) -> Vec<WeekVolume> {
    let first = log.date_range().0;
    let last = Include::Completed.last_date(log).unwrap_or(first);
    weekly_volume_between(log, first, last)
}

/// [`weekly_volume`] for the ISO weeks touched by `start..=end` (sessions
/// outside the range do not count): the weeks of a daily series.
pub fn weekly_volume_between(
    log: &TrainingLog,
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<WeekVolume> {
    let (w0, w1) = (week_start(start), week_start(end.max(start)));
    let n = ((w1 - w0).num_days() / 7) as usize + 1;
    let mut weeks: Vec<WeekVolume> = (0..n)
        .map(|i| WeekVolume {
            week_start: w0 + chrono::Days::new(7 * i as u64),
            sessions: 0,
            duration_s: 0.0,
            distance_m: 0.0,
            run_duration_s: 0.0,
            run_distance_m: 0.0,
            duration_change_pct: None,
            run_distance_change_pct: None,
        })
        .collect();
    for s in log.completed().filter(|s| s.date >= start && s.date <= end) {
        let w = &mut weeks[((week_start(s.date) - w0).num_days() / 7) as usize];
        w.sessions += 1;
        w.duration_s += s.duration_s;
        w.distance_m += s.distance_m.unwrap_or(0.0);
        if s.kind.is_run() {
            w.run_duration_s += s.duration_s;
            w.run_distance_m += s.distance_m.unwrap_or(0.0);
        }
    }
    let pct = |now: f64, prev: f64| (prev > 0.0).then(|| (now - prev) / prev * 100.0);
    for i in 1..weeks.len() {
        weeks[i].duration_change_pct = pct(weeks[i].duration_s, weeks[i - 1].duration_s);
        weeks[i].run_distance_change_pct =
            pct(weeks[i].run_distance_m, weeks[i - 1].run_distance_m);
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{HrBin, SessionKind};

    fn athlete() -> Athlete {
        Athlete {
            sex: Some(Sex::Female),
            hr_max_bpm: Some(190.0),
            hr_rest_bpm: Some(50.0),
            lthr_bpm: Some(172.0),
            vt1_hr_bpm: Some(150.0),
            vt2_hr_bpm: Some(172.0),
            threshold_pace_s_per_km: Some(250.0),
            critical_power_w: Some(250.0),
            ..Athlete::default()
        }
    }

    fn session() -> Session {
        Session::new(
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            SessionKind::Threshold,
            3600.0,
        )
    }

    #[test]
    fn female_banister_coefficients() {
        let mut s = session();
        s.avg_hr_bpm = Some(120.0); // x = 0.5
        let l = session_load(
            &s,
            &athlete(),
            &LoadOptions::with_method(LoadMethod::BanisterTrimp),
        )
        .unwrap();
        assert!((l.value - 60.0 * 0.5 * 0.86 * (1.67f64 * 0.5).exp()).abs() < 1e-9);
    }

    #[test]
    fn edwards_and_lucia_from_a_histogram() {
        let mut s = session();
        // 10 min at 100 bpm (52.6 %: ×1), 20 min at 160 (84.2 %: ×4), 30 min at 180 (94.7 %: ×5)
        s.hr_histogram = Some(vec![
            HrBin {
                hr_bpm: 100.0,
                seconds: 600.0,
            },
            HrBin {
                hr_bpm: 160.0,
                seconds: 1200.0,
            },
            HrBin {
                hr_bpm: 180.0,
                seconds: 1800.0,
            },
        ]);
        let a = athlete();
        let e = session_load(&s, &a, &LoadOptions::with_method(LoadMethod::EdwardsTrimp)).unwrap();
        assert_eq!(e.value, 10.0 + 80.0 + 150.0);
        let l = session_load(&s, &a, &LoadOptions::with_method(LoadMethod::LuciaTrimp)).unwrap();
        assert_eq!(l.value, 10.0 + 40.0 + 90.0);
    }

    #[test]
    fn one_hour_at_threshold_is_100_tss() {
        let a = athlete();
        let mut s = session();
        s.distance_m = Some(14_400.0); // 250 s/km for 1 h
        s.avg_power_w = Some(250.0);
        s.avg_hr_bpm = Some(172.0);
        for m in [LoadMethod::Rtss, LoadMethod::PowerTss, LoadMethod::HrTss] {
            let l = session_load(&s, &a, &LoadOptions::with_method(m)).unwrap();
            assert!((l.value - 100.0).abs() < 1e-9, "{m:?}: {}", l.value);
        }
        assert_eq!(
            session_load(&s, &a, &LoadOptions::default())
                .unwrap()
                .method,
            LoadMethod::PowerTss
        );
    }

    #[test]
    fn hr_above_max_is_an_error() {
        let mut s = session();
        s.avg_hr_bpm = Some(200.0);
        let e = session_load(
            &s,
            &athlete(),
            &LoadOptions::with_method(LoadMethod::BanisterTrimp),
        )
        .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("out_of_range", "session.avg_hr_bpm")
        );
    }
}
