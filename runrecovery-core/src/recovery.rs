//! What to do after a session: carbohydrate, protein, fluid, sleep and naps,
//! and active-recovery options ranked for the athlete's state.
//!
//! Every number scales with body mass (and, where the source says so, with
//! the session and the hours to the next one) and names its source:
//!
//! | what | rule | source |
//! | --- | --- | --- |
//! | carbohydrate, fast refuelling | 1.0–1.2 g/kg/h for the first 4 h when the next session is within 24 h | Thomas, Erdman & Burke 2016 (ACSM/AND/DC position stand) |
//! | carbohydrate, daily | 3–5 g/kg (light), 5–7 (moderate, ~1 h/day), 6–10 (high, 1–3 h/day), 8–12 (very high, > 4 h/day) | Thomas, Erdman & Burke 2016; Burke et al. 2011 |
//! | protein | ~0.3 g/kg soon after, repeated every 3–5 h (ISSN: 0.25 g/kg) | Thomas, Erdman & Burke 2016; Jäger et al. 2017 |
//! | fluid | 1.25–1.5 L per kg of body mass lost, with sodium | Shirreffs et al. 1996; Thomas, Erdman & Burke 2016 |
//! | sleep | 7–9 h; +1 h after a heavy day or in a heavy block | National Sleep Foundation 2015 (Hirshkowitz et al.) |
//! | naps | 20–30 min avoids grogginess; ~90 min is a full cycle | coaching convention |
//!
//! ```
//! use chrono::NaiveDate;
//! use runrecovery_core::recovery::{RecoveryInputs, prescribe};
//! use runrecovery_core::session::{Session, SessionKind};
//! let mut s = Session::new(NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(), SessionKind::Intervals, 4200.0);
//! s.rpe = Some(8.0);
//! let p = prescribe(&s, 60.0, &RecoveryInputs { hours_to_next_session: Some(20.0), ..Default::default() }).unwrap();
//! assert_eq!(p.carbohydrate.grams_per_hour, Some([60.0, 72.0])); // 1.0–1.2 g/kg/h × 60 kg
//! assert_eq!(p.protein.grams, [18.0, 18.0]);                      // 0.3 g/kg
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, check};
use crate::session::{Session, SessionKind};

/// What is known about the athlete's state and the next session.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct RecoveryInputs {
    /// Hours until the next session (unknown: treated as more than 24 h).
    pub hours_to_next_session: Option<f64>,
    /// Body mass before the session, kg.
    pub pre_mass_kg: Option<f64>,
    /// Body mass after, kg.
    pub post_mass_kg: Option<f64>,
    /// Fluid drunk during the session, L (added back to the mass lost).
    pub fluid_drunk_l: Option<f64>,
    /// Sweat loss measured another way, L (used when masses are not given).
    pub sweat_loss_l: Option<f64>,
    /// Hours of training planned per day this block (sets the daily carbohydrate band; default: from this session).
    pub training_h_per_day: Option<f64>,
    /// Last night's sleep, h.
    pub last_sleep_h: Option<f64>,
    /// Readiness said rest, or the athlete feels deeply fatigued.
    pub deeply_fatigued: bool,
    /// Ill.
    pub ill: bool,
    /// Pain that may be an injury.
    pub injury_pain: bool,
    /// A heavy training block (adds sleep).
    pub heavy_block: bool,
}

/// Carbohydrate advice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "CarbohydrateAdvice"))]
pub struct Carbohydrate {
    /// g per hour for the first 4 h (fast refuelling), when the next session is within 24 h.
    pub grams_per_hour: Option<[f64; 2]>,
    /// Over those 4 h, g.
    pub first_4h_grams: Option<[f64; 2]>,
    /// Today's total target, g.
    pub daily_grams: [f64; 2],
    /// g/kg/day band used.
    pub daily_g_per_kg: [f64; 2],
    /// Why, and the source.
    pub note: String,
}

/// Protein advice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Protein {
    /// Soon after the session and at each later feed, g.
    pub grams: [f64; 2],
    /// Repeat every this many hours.
    pub every_h: [f64; 2],
    /// The source.
    pub note: String,
}

/// Fluid advice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Fluid {
    /// Body mass (or sweat) lost, kg.
    pub lost_kg: Option<f64>,
    /// To drink over the next hours, L.
    pub litres: Option<[f64; 2]>,
    /// The rule and the source.
    pub note: String,
}

