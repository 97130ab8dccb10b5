//! Daily markers against personal baselines, the readiness decision
//! ("when several markers slip, scale back"), and warning signs over weeks.
//!
//! Markers (any subset per day): HRV as rMSSD (ms or ln), resting HR, sleep,
//! wellness items on a 1–7 scale (Hooper & Mackinnon 1995: sleep quality,
//! fatigue, stress, muscle soreness; plus mood, motivation, appetite), and a
//! session that felt harder than planned. Each is compared with the athlete's
//! own rolling baseline (the days before, never the day itself):
//!
//! | marker | minor | major | source |
//! | --- | --- | --- | --- |
//! | HRV (ln rMSSD) | a single morning below baseline − 1 SD | the 7-day mean below the SWC band (baseline ± 0.5 SD), or a low morning repeated or with a resting-HR flag | Vesterinen 2016; Javaloyes 2019; Plews |
//! | resting HR | ≥ 3 bpm and ≥ 1 SD above baseline | ≥ 5 bpm and ≥ 2 SD, or a minor flag 2 days running | coaching convention \[conv\] |
//! | sleep | < 7 h | < 5 h | National Sleep Foundation 2015 (7–9 h) |
//! | wellness | 1–2 items ≥ 1 SD worse than baseline | ≥ 3 items, or the Hooper sum flagged more than 7 days running | Hooper & Mackinnon 1995 |
//! | session felt harder | felt RPE ≥ planned + 2 | — | the seeds |
//!
//! **Decision** (the combination is an assumption; each threshold is cited):
//! two or more majors → `rest`; one major or two minors → `go_easy`;
//! otherwise `go`. One slipping marker is a note, several are a reason to
//! scale back. Score = 100 − 25 per major − 10 per minor (at least 0).
//! Confidence falls when markers are missing or baselines are young.
//!
//! ```
//! use runrecovery_core::readiness::{DayMarkers, ReadinessOptions, readiness};
//! let mut days: Vec<DayMarkers> = (0..30).map(|i| {
//!     let mut m = DayMarkers::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + chrono::Days::new(i));
//!     m.resting_hr_bpm = Some(50.0 + (i % 3) as f64);
//!     m.sleep_h = Some(8.0);
//!     m
//! }).collect();
//! let today = days.len() - 1;
//! days[today].resting_hr_bpm = Some(58.0); // +7 bpm
//! let r = readiness(&days, None, &ReadinessOptions::default()).unwrap();
//! assert_eq!(r.status.name(), "go_easy"); // one major marker
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Path, Result, check};
use crate::session::{Modality, Session, SessionKind};

/// Which HRV index a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HrvIndex {
    /// rMSSD in milliseconds.
    RmssdMs,
    /// The natural log of rMSSD in milliseconds.
    LnRmssd,
    /// SDNN in milliseconds: a different quantity, rejected rather than mixed in.
    SdnnMs,
}

/// A morning HRV reading.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Hrv {
    /// The value, in the index's unit.
    pub value: f64,
    /// Which index it is.
    pub index: HrvIndex,
}

/// Wellness items on a 1–7 scale; the direction is set by [`WellnessScale`].
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Wellness {
    /// Sleep quality (Hooper).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sleep_quality: Option<f64>,
    /// Fatigue (Hooper).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fatigue: Option<f64>,
    /// Stress (Hooper).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stress: Option<f64>,
    /// Muscle soreness (Hooper).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soreness: Option<f64>,
    /// Mood.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mood: Option<f64>,
    /// Motivation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motivation: Option<f64>,
    /// Appetite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appetite: Option<f64>,
}

/// The wellness items, in order.
pub const WELLNESS_ITEMS: [&str; 7] = [
    "sleep_quality",
    "fatigue",
    "stress",
    "soreness",
    "mood",
    "motivation",
    "appetite",
];

impl Wellness {
    fn items(&self) -> [Option<f64>; 7] {
        [
            self.sleep_quality,
            self.fatigue,
            self.stress,
            self.soreness,
            self.mood,
            self.motivation,
            self.appetite,
        ]
    }

    /// The Hooper index: sleep quality + fatigue + stress + soreness (4–28), when all four are given.
    pub fn hooper(&self) -> Option<f64> {
        Some(self.sleep_quality? + self.fatigue? + self.stress? + self.soreness?)
    }
}

/// One day's markers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DayMarkers {
    /// The day.
    pub date: NaiveDate,
    /// Morning HRV.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hrv: Option<Hrv>,
    /// Morning resting heart rate, bpm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resting_hr_bpm: Option<f64>,
    /// Device or method of the HRV and resting-HR measurements; a change starts a new baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Last night's sleep, h.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sleep_h: Option<f64>,
    /// Wellness ratings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wellness: Option<Wellness>,
    /// The RPE yesterday's (or today's) session was planned at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_rpe: Option<f64>,
    /// The RPE it was felt at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub felt_rpe: Option<f64>,
    /// Ill today (forces rest).
    #[serde(default)]
    pub ill: bool,
    /// Pain that may be an injury (forces rest from running).
    #[serde(default)]
    pub injury_pain: bool,
}

impl DayMarkers {
    /// A day with no markers.
    pub fn new(date: NaiveDate) -> Self {
        DayMarkers {
            date,
            hrv: None,
            resting_hr_bpm: None,
            source: None,
            sleep_h: None,
            wellness: None,
            planned_rpe: None,
            felt_rpe: None,
            ill: false,
            injury_pain: false,
        }
    }

    /// ln rMSSD of the day's HRV, whatever unit it came in.
    pub fn ln_rmssd(&self) -> Option<f64> {
        self.hrv.map(|h| match h.index {
            HrvIndex::RmssdMs => h.value.ln(),
            _ => h.value,
        })
    }

    /// Checks every value.
    ///
    /// # Errors
    /// `out_of_range`, `not_finite`, or `inconsistent` for SDNN.
    pub fn validate(&self) -> Result<()> {
        check::date("date", self.date)?;
        if let Some(h) = self.hrv {
            match h.index {
                HrvIndex::RmssdMs => {
                    check::in_range("hrv.value", h.value, 1.0, 300.0, "ms (rMSSD)")?
                }
                HrvIndex::LnRmssd => {
                    check::in_range("hrv.value", h.value, 0.0, 5.71, "ln ms (ln rMSSD)")?
                }
                HrvIndex::SdnnMs => {
                    return Err(Error::inconsistent(
                        "hrv.index",
                        "sdnn_ms",
                        "readiness uses rMSSD; SDNN is a different quantity and is not mixed in",
                    ));
                }
            };
        }
        check::opt_in_range("resting_hr_bpm", self.resting_hr_bpm, 25.0, 120.0, "bpm")?;
        check::opt_in_range("sleep_h", self.sleep_h, 0.0, 24.0, "h")?;
        if let Some(w) = &self.wellness {
            for (name, v) in WELLNESS_ITEMS.iter().zip(w.items()) {
                check::opt_in_range(
                    Path::from("wellness").key(*name),
                    v,
                    1.0,
                    7.0,
                    "(1–7 scale)",
                )?;
            }
        }
        check::opt_in_range("planned_rpe", self.planned_rpe, 0.0, 10.0, "(CR-10)")?;
        check::opt_in_range("felt_rpe", self.felt_rpe, 0.0, 10.0, "(CR-10)")?;
        Ok(())
    }
}

/// The direction of the wellness scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WellnessScale {
    /// 1 = best, 7 = worst (Hooper & Mackinnon). Default.
    #[default]
    LowerIsBetter,
    /// 7 = best (McLean, Gastin).
    HigherIsBetter,
}

/// What HRV above the band means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HrvAboveBand {
    /// A note only (ambiguous: adaptation or saturation). Default.
    #[default]
    Note,
    /// A minor flag (Le Meur 2013: saturation in overreached athletes).
    Minor,
}

/// The decision procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReadinessMode {
    /// Every marker rated minor/major and combined (SCIENCE.md §7). Default.
    #[default]
    Combined,
    /// Kiviniemi 2007: HRV only; reference = 10-day mean − 1 SD; below it, or falling two days running → easy or rest.
    Kiviniemi,
    /// Vesterinen 2016 / Javaloyes 2019: HRV only; the 7-day ln rMSSD mean outside baseline ± 0.5 SD → easy.
    Javaloyes,
}

/// Baseline windows and thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct ReadinessOptions {
    /// The decision procedure.
    pub mode: ReadinessMode,
    /// HRV and resting-HR baseline window, days (60).
    pub baseline_days: usize,
    /// Wellness baseline window, days (28).
    pub wellness_baseline_days: usize,
    /// Valid days before a baseline exists (14).
    pub min_baseline_days: usize,
    /// Rolling window for the HRV mean, days (7).
    pub rolling_days: usize,
    /// Valid days needed in the rolling window (3, Plews).
    pub min_rolling_days: usize,
    /// Smallest worthwhile change, in baseline SDs (0.5).
    pub swc_sd: f64,
    /// What HRV above the band means.
    pub hrv_above_band: HrvAboveBand,
    /// Resting HR: minor flag above baseline, bpm (3).
    pub rhr_minor_bpm: f64,
    /// Resting HR: major flag above baseline, bpm (5).
    pub rhr_major_bpm: f64,
    /// Sleep: minor below, h (7).
    pub sleep_minor_h: f64,
    /// Sleep: major below, h (5).
    pub sleep_major_h: f64,
    /// Wellness: an item is flagged at this many SDs worse than its baseline (1).
    pub wellness_z: f64,
    /// Wellness scale direction.
    pub wellness_scale: WellnessScale,
    /// Felt RPE this much above planned is flagged (2).
    pub felt_harder_rpe: f64,
    /// What [`adapt_session`] does with a hard session on a `not_enough_data` day.
    pub on_not_enough_data: OnNotEnoughData,
}

impl Default for ReadinessOptions {
    fn default() -> Self {
        ReadinessOptions {
            mode: ReadinessMode::Combined,
            baseline_days: 60,
            wellness_baseline_days: 28,
            min_baseline_days: 14,
            rolling_days: 7,
            min_rolling_days: 3,
            swc_sd: 0.5,
            hrv_above_band: HrvAboveBand::Note,
            rhr_minor_bpm: 3.0,
            rhr_major_bpm: 5.0,
            sleep_minor_h: 7.0,
            sleep_major_h: 5.0,
            wellness_z: 1.0,
            wellness_scale: WellnessScale::LowerIsBetter,
            felt_harder_rpe: 2.0,
            on_not_enough_data: OnNotEnoughData::GoEasy,
        }
    }
}

impl ReadinessOptions {
    /// Checks every option; errors name the option itself (`swc_sd`), and
    /// the operations place them under `options`.
    pub(crate) fn validate(&self) -> Result<()> {
        check::in_range(
            "baseline_days",
            self.baseline_days as f64,
            7.0,
            365.0,
            "days",
        )?;
        check::in_range(
            "wellness_baseline_days",
            self.wellness_baseline_days as f64,
            7.0,
            365.0,
            "days",
        )?;
        check::in_range(
            "min_baseline_days",
            self.min_baseline_days as f64,
            3.0,
            365.0,
            "days",
        )?;
        check::in_range("rolling_days", self.rolling_days as f64, 1.0, 28.0, "days")?;
        check::in_range(
            "min_rolling_days",
            self.min_rolling_days as f64,
            1.0,
            self.rolling_days as f64,
            "days",
        )?;
        check::in_range("swc_sd", self.swc_sd, 0.0, 3.0, "SD")?;
        check::in_range("rhr_minor_bpm", self.rhr_minor_bpm, 0.0, 30.0, "bpm")?;
        check::in_range(
            "rhr_major_bpm",
            self.rhr_major_bpm,
            self.rhr_minor_bpm,
            40.0,
            "bpm",
        )?;
        check::in_range("sleep_minor_h", self.sleep_minor_h, 0.0, 14.0, "h")?;
        check::in_range(
            "sleep_major_h",
            self.sleep_major_h,
            0.0,
            self.sleep_minor_h,
            "h",
        )?;
        check::in_range("wellness_z", self.wellness_z, 0.0, 5.0, "SD")?;
        check::in_range("felt_harder_rpe", self.felt_harder_rpe, 0.0, 10.0, "")?;
        Ok(())
    }
}

