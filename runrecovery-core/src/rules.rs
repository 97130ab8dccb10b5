//! Recovery-aware plan rules, as data: each rule has a stable id, parameters
//! with documented defaults and sources, and returns findings with a
//! severity, the dates involved, a plain explanation and a concrete fix.
//! [`check`] runs all rules (or a chosen set) over the planned sessions, the
//! completed ones, or both.
//!
//! | id | default | evidence |
//! | --- | --- | --- |
//! | `weekly_progression` | running volume ≤ +10 % over the highest of the 3 weeks before (> +30 % critical) | Buist 2008 (RCT: the 10 % rule did not reduce injuries); Nielsen 2014 (> 30 % over two weeks raised injury risk) — a convention, configurable |
//! | `cutback_week` | at most 3 weeks in a row without a week ≥ 20 % below the highest of the 3 before | coaching practice |
//! | `hard_spacing` | hard sessions ≥ 48 h apart | the seeds |
//! | `hard_days_in_a_row` | never 3 hard days in a row | the seeds |
//! | `hard_per_week` | 1–3 hard sessions a week | the seeds; coaching practice |
//! | `rest_day` | ≥ 1 rest or very light day a week | the seeds |
//! | `easy_share` | ≥ 80 % of running time easy | Seiler & Kjerland 2006; Stöggl & Sperlich 2014 |
//! | `long_run_share` | long run ≤ 30 % of the week's running (and ≤ 150 min) | Daniels (≤ 25–30 %, ≤ 150 min) |
//! | `quality_caps` | per session: T ≤ 10 % of weekly distance, I ≤ 8 % (≤ 10 km), R ≤ 5 % (≤ 8 km) | Daniels' Running Formula |
//! | `ctl_ramp` | fitness ramp ≤ 8 per week (TSS-equivalent) | Friel (5–8 sustainable, ~10 an upper limit) |
//! | `taper_before_race` | the 7 days before a race ≤ 80 % of the 3 weeks before its taper | Bosquet 2007; Mujika & Padilla 2003 |
//!
//! "Hard" means tempo, threshold, intervals, hills, race or long run, or any
//! session at RPE ≥ 7. Planned sessions carry no time in zone, so the easy
//! share counts, for each kind, the part of the session spent hard (a model
//! assumption: intervals 35 %, threshold 45 %, tempo 50 %, hills 25 %,
//! strides 5 %, race 100 %, the rest 0 %); a completed session with a heart-rate
//! histogram and an LTHR uses its real time above the first threshold instead.
//!
//! ```
//! use runrecovery_core::log::TrainingLog;
//! use runrecovery_core::rules::{RulesOptions, check};
//! let log = TrainingLog::from_json(r#"{"schema_version": 1, "sessions": [
//!   {"date": "2026-03-03", "kind": "intervals", "duration_s": 3000, "status": "planned"},
//!   {"date": "2026-03-04", "kind": "tempo", "duration_s": 2700, "status": "planned"}]}"#).unwrap();
//! let findings = check(&log, &Default::default(), None, &RulesOptions::only(&["hard_spacing"])).unwrap();
//! assert_eq!(findings[0].rule, "hard_spacing");
//! assert_eq!(findings[0].dates.len(), 2);
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::athlete::Athlete;
use crate::error::{Error, Result, check};
use crate::log::{TrainingLog, week_start};
use crate::session::{Session, SessionKind, Status};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Against the rule.
    Warning,
    /// Clearly against the rule.
    Critical,
}

/// One rule's finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's id.
    pub rule: String,
    /// How serious.
    pub severity: Severity,
    /// The dates involved.
    pub dates: Vec<NaiveDate>,
    /// What is wrong, in plain words.
    pub message: String,
    /// A concrete fix.
    pub fix: String,
}

/// Which sessions the rules look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Planned sessions only.
    Planned,
    /// Completed sessions only.
    Completed,
    /// Both (default): completed history and the plan ahead.
    #[default]
    Both,
}

