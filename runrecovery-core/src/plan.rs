//! Periodized plans that respect recovery, and re-planning the rest of a week.
//!
//! **The generator** ([`generate`]) builds base → build → peak → taper for a
//! goal race from the athlete's current volume, VDOT, available days, long-run
//! day, experience and hard sessions per week:
//!
//! - weekly running volume grows by at most 8 % a week from the current one,
//!   with a cutback week (−25 %) every 4th week, up to a peak set by the
//!   distance and the experience level;
//! - each week has the long run on the preferred day (≤ 28 % of the week,
//!   ≤ 150 min), 1–3 quality sessions on available days at least 48 h from
//!   each other and from the long run, easy runs on the other available days,
//!   and at least one rest day;
//! - quality sessions follow the phase: base — strides and hills; build —
//!   threshold and intervals; peak — race-specific (intervals for 5K/10K,
//!   threshold for the half, marathon-pace long runs' threshold work for the
//!   marathon); their hard parts stay inside Daniels' caps;
//! - the last 10 (5K/10K), 14 (half) or 21 days (marathon) are tapered with the
//!   default taper (exponential, 50 % mean cut, intensity kept);
//! - every session has its kind, duration and distance, a target pace and zone
//!   from the athlete's VDOT (Daniels), and a purpose.
//!
//! The generated plan is checked with the rules linter ([`crate::rules`]); if a
//! rule objects, the progression is lowered and the plan rebuilt, so the plan
//! returned passes every rule (property-tested over random inputs).
//!
//! **Re-planning** ([`replan`]) takes the plan, what was done, today and
//! today's readiness, and rewrites the rest of the week: a missed hard session
//! is moved to a later easy day only where it keeps 48 h from every other hard
//! session (otherwise dropped — missed work is never crammed), a session done
//! harder than planned pushes the next hard session back or eases it, and a
//! readiness of go-easy or rest eases today's. Every change is explained.

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::athlete::Athlete;
use crate::error::{Error, Result, check};
use crate::log::{DuplicatePolicy, LogDocument, TrainingLog, week_start};
use crate::performance::{self, Intensity};
use crate::readiness::Status as Readiness;
use crate::rules::{self, RulesOptions, Scope, Severity};
use crate::session::{Session, SessionKind, Status};
use crate::taper::{self, TaperSpec};

/// Experience level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Experience {
    /// Up to a year of regular running.
    Novice,
    /// A few years, races regularly. Default.
    #[default]
    Intermediate,
    /// Many years, high volume.
    Experienced,
}

/// Defines a struct holding the fields of [`PlanRequest`] (written once,
/// here), followed by its own fields, and a method that takes the plan's
/// fields out of it. `ops::generate_plan`'s request adds the athlete and the
/// readiness this way: serde's `#[serde(flatten)]` would read the plan's
/// fields from a buffer, losing the path of a bad value and
/// `deny_unknown_fields`.
macro_rules! with_plan_fields {
    ($(#[$m:meta])* pub struct $name:ident { $($extra:tt)* }) => {
        $(#[$m])*
        pub struct $name {
        /// The first day of the plan.
        pub start: chrono::NaiveDate,
        /// The race day.
        pub race_date: chrono::NaiveDate,
        /// The race distance, m.
        pub race_distance_m: f64,
        /// A goal time, s (checked for plausibility against the current VDOT).
        #[serde(default)]
        pub goal_time_s: Option<f64>,
        /// Current weekly running distance, km.
        pub weekly_km: f64,
        /// Current long run, km (default: 30 % of the weekly distance).
        #[serde(default)]
        pub long_run_km: Option<f64>,
        /// VDOT (or give the athlete's).
        #[serde(default)]
        pub vdot: Option<f64>,
        /// Days available for running (default: every day).
        #[serde(default)]
        #[cfg_attr(
            feature = "schema",
            schemars(with = "Option<Vec<crate::schema::Weekday>>")
        )]
        pub available_days: Option<Vec<chrono::Weekday>>,
        /// The long run's day (default Sunday).
        #[serde(default)]
        #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Weekday>"))]
        pub long_run_day: Option<chrono::Weekday>,
        /// Experience.
        #[serde(default)]
        pub experience: $crate::plan::Experience,
        /// Quality sessions a week besides the long run (default: 1 novice, 2 otherwise).
        #[serde(default)]
        pub hard_sessions_per_week: Option<u32>,
            $($extra)*
        }

        impl $name {
            /// The plan's own fields.
            #[allow(dead_code)] // PlanRequest itself has no use for it
            pub(crate) fn into_plan_request(self) -> $crate::plan::PlanRequest {
                $crate::plan::PlanRequest {
                    start: self.start,
                    race_date: self.race_date,
                    race_distance_m: self.race_distance_m,
                    goal_time_s: self.goal_time_s,
                    weekly_km: self.weekly_km,
                    long_run_km: self.long_run_km,
                    vdot: self.vdot,
                    available_days: self.available_days,
                    long_run_day: self.long_run_day,
                    experience: self.experience,
                    hard_sessions_per_week: self.hard_sessions_per_week,
                }
            }
        }
    };
}
pub(crate) use with_plan_fields;

with_plan_fields! {
    /// What the plan is for, and who runs it.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct PlanRequest {}
}

/// One planned session with its targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlannedSession {
    /// The session (status planned).
    pub session: Session,
    /// The week of the plan (1 = first).
    pub week: u32,
    /// `base`, `build`, `peak`, `taper` or `race`.
    pub phase: String,
    /// Target pace, s/km (Daniels, from the VDOT).
    pub target_pace_s_per_km: Option<f64>,
    /// Target intensity (Daniels E, M, T, I, R).
    pub target_zone: Option<Intensity>,
    /// Why this session.
    pub purpose: String,
    /// The distance run at the target pace, km: the strides, hill repeats or
    /// T or I work of a quality session (`None` for a session at one pace).
    pub work_km: Option<f64>,
    /// What to run, in words: the work and its pace, then the whole session
    /// with its easy running and its total time.
    pub description: String,
}