/// How much a marker slipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// No value today.
    Missing,
    /// A value, but too few days for a baseline: nothing is claimed.
    NotEnoughData,
    /// Within its normal range.
    Normal,
    /// Worth a mention, not a reason to change training.
    Note,
    /// Slipped a little.
    Minor,
    /// Slipped clearly.
    Major,
}

/// One marker's verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MarkerFinding {
    /// `hrv`, `resting_hr`, `sleep`, `wellness`, `session_rpe`, `form`, `body_systems`, `illness`, `injury`.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::MarkerName"))]
    pub marker: String,
    /// The rating.
    pub rating: Rating,
    /// Today's value, in `unit` (ln rMSSD for HRV, with `value_ms`; bpm; h;
    /// the Hooper sum for wellness; the felt RPE; % of fitness; systems).
    pub value: Option<f64>,
    /// The baseline it was compared with, in `unit` (what it is: `baseline_is`).
    pub baseline: Option<f64>,
    /// The band or thresholds, where there are any: [low, high], in `unit`
    /// (what they are and what is compared with them: `band_is`).
    pub band: Option<[f64; 2]>,
    /// Why it counts, in words.
    pub reason: String,
    /// The unit of `value`, `baseline` and `band`.
    #[serde(default)]
    pub unit: String,
    /// What `baseline` is, in words.
    #[serde(default)]
    pub baseline_is: Option<String>,
    /// What `band` is, and which value is compared with it, in words.
    #[serde(default)]
    pub band_is: Option<String>,
    /// HRV: `value` as rMSSD in ms (e^ln rMSSD), the unit it is entered in.
    #[serde(default)]
    pub value_ms: Option<f64>,
    /// HRV: `baseline` in ms (e^mean ln rMSSD, the geometric mean).
    #[serde(default)]
    pub baseline_ms: Option<f64>,
    /// HRV: `band` in ms.
    #[serde(default)]
    pub band_ms: Option<[f64; 2]>,
}

impl MarkerFinding {
    /// What the baseline and the band are, in words.
    fn described(mut self, baseline_is: Option<String>, band_is: Option<String>) -> Self {
        self.baseline_is = baseline_is;
        self.band_is = band_is;
        self
    }
}

/// A marker's name as a runner reads it: "HRV", "resting HR".
fn display_name(marker: &str) -> &str {
    match marker {
        "hrv" => "HRV",
        "resting_hr" => "resting HR",
        "session_rpe" => "session RPE",
        "body_systems" => "body systems",
        other => other,
    }
}

/// "a", "a and b", "a, b and c" (`and` or `or`).
fn join_words(words: &[&str], conj: &str) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} {conj} {last}", rest.join(", ")),
    }
}

/// The unit of a marker's value, baseline and band.
fn unit_of(marker: &str) -> &'static str {
    match marker {
        "hrv" => "ln ms (ln rMSSD)",
        "resting_hr" => "bpm",
        "sleep" => "h",
        "wellness" => "Hooper sum (4–28)",
        "session_rpe" => "RPE (CR-10)",
        "form" => "% of fitness",
        "body_systems" => "systems",
        _ => "",
    }
}

/// An ln rMSSD value in ms with the ln alongside: "63.0 ms (ln 4.14)".
fn ms(ln: f64) -> String {
    format!("{:.1} ms (ln {ln:.2})", ln.exp())
}

/// An ln rMSSD band in ms with the ln alongside: "61.2–62.6 ms (ln 4.11–4.14)".
fn ms_band(b: [f64; 2]) -> String {
    format!(
        "{:.1}–{:.1} ms (ln {:.2}–{:.2})",
        b[0].exp(),
        b[1].exp(),
        b[0],
        b[1]
    )
}

/// The day's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", schemars(rename = "ReadinessStatus"))]
pub enum Status {
    /// Train as planned: every marker the decision rule reads was judged, none slipped enough.
    Go,
    /// Too few valid readings in a window, or a baseline too young, to say go:
    /// what is missing and when a decision becomes possible are in
    /// [`Readiness::data_needed`] and [`Readiness::decision_possible_from`].
    /// No hard session by default ([`OnNotEnoughData`]).
    NotEnoughData,
    /// Scale back: easy running or cross-training instead of hard work.
    GoEasy,
    /// Rest (or only gentle active recovery).
    Rest,
}

impl Status {
    /// The snake_case name.
    pub fn name(self) -> &'static str {
        match self {
            Status::Go => "go",
            Status::NotEnoughData => "not_enough_data",
            Status::GoEasy => "go_easy",
            Status::Rest => "rest",
        }
    }
}

/// What [`adapt_session`] does with a hard session on a `not_enough_data` day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OnNotEnoughData {
    /// As on a `go_easy` day: the hard session becomes easy. Default: an
    /// unknown state is not evidence of readiness.
    #[default]
    GoEasy,
    /// Train as planned: the athlete accepts training without a verdict.
    AsPlanned,
}

/// A count of valid readings that a judgement needs and does not have yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DataNeeded {
    /// `hrv`, `resting_hr` or `wellness`.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::MarkerName"))]
    pub marker: String,
    /// The window the readings are counted in, days.
    pub window_days: usize,
    /// Valid readings in it today.
    pub valid_days: usize,
    /// Valid readings it needs.
    pub days_needed: usize,
    /// The first morning the count is met with a reading every morning from
    /// tomorrow (`None`: never, with these options).
    pub possible_from: Option<NaiveDate>,
    /// What is missing, in words.
    pub reason: String,
}

/// Outputs of the fitness-fatigue engine that join the decision, when given.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct EngineState {
    /// Form as % of fitness (TSB / CTL × 100); below −30 % is a minor flag.
    pub form_pct: Option<f64>,
    /// Body systems still above the ready threshold (from `recovery_state`); 2 or more is a minor flag.
    pub systems_not_ready: Option<u32>,
}

/// Today's readiness.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Readiness {
    /// The day (the last in the markers).
    pub date: NaiveDate,
    /// Go, go easy, or rest.
    pub status: Status,
    /// 0–100.
    pub score: f64,
    /// 0–1: how much of the picture is known (markers present × baseline maturity).
    pub confidence: f64,
    /// Every marker's verdict.
    pub markers: Vec<MarkerFinding>,
    /// Counts.
    pub majors: usize,
    /// Counts.
    pub minors: usize,
    /// The decision in words.
    pub summary: String,
    /// What the decision's inputs that could not be judged still need (empty
    /// when every input with a reading today was judged).
    pub data_needed: Vec<DataNeeded>,
    /// For `not_enough_data`: the first morning a decision becomes possible
    /// with a reading every morning from tomorrow (`None` otherwise, or never
    /// with these options).
    pub decision_possible_from: Option<NaiveDate>,
}

/// Mean and sample SD.
fn mean_sd(v: &[f64]) -> Option<(f64, f64)> {
    if v.len() < 2 {
        return None;
    }
    let m = v.iter().sum::<f64>() / v.len() as f64;
    let sd = (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1) as f64).sqrt();
    Some((m, sd))
}

/// Validates the series: every day valid, dates strictly increasing.
///
/// # Errors
/// `empty`; the markers' errors with `markers[i]`; `unsorted_dates`; `duplicate_date`.
pub fn validate_markers(days: &[DayMarkers]) -> Result<()> {
    if days.is_empty() {
        return Err(Error::empty("markers", "at least today's markers"));
    }
    for (i, d) in days.iter().enumerate() {
        d.validate()
            .map_err(|e| e.within(Path::from("markers").index(i)))?;
        if i > 0 {
            let prev = days[i - 1].date;
            if d.date == prev {
                return Err(Error::DuplicateDate {
                    field: Path::from("markers").index(i).key("date"),
                    value: d.date.to_string(),
                });
            }
            if d.date < prev {
                return Err(Error::UnsortedDates {
                    field: Path::from("markers").index(i).key("date"),
                    value: d.date.to_string(),
                    previous: prev.to_string(),
                });
            }
        }
    }
    Ok(())
}

/// Values of one marker in the `window` days before day `i`, from the same source as day `i`.
fn baseline<F: Fn(&DayMarkers) -> Option<f64>>(
    days: &[DayMarkers],
    i: usize,
    window: usize,
    f: F,
    same_source: bool,
) -> Vec<f64> {
    let today = days[i].date;
    let from = today - chrono::Days::new(window as u64);
    days[..i]
        .iter()
        .rev()
        .take_while(|d| d.date >= from)
        .take_while(|d| !same_source || d.source == days[i].source)
        .filter_map(&f)
        .collect()
}

/// Mean and SD of one marker over the `window` days ending on `end`, from
/// day `j`'s device (when `same_source`), if `min_days` are valid.
fn window_stats<F: Fn(&DayMarkers) -> Option<f64>>(
    days: &[DayMarkers],
    j: usize,
    end: NaiveDate,
    window: usize,
    f: &F,
    same_source: bool,
    min_days: usize,
) -> Option<(f64, f64)> {
    let start = end - chrono::Days::new(window.saturating_sub(1) as u64);
    let v: Vec<f64> = (0..=j)
        .rev()
        .take_while(|&k| days[k].date >= start)
        .take_while(|&k| !same_source || days[k].source == days[j].source)
        .filter(|&k| days[k].date <= end)
        .filter_map(|k| f(&days[k]))
        .collect();
    if v.len() < min_days {
        return None;
    }
    mean_sd(&v)
}

/// The windows of [`episode_reference`].
#[derive(Debug, Clone, Copy)]
struct EpisodeWindows {
    /// Days under test, up to the day judged.
    tested: usize,
    /// Days of the reference before them.
    window: usize,
    /// Only the judged day's device counts.
    same_source: bool,
    /// Valid days the reference needs.
    min_days: usize,
}

/// The reference a sustained change is judged against on day `i`, and
/// whether the change is there: `(mean, sd, last day of the reference,
/// changed)`.
///
/// A baseline that includes the days under test absorbs a change that lasts:
/// its mean moves towards them and its SD widens, and after two or three
/// weeks raised resting HR looks normal. So the reference is the
/// `window` days that end before the `tested` days (as the uncoupled
/// acute:chronic ratio keeps the acute week out of the chronic one, Lolli
/// 2019; as Vesterinen 2016 and Javaloyes 2019 judge the 7-day mean against a
/// baseline taken before it), and while the change lasts it stays where it
/// was on the first day of the change, for at most `window` days more, so
/// the episode cannot become its own reference. `changed(j, mean, sd)` is
/// the marker's test on day `j`.
fn episode_reference<F, C>(
    days: &[DayMarkers],
    i: usize,
    f: F,
    w: EpisodeWindows,
    changed: C,
) -> Option<(f64, f64, NaiveDate, bool)>
where
    F: Fn(&DayMarkers) -> Option<f64>,
    C: Fn(usize, f64, f64) -> bool,
{
    let EpisodeWindows {
        tested,
        window,
        same_source,
        min_days,
    } = w;
    let mut frozen: Option<NaiveDate> = None;
    // Only the days that can reach day i's reference matter.
    let horizon = days[i].date - chrono::Days::new((2 * window + tested) as u64);
    let first = days.iter().position(|d| d.date >= horizon).unwrap_or(i);
    for j in first..=i {
        let natural = days[j].date - chrono::Days::new(tested as u64);
        let end = match frozen {
            Some(e) if (natural - e).num_days() <= window as i64 => e,
            _ => natural,
        };
        let stats = window_stats(days, j, end, window, &f, same_source, min_days);
        let hit = stats.is_some_and(|(m, sd)| changed(j, m, sd));
        if j == i {
            return stats.map(|(m, sd)| (m, sd, end, hit));
        }
        frozen = hit.then_some(end);
    }
    None
}

