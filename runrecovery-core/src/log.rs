//! A validated training log, its versioned JSON document, and calendar-day series.
//!
//! **Ordering.** Sessions are kept sorted by date, then start time (sessions
//! without a start time first, in input order).
//!
//! **Duplicates and conflicts** ([`DuplicatePolicy`]): two sessions that are
//! identical in every field are *duplicates*; two that share an `id`, or a
//! date and a start time, but differ elsewhere are *conflicts* (a device cannot
//! record two sessions starting at the same minute). The default rejects both;
//! `drop_exact` keeps one copy of exact duplicates and still rejects conflicts;
//! `keep_last` also lets a later entry replace a conflicting earlier one (the
//! rule for a re-synced device export: the last one read wins).
//!
//! **Missing days.** A calendar-day series ([`DailySeries`]) has one value per
//! day. A day with no session at all is present with zero load and marked as
//! not logged (`logged = false`); a day with a logged rest session is logged.
//! Models that care about the difference (coverage, ACWR) read `logged`.
//!
//! **Document format** (`schema_version` 1):
//! ```json
//! {"schema_version": 1, "athlete": {"age_years": 35}, "sessions": [
//!   {"date": "2026-03-02", "kind": "easy", "duration_s": 3600, "rpe": 3}]}
//! ```
//! Unknown fields are rejected, so a typo never passes silently. Documents of
//! a newer schema are refused with `unsupported_schema_version`; older ones
//! are migrated on reading.
//!
//! ```
//! use runrecovery_core::log::TrainingLog;
//! let log = TrainingLog::from_json(r#"{"schema_version": 1, "sessions": [
//!   {"date": "2026-03-03", "kind": "intervals", "duration_s": 3000, "rpe": 8},
//!   {"date": "2026-03-02", "kind": "easy", "duration_s": 3600, "rpe": 3}]}"#).unwrap();
//! assert_eq!(log.sessions()[0].date.to_string(), "2026-03-02"); // sorted
//! let again = TrainingLog::from_json(&log.to_json()).unwrap();
//! assert_eq!(again, log);
//! // A typo in a field name is an error, not silence:
//! let err = TrainingLog::from_json(r#"{"schema_version": 1, "sessions": [
//!   {"date": "2026-03-02", "kind": "easy", "duration_s": 3600, "rpee": 3}]}"#).unwrap_err();
//! assert_eq!((err.code(), err.field()), ("invalid_input", "sessions[0].rpee"));
//! ```

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::athlete::Athlete;
use crate::error::{Error, Path, Result, check};
use crate::session::{Session, Status};

/// The document schema version this library writes.
pub const SCHEMA_VERSION: u32 = 1;

/// What to do with repeated sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DuplicatePolicy {
    /// Reject duplicates and conflicts (default).
    #[default]
    Reject,
    /// Keep one copy of exact duplicates; reject conflicts.
    DropExact,
    /// Keep one copy of exact duplicates; a later conflicting entry replaces the earlier one.
    KeepLast,
}

/// The serialized form of a log (what is saved and loaded).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LogDocument {
    /// Always [`SCHEMA_VERSION`] when written by this version.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::SchemaVersion"))]
    pub schema_version: u32,
    /// The athlete the log belongs to, if stored with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub athlete: Option<Athlete>,
    /// The sessions.
    pub sessions: Vec<Session>,
}

/// A validated, sorted training log.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrainingLog {
    athlete: Option<Athlete>,
    sessions: Vec<Session>,
}

/// Where each kept session is, by date, by id and by (date, start time).
#[derive(Default)]
struct Index {
    by_date: HashMap<NaiveDate, Vec<usize>>,
    by_id: HashMap<String, usize>,
    by_start: HashMap<(NaiveDate, NaiveTime), usize>,
}

impl Index {
    fn add(&mut self, s: &Session, j: usize) {
        self.by_date.entry(s.date).or_default().push(j);
        if let Some(id) = &s.id {
            self.by_id.insert(id.clone(), j);
        }
        if let Some(t) = s.start_time {
            self.by_start.insert((s.date, t), j);
        }
    }

    fn remove(&mut self, s: &Session, j: usize) {
        if let Some(v) = self.by_date.get_mut(&s.date) {
            v.retain(|&x| x != j);
        }
        if let Some(id) = &s.id {
            self.by_id.remove(id);
        }
        if let Some(t) = s.start_time {
            self.by_start.remove(&(s.date, t));
        }
    }
}

