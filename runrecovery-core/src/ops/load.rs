//! Load stage: session loads, daily loads and weekly windows.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::fields::request;

use super::log::log_with_athlete;
use crate::athlete::Athlete;
use crate::error::{Error, Result};
use crate::load::{
    self, Include, LoadMethod, LoadOptions, MissingData, SdKind, SessionLoad, TrimpCoefficients,
    WeekLoad, WeekMode, WeekVolume,
};
use crate::log::{DailySeries, DuplicatePolicy, TrainingLog};
use crate::session::Session;

/// Request of [`session_load`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SessionLoadRequest {
    /// The session.
    pub session: Session,
    /// The athlete.
    #[serde(default)]
    pub athlete: Athlete,
    /// Method (default `auto`).
    #[serde(default)]
    pub method: LoadMethod,
    /// Banister coefficients (default `sex_specific`).
    #[serde(default)]
    pub trimp_coefficients: TrimpCoefficients,
}

/// The load of one session by a chosen or automatic method.
///
/// `method` is `"auto"` (default: the best the data supports),
/// `"session_rpe"` (RPE × min, AU), `"banister_trimp"`,
/// `"edwards_trimp"`, `"lucia_trimp"` (AU), `"rtss"`, `"power_tss"`
/// or `"hr_tss"` (TSS); the result says which it used and its `unit`.
///
/// # Python
///
/// ```python
/// >>> session_load(session={"date": "2026-03-02", "kind": "tempo", "duration_s": 1800, "rpe": 6})
/// {'method': 'session_rpe', 'unit': 'AU', 'value': 180.0}
/// ```
pub fn session_load(r: SessionLoadRequest) -> Result<SessionLoad> {
    let opts = LoadOptions {
        method: r.method,
        trimp_coefficients: r.trimp_coefficients,
        missing: MissingData::Error,
    };
    load::session_load(&r.session, &r.athlete, &opts)
}

request! {
    /// Request of [`daily_loads`] and [`weekly_summary`].
    #[derive(Debug, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct LogLoadRequest {
        ..log_loads,
        /// Which sessions count (default `completed`).
        #[serde(default)]
        pub include: Include,
        /// First day (default: the log's first).
        #[serde(default)]
        pub start: Option<NaiveDate>,
        /// Last day (default: the last counted session's: with `completed`,
        /// the last completed day, never planned days as zeros).
        #[serde(default)]
        pub end: Option<NaiveDate>,
        /// Weeks: `calendar` (default) or `rolling` (weekly_summary only).
        #[serde(default)]
        pub week: WeekMode,
        /// SD for monotony: `sample` (default) or `population` (weekly_summary only).
        #[serde(default)]
        pub sd: SdKind,
    }
}

impl LogLoadRequest {
    fn daily(self) -> Result<(TrainingLog, load::DailyLoads)> {
        let opts = self.load_options();
        let (log, athlete, at) = log_with_athlete(self.log, DuplicatePolicy::Reject, self.athlete)?;
        let d = load::daily_loads(&log, &athlete, &opts, self.include, self.start, self.end)
            .map_err(|e| at.name(e))?;
        Ok((log, d))
    }
}

/// Response of [`daily_loads`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DailyLoadsResponse {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Load per day.
    pub load: Vec<f64>,
    /// Whether anything was logged that day.
    pub logged: Vec<bool>,
    /// Sessions scored by each method.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::MethodCounts"))]
    pub methods: BTreeMap<LoadMethod, usize>,
    /// Sessions counted as zero for lack of data.
    pub zeroed_sessions: usize,
    /// Set when scales were mixed.
    pub warning: Option<String>,
}

/// Calendar-day loads of a log, missing days explicit.
///
/// `load` (in the method's unit, AU or TSS) and `logged` are NumPy
/// arrays with one element per day from `start` to `end`; a day without
/// any session has load 0 and `logged` False. By default the series runs
/// from the log's first date to the last counted session's (with
/// `include="completed"`, the last completed day: planned days are never
/// zeros posing as rest; docs/as-of.md). `week` and `sd` are
/// read by `weekly_summary` only. See `to_pandas`.
///
/// # Python
///
/// ```python
/// >>> d = daily_loads(log={"schema_version": 1, "sessions": [
/// ...     {"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "rpe": 3},
/// ...     {"date": "2026-03-04", "kind": "intervals", "duration_s": 3600, "rpe": 8}]})
/// >>> d["start"], d["load"].tolist(), d["logged"].tolist()
/// ('2026-03-02', [150.0, 0.0, 480.0], [True, False, True])
/// ```
pub fn daily_loads(r: LogLoadRequest) -> Result<DailyLoadsResponse> {
    let (_, d) = r.daily()?;
    Ok(DailyLoadsResponse {
        start: d.series.start,
        end: d.series.end(),
        methods: d.methods.into_iter().collect(),
        load: d.series.values,
        logged: d.series.logged,
        zeroed_sessions: d.zeroed_sessions,
        warning: d.warning,
    })
}