/// A generated plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Plan {
    /// The sessions with their targets.
    pub sessions: Vec<PlannedSession>,
    /// The plan as a log document (schema_version 1), ready to save or lint.
    pub document: LogDocument,
    /// Planned running distance per week, km.
    pub weekly_km: Vec<f64>,
    /// The VDOT the paces come from.
    pub vdot: f64,
    /// The weekly progression used (the largest that passes every rule).
    pub progression: f64,
    /// Warnings about the request (an ambitious goal time, a short build).
    pub notes: Vec<String>,
}

fn peak_km(distance_m: f64, e: Experience) -> f64 {
    let by_distance = if distance_m <= 5_500.0 {
        [35.0, 55.0, 80.0]
    } else if distance_m <= 11_000.0 {
        [40.0, 60.0, 90.0]
    } else if distance_m <= 22_000.0 {
        [45.0, 70.0, 100.0]
    } else {
        [55.0, 80.0, 120.0]
    };
    by_distance[e as usize]
}

fn taper_days(distance_m: f64) -> u32 {
    if distance_m <= 11_000.0 {
        10
    } else if distance_m <= 22_000.0 {
        14
    } else {
        21
    }
}

/// Days of the week (0 = Monday) between two weekdays going forward, cyclically.
fn gap(a: u32, b: u32) -> u32 {
    (b + 7 - a) % 7
}

/// Quality days: available, at least 2 days (cyclically) from the long run and each other.
fn quality_days(available: &[u32], long: u32, n: u32) -> Vec<u32> {
    let mut chosen: Vec<u32> = Vec::new();
    // Prefer days far from the long run: start two days after it.
    let order: Vec<u32> = (2..=5).map(|k| (long + k) % 7).collect();
    for d in order {
        if chosen.len() as u32 >= n {
            break;
        }
        let ok = available.contains(&d)
            && gap(long, d) >= 2
            && gap(d, long) >= 2
            && chosen.iter().all(|&c| gap(c, d) >= 2 && gap(d, c) >= 2);
        if ok {
            chosen.push(d);
        }
    }
    crate::sort::sort(&mut chosen);
    chosen
}

/// Daniels' paces for the plan's VDOT, s/km.
struct Paces {
    easy: f64,
    threshold: f64,
    interval: f64,
    repetition: f64,
    marathon: f64,
}

impl Paces {
    /// # Errors
    /// Those of [`performance::equivalent_time_s`].
    fn new(vdot: f64) -> Result<Self> {
        let pace = |f: f64| performance::pace_at_fraction(vdot, f);
        Ok(Paces {
            easy: pace(0.66),
            threshold: pace(performance::T_PACE_FRACTION),
            interval: pace(0.975),
            repetition: pace(1.10),
            marathon: performance::equivalent_time_s(vdot, performance::MARATHON_M)? / 42.195,
        })
    }
}

/// What every week of the plan shares: its days (0 = Monday) and paces.
struct Layout {
    /// Weeks from the start's to the race's.
    weeks: u32,
    /// Weeks before the taper (at least 1).
    pre_taper_weeks: u32,
    /// The long run's day.
    long: u32,
    /// The days to run on (the rest day left out).
    run_days: Vec<u32>,
    /// The quality days.
    q_days: Vec<u32>,
    /// Most runs a week.
    max_runs: usize,
    paces: Paces,
}

impl Layout {
    /// # Errors
    /// Those of [`Paces::new`].
    fn new(r: &PlanRequest, vdot: f64) -> Result<Self> {
        let days = (r.race_date - r.start).num_days();
        let weeks = ((days + 1) as f64 / 7.0).ceil() as u32;
        let available: Vec<u32> = match &r.available_days {
            Some(d) => d.iter().map(|w| w.num_days_from_monday()).collect(),
            None => (0..7).collect(),
        };
        let long = r
            .long_run_day
            .unwrap_or(Weekday::Sun)
            .num_days_from_monday();
        let hard = r
            .hard_sessions_per_week
            .unwrap_or(if r.experience == Experience::Novice {
                1
            } else {
                2
            });
        // A rest day: the day after the long run if it is available, or any unavailable day.
        let rest_day = if available.len() == 7 {
            Some((long + 1) % 7)
        } else {
            None
        };
        let run_days: Vec<u32> = available
            .iter()
            .copied()
            .filter(|d| Some(*d) != rest_day)
            .collect();
        // Leave at least one easy day besides the long run, so most running stays easy.
        let hard = hard.min(run_days.len().saturating_sub(2) as u32);
        let q_days = quality_days(&run_days, long, hard);
        let max_runs = match r.experience {
            Experience::Novice => 4,
            Experience::Intermediate => 5,
            Experience::Experienced => 6,
        };
        let paces = Paces::new(vdot)?;
        let taper_len = taper_days(r.race_distance_m);
        let pre_taper_weeks = weeks.saturating_sub(taper_len.div_ceil(7)).max(1);
        Ok(Layout {
            weeks,
            pre_taper_weeks,
            long,
            run_days,
            q_days,
            max_runs,
            paces,
        })
    }

    /// The phase of week `w` (0 = first): base, build, peak (2 : 2 : 1 of the weeks before the taper), taper.
    fn phase(&self, w: u32) -> &'static str {
        if w >= self.pre_taper_weeks {
            "taper"
        } else if w < self.pre_taper_weeks * 2 / 5 {
            "base"
        } else if w < self.pre_taper_weeks * 4 / 5 {
            "build"
        } else {
            "peak"
        }
    }
}

/// One session of a week before its date is known: the day, what and how.
struct Slot {
    day: u32,
    kind: SessionKind,
    km: f64,
    zone: Intensity,
    pace: f64,
    rpe: f64,
    purpose: &'static str,
}

/// Builds the plan with a given weekly progression (no rules check).
fn build(
    r: &PlanRequest,
    vdot: f64,
    progression: f64,
    readiness: Option<Readiness>,
) -> Result<(Vec<PlannedSession>, Vec<f64>)> {
    let layout = Layout::new(r, vdot)?;
    let volumes = weekly_volumes(r, layout.weeks, progression);
    let mut out = Vec::new();
    for (w, &vol) in volumes.iter().enumerate() {
        plan_week(r, &layout, w as u32, vol, &mut out);
    }
    crate::sort::sort_by_key(&mut out, |p| p.session.date);
    ease_before_race(r, layout.paces.easy, &mut out);
    if let Some(status) = readiness {
        follow_readiness(r.start, status, layout.paces.easy, &mut out);
    }
    out.push(race_session(r, vdot, layout.weeks)?);
    Ok((out, volumes))
}