impl TrainingLog {
    /// Validates every session and the athlete, applies the duplicate policy and sorts.
    ///
    /// # Errors
    /// `empty` for no sessions; the session's own error prefixed `sessions[i]`;
    /// `duplicate_session` or `conflicting_sessions` under the policy.
    pub fn new(
        athlete: Option<Athlete>,
        sessions: Vec<Session>,
        policy: DuplicatePolicy,
    ) -> Result<Self> {
        if let Some(a) = &athlete {
            a.validate().map_err(|e| e.within("athlete"))?;
        }
        if sessions.is_empty() {
            return Err(Error::empty("sessions", "at least one session"));
        }
        let mut kept: Vec<Session> = Vec::with_capacity(sessions.len());
        // Indexes into `kept`, so each check is a lookup rather than a scan.
        let mut index = Index::default();
        for (i, s) in sessions.into_iter().enumerate() {
            let field = Path::from("sessions").index(i);
            s.validate().map_err(|e| e.within(&field))?;
            let same_day = index
                .by_date
                .get(&s.date)
                .map(Vec::as_slice)
                .unwrap_or_default();
            if same_day.iter().any(|&j| kept[j] == s) {
                if policy == DuplicatePolicy::Reject {
                    return Err(Error::DuplicateSession {
                        field,
                        value: s.describe(),
                    });
                }
                continue;
            }
            let same_id = s.id.as_ref().and_then(|id| index.by_id.get(id)).copied();
            // Without ids on both sides, a shared date and start time identifies a session.
            let same_start = s
                .start_time
                .and_then(|t| index.by_start.get(&(s.date, t)))
                .copied()
                .filter(|&j| kept[j].id.is_none() || s.id.is_none());
            if let Some(j) = same_id.or(same_start) {
                if policy != DuplicatePolicy::KeepLast {
                    let reason = if same_id.is_some() {
                        format!(
                            "same id {:?} as {}",
                            s.id.as_deref().unwrap_or(""),
                            kept[j].describe()
                        )
                    } else {
                        format!("same date and start time as {}", kept[j].describe())
                    };
                    return Err(Error::ConflictingSessions {
                        field,
                        value: s.describe(),
                        reason,
                    });
                }
                let old = std::mem::replace(&mut kept[j], s);
                index.remove(&old, j);
                index.add(&kept[j], j);
                continue;
            }
            index.add(&s, kept.len());
            kept.push(s);
        }
        // Stable sort: same-day sessions without a start time keep input order, first.
        crate::sort::sort_by_key(&mut kept, |s| (s.date, s.start_time));
        Ok(TrainingLog {
            athlete,
            sessions: kept,
        })
    }

    /// Reads a log document (JSON text), migrating older schema versions.
    ///
    /// # Errors
    /// `invalid_input` for malformed JSON or unknown fields (with the path),
    /// `unsupported_schema_version`, and everything [`TrainingLog::new`] rejects.
    pub fn from_json(text: &str) -> Result<Self> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| Error::InvalidInput {
                field: "$".into(),
                message: format!("not valid JSON: {e}"),
            })?;
        Self::from_value(value, DuplicatePolicy::default())
    }

    /// Reads a log document already parsed into a JSON value.
    ///
    /// # Errors
    /// As [`TrainingLog::from_json`].
    pub fn from_value(value: serde_json::Value, policy: DuplicatePolicy) -> Result<Self> {
        let doc = read_document(value)?;
        Self::new(doc.athlete, doc.sessions, policy)
    }

    /// Writes the log as a document of the current schema.
    pub fn to_document(&self) -> LogDocument {
        LogDocument {
            schema_version: SCHEMA_VERSION,
            athlete: self.athlete.clone(),
            sessions: self.sessions.clone(),
        }
    }

    /// Writes the log as JSON text (current schema).
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.to_document()).unwrap_or_default()
    }

    /// The sessions, sorted.
    pub fn sessions(&self) -> &[Session] {
        &self.sessions
    }

    /// The athlete stored with the log.
    pub fn athlete(&self) -> Option<&Athlete> {
        self.athlete.as_ref()
    }

    /// Completed sessions only.
    pub fn completed(&self) -> impl DoubleEndedIterator<Item = &Session> {
        self.sessions
            .iter()
            .filter(|s| s.status == Status::Completed)
    }

    /// First and last dates of the log (planned sessions included).
    pub fn date_range(&self) -> (NaiveDate, NaiveDate) {
        // Non-empty by construction.
        let first = self.sessions.first().map(|s| s.date).unwrap_or_default();
        let last = self.sessions.last().map(|s| s.date).unwrap_or_default();
        (first, last)
    }
}

