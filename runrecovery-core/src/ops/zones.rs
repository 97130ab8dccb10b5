//! Zones stage: zone tables, classification and intensity distribution.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::log::log_with_athlete;
use crate::athlete::Athlete;
use crate::error::Result;
use crate::log::DuplicatePolicy;
use crate::session::Session;
use crate::zones::{self, IntensityDistribution, Polarization, ZoneSystem, ZoneTable};

/// Request of [`zone_table`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ZoneTableRequest {
    /// The athlete.
    pub athlete: Athlete,
    /// The system.
    pub system: ZoneSystem,
}

/// An athlete's zones in one system, with bounds in bpm, s/km, W or CR-10.
///
/// Each zone has `from` (easy end) and `to` (hard end) in the table's
/// `unit`, and its Seiler zone (1–3).
///
/// # Python
///
/// ```python
/// >>> t = zone_table(athlete={"lthr_bpm": 170}, system="lthr_friel")
/// >>> t["unit"], t["zones"][1]["name"], t["zones"][1]["from"]
/// ('bpm', 'Z2', 144.5)
/// ```
pub fn zone_table(r: ZoneTableRequest) -> Result<ZoneTable> {
    zones::zone_table(&r.athlete, r.system)
}

/// Request of [`classify`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Classification {
    /// Zone index in the table (0 = easiest).
    pub zone: usize,
    /// Zone name.
    pub name: String,
    /// Seiler zone (1–3).
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::SeilerZone"))]
    pub seiler: u8,
}

fn classification(t: &ZoneTable, zone: usize) -> Classification {
    Classification {
        zone,
        name: t.zones[zone].name.clone(),
        seiler: t.zones[zone].seiler,
    }
}

/// The zone of a heart rate, pace, power or RPE value.
///
/// `value` in the system's unit: bpm, s/km, W or CR-10. `zone` is the
/// index in the table (0 = easiest).
///
/// # Python
///
/// ```python
/// >>> classify(athlete={"lthr_bpm": 170}, system="lthr_friel", value=150)["name"]
/// 'Z2'
/// ```
pub fn classify(r: ClassifyRequest) -> Result<Classification> {
    let t = zones::zone_table(&r.athlete, r.system)?;
    let z = t.classify(r.value)?;
    Ok(classification(&t, z))
}

/// Request of [`classify_session`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClassifySessionRequest {
    /// The athlete.
    pub athlete: Athlete,
    /// The system.
    pub system: ZoneSystem,
    /// The session.
    pub session: Session,
}

/// The zone of a whole session by its average.
///
/// The average heart rate (bpm), pace (s/km), power (W) or RPE (CR-10) of
/// the session, whichever the system measures.
///
/// # Python
///
/// ```python
/// >>> classify_session(athlete={}, system="rpe",
/// ...                  session={"date": "2026-03-02", "kind": "easy", "duration_s": 3600, "rpe": 3})["seiler"]
/// 1
/// ```
pub fn classify_session(r: ClassifySessionRequest) -> Result<Classification> {
    r.session.validate().map_err(|e| e.within("session"))?;
    let t = zones::zone_table(&r.athlete, r.system)?;
    let z = t.classify_session(&r.session)?;
    Ok(classification(&t, z))
}

/// Request of [`intensity_distribution`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IntensityDistributionRequest {
    /// The log document.
    #[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]
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

/// Time in zone of a log, Seiler's 3 zones, polarization index, 80/20 check.
///
/// Seconds per zone and fractions of classified time; `athlete` defaults
/// to the log's; `start` and `end` bound the days counted (inclusive).
///
/// # Python
///
/// ```python
/// >>> d = intensity_distribution(system="rpe", log={"schema_version": 1, "sessions": [
/// ...     {"date": "2026-03-02", "kind": "easy", "duration_s": 4800, "rpe": 3},
/// ...     {"date": "2026-03-04", "kind": "intervals", "duration_s": 1200, "rpe": 8}]})
/// >>> d["seiler_seconds"], d["easy_fraction"], d["meets_80_20"]
/// ([4800.0, 0.0, 1200.0], 0.8, True)
/// ```
pub fn intensity_distribution(r: IntensityDistributionRequest) -> Result<IntensityDistribution> {
    let (log, athlete, at) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    zones::intensity_distribution(&log, &athlete, r.system, r.start, r.end).map_err(|e| at.name(e))
}

/// Request of [`polarization_index`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolarizationRequest {
    /// Time or fraction in Seiler zone 1.
    pub z1: f64,
    /// Time or fraction in Seiler zone 2.
    pub z2: f64,
    /// Time or fraction in Seiler zone 3.
    pub z3: f64,
}

/// Treff's polarization index with its edge rules.
///
/// `z1`, `z2`, `z3`: time (any unit) or fractions in Seiler's zones;
/// the index is `log10((Z1/Z2)·Z3·100)` in a.u., polarized above 2.00.
///
/// # Python
///
/// ```python
/// >>> p = polarization_index(z1=0.80, z2=0.05, z3=0.15)
/// >>> round(p["index"], 2), p["polarized"], p["distribution"]
/// (2.38, True, 'polarized')
/// ```
pub fn polarization_index(r: PolarizationRequest) -> Result<Polarization> {
    zones::polarization_index(r.z1, r.z2, r.z3)
}
