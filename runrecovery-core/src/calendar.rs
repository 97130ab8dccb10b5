//! A plan, or any log's sessions, as an iCalendar file (RFC 5545), to import
//! into a calendar app.
//!
//! **The file.** One `VCALENDAR` (RFC 5545 §3.4) with `VERSION:2.0`,
//! `PRODID:-//runrecovery//runrecovery <version>//EN`, `CALSCALE:GREGORIAN`
//! (§3.7) and `X-WR-CALNAME` (the calendar's name, the extension calendar apps
//! read), then one `VEVENT` (§3.6.1) per selected session, in the log's order
//! (date, then start time).
//!
//! **Which sessions** ([`CalendarOptions`]): planned ones by default, or
//! completed ones, or both; rest days are left out unless asked for (a rest
//! day is not something to attend). An empty selection is a valid calendar
//! with no events.
//!
//! **Each event:**
//!
//! - `UID` (§3.8.4.7): deterministic and unique within the file:
//!   `id-<session id>@runrecovery` when the session has an id, else
//!   `<YYYYMMDD>-<n>@runrecovery` with `n` the session's place (from 1) among
//!   that day's sessions of the whole log, so re-exporting the same log gives
//!   the same UIDs and a calendar app updates its events instead of doubling
//!   them. The `id-` prefix keeps the two forms apart: an id that looks like a
//!   date and a number cannot take another session's UID.
//! - `DTSTAMP` (§3.8.7.2, required in every event): the caller's `stamp`, a UTC
//!   date-time; the library reads no clock, so the default is the log's first
//!   date at 00:00:00 UTC.
//! - Without a `start_time` the session is an all-day event:
//!   `DTSTART;VALUE=DATE` and `DTEND;VALUE=DATE` the next day (§3.6.1: the end
//!   date is not part of the event). With one it starts at that local time in
//!   whatever time zone the athlete is in (a floating time, §3.3.5 form 1:
//!   `DTSTART:20270104T063000`) and lasts `DURATION` (§3.3.6, §3.8.2.5) of the
//!   session's duration rounded to whole minutes, written in minutes only
//!   (`PT45M`, `PT90M`; at least one minute). A session of 0 s (a rest day)
//!   is always all-day.
//! - `SUMMARY`: the kind's name, the distance in km (to 0.1 km) when given and
//!   the minutes: `Intervals 55 min`, `Easy run 8 km · 40 min`.
//! - `DESCRIPTION`: the session's notes (a generated plan writes each
//!   session's purpose there), then the RPE: `Target RPE 7/10` for a planned
//!   session, `RPE 7/10` for a completed one. Left out when there is neither.
//! - `CATEGORIES` (§3.8.1.2): the kind's snake_case name (`intervals`).
//!
//! **Text** (§3.3.11): `\`, `;` and `,` are escaped with a backslash, a line
//! break (LF, CR LF or CR) becomes `\n`; the other control characters, which
//! TEXT cannot hold, become a space (a tab stays). **Lines** (§3.1) end with
//! CR LF and are folded so no line is longer than 75 octets: a longer line
//! continues on the next, which starts with one space; folds fall between
//! UTF-8 characters, never inside one.
//!
//! ```
//! use runrecovery_core::calendar::{CalendarOptions, to_icalendar};
//! use runrecovery_core::log::TrainingLog;
//! let log = TrainingLog::from_json(r#"{"schema_version": 1, "sessions": [
//!   {"date": "2027-01-05", "kind": "intervals", "duration_s": 3300, "rpe": 8,
//!    "status": "planned", "notes": "5 x 1000 m at I pace"}]}"#).unwrap();
//! let cal = to_icalendar(&log, &CalendarOptions::default()).unwrap();
//! assert_eq!(cal.events, 1);
//! assert!(cal.ics.contains("\r\nSUMMARY:Intervals 55 min\r\n"));
//! assert!(cal.ics.contains("\r\nDESCRIPTION:5 x 1000 m at I pace\\nTarget RPE 8/10\r\n"));
//! assert!(cal.ics.contains("\r\nDTSTART;VALUE=DATE:20270105\r\nDTEND;VALUE=DATE:20270106\r\n"));
//! // The stamp is a UTC date-time:
//! let e = runrecovery_core::calendar::parse_stamp("2027-01-05 06:00").unwrap_err();
//! assert_eq!((e.code(), e.field()), ("invalid_input", "stamp"));
//! ```