/// The mean of one marker over the `n` days up to day `j` (same device), if
/// `min_days` are valid.
fn recent_mean<F: Fn(&DayMarkers) -> Option<f64>>(
    days: &[DayMarkers],
    j: usize,
    n: usize,
    f: &F,
    min_days: usize,
) -> Option<f64> {
    let from = days[j].date - chrono::Days::new(n.saturating_sub(1) as u64);
    let v: Vec<f64> = (0..=j)
        .rev()
        .take_while(|&k| days[k].date >= from && days[k].source == days[j].source)
        .filter_map(|k| f(&days[k]))
        .collect();
    (v.len() >= min_days.max(1)).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// A sustained change of the `rolling_days` mean: `(mean of the window,
/// reference mean, reference SD, last day of the reference)` when
/// `changed(window mean, reference mean, sd)` holds today.
fn sustained<F, C>(
    days: &[DayMarkers],
    i: usize,
    f: F,
    changed: C,
    o: &ReadinessOptions,
) -> Option<(f64, f64, f64, NaiveDate)>
where
    F: Fn(&DayMarkers) -> Option<f64>,
    C: Fn(f64, f64, f64) -> bool,
{
    let week = |j: usize| recent_mean(days, j, o.rolling_days, &f, o.min_rolling_days);
    let (m, sd, end, hit) = episode_reference(
        days,
        i,
        &f,
        EpisodeWindows {
            tested: o.rolling_days,
            window: o.baseline_days,
            same_source: true,
            min_days: o.min_baseline_days,
        },
        |j, m, sd| week(j).is_some_and(|r| changed(r, m, sd)),
    )?;
    hit.then(|| (week(i).unwrap_or(m), m, sd, end))
}

/// A reading a judgement counts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reading {
    /// ln rMSSD.
    Hrv,
    /// Resting HR.
    RestingHr,
    /// One wellness item (index into [`WELLNESS_ITEMS`]).
    Wellness(usize),
}

impl Reading {
    fn of(self, d: &DayMarkers) -> Option<f64> {
        match self {
            Reading::Hrv => d.ln_rmssd(),
            Reading::RestingHr => d.resting_hr_bpm,
            Reading::Wellness(k) => d.wellness.and_then(|w| w.items()[k]),
        }
    }

    fn marker(self) -> &'static str {
        match self {
            Reading::Hrv => "hrv",
            Reading::RestingHr => "resting_hr",
            Reading::Wellness(_) => "wellness",
        }
    }
}

/// What a window holds: this morning's reading, the baseline before it, or a
/// rolling window that includes it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Window {
    /// This morning only.
    Today,
    /// The `days` before the morning (the baseline; the day itself excluded).
    Before(usize),
    /// The `days` up to and including the morning (the rolling mean).
    UpTo(usize),
}

/// A count of valid readings a judgement needs: the same count the judgement
/// itself makes, so "not enough data" and [`DataNeeded`] cannot disagree.
#[derive(Debug, Clone, Copy)]
struct Need {
    reading: Reading,
    window: Window,
    /// Only readings from the day's own device (`source`) count.
    same_source: bool,
    needed: usize,
}

/// Mornings searched ahead for [`Need::possible_from`].
const MAX_DAYS_AHEAD: usize = 366;

impl Need {
    fn window_days(self) -> usize {
        match self.window {
            Window::Today => 1,
            Window::Before(n) | Window::UpTo(n) => n,
        }
    }

    /// Valid readings in the window of the morning `ahead` days after day
    /// `i`, with a reading (from day `i`'s device) every morning after day `i`.
    fn count(self, days: &[DayMarkers], i: usize, ahead: usize) -> usize {
        let d = days[i].date + chrono::Days::new(ahead as u64);
        let (oldest, with_day) = match self.window {
            Window::Today => (d, true),
            Window::Before(n) => (d - chrono::Days::new(n as u64), false),
            Window::UpTo(n) => (d - chrono::Days::new(n.saturating_sub(1) as u64), true),
        };
        let past = if ahead == 0 && !with_day {
            &days[..i]
        } else {
            &days[..=i]
        };
        let recorded = past
            .iter()
            .rev()
            .take_while(|x| x.date >= oldest)
            .take_while(|x| !self.same_source || x.source == days[i].source)
            .filter(|x| self.reading.of(x).is_some())
            .count();
        let future = if with_day {
            ahead
        } else {
            ahead.saturating_sub(1)
        };
        recorded + future.min(self.window_days())
    }

    fn met(self, days: &[DayMarkers], i: usize) -> bool {
        self.count(days, i, 0) >= self.needed
    }

    /// The first morning after day `i` the count is met, measuring every morning.
    fn possible_from(self, days: &[DayMarkers], i: usize) -> Option<NaiveDate> {
        (1..=MAX_DAYS_AHEAD)
            .find(|&k| self.count(days, i, k) >= self.needed)
            .map(|k| days[i].date + chrono::Days::new(k as u64))
    }

    fn data_needed(self, days: &[DayMarkers], i: usize) -> DataNeeded {
        let have = self.count(days, i, 0);
        let what = match self.reading {
            Reading::Hrv => "HRV",
            Reading::RestingHr => "resting HR",
            Reading::Wellness(_) => "wellness",
        };
        let unit = match self.reading {
            Reading::Wellness(_) => "rated day",
            _ => "valid morning",
        };
        let device = if self.same_source {
            ", same device"
        } else {
            ""
        };
        let reason = match self.window {
            Window::Today => format!("no {what} reading this morning"),
            Window::Before(n) => format!(
                "{what}: {} in the {n}-day baseline before today{device}; {} needed",
                count_of(have, unit),
                self.needed
            ),
            Window::UpTo(n) => format!(
                "{what}: {} in the last {}{device}; {} needed for the {n}-day mean",
                count_of(have, unit),
                count_of(n, "day"),
                self.needed
            ),
        };
        DataNeeded {
            marker: self.reading.marker().into(),
            window_days: self.window_days(),
            valid_days: have,
            days_needed: self.needed,
            possible_from: self.possible_from(days, i),
            reason,
        }
    }
}

/// `n` and the noun, singular or plural: "1 valid morning", "3 valid mornings".
pub(crate) fn count_of(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Days of the Kiviniemi reference window (Kiviniemi 2007: the 10-day mean − 1 SD).
const KIVINIEMI_DAYS: usize = 10;

/// The counts behind an HRV judgement in `mode`: this morning's reading (not
/// for the 7-day-mean rule of Vesterinen/Javaloyes), the baseline, and the
/// window under test (the 7-day mean, or Kiviniemi's 10 days).
fn hrv_needs(o: &ReadinessOptions) -> Vec<Need> {
    let need = |window, needed| Need {
        reading: Reading::Hrv,
        window,
        same_source: true,
        needed,
    };
    let base = need(Window::Before(o.baseline_days), o.min_baseline_days);
    match o.mode {
        ReadinessMode::Combined => vec![
            need(Window::Today, 1),
            base,
            need(Window::UpTo(o.rolling_days), o.min_rolling_days),
        ],
        ReadinessMode::Kiviniemi => vec![
            need(Window::Today, 1),
            base,
            need(
                Window::Before(KIVINIEMI_DAYS),
                o.min_rolling_days.clamp(2, KIVINIEMI_DAYS),
            ),
        ],
        ReadinessMode::Javaloyes => {
            vec![base, need(Window::UpTo(o.rolling_days), o.min_rolling_days)]
        }
    }
}

/// The counts behind a resting-HR judgement.
fn resting_hr_needs(o: &ReadinessOptions) -> Vec<Need> {
    let need = |window, needed| Need {
        reading: Reading::RestingHr,
        window,
        same_source: true,
        needed,
    };
    vec![
        need(Window::Today, 1),
        need(Window::Before(o.baseline_days), o.min_baseline_days),
    ]
}

/// What a marker still needs: its unmet counts.
fn unmet(days: &[DayMarkers], i: usize, marker: &str, o: &ReadinessOptions) -> Vec<DataNeeded> {
    needs_of(days, i, marker, o)
        .into_iter()
        .filter(|n| !n.met(days, i))
        .map(|n| n.data_needed(days, i))
        .collect()
}

/// The first morning after day `i` on which every count of `marker` is met,
/// with a reading every morning from tomorrow. A count met today may not be
/// tomorrow (old readings leave the window), so all of them are checked;
/// from tomorrow on each count only grows.
fn ready_on(
    days: &[DayMarkers],
    i: usize,
    marker: &str,
    o: &ReadinessOptions,
) -> Option<NaiveDate> {
    let needs = needs_of(days, i, marker, o);
    needs
        .iter()
        .map(|n| n.possible_from(days, i))
        .try_fold(days[i].date, |a, d| d.map(|d| a.max(d)))
}

/// The counts behind `marker`'s judgement. Wellness is judged once any item
/// rated today (any item, when none is) has a mature baseline, so it counts
/// the item nearest to one.
fn needs_of(days: &[DayMarkers], i: usize, marker: &str, o: &ReadinessOptions) -> Vec<Need> {
    match marker {
        "hrv" => hrv_needs(o),
        "resting_hr" => resting_hr_needs(o),
        "wellness" => {
            let today = days[i].wellness.map(|w| w.items());
            let rated: Vec<usize> = (0..WELLNESS_ITEMS.len())
                .filter(|&k| today.is_none_or(|t| t[k].is_some()))
                .collect();
            let base = |k| Need {
                reading: Reading::Wellness(k),
                window: Window::Before(o.wellness_baseline_days),
                same_source: false,
                needed: o.min_baseline_days,
            };
            let nearest = rated
                .into_iter()
                .map(base)
                .max_by_key(|n| n.count(days, i, 0))
                .unwrap_or(base(0));
            let mut v = Vec::new();
            if today.is_none() {
                v.push(Need {
                    window: Window::Today,
                    needed: 1,
                    ..nearest
                });
            }
            v.push(nearest);
            v
        }
        _ => Vec::new(),
    }
}

/// The HRV baseline of day `i`: ln rMSSD mean and SD of the baseline window, and the rolling mean.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HrvBaseline {
    /// Mean ln rMSSD of the baseline window.
    pub mean: f64,
    /// Its SD.
    pub sd: f64,
    /// Valid days in the window.
    pub days: usize,
    /// The rolling mean of ln rMSSD (`rolling_days`, today included), if enough days.
    pub rolling_mean: Option<f64>,
    /// Coefficient of variation of ln rMSSD over the rolling window, %.
    pub rolling_cv_pct: Option<f64>,
}

fn hrv_baseline(days: &[DayMarkers], i: usize, o: &ReadinessOptions) -> Option<HrvBaseline> {
    let base = baseline(days, i, o.baseline_days, DayMarkers::ln_rmssd, true);
    if base.len() < o.min_baseline_days {
        return None;
    }
    let (mean, sd) = mean_sd(&base)?;
    let mut recent: Vec<f64> = baseline(days, i, o.rolling_days - 1, DayMarkers::ln_rmssd, true);
    if let Some(v) = days[i].ln_rmssd() {
        recent.push(v);
    }
    let rolling = (recent.len() >= o.min_rolling_days)
        .then(|| mean_sd(&recent).map(|(m, s)| (m, s / m * 100.0)));
    Some(HrvBaseline {
        mean,
        sd,
        days: base.len(),
        rolling_mean: rolling
            .flatten()
            .map(|r| r.0)
            .or_else(|| (recent.len() >= o.min_rolling_days).then(|| recent[0])),
        rolling_cv_pct: rolling.flatten().map(|r| r.1),
    })
}

