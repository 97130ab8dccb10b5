//! The flat operations layer: one request and one response per operation,
//! plain serde data with snake_case keys, the same in Rust, Python and JS.
//!
//! The bindings call [`call`] with an operation name and a JSON value; each
//! operation's request keys are the Python keyword arguments and the keys of
//! the JS options object. Fields listed in [`Operation::series`] are long
//! numeric series: the bindings hand them out as NumPy arrays and
//! `Float64Array`s. Rust users can call the typed functions in the other
//! modules directly, or the typed request functions here.
//!
//! ```
//! use runrecovery_core::ops;
//! use serde_json::json;
//! let out = ops::call("vdot_from_race", json!({"distance_m": 5000, "time_s": 1200})).unwrap();
//! assert!((out["vdot"].as_f64().unwrap() - 49.81).abs() < 0.01);
//! let err = ops::call("vdot_from_race", json!({"distance_m": 5000})).unwrap_err();
//! assert_eq!((err.code(), err.field()), ("invalid_input", "time_s"));
//! ```

use std::collections::BTreeMap;

use chrono::{NaiveDate, Weekday};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::athlete::{Athlete, HrMaxFormula, ResolvedAthlete};
use crate::calendar::{self, Calendar, CalendarOptions};
use crate::decode;
use crate::error::{Error, Result, check};
use crate::load::{
    self, Include, LoadMethod, LoadOptions, MissingData, SdKind, SessionLoad, TrimpCoefficients,
    WeekLoad, WeekMode, WeekVolume,
};
use crate::log::{DailySeries, DuplicatePolicy, LogDocument, TrainingLog};
use crate::model::banister::{
    self, BanisterFit, BanisterParams, FitOptions, ImpulseResponse, LoadTiming,
};
use crate::model::busso::{self, BussoFit, BussoParams};
use crate::model::{
    self, AcwrBand, AcwrGap, AcwrMethod, AcwrOptions, EwmaDecay, EwmaSeed, FormDay, Gain,
    PmcOptions,
};
use crate::performance::{self, TrainingPace};
use crate::plan::{self, Plan, PlanRequest, Replan};
use crate::readiness::{
    self as ready, AdaptedSession, BaselineDay, DayMarkers, EngineState, Readiness,
    ReadinessOptions, WarningSign,
};
use crate::recovery::{self, Prescription, RecoveryInputs};
use crate::rules::{self, Finding, RuleParams, Scope};
use crate::session::{Session, SessionKind};
use crate::supercompensation::{self, NextQualitySession, RecoveryOptions, RecoveryState};
use crate::taper::{self, TaperModel, TaperOptimum, TaperScore, TaperSpec, TaperedPlan};
use crate::zones::{self, IntensityDistribution, Polarization, ZoneSystem, ZoneTable};

/// One public operation.
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// The snake_case name (camelCase in JS).
    pub name: &'static str,
    /// The core module it belongs to.
    pub module: &'static str,
    /// One line on what it does.
    pub summary: &'static str,
    /// Top-level response fields that are numeric series.
    pub series: &'static [&'static str],
    run: fn(&Value) -> Result<Value>,
}

/// The generic part of an operation: decode, run, encode. It is compiled once
/// per operation, so what does not depend on the types lives elsewhere
/// ([`call`], [`response`]).
fn run<Req: DeserializeOwned, Resp: Serialize>(
    input: &Value,
    f: fn(Req) -> Result<Resp>,
) -> Result<Value> {
    let req: Req = decode::from_value(input, "$").map_err(name_the_field)?;
    response(serde_json::to_value(f(req)?))
}

fn response(out: serde_json::Result<Value>) -> Result<Value> {
    out.map_err(|e| Error::InvalidInput {
        field: "$".into(),
        message: format!("the result could not be serialized: {e}"),
    })
}

/// serde names a missing field only in its message (the path stops at the
/// struct that lacks it): lift the name into `field`.
fn name_the_field(e: Error) -> Error {
    if let Error::InvalidInput { field, message } = &e {
        if let Some(rest) = message.strip_prefix("missing field `") {
            if let Some(end) = rest.find('`') {
                let name = &rest[..end];
                let path = if field == "$" {
                    name.to_string()
                } else {
                    format!("{field}.{name}")
                };
                return Error::InvalidInput {
                    field: path,
                    message: message.clone(),
                };
            }
        }
    }
    e
}

macro_rules! operations {
    ($( $name:ident, $module:literal, $summary:literal, [$($series:literal),*]; )*) => {
        /// Every operation, in data-flow order.
        pub static OPERATIONS: &[Operation] = &[
            $( Operation {
                name: stringify!($name),
                module: $module,
                summary: $summary,
                series: &[$($series),*],
                run: |v| run(v, $name),
            }, )*
        ];
    };
}

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
    log_pmc, "model", "the PMC of a log, projected to a future date through its planned sessions", ["load", "fitness", "fatigue", "form"];
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
    taper_optimize, "taper", "the best taper for this athlete among 1078 candidates, with the runners-up", [];
    generate_plan, "plan", "a periodized plan to a goal race that passes every plan rule", [];
    replan_week, "plan", "the rest of this week re-planned after missed, shortened or harder sessions and today's readiness", [];
    to_icalendar, "calendar", "a plan's (or any log's) sessions as an iCalendar (.ics) file for calendar apps", [];
}

/// Runs an operation by name on a JSON request.
///
/// # Errors
/// `unknown_operation`, `invalid_input` for a request that does not match the
/// operation's fields, and whatever the operation itself rejects.
pub fn call(name: &str, input: Value) -> Result<Value> {
    let op = OPERATIONS
        .iter()
        .find(|o| o.name == name)
        .ok_or_else(|| Error::UnknownOperation {
            field: "operation".into(),
            value: name.to_string(),
        })?;
    // A null request stands for `{}` (every field at its default).
    let input = if input.is_null() {
        Value::Object(Default::default())
    } else {
        input
    };
    (op.run)(&input)
}

fn log_with_athlete(
    log: Value,
    duplicates: DuplicatePolicy,
    athlete: Option<Athlete>,
) -> Result<(TrainingLog, Athlete)> {
    let log = TrainingLog::from_value(log, duplicates).map_err(|e| e.within("log"))?;
    let athlete = match athlete {
        Some(a) => {
            a.validate().map_err(|e| e.within("athlete"))?;
            a
        }
        None => log.athlete().cloned().unwrap_or_default(),
    };
    Ok((log, athlete))
}

// ---------------------------------------------------------------- athlete

/// Request of [`estimate_hr_max`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EstimateHrMaxRequest {
    /// Age, years.
    pub age_years: f64,
    /// The formula (default Tanaka).
    #[serde(default)]
    pub formula: HrMaxFormula,
}

/// Response of [`estimate_hr_max`].
#[derive(Debug, Serialize)]
pub struct EstimateHrMaxResponse {
    /// HRmax, bpm.
    pub hr_max_bpm: f64,
    /// The formula used.
    pub formula: HrMaxFormula,
    /// Its citation.
    pub source: &'static str,
}

/// HRmax from age.
pub fn estimate_hr_max(r: EstimateHrMaxRequest) -> Result<EstimateHrMaxResponse> {
    check::in_range("age_years", r.age_years, 5.0, 110.0, "years")?;
    Ok(EstimateHrMaxResponse {
        hr_max_bpm: r.formula.estimate(r.age_years),
        formula: r.formula,
        source: r.formula.source(),
    })
}