use std::fmt::Write;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::Serialize;

use crate::error::{Error, Result, check};
use crate::load::Include;
use crate::log::TrainingLog;
use crate::session::{Session, SessionKind, Status};

/// The longest content line, in octets, without its CR LF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// The calendar's name when none is given.
pub const DEFAULT_CALENDAR_NAME: &str = "runrecovery plan";

/// What goes into the calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarOptions {
    /// Which sessions: planned (default), completed or both.
    pub include: Include,
    /// Rest sessions too (default `false`: a rest day is not an event to attend).
    pub include_rest: bool,
    /// The calendar's name (`X-WR-CALNAME`), default [`DEFAULT_CALENDAR_NAME`].
    pub calendar_name: String,
    /// Every event's `DTSTAMP`, in UTC (default: the log's first date at 00:00:00).
    pub stamp: Option<NaiveDateTime>,
}

impl Default for CalendarOptions {
    fn default() -> Self {
        CalendarOptions {
            include: Include::Planned,
            include_rest: false,
            calendar_name: DEFAULT_CALENDAR_NAME.to_string(),
            stamp: None,
        }
    }
}

/// An iCalendar file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Calendar {
    /// The file's text (CR LF line endings, lines folded at 75 octets).
    pub ics: String,
    /// The number of events (`VEVENT`s).
    pub events: usize,
}

/// Reads a `stamp`: a UTC date-time written `YYYY-MM-DDTHH:MM:SSZ`.
///
/// # Errors
/// `invalid_input` naming `stamp` for any other form (no `Z`, an offset,
/// fractions of a second, a date or time that does not exist).
pub fn parse_stamp(text: &str) -> Result<NaiveDateTime> {
    let b = text.as_bytes();
    // Bytes 10 and 19 are ASCII, so 10, 11 and 19 fall between characters.
    let parsed = if b.len() == 20 && b[10] == b'T' && b[19] == b'Z' {
        text[..10]
            .parse::<NaiveDate>()
            .ok()
            .zip(text[11..19].parse::<NaiveTime>().ok())
    } else {
        None
    };
    parsed
        .map(|(d, t)| d.and_time(t))
        .ok_or_else(|| Error::InvalidInput {
            field: "stamp".into(),
            message: format!("{text:?} is not a UTC date-time (expected YYYY-MM-DDTHH:MM:SSZ)"),
        })
}

/// Escapes TEXT (RFC 5545 §3.3.11): `\`, `;`, `,` get a backslash, a line
/// break (LF, CR LF or CR) becomes `\n`, other control characters a space.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    let mut cr = false;
    for c in text.chars() {
        match c {
            '\n' if cr => {}
            '\n' | '\r' => out.push_str("\\n"),
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push(c),
            c if c.is_ascii_control() => out.push(' '),
            c => out.push(c),
        }
        cr = c == '\r';
    }
}

/// Content lines separated by `\n` as RFC 5545 wants them (§3.1): each ends
/// with CR LF, and one longer than 75 octets is folded between UTF-8
/// characters, the rest continuing on a line that starts with one space.
pub fn fold_lines(lines: &str) -> String {
    let mut out = String::with_capacity(lines.len() + lines.len() / 32 + 2);
    let mut octets = 0;
    for c in lines.chars() {
        if c == '\n' {
            out.push_str("\r\n");
            octets = 0;
            continue;
        }
        if octets + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out
}

/// The session's kind as a calendar names it.
fn kind_title(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::Rest => "Rest day",
        SessionKind::Recovery => "Recovery run",
        SessionKind::Easy => "Easy run",
        SessionKind::Long => "Long run",
        SessionKind::Tempo => "Tempo run",
        SessionKind::Threshold => "Threshold",
        SessionKind::Intervals => "Intervals",
        SessionKind::Hills => "Hills",
        SessionKind::Strides => "Strides",
        SessionKind::Race => "Race",
        SessionKind::CrossTraining => "Cross-training",
        SessionKind::Strength => "Strength",
        SessionKind::Mobility => "Mobility",
        SessionKind::Walk => "Walk",
    }
}

