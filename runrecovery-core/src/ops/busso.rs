//! Model stage, Busso: the variable dose-response model.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{PerformanceResponse, PerformanceTest};
use crate::error::{Result, check};
use crate::model::banister;
use crate::model::busso::{self, BussoFit, BussoParams};

/// Request of [`busso_simulate`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BussoSimulateRequest {
    /// One load per calendar day.
    pub loads: Vec<f64>,
    /// The parameters.
    pub params: BussoParams,
}

/// Busso's variable dose-response performance for a daily load series.
///
/// `p(n) = p0 + k1·Σ w(i)·e^(−(n−i)/τ1) − Σ k2(i)·w(i)·e^(−(n−i)/τ2)` with
/// the fatigue gain `k2(i) = k3·Σ_(j≤i) w(j)·e^(−(i−j)/τ3)` growing with
/// recent load (Busso 2003); time constants in days, performance in the
/// unit of `p0`, one value per day (a NumPy array; today's load acts today).
///
/// # Python
///
/// ```python
/// >>> params = {"p0": 0, "k1": 1, "tau1": 42, "k3": 0.01, "tau2": 7, "tau3": 5}
/// >>> busso_simulate(loads=[100, 0, 0, 50], params=params)["performance"].round(2).tolist()
/// [0.0, 10.96, 20.2, 25.52]
/// ```
pub fn busso_simulate(r: BussoSimulateRequest) -> Result<PerformanceResponse> {
    Ok(PerformanceResponse {
        performance: busso::simulate(&r.loads, &r.params)?,
    })
}

/// Request of [`busso_fit`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BussoFitRequest {
    /// Date of the first load.
    pub start: NaiveDate,
    /// One load per calendar day.
    pub loads: Vec<f64>,
    /// The tests, in date order, inside the series.
    pub tests: Vec<PerformanceTest>,
}

/// Fit Busso's variable dose-response model to performance tests.
///
/// `loads` one per day from `start`; `tests` `[{"date", "value"}]`
/// in date order inside the series (higher is better). Variable
/// projection: least squares for `p0`, `k1`, `k3` (≥ 0) inside a
/// search over `tau1`, `tau2`, `tau3` (days). A pandas `Series` on
/// a `DatetimeIndex` may stand for `start` and `loads` (see `pmc`).
///
/// # Python
///
/// ```python
/// >>> truth = {"p0": 50, "k1": 0.08, "tau1": 40, "k3": 0.002, "tau2": 8, "tau3": 4}
/// >>> loads = [60.0, 0, 80, 40, 0, 90, 30] * 30
/// >>> perf = busso_simulate(loads=loads, params=truth)["performance"]
/// >>> import datetime
/// >>> tests = [{"date": datetime.date(2026, 1, 1) + datetime.timedelta(days=d), "value": perf[d]}
/// ...          for d in range(3, len(loads), 5)]
/// >>> fit = busso_fit(start="2026-01-01", loads=loads, tests=tests)
/// >>> {k: round(v, 3) for k, v in fit["params"].items()} == truth, fit["tests"]
/// (True, 42)
/// ```
pub fn busso_fit(r: BussoFitRequest) -> Result<BussoFit> {
    check::date("start", r.start)?;
    let dated = r.tests.iter().map(|t| (t.date, t.value));
    let tests = banister::dated_tests(r.start, r.loads.len(), dated)?;
    busso::fit(&r.loads, &tests)
}
