//! Intensity zones: tables, classification, Seiler's three zones, time in zone,
//! Treff's polarization index and the 80/20 check.
//!
//! Every system is a list of zones with a **lower bound** in a reference
//! fraction (of HRmax, of the heart-rate reserve, of LTHR, of threshold speed,
//! of VDOT, of critical power, or CR-10 points). A zone holds `[lower, next
//! lower)`; bounds are compared as real numbers, so nothing falls into the 1 %
//! gaps of printed tables, and the top zone is open.
//!
//! | system | reference | lower bounds | source |
//! | --- | --- | --- | --- |
//! | `hr_max` | % HRmax | 0, 60, 70, 80, 90 | the common 5-zone %HRmax scale (Edwards 1993 bands) |
//! | `hr_reserve` | % HR reserve (Karvonen: `rest + f·(max − rest)`) | 0, 60, 70, 80, 90 | Karvonen 1957 |
//! | `lthr_friel` | % LTHR | 0, 85, 90, 95, 100, 103, 106 | Friel, running zones (Z1–Z5c) |
//! | `lthr_golden_cheetah` | % LTHR | 0, 68, 83, 94, 105 | GoldenCheetah HR zone defaults |
//! | `pace_threshold` | threshold pace (%) | slower than 129, 114, 106, 99, 97, 90 | Friel pace zones (pace %, slow → fast) |
//! | `pace_daniels` | % VDOT (oxygen cost) | 0 (E), 75 (M), 83 (T), 91.5 (I), 102.5 (R) | Daniels; gaps split at their middle |
//! | `power_cp` | % critical power | 0, 80, 90, 100, 115 | Stryd-style zones |
//! | `rpe` | CR-10 | 0, 4, 7, 9 | Foster's CR-10 and the talk test |
//!
//! **Seiler's three zones** (Z1 below the first threshold, Z2 between, Z3 above
//! the second) are assigned per zone in each table (the `seiler` field); the
//! mapping is our explicit reading of where VT1/LT1 and VT2/LT2 fall in each
//! system, documented in `docs/zones.md`.
//!
//! ```
//! use runrecovery_core::athlete::Athlete;
//! use runrecovery_core::zones::{ZoneSystem, zone_table};
//! let a = Athlete { lthr_bpm: Some(170.0), ..Athlete::default() };
//! let t = zone_table(&a, ZoneSystem::LthrFriel).unwrap();
//! let z = t.classify(150.0).unwrap(); // 88.2 % of LTHR
//! assert_eq!(t.zones[z].name, "Z2");
//! assert_eq!(t.zones[z].seiler, 1);
//! assert_eq!(t.zones[t.classify(171.0).unwrap()].name, "Z5a");
//! ```

use serde::{Deserialize, Serialize};

use crate::athlete::Athlete;
use crate::error::{Error, Path, Result, check};
use crate::log::TrainingLog;
use crate::performance;
use crate::session::Session;

/// A zone system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ZoneSystem {
    /// % of HRmax.
    HrMax,
    /// % of heart-rate reserve (Karvonen).
    HrReserve,
    /// Friel's running zones, % of LTHR.
    LthrFriel,
    /// GoldenCheetah's HR zones, % of LTHR.
    LthrGoldenCheetah,
    /// Friel's pace zones, % of threshold pace.
    PaceThreshold,
    /// Daniels' intensities, % of VDOT.
    PaceDaniels,
    /// Running power, % of critical power.
    PowerCp,
    /// Session RPE (CR-10) and the talk test.
    Rpe,
}

/// What a zone system measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Heart rate, bpm.
    HeartRate,
    /// Pace, s/km (lower is harder).
    Pace,
    /// Power, W.
    Power,
    /// CR-10 rating.
    Rpe,
}

