//! One training session, planned or completed.
//!
//! Units live in the names: `duration_s`, `distance_m`, `avg_hr_bpm`,
//! `graded_pace_s_per_km`… RPE is Foster's CR-10 (0–10). Time in heart-rate
//! zones is given as a histogram of `{hr_bpm, seconds}` bins, the form every
//! device export can be turned into (1-bpm bins from a stream, or one bin per
//! zone at its midpoint); the TRIMP variants that need it read it.
//!
//! ```
//! use chrono::NaiveDate;
//! use runrecovery_core::session::{Session, SessionKind};
//! let mut s = Session::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SessionKind::Easy, 3600.0);
//! s.distance_m = Some(10_000.0);
//! s.rpe = Some(3.0);
//! assert!(s.validate().is_ok());
//! assert_eq!(s.pace_s_per_km(), Some(360.0));
//! s.rpe = Some(11.0);
//! assert_eq!(s.validate().unwrap_err().field(), "rpe");
//! ```

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Path, Result, check};

/// What kind of session this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// A planned day off.
    Rest,
    /// A very easy recovery run.
    Recovery,
    /// An easy aerobic run.
    Easy,
    /// The long run.
    Long,
    /// A steady/tempo run (between easy and threshold).
    Tempo,
    /// Threshold (T-pace) running: cruise intervals or a continuous threshold run.
    Threshold,
    /// Intervals at I pace or faster.
    Intervals,
    /// Hill repeats.
    Hills,
    /// Short strides (an easy run with a few 15–30 s accelerations).
    Strides,
    /// A race or time trial.
    Race,
    /// Cross-training (see [`Session::modality`]).
    CrossTraining,
    /// Strength training.
    Strength,
    /// Mobility, stretching or yoga.
    Mobility,
    /// Walking.
    Walk,
}

impl SessionKind {
    /// Every kind, in declaration order.
    pub const ALL: [SessionKind; 14] = [
        SessionKind::Rest,
        SessionKind::Recovery,
        SessionKind::Easy,
        SessionKind::Long,
        SessionKind::Tempo,
        SessionKind::Threshold,
        SessionKind::Intervals,
        SessionKind::Hills,
        SessionKind::Strides,
        SessionKind::Race,
        SessionKind::CrossTraining,
        SessionKind::Strength,
        SessionKind::Mobility,
        SessionKind::Walk,
    ];

    /// The stable snake_case name, as in JSON (`cross_training`).
    pub fn name(self) -> &'static str {
        match self {
            SessionKind::Rest => "rest",
            SessionKind::Recovery => "recovery",
            SessionKind::Easy => "easy",
            SessionKind::Long => "long",
            SessionKind::Tempo => "tempo",
            SessionKind::Threshold => "threshold",
            SessionKind::Intervals => "intervals",
            SessionKind::Hills => "hills",
            SessionKind::Strides => "strides",
            SessionKind::Race => "race",
            SessionKind::CrossTraining => "cross_training",
            SessionKind::Strength => "strength",
            SessionKind::Mobility => "mobility",
            SessionKind::Walk => "walk",
        }
    }

    /// Whether this is a running session.
    pub fn is_run(self) -> bool {
        matches!(
            self,
            SessionKind::Recovery
                | SessionKind::Easy
                | SessionKind::Long
                | SessionKind::Tempo
                | SessionKind::Threshold
                | SessionKind::Intervals
                | SessionKind::Hills
                | SessionKind::Strides
                | SessionKind::Race
        )
    }

    /// A "hard" (quality) session in the coaching sense: tempo, threshold,
    /// intervals, hills or a race. The long run is not counted here; plan rules
    /// that treat it as hard say so.
    pub fn is_quality(self) -> bool {
        matches!(
            self,
            SessionKind::Tempo
                | SessionKind::Threshold
                | SessionKind::Intervals
                | SessionKind::Hills
                | SessionKind::Race
        )
    }
}

/// The modality of a cross-training session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Cycling (road, indoor).
    Cycling,
    /// Swimming.
    Swimming,
    /// Deep-water or pool running.
    PoolRunning,
    /// Elliptical trainer.
    Elliptical,
    /// Rowing.
    Rowing,
    /// Cross-country skiing.
    Skiing,
    /// Anything else.
    Other,
}

