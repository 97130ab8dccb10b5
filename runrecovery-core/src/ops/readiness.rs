//! Readiness stage: today's readiness, baselines, warning signs and adapted sessions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::PerformanceTest;
use super::log::log_with_athlete;
use crate::error::{Error, Result};
use crate::load::{self, Include, LoadMethod, LoadOptions};
use crate::log::DuplicatePolicy;
use crate::readiness::{
    self as ready, AdaptedSession, BaselineDay, DayMarkers, EngineState, Readiness,
    ReadinessOptions, WarningSign,
};
use crate::session::Session;

/// Request of [`readiness`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReadinessRequest {
    /// Daily markers in date order, today last.
    pub markers: Vec<DayMarkers>,
    /// The engine's outputs for today, when known.
    #[serde(default)]
    pub engine: Option<EngineState>,
    /// Windows, thresholds and mode.
    #[serde(default)]
    pub options: ReadinessOptions,
}

/// Today's readiness.
pub fn readiness(r: ReadinessRequest) -> Result<Readiness> {
    ready::readiness(&r.markers, r.engine.as_ref(), &r.options).map_err(options_path)
}

/// Errors about options name them under `options`.
fn options_path(e: Error) -> Error {
    let f = e.field();
    if f.starts_with("markers")
        || f.starts_with("engine")
        || f.starts_with("planned")
        || f.starts_with("log")
        || f.starts_with("tests")
        || f.starts_with("loads")
    {
        e
    } else {
        e.within("options")
    }
}

/// Request of [`readiness_baselines`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BaselinesRequest {
    /// Daily markers in date order.
    pub markers: Vec<DayMarkers>,
    /// Windows and thresholds.
    #[serde(default)]
    pub options: ReadinessOptions,
}

/// Response of [`readiness_baselines`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BaselinesResponse {
    /// One entry per marker day.
    pub days: Vec<BaselineDay>,
}

/// Each day's baselines.
pub fn readiness_baselines(r: BaselinesRequest) -> Result<BaselinesResponse> {
    Ok(BaselinesResponse {
        days: ready::baselines(&r.markers, &r.options).map_err(options_path)?,
    })
}

/// Daily loads given directly.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DatedLoads {
    /// The first day.
    pub start: NaiveDate,
    /// One load per day.
    pub values: Vec<f64>,
}

/// Request of [`warning_signs`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WarningSignsRequest {
    /// Daily markers in date order, today last.
    pub markers: Vec<DayMarkers>,
    /// A training log (its completed sessions give the daily loads, by `method`).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::log::LogDocument>"))]
    pub log: Option<Value>,
    /// Or the daily loads directly.
    #[serde(default)]
    pub loads: Option<DatedLoads>,
    /// Load method for the log (default `session_rpe`).
    #[serde(default)]
    pub method: Option<LoadMethod>,
    /// Performance tests, in date order (higher is better).
    #[serde(default)]
    pub tests: Vec<PerformanceTest>,
    /// Windows and thresholds.
    #[serde(default)]
    pub options: ReadinessOptions,
}

/// Response of [`warning_signs`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WarningSignsResponse {
    /// The signs found (empty: none).
    pub signs: Vec<WarningSign>,
}

/// Warning signs over the last weeks.
pub fn warning_signs(r: WarningSignsRequest) -> Result<WarningSignsResponse> {
    let tests: Vec<(NaiveDate, f64)> = r.tests.iter().map(|t| (t.date, t.value)).collect();
    let owned: Option<(NaiveDate, Vec<f64>)> = match (r.log, r.loads) {
        (Some(_), Some(_)) => {
            return Err(Error::inconsistent(
                "loads",
                "both",
                "give a log or loads, not both",
            ));
        }
        (Some(log), None) => {
            let (log, athlete) = log_with_athlete(log, DuplicatePolicy::Reject, None)?;
            let end = r.markers.last().map(|m| m.date);
            let opts = LoadOptions::with_method(r.method.unwrap_or(LoadMethod::SessionRpe));
            let d = load::daily_loads(
                &log,
                &athlete,
                &opts,
                Include::Completed,
                None,
                end.filter(|e| *e >= log.date_range().0),
            )?;
            Some((d.series.start, d.series.values))
        }
        (None, Some(l)) => Some((l.start, l.values)),
        (None, None) => None,
    };
    let loads = owned.as_ref().map(|(start, values)| ready::Loads {
        start: *start,
        values,
    });
    Ok(WarningSignsResponse {
        signs: ready::warning_signs(&r.markers, loads, &tests, &r.options).map_err(options_path)?,
    })
}

/// Request of [`adapt_session`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AdaptSessionRequest {
    /// Today's planned session.
    pub planned: Session,
    /// Daily markers in date order, today last.
    pub markers: Vec<DayMarkers>,
    /// The engine's outputs for today, when known.
    #[serde(default)]
    pub engine: Option<EngineState>,
    /// Readiness options.
    #[serde(default)]
    pub options: ReadinessOptions,
}

/// Response of [`adapt_session`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AdaptSessionResponse {
    /// The adapted session and why.
    #[serde(flatten)]
    pub adapted: AdaptedSession,
    /// The readiness it was adapted to.
    pub readiness: Readiness,
}

/// Today's session adapted to today's readiness.
pub fn adapt_session(r: AdaptSessionRequest) -> Result<AdaptSessionResponse> {
    let readiness =
        ready::readiness(&r.markers, r.engine.as_ref(), &r.options).map_err(options_path)?;
    let today = r
        .markers
        .last()
        .ok_or_else(|| Error::empty("markers", "at least today's markers"))?;
    let adapted = ready::adapt_session(&r.planned, &readiness, today)?;
    Ok(AdaptSessionResponse { adapted, readiness })
}
