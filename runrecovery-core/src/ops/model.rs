//! Model stage: PMC, ACWR and the Banister impulse-response model.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::fields::request;

use super::log::log_with_athlete;
use crate::error::{Error, Path, Result, check};
use crate::load::{self, LoadMethod};
use crate::log::{DuplicatePolicy, check_load};
use crate::model::banister::{self, BanisterFit, BanisterParams, ImpulseResponse, LoadTiming};
use crate::model::{self, AcwrBand, AcwrGap, AcwrOptions, PmcOptions};

request! {
    /// PMC conventions, as request fields (all optional).
    #[derive(Debug, Default, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct PmcRequest {
        ..daily_loads,
        ..pmc_options,
    }
}

/// Response of [`pmc`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// Fitness (CTL), fatigue (ATL), form (TSB) and ramp of a daily load series.
///
/// `loads`: one load per day from `start` (AU or TSS); fitness, fatigue
/// and form (NumPy arrays) are in the loads' unit per day; time constants in
/// days (42 and 7); `gain` `"exponential"` (default) or `"linear"`
/// (1/N, TrainingPeaks); `form_day` `"next_day"` (default: yesterday's
/// fitness − fatigue) or `"same_day"`; `ramp` is the 7-day fitness change.
///
/// # Python
///
/// `loads` may be a pandas `Series` on a `DatetimeIndex` with no
/// `start` (here, in `acwr`, `weekly_loads` and
/// `banister_fit`): its dates (naive or tz-aware, as local dates) go
/// through `daily_series`, so days missing from the index count as 0
/// (and as not logged), and unsorted or repeated dates raise. With
/// `start` given, values are read in order and any index is ignored.
///
/// ```python
/// >>> p = pmc(start="2026-01-01", loads=[100, 0, 50])
/// >>> p["fitness"].round(2).tolist(), p["end"]
/// ([2.35, 2.3, 3.42], '2026-01-03')
/// ```
pub fn pmc(r: PmcRequest) -> Result<PmcResponse> {
    check::date("start", r.start)?;
    pmc_response(r.start, &r.loads, r.logged.as_deref(), r.pmc_options())
}

request! {
    /// Request of [`log_pmc`].
    #[derive(Debug, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct LogPmcRequest {
        ..log_loads,
        /// The day the state is taken at: its completed sessions count,
        /// planned ones only in the projection (default: the last completed
        /// session's date; docs/as-of.md).
        #[serde(default)]
        pub today: Option<NaiveDate>,
        /// Project to this day (default: the last planned session's date).
        #[serde(default)]
        pub end: Option<NaiveDate>,
        ..pmc_options,
    }
}

/// The PMC projected from `today` through the planned sessions.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PmcProjection {
    /// First day: `today`, so that a chart joins it to the state.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Projected load per day: on `today` its completed sessions and those
    /// still planned, after it the planned sessions.
    pub load: Vec<f64>,
    /// Whether a planned session falls on the day (the other days project as rest).
    pub planned: Vec<bool>,
    /// Projected fitness (CTL) per day.
    pub fitness: Vec<f64>,
    /// Projected fatigue (ATL) per day.
    pub fatigue: Vec<f64>,
    /// Projected form (TSB) per day.
    pub form: Vec<f64>,
    /// Projected form as % of fitness (null while fitness is 0).
    pub form_pct: Vec<Option<f64>>,
    /// Projected fitness change over 7 days (state days included).
    pub ramp: Vec<Option<f64>>,
}

/// Response of [`log_pmc`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LogPmcResponse {
    /// The PMC of the completed sessions, from the log's first day to `today`.
    #[serde(flatten)]
    pub pmc: PmcResponse,
    /// The completed daily loads, from the log's first day to `today`.
    pub load: Vec<f64>,
    /// The day of the state: the last day of the series.
    pub today: NaiveDate,
    /// The projection through the planned sessions, null when nothing is
    /// projected (no planned session from `today` on and no `end` after it).
    pub projection: Option<PmcProjection>,
    /// Sessions scored by each method (completed through `today`, and planned
    /// in the projection).
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::MethodCounts"))]
    pub methods: BTreeMap<LoadMethod, usize>,
    /// Set when scales were mixed.
    pub warning: Option<String>,
}