/// One zone of a table, with bounds in the system's unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Zone {
    /// Short name (`Z1`, `Z5a`, `E`…).
    pub name: String,
    /// What the zone is for.
    pub description: String,
    /// Lower bound in the reference unit (fraction: 0.85 = 85 %; CR-10 points for RPE).
    pub lower_fraction: f64,
    /// Bound at the easy end, in the measure's unit (for pace: the slower pace;
    /// absent for the easiest pace zone).
    pub from: Option<f64>,
    /// Bound at the hard end (for pace: the faster pace; absent for the top zone).
    pub to: Option<f64>,
    /// Seiler zone (1, 2 or 3).
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::SeilerZone"))]
    pub seiler: u8,
}

/// A zone table for one athlete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ZoneTable {
    /// The system.
    pub system: ZoneSystem,
    /// What is measured.
    pub measure: Measure,
    /// Unit of `from`/`to` (`bpm`, `s/km`, `W`, `CR-10`).
    pub unit: String,
    /// The reference value the fractions apply to (HRmax, LTHR, threshold pace…).
    pub reference: f64,
    /// The zones, easiest first.
    pub zones: Vec<Zone>,
    /// Where the percentages come from.
    pub source: String,
    #[serde(skip)]
    rest_bpm: f64,
}

struct Def {
    name: &'static str,
    description: &'static str,
    lower: f64,
    seiler: u8,
}

const fn d(name: &'static str, description: &'static str, lower: f64, seiler: u8) -> Def {
    Def {
        name,
        description,
        lower,
        seiler,
    }
}

const HR_5: [Def; 5] = [
    d("Z1", "recovery", 0.0, 1),
    d("Z2", "endurance", 0.60, 1),
    d("Z3", "aerobic / steady", 0.70, 1),
    d("Z4", "threshold", 0.80, 2),
    d("Z5", "maximal", 0.90, 3),
];
const FRIEL_LTHR: [Def; 7] = [
    d("Z1", "recovery", 0.0, 1),
    d("Z2", "aerobic", 0.85, 1),
    d("Z3", "tempo", 0.90, 2),
    d("Z4", "sub-threshold", 0.95, 2),
    d("Z5a", "super-threshold", 1.00, 3),
    d("Z5b", "aerobic capacity", 1.03, 3),
    d("Z5c", "anaerobic capacity", 1.06, 3),
];
const GC_LTHR: [Def; 5] = [
    d("Z1", "active recovery", 0.0, 1),
    d("Z2", "aerobic", 0.68, 1),
    d("Z3", "tempo", 0.83, 2),
    d("Z4", "threshold", 0.94, 2),
    d("Z5", "VO2max", 1.05, 3),
];
/// Friel pace zones as pace percentages of threshold pace, slow to fast:
/// Z1 slower than 129 %, Z2 114–129, Z3 106–114, Z4 99–106, Z5a 97–99, Z5b 90–97, Z5c faster than 90.
/// Stored as speed fractions (100 / pace %).
const FRIEL_PACE_PCT: [(&str, &str, f64, u8); 7] = [
    ("Z1", "recovery", f64::INFINITY, 1),
    ("Z2", "aerobic", 129.0, 1),
    ("Z3", "tempo", 114.0, 2),
    ("Z4", "sub-threshold", 106.0, 2),
    ("Z5a", "super-threshold", 99.0, 3),
    ("Z5b", "aerobic capacity", 97.0, 3),
    ("Z5c", "anaerobic capacity", 90.0, 3),
];
const DANIELS: [Def; 5] = [
    d("E", "easy (59–74 % VO2max)", 0.0, 1),
    d("M", "marathon (75–84 %)", 0.75, 2),
    d("T", "threshold (83–88 %)", 0.83, 2),
    d("I", "interval (95–100 %)", 0.915, 3),
    d("R", "repetition (105–120 %)", 1.025, 3),
];
const POWER_CP: [Def; 5] = [
    d("Z1", "easy (65–80 % CP)", 0.0, 1),
    d("Z2", "moderate (80–90 %)", 0.80, 2),
    d("Z3", "threshold (90–100 %)", 0.90, 2),
    d("Z4", "interval (100–115 %)", 1.00, 3),
    d("Z5", "repetition (115–130 %)", 1.15, 3),
];
const RPE: [Def; 4] = [
    d("easy", "RPE 0–3: can speak in full sentences", 0.0, 1),
    d(
        "moderate",
        "RPE 4–6: moderate to threshold, short phrases",
        4.0,
        2,
    ),
    d("hard", "RPE 7–8: hard, a few words", 7.0, 3),
    d("maximal", "RPE 9–10: maximal, cannot talk", 9.0, 3),
];

