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

/// An athlete's zone table.
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

/// The zone of a session by its average.
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

/// Time in zone over a log.
pub fn intensity_distribution(r: IntensityDistributionRequest) -> Result<IntensityDistribution> {
    let (log, athlete) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    zones::intensity_distribution(&log, &athlete, r.system, r.start, r.end)
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

/// Treff's polarization index.
pub fn polarization_index(r: PolarizationRequest) -> Result<Polarization> {
    zones::polarization_index(r.z1, r.z2, r.z3)
}
