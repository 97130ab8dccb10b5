//! The flat operations layer: one request and one response per operation,
//! plain serde data with snake_case keys, the same in Rust, Python and JS.
//!
//! The bindings call [`call`] with an operation name and a JSON value whose
//! keys are the Python keyword arguments and the JS options' keys; the
//! [`Operation::series`] fields come back as NumPy arrays and `Float64Array`s.
//! One file per stage of the data flow holds its requests, responses and
//! typed request functions (Rust users can also call the domain modules).
//!
//! ```
//! use runrecovery_core::ops;
//! use serde_json::json;
//! let out = ops::call("vdot_from_race", json!({"distance_m": 5000, "time_s": 1200})).unwrap();
//! assert!((out["vdot"].as_f64().unwrap() - 49.81).abs() < 0.01);
//! let err = ops::call("vdot_from_race", json!({"distance_m": 5000})).unwrap_err();
//! assert_eq!((err.code(), err.field()), ("invalid_input", "time_s"));
//! ```

use serde_json::Value;

use crate::error::{Error, Result};
pub use registry::Operation;
use registry::operations;

mod athlete;
mod batch;
mod busso;
mod calendar;
mod fields;
mod load;
mod log;
mod model;
mod performance;
mod plan;
mod readiness;
mod recovery;
mod registry;
mod rules;
#[cfg(feature = "schema")]
mod schema;
mod supercompensation;
mod taper;
mod today;
mod zones;

pub use self::{
    athlete::*, batch::*, busso::*, calendar::*, load::*, log::*, model::*, performance::*,
    plan::*, readiness::*, recovery::*, rules::*, supercompensation::*, taper::*, today::*,
    zones::*,
};

operations! {
    estimate_hr_max, "athlete", "HRmax from age by Tanaka (default), Fox or Gellish", [];
    resolve_athlete, "athlete", "validate a profile and fill what can be estimated, saying how", [];
    read_log, "log", "validate a log document: sorted, duplicates handled, current schema", [];
    zone_table, "zones", "an athlete's zones in one system, with bounds in bpm, s/km, W or CR-10", [];
    classify, "zones", "the zone of a heart rate, pace, power or RPE value", [];
    classify_session, "zones", "the zone of a whole session by its average", [];
    intensity_distribution, "zones", "time in zone of a log, Seiler's 3 zones, polarization index, 80/20 check", [];
    polarization_index, "zones", "Treff's polarization index with its edge rules", [];
    vdot_from_race, "performance", "Daniels-Gilbert VDOT from a race", [];
    equivalent_time, "performance", "the race time with the same VDOT over another distance", [];
    training_paces, "performance", "Daniels' E, M, T, I, R paces for a VDOT", [];
    riegel_predict, "performance", "Riegel's race-time prediction", [];
    riegel_exponent, "performance", "a personal Riegel exponent from two races", [];
    cameron_predict, "performance", "Cameron's race-time prediction", [];
    daily_series, "log", "a calendar-day series from dated values: gaps filled with 0 and marked not logged", ["values", "logged"];
    session_load, "load", "the load of one session by a chosen or automatic method", [];
    daily_loads, "load", "calendar-day loads of a log, missing days explicit", ["load", "logged"];
    weekly_loads, "load", "monotony, strain and ramp over 7-day windows of daily loads", [];
    weekly_summary, "load", "weekly volume, load, monotony, strain and ramp of a log", [];
    pmc, "model", "fitness (CTL), fatigue (ATL), form (TSB) and ramp of a daily load series", ["fitness", "fatigue", "form"];
    log_pmc, "model", "the PMC of a log, projected to a future date through its planned sessions", ["load", "fitness", "fatigue", "form", "projection.load", "projection.planned", "projection.fitness", "projection.fatigue", "projection.form"];
    acwr, "model", "acute:chronic workload ratio (coupled, uncoupled or EWMA) with Gabbett's bands", ["acute", "chronic"];
    banister_simulate, "model", "Banister impulse-response performance for a daily load series", ["performance"];
    banister_response, "model", "one session's response: zero crossing, peak day, peak", [];
    banister_fit, "model", "fit the Banister model to performance tests (variable projection)", [];
    banister_forecast, "model", "predicted performance over planned loads after a history", ["performance"];
    pmc_batch, "model", "the PMC of many athletes (athletes × days), or only each athlete's latest day", ["fitness", "fatigue", "form"];
    acwr_batch, "model", "the ACWR of many athletes (athletes × days); null where no ratio is meaningful", ["acute", "chronic", "ratio"];
    banister_fit_batch, "model", "Banister fits of many athletes (tests as a matrix with null where no test)", [];
    readiness, "readiness", "today's readiness: go, go easy or rest, a score, confidence and every marker's verdict", [];
    readiness_baselines, "readiness", "each day's personal baselines (HRV mean and SD, resting HR, Hooper sum), for charts", [];
    warning_signs, "readiness", "warning signs of under-recovery over the last weeks, with evidence and advice", [];
    adapt_session, "readiness", "today's planned session adapted to today's readiness, with the reason", [];
    recovery_prescription, "recovery", "fuel, fluid, sleep and active recovery after a session, scaled to the athlete", [];
    check_rules, "rules", "run the recovery-aware plan rules over planned and/or completed sessions", [];
    recovery_state, "supercompensation", "each body system's residual fatigue and status at a moment", [];
    next_quality_session, "supercompensation", "the earliest safe day and the best day for the next quality session", [];
    busso_simulate, "model", "Busso's variable dose-response performance for a daily load series", ["performance"];
    busso_fit, "model", "fit Busso's variable dose-response model to performance tests", [];
    taper_apply, "taper", "apply a taper (length, volume cut, shape) to a plan's final days, intensity kept", [];
    taper_score, "taper", "project fitness, fatigue, form and predicted performance on race day for a taper", [];
    taper_optimize, "taper", "the best taper for this athlete among those taper_apply accepts, with the runners-up", [];
    generate_plan, "plan", "a periodized plan to a goal race that passes every plan rule", [];
    replan_week, "plan", "the rest of this week re-planned after missed, shortened or harder sessions and today's readiness", [];
    athlete_today, "today", "the whole state of one day: fitness, fatigue, form, ACWR, body systems, readiness, the next quality session and the adapted session, with the settings used", [];
    to_icalendar, "calendar", "a plan's (or any log's) sessions as an iCalendar (.ics) file for calendar apps", [];
}

/// Runs an operation by name on a JSON request (`null` stands for `{}`).
///
/// # Errors
/// `unknown_operation`, `invalid_input` for a request that does not match the
/// operation's fields, and whatever the operation itself rejects.
pub fn call(name: &str, input: Value) -> Result<Value> {
    let op = OPERATIONS
        .iter()
        .find(|o| o.name == name)
        .ok_or_else(|| Error::unknown_operation(name))?;
    let input = if input.is_null() {
        Value::Object(Default::default())
    } else {
        input
    };
    (op.run)(&input)
}
