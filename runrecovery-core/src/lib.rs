//! # runrecovery-core
//!
//! The science of training and recovery for runners, as plain functions on
//! plain data. The modules follow the way data flows:
//!
//! 1. [`athlete`] and [`session`]: who trains and what they did (or plan to do);
//!    [`log`] keeps sessions as a validated, sorted, versioned document.
//! 2. [`zones`]: intensity zones from heart rate, pace, power or RPE, and the
//!    intensity distribution of a log; [`performance`]: VDOT, race equivalents
//!    and training paces.
//! 3. [`load`]: training load per session and per day, weekly volume,
//!    monotony, strain and ramp.
//!
//! [`today`] composes the stages into the whole state of one day (fitness,
//! fatigue, form, ACWR, body systems, readiness, the next quality session and
//! the adapted session) by one "as of" rule: the state every surface shows.
//!
//! At the end of the flow, [`calendar`] writes a plan (or any log's
//! sessions) as an iCalendar file for the athlete's calendar app.
//!
//! [`ops`] is the flat, serde-friendly layer the Python and JavaScript
//! bindings call: one request and one response per operation, the same in all
//! three languages. [`error`] holds the one error type with stable codes.
//!
//! Nothing here reads a clock, a file or the network: "today" is always an argument.
//!
//! ```
//! use runrecovery_core::{athlete::Athlete, log::TrainingLog, load, zones};
//! let log = TrainingLog::from_json(r#"{"schema_version": 1,
//!   "athlete": {"age_years": 34, "sex": "female", "hr_rest_bpm": 48, "lthr_bpm": 170},
//!   "sessions": [
//!     {"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "rpe": 3, "avg_hr_bpm": 140},
//!     {"date": "2026-03-04", "kind": "intervals", "duration_s": 3600, "rpe": 8, "avg_hr_bpm": 172},
//!     {"date": "2026-03-07", "kind": "long", "duration_s": 6000, "rpe": 4, "avg_hr_bpm": 145}]}"#).unwrap();
//! let athlete: Athlete = log.athlete().cloned().unwrap();
//! // Daily session-RPE loads with the missing days explicit:
//! let opts = load::LoadOptions::with_method(load::LoadMethod::SessionRpe);
//! let daily = load::daily_loads(&log, &athlete, &opts, load::Include::Completed, None, None).unwrap();
//! assert_eq!(daily.series.values, vec![150.0, 0.0, 480.0, 0.0, 0.0, 400.0]);
//! assert_eq!(daily.series.logged, vec![true, false, true, false, false, true]);
//! // Time in Seiler's zones by Friel's LTHR zones:
//! let dist = zones::intensity_distribution(&log, &athlete, zones::ZoneSystem::LthrFriel, None, None).unwrap();
//! assert_eq!(dist.seiler_seconds, [9000.0, 0.0, 3600.0]);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod athlete;
pub mod calendar;
pub mod decode;
pub mod error;
pub mod load;
pub mod log;
pub mod model;
pub mod ops;
pub mod performance;
pub mod plan;
pub mod readiness;
pub mod recovery;
pub mod rules;
#[cfg(feature = "schema")]
mod schema;
pub mod session;
mod sort;
pub mod supercompensation;
pub mod taper;
pub mod today;
pub mod zones;

pub use error::{Error, Path, Result};

/// The README's Rust example runs as a doctest, so it cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