/// The PMC of a log as of `today`, and its projection through the planned sessions.
///
/// The state follows the "as of" rule (docs/as-of.md): `load`,
/// `fitness`, `fatigue` and `form` run from the log's first day to
/// `today` (default: the last completed session's date) and count the
/// completed sessions only, today's included. `projection` (null when
/// nothing is planned from `today` on and `end` is not after it) runs
/// from `today` to `end` (default: the last planned session's date):
/// on `today` its completed sessions plus those still planned, then
/// the planned sessions; `planned` marks the days with one (the others
/// project as rest). The series, the projection's too, are NumPy
/// arrays in the load method's unit; the PMC options are those of `pmc`.
///
/// # Python
///
/// ```python
/// >>> p = log_pmc(log={"schema_version": 1, "sessions": [
/// ...     {"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "rpe": 3},
/// ...     {"date": "2026-03-04", "kind": "long", "duration_s": 6000, "rpe": 5, "status": "planned"}]})
/// >>> p["today"], p["end"], p["load"].tolist()
/// ('2026-03-02', '2026-03-02', [150.0])
/// >>> p["projection"]["load"].tolist(), p["projection"]["planned"].tolist()
/// ([150.0, 0.0, 500.0], [False, False, True])
/// ```
pub fn log_pmc(r: LogPmcRequest) -> Result<LogPmcResponse> {
    check::opt_date("today", r.today)?;
    check::opt_date("end", r.end)?;
    let (opts, o) = (r.load_options(), r.pmc_options());
    let (log, athlete, at) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    let first = log.date_range().0;
    let today = match r.today {
        Some(t) => t,
        None => log.completed().map(|s| s.date).next_back().unwrap_or(first),
    };
    let d = load::as_of_loads(&log, &athlete, &opts, today, r.end).map_err(|e| at.name(e))?;
    let (methods, warning) = (d.methods().into_iter().collect(), d.warning());
    let done = d.done.series;
    let pmc = pmc_response(first, &done.values, Some(&done.logged), o)?;
    let projection = match d.projection {
        Some(p) => Some(projection(&done.values, p.series, o)?),
        None => None,
    };
    Ok(LogPmcResponse {
        pmc,
        load: done.values,
        today,
        projection,
        methods,
        warning,
    })
}

/// The PMC through the state's days before `today` and then the projected
/// loads, cut at `today`: the projection continues the state exactly.
fn projection(done: &[f64], p: crate::log::DailySeries, o: PmcOptions) -> Result<PmcProjection> {
    let k = done.len() - 1;
    let loads: Vec<f64> = done[..k].iter().chain(&p.values).copied().collect();
    let all = model::pmc(&loads, &o)?;
    let cut = |v: Vec<f64>| v[k..].to_vec();
    let mut form_pct = model::form_percent(&all.fitness, &all.form);
    let mut ramp = model::ramp_rate(&all.fitness);
    Ok(PmcProjection {
        start: p.start,
        end: p.end(),
        form_pct: form_pct.split_off(k),
        ramp: ramp.split_off(k),
        fitness: cut(all.fitness),
        fatigue: cut(all.fatigue),
        form: cut(all.form),
        load: p.values,
        planned: p.logged,
    })
}

request! {
    /// Request of [`acwr`].
    #[derive(Debug, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct AcwrRequest {
        ..daily_loads,
        ..acwr_options,
        /// Minimum share of logged days in the chronic window (0.75).
        #[serde(default)]
        pub min_coverage: Option<f64>,
    }
}