/// Request of [`resolve_athlete`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolveAthleteRequest {
    /// The profile.
    pub athlete: Athlete,
}

/// Validates a profile and fills estimable values.
pub fn resolve_athlete(r: ResolveAthleteRequest) -> Result<ResolvedAthlete> {
    r.athlete.resolve().map_err(|e| e.within("athlete"))
}

// ---------------------------------------------------------------- log

/// Request of [`read_log`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadLogRequest {
    /// The log document.
    pub log: Value,
    /// Duplicate policy (default `reject`).
    #[serde(default)]
    pub duplicates: DuplicatePolicy,
}

/// Response of [`read_log`].
#[derive(Debug, Serialize)]
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

/// Validates a log document.
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
#[serde(deny_unknown_fields)]
pub struct DailySeriesRequest {
    /// Strictly increasing dates.
    pub dates: Vec<NaiveDate>,
    /// One value (≥ 0) per date.
    pub values: Vec<f64>,
}

/// Response of [`daily_series`].
#[derive(Debug, Serialize)]
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

/// A calendar-day series from dated values.
pub fn daily_series(r: DailySeriesRequest) -> Result<DailySeriesResponse> {
    let s = DailySeries::from_dated(&r.dates, &r.values, "series")?;
    Ok(DailySeriesResponse {
        start: s.start,
        end: s.end(),
        values: s.values,
        logged: s.logged,
    })
}

// ---------------------------------------------------------------- zones

/// Request of [`zone_table`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneTableRequest {
    /// The athlete.
    pub athlete: Athlete,
    /// The system.
    pub system: ZoneSystem,
}

/// An athlete's zone table.
pub fn zone_table(r: ZoneTableRequest) -> Result<ZoneTable> {
    zones::zone_table(&r.athlete, r.system)
}

/// Request of [`classify`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassifyRequest {
    /// The athlete.
    pub athlete: Athlete,
    /// The system.
    pub system: ZoneSystem,
    /// The value in the system's unit (bpm, s/km, W, CR-10).
    pub value: f64,
}

/// A classification.
#[derive(Debug, Serialize)]
pub struct Classification {
    /// Zone index in the table (0 = easiest).
    pub zone: usize,
    /// Zone name.
    pub name: String,
    /// Seiler zone (1–3).
    pub seiler: u8,
}

fn classification(t: &ZoneTable, zone: usize) -> Classification {
    Classification {
        zone,
        name: t.zones[zone].name.clone(),
        seiler: t.zones[zone].seiler,
    }
}

/// The zone of a value.
pub fn classify(r: ClassifyRequest) -> Result<Classification> {
    let t = zones::zone_table(&r.athlete, r.system)?;
    let z = t.classify(r.value)?;
    Ok(classification(&t, z))
}

/// Request of [`classify_session`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassifySessionRequest {
    /// The athlete.
    pub athlete: Athlete,
    /// The system.
    pub system: ZoneSystem,
    /// The session.
    pub session: Session,
}

/// The zone of a session by its average.
pub fn classify_session(r: ClassifySessionRequest) -> Result<Classification> {
    r.session.validate().map_err(|e| e.within("session"))?;
    let t = zones::zone_table(&r.athlete, r.system)?;
    let z = t.classify_session(&r.session)?;
    Ok(classification(&t, z))
}

/// Request of [`intensity_distribution`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntensityDistributionRequest {
    /// The log document.
    pub log: Value,
    /// The athlete (default: the log's).
    #[serde(default)]
    pub athlete: Option<Athlete>,
    /// The zone system.
    pub system: ZoneSystem,
    /// First day counted.
    #[serde(default)]
    pub start: Option<NaiveDate>,
    /// Last day counted.
    #[serde(default)]
    pub end: Option<NaiveDate>,
}

/// Time in zone over a log.
pub fn intensity_distribution(r: IntensityDistributionRequest) -> Result<IntensityDistribution> {
    let (log, athlete) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    zones::intensity_distribution(&log, &athlete, r.system, r.start, r.end)
}

/// Request of [`polarization_index`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolarizationRequest {
    /// Time or fraction in Seiler zone 1.
    pub z1: f64,
    /// Time or fraction in Seiler zone 2.
    pub z2: f64,
    /// Time or fraction in Seiler zone 3.
    pub z3: f64,
}

/// Treff's polarization index.
pub fn polarization_index(r: PolarizationRequest) -> Result<Polarization> {
    zones::polarization_index(r.z1, r.z2, r.z3)
}

// ---------------------------------------------------------------- performance

/// A race result.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Race {
    /// Distance, m.
    pub distance_m: f64,
    /// Time, s.
    pub time_s: f64,
}

/// A VDOT.
#[derive(Debug, Serialize)]
pub struct VdotResponse {
    /// VDOT, ml/kg/min.
    pub vdot: f64,
}

/// VDOT from a race.
pub fn vdot_from_race(r: Race) -> Result<VdotResponse> {
    Ok(VdotResponse {
        vdot: performance::vdot_from_race(r.distance_m, r.time_s)?,
    })
}

/// Request of [`equivalent_time`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EquivalentTimeRequest {
    /// VDOT.
    pub vdot: f64,
    /// Target distance, m.
    pub distance_m: f64,
}

/// A predicted race time.
#[derive(Debug, Serialize)]
pub struct RaceTime {
    /// Time, s.
    pub time_s: f64,
    /// Average pace, s/km.
    pub pace_s_per_km: f64,
}

fn race_time(time_s: f64, distance_m: f64) -> RaceTime {
    RaceTime {
        time_s,
        pace_s_per_km: time_s / (distance_m / 1000.0),
    }
}

/// The equivalent race time over a distance.
pub fn equivalent_time(r: EquivalentTimeRequest) -> Result<RaceTime> {
    Ok(race_time(
        performance::equivalent_time_s(r.vdot, r.distance_m)?,
        r.distance_m,
    ))
}

/// Request of [`training_paces`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingPacesRequest {
    /// VDOT.
    pub vdot: f64,
}

/// Daniels' training paces.
#[derive(Debug, Serialize)]
pub struct TrainingPacesResponse {
    /// E, M, T, I, R.
    pub paces: Vec<TrainingPace>,
}

/// Daniels' training paces for a VDOT.
pub fn training_paces(r: TrainingPacesRequest) -> Result<TrainingPacesResponse> {
    Ok(TrainingPacesResponse {
        paces: performance::training_paces(r.vdot)?,
    })
}

fn default_riegel() -> f64 {
    performance::RIEGEL_EXPONENT
}

/// Request of [`riegel_predict`] and [`cameron_predict`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredictRequest {
    /// Race distance, m.
    pub distance_m: f64,
    /// Race time, s.
    pub time_s: f64,
    /// Target distance, m.
    pub to_distance_m: f64,
    /// Riegel exponent (default 1.06; ignored by Cameron).
    #[serde(default = "default_riegel")]
    pub exponent: f64,
}

/// Riegel's prediction.
pub fn riegel_predict(r: PredictRequest) -> Result<RaceTime> {
    let t = performance::riegel_time_s(r.distance_m, r.time_s, r.to_distance_m, r.exponent)?;
    Ok(race_time(t, r.to_distance_m))
}