fn finding(
    marker: &str,
    rating: Rating,
    value: Option<f64>,
    baseline: Option<f64>,
    band: Option<[f64; 2]>,
    reason: String,
) -> MarkerFinding {
    let hrv = marker == "hrv";
    MarkerFinding {
        marker: marker.into(),
        rating,
        value,
        baseline,
        band,
        reason,
        unit: unit_of(marker).into(),
        baseline_is: None,
        band_is: None,
        value_ms: value.filter(|_| hrv).map(f64::exp),
        baseline_ms: baseline.filter(|_| hrv).map(f64::exp),
        band_ms: band.filter(|_| hrv).map(|b| [b[0].exp(), b[1].exp()]),
    }
}

/// A resting-HR flag on day `i` against its own baseline: (rating, baseline mean, sd).
fn rhr_flag(days: &[DayMarkers], i: usize, o: &ReadinessOptions) -> Option<(Rating, f64, f64)> {
    let v = days[i].resting_hr_bpm?;
    let base = baseline(days, i, o.baseline_days, |d| d.resting_hr_bpm, true);
    if base.len() < o.min_baseline_days {
        return Some((Rating::NotEnoughData, f64::NAN, f64::NAN));
    }
    let (m, sd) = mean_sd(&base)?;
    let up = v - m;
    let rating = if up >= o.rhr_major_bpm && up >= 2.0 * sd {
        Rating::Major
    } else if up >= o.rhr_minor_bpm && up >= sd {
        Rating::Minor
    } else {
        Rating::Normal
    };
    Some((rating, m, sd))
}

/// Wellness items flagged on day `i` (worse than baseline by `wellness_z` SDs), and the Hooper z-score.
fn wellness_flags(
    days: &[DayMarkers],
    i: usize,
    o: &ReadinessOptions,
) -> Option<(Vec<&'static str>, Option<f64>, usize)> {
    let w = days[i].wellness?;
    let sign = match o.wellness_scale {
        WellnessScale::LowerIsBetter => 1.0,
        WellnessScale::HigherIsBetter => -1.0,
    };
    let mut flagged = Vec::new();
    let mut young = 0;
    for (k, (name, v)) in WELLNESS_ITEMS.iter().zip(w.items()).enumerate() {
        let Some(v) = v else { continue };
        let base = baseline(
            days,
            i,
            o.wellness_baseline_days,
            |d| d.wellness.and_then(|w| w.items()[k]),
            false,
        );
        if base.len() < o.min_baseline_days {
            young += 1;
            continue;
        }
        let Some((m, sd)) = mean_sd(&base) else {
            continue;
        };
        // A constant baseline still flags a clear change of a whole point.
        let z = sign * (v - m) / sd.max(0.5);
        if z >= o.wellness_z {
            flagged.push(*name);
        }
    }
    let hooper_z = w.hooper().and_then(|h| {
        let base = baseline(
            days,
            i,
            o.wellness_baseline_days,
            |d| d.wellness.and_then(|w| w.hooper()),
            false,
        );
        (base.len() >= o.min_baseline_days)
            .then(|| mean_sd(&base).map(|(m, sd)| sign * (h - m) / sd.max(0.5)))
            .flatten()
    });
    Some((flagged, hooper_z, young))
}

/// Readiness for the last day of `days` (the markers up to and including today).
///
/// In steps: each marker's finding against its baseline (HRV, resting HR,
/// sleep, wellness, then the session, the engine and health flags), the
/// counts of majors and minors, the decision in the chosen mode, the score.
///
/// # Errors
/// The markers' and options' errors.
pub fn readiness(
    days: &[DayMarkers],
    engine: Option<&EngineState>,
    o: &ReadinessOptions,
) -> Result<Readiness> {
    o.validate()?;
    validate_markers(days)?;
    let i = days.len() - 1;
    let today = &days[i];
    let hb = hrv_baseline(days, i, o);
    let rhr = rhr_flag(days, i, o);
    let rhr_flagged = rhr.is_some_and(|r| r.0 >= Rating::Minor);
    let judged = [
        hrv_marker(days, i, hb, rhr_flagged, o),
        resting_hr_marker(days, i, rhr, o),
        sleep_marker(today, o),
        wellness_marker(days, i, o),
    ];
    let confidence = judged.iter().map(|j| j.1).sum::<f64>() / 4.0;
    let mut markers: Vec<MarkerFinding> = judged.into_iter().map(|j| j.0).collect();
    markers.extend(session_rpe_marker(today, o));
    markers.extend(engine_markers(engine)?);
    markers.extend(health_markers(today));

    let majors = markers.iter().filter(|m| m.rating == Rating::Major).count();
    let minors = markers.iter().filter(|m| m.rating == Rating::Minor).count();
    let (status, summary) = decide(days, &markers, majors, minors, o);
    let (data_needed, decision_possible_from) = what_is_needed(days, &markers, status, o);
    let summary = match (status, decision_possible_from) {
        (Status::NotEnoughData, Some(d)) => {
            format!("{summary}; a decision is possible from {d} with a reading every morning")
        }
        (Status::NotEnoughData, None) => {
            format!("{summary}; no decision is possible with these options")
        }
        _ => summary,
    };
    let score = (100.0 - 25.0 * majors as f64 - 10.0 * minors as f64).max(0.0);
    Ok(Readiness {
        date: today.date,
        status,
        score,
        confidence,
        markers,
        majors,
        minors,
        summary,
        data_needed,
        decision_possible_from,
    })
}

/// The markers the decision rule reads: HRV alone in the protocol modes;
/// HRV, resting HR and wellness in `combined` (sleep needs no baseline).
fn decision_inputs(mode: ReadinessMode) -> &'static [&'static str] {
    match mode {
        ReadinessMode::Combined => &["hrv", "resting_hr", "wellness"],
        ReadinessMode::Kiviniemi | ReadinessMode::Javaloyes => &["hrv"],
    }
}

/// What the unjudged inputs need, and, for `not_enough_data`, the first
/// morning a decision becomes possible: when every input with a reading but
/// too little data is judged, or (none had a reading) when every input,
/// measured from tomorrow on, is.
fn what_is_needed(
    days: &[DayMarkers],
    markers: &[MarkerFinding],
    status: Status,
    o: &ReadinessOptions,
) -> (Vec<DataNeeded>, Option<NaiveDate>) {
    let i = days.len() - 1;
    let inputs: Vec<&MarkerFinding> = markers
        .iter()
        .filter(|m| decision_inputs(o.mode).contains(&m.marker.as_str()))
        .collect();
    let young: Vec<&str> = inputs
        .iter()
        .filter(|m| m.rating == Rating::NotEnoughData)
        .map(|m| m.marker.as_str())
        .collect();
    let waiting: Vec<&str> = if young.is_empty() && status == Status::NotEnoughData {
        inputs.iter().map(|m| m.marker.as_str()).collect()
    } else {
        young.clone()
    };
    let date = (status == Status::NotEnoughData)
        .then(|| {
            let dates = waiting.iter().map(|m| ready_on(days, i, m, o));
            if young.is_empty() {
                // Nothing recorded today: once every input measured from
                // tomorrow on is judged (go needs them all).
                dates.flatten().max()
            } else {
                dates.collect::<Option<Vec<_>>>()?.into_iter().max()
            }
        })
        .flatten();
    let needed = waiting.iter().flat_map(|m| unmet(days, i, m, o)).collect();
    (needed, date)
}

/// A marker's finding, and how mature its baseline is (0–1; a quarter of the confidence).
type Judged = (MarkerFinding, f64);

/// A finding with no value for a marker missing today.
fn missing(marker: &str, reason: &str) -> Judged {
    (
        finding(marker, Rating::Missing, None, None, None, reason.into()),
        0.0,
    )
}

/// A marker whose baseline is still too young to judge it: not enough data,
/// saying what was counted and what is needed.
fn baseline_too_young(
    marker: &str,
    label: &str,
    value: Option<f64>,
    counted: &str,
    o: &ReadinessOptions,
) -> Judged {
    let reason = format!(
        "{counted}; {} are needed before {label} is judged",
        o.min_baseline_days
    );
    (
        finding(marker, Rating::NotEnoughData, value, None, None, reason),
        0.25,
    )
}

/// HRV today, judged by the mode's own rule (so the marker and an HRV-only
/// decision can never disagree).
fn hrv_marker(
    days: &[DayMarkers],
    i: usize,
    hb: Option<HrvBaseline>,
    rhr_flagged: bool,
    o: &ReadinessOptions,
) -> Judged {
    let v = days[i].ln_rmssd();
    if v.is_none() && o.mode != ReadinessMode::Javaloyes {
        return missing("hrv", "no HRV reading today");
    }
    let Some(b) = hb else {
        let n = baseline(days, i, o.baseline_days, DayMarkers::ln_rmssd, true).len();
        let counted = format!(
            "{} in the {}-day baseline (same device)",
            count_of(n, "valid morning"),
            o.baseline_days
        );
        return baseline_too_young("hrv", "HRV", v, &counted, o);
    };
    let maturity = (b.days as f64 / o.baseline_days as f64).clamp(0.5, 1.0);
    let band = [b.mean - o.swc_sd * b.sd, b.mean + o.swc_sd * b.sd];
    let base_is = format!(
        "mean ln rMSSD of the {} in the {} days before today (same device); in ms, the geometric mean",
        count_of(b.days, "valid morning"),
        o.baseline_days
    );
    let band_is = |what: &str| {
        format!(
            "smallest-worthwhile-change band: the baseline ± {} SD (Vesterinen 2016, Javaloyes 2019); {what} is compared with it",
            o.swc_sd
        )
    };
    let week_mean = b
        .rolling_mean
        .map(|r| format!("the {}-day mean ({})", o.rolling_days, ms(r)));
    let week_is = week_mean
        .clone()
        .unwrap_or_else(|| format!("the {}-day mean", o.rolling_days));
    let (rating, baseline_mean, band, reason, described) = match (o.mode, v) {
        (ReadinessMode::Kiviniemi, Some(v)) => {
            let (rating, mean, reason) = kiviniemi_rating(days, i, v, o);
            let is = format!(
                "mean ln rMSSD of the {KIVINIEMI_DAYS} days before today; the reference is this mean − 1 SD (Kiviniemi 2007), and this morning is compared with it"
            );
            (rating, mean, None, reason, (mean.map(|_| is), None))
        }
        (ReadinessMode::Javaloyes, _) => {
            let (rating, reason) = javaloyes_rating(&b, band, o);
            (
                rating,
                Some(b.mean),
                Some(band),
                reason,
                (Some(base_is.clone()), Some(band_is(&week_is))),
            )
        }
        (_, Some(v)) => {
            let (rating, reason) = hrv_rating(days, i, v, &b, band, rhr_flagged, o);
            let below = |r: f64, m: f64, sd: f64| r < m - o.swc_sd * sd;
            match sustained(days, i, DayMarkers::ln_rmssd, below, o) {
                Some((r, m, sd, end)) if rating < Rating::Major => {
                    let band = [m - o.swc_sd * sd, m + o.swc_sd * sd];
                    let reason = format!(
                        "the {n}-day mean rMSSD {} is below the band {} of the {} days up to {end}, before the drop: a sustained drop",
                        ms(r),
                        ms_band(band),
                        o.baseline_days,
                        n = o.rolling_days
                    );
                    let is = format!(
                        "mean ln rMSSD of the {} days up to {end}, before the drop (held while it lasts, so the drop cannot become its own baseline)",
                        o.baseline_days
                    );
                    let week = format!("the {}-day mean ({})", o.rolling_days, ms(r));
                    (
                        Rating::Major,
                        Some(m),
                        Some(band),
                        reason,
                        (Some(is), Some(band_is(&week))),
                    )
                }
                _ => {
                    let compared = match rating {
                        Rating::Minor | Rating::Major
                            if week_mean.is_none()
                                || b.rolling_mean.is_some_and(|r| r >= band[0]) =>
                        {
                            format!(
                                "this morning ({}), against the baseline − 1 SD, and {week_is}",
                                ms(v)
                            )
                        }
                        _ => week_is.clone(),
                    };
                    (
                        rating,
                        Some(b.mean),
                        Some(band),
                        reason,
                        (Some(base_is.clone()), Some(band_is(&compared))),
                    )
                }
            }
        }
        (_, None) => return missing("hrv", "no HRV reading today"),
    };
    (
        finding("hrv", rating, v, baseline_mean, band, reason).described(described.0, described.1),
        maturity,
    )
}