/// Weekly volume, km: up by `progression` a week to the peak, every 4th week a
/// cutback at 75 % (the week after it resumes at the level before).
fn weekly_volumes(r: &PlanRequest, weeks: u32, progression: f64) -> Vec<f64> {
    let peak = peak_km(r.race_distance_m, r.experience).max(r.weekly_km);
    let mut volumes = Vec::with_capacity(weeks as usize);
    let mut level = r.weekly_km;
    for w in 0..weeks {
        let cutback = w % 4 == 3;
        if w > 0 && !cutback && (w - 1) % 4 != 3 {
            level = (level * (1.0 + progression)).min(peak);
        }
        volumes.push(if cutback { level * 0.75 } else { level });
    }
    volumes
}

/// The sessions of week `w` (0 = first) at volume `vol`, km: easy runs, the
/// quality sessions, the long run (days outside the plan left out).
fn plan_week(r: &PlanRequest, l: &Layout, w: u32, vol: f64, out: &mut Vec<PlannedSession>) {
    let phase = l.phase(w);
    let monday = week_start(r.start) + chrono::Days::new(7 * u64::from(w));
    let long_km = (vol * 0.28).min(150.0 * 60.0 / l.paces.easy).max(3.0);
    let quality: Vec<Slot> = l
        .q_days
        .iter()
        .enumerate()
        .map(|(k, &day)| quality_slot(r, phase, k, day, vol, &l.paces))
        .collect();
    let used: f64 = long_km + quality.iter().map(|q| q.km).sum::<f64>();
    let easy_days: Vec<u32> = l
        .run_days
        .iter()
        .copied()
        .filter(|d| *d != l.long && !l.q_days.contains(d))
        .take(l.max_runs.saturating_sub(1 + l.q_days.len()))
        .collect();
    let easy_km = if easy_days.is_empty() {
        0.0
    } else {
        ((vol - used) / easy_days.len() as f64).max(3.0)
    };
    let easy = easy_days.iter().map(|&day| Slot {
        day,
        kind: SessionKind::Easy,
        km: easy_km,
        zone: Intensity::Easy,
        pace: l.paces.easy,
        rpe: 3.0,
        purpose: "easy aerobic running: most of the week, at conversation pace",
    });
    let slots: Vec<Slot> = easy
        .chain(quality)
        .chain([long_slot(r, phase, l.long, long_km, &l.paces)])
        .collect();
    for slot in &slots {
        let date = monday + chrono::Days::new(u64::from(slot.day));
        if date >= r.start && date < r.race_date {
            out.push(planned_session(date, w, phase, l.paces.easy, slot));
        }
    }
}

/// The `k`-th quality session of a week in `phase`: base — strides, then hills;
/// later — threshold first for races over 11 km, intervals first otherwise.
/// Its hard part stays inside Daniels' caps (T ≤ 10 %, I ≤ 8 %, R ≤ 5 % of the week's `vol`).
fn quality_slot(r: &PlanRequest, phase: &str, k: usize, day: u32, vol: f64, p: &Paces) -> Slot {
    let long_race = r.race_distance_m > 11_000.0;
    let kind = match (phase, k) {
        ("base", 0) => SessionKind::Strides,
        ("base", _) => SessionKind::Hills,
        (_, 0) if long_race => SessionKind::Threshold,
        (_, 0) => SessionKind::Intervals,
        (_, _) if long_race => SessionKind::Intervals,
        (_, _) => SessionKind::Threshold,
    };
    let (cap, zone, pace, purpose) = match kind {
        SessionKind::Strides => (
            0.05,
            Intensity::Repetition,
            p.repetition,
            "strides: leg speed and economy at little cost",
        ),
        SessionKind::Hills => (
            0.05,
            Intensity::Repetition,
            p.repetition,
            "short hill repeats: strength and form",
        ),
        SessionKind::Threshold => (
            0.10,
            Intensity::Threshold,
            p.threshold,
            "threshold: raise the pace you can hold for an hour",
        ),
        _ => (
            0.08,
            Intensity::Interval,
            p.interval,
            "intervals at I pace: aerobic power (VO2max)",
        ),
    };
    Slot {
        day,
        kind,
        km: (cap * vol / rules::hard_fraction(kind) * 0.9).min(vol * 0.22),
        zone,
        pace,
        rpe: if kind == SessionKind::Strides {
            4.0
        } else {
            7.0
        },
        purpose,
    }
}

/// The long run: at E pace, or (marathon, peak phase) its last part near marathon pace.
fn long_slot(r: &PlanRequest, phase: &str, day: u32, km: f64, p: &Paces) -> Slot {
    let marathon_peak = r.race_distance_m > 22_000.0 && phase == "peak";
    Slot {
        day,
        kind: SessionKind::Long,
        km,
        zone: Intensity::Easy,
        pace: if marathon_peak {
            (p.easy + p.marathon) / 2.0
        } else {
            p.easy
        },
        rpe: 5.0,
        purpose: if marathon_peak {
            "long run with the last part near marathon pace: endurance and fuelling practice"
        } else {
            "long run at E pace: endurance, fat use, durability"
        },
    }
}

/// A slot on `date` as a planned session of week `w` (0 = first).
fn planned_session(
    date: NaiveDate,
    w: u32,
    phase: &str,
    e_pace: f64,
    slot: &Slot,
) -> PlannedSession {
    // Warm-up and recovery jogs at E pace fill the rest of a quality session.
    let hard = rules::hard_fraction(slot.kind);
    let seconds = slot.km * (hard * slot.pace + (1.0 - hard) * e_pace);
    let mut s = Session::new(date, slot.kind, seconds.round());
    s.distance_m = Some((slot.km * 1000.0).round());
    s.rpe = Some(slot.rpe);
    s.status = Status::Planned;
    s.notes = Some(slot.purpose.to_string());
    PlannedSession {
        session: s,
        week: w + 1,
        phase: phase.to_string(),
        target_pace_s_per_km: Some(slot.pace),
        target_zone: Some(slot.zone),
        purpose: slot.purpose.to_string(),
        work_km: None,
        description: String::new(),
    }
}

