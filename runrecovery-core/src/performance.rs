//! Race equivalence and training paces.
//!
//! **Daniels & Gilbert** (*Oxygen Power*, 1979), with velocity `v` in m/min and
//! time `t` in minutes:
//!
//! - oxygen cost `VO2(v) = −4.60 + 0.182258·v + 0.000104·v²` (ml·kg⁻¹·min⁻¹)
//! - fraction of VO2max sustainable for `t` minutes
//!   `%max(t) = 0.8 + 0.1894393·e^(−0.012778·t) + 0.2989558·e^(−0.1932605·t)`
//! - `VDOT = VO2(d/t) / %max(t)`
//!
//! An equivalent time for another distance solves `VDOT(d₂, t₂) = VDOT`, which
//! is strictly decreasing in `t₂`: we bracket and bisect to 1 µs.
//! Training paces are the velocities whose oxygen cost is a fraction of VDOT
//! (Daniels' Running Formula: E 59–74 %, M 75–84 %, T 83–88 %, I 95–100 %,
//! R 105–120 %); M is also given as the equivalent marathon race pace, which
//! is how Daniels' tables define it.
//!
//! **Riegel** (1981): `T₂ = T₁·(D₂/D₁)^1.06`; a personal exponent from two races
//! is `ln(T₂/T₁)/ln(D₂/D₁)`. **Cameron**: `a(d) = 13.49681 − 0.048865·d +
//! 2.438936/d^0.7905` (d in miles), `T₂ = (T₁/d₁)·(a(d₁)/a(d₂))·d₂`.
//!
//! ```
//! use runrecovery_core::performance::{vdot_from_race, equivalent_time_s};
//! // 5 km in 20:00 is VDOT 49.8 (Daniels' table: 49.8 for 20:00).
//! let v = vdot_from_race(5000.0, 1200.0).unwrap();
//! assert!((v - 49.81).abs() < 0.01);
//! // ... and the equivalent 10 km is about 41:30.
//! let t = equivalent_time_s(v, 10000.0).unwrap();
//! assert!((t - 2489.0).abs() < 5.0);
//! # // An impossible race is rejected:
//! assert_eq!(vdot_from_race(5000.0, 300.0).unwrap_err().code(), "out_of_range");
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, check};

/// Daniels' T pace is the velocity at 88 % of VDOT.
pub const T_PACE_FRACTION: f64 = 0.88;
/// Riegel's fatigue exponent (Riegel 1981).
pub const RIEGEL_EXPONENT: f64 = 1.06;
/// The marathon distance in metres.
pub const MARATHON_M: f64 = 42_195.0;
const METRES_PER_MILE: f64 = 1609.344;

/// Accepted race distances (m) and durations (s) for the Daniels–Gilbert equations.
const DISTANCE_M: (f64, f64) = (400.0, 250_000.0);
const DURATION_S: (f64, f64) = (60.0, 86_400.0);
const VDOT_RANGE: (f64, f64) = (15.0, 90.0);

/// Oxygen cost of running at `v` m/min, ml·kg⁻¹·min⁻¹ (Daniels & Gilbert 1979).
pub fn oxygen_cost(v_m_per_min: f64) -> f64 {
    -4.60 + 0.182258 * v_m_per_min + 0.000104 * v_m_per_min * v_m_per_min
}

/// Fraction of VO2max sustainable for `t` minutes (Daniels & Gilbert 1979).
pub fn fraction_sustainable(t_min: f64) -> f64 {
    0.8 + 0.1894393 * (-0.012778 * t_min).exp() + 0.2989558 * (-0.1932605 * t_min).exp()
}

/// Velocity (m/min) whose oxygen cost is `vo2`: the positive root of the cost quadratic.
pub fn velocity_for_vo2(vo2: f64) -> f64 {
    let (a, b, c) = (0.000104, 0.182258, -4.60 - vo2);
    (-b + (b * b - 4.0 * a * c).sqrt()) / (2.0 * a)
}

/// Pace (s/km) at a fraction of VDOT.
pub fn pace_at_fraction(vdot: f64, fraction: f64) -> f64 {
    60_000.0 / velocity_for_vo2(vdot * fraction)
}