/// Kiviniemi 2007: ln rMSSD today against the reference (the mean of the 10
/// days before − 1 SD), or falling on two consecutive mornings → major (easy
/// or rest); otherwise normal. Needs `min_rolling_days` (at least 2) valid
/// mornings among the 10. Returns the rating, the 10-day mean and why.
fn kiviniemi_rating(
    days: &[DayMarkers],
    i: usize,
    v: f64,
    o: &ReadinessOptions,
) -> (Rating, Option<f64>, String) {
    let base = baseline(days, i, KIVINIEMI_DAYS, DayMarkers::ln_rmssd, true);
    let needed = o.min_rolling_days.clamp(2, KIVINIEMI_DAYS);
    let Some((m, sd)) = mean_sd(&base).filter(|_| base.len() >= needed) else {
        return (
            Rating::NotEnoughData,
            None,
            format!(
                "{} in the {KIVINIEMI_DAYS} days before today; {needed} are needed for the Kiviniemi reference",
                count_of(base.len(), "valid morning")
            ),
        );
    };
    let reference = m - sd;
    let day = |k: usize| days[i].date - chrono::Days::new(k as u64);
    let falling = i >= 2
        && days[i - 1].date == day(1)
        && days[i - 2].date == day(2)
        && matches!((days[i - 1].ln_rmssd(), days[i - 2].ln_rmssd()), (Some(a), Some(b)) if v < a && a < b);
    if v < reference {
        (
            Rating::Major,
            Some(m),
            format!(
                "rMSSD {} this morning is below the Kiviniemi reference {} (the 10-day mean {} − 1 SD)",
                ms(v),
                ms(reference),
                ms(m)
            ),
        )
    } else if falling {
        (
            Rating::Major,
            Some(m),
            format!(
                "rMSSD {} this morning has fallen on two consecutive mornings (Kiviniemi 2007)",
                ms(v)
            ),
        )
    } else {
        (
            Rating::Normal,
            Some(m),
            format!(
                "rMSSD {} this morning is at or above the Kiviniemi reference {} (the 10-day mean {} − 1 SD)",
                ms(v),
                ms(reference),
                ms(m)
            ),
        )
    }
}

/// Vesterinen 2016 / Javaloyes 2019: the 7-day mean of ln rMSSD outside the
/// smallest-worthwhile-change band (either side) → major (low intensity);
/// inside → normal; fewer than `min_rolling_days` valid mornings → not enough data.
fn javaloyes_rating(b: &HrvBaseline, band: [f64; 2], o: &ReadinessOptions) -> (Rating, String) {
    let Some(r) = b.rolling_mean else {
        return (
            Rating::NotEnoughData,
            format!(
                "fewer than {} in the last {}: no {}-day mean",
                count_of(o.min_rolling_days, "valid morning"),
                count_of(o.rolling_days, "day"),
                o.rolling_days
            ),
        );
    };
    let (lo, hi) = (band[0], band[1]);
    if r < lo || r > hi {
        (
            Rating::Major,
            format!(
                "the {}-day mean rMSSD {} is outside the smallest-worthwhile-change band {}: low intensity (Vesterinen 2016, Javaloyes 2019)",
                o.rolling_days,
                ms(r),
                ms_band([lo, hi])
            ),
        )
    } else {
        (
            Rating::Normal,
            format!(
                "the {}-day mean rMSSD {} is inside the smallest-worthwhile-change band {}",
                o.rolling_days,
                ms(r),
                ms_band([lo, hi])
            ),
        )
    }
}

/// The HRV rating: the 7-day mean below the band, or a low morning that is
/// repeated or comes with a resting-HR flag, is major; a low morning alone
/// minor; the 7-day mean above the band a note (or minor).
fn hrv_rating(
    days: &[DayMarkers],
    i: usize,
    v: f64,
    b: &HrvBaseline,
    band: [f64; 2],
    rhr_flagged: bool,
    o: &ReadinessOptions,
) -> (Rating, String) {
    let yesterday_low = i > 0
        && days[i - 1]
            .ln_rmssd()
            .is_some_and(|y| hrv_baseline(days, i - 1, o).is_some_and(|yb| y < yb.mean - yb.sd));
    let low_morning = v < b.mean - b.sd;
    match b.rolling_mean {
        Some(r) if r < band[0] => (
            Rating::Major,
            format!(
                "the {}-day mean rMSSD {} is below the smallest-worthwhile-change band {}",
                o.rolling_days,
                ms(r),
                ms_band(band)
            ),
        ),
        _ if low_morning && (yesterday_low || rhr_flagged) => (
            Rating::Major,
            format!(
                "rMSSD {} this morning is more than 1 SD below the baseline {} {}",
                ms(v),
                ms(b.mean),
                if yesterday_low {
                    "for the second morning running"
                } else {
                    "together with a raised resting HR"
                }
            ),
        ),
        _ if low_morning => (
            Rating::Minor,
            format!(
                "rMSSD {} this morning is more than 1 SD below the baseline {}",
                ms(v),
                ms(b.mean)
            ),
        ),
        Some(r) if r > band[1] => (
            match o.hrv_above_band {
                HrvAboveBand::Note => Rating::Note,
                HrvAboveBand::Minor => Rating::Minor,
            },
            format!(
                "the {}-day mean rMSSD {} is above the band {}: adaptation, or saturation when overreached (Le Meur 2013)",
                o.rolling_days,
                ms(r),
                ms_band(band)
            ),
        ),
        Some(r) => (
            Rating::Normal,
            format!(
                "the {}-day mean rMSSD {} is inside the band {}",
                o.rolling_days,
                ms(r),
                ms_band(band)
            ),
        ),
        None => (
            Rating::NotEnoughData,
            format!(
                "fewer than {} in the last {}: no {}-day mean to compare (Plews)",
                count_of(o.min_rolling_days, "valid morning"),
                count_of(o.rolling_days, "day"),
                o.rolling_days
            ),
        ),
    }
}

/// Resting HR today (`rhr`: its flag from [`rhr_flag`]), with the two-days-running rule.
fn resting_hr_marker(
    days: &[DayMarkers],
    i: usize,
    rhr: Option<(Rating, f64, f64)>,
    o: &ReadinessOptions,
) -> Judged {
    let (Some(v), Some((mut rating, m, sd))) = (days[i].resting_hr_bpm, rhr) else {
        return missing("resting_hr", "no resting HR today");
    };
    let n = baseline(days, i, o.baseline_days, |d| d.resting_hr_bpm, true).len();
    if rating == Rating::NotEnoughData {
        let reason = format!(
            "{} in the {}-day baseline (same device); {} are needed before resting HR is judged",
            count_of(n, "valid morning"),
            o.baseline_days,
            o.min_baseline_days
        );
        return (
            finding("resting_hr", rating, Some(v), None, None, reason),
            0.25,
        );
    }
    let base_is = format!(
        "mean resting HR of the {} in the {} days before today (same device)",
        count_of(n, "valid morning"),
        o.baseline_days
    );
    let band_is = |what: &str| {
        format!(
            "alert thresholds, not a normal range: minor from the baseline + {} bpm (and 1 SD), major from + {} bpm (and 2 SD); {what} is compared with them",
            o.rhr_minor_bpm, o.rhr_major_bpm
        )
    };
    let maturity = (n as f64 / o.baseline_days as f64).clamp(0.5, 1.0);
    let yesterday = i > 0 && rhr_flag(days, i - 1, o).is_some_and(|r| r.0 >= Rating::Minor);
    let mut reason = format!(
        "{v:.0} bpm is {:+.1} bpm ({:+.1} SD) from the baseline {m:.1} bpm",
        v - m,
        (v - m) / sd.max(1e-9)
    );
    if rating == Rating::Minor && yesterday {
        rating = Rating::Major;
        reason.push_str(", for the second day running");
    }
    let band = Some([m + o.rhr_minor_bpm, m + o.rhr_major_bpm]);
    let raised = |r: f64, m: f64, sd: f64| r - m >= o.rhr_minor_bpm && r - m >= sd;
    if let Some((r, rm, rsd, end)) = sustained(days, i, |d| d.resting_hr_bpm, raised, o) {
        if rating < Rating::Major {
            let reason = format!(
                "the {n}-day mean {r:.1} bpm is {:+.1} bpm ({:+.1} SD) above the {} days up to {end} ({rm:.1} bpm), before the rise: raised for a week, not one morning",
                r - rm,
                (r - rm) / rsd.max(1e-9),
                o.baseline_days,
                n = o.rolling_days
            );
            let band = Some([rm + o.rhr_minor_bpm, rm + o.rhr_major_bpm]);
            let is = format!(
                "mean resting HR of the {} days up to {end}, before the rise (held while it lasts, so the rise cannot become its own baseline)",
                o.baseline_days
            );
            let week = format!("the {}-day mean ({r:.1} bpm)", o.rolling_days);
            return (
                finding("resting_hr", Rating::Major, Some(v), Some(rm), band, reason)
                    .described(Some(is), Some(band_is(&week))),
                maturity,
            );
        }
    }
    (
        finding("resting_hr", rating, Some(v), Some(m), band, reason)
            .described(Some(base_is), Some(band_is("this morning's value"))),
        maturity,
    )
}

/// Sleep last night against the 7–9 h target.
fn sleep_marker(today: &DayMarkers, o: &ReadinessOptions) -> Judged {
    let Some(h) = today.sleep_h else {
        return missing("sleep", "no sleep logged");
    };
    let rating = if h < o.sleep_major_h {
        Rating::Major
    } else if h < o.sleep_minor_h {
        Rating::Minor
    } else {
        Rating::Normal
    };
    let reason = format!(
        "{h:.1} h against a target of {}–9 h (National Sleep Foundation 2015)",
        o.sleep_minor_h
    );
    let band = Some([o.sleep_minor_h, 9.0]);
    let band_is = format!(
        "the recommended sleep for adults, {}–9 h (National Sleep Foundation 2015), not a personal baseline: minor below {} h, major below {} h; last night is compared with it",
        o.sleep_minor_h, o.sleep_minor_h, o.sleep_major_h
    );
    (
        finding("sleep", rating, Some(h), None, band, reason).described(None, Some(band_is)),
        1.0,
    )
}

