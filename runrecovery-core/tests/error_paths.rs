//! Every error path an operation reports names a real place in its request.
//!
//! Each valid request of `tests/vectors/` is mutated leaf by leaf and object
//! by object (a wrong type, a value out of any range, `"NaN"` as a string, a
//! key removed, an empty list or an empty object) and run through
//! [`ops::call`]; every error's path must resolve in the mutated request:
//! each step exists, except that an error about something *missing* may end
//! at an absent key, or name a key under an omitted top-level field (an
//! optional object left at its default). The vectors' own error cases are
//! checked the same way. A few requests pin paths that once named the wrong
//! place (see the CHANGELOG's corrected error paths).

use std::path::PathBuf;

use runrecovery_core::error::Segment;
use runrecovery_core::{Error, ops};
use serde_json::{Value, json};

fn cases() -> Vec<Value> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| p.file_name().is_some_and(|n| n != "manifest.json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        out.extend(doc["cases"].as_array().unwrap().iter().cloned());
    }
    out
}

/// An error is about something absent (so it may name a key that is not there).
fn about_a_missing_value(e: &Error) -> bool {
    e.code() == "missing_field"
        || (e.code() == "invalid_input" && e.to_string().contains("missing field"))
}

/// Where `e`'s path fails to resolve in `request`, if it does.
fn unresolved(request: &Value, e: &Error) -> Option<String> {
    let segments = e.path().segments();
    let mut at = request;
    for (depth, s) in segments.iter().enumerate() {
        let next = match (s, at) {
            (Segment::Key(k), Value::Object(m)) => m.get(k.as_str()),
            (Segment::Index(i), Value::Array(a)) => a.get(*i),
            _ => None,
        };
        match next {
            Some(v) => at = v,
            None => {
                let absent_key = matches!((s, at), (Segment::Key(_), Value::Object(_)));
                let last = depth + 1 == segments.len();
                if about_a_missing_value(e) && absent_key && (last || depth == 0) {
                    return None;
                }
                return Some(format!("step {depth} ({s:?})"));
            }
        }
    }
    None
}

