//! The athlete profile and the published estimators for what is missing.
//!
//! Every physiological value is optional: a measured value always wins, and a
//! missing one is estimated only where a published estimator exists.
//!
//! | value | estimator | source |
//! | --- | --- | --- |
//! | HRmax (bpm) | `208 − 0.7·age` (default) | Tanaka, Monahan & Seals 2001 |
//! | HRmax (bpm) | `220 − age` | Fox, Naughton & Haskell 1971 |
//! | HRmax (bpm) | `207 − 0.7·age` | Gellish et al. 2007 |
//! | threshold pace (s/km) | velocity at 88 % of VDOT | Daniels' Running Formula (T pace) |
//!
//! ```
//! use runrecovery_core::athlete::{Athlete, HrMaxFormula};
//! let mut a = Athlete { age_years: Some(40.0), ..Athlete::default() };
//! assert_eq!(a.effective_hr_max().unwrap(), 180.0); // Tanaka: 208 − 0.7·40
//! a.hr_max_formula = HrMaxFormula::Fox;
//! assert_eq!(a.effective_hr_max().unwrap(), 180.0); // Fox: 220 − 40
//! a.hr_max_formula = HrMaxFormula::Gellish;
//! assert_eq!(a.effective_hr_max().unwrap(), 179.0);
//! a.hr_max_bpm = Some(192.0);
//! assert_eq!(a.effective_hr_max().unwrap(), 192.0); // measured always wins
//! // Errors name the field and the value:
//! let bad = Athlete { hr_rest_bpm: Some(300.0), ..Athlete::default() };
//! assert_eq!(bad.validate().unwrap_err().code(), "out_of_range");
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, check};
use crate::performance;

/// Biological sex, used only where a published formula has sex-specific coefficients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Male coefficients.
    Male,
    /// Female coefficients.
    Female,
}

/// Which age-based HRmax equation to use when HRmax was not measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HrMaxFormula {
    /// `208 − 0.7·age` (Tanaka, Monahan & Seals 2001, J Am Coll Cardiol 37:153). Default.
    #[default]
    Tanaka,
    /// `220 − age` (Fox, Naughton & Haskell 1971).
    Fox,
    /// `207 − 0.7·age` (Gellish et al. 2007, Med Sci Sports Exerc 39:822).
    Gellish,
}

impl HrMaxFormula {
    /// HRmax in bpm for an age in years.
    pub fn estimate(self, age_years: f64) -> f64 {
        match self {
            HrMaxFormula::Tanaka => 208.0 - 0.7 * age_years,
            HrMaxFormula::Fox => 220.0 - age_years,
            HrMaxFormula::Gellish => 207.0 - 0.7 * age_years,
        }
    }

    /// The citation for this formula.
    pub fn source(self) -> &'static str {
        match self {
            HrMaxFormula::Tanaka => "Tanaka, Monahan & Seals 2001: 208 - 0.7*age",
            HrMaxFormula::Fox => "Fox, Naughton & Haskell 1971: 220 - age",
            HrMaxFormula::Gellish => "Gellish et al. 2007: 207 - 0.7*age",
        }
    }
}

/// Accepted ranges; values outside them are rejected as absurd rather than used.
mod limits {
    pub const AGE_YEARS: (f64, f64) = (5.0, 110.0);
    pub const BODY_MASS_KG: (f64, f64) = (20.0, 250.0);
    pub const HR_MAX_BPM: (f64, f64) = (100.0, 230.0);
    pub const HR_REST_BPM: (f64, f64) = (25.0, 120.0);
    pub const HR_BPM: (f64, f64) = (40.0, 230.0);
    pub const PACE_S_PER_KM: (f64, f64) = (120.0, 900.0);
    pub const POWER_W: (f64, f64) = (30.0, 1000.0);
    pub const VDOT: (f64, f64) = (15.0, 90.0);
}