/// The wellness items flagged today, and sustained staleness of the Hooper sum.
fn wellness_marker(days: &[DayMarkers], i: usize, o: &ReadinessOptions) -> Judged {
    let Some((flagged, hooper_z, young)) = wellness_flags(days, i, o) else {
        return missing("wellness", "no wellness ratings today");
    };
    let given = days[i]
        .wellness
        .map_or(0, |w| w.items().iter().flatten().count());
    if young > 0 && young == given {
        let rated = baseline(
            days,
            i,
            o.wellness_baseline_days,
            |d| {
                d.wellness
                    .and_then(|w| w.items().iter().flatten().next().copied())
            },
            false,
        )
        .len();
        let counted = format!(
            "{} rated in the {}-day baseline",
            count_of(rated, "day"),
            o.wellness_baseline_days
        );
        return baseline_too_young("wellness", "wellness", None, &counted, o);
    }
    let stale = stale(days, i, o);
    let hooper_base = baseline(
        days,
        i,
        o.wellness_baseline_days,
        |d| d.wellness.and_then(|w| w.hooper()),
        false,
    );
    let hooper_mean = (hooper_base.len() >= o.min_baseline_days)
        .then(|| hooper_base.iter().sum::<f64>() / hooper_base.len() as f64);
    let direction = match o.wellness_scale {
        WellnessScale::LowerIsBetter => "lower is better",
        WellnessScale::HigherIsBetter => "higher is better",
    };
    let base_is = hooper_mean.map(|_| {
        format!(
            "mean Hooper sum (sleep quality + fatigue + stress + soreness, 4–28, {direction}) of the {} in the {} days before today; each item is also judged against its own baseline",
            count_of(hooper_base.len(), "rated day"),
            o.wellness_baseline_days
        )
    });
    let rating = if stale || flagged.len() >= 3 {
        Rating::Major
    } else if !flagged.is_empty() {
        Rating::Minor
    } else {
        Rating::Normal
    };
    let z = hooper_z.map_or(String::new(), |z| format!(" (Hooper sum {z:+.1} SD)"));
    let reason = if stale {
        format!(
            "the Hooper sum was worse than before by ≥ {} SD on each of the last {} (sustained staleness, Hooper & Mackinnon 1995)",
            o.wellness_z,
            count_of(STALE_DAYS, "rated morning")
        )
    } else if flagged.is_empty() {
        format!(
            "no item worse than its own {}-day baseline by {} SD{z}",
            o.wellness_baseline_days, o.wellness_z
        )
    } else {
        format!(
            "{} of {} worse than {} own {}-day baseline by ≥ {} SD: {}{z}",
            flagged.len(),
            count_of(given, "item"),
            if flagged.len() == 1 { "its" } else { "their" },
            o.wellness_baseline_days,
            o.wellness_z,
            flagged.join(", ")
        )
    };
    let hooper_today = days[i].wellness.and_then(|w| w.hooper());
    (
        finding("wellness", rating, hooper_today, hooper_mean, None, reason)
            .described(base_is, None),
        1.0,
    )
}

/// Mornings of worse-than-baseline ratings that make sustained staleness
/// ("more than 7 days", Hooper & Mackinnon 1995).
const STALE_DAYS: usize = 8;

/// Sustained staleness (Hooper & Mackinnon 1995): the Hooper sum worse than
/// its reference by `wellness_z` SDs on each of the last 8 rated mornings,
/// within 8 days. The reference is the `wellness_baseline_days` before those
/// 8 days, held where it was when the staleness began, so a stale stretch
/// cannot become its own baseline (see [`episode_reference`]).
fn stale(days: &[DayMarkers], i: usize, o: &ReadinessOptions) -> bool {
    let hooper = |d: &DayMarkers| d.wellness.and_then(|w| w.hooper());
    let sign = match o.wellness_scale {
        WellnessScale::LowerIsBetter => 1.0,
        WellnessScale::HigherIsBetter => -1.0,
    };
    let worse = |h: f64, m: f64, sd: f64| sign * (h - m) / sd.max(0.5) >= o.wellness_z;
    // Each of the last 8 rated mornings up to day j, within 8 days, worse than the reference.
    let all_worse = |j: usize, m: f64, sd: f64| {
        j + 1 >= STALE_DAYS
            && (days[j].date - days[j + 1 - STALE_DAYS].date).num_days() < STALE_DAYS as i64
            && days[j + 1 - STALE_DAYS..=j]
                .iter()
                .all(|d| hooper(d).is_some_and(|h| worse(h, m, sd)))
    };
    episode_reference(
        days,
        i,
        hooper,
        EpisodeWindows {
            tested: STALE_DAYS,
            window: o.wellness_baseline_days,
            same_source: false,
            min_days: o.min_baseline_days,
        },
        all_worse,
    )
    .is_some_and(|r| r.3)
}

/// A session that felt harder than planned, when both RPEs are given.
fn session_rpe_marker(today: &DayMarkers, o: &ReadinessOptions) -> Option<MarkerFinding> {
    let (p, f) = (today.planned_rpe?, today.felt_rpe?);
    let gap = f - p;
    let rating = if gap >= o.felt_harder_rpe {
        Rating::Minor
    } else {
        Rating::Normal
    };
    Some(
        finding(
            "session_rpe",
            rating,
            Some(f),
            Some(p),
            Some([p, p + o.felt_harder_rpe]),
            format!("felt RPE {f} against a planned {p} ({gap:+} points)"),
        )
        .described(
            Some("the RPE the session was planned at".into()),
            Some(format!(
                "from the planned RPE to {} points above it: a felt RPE at the top or above is flagged",
                o.felt_harder_rpe
            )),
        ),
    )
}

/// The engine's outputs, where given: form and the body systems not yet recovered.
///
/// # Errors
/// `out_of_range` (`engine.form_pct`).
fn engine_markers(engine: Option<&EngineState>) -> Result<Vec<MarkerFinding>> {
    let mut markers = Vec::new();
    let Some(e) = engine else {
        return Ok(markers);
    };
    if let Some(f) = e.form_pct {
        check::in_range("engine.form_pct", f, -1000.0, 1000.0, "%")?;
        let rating = if f < -30.0 {
            Rating::Minor
        } else {
            Rating::Normal
        };
        markers.push(finding(
            "form",
            rating,
            Some(f),
            None,
            Some([-30.0, 5.0]),
            format!(
                "form {:.0} % of fitness",
                if f.abs() < 0.5 { 0.0 } else { f }
            ),
        )
        .described(
            None,
            Some("form as % of fitness (TSB / CTL): below −30 % is a minor flag, −30 % to +5 % the usual training range; today's form is compared with it".into()),
        ));
    }
    if let Some(n) = e.systems_not_ready {
        let rating = if n >= 2 {
            Rating::Minor
        } else {
            Rating::Normal
        };
        markers.push(finding(
            "body_systems",
            rating,
            Some(f64::from(n)),
            None,
            None,
            format!("{} not yet recovered", count_of(n as usize, "body system")),
        ));
    }
    Ok(markers)
}

/// Illness and possible injury: each a major marker.
fn health_markers(today: &DayMarkers) -> Vec<MarkerFinding> {
    let flags = [
        (today.ill, "illness", "ill: rest until symptoms are gone"),
        (
            today.injury_pain,
            "injury",
            "pain that may be an injury: no running",
        ),
    ];
    flags
        .into_iter()
        .filter(|f| f.0)
        .map(|(_, marker, reason)| finding(marker, Rating::Major, None, None, None, reason.into()))
        .collect()
}

/// The decision for the last day of `days`: rest when ill or injured, else by the mode.
fn decide(
    days: &[DayMarkers],
    markers: &[MarkerFinding],
    majors: usize,
    minors: usize,
    o: &ReadinessOptions,
) -> (Status, String) {
    let today = &days[days.len() - 1];
    if today.ill || today.injury_pain {
        return (Status::Rest, "rest: illness or possible injury".into());
    }
    let (status, why) = match o.mode {
        ReadinessMode::Combined => decide_combined(markers, majors, minors),
        ReadinessMode::Kiviniemi | ReadinessMode::Javaloyes => decide_hrv_only(markers, o.mode),
    };
    if status != Status::Go {
        return (status, why);
    }
    // Go claims that every input the rule reads was judged: an input with a
    // reading but too little data, or no input judged at all, is not a go.
    let inputs: Vec<&MarkerFinding> = markers
        .iter()
        .filter(|m| decision_inputs(o.mode).contains(&m.marker.as_str()))
        .collect();
    let young: Vec<&str> = inputs
        .iter()
        .filter(|m| m.rating == Rating::NotEnoughData)
        .map(|m| display_name(&m.marker))
        .collect();
    let judged = inputs.iter().any(|m| m.rating >= Rating::Normal);
    if !young.is_empty() {
        let verb = if young.len() == 1 { "has" } else { "have" };
        (
            Status::NotEnoughData,
            format!(
                "not enough data: {} {verb} too few valid readings to judge",
                join_words(&young, "and")
            ),
        )
    } else if !judged {
        let names: Vec<&str> = inputs.iter().map(|m| display_name(&m.marker)).collect();
        (
            Status::NotEnoughData,
            format!(
                "not enough data: no reading of {} today",
                join_words(&names, "or")
            ),
        )
    } else {
        (status, why)
    }
}

/// Two or more majors → rest; one major or two minors → go easy; otherwise go.
fn decide_combined(markers: &[MarkerFinding], majors: usize, minors: usize) -> (Status, String) {
    let slipped: Vec<&str> = markers
        .iter()
        .filter(|m| m.rating >= Rating::Minor)
        .map(|m| display_name(&m.marker))
        .collect();
    let slipped = join_words(&slipped, "and");
    let status = if majors >= 2 {
        Status::Rest
    } else if majors == 1 || minors >= 2 {
        Status::GoEasy
    } else {
        Status::Go
    };
    let why = match (status, slipped.is_empty()) {
        (Status::Go, true) => "no marker slipped: train as planned".to_string(),
        (Status::Go, false) => {
            format!("one marker slipped a little ({slipped}): a note, train as planned")
        }
        (Status::Rest, _) => format!("rest: several markers slipped clearly ({slipped})"),
        (_, _) => format!("scale back: {slipped} slipped"),
    };
    (status, why)
}

/// The protocol modes read the HRV marker alone, judged by the protocol's
/// own rule (see [`hrv_marker`]): major → go easy; judged otherwise → go;
/// no reading or too little data → the caller's not-enough-data check.
fn decide_hrv_only(markers: &[MarkerFinding], mode: ReadinessMode) -> (Status, String) {
    let name = match mode {
        ReadinessMode::Kiviniemi => "Kiviniemi 2007",
        _ => "Vesterinen 2016 / Javaloyes 2019",
    };
    let hrv = markers.iter().find(|m| m.marker == "hrv");
    match hrv.map(|m| m.rating) {
        Some(Rating::Major) => (
            Status::GoEasy,
            format!(
                "{name} (HRV only): {}: easy or rest",
                hrv.map_or("", |m| &m.reason)
            ),
        ),
        _ => (
            Status::Go,
            format!(
                "{name} (HRV only): {}: train as planned",
                hrv.map_or("", |m| &m.reason)
            ),
        ),
    }
}

/// One day of the baseline series, for charts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BaselineDay {
    /// The day.
    pub date: NaiveDate,
    /// ln rMSSD today.
    pub ln_rmssd: Option<f64>,
    /// The HRV baseline (absent while too young).
    pub hrv: Option<HrvBaseline>,
    /// Resting HR today.
    pub resting_hr_bpm: Option<f64>,
    /// Resting-HR baseline mean.
    pub resting_hr_baseline: Option<f64>,
    /// Resting-HR baseline SD.
    pub resting_hr_sd: Option<f64>,
    /// Hooper sum today.
    pub hooper: Option<f64>,
}

/// The baselines of every day, for charts and for checking.
///
/// # Errors
/// The markers' and options' errors.
pub fn baselines(days: &[DayMarkers], o: &ReadinessOptions) -> Result<Vec<BaselineDay>> {
    o.validate()?;
    validate_markers(days)?;
    Ok((0..days.len())
        .map(|i| {
            let rhr = baseline(days, i, o.baseline_days, |d| d.resting_hr_bpm, true);
            let rhr = (rhr.len() >= o.min_baseline_days)
                .then(|| mean_sd(&rhr))
                .flatten();
            BaselineDay {
                date: days[i].date,
                ln_rmssd: days[i].ln_rmssd(),
                hrv: hrv_baseline(days, i, o),
                resting_hr_bpm: days[i].resting_hr_bpm,
                resting_hr_baseline: rhr.map(|r| r.0),
                resting_hr_sd: rhr.map(|r| r.1),
                hooper: days[i].wellness.and_then(|w| w.hooper()),
            }
        })
        .collect())
}

