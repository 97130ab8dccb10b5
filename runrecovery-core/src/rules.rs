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
use crate::error::{Error, Path, Result, check};
use crate::log::{TrainingLog, week_start};
use crate::session::{Session, SessionKind, Status};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// The rule's id.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::RuleId"))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct RulesOptions {
    /// Only these rules (default: all).
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<Vec<crate::schema::RuleId>>")
    )]
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

/// A rule: reads the shared [`Context`], pushes its findings.
type Rule = fn(&Context, &mut Vec<Finding>) -> Result<()>;

/// The rules by id, in the order they run (the ids of [`RULE_IDS`]).
const RULES: [(&str, Rule); 11] = [
    ("weekly_progression", weekly_progression),
    ("cutback_week", cutback_week),
    ("hard_spacing", hard_spacing),
    ("hard_days_in_a_row", hard_days_in_a_row),
    ("hard_per_week", hard_per_week),
    ("rest_day", rest_day),
    ("easy_share", easy_share),
    ("long_run_share", long_run_share),
    ("quality_caps", quality_caps),
    ("ctl_ramp", ctl_ramp),
    ("taper_before_race", taper_before_race),
];

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
    validate_params(&o.params)?;
    check::opt_date("goal_race", goal_race)?;
    validate_rule_ids(o.rules.as_deref())?;
    let mut out = Vec::new();
    let Some(ctx) = Context::new(log, athlete, goal_race, o) else {
        return Ok(out);
    };
    let enabled = |id: &str| o.rules.as_ref().is_none_or(|r| r.iter().any(|x| x == id));
    for (id, rule) in RULES {
        if enabled(id) {
            rule(&ctx, &mut out)?;
        }
    }
    crate::sort::sort_by(&mut out, |a, b| {
        (a.dates.first(), &a.rule).cmp(&(b.dates.first(), &b.rule))
    });
    Ok(out)
}

/// Every parameter within its range, checked in the order of [`RuleParams`].
fn validate_params(p: &RuleParams) -> Result<()> {
    let ranges = [
        ("max_weekly_increase", p.max_weekly_increase, 0.0, 5.0, ""),
        (
            "critical_weekly_increase",
            p.critical_weekly_increase,
            p.max_weekly_increase,
            10.0,
            "",
        ),
        (
            "max_weeks_without_cutback",
            p.max_weeks_without_cutback as f64,
            1.0,
            12.0,
            "weeks",
        ),
        ("cutback_fraction", p.cutback_fraction, 0.0, 0.9, ""),
        (
            "min_hours_between_hard",
            p.min_hours_between_hard,
            0.0,
            168.0,
            "h",
        ),
        (
            "max_hard_per_week",
            p.max_hard_per_week as f64,
            0.0,
            14.0,
            "",
        ),
        ("min_easy_share", p.min_easy_share, 0.0, 1.0, ""),
        ("max_long_run_share", p.max_long_run_share, 0.0, 1.0, ""),
        ("max_long_run_min", p.max_long_run_min, 10.0, 600.0, "min"),
        ("max_ctl_ramp", p.max_ctl_ramp, 0.0, 100.0, ""),
        ("max_race_week_share", p.max_race_week_share, 0.0, 1.0, ""),
    ];
    for (name, value, lo, hi, unit) in ranges {
        check::in_range(Path::from("params").key(name), value, lo, hi, unit)?;
    }
    Ok(())
}

/// Every chosen rule id names a rule.
fn validate_rule_ids(rules: Option<&[String]>) -> Result<()> {
    for (i, id) in rules.unwrap_or_default().iter().enumerate() {
        if !RULE_IDS.contains(&id.as_str()) {
            return Err(Error::InvalidInput {
                field: Path::from("rules").index(i),
                message: format!(
                    "{id:?} is not a rule (expected one of {})",
                    RULE_IDS.join(", ")
                ),
            });
        }
    }
    Ok(())
}

/// What every rule reads, computed once per [`check`].
struct Context<'a> {
    p: &'a RuleParams,
    goal_race: Option<NaiveDate>,
    /// The sessions in scope, in date order (never empty).
    sessions: Vec<&'a Session>,
    /// The weeks from the first session's to the last one's.
    weeks: Vec<Week>,
    /// The sessions of each week (parallel to `weeks`).
    week_sessions: Vec<Vec<&'a Session>>,
    /// The hard sessions, in date order.
    hard: Vec<&'a Session>,
    /// Volume is distance when every run has one, else time.
    by_distance: bool,
}