impl ZoneSystem {
    /// What the system measures.
    pub fn measure(self) -> Measure {
        match self {
            ZoneSystem::HrMax
            | ZoneSystem::HrReserve
            | ZoneSystem::LthrFriel
            | ZoneSystem::LthrGoldenCheetah => Measure::HeartRate,
            ZoneSystem::PaceThreshold | ZoneSystem::PaceDaniels => Measure::Pace,
            ZoneSystem::PowerCp => Measure::Power,
            ZoneSystem::Rpe => Measure::Rpe,
        }
    }
}

/// The zone table of `system` for this athlete.
///
/// # Errors
/// `missing_field` when the athlete lacks the reference value (HRmax and age,
/// resting HR, LTHR, threshold pace or VDOT, CP); the athlete's own errors.
pub fn zone_table(athlete: &Athlete, system: ZoneSystem) -> Result<ZoneTable> {
    athlete.validate().map_err(|e| e.within("athlete"))?;
    if system == ZoneSystem::PaceThreshold {
        return pace_threshold_table(athlete);
    }
    let (reference, rest_bpm) = reference_of(athlete, system)?;
    let (unit, defs, source) = definitions(system);
    // A zone's lower fraction as a value: of the reserve (Karvonen), Daniels'
    // pace at that fraction of VDOT, the RPE itself, else of the reference.
    let bound = |f: f64| match system {
        ZoneSystem::HrReserve => rest_bpm + f * (reference - rest_bpm),
        ZoneSystem::PaceDaniels => performance::pace_at_fraction(reference, f),
        ZoneSystem::Rpe => f,
        _ => f * reference,
    };
    let mut zones: Vec<Zone> = defs
        .iter()
        .enumerate()
        .map(|(i, z)| Zone {
            name: z.name.into(),
            description: z.description.into(),
            lower_fraction: z.lower,
            from: Some(bound(z.lower)),
            to: defs.get(i + 1).map(|n| bound(n.lower)),
            seiler: z.seiler,
        })
        .collect();
    if system == ZoneSystem::PaceDaniels {
        // The slowest zone has no lower pace.
        zones[0].from = None;
    }
    Ok(ZoneTable {
        system,
        measure: system.measure(),
        unit: unit.into(),
        reference,
        zones,
        source: source.into(),
        rest_bpm,
    })
}

/// The athlete's reference value for `system` (HRmax, LTHR, VDOT, CP; 10 for
/// RPE), and the resting HR for the reserve (else 0).
///
/// # Errors
/// `missing_field` when the athlete lacks it. Not for `PaceThreshold`.
fn reference_of(athlete: &Athlete, system: ZoneSystem) -> Result<(f64, f64)> {
    let within = |e: Error| e.within("athlete");
    Ok(match system {
        ZoneSystem::HrMax => (athlete.effective_hr_max().map_err(within)?, 0.0),
        ZoneSystem::HrReserve => (
            athlete.effective_hr_max().map_err(within)?,
            athlete.hr_rest().map_err(within)?,
        ),
        ZoneSystem::LthrFriel | ZoneSystem::LthrGoldenCheetah => (lthr(athlete)?, 0.0),
        ZoneSystem::PaceDaniels => (
            athlete
                .vdot
                .ok_or_else(|| Error::missing("athlete.vdot", "Daniels pace zones"))?,
            0.0,
        ),
        ZoneSystem::PowerCp => (
            athlete
                .critical_power_w
                .ok_or_else(|| Error::missing("athlete.critical_power_w", "power zones"))?,
            0.0,
        ),
        // PaceThreshold has a table of its own (pace_threshold_table) and never comes here.
        ZoneSystem::Rpe | ZoneSystem::PaceThreshold => (10.0, 0.0),
    })
}

