//! The whole "today" state of an athlete, as every surface shows it.
//!
//! One function composes the stages for one day, by one rule, with one set of
//! settings: the report, the notebook and the demo page all show its numbers,
//! so they cannot disagree. It adds no science of its own:
//!
//! | output | from |
//! |---|---|
//! | today's load, `fitness`, `fatigue`, `form`, `form_pct`, `ramp` | [`load::daily_loads`] (completed sessions up to and including `today`) → [`model::pmc`] |
//! | `acwr` | the same completed loads → [`model::acwr`] |
//! | `systems` | [`supercompensation::recovery_state`] at `today`, `recovery_options.day_hour` |
//! | `next_quality_session` | [`supercompensation::next_quality_session_given`] today's readiness status |
//! | `readiness` | [`readiness::readiness`](crate::readiness::readiness) on the markers up to `today`, with the morning `engine` |
//! | `planned`, `adapted` | today's first planned session → [`readiness::adapt_session`](crate::readiness::adapt_session) |
//!
//! # "As of" today
//!
//! - Completed sessions dated up to and including `today` count in today's
//!   loads, fitness, fatigue, form and ACWR; completed sessions and markers
//!   dated after `today` are not read (the state is the one known on that
//!   day). Planned sessions never count as done: today's planned session is
//!   only `planned` (and `adapted`), and nothing is projected here (see
//!   `log_pmc` for projections through the plan).
//! - The readiness is a morning decision: its `engine.form_pct` is the form
//!   after yesterday (yesterday's fitness − fatigue, as % of yesterday's
//!   fitness; the seeds when `today` is the log's first day), whatever
//!   `form_day` says, and `engine.systems_not_ready` counts the body systems
//!   above `recovery_options.ready_below` at `today`, `recovery_options.day_hour`, from the
//!   sessions before `today` (`systems` also counts those of `today` done
//!   by then, as [`supercompensation::recovery_state`] does).
//! - `settings` holds every setting used, the defaults resolved, under the
//!   request's own keys: a request built from it gives the same state.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::athlete::Athlete;
use crate::error::{Error, Result, check};
use crate::load::{self, Include, LoadMethod, LoadOptions, MissingData, TrimpCoefficients};
use crate::log::{DuplicatePolicy, TrainingLog};
use crate::model::{self, AcwrDay, AcwrOptions, PmcOptions};
use crate::readiness::{
    self as ready, AdaptedSession, DayMarkers, EngineState, Readiness, ReadinessOptions,
};
use crate::session::{Session, SessionKind, Status};
use crate::supercompensation::{self, NextQualitySession, RecoveryOptions, RecoveryState};

/// Every setting [`athlete_today`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TodaySettings {
    /// Load method of the daily loads (fitness, fatigue, form, ACWR).
    pub method: LoadMethod,
    /// Banister coefficients for TRIMP-based methods.
    pub trimp_coefficients: TrimpCoefficients,
    /// Sessions lacking data: `error` or `zero`.
    pub missing: MissingData,
    /// The kind of the next quality session.
    pub kind: SessionKind,
    /// The PMC conventions.
    pub pmc_options: PmcOptions,
    /// The ACWR method and windows.
    pub acwr_options: AcwrOptions,
    /// The body systems' model constants (with their own load method).
    pub recovery_options: RecoveryOptions,
    /// The readiness windows, thresholds and mode.
    pub readiness_options: ReadinessOptions,
}

impl TodaySettings {
    /// The load options of these settings.
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            method: self.method,
            trimp_coefficients: self.trimp_coefficients,
            missing: self.missing,
        }
    }
}

impl Default for TodaySettings {
    fn default() -> Self {
        let load = LoadOptions::default();
        TodaySettings {
            method: load.method,
            trimp_coefficients: load.trimp_coefficients,
            missing: load.missing,
            kind: SessionKind::Intervals,
            pmc_options: PmcOptions::default(),
            acwr_options: AcwrOptions::default(),
            recovery_options: RecoveryOptions::default(),
            readiness_options: ReadinessOptions::default(),
        }
    }
}