impl<'a> Context<'a> {
    /// `None` when no session is in scope.
    fn new(
        log: &'a TrainingLog,
        athlete: &Athlete,
        goal_race: Option<NaiveDate>,
        o: &'a RulesOptions,
    ) -> Option<Self> {
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
        if sessions.is_empty() {
            return None;
        }
        let weeks = weeks_of(&sessions, athlete);
        let week_sessions = weeks
            .iter()
            .map(|w| {
                let in_week = |s: &&&Session| week_start(s.date) == w.start;
                sessions.iter().filter(in_week).copied().collect()
            })
            .collect();
        let hard = sessions.iter().copied().filter(|s| is_hard(s)).collect();
        let by_distance = sessions
            .iter()
            .filter(|s| s.kind.is_run())
            .all(|s| s.distance_m.is_some());
        Some(Context {
            p: &o.params,
            goal_race,
            sessions,
            weeks,
            week_sessions,
            hard,
            by_distance,
        })
    }

    fn first_date(&self) -> NaiveDate {
        self.sessions[0].date
    }

    fn last_date(&self) -> NaiveDate {
        self.sessions[self.sessions.len() - 1].date
    }

    /// Weeks cut by the ends of the sessions (first and last) are not
    /// compared: a first week that starts by Tuesday counts as whole, ...
    fn whole(&self, w: &Week) -> bool {
        let first_week = week_start(self.first_date());
        w.start != first_week || self.first_date() <= first_week + chrono::Days::new(1)
    }

    /// ... a last week that reaches Saturday as complete.
    fn complete(&self, w: &Week) -> bool {
        w.start != week_start(self.last_date())
            || self.last_date() >= w.start + chrono::Days::new(5)
    }

    /// The weeks neither cut at the start nor at the end, with their sessions.
    fn full_weeks(&self) -> impl Iterator<Item = (&Week, &[&'a Session])> {
        self.weeks
            .iter()
            .zip(&self.week_sessions)
            .filter(|(w, _)| self.whole(w) && self.complete(w))
            .map(|(w, s)| (w, s.as_slice()))
    }

    fn volume(&self, w: &Week) -> f64 {
        w.volume(self.by_distance)
    }

    /// One session's volume, in the unit of [`Context::volume`].
    fn session_volume(&self, s: &Session) -> f64 {
        if self.by_distance {
            s.distance_m.unwrap_or(0.0)
        } else {
            s.duration_s
        }
    }

    /// The highest volume of the (up to) 3 weeks before week `i` that `keep` accepts (0 if none).
    fn highest_before(&self, i: usize, keep: impl Fn(&Week) -> bool) -> f64 {
        self.weeks[i.saturating_sub(3)..i]
            .iter()
            .filter(|x| keep(x))
            .map(|x| self.volume(x))
            .fold(0.0, f64::max)
    }

    /// A volume for a message: km or h.
    fn show(&self, v: f64) -> String {
        if self.by_distance {
            format!("{:.1} km", v / 1000.0)
        } else {
            format!("{:.1} h", v / 3600.0)
        }
    }
}

/// `weekly_progression`: each complete week against the highest of the whole weeks before.
fn weekly_progression(c: &Context, out: &mut Vec<Finding>) -> Result<()> {
    let p = c.p;
    for (i, w) in c.weeks.iter().enumerate().skip(1) {
        if !c.complete(w) {
            continue;
        }
        let prev = c.highest_before(i, |x| c.whole(x));
        if prev <= 0.0 {
            continue;
        }
        let up = c.volume(w) / prev - 1.0;
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
                    c.show(c.volume(w)),
                    up * 100.0,
                    c.show(prev)
                ),
                format!(
                    "keep the week at or below {} (+{:.0} %)",
                    c.show(prev * (1.0 + p.max_weekly_increase)),
                    p.max_weekly_increase * 100.0
                ),
            ));
        }
    }
    Ok(())
}

