//! Rules stage: the recovery-aware plan rules.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::log::log_with_athlete;
use crate::athlete::Athlete;
use crate::error::Result;
use crate::log::DuplicatePolicy;
use crate::rules::{self, Finding, RuleParams, Scope};

/// Request of [`check_rules`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckRulesRequest {
    /// The log or plan document.
    #[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]
    pub log: Value,
    /// The athlete (default: the document's).
    #[serde(default)]
    pub athlete: Option<Athlete>,
    /// A goal race date (planned race sessions count too).
    #[serde(default)]
    pub goal_race: Option<NaiveDate>,
    /// Only these rule ids (default: all).
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<Vec<crate::schema::RuleId>>")
    )]
    pub rules: Option<Vec<String>>,
    /// `planned`, `completed` or `both` (default).
    #[serde(default)]
    pub scope: Scope,
    /// Parameters (all optional).
    #[serde(default)]
    pub params: RuleParams,
}

/// Response of [`check_rules`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckRulesResponse {
    /// The findings, by date.
    pub findings: Vec<Finding>,
    /// The rules that ran.
    #[cfg_attr(feature = "schema", schemars(with = "Vec<crate::schema::RuleId>"))]
    pub rules: Vec<&'static str>,
}

/// Run the recovery-aware plan rules over planned and/or completed sessions.
///
/// `rules`: the rule ids to run (default all: `weekly_progression`,
/// `cutback_week`, `hard_spacing`, `hard_days_in_a_row`,
/// `hard_per_week`, `rest_day`, `easy_share`, `long_run_share`,
/// `quality_caps`, `ctl_ramp`, `taper_before_race`); `scope`
/// `"planned"`, `"completed"` or `"both"` (default); `goal_race` a
/// race date; `params` the rules' parameters (fractions 0–1, hours,
/// minutes, TSS-equivalent per week). Each finding has its `rule`,
/// `severity` (`"info"`, `"warning"`, `"critical"`), the `dates`
/// involved, a `message` and a `fix`; `rules` lists the rules that ran.
///
/// # Python
///
/// ```python
/// >>> plan = {"schema_version": 1, "sessions": [
/// ...     {"date": "2026-03-03", "kind": "intervals", "duration_s": 3000, "status": "planned"},
/// ...     {"date": "2026-03-04", "kind": "tempo", "duration_s": 2700, "status": "planned"}]}
/// >>> f = check_rules(log=plan, rules=["hard_spacing"])["findings"][0]
/// >>> f["rule"], f["severity"], f["dates"]
/// ('hard_spacing', 'critical', ['2026-03-03', '2026-03-04'])
/// ```
pub fn check_rules(r: CheckRulesRequest) -> Result<CheckRulesResponse> {
    let (log, athlete, at) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    let ran: Vec<&'static str> = rules::RULE_IDS
        .iter()
        .copied()
        .filter(|id| r.rules.as_ref().is_none_or(|l| l.iter().any(|x| x == id)))
        .collect();
    let options = rules::RulesOptions {
        rules: r.rules,
        scope: r.scope,
        params: r.params,
    };
    Ok(CheckRulesResponse {
        findings: rules::check(&log, &athlete, r.goal_race, &options).map_err(|e| at.name(e))?,
        rules: ran,
    })
}