/// Cameron's prediction.
pub fn cameron_predict(r: PredictRequest) -> Result<RaceTime> {
    let t = performance::cameron_time_s(r.distance_m, r.time_s, r.to_distance_m)?;
    Ok(race_time(t, r.to_distance_m))
}

/// Request of [`riegel_exponent`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TwoRacesRequest {
    /// One race.
    pub first: Race,
    /// Another race over a different distance.
    pub second: Race,
}

/// A Riegel exponent.
#[derive(Debug, Serialize)]
pub struct ExponentResponse {
    /// The exponent.
    pub exponent: f64,
}

/// A personal Riegel exponent.
pub fn riegel_exponent(r: TwoRacesRequest) -> Result<ExponentResponse> {
    let k = performance::riegel_exponent(
        r.first.distance_m,
        r.first.time_s,
        r.second.distance_m,
        r.second.time_s,
    )?;
    Ok(ExponentResponse { exponent: k })
}

// ---------------------------------------------------------------- load

/// Request of [`session_load`].
#[derive(Debug, Deserialize)]
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

/// The load of a session.
pub fn session_load(r: SessionLoadRequest) -> Result<SessionLoad> {
    let opts = LoadOptions {
        method: r.method,
        trimp_coefficients: r.trimp_coefficients,
        missing: MissingData::Error,
    };
    load::session_load(&r.session, &r.athlete, &opts)
}

/// Request of [`daily_loads`] and [`weekly_summary`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogLoadRequest {
    /// The log document.
    pub log: Value,
    /// The athlete (default: the log's).
    #[serde(default)]
    pub athlete: Option<Athlete>,
    /// Method (default `auto`).
    #[serde(default)]
    pub method: LoadMethod,
    /// Banister coefficients.
    #[serde(default)]
    pub trimp_coefficients: TrimpCoefficients,
    /// Sessions lacking data: `error` (default) or `zero`.
    #[serde(default)]
    pub missing: MissingData,
    /// Which sessions count (default `completed`).
    #[serde(default)]
    pub include: Include,
    /// First day (default: the log's first).
    #[serde(default)]
    pub start: Option<NaiveDate>,
    /// Last day (default: the log's last).
    #[serde(default)]
    pub end: Option<NaiveDate>,
    /// Weeks: `calendar` (default) or `rolling` (weekly_summary only).
    #[serde(default)]
    pub week: WeekMode,
    /// SD for monotony: `sample` (default) or `population` (weekly_summary only).
    #[serde(default)]
    pub sd: SdKind,
}

impl LogLoadRequest {
    fn daily(self) -> Result<(TrainingLog, load::DailyLoads)> {
        let (log, athlete) = log_with_athlete(self.log, DuplicatePolicy::Reject, self.athlete)?;
        let opts = LoadOptions {
            method: self.method,
            trimp_coefficients: self.trimp_coefficients,
            missing: self.missing,
        };
        let d = load::daily_loads(&log, &athlete, &opts, self.include, self.start, self.end)?;
        Ok((log, d))
    }
}

/// Response of [`daily_loads`].
#[derive(Debug, Serialize)]
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
    pub methods: BTreeMap<LoadMethod, usize>,
    /// Sessions counted as zero for lack of data.
    pub zeroed_sessions: usize,
    /// Set when scales were mixed.
    pub warning: Option<String>,
}

/// Daily loads of a log.
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
pub struct WeeklyLoadsResponse {
    /// One entry per window.
    pub weeks: Vec<WeekLoad>,
}

/// Monotony, strain and ramp of a daily series.
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
pub struct WeeklySummaryResponse {
    /// Load windows (calendar weeks or rolling).
    pub weeks: Vec<WeekLoad>,
    /// Volume per calendar week.
    pub volume: Vec<WeekVolume>,
    /// Sessions scored by each method.
    pub methods: BTreeMap<LoadMethod, usize>,
    /// Set when scales were mixed.
    pub warning: Option<String>,
}

/// Weekly volume, load, monotony, strain and ramp of a log.
pub fn weekly_summary(r: LogLoadRequest) -> Result<WeeklySummaryResponse> {
    let (week, sd) = (r.week, r.sd);
    let (log, d) = r.daily()?;
    Ok(WeeklySummaryResponse {
        weeks: load::weekly_from_series(&d.series, week, sd)?,
        volume: load::weekly_volume(&log),
        methods: d.methods.into_iter().collect(),
        warning: d.warning,
    })
}

// ---------------------------------------------------------------- model

/// PMC conventions, as request fields (all optional).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PmcRequest {
    /// Date of the first load.
    pub start: NaiveDate,
    /// One load per calendar day.
    pub loads: Vec<f64>,
    /// Whether each day was logged (default: all).
    #[serde(default)]
    pub logged: Option<Vec<bool>>,
    /// Fitness time constant, days (42).
    #[serde(default)]
    pub fitness_days: Option<f64>,
    /// Fatigue time constant, days (7).
    #[serde(default)]
    pub fatigue_days: Option<f64>,
    /// `exponential` (default) or `linear`.
    #[serde(default)]
    pub gain: Option<Gain>,
    /// `next_day` (default) or `same_day`.
    #[serde(default)]
    pub form_day: Option<FormDay>,
    /// Fitness the day before `start` (0).
    #[serde(default)]
    pub fitness_seed: Option<f64>,
    /// Fatigue the day before `start` (0).
    #[serde(default)]
    pub fatigue_seed: Option<f64>,
}

fn pmc_options(
    fitness_days: Option<f64>,
    fatigue_days: Option<f64>,
    gain: Option<Gain>,
    form_day: Option<FormDay>,
    fitness_seed: Option<f64>,
    fatigue_seed: Option<f64>,
) -> PmcOptions {
    let d = PmcOptions::default();
    PmcOptions {
        fitness_days: fitness_days.unwrap_or(d.fitness_days),
        fatigue_days: fatigue_days.unwrap_or(d.fatigue_days),
        gain: gain.unwrap_or(d.gain),
        form_day: form_day.unwrap_or(d.form_day),
        fitness_seed: fitness_seed.unwrap_or(d.fitness_seed),
        fatigue_seed: fatigue_seed.unwrap_or(d.fatigue_seed),
    }
}

/// Response of [`pmc`].
#[derive(Debug, Serialize)]
pub struct PmcResponse {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Fitness (CTL) per day.
    pub fitness: Vec<f64>,
    /// Fatigue (ATL) per day.
    pub fatigue: Vec<f64>,
    /// Form (TSB) per day.
    pub form: Vec<f64>,
    /// Form as % of fitness (null while fitness is 0).
    pub form_pct: Vec<Option<f64>>,
    /// Fitness change over 7 days (null for the first 7 days).
    pub ramp: Vec<Option<f64>>,
    /// Share of logged days in the fitness window ending each day.
    pub fitness_coverage: Vec<f64>,
    /// Share of logged days in the fatigue window ending each day.
    pub fatigue_coverage: Vec<f64>,
    /// The conventions used.
    pub options: PmcOptions,
}