/// Sleep advice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sleep {
    /// Tonight's target, h.
    pub target_h: [f64; 2],
    /// A nap, when it helps: minutes.
    pub nap_min: Option<[f64; 2]>,
    /// Why.
    pub note: String,
}

/// One active-recovery option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActiveRecovery {
    /// `full_rest`, `walk`, `easy_cycling`, `swim_or_pool_running`, `yoga_mobility`.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::schema::ActiveRecoveryOption")
    )]
    pub option: String,
    /// Suggested duration, min (0 for rest).
    pub minutes: [f64; 2],
    /// Why it ranks here.
    pub reason: String,
}

/// Everything to do after a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Prescription {
    /// Carbohydrate.
    pub carbohydrate: Carbohydrate,
    /// Protein.
    pub protein: Protein,
    /// Fluid.
    pub fluid: Fluid,
    /// Sleep and naps.
    pub sleep: Sleep,
    /// Active-recovery options, best first.
    pub active_recovery: Vec<ActiveRecovery>,
}

/// The next session is "soon" within this many hours (fast refuelling).
const SOON_H: f64 = 24.0;

fn scale(band: [f64; 2], mass: f64) -> [f64; 2] {
    [band[0] * mass, band[1] * mass]
}

/// The recovery prescription after `session` for an athlete of `body_mass_kg`.
///
/// # Errors
/// `out_of_range` for a body mass outside 20–250 kg, hours outside 0–336,
/// masses or volumes out of range; `inconsistent` when the post-session mass
/// is more than 5 % below the pre-session mass (a measuring error, most likely)
/// or above it by more than the fluid drunk; the session's errors.
pub fn prescribe(session: &Session, body_mass_kg: f64, x: &RecoveryInputs) -> Result<Prescription> {
    session.validate().map_err(|e| e.within("session"))?;
    check::in_range("body_mass_kg", body_mass_kg, 20.0, 250.0, "kg")?;
    validate_inputs(x)?;
    let m = body_mass_kg;
    let hours = session.duration_s / 3600.0;
    let heavy = hours >= 1.5
        || session.kind == SessionKind::Race
        || session.rpe.is_some_and(|r| r >= 8.0) && hours >= 1.0;
    let soon = x.hours_to_next_session.is_some_and(|h| h <= SOON_H);
    Ok(Prescription {
        carbohydrate: carbohydrate(session, m, x, soon),
        protein: Protein {
            grams: scale([0.3, 0.3], m),
            every_h: [3.0, 5.0],
            note: "about 0.3 g/kg soon after, then every 3–5 h (Thomas, Erdman & Burke 2016; ISSN: 0.25 g/kg)".into(),
        },
        fluid: fluid(fluid_lost_kg(x)?),
        sleep: sleep(heavy, soon, x),
        active_recovery: active_recovery(session, heavy, x),
    })
}

/// Every input within its range.
///
/// # Errors
/// `out_of_range` at the input's name.
fn validate_inputs(x: &RecoveryInputs) -> Result<()> {
    let ranges = [
        (
            "hours_to_next_session",
            x.hours_to_next_session,
            0.0,
            336.0,
            "h",
        ),
        ("pre_mass_kg", x.pre_mass_kg, 20.0, 250.0, "kg"),
        ("post_mass_kg", x.post_mass_kg, 20.0, 250.0, "kg"),
        ("fluid_drunk_l", x.fluid_drunk_l, 0.0, 20.0, "L"),
        ("sweat_loss_l", x.sweat_loss_l, 0.0, 20.0, "L"),
        ("training_h_per_day", x.training_h_per_day, 0.0, 16.0, "h"),
        ("last_sleep_h", x.last_sleep_h, 0.0, 24.0, "h"),
    ];
    for (field, value, lo, hi, unit) in ranges {
        check::opt_in_range(field, value, lo, hi, unit)?;
    }
    Ok(())
}