/// Whole minutes, at least one for a session that takes any time.
fn minutes(s: &Session) -> u64 {
    let m = (s.duration_s / 60.0).round() as u64;
    if m == 0 && s.duration_s > 0.0 { 1 } else { m }
}

/// A date as the number `YYYYMMDD` (RFC 5545 §3.3.4; years 1900–2201 have 4 digits).
fn ymd(d: NaiveDate) -> u32 {
    d.year() as u32 * 10_000 + d.month() * 100 + d.day()
}

/// A time as the number `HHMMSS` (RFC 5545 §3.3.12; print with 6 digits).
fn hms(t: NaiveTime) -> u32 {
    t.hour() * 10_000 + t.minute() * 100 + t.second()
}

/// Appends a whole number.
fn push_num(doc: &mut String, n: u64) {
    let _ = write!(doc, "{n}");
}

/// Appends one session's `VEVENT` (content lines separated by `\n`, not yet
/// folded); `n` is its place among its day's sessions, `stamp` the `DTSTAMP` value.
fn push_event(doc: &mut String, s: &Session, n: u64, stamp: &str) {
    let date = u64::from(ymd(s.date));
    doc.push_str("\nBEGIN:VEVENT\nUID:");
    match &s.id {
        Some(id) => {
            doc.push_str("id-");
            escape_into(doc, id);
        }
        None => {
            push_num(doc, date);
            doc.push('-');
            push_num(doc, n);
        }
    }
    doc.push_str("@runrecovery\nDTSTAMP:");
    doc.push_str(stamp);
    let m = minutes(s);
    match s.start_time.filter(|_| m > 0) {
        Some(t) => {
            doc.push_str("\nDTSTART:");
            push_num(doc, date);
            let _ = write!(doc, "T{:06}\nDURATION:PT{m}M", hms(t));
        }
        None => {
            doc.push_str("\nDTSTART;VALUE=DATE:");
            push_num(doc, date);
            doc.push_str("\nDTEND;VALUE=DATE:");
            push_num(doc, ymd(s.date.succ_opt().unwrap_or(s.date)).into());
        }
    }
    // The summary holds nothing TEXT escapes: `Easy run 8 km · 40 min`.
    doc.push_str("\nSUMMARY:");
    doc.push_str(kind_title(s.kind));
    let mut sep = " ";
    if let Some(d) = s.distance_m {
        let tenths = (d / 100.0).round() as u64;
        doc.push(' ');
        push_num(doc, tenths / 10);
        if tenths % 10 != 0 {
            doc.push('.');
            push_num(doc, tenths % 10);
        }
        doc.push_str(" km");
        sep = " · ";
    }
    if m > 0 {
        doc.push_str(sep);
        push_num(doc, m);
        doc.push_str(" min");
    }
    // The notes, then the RPE on a line of its own.
    let notes = s.notes.as_deref().unwrap_or_default();
    if !notes.is_empty() || s.rpe.is_some() {
        doc.push_str("\nDESCRIPTION:");
        escape_into(doc, notes);
    }
    if let Some(r) = s.rpe {
        if !notes.is_empty() {
            doc.push_str("\\n");
        }
        if s.status == Status::Planned {
            doc.push_str("Target ");
        }
        let _ = write!(doc, "RPE {r}/10");
    }
    doc.push_str("\nCATEGORIES:");
    doc.push_str(s.kind.name());
    doc.push_str("\nEND:VEVENT");
}

