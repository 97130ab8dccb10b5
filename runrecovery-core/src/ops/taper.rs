//! Taper stage: applying, scoring and optimizing a taper.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use super::log::log_with_athlete;
use crate::athlete::Athlete;
use crate::error::{Result, check};
use crate::load::LoadMethod;
use crate::log::{DuplicatePolicy, TrainingLog};
use crate::taper::{self, TaperModel, TaperOptimum, TaperScore, TaperSpec, TaperedPlan};

/// Request of [`taper_apply`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaperApplyRequest {
    /// The plan (a log document with planned sessions).
    #[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]
    pub log: Value,
    /// The race day.
    pub race_date: NaiveDate,
    /// The taper (all fields optional).
    #[serde(default)]
    pub taper: TaperSpec,
}

/// Applies a taper to a plan.
pub fn taper_apply(r: TaperApplyRequest) -> Result<TaperedPlan> {
    let log =
        TrainingLog::from_value(r.log, DuplicatePolicy::Reject).map_err(|e| e.within("log"))?;
    taper::apply(&log, r.race_date, &r.taper)
}

fn default_taper_model() -> TaperModel {
    TaperModel::DefaultBusso
}

fn default_taper_method() -> LoadMethod {
    LoadMethod::SessionRpe
}

/// Request of [`taper_score`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaperScoreRequest {
    /// History and plan in one document.
    #[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]
    pub log: Value,
    /// The athlete (default: the document's).
    #[serde(default)]
    pub athlete: Option<Athlete>,
    /// The race day.
    pub race_date: NaiveDate,
    /// The taper.
    #[serde(default)]
    pub taper: TaperSpec,
    /// Load method (default `session_rpe`).
    #[serde(default = "default_taper_method")]
    pub method: LoadMethod,
    /// The model (default `{"kind": "default_busso"}`).
    #[serde(default = "default_taper_model")]
    pub model: TaperModel,
}

/// Scores a taper.
pub fn taper_score(r: TaperScoreRequest) -> Result<TaperScore> {
    let (log, athlete) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    taper::score(&log, &athlete, r.race_date, &r.taper, r.method, r.model)
}

fn default_alternatives() -> usize {
    5
}

/// Request of [`taper_optimize`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaperOptimizeRequest {
    /// History and plan in one document (at least 21 days before the race).
    #[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]
    pub log: Value,
    /// The athlete (default: the document's).
    #[serde(default)]
    pub athlete: Option<Athlete>,
    /// The race day.
    pub race_date: NaiveDate,
    /// Load method (default `session_rpe`).
    #[serde(default = "default_taper_method")]
    pub method: LoadMethod,
    /// The model (default `{"kind": "default_busso"}`).
    #[serde(default = "default_taper_model")]
    pub model: TaperModel,
    /// How many runners-up (default 5).
    #[serde(default = "default_alternatives")]
    pub alternatives: usize,
}

/// The best taper.
pub fn taper_optimize(r: TaperOptimizeRequest) -> Result<TaperOptimum> {
    let (log, athlete) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    check::in_range("alternatives", r.alternatives as f64, 0.0, 100.0, "")?;
    taper::optimize(
        &log,
        &athlete,
        r.race_date,
        r.method,
        r.model,
        r.alternatives,
    )
}