fn pmc_response(
    start: NaiveDate,
    loads: &[f64],
    logged: Option<&[bool]>,
    options: PmcOptions,
) -> Result<PmcResponse> {
    if let Some(l) = logged {
        if l.len() != loads.len() {
            return Err(Error::inconsistent(
                "logged",
                format!("{} days", l.len()),
                "must match the loads' length",
            ));
        }
    }
    let p = model::pmc(loads, &options)?;
    let all = vec![true; loads.len()];
    let logged = logged.unwrap_or(&all);
    Ok(PmcResponse {
        start,
        end: start + chrono::Days::new(loads.len() as u64 - 1),
        form_pct: model::form_percent(&p.fitness, &p.form),
        ramp: model::ramp_rate(&p.fitness),
        fitness_coverage: model::coverage(logged, options.fitness_days.round() as usize),
        fatigue_coverage: model::coverage(logged, options.fatigue_days.round() as usize),
        fitness: p.fitness,
        fatigue: p.fatigue,
        form: p.form,
        options,
    })
}

/// The PMC of a daily load series.
pub fn pmc(r: PmcRequest) -> Result<PmcResponse> {
    check::date("start", r.start)?;
    let o = pmc_options(
        r.fitness_days,
        r.fatigue_days,
        r.gain,
        r.form_day,
        r.fitness_seed,
        r.fatigue_seed,
    );
    pmc_response(r.start, &r.loads, r.logged.as_deref(), o)
}

/// Request of [`log_pmc`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogPmcRequest {
    /// The log document.
    pub log: Value,
    /// The athlete (default: the log's).
    #[serde(default)]
    pub athlete: Option<Athlete>,
    /// Load method (default `auto`).
    #[serde(default)]
    pub method: LoadMethod,
    /// Banister coefficients for TRIMP-based methods.
    #[serde(default)]
    pub trimp_coefficients: TrimpCoefficients,
    /// Sessions lacking data: `error` (default) or `zero`.
    #[serde(default)]
    pub missing: MissingData,
    /// Completed sessions count up to this day, planned ones after it
    /// (default: the last completed session's date).
    #[serde(default)]
    pub today: Option<NaiveDate>,
    /// Project to this day (default: the log's last date).
    #[serde(default)]
    pub end: Option<NaiveDate>,
    /// Fitness time constant, days (42).
    #[serde(default)]
    pub fitness_days: Option<f64>,
    /// Fatigue time constant, days (7).
    #[serde(default)]
    pub fatigue_days: Option<f64>,
    /// `exponential` (default) or `linear`.
    #[serde(default)]
    pub gain: Option<Gain>,
    /// `next_day` (default) or `same_day`.
    #[serde(default)]
    pub form_day: Option<FormDay>,
    /// Fitness the day before the log's first day (0).
    #[serde(default)]
    pub fitness_seed: Option<f64>,
    /// Fatigue the day before the log's first day (0).
    #[serde(default)]
    pub fatigue_seed: Option<f64>,
}

/// Response of [`log_pmc`].
#[derive(Debug, Serialize)]
pub struct LogPmcResponse {
    /// The PMC.
    #[serde(flatten)]
    pub pmc: PmcResponse,
    /// The daily loads used (completed up to `today`, planned after).
    pub load: Vec<f64>,
    /// The day separating history from projection.
    pub today: NaiveDate,
    /// Sessions scored by each method.
    pub methods: BTreeMap<LoadMethod, usize>,
    /// Set when scales were mixed.
    pub warning: Option<String>,
}

/// The PMC of a log, with planned sessions projecting it forward.
pub fn log_pmc(r: LogPmcRequest) -> Result<LogPmcResponse> {
    check::opt_date("today", r.today)?;
    check::opt_date("end", r.end)?;
    let (log, athlete) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    let (first, last) = log.date_range();
    let today = match r.today {
        Some(t) => t,
        None => log.completed().map(|s| s.date).next_back().unwrap_or(first),
    };
    let end = r.end.unwrap_or(last).max(today);
    let opts = LoadOptions {
        method: r.method,
        trimp_coefficients: r.trimp_coefficients,
        missing: r.missing,
    };
    let done = load::daily_loads(
        &log,
        &athlete,
        &opts,
        Include::Completed,
        Some(first),
        Some(end),
    )?;
    let planned = load::daily_loads(
        &log,
        &athlete,
        &opts,
        Include::Planned,
        Some(first),
        Some(end),
    )?;
    let split = ((today - first).num_days() + 1).max(0) as usize;
    let mut loads = done.series.values.clone();
    let mut logged = done.series.logged.clone();
    let from = split.min(loads.len());
    loads[from..].copy_from_slice(&planned.series.values[from..]);
    logged[from..].copy_from_slice(&planned.series.logged[from..]);
    let mut methods = BTreeMap::new();
    for (m, n) in done.methods.into_iter().chain(planned.methods) {
        *methods.entry(m).or_default() += n;
    }
    let o = pmc_options(
        r.fitness_days,
        r.fatigue_days,
        r.gain,
        r.form_day,
        r.fitness_seed,
        r.fatigue_seed,
    );
    Ok(LogPmcResponse {
        pmc: pmc_response(first, &loads, Some(&logged), o)?,
        load: loads,
        today,
        methods,
        warning: done.warning.or(planned.warning),
    })
}

/// Request of [`acwr`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcwrRequest {
    /// Date of the first load.
    pub start: NaiveDate,
    /// One load per calendar day.
    pub loads: Vec<f64>,
    /// Whether each day was logged (default: all).
    #[serde(default)]
    pub logged: Option<Vec<bool>>,
    /// `coupled_rolling` (default), `uncoupled_rolling` or `ewma`.
    #[serde(default)]
    pub method: Option<AcwrMethod>,
    /// Acute window, days (7).
    #[serde(default)]
    pub acute_days: Option<usize>,
    /// Chronic window, days (28).
    #[serde(default)]
    pub chronic_days: Option<usize>,
    /// EWMA decay: `williams` (default) or `half_life`.
    #[serde(default)]
    pub decay: Option<EwmaDecay>,
    /// EWMA seed: `first_load` (default) or `zero`.
    #[serde(default)]
    pub seed: Option<EwmaSeed>,
    /// Minimum share of logged days in the chronic window (0.75).
    #[serde(default)]
    pub min_coverage: Option<f64>,
}

/// Response of [`acwr`] (columns, one entry per day).
#[derive(Debug, Serialize)]
pub struct AcwrResponse {
    /// First day.
    pub start: NaiveDate,
    /// Acute load.
    pub acute: Vec<f64>,
    /// Chronic load.
    pub chronic: Vec<f64>,
    /// The ratio, null when not meaningful.
    pub ratio: Vec<Option<f64>>,
    /// Gabbett's band, null with the ratio.
    pub band: Vec<Option<AcwrBand>>,
    /// Why the ratio is null.
    pub gap: Vec<Option<AcwrGap>>,
    /// The options used.
    pub options: AcwrOptions,
}

/// The acute:chronic workload ratio.
pub fn acwr(r: AcwrRequest) -> Result<AcwrResponse> {
    check::date("start", r.start)?;
    let d = AcwrOptions::default();
    let options = AcwrOptions {
        method: r.method.unwrap_or(d.method),
        acute_days: r.acute_days.unwrap_or(d.acute_days),
        chronic_days: r.chronic_days.unwrap_or(d.chronic_days),
        decay: r.decay.unwrap_or(d.decay),
        seed: r.seed.unwrap_or(d.seed),
        min_coverage: r.min_coverage.unwrap_or(d.min_coverage),
    };
    let days = model::acwr(&r.loads, r.logged.as_deref(), &options)?;
    Ok(AcwrResponse {
        start: r.start,
        acute: days.iter().map(|d| d.acute).collect(),
        chronic: days.iter().map(|d| d.chronic).collect(),
        ratio: days.iter().map(|d| d.ratio).collect(),
        band: days.iter().map(|d| d.band).collect(),
        gap: days.iter().map(|d| d.gap).collect(),
        options,
    })
}