/// The sessions of `log` chosen by `options` as an iCalendar file.
///
/// # Errors
/// `out_of_range` (`stamp`) for a stamp outside the years 1900–2200.
pub fn to_icalendar(log: &TrainingLog, options: &CalendarOptions) -> Result<Calendar> {
    let stamp = match options.stamp {
        Some(s) => check::date("stamp", s.date()).map(|_| s)?,
        None => log.date_range().0.and_time(NaiveTime::MIN),
    };
    let stamp = format!("{}T{:06}Z", ymd(stamp.date()), hms(stamp.time()));
    let mut doc = String::from(concat!(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//runrecovery//runrecovery ",
        env!("CARGO_PKG_VERSION"),
        "//EN\nCALSCALE:GREGORIAN\nX-WR-CALNAME:"
    ));
    escape_into(&mut doc, &options.calendar_name);
    let mut events = 0;
    let (mut day, mut n) = (None, 0u64);
    for s in log.sessions() {
        n = if day == Some(s.date) { n + 1 } else { 1 };
        day = Some(s.date);
        let chosen = match options.include {
            Include::Completed => s.status == Status::Completed,
            Include::Planned => s.status == Status::Planned,
            Include::Both => true,
        };
        if chosen && (s.kind != SessionKind::Rest || options.include_rest) {
            events += 1;
            push_event(&mut doc, s, n, &stamp);
        }
    }
    doc.push_str("\nEND:VCALENDAR\n");
    Ok(Calendar {
        ics: fold_lines(&doc),
        events,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::DuplicatePolicy;
    use proptest::prelude::*;

    fn log(json: &str) -> TrainingLog {
        TrainingLog::from_json(&format!(r#"{{"schema_version": 1, "sessions": [{json}]}}"#))
            .unwrap()
    }

    fn stamp(text: &str) -> Option<NaiveDateTime> {
        Some(parse_stamp(text).unwrap())
    }

    /// RFC 5545 §3.1 and §3.3.11 undone: unfold, split, unescape one line's value.
    fn unfold(ics: &str) -> Vec<String> {
        let text = ics.replace("\r\n ", "");
        let mut lines: Vec<String> = text.split("\r\n").map(str::to_string).collect();
        assert_eq!(lines.pop().as_deref(), Some(""), "the file ends with CR LF");
        lines
    }

    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => out.push('\n'),
                    Some(e @ ('\\' | ';' | ',')) => out.push(e),
                    other => panic!("bad escape \\{other:?} in {value:?}"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn values<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
        lines
            .iter()
            .filter_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
            .collect()
    }

    #[test]
    fn a_plan_week_as_a_file_checked_by_hand() {
        let log = log(r#"
            {"date": "2027-01-04", "kind": "easy", "duration_s": 2400, "distance_m": 8000, "rpe": 3,
             "status": "planned", "notes": "easy aerobic running: most of the week, at conversation pace"},
            {"id": "w1;tue", "date": "2027-01-05", "start_time": "06:30:00", "kind": "intervals",
             "duration_s": 3300, "rpe": 8, "status": "planned"},
            {"date": "2027-01-06", "kind": "rest", "duration_s": 0, "status": "planned"},
            {"date": "2027-01-03", "kind": "long", "duration_s": 5400, "rpe": 5}"#);
        let options = CalendarOptions {
            calendar_name: "Spring 10K".into(),
            stamp: stamp("2027-01-01T08:00:00Z"),
            ..CalendarOptions::default()
        };
        let cal = to_icalendar(&log, &options).unwrap();
        let want = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            &format!(
                "PRODID:-//runrecovery//runrecovery {}//EN",
                env!("CARGO_PKG_VERSION")
            ),
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:Spring 10K",
            "BEGIN:VEVENT",
            "UID:20270104-1@runrecovery",
            "DTSTAMP:20270101T080000Z",
            "DTSTART;VALUE=DATE:20270104",
            "DTEND;VALUE=DATE:20270105",
            "SUMMARY:Easy run 8 km · 40 min",
            // 75 octets exactly, then the rest on a continuation line.
            "DESCRIPTION:easy aerobic running: most of the week\\, at conversation pace\\n",
            " Target RPE 3/10",
            "CATEGORIES:easy",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:id-w1\\;tue@runrecovery",
            "DTSTAMP:20270101T080000Z",
            "DTSTART:20270105T063000",
            "DURATION:PT55M",
            "SUMMARY:Intervals 55 min",
            "DESCRIPTION:Target RPE 8/10",
            "CATEGORIES:intervals",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
        .join("\r\n");
        assert_eq!(cal.ics, want);
        assert_eq!(cal.events, 2);
        // The completed long run and the rest day come in when asked for.
        let all = CalendarOptions {
            include: Include::Both,
            include_rest: true,
            ..options
        };
        let cal = to_icalendar(&log, &all).unwrap();
        assert_eq!(cal.events, 4);
        assert!(cal.ics.contains(
            "UID:20270103-1@runrecovery\r\nDTSTAMP:20270101T080000Z\r\n\
             DTSTART;VALUE=DATE:20270103\r\nDTEND;VALUE=DATE:20270104\r\n\
             SUMMARY:Long run 90 min\r\nDESCRIPTION:RPE 5/10\r\n"
        ));
        assert!(cal.ics.contains("SUMMARY:Rest day\r\nCATEGORIES:rest\r\n"));
    }

    #[test]
    fn lines_fold_at_75_octets_between_characters() {
        let fold = |s: &str| fold_lines(&format!("{s}\n"));
        let a = |n: usize| "a".repeat(n);
        // 75 octets stay on one line; 76 do not.
        assert_eq!(fold(&a(75)), format!("{}\r\n", a(75)));
        assert_eq!(fold(&a(76)), format!("{}\r\n a\r\n", a(75)));
        // Continuation lines hold the space and 74 octets.
        assert_eq!(
            fold(&a(75 + 74 + 1)),
            format!("{}\r\n {}\r\n a\r\n", a(75), a(74))
        );
        // A 2-octet é that would end at octet 76 moves to the next line whole.
        assert_eq!(fold(&(a(74) + "é")), format!("{}\r\n é\r\n", a(74)));
        // ... and one ending exactly at octet 75 stays.
        assert_eq!(fold(&(a(73) + "é")), format!("{}é\r\n", a(73)));
        // A 4-octet emoji starting at octet 73 would end at 76: folded before it.
        assert_eq!(fold(&(a(72) + "😀b")), format!("{}\r\n 😀b\r\n", a(72)));
        // The same on a continuation line: 1 + 73 + 2 = 76.
        assert_eq!(
            fold(&(a(75) + &a(73) + "é")),
            format!("{}\r\n {}\r\n é\r\n", a(75), a(73))
        );
    }

    #[test]
    fn text_is_escaped_as_rfc_5545_says() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg\th\u{7}i\u{7f}é"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng\th i é"
        );
        // The calendar's name too: control characters are not an error.
        let log = log(
            r#"{"date": "2027-01-04", "kind": "easy", "duration_s": 2400, "status": "planned"}"#,
        );
        let options = CalendarOptions {
            calendar_name: "10K; Spring,\r\n2027\u{0}".into(),
            ..CalendarOptions::default()
        };
        let cal = to_icalendar(&log, &options).unwrap();
        assert!(
            cal.ics
                .contains("\r\nX-WR-CALNAME:10K\\; Spring\\,\\n2027 \r\n")
        );
    }

    #[test]
    fn all_day_without_a_start_time_timed_with_one() {
        let log = log(r#"
            {"date": "2027-12-31", "kind": "long", "duration_s": 5400, "status": "planned"},
            {"date": "2027-12-30", "start_time": "18:05:30", "kind": "strides", "duration_s": 20, "status": "planned"},
            {"date": "2027-12-29", "start_time": "07:00:00", "kind": "tempo", "duration_s": 5430, "distance_m": 15050, "status": "planned"},
            {"date": "2027-12-28", "start_time": "07:00:00", "kind": "rest", "duration_s": 0, "status": "planned"}"#);
        let options = CalendarOptions {
            include_rest: true,
            ..CalendarOptions::default()
        };
        let lines = unfold(&to_icalendar(&log, &options).unwrap().ics);
        // A rest day of 0 s is all-day even with a start time.
        assert_eq!(
            values(&lines, "DTSTART;VALUE=DATE"),
            ["20271228", "20271231"]
        );
        assert_eq!(values(&lines, "DTEND;VALUE=DATE"), ["20271229", "20280101"]);
        assert_eq!(
            values(&lines, "DTSTART"),
            ["20271229T070000", "20271230T180530"]
        );
        // 5430 s rounds to 91 min (whole minutes, written in minutes); 20 s to 1.
        assert_eq!(values(&lines, "DURATION"), ["PT91M", "PT1M"]);
        assert_eq!(
            values(&lines, "SUMMARY"),
            [
                "Rest day",
                "Tempo run 15.1 km · 91 min",
                "Strides 1 min",
                "Long run 90 min"
            ]
        );
        // Default stamp: the log's first date at midnight UTC.
        assert_eq!(values(&lines, "DTSTAMP")[0], "20271228T000000Z");
    }

    #[test]
    fn uids_are_unique_and_stable() {
        let log = log(r#"
            {"date": "2027-01-04", "kind": "easy", "duration_s": 2400, "status": "completed"},
            {"date": "2027-01-04", "kind": "strength", "duration_s": 1800, "status": "planned"},
            {"date": "2027-01-04", "kind": "mobility", "duration_s": 900, "status": "planned"},
            {"id": "20270104-2", "date": "2027-01-04", "kind": "walk", "duration_s": 1800, "status": "planned"},
            {"date": "2027-01-05", "kind": "easy", "duration_s": 2400, "status": "planned"}"#);
        let lines = unfold(&to_icalendar(&log, &CalendarOptions::default()).unwrap().ics);
        // Numbered by place in the day among all the log's sessions, so the
        // completed run keeps the planned ones' numbers whatever is exported.
        assert_eq!(
            values(&lines, "UID"),
            [
                "20270104-2@runrecovery",
                "20270104-3@runrecovery",
                "id-20270104-2@runrecovery",
                "20270105-1@runrecovery"
            ]
        );
    }

    #[test]
    fn the_stamp_is_a_utc_date_time() {
        assert_eq!(
            parse_stamp("2027-01-04T06:30:05Z").unwrap(),
            NaiveDate::from_ymd_opt(2027, 1, 4)
                .unwrap()
                .and_hms_opt(6, 30, 5)
                .unwrap()
        );
        for bad in [
            "2027-01-04",
            "2027-01-04T06:30:00",
            "2027-01-04T06:30:00+01:00",
            "2027-01-04 06:30:00Z",
            "2027-02-30T00:00:00Z",
            "2027-01-04T25:00:00Z",
            "2027-01-04T06:30Z",
            "2027-01-04T06:30:00.5Z",
            "2027-01-0éT06:30:00Z",
            "",
        ] {
            let e = parse_stamp(bad).unwrap_err();
            assert_eq!((e.code(), e.field()), ("invalid_input", "stamp"), "{bad}");
        }
        let log = log(
            r#"{"date": "2027-01-04", "kind": "easy", "duration_s": 2400, "status": "planned"}"#,
        );
        let options = CalendarOptions {
            stamp: stamp("1800-01-01T00:00:00Z"),
            ..CalendarOptions::default()
        };
        let e = to_icalendar(&log, &options).unwrap_err();
        assert_eq!((e.code(), e.field()), ("out_of_range", "stamp"));
    }

    #[test]
    fn nothing_selected_is_an_empty_calendar() {
        let log = log(r#"{"date": "2027-01-04", "kind": "easy", "duration_s": 2400}"#);
        let cal = to_icalendar(&log, &CalendarOptions::default()).unwrap();
        assert_eq!(cal.events, 0);
        assert!(cal.ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(
            cal.ics
                .ends_with("X-WR-CALNAME:runrecovery plan\r\nEND:VCALENDAR\r\n")
        );
    }

    const KINDS: [SessionKind; 14] = SessionKind::ALL;

    prop_compose! {
        fn session()(
            day in 0u64..5,
            kind in 0usize..14,
            planned in any::<bool>(),
            duration_s in 1u32..20_000,
            pace in proptest::option::of(200u32..600),
            rpe in proptest::option::of(0u8..=20),
            notes in proptest::option::of("[a-z ,;:\\\\\né€😀·\t]{0,120}"),
            id in proptest::option::of("[a-z0-9,;\\\\-]{1,12}"),
            start in proptest::option::of(0u32..86_400),
        ) -> Session {
            let date = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap() + chrono::Days::new(day);
            let mut s = Session::new(date, KINDS[kind], f64::from(duration_s));
            s.status = if planned { Status::Planned } else { Status::Completed };
            s.distance_m = pace.map(|p| (f64::from(duration_s) / f64::from(p) * 1000.0).round().max(1.0))
                .filter(|_| s.kind.is_run() || s.kind == SessionKind::Walk);
            s.rpe = rpe.map(|r| f64::from(r) / 2.0);
            s.notes = notes;
            s.id = id;
            s.start_time = start.and_then(|t| NaiveTime::from_num_seconds_from_midnight_opt(t, 0));
            s
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn lines_are_short_and_the_text_comes_back(
            sessions in proptest::collection::vec(session(), 1..10),
            include in 0usize..3,
            include_rest in any::<bool>(),
            name in "[a-zA-Z ,;\\\\\r\n\u{0}-\u{1f}é😀]{0,100}",
        ) {
            let log = TrainingLog::new(None, sessions, DuplicatePolicy::KeepLast).unwrap();
            let include = [Include::Planned, Include::Completed, Include::Both][include];
            let options = CalendarOptions { include, include_rest, calendar_name: name.clone(), stamp: None };
            let cal = to_icalendar(&log, &options).unwrap();
            // Every line ends with CR LF and holds at most 75 octets; no bare CR or LF.
            prop_assert!(cal.ics.ends_with("\r\n"));
            for line in cal.ics.split("\r\n") {
                prop_assert!(line.len() <= MAX_LINE_OCTETS, "{line:?}");
                prop_assert!(!line.contains(['\r', '\n']));
            }
            let chosen: Vec<&Session> = log.sessions().iter().filter(|s| {
                let status = match include {
                    Include::Planned => s.status == Status::Planned,
                    Include::Completed => s.status == Status::Completed,
                    Include::Both => true,
                };
                status && (include_rest || s.kind != SessionKind::Rest)
            }).collect();
            prop_assert_eq!(cal.events, chosen.len());
            let lines = unfold(&cal.ics);
            prop_assert_eq!(values(&lines, "BEGIN").iter().filter(|v| **v == "VEVENT").count(), chosen.len());
            // The calendar's name: line breaks as one LF, other controls as a space.
            let want_name: String = name.replace("\r\n", "\n").replace('\r', "\n").chars()
                .map(|c| if c.is_ascii_control() && c != '\n' && c != '\t' { ' ' } else { c }).collect();
            prop_assert_eq!(unescape(values(&lines, "X-WR-CALNAME")[0]), want_name);
            // Summaries and descriptions, unfolded and unescaped, are the sessions' own.
            let summaries = values(&lines, "SUMMARY");
            let descriptions = values(&lines, "DESCRIPTION");
            let mut d = descriptions.iter();
            prop_assert_eq!(summaries.len(), chosen.len());
            for (s, summary) in chosen.iter().zip(&summaries) {
                let minutes = ((s.duration_s / 60.0).round()).max(1.0);
                let want = match s.distance_m {
                    Some(m) => format!("{} {} km · {minutes} min", kind_title(s.kind), (m / 100.0).round() / 10.0),
                    None => format!("{} {minutes} min", kind_title(s.kind)),
                };
                prop_assert_eq!(unescape(summary), want);
                let notes = s.notes.clone().unwrap_or_default();
                let rpe = s.rpe.map(|r| format!(
                    "{}RPE {r}/10", if s.status == Status::Planned { "Target " } else { "" }));
                let want = match (notes.is_empty(), rpe) {
                    (true, None) => continue,
                    (_, None) => notes,
                    (true, Some(r)) => r,
                    (false, Some(r)) => format!("{notes}\n{r}"),
                };
                prop_assert_eq!(unescape(d.next().unwrap()), want);
            }
            prop_assert!(d.next().is_none());
            // UIDs are unique.
            let mut uids = values(&lines, "UID");
            let n = uids.len();
            uids.sort_unstable();
            uids.dedup();
            prop_assert_eq!(uids.len(), n);
        }
    }
}
