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

/// Busso performance for a load series.
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

/// Fit Busso's model.
pub fn busso_fit(r: BussoFitRequest) -> Result<BussoFit> {
    check::date("start", r.start)?;
    let dated = r.tests.iter().map(|t| (t.date, t.value));
    let tests = banister::dated_tests(r.start, r.loads.len(), dated)?;
    busso::fit(&r.loads, &tests)
}