/// Request of [`banister_simulate`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BanisterSimulateRequest {
    /// One load per calendar day.
    pub loads: Vec<f64>,
    /// The parameters.
    pub params: BanisterParams,
    /// `same_day` (default) or `next_day`.
    #[serde(default)]
    pub timing: LoadTiming,
}

/// A performance series.
#[derive(Debug, Serialize)]
pub struct PerformanceResponse {
    /// Predicted performance per day.
    pub performance: Vec<f64>,
}

/// Banister performance for a load series.
pub fn banister_simulate(r: BanisterSimulateRequest) -> Result<PerformanceResponse> {
    Ok(PerformanceResponse {
        performance: banister::simulate(&r.loads, &r.params, r.timing)?,
    })
}

/// Request of [`banister_response`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BanisterResponseRequest {
    /// The parameters.
    pub params: BanisterParams,
}

/// One session's response.
pub fn banister_response(r: BanisterResponseRequest) -> Result<ImpulseResponse> {
    banister::impulse_response(&r.params)
}

/// A dated performance test.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerformanceTest {
    /// The day of the test.
    pub date: NaiveDate,
    /// The result (higher is better, e.g. a VDOT or a speed).
    pub value: f64,
}

/// Request of [`banister_fit`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BanisterFitRequest {
    /// Date of the first load.
    pub start: NaiveDate,
    /// One load per calendar day.
    pub loads: Vec<f64>,
    /// The tests, in date order, inside the series.
    pub tests: Vec<PerformanceTest>,
    /// Hold τ1 fixed.
    #[serde(default)]
    pub fixed_tau1: Option<f64>,
    /// Hold τ2 fixed.
    #[serde(default)]
    pub fixed_tau2: Option<f64>,
    /// `same_day` (default) or `next_day`.
    #[serde(default)]
    pub timing: LoadTiming,
}

/// Fit the Banister model.
pub fn banister_fit(r: BanisterFitRequest) -> Result<BanisterFit> {
    check::date("start", r.start)?;
    let n = r.loads.len() as i64;
    let tests = r
        .tests
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let day = (t.date - r.start).num_days();
            if day < 0 || day >= n {
                return Err(Error::out_of_range(
                    &format!("tests[{i}].date"),
                    t.date,
                    &format!(
                        "a date inside the load series ({} to {})",
                        r.start,
                        r.start + chrono::Days::new((n.max(1) - 1) as u64)
                    ),
                ));
            }
            Ok((day as usize, t.value))
        })
        .collect::<Result<Vec<_>>>()?;
    let options = FitOptions {
        fixed_tau1: r.fixed_tau1,
        fixed_tau2: r.fixed_tau2,
        timing: r.timing,
    };
    // The core counts tests by day index; this request gives dates.
    let date_of = |day: &str| (r.start + chrono::Days::new(day.parse().unwrap_or(0))).to_string();
    banister::fit(&r.loads, &tests, &options).map_err(|e| match e {
        Error::UnsortedDates {
            field,
            value,
            previous,
        } if field.ends_with(".day") => Error::UnsortedDates {
            field: field.replace(".day", ".date"),
            value: date_of(&value),
            previous: date_of(&previous),
        },
        Error::DuplicateDate { field, value } if field.ends_with(".day") => Error::DuplicateDate {
            field: field.replace(".day", ".date"),
            value: date_of(&value),
        },
        other => other,
    })
}

/// Request of [`banister_forecast`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BanisterForecastRequest {
    /// The daily loads so far.
    pub loads: Vec<f64>,
    /// The planned daily loads from the next day on.
    pub planned_loads: Vec<f64>,
    /// The parameters.
    pub params: BanisterParams,
    /// `same_day` (default) or `next_day`.
    #[serde(default)]
    pub timing: LoadTiming,
}

/// Performance predicted for each planned day.
pub fn banister_forecast(r: BanisterForecastRequest) -> Result<PerformanceResponse> {
    if r.planned_loads.is_empty() {
        return Err(Error::empty("planned_loads", "at least one planned day"));
    }
    let all: Vec<f64> = r.loads.iter().chain(&r.planned_loads).copied().collect();
    let mut p = banister::simulate(&all, &r.params, r.timing).map_err(|e| {
        // Name the input the bad load came from.
        match &e {
            Error::NotFinite { field, .. } | Error::OutOfRange { field, .. }
                if field.starts_with("loads[") =>
            {
                let i: usize = field[6..field.len() - 1].parse().unwrap_or(0);
                let f = if i < r.loads.len() {
                    format!("loads[{i}]")
                } else {
                    format!("planned_loads[{}]", i - r.loads.len())
                };
                retarget(e, f)
            }
            _ => e,
        }
    })?;
    Ok(PerformanceResponse {
        performance: p.split_off(r.loads.len()),
    })
}

fn retarget(e: Error, new_field: String) -> Error {
    match e {
        Error::NotFinite { value, .. } => Error::NotFinite {
            field: new_field,
            value,
        },
        Error::OutOfRange {
            value, expected, ..
        } => Error::OutOfRange {
            field: new_field,
            value,
            expected,
        },
        other => other,
    }
}

// ---------------------------------------------------------------- supercompensation

/// Request of [`recovery_state`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryStateRequest {
    /// The log document.
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

/// Each body system's state.
pub fn recovery_state(r: RecoveryStateRequest) -> Result<RecoveryState> {
    let (log, athlete) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
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
    supercompensation::recovery_state(&log, &athlete, r.date.and_time(time), &r.options).map_err(
        |e| {
            if e.field().starts_with("log") || e.field().starts_with("athlete") {
                e
            } else {
                e.within("options")
            }
        },
    )
}

fn default_quality_kind() -> SessionKind {
    SessionKind::Intervals
}

/// Request of [`next_quality_session`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextQualitySessionRequest {
    /// The log document.
    pub log: Value,
    /// The athlete (default: the log's).
    #[serde(default)]
    pub athlete: Option<Athlete>,
    /// Today (sessions completed up to today count).
    pub today: NaiveDate,
    /// The kind of the next quality session (default `intervals`).
    #[serde(default = "default_quality_kind")]
    pub kind: SessionKind,
    /// Model constants (all optional).
    #[serde(default)]
    pub options: RecoveryOptions,
}

/// The next quality session's earliest and best days.
pub fn next_quality_session(r: NextQualitySessionRequest) -> Result<NextQualitySession> {
    let (log, athlete) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    supercompensation::next_quality_session(&log, &athlete, r.today, r.kind, &r.options).map_err(
        |e| {
            if e.field().starts_with("log")
                || e.field().starts_with("athlete")
                || e.field() == "kind"
            {
                e
            } else {
                e.within("options")
            }
        },
    )
}

// ---------------------------------------------------------------- batch

/// Flattens a matrix (one row per athlete), checking the rows have one length.
fn flatten(field: &str, rows: &[Vec<f64>]) -> Result<(Vec<f64>, usize)> {
    let days = rows.first().map_or(0, Vec::len);
    if rows.is_empty() || days == 0 {
        return Err(Error::empty(
            field,
            "at least one athlete with at least one day",
        ));
    }
    let mut flat = Vec::with_capacity(rows.len() * days);
    for (i, r) in rows.iter().enumerate() {
        if r.len() != days {
            return Err(Error::inconsistent(
                &format!("{field}[{i}]"),
                format!("{} days", r.len()),
                &format!("every row needs {days} days"),
            ));
        }
        flat.extend_from_slice(r);
    }
    Ok((flat, days))
}

