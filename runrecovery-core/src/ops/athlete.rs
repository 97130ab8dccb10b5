//! Athlete stage: HRmax estimates and resolved profiles.

use serde::{Deserialize, Serialize};

use crate::athlete::{Athlete, HrMaxFormula, ResolvedAthlete};
use crate::error::{Result, check};

/// Request of [`estimate_hr_max`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EstimateHrMaxResponse {
    /// HRmax, bpm.
    pub hr_max_bpm: f64,
    /// The formula used.
    pub formula: HrMaxFormula,
    /// Its citation.
    pub source: &'static str,
}

/// HRmax from age by Tanaka (default), Fox or Gellish.
///
/// `age_years` in years (5–110); `hr_max_bpm` in bpm. `formula` is
/// `"tanaka"` (208 − 0.7·age), `"fox"` (220 − age) or `"gellish"`
/// (207 − 0.7·age).
///
/// # Python
///
/// ```python
/// >>> estimate_hr_max(age_years=40)["hr_max_bpm"]
/// 180.0
/// >>> estimate_hr_max(age_years=30, formula="fox")["hr_max_bpm"]
/// 190.0
/// ```
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResolveAthleteRequest {
    /// The profile.
    pub athlete: Athlete,
}

/// Validate a profile and fill what can be estimated, saying how.
///
/// Heart rates in bpm, paces in s/km, power in W, body mass in kg. A
/// measured value always wins; HRmax is estimated from age, threshold pace
/// from VDOT (Daniels' T pace).
///
/// # Python
///
/// ```python
/// >>> r = resolve_athlete(athlete={"age_years": 40, "vdot": 50})
/// >>> r["hr_max_bpm"], [e["field"] for e in r["estimated"]]
/// (180.0, ['hr_max_bpm', 'threshold_pace_s_per_km'])
/// ```
pub fn resolve_athlete(r: ResolveAthleteRequest) -> Result<ResolvedAthlete> {
    r.athlete.resolve().map_err(|e| e.within("athlete"))
}

#[cfg(test)]
mod tests {
    use crate::ops::call;
    use serde_json::Value;

    #[test]
    fn call_reads_a_null_request_as_an_empty_one() {
        let out = call("estimate_hr_max", Value::Null).unwrap_err();
        assert_eq!((out.code(), out.field()), ("invalid_input", "age_years"));
        let e = call("to_icalendar", Value::Null).unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_input", "log"));
    }
}
