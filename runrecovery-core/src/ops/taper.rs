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

/// Apply a taper (length, volume cut, shape) to a plan's final days, intensity kept.
///
/// `taper`: `length_days` (8–21, default 14), `volume_cut` (the mean
/// cut, 0.41–0.60, default 0.5), `shape` (`{"kind": "step"}`,
/// `"linear"`, `{"kind": "exponential", "tau_days": 5}` (default) or
/// `{"kind": "two_phase", "rise": 0.25}`) and `frequency_cut` (share
/// of easy sessions dropped, 0–0.2). Sessions keep their kind and RPE;
/// their duration (s) and distance (m) fall by each day's `factors`.
/// `volume_before_s` / `volume_after_s`: planned running time of the
/// taper days, s.
///
/// # Python
///
/// ```python
/// >>> import datetime
/// >>> plan = {"schema_version": 1, "sessions": [
/// ...     {"date": datetime.date(2026, 5, 4) + datetime.timedelta(days=i), "kind": "easy",
/// ...      "duration_s": 3600, "rpe": 4, "status": "planned"} for i in range(21)]}
/// >>> t = taper_apply(log=plan, race_date="2026-05-25",
/// ...                 taper={"length_days": 10, "volume_cut": 0.5, "shape": {"kind": "step"}})
/// >>> t["taper_start"], t["factors"][:2], t["volume_before_s"], t["volume_after_s"]
/// ('2026-05-15', [0.5, 0.5], 36000.0, 18000.0)
/// >>> t["plan"]["sessions"][-1]["duration_s"]
/// 1800.0
/// ```
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

/// Project fitness, fatigue, form and predicted performance on race day for a taper.
///
/// `log`: history (completed sessions) and plan (planned sessions, which
/// get the taper) in one document: up to the log's last completed day only
/// completed sessions count, after it the planned ones (docs/as-of.md); `taper` as in `taper_apply`;
/// loads by `method` (default `"session_rpe"`, AU). Fitness, fatigue
/// and form are the PMC's (42/7 days) on race morning; `performance` is
/// the `model`'s (higher is better, in its units):
/// `{"kind": "default_busso"}` (default, relative units),
/// `{"kind": "busso", "params": ...}` or `{"kind": "banister", "params": ...}`.
///
/// # Python
///
/// ```python
/// >>> import datetime
/// >>> day = datetime.date(2026, 3, 2)
/// >>> log = {"schema_version": 1, "sessions": [
/// ...     {"date": day + datetime.timedelta(days=i), "kind": "intervals" if i % 7 == 1 else "easy",
/// ...      "duration_s": 3600, "rpe": 8 if i % 7 == 1 else 3,
/// ...      "status": "completed" if i < 28 else "planned"} for i in range(56)]}
/// >>> race = day + datetime.timedelta(days=56)
/// >>> none = taper_score(log=log, race_date=race, taper={"length_days": 10, "volume_cut": 0.41})
/// >>> deep = taper_score(log=log, race_date=race, taper={"length_days": 10, "volume_cut": 0.6})
/// >>> deep["form"] > none["form"], deep["fitness"] < none["fitness"]
/// (True, True)
/// ```
pub fn taper_score(r: TaperScoreRequest) -> Result<TaperScore> {
    let (log, athlete, at) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    taper::score(&log, &athlete, r.race_date, &r.taper, r.method, r.model).map_err(|e| at.name(e))
}

fn default_alternatives() -> usize {
    5
}

/// Request of [`taper_optimize`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaperOptimizeRequest {
    /// History and plan in one document (at least 8 planned days before the race).
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

/// The best taper for this athlete among the tapers `taper_apply` accepts, with the runners-up.
///
/// `log`, `method` and `model` as in `taper_score` (at least 8
/// planned days before `race_date`). Candidates: lengths 8 days to the
/// longest the plan allows (21 at most: a taper cannot start before the
/// first planned session) × cuts 0.41–0.60 × shapes (step, linear,
/// exponential τ 3, 5, 8 days, two-phase rise 0.2 and 0.3); `best` by
/// predicted performance (ties: higher form), `alternatives` runners-up
/// (default 5), `no_taper`, the plan as it is, and `search`: the ranges
/// searched and the best taper's values on their `edges`, each with what
/// stops the search there (`limit`: `rules`, `plan` or `search`, the
/// grid's own range inside the rules) and a note.
///
/// # Python
///
/// ```python
/// >>> import datetime
/// >>> day = datetime.date(2026, 3, 2)
/// >>> log = {"schema_version": 1, "sessions": [
/// ...     {"date": day + datetime.timedelta(days=i), "kind": "intervals" if i % 7 == 1 else "easy",
/// ...      "duration_s": 3600, "rpe": 8 if i % 7 == 1 else 3,
/// ...      "status": "completed" if i < 28 else "planned"} for i in range(56)]}
/// >>> o = taper_optimize(log=log, race_date=day + datetime.timedelta(days=56), alternatives=2)
/// >>> o["candidates"], len(o["alternatives"]), o["best"]["performance"] > o["no_taper"]["performance"]
/// (1078, 2, True)
/// ```
pub fn taper_optimize(r: TaperOptimizeRequest) -> Result<TaperOptimum> {
    let (log, athlete, at) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    check::in_range("alternatives", r.alternatives as f64, 0.0, 100.0, "")?;
    taper::optimize(
        &log,
        &athlete,
        r.race_date,
        r.method,
        r.model,
        r.alternatives,
    )
    .map_err(|e| at.name(e))
}
