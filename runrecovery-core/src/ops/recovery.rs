//! Recovery stage: the prescription after a session.

use serde::Deserialize;

use crate::athlete::Athlete;
use crate::error::{Error, Result};
use crate::recovery::{self, Prescription, RecoveryInputs};
use crate::session::Session;

/// Request of [`recovery_prescription`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// Fuel, fluid, sleep and active recovery after a session, scaled to the athlete.
///
/// `session`: the session just done; `body_mass_kg` in kg (default: the
/// `athlete`'s); `hours_to_next_session` in h (unknown: more than 24 h);
/// `pre_mass_kg` / `post_mass_kg` in kg with `fluid_drunk_l` in L, or
/// `sweat_loss_l` in L; `training_h_per_day` (h/day, this block) and
/// `last_sleep_h` (h); the flags (default False) `deeply_fatigued`,
/// `ill`, `injury_pain`, `heavy_block`. Bands are `[low, high]`:
/// carbohydrate in g/h, g and g/kg/day, protein in g every so many h,
/// fluid in L (kg lost), sleep in h, naps and active recovery in min.
///
/// # Python
///
/// ```python
/// >>> p = recovery_prescription(session={"date": "2026-03-03", "kind": "intervals",
/// ...                                    "duration_s": 4200, "rpe": 8},
/// ...                           body_mass_kg=60, hours_to_next_session=20)
/// >>> p["carbohydrate"]["grams_per_hour"], p["protein"]["grams"], p["sleep"]["target_h"]
/// ([60.0, 72.0], [18.0, 18.0], [8.0, 10.0])
/// >>> [a["option"] for a in p["active_recovery"]][:2]
/// ['swim_or_pool_running', 'easy_cycling']
/// ```
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
