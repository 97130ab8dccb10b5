//! `athlete_today` on the bundled sample: its settings are the request's own
//! keys (fed back, they give the same state), and the as-of rule holds.

use runrecovery_core::ops;
use serde_json::{Value, json};

fn sample() -> (Value, Value) {
    let log: Value = serde_json::from_str(include_str!("../data/sample_log.json")).unwrap();
    let markers: Value = serde_json::from_str(include_str!("../data/sample_markers.json")).unwrap();
    (log, markers["markers"].clone())
}

#[test]
fn settings_fed_back_give_the_same_state() {
    let (log, markers) = sample();
    let first = ops::call(
        "athlete_today",
        json!({"log": log, "markers": markers, "today": "2026-11-24",
               "pmc_options": {"fitness_days": 28}, "acwr_options": {"method": "ewma"}}),
    )
    .unwrap();
    let mut again = first["settings"].as_object().unwrap().clone();
    again.insert("log".into(), log);
    again.insert("markers".into(), markers);
    again.insert("today".into(), json!("2026-11-24"));
    let second = ops::call("athlete_today", Value::Object(again)).unwrap();
    assert_eq!(first, second);
}

#[test]
fn a_planned_session_of_today_never_counts_as_done() {
    // The sample plans intervals on 2026-11-24: as planned, today's load is 0
    // and fitness falls from yesterday's; marked completed, it counts.
    let (mut log, markers) = sample();
    let planned = ops::call(
        "athlete_today",
        json!({"log": log, "markers": markers, "today": "2026-11-24", "method": "session_rpe"}),
    )
    .unwrap();
    assert_eq!(planned["load"], json!(0.0));
    assert_eq!(planned["planned"]["kind"], json!("intervals"));
    let sessions = log["sessions"].as_array_mut().unwrap();
    let today = sessions
        .iter_mut()
        .find(|s| s["date"] == "2026-11-24")
        .unwrap();
    today["status"] = json!("completed");
    let done = ops::call(
        "athlete_today",
        json!({"log": log, "markers": markers, "today": "2026-11-24", "method": "session_rpe"}),
    )
    .unwrap();
    assert_eq!(done["load"], json!(3300.0 / 60.0 * 8.0));
    assert!(done["fitness"].as_f64().unwrap() > planned["fitness"].as_f64().unwrap());
    assert_eq!(done["planned"], Value::Null);
    // The morning readiness is given the state after yesterday either way.
    assert_eq!(done["engine"], planned["engine"]);
}