/// A warning sign over weeks, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WarningSign {
    /// `persistent_fatigue`, `resting_hr_rising`, `hrv_falling_cv_rising`,
    /// `performance_decline`, `performance_plateau`, `high_monotony`, `load_spike`.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::WarningSignName"))]
    pub sign: String,
    /// Dates and values behind it.
    pub evidence: Vec<Evidence>,
    /// What to do, in plain words.
    pub recommendation: String,
}

/// A dated value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Evidence {
    /// The day.
    pub date: NaiveDate,
    /// The value (bpm, ln rMSSD, rating, test result, ratio…).
    pub value: f64,
}

/// A daily load series for the load-based signs.
#[derive(Debug, Clone, Copy)]
pub struct Loads<'a> {
    /// The first day.
    pub start: NaiveDate,
    /// One load per day.
    pub values: &'a [f64],
}

fn slope(points: &[(f64, f64)]) -> Option<f64> {
    let n = points.len() as f64;
    if points.len() < 3 {
        return None;
    }
    let (mx, my) = (
        points.iter().map(|p| p.0).sum::<f64>() / n,
        points.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    (sxx > 0.0).then(|| points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>() / sxx)
}

/// Warning signs of under-recovery or overreaching over the last weeks, up to
/// the last day of `days`. `loads` (optional) adds the load-based signs;
/// `tests` (dated results, higher is better) the performance signs.
///
/// | sign | rule |
/// | --- | --- |
/// | persistent fatigue | the fatigue rating ≥ 1 SD worse than baseline on ≥ 4 of the last 7 days, despite ≥ 2 rest days in the 7 days before today |
/// | resting HR rising | over the last 14 days a slope ≥ 0.2 bpm/day and a 7-day mean ≥ 2 bpm above baseline |
/// | HRV falling, CV rising (Plews) | last week's ln rMSSD mean below the week before and below the band, with a higher CV |
/// | performance decline / plateau | the last test > 2 % below the mean of the 3 before / no new best in the last 3 tests over ≥ 6 weeks |
/// | high monotony | the last complete calendar week's monotony > 2 (Foster 1998) |
/// | load spike | the coupled ACWR today > 1.5 (Gabbett 2016; read with its critique) |
///
/// # Errors
/// The markers', options' and loads' errors; `unsorted_dates` for tests out of order.
pub fn warning_signs(
    days: &[DayMarkers],
    loads: Option<Loads<'_>>,
    tests: &[(NaiveDate, f64)],
    o: &ReadinessOptions,
) -> Result<Vec<WarningSign>> {
    o.validate()?;
    validate_markers(days)?;
    let mut signs = Vec::new();
    signs.extend(persistent_fatigue(days, loads, o));
    signs.extend(resting_hr_rising(days, o));
    signs.extend(hrv_falling_cv_rising(days, o));
    validate_tests(tests)?;
    signs.extend(performance_sign(tests));
    if let Some(l) = loads {
        validate_loads(l)?;
        let today = days[days.len() - 1].date;
        signs.extend(high_monotony(l, today)?);
        signs.extend(load_spike(l, today)?);
    }
    Ok(signs)
}

/// The fatigue rating worse than baseline on 4 or more of the last 7 days, despite 2 or more rest days.
fn persistent_fatigue(
    days: &[DayMarkers],
    loads: Option<Loads<'_>>,
    o: &ReadinessOptions,
) -> Option<WarningSign> {
    let today = days[days.len() - 1].date;
    let week_ago = today - chrono::Days::new(6);
    let sign = match o.wellness_scale {
        WellnessScale::LowerIsBetter => 1.0,
        WellnessScale::HigherIsBetter => -1.0,
    };
    let tired: Vec<Evidence> = (0..days.len())
        .filter(|&k| days[k].date >= week_ago)
        .filter_map(|k| {
            let v = days[k].wellness?.fatigue?;
            let base = baseline(
                days,
                k,
                o.wellness_baseline_days,
                |d| d.wellness.and_then(|w| w.fatigue),
                false,
            );
            if base.len() < o.min_baseline_days {
                return None;
            }
            let (m, sd) = mean_sd(&base)?;
            (sign * (v - m) / sd.max(0.5) >= o.wellness_z).then_some(Evidence {
                date: days[k].date,
                value: v,
            })
        })
        .collect();
    let rest_days = loads.map_or(0, |l| rest_days_in_week_before(l, today));
    (tired.len() >= 4 && rest_days >= 2).then(|| WarningSign {
        sign: "persistent_fatigue".into(),
        evidence: tired,
        recommendation: format!(
            "fatigue stayed high on most days of the week despite {rest_days} rest days: cut volume for a week, keep runs easy, look at sleep, food and stress"
        ),
    })
}

/// Days of zero load in the 7 days before `today` (days outside the series do
/// not count). Today is not one of them: the markers are read on waking, before
/// today's training, so they follow the training up to yesterday
/// (docs/as-of.md, rule 5) and today's load is not yet known.
fn rest_days_in_week_before(l: Loads<'_>, today: NaiveDate) -> usize {
    (1..=7)
        .filter_map(|d| {
            let date = today - chrono::Days::new(d);
            let idx = (date - l.start).num_days();
            (idx >= 0)
                .then(|| l.values.get(idx as usize).copied())
                .flatten()
        })
        .filter(|&v| v == 0.0)
        .count()
}

/// Resting HR trending up over 14 days, its 7-day mean 2 bpm or more above baseline.
fn resting_hr_rising(days: &[DayMarkers], o: &ReadinessOptions) -> Option<WarningSign> {
    let i = days.len() - 1;
    let today = days[i].date;
    let week_ago = today - chrono::Days::new(6);
    let two_weeks = today - chrono::Days::new(13);
    let rhr: Vec<(f64, f64, NaiveDate)> = (0..=i)
        .filter(|&k| days[k].date >= two_weeks)
        .filter_map(|k| {
            days[k].resting_hr_bpm.map(|v| {
                (
                    (days[k].date - two_weeks).num_days() as f64,
                    v,
                    days[k].date,
                )
            })
        })
        .collect();
    if rhr.len() < 7 {
        return None;
    }
    let s = slope(&rhr.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>())?;
    let base = baseline(days, i, o.baseline_days, |d| d.resting_hr_bpm, true);
    let (m, _) = mean_sd(&base)?;
    let last7: Vec<f64> = rhr
        .iter()
        .filter(|p| p.2 >= week_ago)
        .map(|p| p.1)
        .collect();
    if last7.is_empty() {
        return None;
    }
    let mean7 = last7.iter().sum::<f64>() / last7.len() as f64;
    (s >= 0.2 && mean7 >= m + 2.0 && base.len() >= o.min_baseline_days).then(|| WarningSign {
        sign: "resting_hr_rising".into(),
        evidence: rhr.iter().map(|p| Evidence { date: p.2, value: p.1 }).collect(),
        recommendation: format!(
            "resting HR has risen {s:.2} bpm a day for two weeks (7-day mean {mean7:.1} vs baseline {m:.1}): add a recovery day and check for illness"
        ),
    })
}

/// Plews: this week's ln rMSSD mean below last week's and below the band, with a higher CV.
fn hrv_falling_cv_rising(days: &[DayMarkers], o: &ReadinessOptions) -> Option<WarningSign> {
    let i = days.len() - 1;
    let today = days[i].date;
    let week_stats = |end: NaiveDate| -> Option<(f64, f64)> {
        let from = end - chrono::Days::new(6);
        let v: Vec<f64> = days
            .iter()
            .filter(|d| d.date >= from && d.date <= end)
            .filter_map(DayMarkers::ln_rmssd)
            .collect();
        if v.len() < o.min_rolling_days {
            return None;
        }
        mean_sd(&v).map(|(m, sd)| (m, sd / m * 100.0))
    };
    let (m1, cv1) = week_stats(today)?;
    let (m0, cv0) = week_stats(today - chrono::Days::new(7))?;
    let b = hrv_baseline(days, i, o)?;
    (m1 < m0 && cv1 > cv0 && m1 < b.mean - o.swc_sd * b.sd).then(|| WarningSign {
        sign: "hrv_falling_cv_rising".into(),
        evidence: vec![
            Evidence { date: today - chrono::Days::new(7), value: m0 },
            Evidence { date: today, value: m1 },
        ],
        recommendation: format!(
            "the weekly mean rMSSD fell from {} to {} while its CV rose from {cv0:.1} % to {cv1:.1} % (Plews): accumulating fatigue — take an easier week",
            ms(m0),
            ms(m1)
        ),
    })
}

/// The tests in strictly increasing date order, with finite values.
///
/// # Errors
/// `unsorted_dates` (`tests[k].date`); `not_finite` (`tests[k].value`).
fn validate_tests(tests: &[(NaiveDate, f64)]) -> Result<()> {
    for (k, w) in tests.windows(2).enumerate() {
        if w[1].0 <= w[0].0 {
            return Err(Error::UnsortedDates {
                field: Path::from("tests").index(k + 1).key("date"),
                value: w[1].0.to_string(),
                previous: w[0].0.to_string(),
            });
        }
    }
    for (k, t) in tests.iter().enumerate() {
        check::finite(Path::from("tests").index(k).key("value"), t.1)?;
    }
    Ok(())
}

/// The last test > 2 % below the mean of the 3 before (decline), or no new best
/// in the last 3 tests over 6 weeks or more (plateau).
fn performance_sign(tests: &[(NaiveDate, f64)]) -> Option<WarningSign> {
    let n = tests.len();
    if n < 4 {
        return None;
    }
    let prev3 = (tests[n - 4].1 + tests[n - 3].1 + tests[n - 2].1) / 3.0;
    let last = tests[n - 1];
    let evidence: Vec<Evidence> = tests[n - 4..]
        .iter()
        .map(|t| Evidence {
            date: t.0,
            value: t.1,
        })
        .collect();
    let best = |t: &[(NaiveDate, f64)]| t.iter().map(|t| t.1).fold(f64::NEG_INFINITY, f64::max);
    let (best_before, best_recent) = (best(&tests[..n - 3]), best(&tests[n - 3..]));
    if last.1 < prev3 * 0.98 {
        Some(WarningSign {
            sign: "performance_decline".into(),
            evidence,
            recommendation: "the last test is more than 2 % below the three before it: with other signs, this is overreaching — reduce load for 1–2 weeks".into(),
        })
    } else if best_recent <= best_before && (last.0 - tests[n - 3].0).num_days() >= 42 {
        Some(WarningSign {
            sign: "performance_plateau".into(),
            evidence,
            recommendation: "no new best in the last three tests over six weeks or more: vary the stimulus or add recovery".into(),
        })
    } else {
        None
    }
}

/// Every load valid, and a valid start date.
///
/// # Errors
/// The load's errors (`loads[k]`); `invalid_date` (`loads.start`).
fn validate_loads(l: Loads<'_>) -> Result<()> {
    for (k, &v) in l.values.iter().enumerate() {
        crate::log::check_load(v, || Path::from("loads").index(k))?;
    }
    check::date("loads.start", l.start)?;
    Ok(())
}

/// The monotony of the last complete calendar week up to `today` above 2 (Foster 1998).
///
/// # Errors
/// Those of [`crate::load::weekly_loads`].
fn high_monotony(l: Loads<'_>, today: NaiveDate) -> Result<Option<WarningSign>> {
    let weeks = crate::load::weekly_loads(
        l.start,
        l.values,
        crate::load::WeekMode::Calendar,
        crate::load::SdKind::Sample,
    )?;
    let Some(w) = weeks.iter().rev().find(|w| w.days == 7 && w.end <= today) else {
        return Ok(None);
    };
    // Identical loads every day (SD 0) are as monotonous as it gets.
    let identical = w.sd == Some(0.0) && w.mean > 0.0;
    if !identical && !w.monotony.is_some_and(|m| m > crate::load::MONOTONY_FLAG) {
        return Ok(None);
    }
    let what = match w.monotony {
        Some(m) if !identical => format!("monotony {m:.2}"),
        _ => "the same load every day".to_string(),
    };
    Ok(Some(WarningSign {
        sign: "high_monotony".into(),
        evidence: vec![Evidence {
            date: w.end,
            value: w.monotony.unwrap_or(w.mean),
        }],
        recommendation: format!(
            "{what} in the week of {} (Foster 1998: above 2 raises illness risk): make easy days easier and hard days distinct, keep a rest day",
            w.start
        ),
    }))
}

/// The coupled ACWR on `today` above 1.5 (Gabbett 2016).
///
/// # Errors
/// Those of [`crate::model::acwr`].
fn load_spike(l: Loads<'_>, today: NaiveDate) -> Result<Option<WarningSign>> {
    let idx = (today - l.start).num_days();
    if idx < 0 || idx as usize >= l.values.len() {
        return Ok(None);
    }
    let upto = &l.values[..=idx as usize];
    let acwr = crate::model::acwr(upto, None, &crate::model::AcwrOptions::default())?;
    Ok(acwr
        .last()
        .and_then(|d| d.ratio)
        .filter(|r| *r > 1.5)
        .map(|r| WarningSign {
            sign: "load_spike".into(),
            evidence: vec![Evidence { date: today, value: r }],
            recommendation: format!(
                "this week's load is {r:.2}× the 4-week average: hold the next week's volume, don't add intensity"
            ),
        }))
}

/// What to do instead of the planned session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Adaptation {
    /// Train as planned.
    AsPlanned,
    /// An easy run instead.
    EasyRun,
    /// Cross-training instead (less impact and muscle damage).
    CrossTraining,
    /// Mobility or yoga instead.
    Mobility,
    /// Rest.
    Rest,
}