/// Response of [`acwr`] (columns, one entry per day).
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// Acute:chronic workload ratio (coupled, uncoupled or EWMA) with Gabbett's bands.
///
/// `loads`: one load per day from `start` (any unit); windows in days
/// (7 and 28); `acute` and `chronic` are NumPy arrays in the loads'
/// unit; `ratio` is unitless, `None` where `gap` says why; `band` is
/// `low` (< 0.8), `sweet_spot`, `caution` or `high` (> 1.5). A
/// pandas `Series` on a `DatetimeIndex` may stand for `start` and
/// `loads` (see `pmc`). Each day's windows include that day's load: for a
/// log, give `daily_loads` of its completed sessions, which end at the last
/// completed day or at your `end` (docs/as-of.md); never planned days.
///
/// # Python
///
/// ```python
/// >>> a = acwr(start="2026-01-01", loads=[50] * 27 + [400])
/// >>> a["ratio"][-1], a["band"][-1], a["gap"][0]
/// (1.6, 'high', 'not_enough_data')
/// ```
pub fn acwr(r: AcwrRequest) -> Result<AcwrResponse> {
    check::date("start", r.start)?;
    let options = r.acwr_options(
        r.min_coverage
            .unwrap_or(AcwrOptions::default().min_coverage),
    );
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PerformanceResponse {
    /// Predicted performance per day.
    pub performance: Vec<f64>,
}

/// Banister impulse-response performance for a daily load series.
///
/// `p(t) = p0 + k1·Σ w(s)·e^(−(t−s)/τ1) − k2·Σ w(s)·e^(−(t−s)/τ2)`; time
/// constants in days, performance in the unit of `p0`. `timing`
/// `"same_day"` (default) or `"next_day"`.
///
/// # Python
///
/// ```python
/// >>> r = banister_simulate(loads=[100, 0], params={"p0": 50, "k1": 0.1, "tau1": 45, "k2": 0.3, "tau2": 11})
/// >>> r["performance"].round(2).tolist()
/// [30.0, 32.39]
/// ```
pub fn banister_simulate(r: BanisterSimulateRequest) -> Result<PerformanceResponse> {
    Ok(PerformanceResponse {
        performance: banister::simulate(&r.loads, &r.params, r.timing)?,
    })
}

/// Request of [`banister_response`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BanisterResponseRequest {
    /// The parameters.
    pub params: BanisterParams,
}

/// One session's response: zero crossing, peak day, peak.
///
/// `t_n` and `t_star` in days; `peak` and `initial` per unit of load.
///
/// # Python
///
/// ```python
/// >>> r = banister_response(params={"p0": 50, "k1": 0.1, "tau1": 45, "k2": 0.3, "tau2": 11})
/// >>> round(r["t_n"], 1), round(r["t_star"], 1)
/// (16.0, 36.5)
/// ```
pub fn banister_response(r: BanisterResponseRequest) -> Result<ImpulseResponse> {
    banister::impulse_response(&r.params)
}

/// A dated performance test.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PerformanceTest {
    /// The day of the test.
    pub date: NaiveDate,
    /// The result (higher is better, e.g. a VDOT or a speed).
    pub value: f64,
}

request! {
    /// Request of [`banister_fit`].
    #[derive(Debug, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct BanisterFitRequest {
        /// Date of the first load.
        pub start: NaiveDate,
        /// One load per calendar day.
        pub loads: Vec<f64>,
        /// The tests, in date order, inside the series.
        pub tests: Vec<PerformanceTest>,
        ..fit_options,
    }
}

/// Fit the Banister model to performance tests (variable projection).
///
/// `loads` one per day from `start`; `tests` `[{"date", "value"}]`
/// in date order inside the series; `fixed_tau1` / `fixed_tau2` (days)
/// hold a time constant. A pandas `Series` on a `DatetimeIndex` may
/// stand for `start` and `loads` (see `pmc`).
///
/// # Python
///
/// ```python
/// >>> truth = {"p0": 50, "k1": 0.1, "tau1": 45, "k2": 0.3, "tau2": 11}
/// >>> loads = [60.0, 0, 80, 40, 0, 90, 30] * 20
/// >>> perf = banister_simulate(loads=loads, params=truth)["performance"]
/// >>> import datetime
/// >>> tests = [{"date": datetime.date(2026, 1, 1) + datetime.timedelta(days=d), "value": perf[d]}
/// ...          for d in range(3, 140, 4)]
/// >>> fit = banister_fit(start="2026-01-01", loads=loads, tests=tests, fixed_tau1=45, fixed_tau2=11)
/// >>> round(fit["params"]["k1"], 3), round(fit["params"]["k2"], 3), fit["free_parameters"]
/// (0.1, 0.3, 3)
/// ```
pub fn banister_fit(r: BanisterFitRequest) -> Result<BanisterFit> {
    check::date("start", r.start)?;
    let dated = r.tests.iter().map(|t| (t.date, t.value));
    let tests = banister::dated_tests(r.start, r.loads.len(), dated)?;
    banister::fit(&r.loads, &tests, &r.fit_options())
}