fn check_race(distance_m: f64, time_s: f64) -> Result<()> {
    check::in_range("distance_m", distance_m, DISTANCE_M.0, DISTANCE_M.1, "m")?;
    check::in_range("time_s", time_s, DURATION_S.0, DURATION_S.1, "s")?;
    Ok(())
}

fn vdot_unchecked(distance_m: f64, time_s: f64) -> f64 {
    let t_min = time_s / 60.0;
    oxygen_cost(distance_m / t_min) / fraction_sustainable(t_min)
}

/// Daniels–Gilbert VDOT (ml·kg⁻¹·min⁻¹) from a race distance (m) and time (s).
///
/// # Errors
/// `out_of_range` for distances outside 400 m–250 km, times outside 1 min–24 h,
/// or a result outside VDOT 15–90 (an implausible performance).
pub fn vdot_from_race(distance_m: f64, time_s: f64) -> Result<f64> {
    check_race(distance_m, time_s)?;
    let v = vdot_unchecked(distance_m, time_s);
    if !(VDOT_RANGE.0..=VDOT_RANGE.1).contains(&v) {
        return Err(Error::out_of_range(
            "time_s",
            time_s,
            &format!(
                "a performance with VDOT between {} and {} (this one gives {v:.1})",
                VDOT_RANGE.0, VDOT_RANGE.1
            ),
        ));
    }
    Ok(v)
}

/// The race time (s) over `distance_m` that has the same VDOT.
///
/// # Errors
/// `out_of_range` for a VDOT outside 15–90 or a distance outside 400 m–250 km.
pub fn equivalent_time_s(vdot: f64, distance_m: f64) -> Result<f64> {
    check::in_range("vdot", vdot, VDOT_RANGE.0, VDOT_RANGE.1, "ml/kg/min")?;
    check::in_range("distance_m", distance_m, DISTANCE_M.0, DISTANCE_M.1, "m")?;
    // VDOT(d, t) falls as t grows: bisect on t between very fast and very slow.
    let (mut lo, mut hi) = (distance_m / 1000.0 * 60.0, distance_m / 1000.0 * 1800.0);
    while hi - lo > 1e-6 {
        let mid = 0.5 * (lo + hi);
        if vdot_unchecked(distance_m, mid) > vdot {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(0.5 * (lo + hi))
}

/// One of Daniels' training intensities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Intensity {
    /// Easy (E).
    Easy,
    /// Marathon (M).
    Marathon,
    /// Threshold (T).
    Threshold,
    /// Interval (I).
    Interval,
    /// Repetition (R).
    Repetition,
}

/// Fractions of VDOT (oxygen cost over VO2max) for each intensity: Daniels' Running Formula.
pub const INTENSITY_FRACTIONS: [(Intensity, f64, f64); 5] = [
    (Intensity::Easy, 0.59, 0.74),
    (Intensity::Marathon, 0.75, 0.84),
    (Intensity::Threshold, 0.83, 0.88),
    (Intensity::Interval, 0.95, 1.00),
    (Intensity::Repetition, 1.05, 1.20),
];

/// A training pace band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrainingPace {
    /// Which intensity.
    pub intensity: Intensity,
    /// Lower fraction of VDOT.
    pub fraction_low: f64,
    /// Upper fraction of VDOT.
    pub fraction_high: f64,
    /// Slowest pace of the band, s/km (at `fraction_low`).
    pub slow_s_per_km: f64,
    /// Fastest pace of the band, s/km (at `fraction_high`).
    pub fast_s_per_km: f64,
    /// The pace to aim for, s/km: T at 88 %, M the equivalent marathon pace,
    /// otherwise the middle of the band's velocities.
    pub target_s_per_km: f64,
}

/// Daniels' E, M, T, I, R paces for a VDOT.
///
/// # Errors
/// `out_of_range` for a VDOT outside 15–90.
pub fn training_paces(vdot: f64) -> Result<Vec<TrainingPace>> {
    check::in_range("vdot", vdot, VDOT_RANGE.0, VDOT_RANGE.1, "ml/kg/min")?;
    let marathon_pace = equivalent_time_s(vdot, MARATHON_M)? / (MARATHON_M / 1000.0);
    Ok(INTENSITY_FRACTIONS
        .iter()
        .map(|&(intensity, lo, hi)| {
            let (slow, fast) = (pace_at_fraction(vdot, lo), pace_at_fraction(vdot, hi));
            let target = match intensity {
                Intensity::Threshold => pace_at_fraction(vdot, T_PACE_FRACTION),
                Intensity::Marathon => marathon_pace,
                _ => 60_000.0 / (0.5 * (velocity_for_vo2(vdot * lo) + velocity_for_vo2(vdot * hi))),
            };
            TrainingPace {
                intensity,
                fraction_low: lo,
                fraction_high: hi,
                slow_s_per_km: slow,
                fast_s_per_km: fast,
                target_s_per_km: target,
            }
        })
        .collect())
}