fn rows(flat: Vec<f64>, days: usize) -> Vec<Vec<f64>> {
    flat.chunks(days).map(<[f64]>::to_vec).collect()
}

/// Request of [`pmc_batch`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PmcBatchRequest {
    /// One row of daily loads per athlete, all of one length.
    pub loads: Vec<Vec<f64>>,
    /// Only each athlete's last day (one value per athlete).
    #[serde(default)]
    pub latest: bool,
    /// Fitness time constant, days (42).
    #[serde(default)]
    pub fitness_days: Option<f64>,
    /// Fatigue time constant, days (7).
    #[serde(default)]
    pub fatigue_days: Option<f64>,
    /// `exponential` (default) or `linear`.
    #[serde(default)]
    pub gain: Option<Gain>,
    /// `next_day` (default) or `same_day`.
    #[serde(default)]
    pub form_day: Option<FormDay>,
    /// Fitness the day before the first (0).
    #[serde(default)]
    pub fitness_seed: Option<f64>,
    /// Fatigue the day before the first (0).
    #[serde(default)]
    pub fatigue_seed: Option<f64>,
}

/// Response of [`pmc_batch`]: matrices (athletes × days), or vectors with `latest`.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum PmcBatchResponse {
    /// Every day.
    Days {
        /// Fitness per athlete and day.
        fitness: Vec<Vec<f64>>,
        /// Fatigue per athlete and day.
        fatigue: Vec<Vec<f64>>,
        /// Form per athlete and day.
        form: Vec<Vec<f64>>,
    },
    /// The last day only.
    Latest {
        /// Fitness per athlete.
        fitness: Vec<f64>,
        /// Fatigue per athlete.
        fatigue: Vec<f64>,
        /// Form per athlete.
        form: Vec<f64>,
    },
}

/// The PMC of many athletes.
pub fn pmc_batch(r: PmcBatchRequest) -> Result<PmcBatchResponse> {
    let (flat, days) = flatten("loads", &r.loads)?;
    let o = pmc_options(
        r.fitness_days,
        r.fatigue_days,
        r.gain,
        r.form_day,
        r.fitness_seed,
        r.fatigue_seed,
    );
    if r.latest {
        let n = r.loads.len();
        let (mut c, mut a, mut f) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
        model::pmc_batch_latest(&flat, days, &o, &mut c, &mut a, &mut f)?;
        return Ok(PmcBatchResponse::Latest {
            fitness: c,
            fatigue: a,
            form: f,
        });
    }
    let n = flat.len();
    let (mut c, mut a, mut f) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    model::pmc_batch(&flat, days, &o, &mut c, &mut a, &mut f)?;
    Ok(PmcBatchResponse::Days {
        fitness: rows(c, days),
        fatigue: rows(a, days),
        form: rows(f, days),
    })
}

/// Request of [`acwr_batch`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcwrBatchRequest {
    /// One row of daily loads per athlete, all of one length.
    pub loads: Vec<Vec<f64>>,
    /// `coupled_rolling` (default), `uncoupled_rolling` or `ewma`.
    #[serde(default)]
    pub method: Option<AcwrMethod>,
    /// Acute window, days (7).
    #[serde(default)]
    pub acute_days: Option<usize>,
    /// Chronic window, days (28).
    #[serde(default)]
    pub chronic_days: Option<usize>,
    /// EWMA decay.
    #[serde(default)]
    pub decay: Option<EwmaDecay>,
    /// EWMA seed.
    #[serde(default)]
    pub seed: Option<EwmaSeed>,
}

/// Response of [`acwr_batch`] (athletes × days).
#[derive(Debug, Serialize)]
pub struct AcwrBatchResponse {
    /// Acute load.
    pub acute: Vec<Vec<f64>>,
    /// Chronic load.
    pub chronic: Vec<Vec<f64>>,
    /// The ratio, null where not meaningful (NaN in NumPy).
    pub ratio: Vec<Vec<Option<f64>>>,
}

/// The ACWR of many athletes.
pub fn acwr_batch(r: AcwrBatchRequest) -> Result<AcwrBatchResponse> {
    let (flat, days) = flatten("loads", &r.loads)?;
    let d = AcwrOptions::default();
    let o = AcwrOptions {
        method: r.method.unwrap_or(d.method),
        acute_days: r.acute_days.unwrap_or(d.acute_days),
        chronic_days: r.chronic_days.unwrap_or(d.chronic_days),
        decay: r.decay.unwrap_or(d.decay),
        seed: r.seed.unwrap_or(d.seed),
        min_coverage: 0.0,
    };
    let n = flat.len();
    let (mut a, mut c, mut q) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    model::acwr_batch(&flat, days, &o, &mut a, &mut c, &mut q)?;
    Ok(AcwrBatchResponse {
        acute: rows(a, days),
        chronic: rows(c, days),
        ratio: q
            .chunks(days)
            .map(|r| r.iter().map(|x| x.is_finite().then_some(*x)).collect())
            .collect(),
    })
}

/// Request of [`banister_fit_batch`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BanisterFitBatchRequest {
    /// One row of daily loads per athlete, all of one length.
    pub loads: Vec<Vec<f64>>,
    /// Test results in the same shape; null (NaN) where there was no test.
    pub tests: Vec<Vec<Option<f64>>>,
    /// Hold τ1 fixed.
    #[serde(default)]
    pub fixed_tau1: Option<f64>,
    /// Hold τ2 fixed.
    #[serde(default)]
    pub fixed_tau2: Option<f64>,
    /// `same_day` (default) or `next_day`.
    #[serde(default)]
    pub timing: LoadTiming,
}

/// One athlete's outcome in a batch fit.
#[derive(Debug, Serialize)]
pub struct BatchFitOutcome {
    /// The fit, when it succeeded.
    pub fit: Option<BanisterFit>,
    /// The error code, when it failed.
    pub error_code: Option<&'static str>,
    /// The error message, when it failed.
    pub error: Option<String>,
}

/// Response of [`banister_fit_batch`].
#[derive(Debug, Serialize)]
pub struct BanisterFitBatchResponse {
    /// One outcome per athlete.
    pub athletes: Vec<BatchFitOutcome>,
}

/// Banister fits of many athletes.
pub fn banister_fit_batch(r: BanisterFitBatchRequest) -> Result<BanisterFitBatchResponse> {
    let (flat, days) = flatten("loads", &r.loads)?;
    if r.tests.len() != r.loads.len() {
        return Err(Error::inconsistent(
            "tests",
            format!("{} rows", r.tests.len()),
            "one row per athlete",
        ));
    }
    let mut tests = Vec::with_capacity(flat.len());
    for (i, row) in r.tests.iter().enumerate() {
        if row.len() != days {
            return Err(Error::inconsistent(
                &format!("tests[{i}]"),
                format!("{} days", row.len()),
                &format!("every row needs {days} days"),
            ));
        }
        tests.extend(row.iter().map(|v| v.unwrap_or(f64::NAN)));
    }
    let options = FitOptions {
        fixed_tau1: r.fixed_tau1,
        fixed_tau2: r.fixed_tau2,
        timing: r.timing,
    };
    let fits = banister::fit_batch(&flat, &tests, days, &options)?;
    Ok(BanisterFitBatchResponse {
        athletes: fit_columns(fits).outcomes,
    })
}