/// An athlete's profile. All values are optional; see [`Athlete::validate`] for the ranges.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Athlete {
    /// A display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Age in years (5–110).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_years: Option<f64>,
    /// Biological sex, for sex-specific coefficients (Banister TRIMP).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Body mass in kg (20–250).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_mass_kg: Option<f64>,
    /// Measured maximal heart rate in bpm (100–230). Wins over any estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hr_max_bpm: Option<f64>,
    /// The age-based estimator used when HRmax was not measured.
    #[serde(default)]
    pub hr_max_formula: HrMaxFormula,
    /// Resting (morning) heart rate in bpm (25–120).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hr_rest_bpm: Option<f64>,
    /// Lactate-threshold heart rate in bpm (Friel's 30-min test).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lthr_bpm: Option<f64>,
    /// Heart rate at the first ventilatory threshold (VT1), in bpm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vt1_hr_bpm: Option<f64>,
    /// Heart rate at the second ventilatory threshold (VT2), in bpm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vt2_hr_bpm: Option<f64>,
    /// Threshold pace (about 1 h race pace) in s/km.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold_pace_s_per_km: Option<f64>,
    /// Running critical power (or run FTP) in W.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub critical_power_w: Option<f64>,
    /// Daniels' VDOT (ml/kg/min), e.g. from a recent race.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vdot: Option<f64>,
}

/// A value that was estimated rather than measured, with its method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EstimatedValue {
    /// The profile field that was filled.
    pub field: String,
    /// The estimate.
    pub value: f64,
    /// The published method (citation).
    pub method: String,
}

/// A profile with every estimable value filled in, and a record of what was estimated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResolvedAthlete {
    /// The profile; `hr_max_bpm` still holds only a measured value.
    pub athlete: Athlete,
    /// HRmax used by the models (measured or estimated), bpm.
    pub hr_max_bpm: Option<f64>,
    /// Threshold pace used by the models (given or estimated), s/km.
    pub threshold_pace_s_per_km: Option<f64>,
    /// What was estimated, and how.
    pub estimated: Vec<EstimatedValue>,
}

impl Athlete {
    /// Checks every present value against its range and the order of the heart rates
    /// (resting < VT1 < VT2 ≤ HRmax, resting < LTHR ≤ HRmax).
    ///
    /// # Errors
    /// `not_finite`, `out_of_range` or `inconsistent`, naming the field.
    pub fn validate(&self) -> Result<()> {
        self.check_ranges()?;
        self.check_heart_rate_order()
    }

    /// Every present value inside its range ([`limits`]), in field order.
    fn check_ranges(&self) -> Result<()> {
        use limits::*;
        let ranges = [
            ("age_years", self.age_years, AGE_YEARS, "years"),
            ("body_mass_kg", self.body_mass_kg, BODY_MASS_KG, "kg"),
            ("hr_max_bpm", self.hr_max_bpm, HR_MAX_BPM, "bpm"),
            ("hr_rest_bpm", self.hr_rest_bpm, HR_REST_BPM, "bpm"),
            ("lthr_bpm", self.lthr_bpm, HR_BPM, "bpm"),
            ("vt1_hr_bpm", self.vt1_hr_bpm, HR_BPM, "bpm"),
            ("vt2_hr_bpm", self.vt2_hr_bpm, HR_BPM, "bpm"),
            (
                "threshold_pace_s_per_km",
                self.threshold_pace_s_per_km,
                PACE_S_PER_KM,
                "s/km",
            ),
            ("critical_power_w", self.critical_power_w, POWER_W, "W"),
            ("vdot", self.vdot, VDOT, "ml/kg/min"),
        ];
        for (field, value, (lo, hi), unit) in ranges {
            check::opt_in_range(field, value, lo, hi, unit)?;
        }
        Ok(())
    }

    /// resting < HRmax; resting < LTHR, VT1, VT2 ≤ HRmax (measured or estimated); VT1 < VT2.
    fn check_heart_rate_order(&self) -> Result<()> {
        let hr_max = self.effective_hr_max().ok();
        let rest = self.hr_rest_bpm;
        if let (Some(m), Some(r)) = (hr_max, rest) {
            if m <= r {
                return Err(Error::inconsistent(
                    "hr_rest_bpm",
                    r,
                    &format!("must be below HRmax {m} bpm"),
                ));
            }
        }
        for (field, v) in [
            ("lthr_bpm", self.lthr_bpm),
            ("vt1_hr_bpm", self.vt1_hr_bpm),
            ("vt2_hr_bpm", self.vt2_hr_bpm),
        ] {
            let Some(v) = v else { continue };
            if let Some(r) = rest.filter(|r| v <= *r) {
                return Err(Error::inconsistent(
                    field,
                    v,
                    &format!("must be above the resting heart rate {r} bpm"),
                ));
            }
            if let Some(m) = hr_max.filter(|m| v > *m) {
                return Err(Error::inconsistent(
                    field,
                    v,
                    &format!("must not exceed HRmax {m} bpm"),
                ));
            }
        }
        if let (Some(v1), Some(v2)) = (self.vt1_hr_bpm, self.vt2_hr_bpm) {
            if v1 >= v2 {
                return Err(Error::inconsistent(
                    "vt1_hr_bpm",
                    v1,
                    &format!("must be below VT2 {v2} bpm"),
                ));
            }
        }
        Ok(())
    }