/// Riegel prediction of the time (s) over `to_distance_m` from a race, with an exponent
/// (default [`RIEGEL_EXPONENT`]). Meaningful for roughly 3.5 to 230 minutes.
///
/// # Errors
/// `out_of_range` for an implausible race or an exponent outside 0.8–1.4.
pub fn riegel_time_s(
    distance_m: f64,
    time_s: f64,
    to_distance_m: f64,
    exponent: f64,
) -> Result<f64> {
    check_race(distance_m, time_s)?;
    check::in_range(
        "to_distance_m",
        to_distance_m,
        DISTANCE_M.0,
        DISTANCE_M.1,
        "m",
    )?;
    check::in_range("exponent", exponent, 0.8, 1.4, "")?;
    Ok(time_s * (to_distance_m / distance_m).powf(exponent))
}

/// A personal Riegel exponent `ln(T₂/T₁)/ln(D₂/D₁)` from two races.
///
/// # Errors
/// `inconsistent` when the distances are equal or the longer race is not slower.
pub fn riegel_exponent(d1_m: f64, t1_s: f64, d2_m: f64, t2_s: f64) -> Result<f64> {
    check_race(d1_m, t1_s).map_err(|e| e.within("first"))?;
    check_race(d2_m, t2_s).map_err(|e| e.within("second"))?;
    if (d1_m - d2_m).abs() < 1.0 {
        return Err(Error::inconsistent(
            "second.distance_m",
            d2_m,
            "the two races need different distances",
        ));
    }
    let k = (t2_s / t1_s).ln() / (d2_m / d1_m).ln();
    if k <= 0.0 {
        return Err(Error::inconsistent(
            "second.time_s",
            t2_s,
            "the longer race must take longer than the shorter one",
        ));
    }
    Ok(k)
}

fn cameron_a(miles: f64) -> f64 {
    13.49681 - 0.048865 * miles + 2.438936 / miles.powf(0.7905)
}

/// Cameron's prediction of the time (s) over `to_distance_m` from a race.
///
/// # Errors
/// `out_of_range` for an implausible race or target distance.
pub fn cameron_time_s(distance_m: f64, time_s: f64, to_distance_m: f64) -> Result<f64> {
    check_race(distance_m, time_s)?;
    check::in_range(
        "to_distance_m",
        to_distance_m,
        DISTANCE_M.0,
        DISTANCE_M.1,
        "m",
    )?;
    let (d1, d2) = (
        distance_m / METRES_PER_MILE,
        to_distance_m / METRES_PER_MILE,
    );
    Ok(time_s / d1 * (cameron_a(d1) / cameron_a(d2)) * d2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vo2_and_velocity_are_inverse() {
        for v in [150.0, 200.0, 250.0, 350.0] {
            assert!((velocity_for_vo2(oxygen_cost(v)) - v).abs() < 1e-9);
        }
    }

    #[test]
    fn t_pace_for_vdot_50_matches_daniels_table() {
        // Daniels' table: VDOT 50 → T pace 4:15/km (255 s). Hand check: VO2 = 44,
        // v = (−0.182258 + √(0.182258² + 4·0.000104·48.6)) / 0.000208 = 235.1 m/min.
        let p = pace_at_fraction(50.0, T_PACE_FRACTION);
        assert!((p - 255.2).abs() < 0.5, "{p}");
    }

    #[test]
    fn riegel_hand_checked() {
        // 10 km in 40:00 → half marathon: 2400·(21097.5/10000)^1.06 = 5295.4 s.
        let t = riegel_time_s(10_000.0, 2400.0, 21_097.5, RIEGEL_EXPONENT).unwrap();
        assert!((t - 2400.0 * 2.10975_f64.powf(1.06)).abs() < 1e-9);
        assert!((t - 5295.4).abs() < 0.5);
    }
}
