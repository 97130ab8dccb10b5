//! Performance stage: VDOT, equivalent times, paces and race-time predictions.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::performance::{self, TrainingPace};

/// A race result.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Race {
    /// Distance, m.
    pub distance_m: f64,
    /// Time, s.
    pub time_s: f64,
}

/// A VDOT.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VdotResponse {
    /// VDOT, ml/kg/min.
    pub vdot: f64,
}

/// Daniels-Gilbert VDOT from a race.
///
/// `distance_m` in m, `time_s` in s; VDOT in ml/kg/min.
///
/// # Python
///
/// ```python
/// >>> round(vdot_from_race(distance_m=5000, time_s=1200)["vdot"], 2)
/// 49.81
/// ```
pub fn vdot_from_race(r: Race) -> Result<VdotResponse> {
    Ok(VdotResponse {
        vdot: performance::vdot_from_race(r.distance_m, r.time_s)?,
    })
}

/// Request of [`equivalent_time`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EquivalentTimeRequest {
    /// VDOT.
    pub vdot: f64,
    /// Target distance, m.
    pub distance_m: f64,
}

/// A predicted race time.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// The race time with the same VDOT over another distance.
///
/// `vdot` in ml/kg/min, `distance_m` in m; `time_s` in s and
/// `pace_s_per_km` in s/km.
///
/// # Python
///
/// ```python
/// >>> round(equivalent_time(vdot=49.81, distance_m=5000)["time_s"])
/// 1200
/// ```
pub fn equivalent_time(r: EquivalentTimeRequest) -> Result<RaceTime> {
    Ok(race_time(
        performance::equivalent_time_s(r.vdot, r.distance_m)?,
        r.distance_m,
    ))
}

/// Request of [`training_paces`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TrainingPacesRequest {
    /// VDOT.
    pub vdot: f64,
}

/// Daniels' training paces.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrainingPacesResponse {
    /// E, M, T, I, R.
    pub paces: Vec<TrainingPace>,
}

/// Daniels' E, M, T, I, R paces for a VDOT.
///
/// `vdot` in ml/kg/min; each band's paces in s/km.
///
/// # Python
///
/// ```python
/// >>> [p["intensity"] for p in training_paces(vdot=50)["paces"]]
/// ['easy', 'marathon', 'threshold', 'interval', 'repetition']
/// ```
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// Riegel's race-time prediction.
///
/// `t2 = t1 · (d2/d1)^exponent` (default exponent 1.06); distances in m,
/// times in s, pace in s/km.
///
/// # Python
///
/// ```python
/// >>> round(riegel_predict(distance_m=10000, time_s=2400, to_distance_m=20000)["time_s"], 1)
/// 5003.8
/// ```
pub fn riegel_predict(r: PredictRequest) -> Result<RaceTime> {
    let t = performance::riegel_time_s(r.distance_m, r.time_s, r.to_distance_m, r.exponent)?;
    Ok(race_time(t, r.to_distance_m))
}

/// Cameron's race-time prediction.
///
/// Distances in m, times in s, pace in s/km (`exponent` is ignored: it
/// belongs to Riegel's model, which shares this request).
///
/// # Python
///
/// ```python
/// >>> r = cameron_predict(distance_m=10000, time_s=2400, to_distance_m=21097.5)
/// >>> 5000 < r["time_s"] < 5600
/// True
/// ```
pub fn cameron_predict(r: PredictRequest) -> Result<RaceTime> {
    let t = performance::cameron_time_s(r.distance_m, r.time_s, r.to_distance_m)?;
    Ok(race_time(t, r.to_distance_m))
}

/// Request of [`riegel_exponent`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TwoRacesRequest {
    /// One race.
    pub first: Race,
    /// Another race over a different distance.
    pub second: Race,
}

/// A Riegel exponent.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExponentResponse {
    /// The exponent.
    pub exponent: f64,
}

/// A personal Riegel exponent from two races.
///
/// Each race is `{"distance_m": ..., "time_s": ...}` (m, s), over different distances.
///
/// # Python
///
/// ```python
/// >>> round(riegel_exponent(first={"distance_m": 10000, "time_s": 2400},
/// ...                       second={"distance_m": 20000, "time_s": 5003.8})["exponent"], 3)
/// 1.06
/// ```
pub fn riegel_exponent(r: TwoRacesRequest) -> Result<ExponentResponse> {
    let k = performance::riegel_exponent(
        r.first.distance_m,
        r.first.time_s,
        r.second.distance_m,
        r.second.time_s,
    )?;
    Ok(ExponentResponse { exponent: k })
}