/// The unit, the zone definitions and the source of `system` (not `PaceThreshold`).
fn definitions(system: ZoneSystem) -> (&'static str, &'static [Def], &'static str) {
    match system {
        ZoneSystem::HrMax => ("bpm", &HR_5, "% of HRmax, 5 zones (Edwards 1993 bands)"),
        ZoneSystem::HrReserve => ("bpm", &HR_5, "% of heart-rate reserve (Karvonen 1957)"),
        ZoneSystem::LthrFriel => (
            "bpm",
            &FRIEL_LTHR,
            "Friel running heart-rate zones, % of LTHR",
        ),
        ZoneSystem::LthrGoldenCheetah => {
            ("bpm", &GC_LTHR, "GoldenCheetah heart-rate zones, % of LTHR")
        }
        ZoneSystem::PaceDaniels => (
            "s/km",
            &DANIELS,
            "Daniels' Running Formula intensities, % of VDOT",
        ),
        ZoneSystem::PowerCp => (
            "W",
            &POWER_CP,
            "Stryd-style running power zones, % of critical power",
        ),
        // PaceThreshold has a table of its own (pace_threshold_table) and never comes here.
        ZoneSystem::Rpe | ZoneSystem::PaceThreshold => {
            ("CR-10", &RPE, "Foster CR-10 session RPE and the talk test")
        }
    }
}

/// Friel's pace zones: % of threshold pace (a larger % is slower).
fn pace_threshold_table(athlete: &Athlete) -> Result<ZoneTable> {
    let p = athlete.threshold_pace().map_err(|e| e.within("athlete"))?;
    let zones = FRIEL_PACE_PCT
        .iter()
        .enumerate()
        .map(|(i, &(name, description, pct, seiler))| Zone {
            name: name.into(),
            description: description.into(),
            lower_fraction: if pct.is_finite() { 100.0 / pct } else { 0.0 },
            from: pct.is_finite().then(|| p * pct / 100.0),
            to: FRIEL_PACE_PCT.get(i + 1).map(|n| p * n.2 / 100.0),
            seiler,
        })
        .collect();
    Ok(ZoneTable {
        system: ZoneSystem::PaceThreshold,
        measure: Measure::Pace,
        unit: "s/km".into(),
        reference: p,
        zones,
        source: "Friel running pace zones, % of threshold pace".into(),
        rest_bpm: 0.0,
    })
}

fn lthr(athlete: &Athlete) -> Result<f64> {
    athlete
        .lthr_bpm
        .ok_or_else(|| Error::missing("athlete.lthr_bpm", "LTHR zones"))
}

impl ZoneTable {
    /// The reference fraction of a value in this system (monotone in intensity).
    fn fraction(&self, value: f64) -> f64 {
        match self.system {
            ZoneSystem::HrMax
            | ZoneSystem::LthrFriel
            | ZoneSystem::LthrGoldenCheetah
            | ZoneSystem::PowerCp => value / self.reference,
            ZoneSystem::HrReserve => (value - self.rest_bpm) / (self.reference - self.rest_bpm),
            ZoneSystem::PaceThreshold => self.reference / value,
            ZoneSystem::PaceDaniels => performance::oxygen_cost(60_000.0 / value) / self.reference,
            ZoneSystem::Rpe => value,
        }
    }