/// Nothing hard in the two days before the race: hard sessions there become short easy runs.
fn ease_before_race(r: &PlanRequest, e_pace: f64, out: &mut [PlannedSession]) {
    for p in out
        .iter_mut()
        .filter(|p| (r.race_date - p.session.date).num_days() <= 2)
    {
        if rules::is_hard(&p.session) {
            p.session.kind = SessionKind::Easy;
            p.session.rpe = Some(3.0);
            p.session.duration_s = (p.session.duration_s * 0.5).round();
            p.session.distance_m = p.session.distance_m.map(|d| (d * 0.5).round());
            p.target_zone = Some(Intensity::Easy);
            p.target_pace_s_per_km = Some(e_pace);
            p.purpose = "short and easy: fresh legs for the race".into();
            p.session.notes = Some(p.purpose.clone());
        }
    }
}

/// What a readiness status other than `go` rules out for the day: `rest`,
/// any training but rest and mobility; `go_easy` (and any other status that
/// is not `go`), hard sessions (quality, long run, RPE ≥ 7) and strides,
/// whose short bursts at R pace are intensity work too — easy running
/// instead of hard work, as the readiness decision says.
pub fn forbidden_by(status: Readiness, s: &Session) -> bool {
    match status {
        Readiness::Go => false,
        Readiness::Rest => {
            s.duration_s > 0.0 && !matches!(s.kind, SessionKind::Rest | SessionKind::Mobility)
        }
        _ => rules::is_hard(s) || s.kind == SessionKind::Strides,
    }
}

/// Today's readiness on the plan's first day: what it forbids becomes rest
/// (`rest`) or an easy run of at most 45 min at E pace.
fn follow_readiness(day: NaiveDate, status: Readiness, e_pace: f64, out: &mut [PlannedSession]) {
    for p in out
        .iter_mut()
        .filter(|p| p.session.date == day && forbidden_by(status, &p.session))
    {
        let s = &mut p.session;
        if status == Readiness::Rest {
            s.kind = SessionKind::Rest;
            s.duration_s = 0.0;
            s.distance_m = None;
            s.rpe = Some(0.0);
            p.target_zone = None;
            p.target_pace_s_per_km = None;
            p.purpose = "rest: today's readiness says rest".into();
        } else {
            let km = (s.distance_m.unwrap_or(0.0) / 1000.0).min(45.0 * 60.0 / e_pace);
            p.purpose = format!(
                "easy: today's readiness says {}; the planned {} session waits for a day it allows",
                status.name().replace('_', " "),
                s.kind.name()
            );
            s.kind = SessionKind::Easy;
            s.distance_m = Some((km * 1000.0).round());
            s.duration_s = (km * e_pace).round();
            s.rpe = Some(3.0);
            p.target_zone = Some(Intensity::Easy);
            p.target_pace_s_per_km = Some(e_pace);
        }
        s.notes = Some(p.purpose.clone());
    }
}

/// `s` seconds per km as `m:ss/km`.
fn pace_text(s: f64) -> String {
    let s = s.round() as i64;
    format!("{}:{:02}/km", s / 60, s % 60)
}

/// The work of a session and its pace, then the whole session: the
/// session's own distance and duration after the taper and the rules have
/// trimmed them, so the words and the numbers agree. A quality session's
/// work is [`rules::hard_fraction`] of its distance at the target pace; the
/// rest (warm-up, recoveries, cool-down) is at E pace.
fn describe(p: &mut PlannedSession, e_pace: f64) {
    let s = &p.session;
    let km = s.distance_m.unwrap_or(0.0) / 1000.0;
    let minutes = (s.duration_s / 60.0).round();
    let pace = p.target_pace_s_per_km.unwrap_or(e_pace);
    let work = km * rules::hard_fraction(s.kind);
    let total = format!("about {minutes:.0} min in all");
    p.work_km = None;
    p.description = match s.kind {
        SessionKind::Rest => "rest".into(),
        SessionKind::Race => format!("race {km:.1} km at {} ({minutes:.0} min)", pace_text(pace)),
        SessionKind::Strides => {
            p.work_km = Some(work);
            format!(
                "about {:.0} × 100 m strides at R pace {} ({work:.1} km of strides) in a {km:.1} km easy run at E pace {}, {total}",
                (work * 10.0).round().max(1.0),
                pace_text(pace),
                pace_text(e_pace)
            )
        }
        SessionKind::Hills
        | SessionKind::Threshold
        | SessionKind::Intervals
        | SessionKind::Tempo => {
            p.work_km = Some(work);
            let what = match s.kind {
                SessionKind::Hills => format!(
                    "{work:.1} km of short hill repeats at R effort ({} on the flat)",
                    pace_text(pace)
                ),
                SessionKind::Intervals => format!("{work:.1} km at I pace {}", pace_text(pace)),
                _ => format!("{work:.1} km at T pace {}", pace_text(pace)),
            };
            format!(
                "{what} in {km:.1} km with warm-up, recoveries and cool-down at E pace {}, {total}",
                pace_text(e_pace)
            )
        }
        SessionKind::Long if (pace - e_pace).abs() > 0.5 => format!(
            "{km:.1} km long run, the last part near marathon pace: {} on average, {total}",
            pace_text(pace)
        ),
        SessionKind::Long => format!("{km:.1} km long run at E pace {}, {total}", pace_text(pace)),
        _ => format!("{km:.1} km easy at E pace {}, {total}", pace_text(pace)),
    };
}

/// The targets of a session the taper or the rules turned into an easy run
/// or a rest day follow the session: E pace, or none.
fn settle_targets(p: &mut PlannedSession, e_pace: f64) {
    match p.session.kind {
        SessionKind::Rest => {
            p.target_zone = None;
            p.target_pace_s_per_km = None;
        }
        SessionKind::Easy if p.target_zone != Some(Intensity::Easy) => {
            p.target_zone = Some(Intensity::Easy);
            p.target_pace_s_per_km = Some(e_pace);
            if let Some(n) = &p.session.notes {
                p.purpose.clone_from(n);
            }
        }
        _ => {}
    }
}