/// The leaves and objects of `v`, by path (only the first and last element
/// of a list: the others are alike).
fn places(v: &Value, path: &mut Vec<Segment>, out: &mut Vec<Vec<Segment>>) {
    out.push(path.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                path.push(Segment::Key(k.clone()));
                places(x, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            let mut idx: Vec<usize> = vec![0, a.len().saturating_sub(1)];
            idx.dedup();
            for i in idx.into_iter().filter(|i| *i < a.len()) {
                path.push(Segment::Index(i));
                places(&a[i], path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at_mut<'a>(v: &'a mut Value, path: &[Segment]) -> &'a mut Value {
    path.iter().fold(v, |v, s| match s {
        Segment::Key(k) => &mut v[k.as_str()],
        Segment::Index(i) => &mut v[*i],
    })
}

/// The mutations of the value at one place.
fn mutations(v: &Value) -> Vec<Value> {
    match v {
        Value::Number(_) => vec![
            json!("NaN"),
            json!(-1e9),
            json!(1e12),
            json!(0.5),
            json!([]),
        ],
        Value::String(_) => vec![json!(12), json!("1999-02-30"), json!("x"), json!({})],
        Value::Bool(_) => vec![json!("yes")],
        Value::Array(_) => vec![json!([]), json!("x"), json!({})],
        Value::Object(_) => vec![json!([]), json!({}), json!(3)],
        Value::Null => vec![json!("x")],
    }
}

/// Operations too slow to run hundreds of times in a debug build.
const SLOW: &[&str] = &["taper_optimize"];

#[test]
fn every_error_path_of_a_mutated_vector_request_resolves() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in cases() {
        let op = case["operation"].as_str().unwrap();
        let input = &case["input"];
        if case.get("error").is_some() || SLOW.contains(&op) || !input.is_object() {
            continue;
        }
        let mut spots = Vec::new();
        places(input, &mut Vec::new(), &mut spots);
        for spot in spots.iter().skip(1) {
            let mut variants = mutations(at_mut(&mut input.clone(), spot));
            // ...and the key removed.
            variants.push(Value::Null);
            for (n, m) in variants.into_iter().enumerate() {
                let mut request = input.clone();
                let remove = n > 0 && m.is_null();
                if remove {
                    let (last, parent) = spot.split_last().unwrap();
                    match (last, at_mut(&mut request, parent)) {
                        (Segment::Key(k), Value::Object(o)) => {
                            o.remove(k.as_str());
                        }
                        (Segment::Index(i), Value::Array(a)) => {
                            a.remove(*i);
                        }
                        _ => continue,
                    }
                } else {
                    *at_mut(&mut request, spot) = m;
                }
                if let Err(e) = ops::call(op, request.clone()) {
                    checked += 1;
                    if let Some(why) = unresolved(&request, &e) {
                        failures.push(format!(
                            "{op} ({}): {} at `{}`: {why}\n    {e}",
                            case["name"].as_str().unwrap_or(""),
                            e.code(),
                            e.field()
                        ));
                    }
                }
            }
        }
    }
    failures.sort();
    failures.dedup();
    assert!(checked > 1000, "only {checked} errors checked");
    assert!(
        failures.is_empty(),
        "{} error paths do not resolve:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_vector_error_path_resolves() {
    for case in cases() {
        if case.get("error").is_none() {
            continue;
        }
        let op = case["operation"].as_str().unwrap();
        let e = ops::call(op, case["input"].clone()).unwrap_err();
        if let Some(why) = unresolved(&case["input"], &e) {
            panic!("{op} ({}): {why}", case["name"]);
        }
    }
}

/// Requests whose errors once named places that are not in them.
#[test]
fn corrected_paths() {
    let log = json!({"schema_version": 1, "athlete": {"age_years": 40}, "sessions": [
        {"date": "2027-01-04", "kind": "easy", "duration_s": 2400, "rpe": 4}]});
    let cases = [
        (
            "daily_series",
            json!({"dates": ["2027-01-02", "2027-01-01"], "values": [1, 2]}),
            "dates[1]",
        ),
        (
            "read_log",
            json!({"log": {"schema_version": 1, "sessions": [
                {"date": "2027-01-04", "kind": "easy", "duration_s": 2400, "rpe": 40}]}}),
            "log.sessions[0].rpe",
        ),
        (
            "intensity_distribution",
            json!({"log": log, "system": "lthr_friel"}),
            "log.athlete.lthr_bpm",
        ),
        (
            "daily_loads",
            json!({"log": log, "start": "2027-02-01"}),
            "start",
        ),
        (
            "warning_signs",
            json!({"markers": [{"date": "2027-01-04"}],
                   "loads": {"start": "2027-01-01", "values": [1, -5]}}),
            "loads.values[1]",
        ),
        (
            "taper_score",
            json!({"log": log, "race_date": "2027-01-10", "taper": []}),
            "taper",
        ),
        (
            "taper_score",
            json!({"log": log, "race_date": "2027-01-10", "model": []}),
            "model",
        ),
        (
            "taper_score",
            json!({"log": log, "race_date": "2027-01-10",
                   "model": {"kind": "banister", "params":
                       {"p0": 50, "k1": -1, "tau1": 42, "k2": 2, "tau2": 7}}}),
            "model.params.k1",
        ),
        (
            "recovery_state",
            json!({"log": log, "date": "1800-01-01"}),
            "date",
        ),
        (
            "recovery_state",
            json!({"log": log, "date": "2027-01-05", "options": {"muscular_tau_h": 0}}),
            "options.muscular_tau_h",
        ),
        (
            "read_log",
            json!({"log": {"schema_version": 1, "sessions": [
                {"date": "2027-01-04", "duration_s": 2400}]}}),
            "log.sessions[0].kind",
        ),
        (
            "banister_forecast",
            json!({"loads": [1, 2], "planned_loads": [3, -4],
                   "params": {"p0": 50, "k1": 1, "tau1": 42, "k2": 2, "tau2": 7}}),
            "planned_loads[1]",
        ),
    ];
    for (op, request, want) in cases {
        let e = ops::call(op, request).unwrap_err();
        assert_eq!(e.field(), want, "{op}: {e}");
    }
}