/// The session to do today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AdaptedSession {
    /// What changed.
    pub action: Adaptation,
    /// The session to do.
    pub session: crate::session::Session,
    /// Why, in plain words.
    pub reason: String,
}

/// Easy runs after a scaled-back day last at most this long, s.
const EASY_CAP_S: f64 = 45.0 * 60.0;

/// Adapts today's planned session to today's readiness (and today's markers:
/// illness, pain, a session that felt unusually hard, sore muscles).
///
/// - `rest`: illness → rest; possible injury → cross-training (no impact) if
///   not ill; otherwise rest, or mobility when the plan was already light.
/// - `go_easy`: a hard session (quality or long) becomes an easy run of at
///   most 45 min, or cross-training when the wellness ratings (soreness) or the body systems slipped;
///   an easy session stays, capped at 45 min.
/// - `not_enough_data`: like `go_easy` for a hard session (the default,
///   [`OnNotEnoughData::GoEasy`]: no verdict is not a go); an easy session
///   stays as planned. See [`adapt_session_with`] to train as planned instead.
/// - `go`: as planned — but a hard session that felt unusually hard (felt RPE
///   ≥ planned + 2) becomes an easy run, as the seeds say.
///
/// # Errors
/// The session's errors.
pub fn adapt_session(
    planned: &Session,
    readiness: &Readiness,
    today: &DayMarkers,
) -> Result<AdaptedSession> {
    adapt_session_with(planned, readiness, today, OnNotEnoughData::default())
}

/// [`adapt_session`], with what a `not_enough_data` day does to a hard session.
///
/// # Errors
/// The session's errors.
pub fn adapt_session_with(
    planned: &Session,
    readiness: &Readiness,
    today: &DayMarkers,
    on_not_enough_data: OnNotEnoughData,
) -> Result<AdaptedSession> {
    planned.validate().map_err(|e| e.within("planned"))?;
    let hard = planned.kind.is_quality() || planned.kind == SessionKind::Long;
    let slipped = |name: &str| {
        readiness
            .markers
            .iter()
            .any(|m| m.marker == name && m.rating >= Rating::Minor)
    };
    let summary = &readiness.summary;
    Ok(match readiness.status {
        Status::Rest if today.ill => rest(planned, Adaptation::Rest, "ill: rest until the symptoms are gone".into()),
        Status::Rest if today.injury_pain => {
            let mut c = cross_training(planned, "pain that may be an injury: no running today; pain-free cycling or pool work only, or rest".into());
            c.session.modality = Some(Modality::PoolRunning);
            c
        }
        Status::Rest if !hard && planned.duration_s <= 45.0 * 60.0 => {
            rest(planned, Adaptation::Mobility, format!("{summary}: gentle mobility only"))
        }
        Status::Rest => rest(planned, Adaptation::Rest, summary.clone()),
        Status::GoEasy if hard && (slipped("wellness") || slipped("body_systems")) => cross_training(planned, format!(
            "{summary}: the hard session becomes easy cross-training (less impact on tired muscles)"
        )),
        Status::GoEasy if hard => easy_run(planned, format!("{summary}: the hard session becomes an easy run")),
        Status::GoEasy if planned.duration_s > EASY_CAP_S && planned.kind.is_run() => {
            easy_run(planned, format!("{summary}: keep it easy and short"))
        }
        Status::GoEasy => as_planned(planned, format!("{summary}: the planned session is already easy")),
        Status::NotEnoughData if hard && on_not_enough_data == OnNotEnoughData::GoEasy => {
            if slipped("wellness") || slipped("body_systems") {
                cross_training(planned, format!("{summary}: until then, the hard session becomes easy cross-training"))
            } else {
                easy_run(planned, format!("{summary}: until then, the hard session becomes an easy run"))
            }
        }
        Status::NotEnoughData if hard && slipped("session_rpe") => {
            easy_run(planned, "the hard session felt unusually hard (felt RPE well above planned): switch to easy running".into())
        }
        Status::NotEnoughData if hard => as_planned(planned, format!("{summary}: trained as planned, as the options ask (on_not_enough_data = as_planned)")),
        Status::NotEnoughData => as_planned(planned, format!("{summary}: the planned session is easy, train as planned")),
        Status::Go if hard && slipped("session_rpe") => {
            easy_run(planned, "the hard session felt unusually hard (felt RPE well above planned): switch to easy running".into())
        }
        Status::Go => as_planned(planned, summary.clone()),
    })
}

/// The planned session, unchanged.
fn as_planned(planned: &Session, reason: String) -> AdaptedSession {
    AdaptedSession {
        action: Adaptation::AsPlanned,
        session: planned.clone(),
        reason,
    }
}

/// An easy run instead, at most [`EASY_CAP_S`] long.
fn easy_run(planned: &Session, reason: String) -> AdaptedSession {
    let mut s = planned.clone();
    s.kind = SessionKind::Easy;
    s.duration_s = planned.duration_s.min(EASY_CAP_S);
    s.distance_m = None;
    s.rpe = Some(3.0);
    s.graded_pace_s_per_km = None;
    AdaptedSession {
        action: Adaptation::EasyRun,
        session: s,
        reason,
    }
}

/// Easy cycling instead, 30–60 min.
fn cross_training(planned: &Session, reason: String) -> AdaptedSession {
    let mut s = planned.clone();
    s.kind = SessionKind::CrossTraining;
    s.modality = Some(Modality::Cycling);
    s.duration_s = planned.duration_s.clamp(30.0 * 60.0, 60.0 * 60.0);
    s.distance_m = None;
    s.rpe = Some(3.0);
    s.graded_pace_s_per_km = None;
    AdaptedSession {
        action: Adaptation::CrossTraining,
        session: s,
        reason,
    }
}

/// Rest, or 20 min of mobility (`action` is [`Adaptation::Rest`] or [`Adaptation::Mobility`]).
fn rest(planned: &Session, action: Adaptation, reason: String) -> AdaptedSession {
    let mobility = action == Adaptation::Mobility;
    let mut s = planned.clone();
    s.kind = if mobility {
        SessionKind::Mobility
    } else {
        SessionKind::Rest
    };
    s.duration_s = if mobility { 20.0 * 60.0 } else { 0.0 };
    s.distance_m = None;
    s.modality = None;
    s.rpe = Some(if mobility { 1.0 } else { 0.0 });
    AdaptedSession {
        action,
        session: s,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stable(n: u64) -> Vec<DayMarkers> {
        (0..n)
            .map(|i| {
                let mut m = DayMarkers::new(
                    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(i),
                );
                m.hrv = Some(Hrv {
                    value: 60.0 + (i % 5) as f64,
                    index: HrvIndex::RmssdMs,
                });
                m.resting_hr_bpm = Some(48.0 + (i % 3) as f64);
                m.sleep_h = Some(7.5 + (i % 2) as f64 * 0.5);
                m.wellness = Some(Wellness {
                    sleep_quality: Some(3.0 + (i % 2) as f64),
                    fatigue: Some(3.0),
                    stress: Some(2.0 + (i % 2) as f64),
                    soreness: Some(3.0),
                    ..Wellness::default()
                });
                m
            })
            .collect()
    }

    #[test]
    fn a_stable_athlete_goes() {
        let r = readiness(&stable(40), None, &ReadinessOptions::default()).unwrap();
        assert_eq!(r.status, Status::Go, "{r:?}");
        assert_eq!(r.score, 100.0);
    }

    #[test]
    fn one_slip_is_a_note_several_scale_back() {
        let mut d = stable(40);
        d[39].sleep_h = Some(6.0);
        let r = readiness(&d, None, &ReadinessOptions::default()).unwrap();
        assert_eq!((r.status, r.minors), (Status::Go, 1));
        d[39].wellness.as_mut().unwrap().soreness = Some(6.0);
        let r = readiness(&d, None, &ReadinessOptions::default()).unwrap();
        assert_eq!(r.status, Status::GoEasy);
        d[39].resting_hr_bpm = Some(60.0);
        d[39].sleep_h = Some(4.0);
        let r = readiness(&d, None, &ReadinessOptions::default()).unwrap();
        assert_eq!(r.status, Status::Rest);
    }

    #[test]
    fn ms_and_ln_give_the_same_answer() {
        let d = stable(40);
        let ln: Vec<DayMarkers> = d
            .iter()
            .map(|m| {
                let mut m = m.clone();
                m.hrv = m.hrv.map(|h| Hrv {
                    value: h.value.ln(),
                    index: HrvIndex::LnRmssd,
                });
                m
            })
            .collect();
        let o = ReadinessOptions::default();
        assert_eq!(
            readiness(&d, None, &o).unwrap(),
            readiness(&ln, None, &o).unwrap()
        );
    }

    #[test]
    fn a_new_device_starts_a_new_baseline() {
        let mut d = stable(40);
        for m in &mut d[35..] {
            m.source = Some("new strap".into());
        }
        let r = readiness(&d, None, &ReadinessOptions::default()).unwrap();
        let hrv = r.markers.iter().find(|m| m.marker == "hrv").unwrap();
        assert_eq!(hrv.rating, Rating::NotEnoughData);
    }

    #[test]
    fn sdnn_is_not_mixed_in() {
        let mut d = stable(3);
        d[2].hrv = Some(Hrv {
            value: 50.0,
            index: HrvIndex::SdnnMs,
        });
        assert_eq!(
            readiness(&d, None, &ReadinessOptions::default())
                .unwrap_err()
                .field(),
            "markers[2].hrv.index"
        );
    }
}