/// Fast refuelling when the next session is `soon`, and the day's band by training hours.
fn carbohydrate(session: &Session, m: f64, x: &RecoveryInputs, soon: bool) -> Carbohydrate {
    let per_day = x.training_h_per_day.unwrap_or(session.duration_s / 3600.0);
    let (band, level) = if per_day > 4.0 {
        ([8.0, 12.0], "very high (> 4 h/day)")
    } else if per_day > 1.0 {
        ([6.0, 10.0], "high (1–3 h/day)")
    } else if per_day >= 0.75 || session.kind.is_quality() {
        ([5.0, 7.0], "moderate (~1 h/day)")
    } else {
        ([3.0, 5.0], "light")
    };
    let per_hour = soon.then(|| scale([1.0, 1.2], m));
    Carbohydrate {
        grams_per_hour: per_hour,
        first_4h_grams: per_hour.map(|g| [g[0] * 4.0, g[1] * 4.0]),
        daily_grams: scale(band, m),
        daily_g_per_kg: band,
        note: if soon {
            format!(
                "next session within {SOON_H:.0} h: 1.0–1.2 g/kg/h for the first 4 h to refill glycogen fast; {level} day: {}–{} g/kg (Thomas, Erdman & Burke 2016)",
                band[0], band[1]
            )
        } else {
            format!(
                "{level} training: {}–{} g/kg over the day, no need to rush (Thomas, Erdman & Burke 2016)",
                band[0], band[1]
            )
        },
    }
}

/// Body mass lost, kg: from the masses before and after, else the sweat loss given.
///
/// # Errors
/// `inconsistent` (`post_mass_kg`) for a post-session mass more than 5 % below
/// the pre-session one, or above it by more than the fluid drunk;
/// `missing_field` for one mass without the other.
fn fluid_lost_kg(x: &RecoveryInputs) -> Result<Option<f64>> {
    match (x.pre_mass_kg, x.post_mass_kg, x.sweat_loss_l) {
        (Some(pre), Some(post), _) => {
            let lost = pre - post + x.fluid_drunk_l.unwrap_or(0.0);
            if post < pre * 0.95 {
                return Err(Error::inconsistent(
                    "post_mass_kg",
                    post,
                    &format!("more than 5 % below the pre-session {pre} kg: check the scale"),
                ));
            }
            if lost < 0.0 {
                return Err(Error::inconsistent(
                    "post_mass_kg",
                    post,
                    &format!("above the pre-session {pre} kg by more than the fluid drunk"),
                ));
            }
            Ok(Some(pre - post))
        }
        (None, None, Some(l)) => Ok(Some(l)),
        (Some(_), None, _) => Err(Error::missing(
            "post_mass_kg",
            "the fluid prescription (with pre_mass_kg)",
        )),
        (None, Some(_), _) => Err(Error::missing(
            "pre_mass_kg",
            "the fluid prescription (with post_mass_kg)",
        )),
        _ => Ok(None),
    }
}

/// 1.25–1.5 L per kg lost, when the loss is known.
fn fluid(lost: Option<f64>) -> Fluid {
    Fluid {
        lost_kg: lost,
        litres: lost.map(|l| [1.25 * l, 1.5 * l]),
        note: match lost {
            Some(l) => format!(
                "{l:.2} kg lost: drink 1.25–1.5 L per kg over the next hours, with sodium (salty food or an electrolyte drink) to keep it (Shirreffs 1996)"
            ),
            None => "weigh before and after (or give the sweat loss) for a fluid target; meanwhile drink to thirst, with some salt".into(),
        },
    }
}

/// 7–9 h (an hour more after a heavy day or block), and a nap for last night's debt.
fn sleep(heavy: bool, soon: bool, x: &RecoveryInputs) -> Sleep {
    let extra = if heavy || x.heavy_block { 1.0 } else { 0.0 };
    let debt = x.last_sleep_h.map(|h| (7.0 - h).max(0.0)).unwrap_or(0.0);
    let nap = if debt >= 1.5 && !soon {
        Some([90.0, 90.0])
    } else if debt > 0.0 || (soon && heavy) {
        Some([20.0, 30.0])
    } else {
        None
    };
    Sleep {
        target_h: [7.0 + extra, 9.0 + extra],
        nap_min: nap,
        note: format!(
            "7–9 h for adults (National Sleep Foundation 2015){}{}",
            if extra > 0.0 {
                "; an hour more after a heavy day or in a heavy block"
            } else {
                ""
            },
            match nap {
                Some([a, _]) if a >= 90.0 =>
                    "; a ~90-min nap (a full cycle) to repay last night's short sleep",
                Some(_) => "; a 20–30 min nap, before mid-afternoon, avoids grogginess",
                None => "",
            }
        ),
    }
}