/// The names of [`FitColumns::columns`], in order.
pub const FIT_COLUMNS: [&str; 8] = ["p0", "k1", "tau1", "k2", "tau2", "sse", "rmse", "r2"];

/// Batch fit results as per-athlete outcomes and as parameter columns, for
/// bindings that hand out arrays.
#[derive(Debug)]
pub struct FitColumns {
    /// One outcome per athlete, as the `banister_fit_batch` operation returns them.
    pub outcomes: Vec<BatchFitOutcome>,
    /// [`FIT_COLUMNS`], one value per athlete (NaN for a failed fit or an absent R²).
    pub columns: [Vec<f64>; 8],
}

/// Splits batch fit results into outcomes and columns.
pub fn fit_columns(fits: Vec<Result<BanisterFit>>) -> FitColumns {
    let mut columns: [Vec<f64>; 8] = std::array::from_fn(|_| Vec::with_capacity(fits.len()));
    let outcomes = fits
        .into_iter()
        .map(|f| match f {
            Ok(fit) => {
                let p = fit.params;
                let values = [
                    p.p0,
                    p.k1,
                    p.tau1,
                    p.k2,
                    p.tau2,
                    fit.sse,
                    fit.rmse,
                    fit.r2.unwrap_or(f64::NAN),
                ];
                for (col, v) in columns.iter_mut().zip(values) {
                    col.push(v);
                }
                BatchFitOutcome {
                    fit: Some(fit),
                    error_code: None,
                    error: None,
                }
            }
            Err(e) => {
                columns.iter_mut().for_each(|c| c.push(f64::NAN));
                BatchFitOutcome {
                    fit: None,
                    error_code: Some(e.code()),
                    error: Some(e.to_string()),
                }
            }
        })
        .collect();
    FitColumns { outcomes, columns }
}

// ---------------------------------------------------------------- readiness

/// Request of [`readiness`].
#[derive(Debug, Deserialize)]
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
#[serde(deny_unknown_fields)]
pub struct DatedLoads {
    /// The first day.
    pub start: NaiveDate,
    /// One load per day.
    pub values: Vec<f64>,
}

/// Request of [`warning_signs`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningSignsRequest {
    /// Daily markers in date order, today last.
    pub markers: Vec<DayMarkers>,
    /// A training log (its completed sessions give the daily loads, by `method`).
    #[serde(default)]
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

// ---------------------------------------------------------------- recovery

/// Request of [`recovery_prescription`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryPrescriptionRequest {
    /// The session just done.
    pub session: Session,
    /// Body mass, kg (default: the athlete's).
    #[serde(default)]
    pub body_mass_kg: Option<f64>,
    /// The athlete (for body mass).
    #[serde(default)]
    pub athlete: Option<Athlete>,
    /// Hours until the next session.
    #[serde(default)]
    pub hours_to_next_session: Option<f64>,
    /// Body mass before the session, kg.
    #[serde(default)]
    pub pre_mass_kg: Option<f64>,
    /// Body mass after, kg.
    #[serde(default)]
    pub post_mass_kg: Option<f64>,
    /// Fluid drunk during the session, L.
    #[serde(default)]
    pub fluid_drunk_l: Option<f64>,
    /// Sweat loss measured another way, L.
    #[serde(default)]
    pub sweat_loss_l: Option<f64>,
    /// Hours of training per day this block.
    #[serde(default)]
    pub training_h_per_day: Option<f64>,
    /// Last night's sleep, h.
    #[serde(default)]
    pub last_sleep_h: Option<f64>,
    /// Deeply fatigued (or readiness said rest).
    #[serde(default)]
    pub deeply_fatigued: bool,
    /// Ill.
    #[serde(default)]
    pub ill: bool,
    /// Pain that may be an injury.
    #[serde(default)]
    pub injury_pain: bool,
    /// In a heavy training block.
    #[serde(default)]
    pub heavy_block: bool,
}

/// The recovery prescription after a session.
pub fn recovery_prescription(r: RecoveryPrescriptionRequest) -> Result<Prescription> {
    let mass = match (
        r.body_mass_kg,
        r.athlete.as_ref().and_then(|a| a.body_mass_kg),
    ) {
        (Some(m), _) | (None, Some(m)) => m,
        (None, None) => {
            return Err(Error::missing(
                "body_mass_kg",
                "recovery prescriptions (give body_mass_kg or athlete.body_mass_kg)",
            ));
        }
    };
    if let Some(a) = &r.athlete {
        a.validate().map_err(|e| e.within("athlete"))?;
    }
    let inputs = RecoveryInputs {
        hours_to_next_session: r.hours_to_next_session,
        pre_mass_kg: r.pre_mass_kg,
        post_mass_kg: r.post_mass_kg,
        fluid_drunk_l: r.fluid_drunk_l,
        sweat_loss_l: r.sweat_loss_l,
        training_h_per_day: r.training_h_per_day,
        last_sleep_h: r.last_sleep_h,
        deeply_fatigued: r.deeply_fatigued,
        ill: r.ill,
        injury_pain: r.injury_pain,
        heavy_block: r.heavy_block,
    };
    recovery::prescribe(&r.session, mass, &inputs)
}

// ---------------------------------------------------------------- rules

/// Request of [`check_rules`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRulesRequest {
    /// The log or plan document.
    pub log: Value,
    /// The athlete (default: the document's).
    #[serde(default)]
    pub athlete: Option<Athlete>,
    /// A goal race date (planned race sessions count too).
    #[serde(default)]
    pub goal_race: Option<NaiveDate>,
    /// Only these rule ids (default: all).
    #[serde(default)]
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
pub struct CheckRulesResponse {
    /// The findings, by date.
    pub findings: Vec<Finding>,
    /// The rules that ran.
    pub rules: Vec<&'static str>,
}

/// Runs the plan rules.
pub fn check_rules(r: CheckRulesRequest) -> Result<CheckRulesResponse> {
    let (log, athlete) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
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
        findings: rules::check(&log, &athlete, r.goal_race, &options)?,
        rules: ran,
    })
}

// ---------------------------------------------------------------- Busso

/// Request of [`busso_simulate`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BussoSimulateRequest {
    /// One load per calendar day.
    pub loads: Vec<f64>,
    /// The parameters.
    pub params: BussoParams,
}

/// Busso performance for a load series.
pub fn busso_simulate(r: BussoSimulateRequest) -> Result<PerformanceResponse> {
    Ok(PerformanceResponse {
        performance: busso::simulate(&r.loads, &r.params)?,
    })
}

/// Request of [`busso_fit`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BussoFitRequest {
    /// Date of the first load.
    pub start: NaiveDate,
    /// One load per calendar day.
    pub loads: Vec<f64>,
    /// The tests, in date order, inside the series.
    pub tests: Vec<PerformanceTest>,
}

