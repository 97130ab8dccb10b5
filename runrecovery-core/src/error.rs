//! One error type for the whole library.
//!
//! Every variant names the offending **field** (a dotted path such as
//! `sessions[3].rpe`), the **value** that was rejected, and what was expected.
//! [`Error::code`] returns a stable snake_case string that crosses into Python
//! (`exc.code` on a `ValueError` subclass) and JavaScript (`error.code`)
//! unchanged: codes never change meaning between versions.
//!
//! ```
//! use runrecovery_core::error::Error;
//! let e = Error::out_of_range("rpe", 12.0, "0 to 10 (CR-10)");
//! assert_eq!(e.code(), "out_of_range");
//! assert_eq!(e.field(), "rpe");
//! assert_eq!(e.to_string(), "rpe: 12 is out of range (expected 0 to 10 (CR-10))");
//! ```

use std::fmt::Display;

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong, with the field and the value in every message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A number is NaN or infinite.
    #[error("{field}: {value} is not a finite number")]
    NotFinite {
        /// Where the value was found.
        field: String,
        /// The value as written.
        value: String,
    },
    /// A number (or count) is outside the range the model accepts.
    #[error("{field}: {value} is out of range (expected {expected})")]
    OutOfRange {
        /// Where the value was found.
        field: String,
        /// The value as written.
        value: String,
        /// The accepted range, in words.
        expected: String,
    },
    /// A value needed by the chosen method is absent.
    #[error("{field}: missing (needed for {needed_for})")]
    MissingField {
        /// The absent field.
        field: String,
        /// What needed it.
        needed_for: String,
    },
    /// Dates that must be strictly increasing are not.
    #[error("{field}: {value} comes after {previous}; dates must be in increasing order")]
    UnsortedDates {
        /// Where the date was found.
        field: String,
        /// The out-of-order date.
        value: String,
        /// The date before it.
        previous: String,
    },
    /// The same date appears twice where each date must be unique.
    #[error("{field}: date {value} appears more than once")]
    DuplicateDate {
        /// Where the date was found.
        field: String,
        /// The repeated date.
        value: String,
    },
    /// The same session appears twice in a log.
    #[error(
        "{field}: session {value} duplicates an earlier one (set duplicates to \"drop_exact\" to keep one copy)"
    )]
    DuplicateSession {
        /// Where the repeated session was found.
        field: String,
        /// A short description of the session.
        value: String,
    },
    /// Two sessions claim the same identity (id, or date and start time) but differ.
    #[error("{field}: session {value} conflicts with an earlier one ({reason})")]
    ConflictingSessions {
        /// Where the conflicting session was found.
        field: String,
        /// A short description of the session.
        value: String,
        /// What they share and where they differ.
        reason: String,
    },
    /// A collection that must hold something is empty.
    #[error("{field}: is empty (expected {expected})")]
    Empty {
        /// The empty collection.
        field: String,
        /// What it should hold.
        expected: String,
    },
    /// A date or time could not be parsed.
    #[error("{field}: {value:?} is not a valid date (expected YYYY-MM-DD)")]
    InvalidDate {
        /// Where the text was found.
        field: String,
        /// The text.
        value: String,
    },
    /// A document or request could not be read (syntax, unknown or mistyped fields).
    #[error("{field}: {message}")]
    InvalidInput {
        /// Where the problem is (`$` for the whole document).
        field: String,
        /// The parser's description.
        message: String,
    },
    /// A document's `schema_version` is not one this version reads.
    #[error("{field}: schema version {value} is not supported (expected {expected})")]
    UnsupportedSchemaVersion {
        /// Always `schema_version`.
        field: String,
        /// The version found.
        value: String,
        /// The versions this library reads.
        expected: String,
    },
    /// Two inputs that must agree do not (e.g. lengths, threshold order).
    #[error("{field}: {value} is inconsistent ({reason})")]
    Inconsistent {
        /// Where the problem is.
        field: String,
        /// The value as written.
        value: String,
        /// Why.
        reason: String,
    },
    /// A name passed to the flat operations layer is not an operation.
    #[error("{field}: {value:?} is not an operation of this library")]
    UnknownOperation {
        /// Always `operation`.
        field: String,
        /// The name given.
        value: String,
    },
}