/// Request of [`weekly_loads`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WeeklyLoadsRequest {
    /// Date of the first load.
    pub start: NaiveDate,
    /// One load per day.
    pub loads: Vec<f64>,
    /// Whether each day was logged (default: all), for `logged_days`.
    #[serde(default)]
    pub logged: Option<Vec<bool>>,
    /// Weeks: `calendar` (default) or `rolling`.
    #[serde(default)]
    pub week: WeekMode,
    /// SD: `sample` (default) or `population`.
    #[serde(default)]
    pub sd: SdKind,
}

/// Weekly windows.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeeklyLoadsResponse {
    /// One entry per window.
    pub weeks: Vec<WeekLoad>,
}

/// Monotony, strain and ramp over 7-day windows of daily loads.
///
/// `loads`: one load per day from `start` (any unit, ≥ 0). Monotony
/// (Foster 1998) = mean / SD of the week's daily loads; strain = weekly
/// load × monotony; `load_change_pct` in %. `week` is `"calendar"`
/// (default, Monday–Sunday) or `"rolling"`; `sd` is `"sample"`
/// (default) or `"population"`. `logged` (optional, one bool per day)
/// marks the days with data, for `logged_days`.
///
/// # Python
///
/// `loads` may be a pandas `Series` on a `DatetimeIndex` with no
/// `start` (see `pmc`): the gaps are then filled with 0 and marked
/// not logged.
///
/// ```python
/// >>> w = weekly_loads(start="2026-03-02", loads=[300, 0, 500, 300, 0, 700, 300])["weeks"][0]
/// >>> w["load"], round(w["monotony"], 3), round(w["strain"])
/// (2100.0, 1.192, 2503)
/// ```
pub fn weekly_loads(r: WeeklyLoadsRequest) -> Result<WeeklyLoadsResponse> {
    let mut weeks = load::weekly_loads(r.start, &r.loads, r.week, r.sd)?;
    if let Some(logged) = r.logged {
        if logged.len() != r.loads.len() {
            return Err(Error::inconsistent(
                "logged",
                format!("{} days", logged.len()),
                "must match the loads' length",
            ));
        }
        let series = DailySeries {
            start: r.start,
            values: r.loads,
            logged,
        };
        weeks = load::weekly_from_series(&series, r.week, r.sd)?;
    }
    Ok(WeeklyLoadsResponse { weeks })
}

/// Response of [`weekly_summary`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeeklySummaryResponse {
    /// Load windows (calendar weeks or rolling).
    pub weeks: Vec<WeekLoad>,
    /// Volume per calendar week.
    pub volume: Vec<WeekVolume>,
    /// Sessions scored by each method.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::MethodCounts"))]
    pub methods: BTreeMap<LoadMethod, usize>,
    /// Set when scales were mixed.
    pub warning: Option<String>,
}

/// Weekly volume, load, monotony, strain and ramp of a log.
///
/// `weeks` as in `weekly_loads` (load in the method's unit);
/// `volume` per calendar week of the same days (completed sessions):
/// durations in s, distances in m, changes in %. The days are those of
/// `daily_loads`, ending by default at the last completed day (docs/as-of.md).
///
/// # Python
///
/// ```python
/// >>> s = weekly_summary(log={"schema_version": 1, "sessions": [
/// ...     {"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "distance_m": 9000, "rpe": 3},
/// ...     {"date": "2026-03-10", "kind": "easy", "duration_s": 3600, "distance_m": 10000, "rpe": 3}]})
/// >>> [w["load"] for w in s["weeks"]], [v["run_distance_m"] for v in s["volume"]]
/// ([150.0, 180.0], [9000.0, 10000.0])
/// ```
pub fn weekly_summary(r: LogLoadRequest) -> Result<WeeklySummaryResponse> {
    let (week, sd) = (r.week, r.sd);
    let (log, d) = r.daily()?;
    Ok(WeeklySummaryResponse {
        weeks: load::weekly_from_series(&d.series, week, sd)?,
        volume: load::weekly_volume_between(&log, d.series.start, d.series.end()),
        methods: d.methods.into_iter().collect(),
        warning: d.warning,
    })
}
