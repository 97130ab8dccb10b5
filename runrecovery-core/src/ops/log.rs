//! Log stage: validated log documents and calendar-day series.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::athlete::Athlete;
use crate::error::{Error, Result};
use crate::log::{DailySeries, DuplicatePolicy, LogDocument, TrainingLog};

/// Request of [`read_log`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReadLogRequest {
    /// The log document.
    #[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]
    pub log: Value,
    /// Duplicate policy (default `reject`).
    #[serde(default)]
    pub duplicates: DuplicatePolicy,
}

/// Response of [`read_log`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReadLogResponse {
    /// The canonical document (sorted, current schema).
    pub log: LogDocument,
    /// Number of sessions kept.
    pub sessions: usize,
    /// Completed sessions.
    pub completed: usize,
    /// Planned sessions.
    pub planned: usize,
    /// First date.
    pub first_date: NaiveDate,
    /// Last date.
    pub last_date: NaiveDate,
}

/// Validate a log document: sorted, duplicates handled, current schema.
///
/// `log` is `{"schema_version": 1, "athlete": {...}, "sessions": [...]}`
/// (durations in s, distances in m); `duplicates` is `"reject"`
/// (default), `"drop_exact"` or `"keep_last"`.
///
/// # Python
///
/// ```python
/// >>> r = read_log(log={"schema_version": 1, "sessions": [
/// ...     {"date": "2026-03-04", "kind": "intervals", "duration_s": 3000, "rpe": 8},
/// ...     {"date": "2026-03-02", "kind": "easy", "duration_s": 3600, "rpe": 3}]})
/// >>> r["sessions"], r["first_date"], r["log"]["sessions"][0]["kind"]
/// (2, '2026-03-02', 'easy')
/// ```
pub fn read_log(r: ReadLogRequest) -> Result<ReadLogResponse> {
    let log = TrainingLog::from_value(r.log, r.duplicates).map_err(|e| e.within("log"))?;
    let (first, last) = log.date_range();
    let completed = log.completed().count();
    Ok(ReadLogResponse {
        sessions: log.sessions().len(),
        completed,
        planned: log.sessions().len() - completed,
        first_date: first,
        last_date: last,
        log: log.to_document(),
    })
}

/// Request of [`daily_series`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DailySeriesRequest {
    /// Strictly increasing dates.
    pub dates: Vec<NaiveDate>,
    /// One value (≥ 0) per date.
    pub values: Vec<f64>,
}

/// Response of [`daily_series`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DailySeriesResponse {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// One value per calendar day (0 where no date was given).
    pub values: Vec<f64>,
    /// Whether the day had a value.
    pub logged: Vec<bool>,
}

/// A calendar-day series from dated values: gaps filled with 0 and marked not logged.
///
/// `dates` strictly increasing (strings, dates, a pandas `DatetimeIndex`…),
/// one value (≥ 0, in any unit) per date. `values` and `logged` come back
/// as NumPy arrays, one element per day from `start` to `end`.
///
/// # Python
///
/// ```python
/// >>> s = daily_series(dates=["2026-03-02", "2026-03-05"], values=[10, 20])
/// >>> s["start"], s["end"], s["values"].tolist()
/// ('2026-03-02', '2026-03-05', [10.0, 0.0, 0.0, 20.0])
/// ```
pub fn daily_series(r: DailySeriesRequest) -> Result<DailySeriesResponse> {
    let s = DailySeries::from_dated(&r.dates, &r.values, "$")?;
    Ok(DailySeriesResponse {
        start: s.start,
        end: s.end(),
        values: s.values,
        logged: s.logged,
    })
}

/// The request's log and its athlete (given, or the log's, or the default),
/// and where that athlete is in the request.
pub(super) fn log_with_athlete(
    log: Value,
    duplicates: DuplicatePolicy,
    athlete: Option<Athlete>,
) -> Result<(TrainingLog, Athlete, AthleteAt)> {
    let log = TrainingLog::from_value(log, duplicates).map_err(|e| e.within("log"))?;
    let (athlete, from_log) = match athlete {
        Some(a) => {
            a.validate().map_err(|e| e.within("athlete"))?;
            (a, false)
        }
        None => (
            log.athlete().cloned().unwrap_or_default(),
            log.athlete().is_some(),
        ),
    };
    Ok((log, athlete, AthleteAt { from_log }))
}

/// Where a request's athlete is: its `athlete` field, or the log's
/// `log.athlete` when that one is used.
#[derive(Debug, Clone, Copy)]
pub(super) struct AthleteAt {
    from_log: bool,
}

impl AthleteAt {
    /// `e`, an error of a domain function given the athlete (which names it
    /// `athlete`), naming the athlete where it is in the request.
    pub(super) fn name(self, e: Error) -> Error {
        if self.from_log && e.path().first_key() == Some("athlete") {
            e.within("log")
        } else {
            e
        }
    }
}