impl Error {
    /// The stable snake_case code of this error kind.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFinite { .. } => "not_finite",
            Error::OutOfRange { .. } => "out_of_range",
            Error::MissingField { .. } => "missing_field",
            Error::UnsortedDates { .. } => "unsorted_dates",
            Error::DuplicateDate { .. } => "duplicate_date",
            Error::DuplicateSession { .. } => "duplicate_session",
            Error::ConflictingSessions { .. } => "conflicting_sessions",
            Error::Empty { .. } => "empty",
            Error::InvalidDate { .. } => "invalid_date",
            Error::InvalidInput { .. } => "invalid_input",
            Error::UnsupportedSchemaVersion { .. } => "unsupported_schema_version",
            Error::Inconsistent { .. } => "inconsistent",
            Error::UnknownOperation { .. } => "unknown_operation",
        }
    }

    /// Every code this version can return, for bindings that map codes to classes.
    pub const CODES: &'static [&'static str] = &[
        "not_finite",
        "out_of_range",
        "missing_field",
        "unsorted_dates",
        "duplicate_date",
        "duplicate_session",
        "conflicting_sessions",
        "empty",
        "invalid_date",
        "invalid_input",
        "unsupported_schema_version",
        "inconsistent",
        "unknown_operation",
    ];

    /// The field the error is about (a dotted path).
    pub fn field(&self) -> &str {
        match self {
            Error::NotFinite { field, .. }
            | Error::OutOfRange { field, .. }
            | Error::MissingField { field, .. }
            | Error::UnsortedDates { field, .. }
            | Error::DuplicateDate { field, .. }
            | Error::DuplicateSession { field, .. }
            | Error::ConflictingSessions { field, .. }
            | Error::Empty { field, .. }
            | Error::InvalidDate { field, .. }
            | Error::InvalidInput { field, .. }
            | Error::UnsupportedSchemaVersion { field, .. }
            | Error::Inconsistent { field, .. }
            | Error::UnknownOperation { field, .. } => field,
        }
    }

    /// The rejected value as text, where there is one.
    pub fn value(&self) -> Option<&str> {
        match self {
            Error::NotFinite { value, .. }
            | Error::OutOfRange { value, .. }
            | Error::UnsortedDates { value, .. }
            | Error::DuplicateDate { value, .. }
            | Error::DuplicateSession { value, .. }
            | Error::ConflictingSessions { value, .. }
            | Error::InvalidDate { value, .. }
            | Error::UnsupportedSchemaVersion { value, .. }
            | Error::Inconsistent { value, .. }
            | Error::UnknownOperation { value, .. } => Some(value),
            Error::MissingField { .. } | Error::Empty { .. } | Error::InvalidInput { .. } => None,
        }
    }

    /// Prefix the field path, e.g. `rpe` becomes `sessions[3].rpe`.
    pub fn within(mut self, prefix: &str) -> Self {
        let field = match &mut self {
            Error::NotFinite { field, .. }
            | Error::OutOfRange { field, .. }
            | Error::MissingField { field, .. }
            | Error::UnsortedDates { field, .. }
            | Error::DuplicateDate { field, .. }
            | Error::DuplicateSession { field, .. }
            | Error::ConflictingSessions { field, .. }
            | Error::Empty { field, .. }
            | Error::InvalidDate { field, .. }
            | Error::InvalidInput { field, .. }
            | Error::UnsupportedSchemaVersion { field, .. }
            | Error::Inconsistent { field, .. }
            | Error::UnknownOperation { field, .. } => field,
        };
        *field = if field.is_empty() || field == "$" {
            prefix.to_string()
        } else if field.starts_with('[') {
            format!("{prefix}{field}")
        } else {
            format!("{prefix}.{field}")
        };
        self
    }

    /// A number outside its accepted range (see [`number`] for how numbers print).
    pub fn out_of_range(field: &str, value: impl Display, expected: &str) -> Self {
        Error::OutOfRange {
            field: field.to_string(),
            value: value.to_string(),
            expected: expected.to_string(),
        }
    }

    /// A value the method needs is absent.
    pub fn missing(field: &str, needed_for: &str) -> Self {
        Error::MissingField {
            field: field.to_string(),
            needed_for: needed_for.to_string(),
        }
    }

    /// Two inputs disagree.
    pub fn inconsistent(field: &str, value: impl Display, reason: &str) -> Self {
        Error::Inconsistent {
            field: field.to_string(),
            value: value.to_string(),
            reason: reason.to_string(),
        }
    }

    /// A result that could not be serialized (a core bug), at `$`.
    pub fn unserializable(e: impl Display) -> Self {
        Error::InvalidInput {
            field: "$".into(),
            message: format!("the result could not be serialized: {e}"),
        }
    }

    /// An operation name that is not in the registry.
    pub fn unknown_operation(name: &str) -> Self {
        Error::UnknownOperation {
            field: "operation".into(),
            value: name.to_string(),
        }
    }

    /// A collection is empty.
    pub fn empty(field: &str, expected: &str) -> Self {
        Error::Empty {
            field: field.to_string(),
            expected: expected.to_string(),
        }
    }
}