impl Modality {
    /// The stable snake_case name, as in JSON (`pool_running`).
    pub fn name(self) -> &'static str {
        match self {
            Modality::Cycling => "cycling",
            Modality::Swimming => "swimming",
            Modality::PoolRunning => "pool_running",
            Modality::Elliptical => "elliptical",
            Modality::Rowing => "rowing",
            Modality::Skiing => "skiing",
            Modality::Other => "other",
        }
    }
}

/// Whether a session is a plan or a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", schemars(rename = "SessionStatus"))]
pub enum Status {
    /// It happened (default).
    #[default]
    Completed,
    /// It is planned.
    Planned,
}

/// Time spent around one heart rate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HrBin {
    /// Heart rate, bpm.
    pub hr_bpm: f64,
    /// Time at that heart rate, s.
    pub seconds: f64,
}

/// One training session. Build with [`Session::new`] and set what you know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// An identifier from the source (device or app); used to detect conflicts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Calendar date (local to the athlete).
    pub date: NaiveDate,
    /// Local start time, when known (orders sessions within a day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<NaiveTime>,
    /// What kind of session.
    pub kind: SessionKind,
    /// Cross-training modality (only for `cross_training`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// Planned or completed.
    #[serde(default)]
    pub status: Status,
    /// Moving duration, s (0 only for rest; at most 24 h).
    pub duration_s: f64,
    /// Distance, m.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_m: Option<f64>,
    /// Session RPE on Foster's CR-10 scale (0–10), asked ~30 min after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpe: Option<f64>,
    /// Average heart rate, bpm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_hr_bpm: Option<f64>,
    /// Time at each heart rate (histogram), for zone-based TRIMPs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hr_histogram: Option<Vec<HrBin>>,
    /// Average running power, W.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_power_w: Option<f64>,
    /// Normalized power, W (falls back to average power).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalized_power_w: Option<f64>,
    /// Grade-adjusted pace, s/km (falls back to distance/duration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graded_pace_s_per_km: Option<f64>,
    /// Elevation gain, m.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elevation_gain_m: Option<f64>,
    /// Air temperature, °C.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature_c: Option<f64>,
    /// Relative humidity, %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub humidity_pct: Option<f64>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

const MAX_DURATION_S: f64 = 86_400.0;
const MAX_DISTANCE_M: f64 = 400_000.0;

impl Session {
    /// A completed session with only the required fields.
    pub fn new(date: NaiveDate, kind: SessionKind, duration_s: f64) -> Self {
        Session {
            id: None,
            date,
            start_time: None,
            kind,
            modality: None,
            status: Status::Completed,
            duration_s,
            distance_m: None,
            rpe: None,
            avg_hr_bpm: None,
            hr_histogram: None,
            avg_power_w: None,
            normalized_power_w: None,
            graded_pace_s_per_km: None,
            elevation_gain_m: None,
            temperature_c: None,
            humidity_pct: None,
            notes: None,
        }
    }

    /// Checks ranges and internal consistency. Heart rates are checked against
    /// the athlete (HRmax, resting) by the load and zone functions.
    ///
    /// # Errors
    /// `not_finite`, `out_of_range` or `inconsistent`, naming the field.
    pub fn validate(&self) -> Result<()> {
        check::date("date", self.date)?;
        check::in_range("duration_s", self.duration_s, 0.0, MAX_DURATION_S, "s")?;
        if self.duration_s == 0.0 && self.kind != SessionKind::Rest {
            return Err(Error::out_of_range(
                "duration_s",
                0,
                "more than 0 s for any session but rest",
            ));
        }
        check::opt_positive("distance_m", self.distance_m, MAX_DISTANCE_M, "m")?;
        self.check_ranges()?;
        self.check_pace()?;
        if self.modality.is_some() && self.kind != SessionKind::CrossTraining {
            return Err(Error::inconsistent(
                "modality",
                self.modality.unwrap_or(Modality::Other).name(),
                "a modality is only for cross_training sessions",
            ));
        }
        self.check_hr_histogram()
    }