/// The goal race, at the goal time or the VDOT's equivalent time.
///
/// # Errors
/// Those of [`performance::equivalent_time_s`] (even with a goal time).
fn race_session(r: &PlanRequest, vdot: f64, weeks: u32) -> Result<PlannedSession> {
    let time_s = r
        .goal_time_s
        .unwrap_or(performance::equivalent_time_s(vdot, r.race_distance_m)?);
    let mut race = Session::new(r.race_date, SessionKind::Race, time_s.round());
    race.distance_m = Some(r.race_distance_m);
    race.rpe = Some(9.0);
    race.status = Status::Planned;
    race.notes = Some("goal race".into());
    Ok(PlannedSession {
        session: race,
        week: weeks,
        phase: "race".into(),
        target_pace_s_per_km: Some(time_s / (r.race_distance_m / 1000.0)),
        target_zone: None,
        purpose: "the goal race".into(),
        work_km: None,
        description: String::new(),
    })
}

/// Generates a periodized plan that passes every plan rule.
///
/// In steps: the request checked, the VDOT and notes on the goal, then plans
/// built at a falling progression (8 % down to 0) until one, tapered and
/// settled, passes every rule.
///
/// # Errors
/// `out_of_range` for a race date not after the start (at least 3 weeks, at
/// most a year), a negative or absurd volume, an implausible goal time (more
/// than 10 % faster than the equivalent time of the current VDOT), a distance
/// outside 1.5–100 km; `empty` (`available_days`) for no available days;
/// `missing_field` (`vdot`) without a VDOT.
pub fn generate(r: &PlanRequest, athlete: &Athlete) -> Result<Plan> {
    generate_given(r, athlete, None)
}

/// [`generate`], given today's readiness status for the plan's first day
/// (`start`): that day gets nothing the status [`forbidden_by`]s — rest for
/// `rest`, an easy run of at most 45 min instead of hard work or strides
/// otherwise — and the plan still passes every rule.
///
/// # Errors
/// As [`generate`].
pub fn generate_given(
    r: &PlanRequest,
    athlete: &Athlete,
    readiness: Option<Readiness>,
) -> Result<Plan> {
    check_request(r)?;
    let vdot = plan_vdot(r, athlete)?;
    let notes = goal_notes(r, vdot)?;
    for step in 0..=8 {
        let progression = 0.08 - 0.01 * f64::from(step);
        let (mut sessions, volumes) = build(r, vdot, progression, readiness)?;
        let (doc, ok) = lint(r, athlete, &sessions)?;
        if ok {
            // Carry the taper's volumes back into the sessions with targets.
            let e_pace = Paces::new(vdot)?.easy;
            for (p, s) in sessions.iter_mut().zip(&doc.sessions) {
                p.session = s.clone();
                settle_targets(p, e_pace);
                describe(p, e_pace);
            }
            return Ok(Plan {
                weekly_km: volumes,
                sessions,
                document: doc,
                vdot,
                progression,
                notes,
            });
        }
    }
    Err(Error::inconsistent(
        "available_days",
        format!(
            "{} km a week on {} days",
            r.weekly_km,
            r.available_days.as_ref().map_or(7, Vec::len)
        ),
        "no plan within the rules fits this volume and these days: give more days or more weekly volume",
    ))
}

/// The request's dates, distance, volumes, days and hard sessions.
///
/// # Errors
/// As [`generate`], but for the VDOT and the goal time.
fn check_request(r: &PlanRequest) -> Result<()> {
    check::date("start", r.start)?;
    check::date("race_date", r.race_date)?;
    let days = (r.race_date - r.start).num_days();
    if days < 21 {
        return Err(Error::out_of_range(
            "race_date",
            r.race_date,
            &format!("at least 3 weeks after the plan's start {}", r.start),
        ));
    }
    if days > 366 {
        return Err(Error::out_of_range(
            "race_date",
            r.race_date,
            "at most a year after the plan's start",
        ));
    }
    check::in_range("race_distance_m", r.race_distance_m, 1500.0, 100_000.0, "m")?;
    check::in_range("weekly_km", r.weekly_km, 5.0, 250.0, "km")?;
    check::opt_in_range("long_run_km", r.long_run_km, 2.0, 50.0, "km")?;
    if let Some(d) = &r.available_days {
        if d.is_empty() {
            return Err(Error::empty("available_days", "at least one day to run"));
        }
        if d.len() < 3 {
            return Err(Error::out_of_range(
                "available_days",
                d.len(),
                "at least 3 days a week",
            ));
        }
    }
    if let Some(h) = r.hard_sessions_per_week {
        check::in_range("hard_sessions_per_week", f64::from(h), 1.0, 3.0, "")?;
    }
    Ok(())
}

/// The request's VDOT, else the athlete's.
///
/// # Errors
/// `missing_field` (`vdot`) without either; `out_of_range` outside 20–90.
fn plan_vdot(r: &PlanRequest, athlete: &Athlete) -> Result<f64> {
    let vdot = match (r.vdot, athlete.vdot) {
        (Some(v), _) | (None, Some(v)) => v,
        _ => {
            return Err(Error::missing(
                "vdot",
                "paces of a plan (give vdot or athlete.vdot)",
            ));
        }
    };
    check::in_range("vdot", vdot, 20.0, 90.0, "ml/kg/min")?;
    Ok(vdot)
}

/// Notes on an ambitious goal time and a short build.
///
/// # Errors
/// `out_of_range` (`goal_time_s`) for a goal outside 60 s–24 h or more than 10 % faster than the VDOT predicts.
fn goal_notes(r: &PlanRequest, vdot: f64) -> Result<Vec<String>> {
    let mut notes = Vec::new();
    let equivalent = performance::equivalent_time_s(vdot, r.race_distance_m)?;
    if let Some(g) = r.goal_time_s {
        check::in_range("goal_time_s", g, 60.0, 86_400.0, "s")?;
        if g < equivalent * 0.90 {
            return Err(Error::out_of_range(
                "goal_time_s",
                g,
                &format!(
                    "at most 10 % faster than the {equivalent:.0} s a VDOT of {vdot:.1} predicts"
                ),
            ));
        }
        if g < equivalent * 0.97 {
            notes.push(format!(
                "the goal time is {:.0} % faster than the current VDOT predicts: ambitious",
                (1.0 - g / equivalent) * 100.0
            ));
        }
    }
    let days = (r.race_date - r.start).num_days();
    if days < i64::from(taper_days(r.race_distance_m)) + 21 {
        notes.push("a short build: most of the plan is taper".into());
    }
    Ok(notes)
}