/// Every rule's parameters, with defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleParams {
    /// Largest weekly increase of running volume, fraction (0.10).
    pub max_weekly_increase: f64,
    /// An increase above this is critical (0.30, Nielsen 2014).
    pub critical_weekly_increase: f64,
    /// Most weeks in a row without a cutback (3).
    pub max_weeks_without_cutback: usize,
    /// A cutback week is at least this much below the highest of the 3 before (0.20).
    pub cutback_fraction: f64,
    /// Hours between hard sessions (48).
    pub min_hours_between_hard: f64,
    /// Most hard sessions a week (3).
    pub max_hard_per_week: usize,
    /// Fewest easy share of running time (0.80).
    pub min_easy_share: f64,
    /// Largest long-run share of the week's running (0.30).
    pub max_long_run_share: f64,
    /// Longest long run, min (150).
    pub max_long_run_min: f64,
    /// Largest fitness ramp per week, TSS-equivalent (8).
    pub max_ctl_ramp: f64,
    /// The week before a race at most this share of the pre-taper weeks (0.80).
    pub max_race_week_share: f64,
}

impl Default for RuleParams {
    fn default() -> Self {
        RuleParams {
            max_weekly_increase: 0.10,
            critical_weekly_increase: 0.30,
            max_weeks_without_cutback: 3,
            cutback_fraction: 0.20,
            min_hours_between_hard: 48.0,
            max_hard_per_week: 3,
            min_easy_share: 0.80,
            max_long_run_share: 0.30,
            max_long_run_min: 150.0,
            max_ctl_ramp: 8.0,
            max_race_week_share: 0.80,
        }
    }
}

/// The rule ids, in the order they run.
pub const RULE_IDS: [&str; 11] = [
    "weekly_progression",
    "cutback_week",
    "hard_spacing",
    "hard_days_in_a_row",
    "hard_per_week",
    "rest_day",
    "easy_share",
    "long_run_share",
    "quality_caps",
    "ctl_ramp",
    "taper_before_race",
];

/// What to check.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RulesOptions {
    /// Only these rules (default: all).
    pub rules: Option<Vec<String>>,
    /// Which sessions.
    pub scope: Scope,
    /// Parameters.
    pub params: RuleParams,
}

impl RulesOptions {
    /// Options running only the named rules.
    pub fn only(ids: &[&str]) -> Self {
        RulesOptions {
            rules: Some(ids.iter().map(|s| s.to_string()).collect()),
            ..Default::default()
        }
    }
}

/// The share of a session of this kind spent hard (model assumption, see the module docs).
pub fn hard_fraction(kind: SessionKind) -> f64 {
    match kind {
        SessionKind::Intervals => 0.35,
        SessionKind::Threshold => 0.45,
        SessionKind::Tempo => 0.50,
        SessionKind::Hills => 0.25,
        SessionKind::Strides => 0.05,
        SessionKind::Race => 1.0,
        _ => 0.0,
    }
}

/// A hard session: quality, long run, or RPE ≥ 7.
pub fn is_hard(s: &Session) -> bool {
    s.kind.is_quality() || s.kind == SessionKind::Long || s.rpe.is_some_and(|r| r >= 7.0)
}

/// Running volume of a week.
#[derive(Debug, Clone, Copy, Default)]
struct Week {
    start: NaiveDate,
    run_s: f64,
    run_m: f64,
    hard_s: f64,
    race_s: f64,
}

impl Week {
    /// Distance when every run has one, else time.
    fn volume(&self, by_distance: bool) -> f64 {
        if by_distance { self.run_m } else { self.run_s }
    }
}

fn finding(
    rule: &str,
    severity: Severity,
    dates: Vec<NaiveDate>,
    message: String,
    fix: String,
) -> Finding {
    Finding {
        rule: rule.into(),
        severity,
        dates,
        message,
        fix,
    }
}