/// A number as it appears in messages: plain when moderate (`12`, `0.5`),
/// scientific when huge or tiny (`1e300`), so a message stays readable.
pub fn number(v: f64) -> String {
    let a = v.abs();
    if a != 0.0 && a.is_finite() && !(1e-4..1e9).contains(&a) {
        format!("{v:e}")
    } else {
        v.to_string()
    }
}

/// Checks that keep validation code short and its messages uniform.
pub(crate) mod check {
    use super::{Error, Result, number};

    /// `value` is finite.
    pub fn finite(field: &str, value: f64) -> Result<f64> {
        if value.is_finite() {
            Ok(value)
        } else {
            Err(Error::NotFinite {
                field: field.to_string(),
                value: number(value),
            })
        }
    }

    /// `value` is finite and within `[lo, hi]`.
    pub fn in_range(field: &str, value: f64, lo: f64, hi: f64, unit: &str) -> Result<f64> {
        finite(field, value)?;
        if value < lo || value > hi {
            return Err(Error::out_of_range(
                field,
                value,
                &format!(
                    "{lo} to {hi}{}",
                    if unit.is_empty() {
                        String::new()
                    } else {
                        format!(" {unit}")
                    }
                ),
            ));
        }
        Ok(value)
    }

    /// `value` is finite and strictly positive, at most `hi`.
    pub fn positive(field: &str, value: f64, hi: f64, unit: &str) -> Result<f64> {
        finite(field, value)?;
        if value <= 0.0 || value > hi {
            return Err(Error::out_of_range(
                field,
                number(value),
                &format!("more than 0 and at most {hi} {unit}"),
            ));
        }
        Ok(value)
    }

    /// The calendar this library works in: dates outside it are rejected
    /// rather than risking overflow in date arithmetic.
    pub const DATE_RANGE: (i32, i32) = (1900, 2200);

    /// `date` lies in the years 1900 to 2200.
    pub fn date(field: &str, date: chrono::NaiveDate) -> Result<chrono::NaiveDate> {
        use chrono::Datelike;
        if date.year() < DATE_RANGE.0 || date.year() > DATE_RANGE.1 {
            return Err(Error::out_of_range(
                field,
                date,
                "a date from 1900-01-01 to 2200-12-31",
            ));
        }
        Ok(date)
    }

    /// Optional variant of [`date`].
    pub fn opt_date(field: &str, date: Option<chrono::NaiveDate>) -> Result<()> {
        if let Some(d) = date {
            self::date(field, d)?;
        }
        Ok(())
    }

    /// Optional variant of [`in_range`].
    pub fn opt_in_range(
        field: &str,
        value: Option<f64>,
        lo: f64,
        hi: f64,
        unit: &str,
    ) -> Result<()> {
        if let Some(v) = value {
            in_range(field, v, lo, hi, unit)?;
        }
        Ok(())
    }

    /// Optional variant of [`positive`].
    pub fn opt_positive(field: &str, value: Option<f64>, hi: f64, unit: &str) -> Result<()> {
        if let Some(v) = value {
            positive(field, v, hi, unit)?;
        }
        Ok(())
    }
}
