//! One error type for the whole library.
//!
//! Every variant names the offending **field** (a [`Path`]: keys and list
//! indices, rendered `sessions[3].rpe`), the **value** that was rejected, and
//! what was expected.
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
//! let e = e.within(Path::root().key("log").key("sessions").index(3));
//! assert_eq!(e.field(), "log.sessions[3].rpe");
//! assert_eq!(e.path().segments()[2], Segment::Index(3));
//! # use runrecovery_core::error::{Path, Segment};
//! ```

use std::fmt::{self, Display};

/// One step of a [`Path`]: an object key or a list index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// The value under this key of an object.
    Key(String),
    /// The item at this (0-based) position of a list.
    Index(usize),
}

/// Where in a request an error is: the keys and list indices from the
/// request's root, built as the request is decoded and validated (never
/// parsed back out of a message).
///
/// It renders as the library has always written paths: keys joined by `.`,
/// indices in brackets (`log.sessions[3].rpe`), and `$` for the root.
///
/// ```
/// use runrecovery_core::error::{Path, Segment};
/// let p = Path::root().key("sessions").index(3).key("rpe");
/// assert_eq!(p.to_string(), "sessions[3].rpe");
/// assert_eq!(p.within(&Path::root().key("log")).to_string(), "log.sessions[3].rpe");
/// assert_eq!(Path::root().to_string(), "$");
/// assert_eq!(Path::from("log.sessions").segments()[1], Segment::Key("sessions".into()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Path {
    segments: Vec<Segment>,
    /// The rendering, kept as segments are added (empty for the root), so
    /// that [`Error::field`] can lend it.
    text: String,
}

impl Path {
    /// The whole request (rendered `$`).
    pub fn root() -> Self {
        Path::default()
    }

    /// This path, one key further in.
    #[must_use]
    pub fn key(mut self, key: impl Into<String>) -> Self {
        let key = key.into();
        if !self.segments.is_empty() {
            self.text.push('.');
        }
        self.text.push_str(&key);
        self.segments.push(Segment::Key(key));
        self
    }

    /// This path, one list index further in.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        use std::fmt::Write;
        let _ = write!(self.text, "[{index}]");
        self.segments.push(Segment::Index(index));
        self
    }

    /// This path below `prefix` (`prefix`'s segments first).
    #[must_use]
    pub fn within(self, prefix: &Path) -> Self {
        let mut path = prefix.clone();
        for s in self.segments {
            path = match s {
                Segment::Key(k) => path.key(k),
                Segment::Index(i) => path.index(i),
            };
        }
        path
    }

    /// The segments, outermost first (empty for the root).
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Whether this is the whole request.
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// The outermost segment, if it is a key.
    pub fn first_key(&self) -> Option<&str> {
        match self.segments.first() {
            Some(Segment::Key(k)) => Some(k),
            _ => None,
        }
    }

    /// The rendering: `log.sessions[3].rpe`, `$` for the root.
    pub fn as_str(&self) -> &str {
        if self.segments.is_empty() {
            "$"
        } else {
            &self.text
        }
    }
}

impl Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A path written as a literal in the library's own code (`"log.sessions"`,
/// `"dates[0]"`, `"$"`): its keys split at `.`, its indices in brackets. Only
/// for constants in the source; a path is never read back out of an error.
impl From<&'static str> for Path {
    fn from(literal: &'static str) -> Self {
        let mut path = Path::root();
        if literal == "$" || literal.is_empty() {
            return path;
        }
        for part in literal.split('.') {
            let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
            if !key.is_empty() {
                path = path.key(key);
            }
            while let (Some(open), Some(close)) = (rest.find('['), rest.find(']')) {
                match rest[open + 1..close].parse() {
                    Ok(i) => path = path.index(i),
                    Err(_) => path = path.key(&rest[open..=close]),
                }
                rest = &rest[close + 1..];
            }
        }
        path
    }
}