/// Fit Busso's model.
pub fn busso_fit(r: BussoFitRequest) -> Result<BussoFit> {
    check::date("start", r.start)?;
    let n = r.loads.len() as i64;
    let tests = r
        .tests
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let day = (t.date - r.start).num_days();
            if day < 0 || day >= n {
                return Err(Error::out_of_range(
                    &format!("tests[{i}].date"),
                    t.date,
                    "a date inside the load series",
                ));
            }
            Ok((day as usize, t.value))
        })
        .collect::<Result<Vec<_>>>()?;
    busso::fit(&r.loads, &tests).map_err(|e| match e {
        Error::UnsortedDates {
            field,
            value,
            previous,
        } if field.ends_with(".day") => Error::UnsortedDates {
            field: field.replace(".day", ".date"),
            value,
            previous,
        },
        Error::DuplicateDate { field, value } if field.ends_with(".day") => Error::DuplicateDate {
            field: field.replace(".day", ".date"),
            value,
        },
        other => other,
    })
}

// ---------------------------------------------------------------- taper

/// Request of [`taper_apply`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaperApplyRequest {
    /// The plan (a log document with planned sessions).
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
#[serde(deny_unknown_fields)]
pub struct TaperScoreRequest {
    /// History and plan in one document.
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
#[serde(deny_unknown_fields)]
pub struct TaperOptimizeRequest {
    /// History and plan in one document (at least 21 days before the race).
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

// ---------------------------------------------------------------- plan

/// Request of [`generate_plan`]: the fields of [`PlanRequest`], and the
/// athlete. The fields are repeated rather than `#[serde(flatten)]`ed: serde
/// reads a flattened struct from a buffer, where a bad value (or an unknown
/// field) loses its path and is reported at `$`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneratePlanRequest {
    /// The first day of the plan.
    pub start: NaiveDate,
    /// The race day.
    pub race_date: NaiveDate,
    /// The race distance, m.
    pub race_distance_m: f64,
    /// A goal time, s.
    #[serde(default)]
    pub goal_time_s: Option<f64>,
    /// Current weekly running distance, km.
    pub weekly_km: f64,
    /// Current long run, km.
    #[serde(default)]
    pub long_run_km: Option<f64>,
    /// VDOT (or give the athlete's).
    #[serde(default)]
    pub vdot: Option<f64>,
    /// Days available for running.
    #[serde(default)]
    pub available_days: Option<Vec<Weekday>>,
    /// The long run's day.
    #[serde(default)]
    pub long_run_day: Option<Weekday>,
    /// Experience.
    #[serde(default)]
    pub experience: plan::Experience,
    /// Quality sessions a week besides the long run.
    #[serde(default)]
    pub hard_sessions_per_week: Option<u32>,
    /// The athlete (for VDOT when `vdot` is not given).
    #[serde(default)]
    pub athlete: Option<Athlete>,
}

impl GeneratePlanRequest {
    /// The plan's inputs and the athlete.
    pub fn split(self) -> (PlanRequest, Option<Athlete>) {
        let plan = PlanRequest {
            start: self.start,
            race_date: self.race_date,
            race_distance_m: self.race_distance_m,
            goal_time_s: self.goal_time_s,
            weekly_km: self.weekly_km,
            long_run_km: self.long_run_km,
            vdot: self.vdot,
            available_days: self.available_days,
            long_run_day: self.long_run_day,
            experience: self.experience,
            hard_sessions_per_week: self.hard_sessions_per_week,
        };
        (plan, self.athlete)
    }
}

/// A periodized plan.
pub fn generate_plan(r: GeneratePlanRequest) -> Result<Plan> {
    let (request, athlete) = r.split();
    let athlete = athlete.unwrap_or_default();
    athlete.validate().map_err(|e| e.within("athlete"))?;
    plan::generate(&request, &athlete)
}

/// Request of [`replan_week`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplanRequest {
    /// The plan and what was done, in one document.
    pub log: Value,
    /// Today.
    pub today: NaiveDate,
    /// Today's readiness (`go`, `go_easy` or `rest`), when known.
    #[serde(default)]
    pub readiness: Option<crate::readiness::Status>,
}

/// The rest of this week, re-planned.
pub fn replan_week(r: ReplanRequest) -> Result<Replan> {
    let log =
        TrainingLog::from_value(r.log, DuplicatePolicy::Reject).map_err(|e| e.within("log"))?;
    plan::replan(&log, r.today, r.readiness)
}

// ---------------------------------------------------------------- calendar

/// Request of [`to_icalendar`]: the log document and the fields of [`CalendarOptions`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToIcalendarRequest {
    /// The log document (a plan's `document`, or any log).
    pub log: Value,
    /// Which sessions (default `planned`).
    #[serde(default = "default_calendar_include")]
    pub include: Include,
    /// Rest sessions too (default `false`).
    #[serde(default)]
    pub include_rest: bool,
    /// The calendar's name (default `runrecovery plan`).
    #[serde(default)]
    pub calendar_name: Option<String>,
    /// Every event's DTSTAMP, `YYYY-MM-DDTHH:MM:SSZ` (default: the log's first date at 00:00:00Z).
    #[serde(default)]
    pub stamp: Option<String>,
}

fn default_calendar_include() -> Include {
    Include::Planned
}

/// The log's sessions as an iCalendar file.
pub fn to_icalendar(r: ToIcalendarRequest) -> Result<Calendar> {
    let stamp = r.stamp.as_deref().map(calendar::parse_stamp).transpose()?;
    let log =
        TrainingLog::from_value(r.log, DuplicatePolicy::Reject).map_err(|e| e.within("log"))?;
    let options = CalendarOptions {
        include: r.include,
        include_rest: r.include_rest,
        calendar_name: r
            .calendar_name
            .unwrap_or_else(|| calendar::DEFAULT_CALENDAR_NAME.to_string()),
        stamp,
    };
    calendar::to_icalendar(&log, &options)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let (back, athlete) = r.split();
        assert_eq!(back, plan);
        assert_eq!(athlete.unwrap().age_years, Some(40.0));
    }

    #[test]
    fn a_null_request_is_an_empty_one() {
        let out = call("estimate_hr_max", Value::Null).unwrap_err();
        assert_eq!((out.code(), out.field()), ("invalid_input", "age_years"));
        let e = call("to_icalendar", Value::Null).unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_input", "log"));
    }

    #[test]
    fn to_icalendar_takes_the_options_and_names_bad_ones() {
        let log = serde_json::json!({"schema_version": 1, "sessions": [
            {"date": "2027-01-04", "kind": "easy", "duration_s": 2400, "status": "planned"}]});
        let out = call(
            "to_icalendar",
            serde_json::json!({"log": log, "include": "both", "include_rest": true,
                "calendar_name": "10K", "stamp": "2027-01-01T00:00:00Z"}),
        )
        .unwrap();
        assert_eq!(out["events"], 1);
        assert!(
            out["ics"]
                .as_str()
                .unwrap()
                .contains("X-WR-CALNAME:10K\r\n")
        );
        for (key, value, code) in [
            ("stamp", serde_json::json!("2027-01-01"), "invalid_input"),
            ("stamp", serde_json::json!(20270101), "invalid_input"),
            ("include", serde_json::json!("all"), "invalid_input"),
            ("include_rest", serde_json::json!("no"), "invalid_input"),
            ("calendar_nam", serde_json::json!("x"), "invalid_input"),
        ] {
            let mut input = serde_json::json!({"log": log});
            input[key] = value;
            let e = call("to_icalendar", input).unwrap_err();
            assert_eq!((e.code(), e.field()), (code, key), "{e}");
        }
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
