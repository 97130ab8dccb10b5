//! Readiness stage: today's readiness, baselines, warning signs and adapted sessions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::PerformanceTest;
use super::log::log_with_athlete;
use crate::error::{Error, Path, Result};
use crate::load::{self, Include, LoadMethod, LoadOptions};
use crate::log::{DuplicatePolicy, check_load};
use crate::readiness::{
    self as ready, AdaptedSession, BaselineDay, DayMarkers, EngineState, Readiness,
    ReadinessOptions, WarningSign,
};
use crate::session::Session;

/// Request of [`readiness`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReadinessRequest {
    /// Daily markers in date order, today last.
    pub markers: Vec<DayMarkers>,
    /// The engine's outputs for today, when known.
    #[serde(default)]
    pub engine: Option<EngineState>,
    /// Windows, thresholds and mode.
    #[serde(default)]
    pub options: ReadinessOptions,
}

/// Today's readiness: go, go easy or rest, a score, confidence and every marker's verdict.
///
/// `markers`: one dict per morning in date order, today last, each with a
/// `date` and any of `hrv` (`{"value", "index"}`: rMSSD in ms with
/// `"rmssd_ms"`, or ln rMSSD with `"ln_rmssd"`), `resting_hr_bpm`
/// (bpm), `sleep_h` (h), `wellness` (items 1–7: `sleep_quality`,
/// `fatigue`, `stress`, `soreness`, `mood`, `motivation`,
/// `appetite`), `planned_rpe` / `felt_rpe` (CR-10), `source` (the
/// device: a change starts a new baseline), `ill`, `injury_pain`. Each
/// marker is rated against the athlete's own baseline of the days before
/// (`options`: windows in days, thresholds in bpm, h and SDs; `mode`
/// `"combined"`, `"kiviniemi"` or `"javaloyes"`). `engine`:
/// `{"form_pct": ..., "systems_not_ready": ...}` from `pmc` and
/// `recovery_state`, when known. `status` is `"go"`, `"not_enough_data"`
/// (with `data_needed` and `decision_possible_from`: what is missing and
/// the first morning a decision is possible), `"go_easy"` or `"rest"`.
/// `score` is 0–100, `confidence` 0–1; each marker's `value`,
/// `baseline` and `band` are in its `unit` (ln rMSSD for HRV, with
/// `value_ms`, `baseline_ms` and `band_ms` in ms; bpm; h; the Hooper
/// sum), and `baseline_is` and `band_is` say in words what the baseline
/// is and what is compared with the band.
///
/// # Python
///
/// `markers` may be a pandas `DataFrame`, one row per day, dated by a
/// `DatetimeIndex` (or a `date` column), with columns named like the
/// fields above: an `rmssd_ms` or `ln_rmssd` column becomes `hrv`, the
/// wellness item columns become `wellness`; an empty cell (NaN, None, NaT)
/// is a marker not recorded that day. An error in a cell also says its
/// `row` (position from 0) and `column`.
///
/// ```python
/// >>> import datetime
/// >>> days = [{"date": datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
/// ...          "hrv": {"value": 60 + i % 5, "index": "rmssd_ms"},
/// ...          "resting_hr_bpm": 48 + i % 3, "sleep_h": 8} for i in range(40)]
/// >>> r = readiness(markers=days)
/// >>> r["date"], r["status"], r["score"], [(m["marker"], m["rating"]) for m in r["markers"]][:3]
/// ('2026-02-09', 'go', 100.0, [('hrv', 'normal'), ('resting_hr', 'normal'), ('sleep', 'normal')])
/// >>> days[-1].update(resting_hr_bpm=57, sleep_h=4.5)   # +8 bpm and a short night
/// >>> r = readiness(markers=days)
/// >>> r["status"], r["majors"], r["score"]
/// ('rest', 2, 50.0)
/// >>> import pandas as pd
/// >>> df = pd.DataFrame({"rmssd_ms": [60.0 + i % 5 for i in range(40)], "sleep_h": 8.0,
/// ...                    "fatigue": [3.0] * 39 + [6.0]},
/// ...                   index=pd.date_range("2026-01-01", periods=40))
/// >>> readiness(markers=df)["markers"][3]["rating"]
/// 'minor'
/// ```
pub fn readiness(r: ReadinessRequest) -> Result<Readiness> {
    check_options(&r.options)?;
    ready::readiness(&r.markers, r.engine.as_ref(), &r.options)
}