impl From<&Path> for Path {
    fn from(path: &Path) -> Self {
        path.clone()
    }
}

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
        field: Path,
        /// The value as written.
        value: String,
    },
    /// A number (or count) is outside the range the model accepts.
    #[error("{field}: {value} is out of range (expected {expected})")]
    OutOfRange {
        /// Where the value was found.
        field: Path,
        /// The value as written.
        value: String,
        /// The accepted range, in words.
        expected: String,
    },
    /// A value needed by the chosen method is absent.
    #[error("{field}: missing (needed for {needed_for})")]
    MissingField {
        /// The absent field.
        field: Path,
        /// What needed it.
        needed_for: String,
    },
    /// Dates that must be strictly increasing are not.
    #[error("{field}: {value} comes after {previous}; dates must be in increasing order")]
    UnsortedDates {
        /// Where the date was found.
        field: Path,
        /// The out-of-order date.
        value: String,
        /// The date before it.
        previous: String,
    },
    /// The same date appears twice where each date must be unique.
    #[error("{field}: date {value} appears more than once")]
    DuplicateDate {
        /// Where the date was found.
        field: Path,
        /// The repeated date.
        value: String,
    },
    /// The same session appears twice in a log.
    #[error(
        "{field}: session {value} duplicates an earlier one (set duplicates to \"drop_exact\" to keep one copy)"
    )]
    DuplicateSession {
        /// Where the repeated session was found.
        field: Path,
        /// A short description of the session.
        value: String,
    },
    /// Two sessions claim the same identity (id, or date and start time) but differ.
    #[error("{field}: session {value} conflicts with an earlier one ({reason})")]
    ConflictingSessions {
        /// Where the conflicting session was found.
        field: Path,
        /// A short description of the session.
        value: String,
        /// What they share and where they differ.
        reason: String,
    },
    /// A collection that must hold something is empty.
    #[error("{field}: is empty (expected {expected})")]
    Empty {
        /// The empty collection.
        field: Path,
        /// What it should hold.
        expected: String,
    },
    /// A date or time could not be parsed.
    #[error("{field}: {value:?} is not a valid date (expected YYYY-MM-DD)")]
    InvalidDate {
        /// Where the text was found.
        field: Path,
        /// The text.
        value: String,
    },
    /// A document or request could not be read (syntax, unknown or mistyped fields).
    #[error("{field}: {message}")]
    InvalidInput {
        /// Where the problem is (`$` for the whole document).
        field: Path,
        /// The parser's description.
        message: String,
    },
    /// A document's `schema_version` is not one this version reads.
    #[error("{field}: schema version {value} is not supported (expected {expected})")]
    UnsupportedSchemaVersion {
        /// Always `schema_version`.
        field: Path,
        /// The version found.
        value: String,
        /// The versions this library reads.
        expected: String,
    },
    /// Two inputs that must agree do not (e.g. lengths, threshold order).
    #[error("{field}: {value} is inconsistent ({reason})")]
    Inconsistent {
        /// Where the problem is.
        field: Path,
        /// The value as written.
        value: String,
        /// Why.
        reason: String,
    },
    /// A name passed to the flat operations layer is not an operation.
    #[error("{field}: {value:?} is not an operation of this library")]
    UnknownOperation {
        /// Always `operation`.
        field: Path,
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

    /// The field the error is about, rendered (`log.sessions[3].rpe`; `$`
    /// for the whole request).
    pub fn field(&self) -> &str {
        self.path().as_str()
    }

    /// The field the error is about, as segments.
    pub fn path(&self) -> &Path {
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

    /// Prefix the field path, e.g. `rpe` becomes `sessions[3].rpe`
    /// (segment by segment: a path is never re-parsed).
    #[must_use]
    pub fn within(mut self, prefix: impl Into<Path>) -> Self {
        let prefix = prefix.into();
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
        *field = std::mem::take(field).within(&prefix);
        self
    }

    /// A number outside its accepted range (see [`number`] for how numbers print).
    pub fn out_of_range(field: impl Into<Path>, value: impl Display, expected: &str) -> Self {
        Error::OutOfRange {
            field: field.into(),
            value: value.to_string(),
            expected: expected.to_string(),
        }
    }

    /// A value the method needs is absent.
    pub fn missing(field: impl Into<Path>, needed_for: &str) -> Self {
        Error::MissingField {
            field: field.into(),
            needed_for: needed_for.to_string(),
        }
    }

    /// Two inputs disagree.
    pub fn inconsistent(field: impl Into<Path>, value: impl Display, reason: &str) -> Self {
        Error::Inconsistent {
            field: field.into(),
            value: value.to_string(),
            reason: reason.to_string(),
        }
    }

    /// A result that could not be serialized (a core bug), at `$`.
    pub fn unserializable(e: impl Display) -> Self {
        Error::InvalidInput {
            field: Path::root(),
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
    pub fn empty(field: impl Into<Path>, expected: &str) -> Self {
        Error::Empty {
            field: field.into(),
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
///
/// Each takes its field as anything that becomes a [`Path`] and builds the
/// path only when the check fails.
pub(crate) mod check {
    use super::{Error, Path, Result, number};

    /// `value` is finite.
    pub fn finite(field: impl Into<Path>, value: f64) -> Result<f64> {
        if value.is_finite() {
            Ok(value)
        } else {
            Err(Error::NotFinite {
                field: field.into(),
                value: number(value),
            })
        }
    }

    /// `value` is finite and within `[lo, hi]`.
    pub fn in_range(
        field: impl Into<Path>,
        value: f64,
        lo: f64,
        hi: f64,
        unit: &str,
    ) -> Result<f64> {
        if !value.is_finite() {
            return finite(field, value);
        }
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
    pub fn positive(field: impl Into<Path>, value: f64, hi: f64, unit: &str) -> Result<f64> {
        if !value.is_finite() {
            return finite(field, value);
        }
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
    pub fn date(field: impl Into<Path>, date: chrono::NaiveDate) -> Result<chrono::NaiveDate> {
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
    pub fn opt_date(field: impl Into<Path>, date: Option<chrono::NaiveDate>) -> Result<()> {
        if let Some(d) = date {
            self::date(field, d)?;
        }
        Ok(())
    }

    /// Optional variant of [`in_range`].
    pub fn opt_in_range(
        field: impl Into<Path>,
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
    pub fn opt_positive(
        field: impl Into<Path>,
        value: Option<f64>,
        hi: f64,
        unit: &str,
    ) -> Result<()> {
        if let Some(v) = value {
            positive(field, v, hi, unit)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_renders_as_paths_always_have() {
        let p = Path::root().key("log").key("sessions").index(3).key("rpe");
        assert_eq!(p.as_str(), "log.sessions[3].rpe");
        assert_eq!(p.to_string(), "log.sessions[3].rpe");
        assert_eq!(Path::root().as_str(), "$");
        assert_eq!(Path::root().index(2).as_str(), "[2]");
        assert_eq!(
            Path::from("loads").index(1).index(4).as_str(),
            "loads[1][4]"
        );
        assert_eq!(Path::from("$"), Path::root());
    }

    #[test]
    fn a_literal_is_split_into_its_keys_and_indices() {
        let p = Path::from("log.sessions[3].hr_histogram[0]");
        assert_eq!(
            p.segments(),
            [
                Segment::Key("log".into()),
                Segment::Key("sessions".into()),
                Segment::Index(3),
                Segment::Key("hr_histogram".into()),
                Segment::Index(0),
            ]
        );
        assert_eq!(p.as_str(), "log.sessions[3].hr_histogram[0]");
    }

    #[test]
    fn within_prepends_segments() {
        let e = Error::out_of_range("rpe", 12.0, "0 to 10").within(Path::from("sessions").index(3));
        let e = e.within("log");
        assert_eq!(e.field(), "log.sessions[3].rpe");
        assert_eq!(e.path().first_key(), Some("log"));
        assert_eq!(e.path().segments().len(), 4);
        // An error about the whole of something takes the prefix as its path.
        let e = Error::unserializable("x").within("options");
        assert_eq!((e.field(), e.path().segments().len()), ("options", 1));
        // An index at the root joins without a dot.
        let e = Error::out_of_range(Path::root().index(0), 1, "x").within("loads");
        assert_eq!(e.field(), "loads[0]");
        // A key that holds a dot stays one segment.
        let e = Error::missing(Path::root().key("a.b"), "x").within("log");
        assert_eq!(e.path().segments().len(), 2);
        assert_eq!(e.field(), "log.a.b");
    }
}