/// Runs the rules over the log's sessions in `scope`. `goal_race` adds a race
/// date to those of the planned race sessions for `taper_before_race`.
///
/// # Errors
/// `invalid_input` (`rules`) for an unknown rule id; `out_of_range` for a parameter outside its range.
pub fn check(
    log: &TrainingLog,
    athlete: &Athlete,
    goal_race: Option<NaiveDate>,
    o: &RulesOptions,
) -> Result<Vec<Finding>> {
    let p = &o.params;
    check::in_range(
        "params.max_weekly_increase",
        p.max_weekly_increase,
        0.0,
        5.0,
        "",
    )?;
    check::in_range(
        "params.critical_weekly_increase",
        p.critical_weekly_increase,
        p.max_weekly_increase,
        10.0,
        "",
    )?;
    check::in_range(
        "params.max_weeks_without_cutback",
        p.max_weeks_without_cutback as f64,
        1.0,
        12.0,
        "weeks",
    )?;
    check::in_range("params.cutback_fraction", p.cutback_fraction, 0.0, 0.9, "")?;
    check::in_range(
        "params.min_hours_between_hard",
        p.min_hours_between_hard,
        0.0,
        168.0,
        "h",
    )?;
    check::in_range(
        "params.max_hard_per_week",
        p.max_hard_per_week as f64,
        0.0,
        14.0,
        "",
    )?;
    check::in_range("params.min_easy_share", p.min_easy_share, 0.0, 1.0, "")?;
    check::in_range(
        "params.max_long_run_share",
        p.max_long_run_share,
        0.0,
        1.0,
        "",
    )?;
    check::in_range(
        "params.max_long_run_min",
        p.max_long_run_min,
        10.0,
        600.0,
        "min",
    )?;
    check::in_range("params.max_ctl_ramp", p.max_ctl_ramp, 0.0, 100.0, "")?;
    check::in_range(
        "params.max_race_week_share",
        p.max_race_week_share,
        0.0,
        1.0,
        "",
    )?;
    check::opt_date("goal_race", goal_race)?;
    let enabled = |id: &str| o.rules.as_ref().is_none_or(|r| r.iter().any(|x| x == id));
    if let Some(list) = &o.rules {
        for (i, id) in list.iter().enumerate() {
            if !RULE_IDS.contains(&id.as_str()) {
                return Err(Error::InvalidInput {
                    field: format!("rules[{i}]"),
                    message: format!(
                        "{id:?} is not a rule (expected one of {})",
                        RULE_IDS.join(", ")
                    ),
                });
            }
        }
    }
    let sessions: Vec<&Session> = log
        .sessions()
        .iter()
        .filter(|s| match o.scope {
            Scope::Planned => s.status == Status::Planned,
            Scope::Completed => s.status == Status::Completed,
            Scope::Both => true,
        })
        .filter(|s| s.duration_s > 0.0 || s.kind == SessionKind::Rest)
        .collect();
    let mut out = Vec::new();
    if sessions.is_empty() {
        return Ok(out);
    }
    let weeks = weeks_of(&sessions, athlete);
    let by_distance = sessions
        .iter()
        .filter(|s| s.kind.is_run())
        .all(|s| s.distance_m.is_some());
    let show = |v: f64| {
        if by_distance {
            format!("{:.1} km", v / 1000.0)
        } else {
            format!("{:.1} h", v / 3600.0)
        }
    };
    // Weeks cut by the ends of the sessions (first and last) are not compared.
    let first_week = week_start(sessions[0].date);
    let last_week = week_start(sessions[sessions.len() - 1].date);
    // A first week that starts by Tuesday counts as whole, a last week that reaches Saturday as complete.
    let whole =
        |w: &Week| w.start != first_week || sessions[0].date <= first_week + chrono::Days::new(1);
    let complete = |w: &Week| {
        w.start != last_week || sessions[sessions.len() - 1].date >= w.start + chrono::Days::new(5)
    };

    if enabled("weekly_progression") {
        for i in 1..weeks.len() {
            let w = &weeks[i];
            if !complete(w) {
                continue;
            }
            let prev = weeks[i.saturating_sub(3)..i]
                .iter()
                .filter(|x| whole(x))
                .map(|x| x.volume(by_distance))
                .fold(0.0, f64::max);
            if prev <= 0.0 {
                continue;
            }
            let up = w.volume(by_distance) / prev - 1.0;
            if up > p.max_weekly_increase + 1e-9 {
                let severity = if up > p.critical_weekly_increase {
                    Severity::Critical
                } else {
                    Severity::Warning
                };
                out.push(finding(
                    "weekly_progression",
                    severity,
                    vec![w.start],
                    format!(
                        "running volume {} is {:+.0} % over the highest of the weeks before ({})",
                        show(w.volume(by_distance)),
                        up * 100.0,
                        show(prev)
                    ),
                    format!(
                        "keep the week at or below {} (+{:.0} %)",
                        show(prev * (1.0 + p.max_weekly_increase)),
                        p.max_weekly_increase * 100.0
                    ),
                ));
            }
        }
    }

    if enabled("cutback_week") {
        let mut streak: Vec<NaiveDate> = Vec::new();
        for i in 0..weeks.len() {
            let w = &weeks[i];
            let prev = weeks[i.saturating_sub(3)..i]
                .iter()
                .map(|x| x.volume(by_distance))
                .fold(0.0, f64::max);
            let is_cutback = i > 0
                && prev > 0.0
                && w.volume(by_distance) <= (1.0 - p.cutback_fraction) * prev + 1e-9;
            if is_cutback || w.volume(by_distance) <= 0.0 {
                streak.clear();
                continue;
            }
            streak.push(w.start);
            if streak.len() == p.max_weeks_without_cutback + 1 {
                out.push(finding(
                    "cutback_week",
                    Severity::Warning,
                    streak.clone(),
                    format!("{} weeks in a row without a cutback week", streak.len()),
                    format!(
                        "make the week of {} a cutback week: {:.0}–30 % less volume",
                        w.start,
                        p.cutback_fraction * 100.0
                    ),
                ));
            }
        }
    }

    let hard: Vec<&Session> = sessions.iter().copied().filter(|s| is_hard(s)).collect();
    let time = |s: &Session| s.date.and_time(s.start_time.unwrap_or_default());
    if enabled("hard_spacing") {
        for pair in hard.windows(2) {
            let gap = (time(pair[1]) - time(pair[0])).num_minutes() as f64 / 60.0;
            // Sessions without a start time on consecutive days are 24 h apart, on the same day 0 h.
            if gap < p.min_hours_between_hard {
                out.push(finding(
                    "hard_spacing",
                    Severity::Critical,
                    vec![pair[0].date, pair[1].date],
                    format!(
                        "{} on {} and {} on {} are {:.0} h apart (at least {:.0} h)",
                        pair[0].kind.name(),
                        pair[0].date,
                        pair[1].kind.name(),
                        pair[1].date,
                        gap,
                        p.min_hours_between_hard
                    ),
                    format!(
                        "move the {} to {} or later, or make it easy",
                        pair[1].kind.name(),
                        pair[0].date
                            + chrono::Days::new((p.min_hours_between_hard / 24.0).ceil() as u64)
                    ),
                ));
            }
        }
    }
    if enabled("hard_days_in_a_row") {
        let mut days: Vec<NaiveDate> = hard.iter().map(|s| s.date).collect();
        days.dedup();
        for w in days.windows(3) {
            if (w[2] - w[0]).num_days() == 2 {
                out.push(finding(
                    "hard_days_in_a_row",
                    Severity::Critical,
                    w.to_vec(),
                    format!("three hard days in a row: {}, {} and {}", w[0], w[1], w[2]),
                    format!("make {} an easy or rest day", w[1]),
                ));
            }
        }
    }

    for w in &weeks {
        let in_week = |s: &&&Session| week_start(s.date) == w.start;
        let week_sessions: Vec<&Session> = sessions.iter().filter(in_week).copied().collect();
        let runs: Vec<&Session> = week_sessions
            .iter()
            .copied()
            .filter(|s| s.kind.is_run())
            .collect();
        let full = whole(w) && complete(w);
        if enabled("hard_per_week") && full {
            let n = week_sessions
                .iter()
                .filter(|s| is_hard(s) && s.kind != SessionKind::Long)
                .count();
            if n > p.max_hard_per_week {
                out.push(finding(
                    "hard_per_week",
                    Severity::Warning,
                    week_sessions
                        .iter()
                        .filter(|s| is_hard(s) && s.kind != SessionKind::Long)
                        .map(|s| s.date)
                        .collect(),
                    format!(
                        "{n} hard sessions in the week of {} (at most {})",
                        w.start, p.max_hard_per_week
                    ),
                    "turn the extra hard sessions into easy runs".into(),
                ));
            } else if n == 0 && runs.len() >= 4 {
                out.push(finding(
                    "hard_per_week",
                    Severity::Info,
                    vec![w.start],
                    format!(
                        "no quality session in the week of {} ({} runs)",
                        w.start,
                        runs.len()
                    ),
                    "one session of strides, hills or tempo keeps speed in a base week".into(),
                ));
            }
        }
        if enabled("rest_day") && full {
            let light = |d: NaiveDate| {
                week_sessions.iter().filter(|s| s.date == d).all(|s| {
                    matches!(
                        s.kind,
                        SessionKind::Rest | SessionKind::Mobility | SessionKind::Walk
                    ) || (s.kind == SessionKind::Recovery && s.duration_s <= 30.0 * 60.0)
                })
            };
            let any = (0..7).any(|d| light(w.start + chrono::Days::new(d)));
            if !any {
                out.push(finding(
                    "rest_day",
                    Severity::Warning,
                    vec![w.start],
                    format!("no rest or very light day in the week of {}", w.start),
                    "make one day a rest day, or walk, mobility, or ≤ 30 min of recovery running"
                        .into(),
                ));
            }
        }
        if enabled("easy_share") && full && w.run_s - w.race_s > 0.0 {
            let easy = 1.0 - w.hard_s / (w.run_s - w.race_s);
            if easy + 1e-9 < p.min_easy_share {
                out.push(finding(
                    "easy_share",
                    Severity::Warning,
                    vec![w.start],
                    format!(
                        "{:.0} % of running time easy in the week of {} (at least {:.0} %)",
                        easy * 100.0,
                        w.start,
                        p.min_easy_share * 100.0
                    ),
                    "shorten the hard parts or lengthen the easy runs".into(),
                ));
            }
        }
        if enabled("long_run_share") && full && w.volume(by_distance) > 0.0 {
            for s in runs.iter().filter(|s| s.kind == SessionKind::Long) {
                let v = if by_distance {
                    s.distance_m.unwrap_or(0.0)
                } else {
                    s.duration_s
                };
                let share = v / w.volume(by_distance);
                if share > p.max_long_run_share + 1e-9 || s.minutes() > p.max_long_run_min {
                    out.push(finding(
                        "long_run_share",
                        Severity::Warning,
                        vec![s.date],
                        format!(
                            "the long run is {:.0} % of the week's running and {:.0} min (at most {:.0} % and {:.0} min)",
                            share * 100.0,
                            s.minutes(),
                            p.max_long_run_share * 100.0,
                            p.max_long_run_min
                        ),
                        "shorten the long run or add easy volume on other days".into(),
                    ));
                }
            }
        }
        if enabled("quality_caps") && full && w.volume(by_distance) > 0.0 {
            for s in &runs {
                let (cap, max_m, name) = match s.kind {
                    SessionKind::Threshold | SessionKind::Tempo => (0.10, f64::INFINITY, "T"),
                    SessionKind::Intervals => (0.08, 10_000.0, "I"),
                    SessionKind::Hills | SessionKind::Strides => (0.05, 8_000.0, "R"),
                    _ => continue,
                };
                let v = if by_distance {
                    s.distance_m.unwrap_or(0.0)
                } else {
                    s.duration_s
                } * hard_fraction(s.kind);
                let limit = (cap * w.volume(by_distance)).min(if by_distance {
                    max_m
                } else {
                    f64::INFINITY
                });
                if v > limit + 1e-9 {
                    out.push(finding(
                        "quality_caps",
                        Severity::Warning,
                        vec![s.date],
                        format!(
                            "about {} at {name} pace in one session (Daniels: at most {})",
                            show(v),
                            show(limit)
                        ),
                        format!("cut the {name}-pace work to {} or less", show(limit)),
                    ));
                }
            }
        }
    }

    if enabled("ctl_ramp") {
        // Session-RPE on a TSS-equivalent scale (1 h at RPE 7 = 420 AU ≈ 100 TSS).
        let (first, last) = (sessions[0].date, sessions[sessions.len() - 1].date);
        let n = (last - first).num_days() as usize + 1;
        let mut loads = vec![0.0; n];
        for s in &sessions {
            let l = s
                .rpe
                .map_or_else(|| s.minutes() * default_rpe(s.kind), |r| r * s.minutes())
                * 100.0
                / 420.0;
            loads[(s.date - first).num_days() as usize] += l;
        }
        let pmc = crate::model::pmc(&loads, &crate::model::PmcOptions::default())?;
        // Fitness starts from zero: its first 6 weeks are a build-up from an unknown start, not a ramp.
        let mut i = 42;
        while i < n {
            let ramp = pmc.fitness[i] - pmc.fitness[i - 7];
            if ramp > p.max_ctl_ramp + 1e-9 {
                let d = first + chrono::Days::new(i as u64);
                out.push(finding(
                    "ctl_ramp",
                    Severity::Warning,
                    vec![d - chrono::Days::new(7), d],
                    format!("fitness rose {ramp:.1} in the week to {d} (at most {} a week, TSS-equivalent)", p.max_ctl_ramp),
                    "hold the load for a week before adding more".into(),
                ));
                i += 7;
            } else {
                i += 1;
            }
        }
    }

    if enabled("taper_before_race") {
        let mut races: Vec<NaiveDate> = sessions
            .iter()
            .filter(|s| s.kind == SessionKind::Race && s.status == Status::Planned)
            .map(|s| s.date)
            .collect();
        races.extend(goal_race);
        crate::sort::sort(&mut races);
        races.dedup();
        for race in races {
            let sum = |from: i64, to: i64| -> f64 {
                sessions
                    .iter()
                    .filter(|s| s.kind.is_run() && s.kind != SessionKind::Race)
                    .filter(|s| {
                        let d = (race - s.date).num_days();
                        d > from && d <= to
                    })
                    .map(|s| s.duration_s)
                    .sum()
            };
            let race_week = sum(0, 7);
            // The 3 weeks before the taper, as far as the sessions reach back.
            let first = sessions[0].date;
            let covered = (0..21)
                .filter(|k| race - chrono::Days::new(22 + k) >= first)
                .count();
            if covered < 7 {
                continue;
            }
            let before = sum(21, 42) / (covered as f64 / 7.0);
            if before > 0.0 && race_week > p.max_race_week_share * before + 1e-9 {
                out.push(finding(
                    "taper_before_race",
                    Severity::Warning,
                    vec![race - chrono::Days::new(7), race],
                    format!(
                        "the week before the race on {race} has {:.0} % of the usual running time: no taper",
                        race_week / before * 100.0
                    ),
                    "taper: cut volume by 40–60 % over the last 2 weeks, keep the intensity (Bosquet 2007)".into(),
                ));
            }
        }
    }
    crate::sort::sort_by(&mut out, |a, b| {
        (a.dates.first(), &a.rule).cmp(&(b.dates.first(), &b.rule))
    });
    Ok(out)
}