/// Request of [`banister_forecast`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// Predicted performance over planned loads after a history.
///
/// `loads`: the daily loads so far; `planned_loads`: one per day from
/// the next day on; `performance` (a NumPy array, unit of `p0`) has one
/// value per planned day.
///
/// # Python
///
/// ```python
/// >>> f = banister_forecast(loads=[100], planned_loads=[0, 0],
/// ...                       params={"p0": 50, "k1": 0.1, "tau1": 45, "k2": 0.3, "tau2": 11})
/// >>> f["performance"].round(2).tolist()
/// [32.39, 34.55]
/// ```
pub fn banister_forecast(r: BanisterForecastRequest) -> Result<PerformanceResponse> {
    if r.planned_loads.is_empty() {
        return Err(Error::empty("planned_loads", "at least one planned day"));
    }
    // Each load is checked where it is in the request, so the simulation of
    // both series joined meets only valid loads.
    for (i, &v) in r.loads.iter().enumerate() {
        check_load(v, || Path::from("loads").index(i))?;
    }
    for (i, &v) in r.planned_loads.iter().enumerate() {
        check_load(v, || Path::from("planned_loads").index(i))?;
    }
    let all: Vec<f64> = r.loads.iter().chain(&r.planned_loads).copied().collect();
    let mut p = banister::simulate(&all, &r.params, r.timing)?;
    Ok(PerformanceResponse {
        performance: p.split_off(r.loads.len()),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::ops::call;

    fn sample() -> Value {
        serde_json::from_str(include_str!("../../data/sample_log.json")).unwrap()
    }

    fn floats(v: &Value) -> Vec<f64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect()
    }

    /// docs/as-of.md on the sample athlete: `daily_loads` fed to `pmc` and
    /// `log_pmc` give the same state, at every `today` from the first week to
    /// past the plan; the projection continues it.
    #[test]
    fn log_pmc_state_is_the_pmc_of_the_completed_loads_through_today() {
        let log = sample();
        for day in [
            "2026-09-07",
            "2026-10-15",
            "2026-11-23",
            "2026-11-24",
            "2026-11-27",
            "2026-12-05",
        ] {
            let p = call(
                "log_pmc",
                json!({"log": log, "method": "session_rpe", "today": day}),
            )
            .unwrap();
            let d = call(
                "daily_loads",
                json!({"log": log, "method": "session_rpe", "end": day}),
            )
            .unwrap();
            let q = call("pmc", json!({"start": d["start"], "loads": d["load"]})).unwrap();
            assert_eq!(p["end"], day);
            assert_eq!(floats(&p["load"]), floats(&d["load"]), "{day}");
            for k in ["fitness", "fatigue", "form"] {
                assert_eq!(floats(&p[k]), floats(&q[k]), "{day} {k}");
            }
            let proj = &p["projection"];
            if day >= "2026-11-29" {
                assert!(proj.is_null(), "{day}: nothing planned from today on");
                continue;
            }
            assert_eq!(proj["start"], day);
            assert_eq!(proj["end"], "2026-11-29");
            // Day 0 carries today's completed load (and any still planned).
            let (state_last, proj0) = (
                *floats(&p["load"]).last().unwrap(),
                floats(&proj["load"])[0],
            );
            assert!(proj0 >= state_last, "{day}");
            if proj0 == state_last {
                let f = floats(&proj["fitness"])[0];
                assert_eq!(f, *floats(&p["fitness"]).last().unwrap(), "{day}");
            }
        }
    }

    /// A random log: for each of 30 days nothing, a completed session, a
    /// planned one, or both (RPE × minutes loads, so each is an integer).
    fn random_log(days: &[u8]) -> Value {
        let mut sessions = Vec::new();
        for (d, &k) in days.iter().enumerate() {
            let date = format!("2026-03-{:02}", d + 1);
            if k & 1 == 1 {
                sessions.push(json!({"date": date, "kind": "easy", "duration_s": 600 * (1 + d % 4), "rpe": 3}));
            }
            if k & 2 == 2 {
                sessions.push(json!({"date": date, "kind": "tempo", "duration_s": 1200, "rpe": 6, "status": "planned"}));
            }
        }
        json!({"schema_version": 1, "sessions": sessions})
    }

    proptest::proptest! {
        /// docs/as-of.md on random logs: the state ends at today and holds the
        /// completed loads only; the projection starts at today with today's
        /// completed and planned loads, then holds exactly the planned ones,
        /// and a day flagged not planned projects no load.
        #[test]
        fn log_pmc_follows_the_as_of_rule(
            days in proptest::collection::vec(0u8..4, 30),
            today in 0usize..30,
        ) {
            proptest::prop_assume!(days.iter().any(|&k| k != 0));
            let log = random_log(&days);
            let first = days.iter().position(|&k| k != 0).unwrap();
            proptest::prop_assume!(today >= first);
            let day = format!("2026-03-{:02}", today + 1);
            let p = call("log_pmc", json!({"log": log, "method": "session_rpe", "today": day})).unwrap();
            let done = |d: usize| if days[d] & 1 == 1 { 30.0 * (1 + d % 4) as f64 } else { 0.0 };
            let planned = |d: usize| if days[d] & 2 == 2 { 120.0 } else { 0.0 };
            let state: Vec<f64> = (first..=today).map(done).collect();
            proptest::prop_assert_eq!(&p["end"], &json!(day));
            proptest::prop_assert_eq!(floats(&p["load"]), state);
            let last_planned = (0..30).rev().find(|&d| days[d] & 2 == 2);
            match last_planned.filter(|&d| d >= today) {
                None => proptest::prop_assert!(p["projection"].is_null()),
                Some(end) => {
                    let q = &p["projection"];
                    let load = floats(&q["load"]);
                    let mut want: Vec<f64> = (today..=end).map(planned).collect();
                    want[0] += done(today);
                    proptest::prop_assert_eq!(&load, &want);
                    let flags: Vec<bool> = (today..=end).map(|d| days[d] & 2 == 2).collect();
                    proptest::prop_assert_eq!(q["planned"].as_array().unwrap().iter().map(|b| b.as_bool().unwrap()).collect::<Vec<_>>(), flags.clone());
                    for (i, f) in flags.iter().enumerate().skip(1) {
                        proptest::prop_assert!(*f || load[i] == 0.0);
                    }
                }
            }
        }
    }

    /// Issue 12: `daily_loads` ran on through the planned week as zeros; fed
    /// to `pmc` that drew a fake taper (form +77.9). Now its default end is
    /// the last completed day and the form there is that of `log_pmc`.
    #[test]
    fn daily_loads_into_pmc_draws_no_fake_taper() {
        let log = sample();
        let d = call("daily_loads", json!({"log": log, "method": "session_rpe"})).unwrap();
        assert_eq!(d["end"], "2026-11-23");
        let q = call("pmc", json!({"start": d["start"], "loads": d["load"]})).unwrap();
        let p = call("log_pmc", json!({"log": log, "method": "session_rpe"})).unwrap();
        let form = *floats(&q["form"]).last().unwrap();
        assert_eq!(form, *floats(&p["form"]).last().unwrap());
        assert!(form < 0.0, "form {form}: the last completed week was hard");
    }
}