/// The built sessions tapered and settled into the rules, as a document, and
/// whether the rules find nothing above `info` in it.
///
/// # Errors
/// Those of the log, the taper and the rules.
fn lint(
    r: &PlanRequest,
    athlete: &Athlete,
    sessions: &[PlannedSession],
) -> Result<(LogDocument, bool)> {
    let mut raw: Vec<Session> = sessions.iter().map(|p| p.session.clone()).collect();
    fit_progression(&mut raw, 0.09);
    let log = TrainingLog::new(athlete_for_log(athlete), raw, DuplicatePolicy::Reject)?;
    let mut tapered = tapered_document(r, &log)?;
    // Trimming one week can make the next look like a jump, and the reverse: settle them.
    for _ in 0..6 {
        rest_tiny_runs(&mut tapered);
        fit_week_shares(&mut tapered);
        fit_progression(&mut tapered.sessions, 0.09);
        fit_cutbacks(&mut tapered.sessions);
    }
    rest_tiny_runs(&mut tapered);
    let tl = TrainingLog::new(
        tapered.athlete.clone(),
        tapered.sessions.clone(),
        DuplicatePolicy::Reject,
    )?;
    let findings = rules::check(
        &tl,
        athlete,
        Some(r.race_date),
        &RulesOptions {
            scope: Scope::Planned,
            ..RulesOptions::default()
        },
    )?;
    let ok = findings.iter().all(|f| f.severity == Severity::Info);
    Ok((tapered, ok))
}

/// The log with the default taper for the distance, when the plan is long enough for one.
///
/// # Errors
/// Those of [`taper::apply`].
fn tapered_document(r: &PlanRequest, log: &TrainingLog) -> Result<LogDocument> {
    let days = (r.race_date - r.start).num_days();
    let taper_len = taper_days(r.race_distance_m);
    if days < i64::from(taper_len) + 7 {
        return Ok(log.to_document());
    }
    let spec = TaperSpec {
        length_days: taper_len,
        ..TaperSpec::default()
    };
    Ok(taper::apply(log, r.race_date, &spec)?.plan)
}

/// Running distance (m) of the ISO week starting `w`, races left out.
fn week_distance(sessions: &[Session], w: NaiveDate) -> f64 {
    sessions
        .iter()
        .filter(|x| week_start(x.date) == w && x.kind.is_run() && x.kind != SessionKind::Race)
        .map(|x| x.distance_m.unwrap_or(0.0))
        .sum()
}

/// Scales down any week whose running distance is more than `max_increase`
/// above the highest of the 3 weeks before (a first week cut short by the
/// plan's start makes the second one look like a jump). Only reduces.
fn fit_progression(sessions: &mut [Session], max_increase: f64) {
    let Some(first) = sessions.iter().map(|s| week_start(s.date)).min() else {
        return;
    };
    let Some(last) = sessions.iter().map(|s| week_start(s.date)).max() else {
        return;
    };
    let mut w = first + chrono::Days::new(7);
    while w <= last {
        let prev = (1..=3)
            .filter_map(|k| w.checked_sub_days(chrono::Days::new(7 * k)))
            .filter(|p| *p >= first)
            .map(|p| week_distance(sessions, p))
            .fold(0.0, f64::max);
        let now = week_distance(sessions, w);
        if prev > 0.0 && now > prev * (1.0 + max_increase) {
            let k = prev * (1.0 + max_increase) / now;
            for s in sessions
                .iter_mut()
                .filter(|x| week_start(x.date) == w && x.kind != SessionKind::Race)
            {
                s.duration_s = (s.duration_s * k).round();
                s.distance_m = s.distance_m.map(|d| (d * k).round());
            }
        }
        w = w + chrono::Days::new(7);
    }
}

/// Whatever trimming left too small to run (under 1 km) becomes a rest day.
fn rest_tiny_runs(doc: &mut LogDocument) {
    for s in doc
        .sessions
        .iter_mut()
        .filter(|s| s.kind != SessionKind::Race)
    {
        if s.kind.is_run() && s.distance_m.unwrap_or(0.0) < 1000.0 {
            s.kind = SessionKind::Rest;
            s.duration_s = 0.0;
            s.distance_m = None;
            s.rpe = Some(0.0);
            s.notes = Some("rest".into());
        }
    }
}

/// Makes every 4th week in a row without a cutback (≥ 20 % below the highest
/// of the 3 before) a cutback week at 75 % of that highest. Only reduces.
fn fit_cutbacks(sessions: &mut [Session]) {
    let Some(first) = sessions.iter().map(|s| week_start(s.date)).min() else {
        return;
    };
    let Some(last) = sessions.iter().map(|s| week_start(s.date)).max() else {
        return;
    };
    let mut streak = 0;
    let mut w = first;
    while w <= last {
        let prev = (1..=3)
            .filter_map(|k| w.checked_sub_days(chrono::Days::new(7 * k)))
            .filter(|p| *p >= first)
            .map(|p| week_distance(sessions, p))
            .fold(0.0, f64::max);
        let now = week_distance(sessions, w);
        let is_cutback = prev > 0.0 && now <= 0.79 * prev;
        if is_cutback || now <= 0.0 {
            streak = 0;
        } else {
            streak += 1;
            if streak > 3 {
                let k = 0.75 * prev / now;
                for s in sessions
                    .iter_mut()
                    .filter(|x| week_start(x.date) == w && x.kind != SessionKind::Race)
                {
                    s.duration_s = (s.duration_s * k).round();
                    s.distance_m = s.distance_m.map(|d| (d * k).round());
                }
                streak = 0;
            }
        }
        w = w + chrono::Days::new(7);
    }
}