/// A typical RPE for a planned session of a kind without one.
fn default_rpe(kind: SessionKind) -> f64 {
    match kind {
        SessionKind::Rest => 0.0,
        SessionKind::Mobility | SessionKind::Walk => 1.0,
        SessionKind::Recovery | SessionKind::Strides => 2.0,
        SessionKind::Easy | SessionKind::CrossTraining => 3.0,
        SessionKind::Long | SessionKind::Strength => 5.0,
        SessionKind::Tempo => 6.0,
        SessionKind::Threshold | SessionKind::Hills => 7.0,
        SessionKind::Intervals => 8.0,
        SessionKind::Race => 9.0,
    }
}

fn weeks_of(sessions: &[&Session], athlete: &Athlete) -> Vec<Week> {
    let (w0, w1) = (
        week_start(sessions[0].date),
        week_start(sessions[sessions.len() - 1].date),
    );
    let n = ((w1 - w0).num_days() / 7) as usize + 1;
    let mut weeks: Vec<Week> = (0..n)
        .map(|i| Week {
            start: w0 + chrono::Days::new(7 * i as u64),
            ..Week::default()
        })
        .collect();
    for s in sessions {
        let w = &mut weeks[((week_start(s.date) - w0).num_days() / 7) as usize];
        // A race is the goal, not training: it counts toward volume, not the easy share.
        if s.kind.is_run() {
            w.run_s += s.duration_s;
            w.run_m += s.distance_m.unwrap_or(0.0);
            if s.kind != SessionKind::Race {
                w.hard_s += hard_seconds(s, athlete);
            } else {
                w.race_s += s.duration_s;
            }
        }
    }
    weeks
}

/// Time spent hard: above the first threshold by the histogram (LTHR known), else by kind.
fn hard_seconds(s: &Session, athlete: &Athlete) -> f64 {
    match (&s.hr_histogram, athlete.lthr_bpm) {
        (Some(bins), Some(lthr)) => bins
            .iter()
            .filter(|b| b.hr_bpm >= 0.90 * lthr)
            .map(|b| b.seconds)
            .sum(),
        _ => s.duration_s * hard_fraction(s.kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_log_mostly_follows_the_rules() {
        let log = TrainingLog::from_json(include_str!("../data/sample_log.json")).unwrap();
        let a = log.athlete().cloned().unwrap();
        let f = check(&log, &a, None, &RulesOptions::default()).unwrap();
        assert!(f.iter().all(|x| x.severity != Severity::Critical), "{f:?}");
        assert!(f.iter().any(|x| x.rule == "cutback_week"));
    }
}