/// An athlete's state on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AthleteToday {
    /// The day.
    pub today: NaiveDate,
    /// The first day of the load series (the log's first date).
    pub start: NaiveDate,
    /// The loads' unit: `TSS` (1 h at threshold = 100) or `AU`, by the
    /// methods that scored the sessions (`mixed` with a `warning`).
    pub unit: String,
    /// Today's load from the sessions completed today.
    pub load: f64,
    /// Fitness (CTL) after today, in the load's unit per day.
    pub fitness: f64,
    /// Fatigue (ATL) after today, in the load's unit per day.
    pub fatigue: f64,
    /// Form (TSB) of today by `settings.pmc_options.form_day`.
    pub form: f64,
    /// Form as % of fitness (null while fitness is 0).
    pub form_pct: Option<f64>,
    /// Fitness change over the last 7 days (null in the log's first 7 days).
    pub ramp: Option<f64>,
    /// The acute:chronic workload ratio of today.
    pub acwr: AcwrDay,
    /// Each body system at `today`, `settings.recovery_options.day_hour`.
    pub systems: RecoveryState,
    /// The earliest and the best day for the next quality session.
    pub next_quality_session: NextQualitySession,
    /// What the morning readiness was given: the form after yesterday and the systems not ready.
    pub engine: EngineState,
    /// This morning's readiness; null without markers dated `today`.
    pub readiness: Option<Readiness>,
    /// Today's planned session (the first, when several); null when none.
    pub planned: Option<Session>,
    /// The planned session adapted to the readiness; null without both.
    pub adapted: Option<AdaptedSession>,
    /// Completed sessions up to today scored by each method.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::MethodCounts"))]
    pub methods: BTreeMap<LoadMethod, usize>,
    /// Set when TSS-scale and AU-scale loads were summed.
    pub warning: Option<String>,
    /// Every setting used, defaults resolved.
    pub settings: TodaySettings,
}

/// The unit of loads scored by `methods` (`method`'s when none scored any).
fn unit(methods: &[(LoadMethod, usize)], method: LoadMethod) -> &'static str {
    match methods.first() {
        None => method.unit(),
        Some((m, _)) if methods.iter().all(|(x, _)| x.unit() == m.unit()) => m.unit(),
        Some(_) => "mixed",
    }
}