    /// The index of the zone holding `value` (in the system's unit).
    ///
    /// # Errors
    /// `not_finite`, or `out_of_range` for a value no athlete can produce
    /// (heart rate outside 25–250 bpm, pace outside 100–3600 s/km, power
    /// outside 0–2000 W, RPE outside 0–10).
    pub fn classify(&self, value: f64) -> Result<usize> {
        match self.measure {
            Measure::HeartRate => check::in_range("value", value, 25.0, 250.0, "bpm")?,
            Measure::Pace => check::in_range("value", value, 100.0, 3600.0, "s/km")?,
            Measure::Power => check::in_range("value", value, 0.0, 2000.0, "W")?,
            Measure::Rpe => check::in_range("value", value, 0.0, 10.0, "(CR-10)")?,
        };
        let f = self.fraction(value);
        Ok(self
            .zones
            .iter()
            .rposition(|z| f >= z.lower_fraction)
            .unwrap_or(0))
    }

    /// The value a session offers for this system's measure, if any.
    fn session_value(&self, s: &Session) -> Option<f64> {
        match self.measure {
            Measure::HeartRate => s.avg_hr_bpm,
            Measure::Pace => s
                .kind
                .is_run()
                .then(|| s.effective_pace_s_per_km())
                .flatten(),
            Measure::Power => s.normalized_power_w.or(s.avg_power_w),
            Measure::Rpe => s.rpe,
        }
    }

    /// Classifies a whole session by its average (HR, pace, power or RPE).
    ///
    /// # Errors
    /// `missing_field` when the session has no value for this system's measure.
    pub fn classify_session(&self, s: &Session) -> Result<usize> {
        let v = self.session_value(s).ok_or_else(|| {
            let field = match self.measure {
                Measure::HeartRate => "session.avg_hr_bpm",
                Measure::Pace => "session.distance_m",
                Measure::Power => "session.avg_power_w",
                Measure::Rpe => "session.rpe",
            };
            Error::missing(field, "classifying the session in this zone system")
        })?;
        self.classify(v).map_err(|e| e.within("session"))
    }
}

/// Time in each zone of a log, with Seiler's three zones and the polarization checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IntensityDistribution {
    /// The zone system used.
    pub system: ZoneSystem,
    /// Zone names, in table order.
    pub zone_names: Vec<String>,
    /// Seconds in each zone of the table.
    pub zone_seconds: Vec<f64>,
    /// Seconds in Seiler zones 1, 2, 3.
    pub seiler_seconds: [f64; 3],
    /// Fractions of classified time in Seiler zones 1, 2, 3.
    pub seiler_fractions: [f64; 3],
    /// Seconds of sessions without data for this system (not in any zone).
    pub unclassified_seconds: f64,
    /// Sessions counted.
    pub sessions: usize,
    /// Treff's polarization index and distribution type.
    pub polarization: Polarization,
    /// Share of classified time in Seiler zone 1.
    pub easy_fraction: f64,
    /// Whether at least 80 % of classified time is easy (Seiler zone 1).
    pub meets_80_20: bool,
}

/// The easy share the 80/20 rule asks for (Seiler & Kjerland 2006).
pub const EASY_SHARE_TARGET: f64 = 0.80;