/// Parses a document value: schema check, migrations, then the typed fields,
/// reporting the path of the first bad session.
fn read_document(value: serde_json::Value) -> Result<LogDocument> {
    let obj = value.as_object().ok_or_else(|| Error::InvalidInput {
        field: "$".into(),
        message: "a log document must be a JSON object".into(),
    })?;
    let version = obj.get("schema_version").ok_or_else(|| {
        Error::missing(
            "schema_version",
            "reading a log document (this version writes 1)",
        )
    })?;
    let version_n = version.as_u64().ok_or_else(|| Error::InvalidInput {
        field: "schema_version".into(),
        message: format!("{version} is not a whole number"),
    })?;
    if version_n != u64::from(SCHEMA_VERSION) {
        return Err(Error::UnsupportedSchemaVersion {
            field: "schema_version".into(),
            value: version_n.to_string(),
            expected: format!("1 to {SCHEMA_VERSION}"),
        });
    }
    for key in obj.keys() {
        if !matches!(key.as_str(), "schema_version" | "athlete" | "sessions") {
            return Err(Error::InvalidInput {
                field: Path::root().key(key.as_str()),
                message: "unknown field (expected schema_version, athlete, sessions)".into(),
            });
        }
    }
    let athlete = match obj.get("athlete") {
        None | Some(serde_json::Value::Null) => None,
        Some(a) => Some(crate::decode::from_value::<Athlete>(a, "athlete")?),
    };
    let sessions_value = obj
        .get("sessions")
        .ok_or_else(|| Error::missing("sessions", "reading a log document"))?;
    if !sessions_value.is_array() {
        return Err(Error::InvalidInput {
            field: "sessions".into(),
            message: "must be a list of sessions".into(),
        });
    }
    // The decoder names the session's index in the path (`sessions[3].rpe`).
    let sessions = crate::decode::from_value::<Vec<Session>>(sessions_value, "sessions")?;
    Ok(LogDocument {
        schema_version: SCHEMA_VERSION,
        athlete,
        sessions,
    })
}

/// A calendar-day series: one value per day from `start`, with missing days explicit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DailySeries {
    /// The first day.
    pub start: NaiveDate,
    /// One value per day.
    pub values: Vec<f64>,
    /// Whether anything was logged that day (`false`: no data, value 0).
    pub logged: Vec<bool>,
}

impl DailySeries {
    /// Builds a series from dated values. Dates must strictly increase; days in
    /// between are filled with 0 and marked not logged. Values must be finite and ≥ 0.
    ///
    /// # Errors
    /// `empty`, `inconsistent` (lengths), `unsorted_dates`, `duplicate_date`,
    /// `not_finite`, `out_of_range` (negative), each naming `dates`, `dates[i]`,
    /// `values` or `values[i]` under `field` (the object holding both; `$`
    /// for a request's top level).
    pub fn from_dated(dates: &[NaiveDate], values: &[f64], field: impl Into<Path>) -> Result<Self> {
        let field = field.into();
        let at = |name: Path| name.within(&field);
        if dates.is_empty() {
            return Err(Error::empty(at("dates".into()), "at least one dated value"));
        }
        if dates.len() != values.len() {
            return Err(Error::inconsistent(
                at("values".into()),
                format!("{} values", values.len()),
                &format!("there are {} dates", dates.len()),
            ));
        }
        for w in dates.windows(2).enumerate() {
            let (i, pair) = w;
            if pair[1] == pair[0] {
                return Err(Error::DuplicateDate {
                    field: at(Path::from("dates").index(i + 1)),
                    value: pair[1].to_string(),
                });
            }
            if pair[1] < pair[0] {
                return Err(Error::UnsortedDates {
                    field: at(Path::from("dates").index(i + 1)),
                    value: pair[1].to_string(),
                    previous: pair[0].to_string(),
                });
            }
        }
        for (i, d) in dates.iter().enumerate() {
            check::date(at(Path::from("dates").index(i)), *d)?;
        }
        let start = dates[0];
        let n = (dates[dates.len() - 1] - start).num_days() as usize + 1;
        if n > MAX_SERIES_DAYS {
            return Err(Error::out_of_range(
                at("dates".into()),
                format!("{n} days"),
                &format!("at most {MAX_SERIES_DAYS} days"),
            ));
        }
        let mut out = DailySeries {
            start,
            values: vec![0.0; n],
            logged: vec![false; n],
        };
        for (i, (d, v)) in dates.iter().zip(values).enumerate() {
            let v = check_load(*v, || at(Path::from("values").index(i)))?;
            let k = (*d - start).num_days() as usize;
            out.values[k] = v;
            out.logged[k] = true;
        }
        Ok(out)
    }