    /// HRmax in bpm: the measured value, else the chosen age formula.
    ///
    /// # Errors
    /// `missing_field` (`hr_max_bpm`) when neither HRmax nor age is known.
    pub fn effective_hr_max(&self) -> Result<f64> {
        if let Some(m) = self.hr_max_bpm {
            return Ok(m);
        }
        match self.age_years {
            Some(age) => Ok(self.hr_max_formula.estimate(age)),
            None => Err(Error::missing(
                "hr_max_bpm",
                "heart-rate models (give HRmax or age_years to estimate it)",
            )),
        }
    }

    /// Resting heart rate in bpm.
    ///
    /// # Errors
    /// `missing_field` when absent: there is no reliable estimator.
    pub fn hr_rest(&self) -> Result<f64> {
        self.hr_rest_bpm
            .ok_or_else(|| Error::missing("hr_rest_bpm", "heart-rate reserve models"))
    }

    /// Threshold pace in s/km: the given value, else Daniels' T pace from VDOT.
    ///
    /// # Errors
    /// `missing_field` when neither threshold pace nor VDOT is known.
    pub fn threshold_pace(&self) -> Result<f64> {
        if let Some(p) = self.threshold_pace_s_per_km {
            return Ok(p);
        }
        match self.vdot {
            Some(v) => Ok(performance::pace_at_fraction(
                v,
                performance::T_PACE_FRACTION,
            )),
            None => Err(Error::missing(
                "threshold_pace_s_per_km",
                "pace zones and rTSS (give threshold pace or vdot)",
            )),
        }
    }

    /// Validates, then fills every estimable value and records how.
    ///
    /// # Errors
    /// As [`Athlete::validate`].
    pub fn resolve(&self) -> Result<ResolvedAthlete> {
        self.validate()?;
        let mut estimated = Vec::new();
        let hr_max = self.effective_hr_max().ok();
        if self.hr_max_bpm.is_none() {
            if let Some(v) = hr_max {
                estimated.push(EstimatedValue {
                    field: "hr_max_bpm".into(),
                    value: v,
                    method: self.hr_max_formula.source().into(),
                });
            }
        }
        let pace = self.threshold_pace().ok();
        if self.threshold_pace_s_per_km.is_none() {
            if let Some(v) = pace {
                estimated.push(EstimatedValue {
                    field: "threshold_pace_s_per_km".into(),
                    value: v,
                    method: "Daniels T pace: velocity at 88% of VDOT (Daniels-Gilbert oxygen cost)"
                        .into(),
                });
            }
        }
        Ok(ResolvedAthlete {
            athlete: self.clone(),
            hr_max_bpm: hr_max,
            threshold_pace_s_per_km: pace,
            estimated,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_hrmax_formulas() {
        assert_eq!(HrMaxFormula::Tanaka.estimate(30.0), 187.0);
        assert_eq!(HrMaxFormula::Fox.estimate(30.0), 190.0);
        assert_eq!(HrMaxFormula::Gellish.estimate(30.0), 186.0);
    }

    #[test]
    fn heart_rates_must_be_ordered() {
        let a = Athlete {
            hr_max_bpm: Some(180.0),
            hr_rest_bpm: Some(50.0),
            lthr_bpm: Some(185.0),
            ..Athlete::default()
        };
        let e = a.validate().unwrap_err();
        assert_eq!((e.code(), e.field()), ("inconsistent", "lthr_bpm"));
    }

    #[test]
    fn missing_hrmax_is_named() {
        let e = Athlete::default().effective_hr_max().unwrap_err();
        assert_eq!((e.code(), e.field()), ("missing_field", "hr_max_bpm"));
    }
}
