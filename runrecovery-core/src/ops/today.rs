//! The "today" state: every number a surface shows about one day, in one call.

use chrono::NaiveDate;
use serde::Deserialize;

use super::fields::request;
use super::log::log_with_athlete;
use crate::error::{Result, check};
use crate::log::DuplicatePolicy;
use crate::model::AcwrOptions;
use crate::readiness::{DayMarkers, ReadinessOptions};
use crate::session::SessionKind;
use crate::supercompensation::RecoveryOptions;
use crate::today::{self, AthleteToday, TodaySettings};

request! {
    /// PMC conventions of [`athlete_today`] (all optional).
    #[derive(Debug, Default, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct TodayPmcFields {
        ..pmc_options,
    }
}

request! {
    /// ACWR settings of [`athlete_today`] (all optional).
    #[derive(Debug, Default, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct TodayAcwrFields {
        ..acwr_options,
        /// Minimum share of logged days in the chronic window (0.75).
        #[serde(default)]
        pub min_coverage: Option<f64>,
    }
}

request! {
    /// Request of [`athlete_today`].
    #[derive(Debug, Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(deny_unknown_fields)]
    pub struct AthleteTodayRequest {
        ..log_loads,
        /// The day: its completed sessions count, its planned ones are adapted.
        pub today: NaiveDate,
        /// Daily markers in date order (those after `today` are not read).
        #[serde(default)]
        pub markers: Vec<DayMarkers>,
        /// The kind of the next quality session (default `intervals`).
        #[serde(default)]
        pub kind: Option<SessionKind>,
        /// PMC conventions (all optional).
        #[serde(default)]
        pub pmc_options: TodayPmcFields,
        /// ACWR method and windows (all optional).
        #[serde(default)]
        pub acwr_options: TodayAcwrFields,
        /// Body-system model constants (all optional; `method` is its own, session-RPE by default).
        #[serde(default)]
        pub recovery_options: RecoveryOptions,
        /// Readiness windows, thresholds and mode (all optional).
        #[serde(default)]
        pub readiness_options: ReadinessOptions,
    }
}

/// The athlete's whole state on one day, as every surface shows it, with the settings used.
///
/// One call, one rule: completed sessions up to and including `today`
/// count, planned ones never do, and nothing dated after `today` is read.
/// `load`, `fitness`, `fatigue`, `form` (by `form_day`), `form_pct` and
/// `ramp` are today's values of the PMC of the completed loads, in `unit`
/// (`TSS` or `AU`, by `method`, default `"auto"`; mixed scales give a
/// `warning`); `acwr` is today's ratio of the same loads; `systems` is
/// each body system at `today`, `recovery_options["day_hour"]`;
/// `next_quality_session` is for `kind` (default `"intervals"`), given
/// the readiness (not today unless it is `"go"`). The
/// morning readiness (null without a marker dated `today`) is given the
/// state after yesterday (`engine`: yesterday's form as % of yesterday's
/// fitness, the systems not ready from the sessions before `today`);
/// `planned` is today's first planned session (null when none) and
/// `adapted` that session adapted to the readiness. `pmc_options` and
/// `acwr_options` are the options of `pmc` and `acwr`, `recovery_options`
/// those of `recovery_state`, `readiness_options` those of `readiness`;
/// `settings` holds every setting used, defaults resolved, under
/// the request's own keys, so a request made from it gives the same state.
///
/// # Python
///
/// ```python
/// >>> t = athlete_today(today="2026-03-04", method="session_rpe", log={"schema_version": 1, "sessions": [
/// ...     {"date": "2026-03-03", "kind": "easy", "duration_s": 3000, "rpe": 4},
/// ...     {"date": "2026-03-04", "kind": "intervals", "duration_s": 3600, "rpe": 8, "status": "planned"}]})
/// >>> t["load"], round(t["fitness"], 2), round(t["form"], 2), t["planned"]["kind"], t["readiness"]
/// (0.0, 4.59, -21.92, 'intervals', None)
/// >>> t["settings"]["pmc_options"]["fitness_days"], t["settings"]["acwr_options"]["method"]
/// (42.0, 'coupled_rolling')
/// ```
pub fn athlete_today(r: AthleteTodayRequest) -> Result<AthleteToday> {
    check::date("today", r.today)?;
    let load = r.load_options();
    let defaults = TodaySettings::default();
    let settings = TodaySettings {
        method: load.method,
        trimp_coefficients: load.trimp_coefficients,
        missing: load.missing,
        kind: r.kind.unwrap_or(defaults.kind),
        pmc_options: r.pmc_options.pmc_options(),
        acwr_options: r.acwr_options.acwr_options(
            r.acwr_options
                .min_coverage
                .unwrap_or(AcwrOptions::default().min_coverage),
        ),
        recovery_options: r.recovery_options,
        readiness_options: r.readiness_options,
    };
    let (log, athlete, at) = log_with_athlete(r.log, DuplicatePolicy::Reject, r.athlete)?;
    today::athlete_today(&log, &athlete, r.today, &r.markers, &settings).map_err(|e| at.name(e))
}