    /// The date of day `i`.
    pub fn date(&self, i: usize) -> NaiveDate {
        self.start + chrono::Days::new(i as u64)
    }

    /// The last day.
    pub fn end(&self) -> NaiveDate {
        self.date(self.values.len().saturating_sub(1))
    }
}

/// The longest daily series accepted: 100 years.
pub const MAX_SERIES_DAYS: usize = 36_525;

/// The largest daily load accepted: far above any real day (24 h at RPE 10 is
/// 14 400 AU), low enough that sums over decades stay finite.
pub const MAX_DAILY_LOAD: f64 = 100_000.0;

/// A daily load must be finite, non-negative and at most [`MAX_DAILY_LOAD`].
/// The field's name is built only for an error (series are checked day by day).
pub(crate) fn check_load(v: f64, field: impl FnOnce() -> Path) -> Result<f64> {
    if (0.0..=MAX_DAILY_LOAD).contains(&v) {
        return Ok(v);
    }
    let field = field();
    if !v.is_finite() {
        return check::finite(field, v);
    }
    Err(Error::out_of_range(field, v, "a load from 0 to 100000"))
}

/// The Monday of the ISO week containing `d`.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::SessionKind;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn exact_duplicates_follow_the_policy() {
        let s = Session::new(day(2), SessionKind::Easy, 3600.0);
        let e = TrainingLog::new(None, vec![s.clone(), s.clone()], DuplicatePolicy::Reject)
            .unwrap_err();
        assert_eq!((e.code(), e.field()), ("duplicate_session", "sessions[1]"));
        let log = TrainingLog::new(None, vec![s.clone(), s], DuplicatePolicy::DropExact).unwrap();
        assert_eq!(log.sessions().len(), 1);
    }

    #[test]
    fn conflicts_by_id_keep_last_or_fail() {
        let mut a = Session::new(day(2), SessionKind::Easy, 3600.0);
        a.id = Some("x".into());
        let mut b = a.clone();
        b.duration_s = 3000.0;
        let e = TrainingLog::new(None, vec![a.clone(), b.clone()], DuplicatePolicy::DropExact)
            .unwrap_err();
        assert_eq!(e.code(), "conflicting_sessions");
        let log = TrainingLog::new(None, vec![a, b], DuplicatePolicy::KeepLast).unwrap();
        assert_eq!(log.sessions()[0].duration_s, 3000.0);
    }

    #[test]
    fn series_fills_gaps_and_rejects_disorder() {
        let s = DailySeries::from_dated(&[day(1), day(4)], &[10.0, 20.0], "loads").unwrap();
        assert_eq!(s.values, vec![10.0, 0.0, 0.0, 20.0]);
        assert_eq!(s.logged, vec![true, false, false, true]);
        let e = DailySeries::from_dated(&[day(4), day(1)], &[1.0, 1.0], "loads").unwrap_err();
        assert_eq!((e.code(), e.field()), ("unsorted_dates", "loads.dates[1]"));
        let e = DailySeries::from_dated(&[day(1), day(2)], &[1.0, -1.0], "$").unwrap_err();
        assert_eq!((e.code(), e.field()), ("out_of_range", "values[1]"));
        let e = DailySeries::from_dated(&[day(1), day(1)], &[1.0, 1.0], "loads").unwrap_err();
        assert_eq!(e.code(), "duplicate_date");
    }

    #[test]
    fn newer_schema_is_refused() {
        let e = TrainingLog::from_json(r#"{"schema_version": 2, "sessions": []}"#).unwrap_err();
        assert_eq!(e.code(), "unsupported_schema_version");
    }
}