    /// The optional measurements inside their ranges, in field order.
    fn check_ranges(&self) -> Result<()> {
        let ranges = [
            ("rpe", self.rpe, 0.0, 10.0, "(CR-10)"),
            ("avg_hr_bpm", self.avg_hr_bpm, 25.0, 250.0, "bpm"),
            ("avg_power_w", self.avg_power_w, 0.0, 2000.0, "W"),
            (
                "normalized_power_w",
                self.normalized_power_w,
                0.0,
                2000.0,
                "W",
            ),
            (
                "graded_pace_s_per_km",
                self.graded_pace_s_per_km,
                100.0,
                3600.0,
                "s/km",
            ),
            (
                "elevation_gain_m",
                self.elevation_gain_m,
                0.0,
                20_000.0,
                "m",
            ),
            ("temperature_c", self.temperature_c, -50.0, 60.0, "°C"),
            ("humidity_pct", self.humidity_pct, 0.0, 100.0, "%"),
        ];
        for (field, value, lo, hi, unit) in ranges {
            check::opt_in_range(field, value, lo, hi, unit)?;
        }
        Ok(())
    }

    /// A run's or walk's pace (distance over duration) inside 100–3600 s/km.
    fn check_pace(&self) -> Result<()> {
        let Some(p) = self.pace_s_per_km() else {
            return Ok(());
        };
        if !(self.kind.is_run() || self.kind == SessionKind::Walk) {
            return Ok(());
        }
        check::in_range(
            "distance_m",
            p,
            100.0,
            3600.0,
            "s/km of pace (distance/duration)",
        )
        .map_err(|_| {
            Error::inconsistent(
                "distance_m",
                self.distance_m.unwrap_or_default(),
                &format!("a pace of {p:.0} s/km is outside 100–3600 s/km for this duration"),
            )
        })?;
        Ok(())
    }

    /// Each bin's HR and time in range, and no more time in the bins than in the session.
    fn check_hr_histogram(&self) -> Result<()> {
        let Some(bins) = &self.hr_histogram else {
            return Ok(());
        };
        let mut total = 0.0;
        for (i, b) in bins.iter().enumerate() {
            let f = || Path::from("hr_histogram").index(i);
            check::in_range(f().key("hr_bpm"), b.hr_bpm, 25.0, 250.0, "bpm")?;
            check::in_range(f().key("seconds"), b.seconds, 0.0, MAX_DURATION_S, "s")?;
            total += b.seconds;
        }
        // Allow 1 % slack for device rounding.
        if total > self.duration_s * 1.01 + 1.0 {
            return Err(Error::inconsistent(
                "hr_histogram",
                format!("{total} s"),
                &format!(
                    "more time in zones than the session's {} s",
                    self.duration_s
                ),
            ));
        }
        Ok(())
    }

    /// Duration in minutes.
    pub fn minutes(&self) -> f64 {
        self.duration_s / 60.0
    }

    /// Average pace (s/km) from distance and duration, when the distance is known.
    pub fn pace_s_per_km(&self) -> Option<f64> {
        self.distance_m
            .filter(|d| *d > 0.0)
            .map(|d| self.duration_s / (d / 1000.0))
    }

    /// Grade-adjusted pace if given, else the average pace.
    pub fn effective_pace_s_per_km(&self) -> Option<f64> {
        self.graded_pace_s_per_km.or_else(|| self.pace_s_per_km())
    }

    /// A short description for messages: `2026-03-02 easy 60 min`.
    pub fn describe(&self) -> String {
        format!(
            "{} {} {:.0} min",
            self.date,
            self.kind.name(),
            self.minutes()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_match_their_json() {
        for k in SessionKind::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), k.name());
        }
    }

    #[test]
    fn modality_names_match_their_json() {
        use Modality::*;
        for m in [
            Cycling,
            Swimming,
            PoolRunning,
            Elliptical,
            Rowing,
            Skiing,
            Other,
        ] {
            assert_eq!(serde_json::to_value(m).unwrap(), m.name());
        }
    }
}
