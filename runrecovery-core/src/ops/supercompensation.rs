//! Supercompensation stage: residual fatigue and the next quality session.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use super::log::log_with_athlete;
use crate::athlete::Athlete;
use crate::error::{Result, check};
use crate::log::DuplicatePolicy;
use crate::session::SessionKind;
use crate::supercompensation::{self, NextQualitySession, RecoveryOptions, RecoveryState};

/// Request of [`recovery_state`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecoveryStateRequest {
    /// The log document.
    #[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]
    pub log: Value,
    /// The athlete (default: the log's).
    #[serde(default)]
    pub athlete: Option<Athlete>,
    /// The day (the state is taken at `options.day_hour`).
    pub date: NaiveDate,
    /// A clock time instead of `day_hour` (`HH:MM:SS`).
    #[serde(default)]
    pub time: Option<chrono::NaiveTime>,
    /// Model constants (all optional).
    #[serde(default)]
    pub options: RecoveryOptions,
}

/// Each body system's residual fatigue and status at a moment.
///
/// The moment is `date` at `options["day_hour"]` (08:00 by default) or
/// at `time` (`"HH:MM:SS"` or a `datetime.time`; a `datetime` given
/// as `date` counts by its date only). Fatigue of the metabolic,
/// muscular, neuromuscular and structural systems is unitless (1 = one
/// reference session just done); `hours_to_ready` in hours; time constants
/// in `options` in hours.
///
/// # Python
///
/// ```python
/// >>> s = recovery_state(date="2026-03-04", log={"schema_version": 1, "sessions": [
/// ...     {"date": "2026-03-03", "kind": "intervals", "duration_s": 3000, "rpe": 8}]})
/// >>> s["at"], s["limiting_system"], [x["status"] for x in s["systems"]]
/// ('2026-03-04T08:00:00', 'neuromuscular', ['fresh', 'recovering', 'recovering', 'ready'])
/// ```
pub fn recovery_state(r: RecoveryStateRequest) -> Result<RecoveryState> {
    let (log, athlete, at) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    let time = match r.time {
        Some(t) => t,
        None => {
            check::in_range("options.day_hour", r.options.day_hour, 0.0, 23.99, "h")?;
            chrono::NaiveTime::from_num_seconds_from_midnight_opt(
                (r.options.day_hour * 3600.0).round() as u32,
                0,
            )
            .unwrap_or_default()
        }
    };
    supercompensation::recovery_state(&log, &athlete, r.date.and_time(time), &r.options)
        .map_err(|e| at.name(e))
}

fn default_quality_kind() -> SessionKind {
    SessionKind::Intervals
}

/// Request of [`next_quality_session`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NextQualitySessionRequest {
    /// The log document.
    #[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]
    pub log: Value,
    /// The athlete (default: the log's).
    #[serde(default)]
    pub athlete: Option<Athlete>,
    /// Today (sessions completed up to today count).
    pub today: NaiveDate,
    /// The kind of the next quality session (default `intervals`).
    #[serde(default = "default_quality_kind")]
    pub kind: SessionKind,
    /// Today's readiness status, as `readiness` returns it, when known:
    /// anything but `go` keeps the session off today.
    #[serde(default)]
    pub readiness: Option<crate::readiness::Status>,
    /// Model constants (all optional).
    #[serde(default)]
    pub options: RecoveryOptions,
}

/// The earliest safe day and the best day for the next quality session.
///
/// `kind` of the planned session (default `"intervals"`); sessions
/// completed up to `today` count. `readiness` is today's status from
/// `readiness` (`"go"`, `"go_easy"`, `"rest"`, `"not_enough_data"`): anything but `"go"`
/// makes today unsafe, so `earliest` is tomorrow or later and `reason`
/// says so. `earliest` and `best` are dates;
/// `days` lists each candidate day with its fatigue per body system
/// (unitless), whether it is safe, and the expected response.
///
/// # Python
///
/// ```python
/// >>> n = next_quality_session(today="2026-03-03", log={"schema_version": 1, "sessions": [
/// ...     {"date": "2026-03-03", "kind": "intervals", "duration_s": 3000, "rpe": 8}]})
/// >>> n["earliest"], n["best"]
/// ('2026-03-05', '2026-03-07')
/// ```
pub fn next_quality_session(r: NextQualitySessionRequest) -> Result<NextQualitySession> {
    let (log, athlete, at) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    supercompensation::next_quality_session_given(
        &log,
        &athlete,
        r.today,
        r.kind,
        r.readiness,
        &r.options,
    )
    .map_err(|e| at.name(e))
}
