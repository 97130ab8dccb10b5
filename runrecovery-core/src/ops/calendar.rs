//! Calendar stage: a log's sessions as an iCalendar file.

use serde::Deserialize;
use serde_json::Value;

use crate::calendar::{self, Calendar, CalendarOptions};
use crate::error::Result;
use crate::load::Include;
use crate::log::{DuplicatePolicy, TrainingLog};

/// Request of [`to_icalendar`]: the log document and the fields of [`CalendarOptions`].
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ToIcalendarRequest {
    /// The log document (a plan's `document`, or any log).
    #[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]
    pub log: Value,
    /// Which sessions (default `planned`).
    #[serde(default = "default_calendar_include")]
    pub include: Include,
    /// Rest sessions too (default `false`).
    #[serde(default)]
    pub include_rest: bool,
    /// The calendar's name (default `runrecovery plan`).
    #[serde(default)]
    pub calendar_name: Option<String>,
    /// Every event's DTSTAMP, `YYYY-MM-DDTHH:MM:SSZ` (default: the log's first date at 00:00:00Z).
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::UtcDateTime>")
    )]
    pub stamp: Option<String>,
}

fn default_calendar_include() -> Include {
    Include::Planned
}

/// A plan's (or any log's) sessions as an iCalendar (.ics) file for calendar apps.
///
/// One event per session of `log` (a plan's `document` or any log):
/// `include` `"planned"` (default), `"completed"` or `"both"`; rest
/// days only with `include_rest=True`. A session without a `start_time`
/// is an all-day event; with one, a local-time event lasting its duration in
/// whole minutes. The summary reads `"Easy run 8 km · 40 min"`, the
/// description holds the notes (a plan's purpose) and the target RPE.
/// `calendar_name` defaults to `"runrecovery plan"`; `stamp` (every
/// event's DTSTAMP, a UTC `"YYYY-MM-DDTHH:MM:SSZ"`) to the log's first date
/// at midnight, as the library reads no clock. `ics` is the file's text
/// (RFC 5545: CRLF line endings, lines folded at 75 octets); `path` also
/// writes it there (UTF-8, line endings kept).
///
/// # Python
///
/// ```python
/// >>> plan = generate_plan(start="2027-01-04", race_date="2027-03-14", race_distance_m=5000,
/// ...                      weekly_km=20, vdot=45, experience="novice")
/// >>> cal = to_icalendar(log=plan["document"], calendar_name="Spring 5K", stamp="2027-01-01T08:00:00Z")
/// >>> cal["events"] == sum(s["kind"] != "rest" for s in plan["document"]["sessions"])
/// True
/// >>> cal["ics"].split("\r\n")[:2]
/// ['BEGIN:VCALENDAR', 'VERSION:2.0']
/// >>> [line for line in cal["ics"].split("\r\n") if line.startswith("SUMMARY")][-1]
/// 'SUMMARY:Race 5 km · 22 min'
/// ```
pub fn to_icalendar(r: ToIcalendarRequest) -> Result<Calendar> {
    let stamp = r.stamp.as_deref().map(calendar::parse_stamp).transpose()?;
    let log =
        TrainingLog::from_value(r.log, DuplicatePolicy::Reject).map_err(|e| e.within("log"))?;
    let options = CalendarOptions {
        include: r.include,
        include_rest: r.include_rest,
        calendar_name: r
            .calendar_name
            .unwrap_or_else(|| calendar::DEFAULT_CALENDAR_NAME.to_string()),
        stamp,
    };
    calendar::to_icalendar(&log, &options)
}

#[cfg(test)]
mod tests {
    use crate::ops::call;

    #[test]
    fn to_icalendar_takes_the_options_and_names_bad_ones() {
        let log = serde_json::json!({"schema_version": 1, "sessions": [
            {"date": "2027-01-04", "kind": "easy", "duration_s": 2400, "status": "planned"}]});
        let out = call(
            "to_icalendar",
            serde_json::json!({"log": log, "include": "both", "include_rest": true,
                "calendar_name": "10K", "stamp": "2027-01-01T00:00:00Z"}),
        )
        .unwrap();
        assert_eq!(out["events"], 1);
        assert!(
            out["ics"]
                .as_str()
                .unwrap()
                .contains("X-WR-CALNAME:10K\r\n")
        );
        for (key, value, code) in [
            ("stamp", serde_json::json!("2027-01-01"), "invalid_input"),
            ("stamp", serde_json::json!(20270101), "invalid_input"),
            ("include", serde_json::json!("all"), "invalid_input"),
            ("include_rest", serde_json::json!("no"), "invalid_input"),
            ("calendar_nam", serde_json::json!("x"), "invalid_input"),
        ] {
            let mut input = serde_json::json!({"log": log});
            input[key] = value;
            let e = call("to_icalendar", input).unwrap_err();
            assert_eq!((e.code(), e.field()), (code, key), "{e}");
        }
    }
}