/// Time in zone over the completed sessions of a log between `start` and `end` (inclusive).
///
/// A session with a heart-rate histogram contributes each bin to its zone
/// (time in zone); otherwise the whole session goes to the zone of its
/// average (the "session goal" approach). Sessions with no value for the
/// system count as unclassified. Rest days contribute nothing.
///
/// # Errors
/// `missing_field` for the table's reference value; `empty` when no session
/// in the period could be classified; classification errors by session.
pub fn intensity_distribution(
    log: &TrainingLog,
    athlete: &Athlete,
    system: ZoneSystem,
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
) -> Result<IntensityDistribution> {
    let table = zone_table(athlete, system)?;
    let mut zone_seconds = vec![0.0; table.zones.len()];
    let mut unclassified = 0.0;
    let mut sessions = 0;
    for (i, s) in log.sessions().iter().enumerate() {
        if s.status != crate::session::Status::Completed
            || start.is_some_and(|d| s.date < d)
            || end.is_some_and(|d| s.date > d)
            || s.duration_s == 0.0
        {
            continue;
        }
        sessions += 1;
        let field = Path::from("log.sessions").index(i);
        match (&s.hr_histogram, table.measure) {
            (Some(bins), Measure::HeartRate) => {
                let mut binned = 0.0;
                for b in bins {
                    let z = table.classify(b.hr_bpm).map_err(|e| e.within(&field))?;
                    zone_seconds[z] += b.seconds;
                    binned += b.seconds;
                }
                unclassified += (s.duration_s - binned).max(0.0);
            }
            _ => match table.session_value(s) {
                Some(v) => {
                    let z = table.classify(v).map_err(|e| e.within(&field))?;
                    zone_seconds[z] += s.duration_s;
                }
                None => unclassified += s.duration_s,
            },
        }
    }
    let mut seiler = [0.0; 3];
    for (z, secs) in table.zones.iter().zip(&zone_seconds) {
        seiler[usize::from(z.seiler - 1)] += secs;
    }
    let total: f64 = seiler.iter().sum();
    if total <= 0.0 {
        return Err(Error::empty(
            "log.sessions",
            "at least one session in the period with data for this zone system",
        ));
    }
    let fractions = seiler.map(|s| s / total);
    Ok(IntensityDistribution {
        system,
        zone_names: table.zones.iter().map(|z| z.name.clone()).collect(),
        zone_seconds,
        seiler_seconds: seiler,
        seiler_fractions: fractions,
        unclassified_seconds: unclassified,
        sessions,
        polarization: polarization_index(fractions[0], fractions[1], fractions[2])?,
        easy_fraction: fractions[0],
        meets_80_20: fractions[0] >= EASY_SHARE_TARGET,
    })
}

/// The shape of a training-intensity distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DistributionType {
    /// PI > 2.00 a.u.
    Polarized,
    /// Z1 > Z2 > Z3 and not polarized.
    Pyramidal,
    /// Z2 the largest share.
    Threshold,
    /// Z3 the largest share.
    HighIntensity,
    /// Z1 the largest share, no Z3 at all.
    Base,
    /// Z1 the largest but neither polarized nor pyramidal.
    Other,
}

/// Treff's polarization index with its edge rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Polarization {
    /// `log10((Z1/Z2)·Z3·100)` in a.u.; absent when not meaningful.
    pub index: Option<f64>,
    /// Whether the distribution is polarized (index > 2.00).
    pub polarized: bool,
    /// The distribution type.
    pub distribution: DistributionType,
    /// Which edge rule applied, if any.
    pub note: Option<String>,
}

/// The polarization threshold of Treff et al. 2019.
pub const POLARIZED_ABOVE: f64 = 2.0;
/// The substitute for a zero Z2 fraction (Treff et al. 2019).
pub const ZERO_Z2_SUBSTITUTE: f64 = 0.01;

