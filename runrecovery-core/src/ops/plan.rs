//! Plan stage: periodized plans and re-planned weeks.

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use crate::athlete::Athlete;
use crate::error::Result;
use crate::log::{DuplicatePolicy, TrainingLog};
use crate::plan::{self, Plan, Replan};

plan::with_plan_fields! {
    /// Request of [`generate_plan`]: the fields of [`PlanRequest`](plan::PlanRequest), the
    /// athlete and today's readiness.
    #[derive(Debug, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct GeneratePlanRequest {
        /// The athlete (for VDOT when `vdot` is not given).
        #[serde(default)]
        pub athlete: Option<Athlete>,
        /// Today's readiness status (`go`, `go_easy`, `rest`, `not_enough_data`), for the plan's
        /// first day, when known: that day gets nothing the status forbids.
        #[serde(default)]
        pub readiness: Option<crate::readiness::Status>,
    }
}

/// A periodized plan to a goal race that passes every plan rule.
///
/// Base → build → peak → taper from `start` to `race_date` (at least 3
/// weeks), growing the current `weekly_km` by at most 8 % a week with a
/// cutback every 4th week; long run on `long_run_day` (`"Sun"` by
/// default), quality sessions 48 h apart on `available_days`; paces from
/// `vdot` (Daniels). `readiness`, today's status, rules the plan's first
/// day: nothing it forbids (hard work or strides on `"go_easy"` and
/// `"not_enough_data"`, any training on `"rest"`). `sessions` carry the targets (pace in s/km,
/// zone, purpose), `work_km` (the distance at the target pace) and a
/// `description` that states the work and its pace, then the whole
/// session and its time; `document` is the plan as a log document;
/// `weekly_km` in km.
///
/// # Python
///
/// ```python
/// >>> p = generate_plan(start="2027-01-04", race_date="2027-03-14", race_distance_m=5000,
/// ...                   weekly_km=20, vdot=45, experience="novice")
/// >>> p["sessions"][-1]["session"]["kind"], p["document"]["schema_version"]
/// ('race', 1)
/// ```
pub fn generate_plan(mut r: GeneratePlanRequest) -> Result<Plan> {
    let (readiness, athlete) = (r.readiness, r.athlete.take().unwrap_or_default());
    let request = r.into_plan_request();
    athlete.validate().map_err(|e| e.within("athlete"))?;
    plan::generate_given(&request, &athlete, readiness)
}

/// Request of [`replan_week`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReplanRequest {
    /// The plan and what was done, in one document.
    #[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]
    pub log: Value,
    /// Today.
    pub today: NaiveDate,
    /// Today's readiness (`go`, `go_easy`, `rest` or `not_enough_data`), when
    /// known: today gets nothing it forbids (hard work or strides on `go_easy`
    /// and `not_enough_data`, any training on `rest`).
    #[serde(default)]
    pub readiness: Option<crate::readiness::Status>,
}

/// The rest of this week re-planned after missed, shortened or harder sessions and today's readiness.
///
/// `log` holds the plan (planned sessions) and what was done (completed
/// sessions). A missed hard session moves to a later easy day only where it
/// keeps 48 h from every hard session, else it is dropped (never crammed);
/// `changes` explains each change (`moved`, `dropped`, `eased`, `rest`).
///
/// # Python
///
/// ```python
/// >>> plan = {"schema_version": 1, "sessions": [
/// ...     {"date": "2027-01-05", "kind": "intervals", "duration_s": 3300, "status": "planned"},
/// ...     {"date": "2027-01-06", "kind": "easy", "duration_s": 2400, "status": "planned"},
/// ...     {"date": "2027-01-10", "kind": "long", "duration_s": 5400, "status": "planned"}]}
/// >>> [c["action"] for c in replan_week(log=plan, today="2027-01-06")["changes"]]
/// ['moved']
/// ```
pub fn replan_week(r: ReplanRequest) -> Result<Replan> {
    let log =
        TrainingLog::from_value(r.log, DuplicatePolicy::Reject).map_err(|e| e.within("log"))?;
    plan::replan(&log, r.today, r.readiness)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode;
    use crate::ops::call;
    use crate::plan::PlanRequest;
    use chrono::Weekday;

    #[test]
    fn generate_plan_takes_every_field_of_a_plan_request_and_the_athlete() {
        let plan = PlanRequest {
            start: NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
            race_date: NaiveDate::from_ymd_opt(2027, 3, 14).unwrap(),
            race_distance_m: 5000.0,
            goal_time_s: Some(1500.0),
            weekly_km: 20.0,
            long_run_km: Some(8.0),
            vdot: Some(45.0),
            available_days: Some(vec![Weekday::Mon, Weekday::Sun]),
            long_run_day: Some(Weekday::Sun),
            experience: plan::Experience::Novice,
            hard_sessions_per_week: Some(1),
        };
        // A field added to PlanRequest but not here fails deny_unknown_fields.
        let mut json = serde_json::to_value(&plan).unwrap();
        json["athlete"] = serde_json::json!({"age_years": 40});
        let r: GeneratePlanRequest = decode::from_value(&json, "$").unwrap();
        assert_eq!(r.athlete.as_ref().unwrap().age_years, Some(40.0));
        assert_eq!(r.into_plan_request(), plan);
    }

    #[test]
    fn generate_plan_errors_name_the_field() {
        let base = serde_json::json!({"start": "2027-01-04", "race_date": "2027-03-14",
            "race_distance_m": 5000, "weekly_km": 20, "vdot": 45});
        for (key, value, code, field) in [
            (
                "race_distance_m",
                serde_json::json!("far"),
                "invalid_input",
                "race_distance_m",
            ),
            (
                "weekly_kms",
                serde_json::json!(3),
                "invalid_input",
                "weekly_kms",
            ),
            (
                "start",
                serde_json::json!("2027-02-30"),
                "invalid_date",
                "start",
            ),
            (
                "available_days",
                serde_json::json!(["Mon", "Funday"]),
                "invalid_input",
                "available_days[1]",
            ),
        ] {
            let mut input = base.clone();
            input[key] = value;
            let e = call("generate_plan", input).unwrap_err();
            assert_eq!((e.code(), e.field()), (code, field), "{e}");
        }
    }
}