/// Keeps each week inside the rules after the taper has lowered its volume
/// unevenly: quality sessions whose hard part exceeds Daniels' caps are
/// trimmed (or become easy runs when little would be left), and a long run
/// above 28 % of its week is shortened. A few passes, since each trim lowers
/// the week's volume a little too.
fn fit_week_shares(doc: &mut LogDocument) {
    for _ in 0..6 {
        let mut weeks: std::collections::HashMap<NaiveDate, f64> = std::collections::HashMap::new();
        for s in doc
            .sessions
            .iter()
            .filter(|s| s.kind.is_run() && s.kind != SessionKind::Race)
        {
            *weeks.entry(week_start(s.date)).or_default() += s.distance_m.unwrap_or(0.0);
        }
        for s in doc.sessions.iter_mut() {
            let vol = weeks.get(&week_start(s.date)).copied().unwrap_or(0.0);
            let d = s.distance_m.unwrap_or(0.0);
            let k = match s.kind {
                SessionKind::Long if d > 0.28 * vol => 0.27 / 0.73 * (vol - d) / d,
                SessionKind::Long if s.duration_s > 150.0 * 60.0 => 150.0 * 60.0 / s.duration_s,
                SessionKind::Threshold
                | SessionKind::Tempo
                | SessionKind::Intervals
                | SessionKind::Hills
                | SessionKind::Strides => {
                    let cap = match s.kind {
                        SessionKind::Threshold | SessionKind::Tempo => 0.10,
                        SessionKind::Intervals => 0.08,
                        _ => 0.05,
                    };
                    let hard = d * rules::hard_fraction(s.kind);
                    if hard > 0.95 * cap * vol && hard > 0.0 {
                        0.9 * cap * vol / hard
                    } else {
                        continue;
                    }
                }
                _ => continue,
            };
            if k < 0.3 && s.kind != SessionKind::Long {
                // Too little would be left of the quality work: an easy run instead.
                s.kind = SessionKind::Easy;
                s.rpe = Some(3.0);
                s.notes = Some("easy: the week is too small for quality work".into());
            } else {
                let k = k.clamp(0.3, 1.0);
                s.distance_m = s.distance_m.map(|x| (x * k).round());
                s.duration_s = (s.duration_s * k).round();
            }
        }
    }
}

fn athlete_for_log(a: &Athlete) -> Option<Athlete> {
    a.validate().ok().map(|_| a.clone())
}

/// A change made by re-planning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Change {
    /// The day the change is about.
    pub date: NaiveDate,
    /// `moved`, `dropped`, `eased` or `rest`.
    pub action: String,
    /// The new day, for a move.
    pub to: Option<NaiveDate>,
    /// Why, in plain words.
    pub reason: String,
}

/// The re-planned rest of the week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Replan {
    /// The plan document with the rest of the week rewritten.
    pub document: LogDocument,
    /// Each change, explained.
    pub changes: Vec<Change>,
}

/// Re-plans from `today` to the end of its week. `log` holds the plan (planned
/// sessions) and what was done (completed sessions); `readiness` is today's
/// decision, when known.
///
/// In steps: the hard sessions missed earlier this week, the hard days that
/// stand (done, or done harder than planned), today eased by its readiness,
/// later hard sessions too close to another eased, then each missed one moved
/// to a free easy day or dropped.
///
/// # Errors
/// `out_of_range` for a `today` outside the plan.
pub fn replan(log: &TrainingLog, today: NaiveDate, readiness: Option<Readiness>) -> Result<Replan> {
    check::date("today", today)?;
    let (first, last) = log.date_range();
    if today < first || today > last {
        return Err(Error::out_of_range(
            "today",
            today,
            &format!("a day of the plan ({first} to {last})"),
        ));
    }
    let week = ReplanWeek {
        today,
        monday: week_start(today),
        sunday: week_start(today) + chrono::Days::new(6),
        readiness,
    };
    let mut doc = log.to_document();
    let mut changes = Vec::new();
    let missed = missed_hard(log, &week);
    let hard_days = standing_hard_days(log, &week);
    if let Some(status) = readiness {
        apply_readiness(&mut doc, today, status, &mut changes);
    }
    keep_hard_spacing(&mut doc, &week, &hard_days, &mut changes);
    for m in missed {
        changes.push(place_missed(&mut doc, &m, &hard_days, &week));
    }
    crate::sort::sort_by_key(&mut doc.sessions, |s| (s.date, s.start_time));
    crate::sort::sort_by_key(&mut changes, |c| c.date);
    Ok(Replan {
        document: doc,
        changes,
    })
}

/// The week being re-planned.
struct ReplanWeek {
    today: NaiveDate,
    monday: NaiveDate,
    sunday: NaiveDate,
    readiness: Option<Readiness>,
}

/// The sessions the log says were done.
fn completed(log: &TrainingLog) -> impl Iterator<Item = &Session> {
    log.sessions()
        .iter()
        .filter(|s| s.status == Status::Completed)
}

/// Hard sessions planned earlier this week on days nothing was done.
fn missed_hard(log: &TrainingLog, week: &ReplanWeek) -> Vec<Session> {
    let done_on = |d: NaiveDate| completed(log).any(|s| s.date == d && s.duration_s > 0.0);
    log.sessions()
        .iter()
        .filter(|s| {
            s.status == Status::Planned
                && s.date >= week.monday
                && s.date < week.today
                && rules::is_hard(s)
                && !done_on(s.date)
        })
        .cloned()
        .collect()
}

/// The days of hard sessions done up to and including today, and (from two
/// days before this week through today) of sessions done harder than planned.
/// A session done this morning counts; nothing dated after today is read
/// (docs/as-of.md, rules 1 and 6).
fn standing_hard_days(log: &TrainingLog, week: &ReplanWeek) -> Vec<NaiveDate> {
    let hard = |s: &Session| rules::is_hard(s);
    let done = || completed(log).filter(|s| s.date <= week.today);
    let mut hard_days: Vec<NaiveDate> = done().filter(|s| hard(s)).map(|s| s.date).collect();
    let recent = done().filter(|s| s.date >= week.monday - chrono::Days::new(2));
    for s in recent {
        let planned = log
            .sessions()
            .iter()
            .find(|p| p.status == Status::Planned && p.date == s.date);
        let harder = match planned {
            Some(p) => !hard(p) && (hard(s) || s.duration_s > p.duration_s * 1.2),
            None => hard(s),
        };
        if harder && !hard_days.contains(&s.date) {
            hard_days.push(s.date);
        }
    }
    hard_days
}