/// Treff et al. (2019, Front Physiol 10:707) polarization index from the time
/// (any unit) or fractions in Seiler zones 1–3: `PI = log10((Z1/Z2)·Z3·100)`
/// with Z as fractions of the total.
///
/// Edge rules: Z2 = 0 is replaced by 0.01; Z3 = 0 gives PI = 0 (no
/// high-intensity work cannot be polarized); when Z3 > Z1 or Z2 > Z1 the index
/// is not meaningful and is absent.
///
/// ```
/// use runrecovery_core::zones::polarization_index;
/// let p = polarization_index(0.80, 0.05, 0.15).unwrap();
/// // log10((0.80/0.05)·0.15·100) = log10(240) = 2.380
/// assert!((p.index.unwrap() - 240f64.log10()).abs() < 1e-12);
/// assert!(p.polarized);
/// ```
///
/// # Errors
/// `not_finite`, `out_of_range` (negative), `empty` when all three are zero.
pub fn polarization_index(z1: f64, z2: f64, z3: f64) -> Result<Polarization> {
    for (f, v) in [("z1", z1), ("z2", z2), ("z3", z3)] {
        check::finite(f, v)?;
        if v < 0.0 {
            return Err(Error::out_of_range(f, v, "0 or more"));
        }
    }
    // Scale by the largest first so huge inputs cannot overflow the sum.
    let largest = z1.max(z2).max(z3);
    if largest <= 0.0 {
        return Err(Error::empty("z1", "some time in at least one zone"));
    }
    let (s1, s2, s3) = (z1 / largest, z2 / largest, z3 / largest);
    let total = s1 + s2 + s3;
    let (f1, f2, f3) = (s1 / total, s2 / total, s3 / total);
    let shape = if f3 > f1 && f3 >= f2 {
        DistributionType::HighIntensity
    } else if f2 > f1 {
        DistributionType::Threshold
    } else if f3 == 0.0 {
        DistributionType::Base
    } else if f1 > f2 && f2 > f3 {
        DistributionType::Pyramidal
    } else {
        DistributionType::Other
    };
    if f3 > f1 || f2 > f1 {
        return Ok(Polarization {
            index: None,
            polarized: false,
            distribution: shape,
            note: Some(
                "not meaningful: Z1 must hold the largest share (Z3 > Z1 or Z2 > Z1)".into(),
            ),
        });
    }
    if f3 == 0.0 {
        return Ok(Polarization {
            index: Some(0.0),
            polarized: false,
            distribution: shape,
            note: Some("Z3 = 0: PI set to 0".into()),
        });
    }
    let (z2_used, note) = if f2 == 0.0 {
        (
            ZERO_Z2_SUBSTITUTE,
            Some("Z2 = 0: replaced by 0.01".to_string()),
        )
    } else {
        (f2, None)
    };
    let index = ((f1 / z2_used) * f3 * 100.0).log10();
    let polarized = index > POLARIZED_ABOVE;
    Ok(Polarization {
        index: Some(index),
        polarized,
        distribution: if polarized {
            DistributionType::Polarized
        } else {
            shape
        },
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn athlete() -> Athlete {
        Athlete {
            hr_max_bpm: Some(190.0),
            hr_rest_bpm: Some(50.0),
            lthr_bpm: Some(170.0),
            threshold_pace_s_per_km: Some(240.0),
            critical_power_w: Some(300.0),
            vdot: Some(50.0),
            ..Athlete::default()
        }
    }

    #[test]
    fn friel_bounds_are_percentages_of_lthr() {
        let t = zone_table(&athlete(), ZoneSystem::LthrFriel).unwrap();
        let lows: Vec<f64> = t.zones.iter().map(|z| z.from.unwrap()).collect();
        let expect = [0.0, 144.5, 153.0, 161.5, 170.0, 175.1, 180.2];
        for (a, b) in lows.iter().zip(expect) {
            assert!((a - b).abs() < 1e-9, "{a} vs {b}");
        }
    }

    #[test]
    fn karvonen_bounds() {
        let t = zone_table(&athlete(), ZoneSystem::HrReserve).unwrap();
        // 50 + 0.7·(190 − 50) = 148
        assert!((t.zones[2].from.unwrap() - 148.0).abs() < 1e-9);
        assert_eq!(t.classify(148.0).unwrap(), 2);
        assert_eq!(t.classify(147.9).unwrap(), 1);
    }

    #[test]
    fn pace_zones_run_slow_to_fast() {
        let t = zone_table(&athlete(), ZoneSystem::PaceThreshold).unwrap();
        assert_eq!(t.zones[t.classify(240.0).unwrap()].name, "Z4");
        assert_eq!(t.zones[t.classify(330.0).unwrap()].name, "Z1");
        assert_eq!(t.zones[t.classify(200.0).unwrap()].name, "Z5c");
    }

    #[test]
    fn polarization_edge_rules() {
        let p = polarization_index(0.8, 0.0, 0.2).unwrap();
        assert!((p.index.unwrap() - (0.8f64 / 0.01 * 0.2 * 100.0).log10()).abs() < 1e-12);
        assert_eq!(polarization_index(0.9, 0.1, 0.0).unwrap().index, Some(0.0));
        assert_eq!(polarization_index(0.3, 0.2, 0.5).unwrap().index, None);
    }
}