/// `cutback_week`: a streak of weeks with volume and no cutback, one too long.
fn cutback_week(c: &Context, out: &mut Vec<Finding>) -> Result<()> {
    let p = c.p;
    let mut streak: Vec<NaiveDate> = Vec::new();
    for (i, w) in c.weeks.iter().enumerate() {
        let prev = c.highest_before(i, |_| true);
        let is_cutback =
            i > 0 && prev > 0.0 && c.volume(w) <= (1.0 - p.cutback_fraction) * prev + 1e-9;
        if is_cutback || c.volume(w) <= 0.0 {
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
    Ok(())
}

/// `hard_spacing`: consecutive hard sessions closer than the minimum hours.
fn hard_spacing(c: &Context, out: &mut Vec<Finding>) -> Result<()> {
    let p = c.p;
    let time = |s: &Session| s.date.and_time(s.start_time.unwrap_or_default());
    for pair in c.hard.windows(2) {
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
    Ok(())
}

/// `hard_days_in_a_row`: three calendar days in a row, each with a hard session.
fn hard_days_in_a_row(c: &Context, out: &mut Vec<Finding>) -> Result<()> {
    let mut days: Vec<NaiveDate> = c.hard.iter().map(|s| s.date).collect();
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
    Ok(())
}

/// `hard_per_week`: too many hard sessions in a full week (the long run aside), or none in a week of 4+ runs.
fn hard_per_week(c: &Context, out: &mut Vec<Finding>) -> Result<()> {
    let p = c.p;
    for (w, week) in c.full_weeks() {
        let hard: Vec<NaiveDate> = week
            .iter()
            .filter(|s| is_hard(s) && s.kind != SessionKind::Long)
            .map(|s| s.date)
            .collect();
        let runs = week.iter().filter(|s| s.kind.is_run()).count();
        if hard.len() > p.max_hard_per_week {
            let n = hard.len();
            out.push(finding(
                "hard_per_week",
                Severity::Warning,
                hard,
                format!(
                    "{n} hard sessions in the week of {} (at most {})",
                    w.start, p.max_hard_per_week
                ),
                "turn the extra hard sessions into easy runs".into(),
            ));
        } else if hard.is_empty() && runs >= 4 {
            out.push(finding(
                "hard_per_week",
                Severity::Info,
                vec![w.start],
                format!(
                    "no quality session in the week of {} ({runs} runs)",
                    w.start
                ),
                "one session of strides, hills or tempo keeps speed in a base week".into(),
            ));
        }
    }
    Ok(())
}

/// `rest_day`: a full week without a day of rest, walking, mobility or ≤ 30 min of recovery running.
fn rest_day(c: &Context, out: &mut Vec<Finding>) -> Result<()> {
    for (w, week) in c.full_weeks() {
        let light = |d: NaiveDate| {
            week.iter().filter(|s| s.date == d).all(|s| {
                matches!(
                    s.kind,
                    SessionKind::Rest | SessionKind::Mobility | SessionKind::Walk
                ) || (s.kind == SessionKind::Recovery && s.duration_s <= 30.0 * 60.0)
            })
        };
        if !(0..7).any(|d| light(w.start + chrono::Days::new(d))) {
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
    Ok(())
}

/// `easy_share`: the easy share of a full week's running time (races aside) below the minimum.
fn easy_share(c: &Context, out: &mut Vec<Finding>) -> Result<()> {
    let p = c.p;
    for (w, _) in c.full_weeks().filter(|(w, _)| w.run_s - w.race_s > 0.0) {
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
    Ok(())
}

/// `long_run_share`: a long run over its share of a full week's running, or over the longest.
fn long_run_share(c: &Context, out: &mut Vec<Finding>) -> Result<()> {
    let p = c.p;
    for (w, week) in c.full_weeks().filter(|(w, _)| c.volume(w) > 0.0) {
        for s in week.iter().filter(|s| s.kind == SessionKind::Long) {
            let share = c.session_volume(s) / c.volume(w);
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
    Ok(())
}

/// `quality_caps`: one session's work at T, I or R pace over Daniels' cap for the week.
fn quality_caps(c: &Context, out: &mut Vec<Finding>) -> Result<()> {
    for (w, week) in c.full_weeks().filter(|(w, _)| c.volume(w) > 0.0) {
        for s in week.iter().filter(|s| s.kind.is_run()) {
            let (cap, max_m, name) = match s.kind {
                SessionKind::Threshold | SessionKind::Tempo => (0.10, f64::INFINITY, "T"),
                SessionKind::Intervals => (0.08, 10_000.0, "I"),
                SessionKind::Hills | SessionKind::Strides => (0.05, 8_000.0, "R"),
                _ => continue,
            };
            let v = c.session_volume(s) * hard_fraction(s.kind);
            let max = if c.by_distance { max_m } else { f64::INFINITY };
            let limit = (cap * c.volume(w)).min(max);
            if v > limit + 1e-9 {
                out.push(finding(
                    "quality_caps",
                    Severity::Warning,
                    vec![s.date],
                    format!(
                        "about {} at {name} pace in one session (Daniels: at most {})",
                        c.show(v),
                        c.show(limit)
                    ),
                    format!("cut the {name}-pace work to {} or less", c.show(limit)),
                ));
            }
        }
    }
    Ok(())
}

/// `ctl_ramp`: fitness rising faster than the maximum over a week (one finding per week at most).
///
/// # Errors
/// Those of [`crate::model::pmc`].
fn ctl_ramp(c: &Context, out: &mut Vec<Finding>) -> Result<()> {
    let first = c.first_date();
    let loads = daily_loads(c);
    let n = loads.len();
    let pmc = crate::model::pmc(&loads, &crate::model::PmcOptions::default())?;
    // Fitness starts from zero: its first 6 weeks are a build-up from an unknown start, not a ramp.
    let mut i = 42;
    while i < n {
        let ramp = pmc.fitness[i] - pmc.fitness[i - 7];
        if ramp > c.p.max_ctl_ramp + 1e-9 {
            let d = first + chrono::Days::new(i as u64);
            out.push(finding(
                "ctl_ramp",
                Severity::Warning,
                vec![d - chrono::Days::new(7), d],
                format!(
                    "fitness rose {ramp:.1} in the week to {d} (at most {} a week, TSS-equivalent)",
                    c.p.max_ctl_ramp
                ),
                "hold the load for a week before adding more".into(),
            ));
            i += 7;
        } else {
            i += 1;
        }
    }
    Ok(())
}

/// The load of each day from the first session to the last: session-RPE on a
/// TSS-equivalent scale (1 h at RPE 7 = 420 AU ≈ 100 TSS).
fn daily_loads(c: &Context) -> Vec<f64> {
    let first = c.first_date();
    let mut loads = vec![0.0; (c.last_date() - first).num_days() as usize + 1];
    for s in &c.sessions {
        let l = s
            .rpe
            .map_or_else(|| s.minutes() * default_rpe(s.kind), |r| r * s.minutes())
            * 100.0
            / 420.0;
        loads[(s.date - first).num_days() as usize] += l;
    }
    loads
}

/// `taper_before_race`: the week before each race (planned, or the goal race)
/// against the 3 weeks before its taper, as far as the sessions reach back.
fn taper_before_race(c: &Context, out: &mut Vec<Finding>) -> Result<()> {
    let p = c.p;
    for race in race_dates(c) {
        let race_week = run_time_before(c, race, 0, 7);
        // The 3 weeks before the taper, as far as the sessions reach back.
        let covered = (0..21)
            .filter(|k| race - chrono::Days::new(22 + k) >= c.first_date())
            .count();
        if covered < 7 {
            continue;
        }
        let before = run_time_before(c, race, 21, 42) / (covered as f64 / 7.0);
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
    Ok(())
}

/// The planned races and the goal race, sorted, each once.
fn race_dates(c: &Context) -> Vec<NaiveDate> {
    let mut races: Vec<NaiveDate> = c
        .sessions
        .iter()
        .filter(|s| s.kind == SessionKind::Race && s.status == Status::Planned)
        .map(|s| s.date)
        .collect();
    races.extend(c.goal_race);
    crate::sort::sort(&mut races);
    races.dedup();
    races
}

/// Running time (races aside) from `to` days before `race` up to `from` days before it (`from` excluded).
fn run_time_before(c: &Context, race: NaiveDate, from: i64, to: i64) -> f64 {
    c.sessions
        .iter()
        .filter(|s| s.kind.is_run() && s.kind != SessionKind::Race)
        .filter(|s| {
            let d = (race - s.date).num_days();
            d > from && d <= to
        })
        .map(|s| s.duration_s)
        .sum()
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

    #[test]
    fn the_rule_table_runs_the_rule_ids_in_order() {
        let table: Vec<&str> = RULES.iter().map(|(id, _)| *id).collect();
        assert_eq!(table, RULE_IDS);
    }
}