/// The options checked, their errors named under `options` (the domain
/// functions name an option by itself).
fn check_options(o: &ready::ReadinessOptions) -> Result<()> {
    o.validate().map_err(|e| e.within("options"))
}

/// Request of [`readiness_baselines`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BaselinesRequest {
    /// Daily markers in date order.
    pub markers: Vec<DayMarkers>,
    /// Windows and thresholds.
    #[serde(default)]
    pub options: ReadinessOptions,
}

/// Response of [`readiness_baselines`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BaselinesResponse {
    /// One entry per marker day.
    pub days: Vec<BaselineDay>,
}

/// Each day's personal baselines (HRV mean and SD, resting HR, Hooper sum), for charts.
///
/// `markers` and `options` as in `readiness` (a DataFrame too).
/// One entry per marker day: `ln_rmssd` (ln ms) and its baseline `hrv`
/// (`mean` and `sd` of ln rMSSD, `days`, the `rolling_mean` and
/// `rolling_cv_pct` in %; the band is `mean ± swc_sd·sd`), the resting
/// HR and its baseline mean and SD (bpm), the Hooper sum (4–28). Baselines
/// are `None` until `min_baseline_days` valid days (14) precede the day.
///
/// # Python
///
/// ```python
/// >>> import datetime
/// >>> days = [{"date": datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
/// ...          "resting_hr_bpm": 48 + i % 3} for i in range(16)]
/// >>> b = readiness_baselines(markers=days)["days"]
/// >>> b[13]["resting_hr_baseline"], round(b[15]["resting_hr_baseline"], 2), b[15]["hrv"]
/// (None, 49.0, None)
/// ```
pub fn readiness_baselines(r: BaselinesRequest) -> Result<BaselinesResponse> {
    check_options(&r.options)?;
    Ok(BaselinesResponse {
        days: ready::baselines(&r.markers, &r.options)?,
    })
}

/// Daily loads given directly.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DatedLoads {
    /// The first day.
    pub start: NaiveDate,
    /// One load per day.
    pub values: Vec<f64>,
}

/// Request of [`warning_signs`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WarningSignsRequest {
    /// Daily markers in date order, today last.
    pub markers: Vec<DayMarkers>,
    /// A training log (its completed sessions give the daily loads, by `method`).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::log::LogDocument>"))]
    pub log: Option<Value>,
    /// Or the daily loads directly.
    #[serde(default)]
    pub loads: Option<DatedLoads>,
    /// Load method for the log (default `session_rpe`).
    #[serde(default)]
    pub method: Option<LoadMethod>,
    /// Performance tests, in date order (higher is better).
    #[serde(default)]
    pub tests: Vec<PerformanceTest>,
    /// Windows and thresholds.
    #[serde(default)]
    pub options: ReadinessOptions,
}

/// Response of [`warning_signs`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WarningSignsResponse {
    /// The signs found (empty: none).
    pub signs: Vec<WarningSign>,
}