/// Today's planned sessions by readiness: what it [`forbidden_by`]s becomes
/// rest (`rest`) or an easy run (any other status but `go`).
fn apply_readiness(
    doc: &mut LogDocument,
    today: NaiveDate,
    status: Readiness,
    changes: &mut Vec<Change>,
) {
    for s in doc
        .sessions
        .iter_mut()
        .filter(|s| s.status == Status::Planned && s.date == today && forbidden_by(status, s))
    {
        if status == Readiness::Rest {
            changes.push(Change {
                date: today,
                action: "rest".into(),
                to: None,
                reason: format!(
                    "readiness says rest: the planned {} session becomes a rest day",
                    s.kind.name()
                ),
            });
            s.kind = SessionKind::Rest;
            s.duration_s = 0.0;
            s.distance_m = None;
            s.rpe = Some(0.0);
        } else {
            changes.push(Change {
                date: today,
                action: "eased".into(),
                to: None,
                reason: format!(
                    "readiness says {}: the planned {} session becomes an easy run",
                    status.name().replace('_', " "),
                    s.kind.name()
                ),
            });
            ease(s);
        }
    }
}

/// Keeps 48 h between hard sessions from today to Sunday: eases any that come too soon.
fn keep_hard_spacing(
    doc: &mut LogDocument,
    week: &ReplanWeek,
    hard_days: &[NaiveDate],
    changes: &mut Vec<Change>,
) {
    let mut all_hard: Vec<NaiveDate> = hard_days.to_vec();
    for s in doc.sessions.iter_mut().filter(|s| {
        s.status == Status::Planned
            && s.date >= week.today
            && s.date <= week.sunday
            && rules::is_hard(s)
    }) {
        let too_close = all_hard.iter().any(|d| (s.date - *d).num_days().abs() < 2);
        if too_close {
            changes.push(Change {
                date: s.date,
                action: "eased".into(),
                to: None,
                reason: format!(
                    "the {} would come within 48 h of another hard session: easy running instead",
                    s.kind.name()
                ),
            });
            ease(s);
        } else {
            all_hard.push(s.date);
        }
    }
}

/// Moves a missed hard session to a later easy day this week that keeps 48 h
/// from every hard day (not today when readiness is not go), or drops it.
fn place_missed(
    doc: &mut LogDocument,
    m: &Session,
    hard_days: &[NaiveDate],
    week: &ReplanWeek,
) -> Change {
    let stands = doc
        .sessions
        .iter()
        .filter(|s| s.status == Status::Planned && s.date >= week.today && rules::is_hard(s));
    let taken: Vec<NaiveDate> = hard_days
        .iter()
        .copied()
        .chain(stands.map(|s| s.date))
        .collect();
    let not_today = week.readiness.is_some_and(|r| r != Readiness::Go);
    let slot = doc.sessions.iter().position(|s| {
        s.status == Status::Planned
            && s.date >= week.today.max(week.monday)
            && s.date <= week.sunday
            && matches!(s.kind, SessionKind::Easy | SessionKind::Recovery)
            && taken.iter().all(|d| (s.date - *d).num_days().abs() >= 2)
            && !(not_today && s.date == week.today)
    });
    let Some(i) = slot else {
        return Change {
            date: m.date,
            action: "dropped".into(),
            to: None,
            reason: format!(
                "no day left this week keeps the missed {} 48 h from the other hard sessions: dropped, not crammed",
                m.kind.name()
            ),
        };
    };
    let date = doc.sessions[i].date;
    let mut moved = m.clone();
    moved.date = date;
    // Never more volume than the easy run it replaces and the session missed.
    moved.duration_s = moved
        .duration_s
        .min(doc.sessions[i].duration_s.max(m.duration_s));
    doc.sessions[i] = moved;
    Change {
        date: m.date,
        action: "moved".into(),
        to: Some(date),
        reason: format!(
            "the missed {} replaces the easy run on {date}, 48 h from every other hard session",
            m.kind.name()
        ),
    }
}

/// Turns a session into an easy run of at most 45 min.
fn ease(s: &mut Session) {
    let k = (45.0 * 60.0 / s.duration_s.max(1.0)).min(1.0);
    s.kind = SessionKind::Easy;
    s.duration_s = (s.duration_s * k).round().max(60.0);
    s.distance_m = s.distance_m.map(|d| (d * k).round().max(200.0));
    s.rpe = Some(3.0);
    s.notes = Some("eased by re-planning".into());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(distance: f64, weeks: u64, e: Experience, km: f64) -> PlanRequest {
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        PlanRequest {
            start,
            race_date: start + chrono::Days::new(7 * weeks - 1),
            race_distance_m: distance,
            goal_time_s: None,
            weekly_km: km,
            long_run_km: None,
            vdot: Some(45.0),
            available_days: None,
            long_run_day: Some(Weekday::Sun),
            experience: e,
            hard_sessions_per_week: None,
        }
    }

    #[test]
    fn three_profiles_pass_every_rule() {
        for (d, w, e, km) in [
            (5_000.0, 10, Experience::Novice, 20.0),
            (21_097.5, 14, Experience::Intermediate, 40.0),
            (42_195.0, 18, Experience::Experienced, 70.0),
        ] {
            let p = generate(&request(d, w, e, km), &Athlete::default()).unwrap();
            let log = TrainingLog::new(None, p.document.sessions.clone(), DuplicatePolicy::Reject)
                .unwrap();
            let f = rules::check(
                &log,
                &Athlete::default(),
                None,
                &RulesOptions {
                    scope: Scope::Planned,
                    ..Default::default()
                },
            )
            .unwrap();
            assert!(
                f.iter().all(|x| x.severity == Severity::Info),
                "{d}: {f:#?}"
            );
            assert!(p.progression > 0.0, "{d}: flat plan");
        }
    }
}