/// The athlete's whole state on `today` (see the module doc for the rule).
///
/// `markers` are the daily markers in date order (any dated after `today`
/// are not read); the readiness is that of `today` and needs a marker dated
/// `today`.
///
/// # Errors
/// `inconsistent` at `today` when it is before the log's first date; the
/// errors of the composed functions, with the settings' own paths (`pmc_options.*`,
/// `acwr_options.*`, `recovery_options.*`, `readiness_options.*`, `markers[i]`, `log.sessions[i]`).
pub fn athlete_today(
    log: &TrainingLog,
    athlete: &Athlete,
    today: NaiveDate,
    markers: &[DayMarkers],
    settings: &TodaySettings,
) -> Result<AthleteToday> {
    check::date("today", today)?;
    let (first, _) = log.date_range();
    if today < first {
        return Err(Error::inconsistent(
            "today",
            today,
            &format!("must not be before the log's first date {first}"),
        ));
    }
    let s = settings;
    s.pmc_options
        .validate()
        .map_err(|e| e.within("pmc_options"))?;
    s.acwr_options
        .validate()
        .map_err(|e| e.within("acwr_options"))?;
    let daily = load::daily_loads(
        log,
        athlete,
        &s.load_options(),
        Include::Completed,
        Some(first),
        Some(today),
    )?;
    let loads = &daily.series.values;
    let ti = loads.len() - 1;
    let pmc = model::pmc(loads, &s.pmc_options).map_err(|e| e.within("pmc_options"))?;
    let acwr = model::acwr(loads, Some(&daily.series.logged), &s.acwr_options)
        .map_err(|e| e.within("acwr_options"))?;
    // The log's and athlete's errors, and a session's own `kind` or `date`,
    // name themselves; the rest are the options' (compared by segment, not text).
    let within_recovery = |e: Error| {
        let top = e.path().first_key();
        let alone = e.path().segments().len() == 1;
        if matches!(top, Some("log" | "athlete")) || (alone && matches!(top, Some("kind" | "date")))
        {
            e
        } else {
            e.within("recovery_options")
        }
    };
    s.recovery_options.validate().map_err(within_recovery)?;
    s.readiness_options
        .validate()
        .map_err(|e| e.within("readiness_options"))?;
    let morning = today.and_time(
        chrono::NaiveTime::from_num_seconds_from_midnight_opt(
            (s.recovery_options.day_hour * 3600.0).round() as u32,
            0,
        )
        .unwrap_or_default(),
    );
    let systems = supercompensation::recovery_state(log, athlete, morning, &s.recovery_options)
        .map_err(within_recovery)?;

    // The morning, before today's training: the state after yesterday.
    let (fitness_y, fatigue_y) = if ti == 0 {
        (s.pmc_options.fitness_seed, s.pmc_options.fatigue_seed)
    } else {
        (pmc.fitness[ti - 1], pmc.fatigue[ti - 1])
    };
    let before: Vec<Session> = log
        .sessions()
        .iter()
        .filter(|x| x.date < today)
        .cloned()
        .collect();
    let not_ready = if before.is_empty() {
        0
    } else {
        let log = TrainingLog::new(None, before, DuplicatePolicy::Reject)?;
        supercompensation::recovery_state(&log, athlete, morning, &s.recovery_options)
            .map_err(within_recovery)?
            .systems
            .iter()
            .filter(|x| x.fatigue > s.recovery_options.ready_below)
            .count() as u32
    };
    let engine = EngineState {
        form_pct: (fitness_y > 0.0).then(|| (fitness_y - fatigue_y) / fitness_y * 100.0),
        systems_not_ready: Some(not_ready),
    };
    let markers = if markers.is_empty() {
        markers
    } else {
        ready::validate_markers(markers)?;
        &markers[..markers.partition_point(|m| m.date <= today)]
    };
    let readiness = match markers.last() {
        Some(m) if m.date == today => Some(
            ready::readiness(markers, Some(&engine), &s.readiness_options).map_err(|e| {
                if e.field().starts_with("markers") {
                    e
                } else {
                    e.within("readiness_options")
                }
            })?,
        ),
        _ => None,
    };
    let next = supercompensation::next_quality_session_given(
        log,
        athlete,
        today,
        s.kind,
        readiness.as_ref().map(|r| r.status),
        &s.recovery_options,
    )
    .map_err(within_recovery)?;
    let planned = log
        .sessions()
        .iter()
        .find(|x| x.date == today && x.status == Status::Planned)
        .cloned();
    let adapted = match (&planned, &readiness, markers.last()) {
        (Some(p), Some(r), Some(m)) => Some(ready::adapt_session(p, r, m)?),
        _ => None,
    };
    let form_pct = model::form_percent(&pmc.fitness[ti..], &pmc.form[ti..])[0];
    let ramp = model::ramp_rate(&pmc.fitness)[ti];
    Ok(AthleteToday {
        today,
        start: first,
        unit: unit(&daily.methods, s.method).to_string(),
        load: loads[ti],
        fitness: pmc.fitness[ti],
        fatigue: pmc.fatigue[ti],
        form: pmc.form[ti],
        form_pct,
        ramp,
        acwr: acwr[ti],
        systems,
        next_quality_session: next,
        engine,
        readiness,
        planned,
        adapted,
        methods: daily.methods.into_iter().collect(),
        warning: daily.warning,
        settings: *s,
    })
}