/// Warning signs of under-recovery over the last weeks, with evidence and advice.
///
/// Up to the last day of `markers` (as in `readiness`, a DataFrame
/// too). The load-based signs (`high_monotony`, `load_spike`) need the
/// daily loads: a `log` (its completed sessions, by `method`, default
/// `"session_rpe"`) or `loads` `{"start", "values"}` (AU or TSS, one
/// per day; or a pandas `Series` on a `DatetimeIndex`, gaps counting
/// as 0), not both. `tests`: `[{"date", "value"}]` in date order,
/// higher is better (or a `Series` on a `DatetimeIndex`, NaN = no
/// test), for `performance_decline` and `performance_plateau`. Each
/// sign has its `evidence` (dates and values: bpm, ln rMSSD, ratings,
/// test results, ratios) and a `recommendation`.
///
/// # Python
///
/// ```python
/// >>> import datetime
/// >>> days = [{"date": datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
/// ...          "resting_hr_bpm": 48 + i % 3 + max(0, i - 25) * 0.6} for i in range(40)]
/// >>> s = warning_signs(markers=days, loads={"start": "2026-01-01", "values": [60.0] * 40})
/// >>> [x["sign"] for x in s["signs"]]
/// ['resting_hr_rising', 'high_monotony']
/// >>> s["signs"][0]["evidence"][-1]
/// {'date': '2026-02-09', 'value': 56.4}
/// ```
pub fn warning_signs(r: WarningSignsRequest) -> Result<WarningSignsResponse> {
    let tests: Vec<(NaiveDate, f64)> = r.tests.iter().map(|t| (t.date, t.value)).collect();
    let owned: Option<(NaiveDate, Vec<f64>)> = match (r.log, r.loads) {
        (Some(_), Some(_)) => {
            return Err(Error::inconsistent(
                "loads",
                "both",
                "give a log or loads, not both",
            ));
        }
        (Some(log), None) => {
            let (log, athlete, at) = log_with_athlete(log, DuplicatePolicy::Reject, None)?;
            let end = r.markers.last().map(|m| m.date);
            let opts = LoadOptions::with_method(r.method.unwrap_or(LoadMethod::SessionRpe));
            let d = load::daily_loads(
                &log,
                &athlete,
                &opts,
                Include::Completed,
                None,
                end.filter(|e| *e >= log.date_range().0),
            )
            .map_err(|e| at.name(e))?;
            Some((d.series.start, d.series.values))
        }
        (None, Some(l)) => {
            for (i, v) in l.values.iter().enumerate() {
                check_load(*v, || Path::from("loads.values").index(i))?;
            }
            Some((l.start, l.values))
        }
        (None, None) => None,
    };
    let loads = owned.as_ref().map(|(start, values)| ready::Loads {
        start: *start,
        values,
    });
    check_options(&r.options)?;
    Ok(WarningSignsResponse {
        signs: ready::warning_signs(&r.markers, loads, &tests, &r.options)?,
    })
}

/// Request of [`adapt_session`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AdaptSessionRequest {
    /// Today's planned session.
    pub planned: Session,
    /// Daily markers in date order, today last.
    pub markers: Vec<DayMarkers>,
    /// The engine's outputs for today, when known.
    #[serde(default)]
    pub engine: Option<EngineState>,
    /// Readiness options.
    #[serde(default)]
    pub options: ReadinessOptions,
}

/// Response of [`adapt_session`].
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AdaptSessionResponse {
    /// The adapted session and why.
    #[serde(flatten)]
    pub adapted: AdaptedSession,
    /// The readiness it was adapted to.
    pub readiness: Readiness,
}

/// Today's planned session adapted to today's readiness, with the reason.
///
/// `planned`: today's session (durations in s, distances in m);
/// `markers`, `engine` and `options` as in `readiness` (a
/// DataFrame too). `action` is `"as_planned"`, `"easy_run"` (at most
/// 45 min), `"cross_training"`, `"mobility"` or `"rest"`; `session`
/// is the session to do, `reason` says why and `readiness` is the
/// readiness it followed.
///
/// # Python
///
/// ```python
/// >>> import datetime
/// >>> days = [{"date": datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
/// ...          "resting_hr_bpm": 48 + i % 3, "sleep_h": 8} for i in range(40)]
/// >>> days[-1].update(resting_hr_bpm=57)   # +8 bpm: one major marker, go easy
/// >>> a = adapt_session(markers=days, planned={"date": "2026-02-09", "kind": "intervals",
/// ...                                          "duration_s": 3600, "rpe": 8, "status": "planned"})
/// >>> a["readiness"]["status"], a["action"], a["session"]["kind"], a["session"]["duration_s"]
/// ('go_easy', 'easy_run', 'easy', 2700.0)
/// ```
pub fn adapt_session(r: AdaptSessionRequest) -> Result<AdaptSessionResponse> {
    check_options(&r.options)?;
    let readiness = ready::readiness(&r.markers, r.engine.as_ref(), &r.options)?;
    let today = r
        .markers
        .last()
        .ok_or_else(|| Error::empty("markers", "at least today's markers"))?;
    let adapted =
        ready::adapt_session_with(&r.planned, &readiness, today, r.options.on_not_enough_data)?;
    Ok(AdaptSessionResponse { adapted, readiness })
}