/// An active-recovery option: its name, minutes, and why it ranks where it does.
type RecoveryOption = (&'static str, [f64; 2], &'static str);

/// After full rest (not ill): gentle movement if it feels good.
const AFTER_FULL_REST: [RecoveryOption; 2] = [
    ("walk", [10.0, 20.0], "a short easy walk if it feels good"),
    (
        "yoga_mobility",
        [10.0, 20.0],
        "gentle mobility, nothing that hurts",
    ),
];

/// After a heavy run, hills or a long run: no impact first.
const AFTER_HEAVY_RUN: [RecoveryOption; 4] = [
    (
        "swim_or_pool_running",
        [20.0, 30.0],
        "no impact: blood flow without more muscle damage or bone load",
    ),
    (
        "easy_cycling",
        [20.0, 40.0],
        "very easy spinning: low impact, little eccentric load",
    ),
    (
        "walk",
        [20.0, 40.0],
        "easy walking keeps you moving with little stress",
    ),
    (
        "yoga_mobility",
        [15.0, 30.0],
        "mobility for tight muscles; gentle only",
    ),
];

/// After anything else: walking first.
const AFTER_OTHER: [RecoveryOption; 4] = [
    ("walk", [20.0, 40.0], "the simplest active recovery"),
    ("easy_cycling", [20.0, 45.0], "easy spinning, no impact"),
    (
        "yoga_mobility",
        [15.0, 30.0],
        "mobility and range of motion",
    ),
    ("swim_or_pool_running", [20.0, 30.0], "no-impact option"),
];

/// Active-recovery options, best first: full rest when ill, injured, after a
/// race or deeply fatigued; no-impact options after a heavy run; else walking first.
fn active_recovery(session: &Session, heavy: bool, x: &RecoveryInputs) -> Vec<ActiveRecovery> {
    let full_rest_reason = if x.ill {
        Some("ill: full rest, no training until the symptoms are gone")
    } else if x.injury_pain {
        Some("possible injury: rest the painful part; only pain-free, no-impact movement")
    } else if session.kind == SessionKind::Race {
        Some("after a race: a day or more of full rest is normal practice")
    } else if x.deeply_fatigued {
        Some("deeply fatigued: full rest today beats any extra stimulus")
    } else {
        None
    };
    let mut options: Vec<RecoveryOption> = Vec::new();
    if let Some(r) = full_rest_reason {
        options.push(("full_rest", [0.0, 0.0], r));
        if !x.ill {
            options.extend(AFTER_FULL_REST);
        }
    } else if session.kind.is_run()
        && (heavy || session.kind == SessionKind::Hills || session.kind == SessionKind::Long)
    {
        options.extend(AFTER_HEAVY_RUN);
    } else {
        options.extend(AFTER_OTHER);
    }
    options
        .into_iter()
        .map(|(option, minutes, reason)| ActiveRecovery {
            option: option.into(),
            minutes,
            reason: reason.into(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn session(kind: SessionKind, min: f64, rpe: f64) -> Session {
        let mut s = Session::new(
            NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
            kind,
            min * 60.0,
        );
        s.rpe = Some(rpe);
        s
    }

    #[test]
    fn fluid_from_masses() {
        let x = RecoveryInputs {
            pre_mass_kg: Some(70.0),
            post_mass_kg: Some(68.8),
            ..Default::default()
        };
        let p = prescribe(&session(SessionKind::Long, 120.0, 5.0), 70.0, &x).unwrap();
        let l = p.fluid.litres.unwrap();
        assert!((l[0] - 1.5).abs() < 1e-9 && (l[1] - 1.8).abs() < 1e-9);
    }

    #[test]
    fn after_a_race_full_rest_comes_first() {
        let p = prescribe(
            &session(SessionKind::Race, 45.0, 9.0),
            60.0,
            &RecoveryInputs::default(),
        )
        .unwrap();
        assert_eq!(p.active_recovery[0].option, "full_rest");
    }

    #[test]
    fn daily_carbohydrate_without_a_session_soon() {
        let p = prescribe(
            &session(SessionKind::Easy, 40.0, 3.0),
            50.0,
            &RecoveryInputs::default(),
        )
        .unwrap();
        assert_eq!(p.carbohydrate.grams_per_hour, None);
        assert_eq!(p.carbohydrate.daily_grams, [150.0, 250.0]);
    }
}
