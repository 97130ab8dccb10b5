//! Runs the shared vectors in `tests/vectors/` (see its README for the format
//! and the matching rule), and checks the manifest against `ops::OPERATIONS`.
//!
//! `RUNRECOVERY_BLESS=1 cargo test -p runrecovery-core --test vectors` rewrites
//! `manifest.json` from the operations table.

use std::collections::BTreeSet;
use std::path::PathBuf;

use runrecovery_core::ops;
use serde_json::{Value, json};

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn manifest() -> Value {
    json!({
        "version": env!("CARGO_PKG_VERSION"),
        "operations": ops::OPERATIONS.iter().map(|o| json!({
            "name": o.name, "module": o.module, "summary": o.summary, "series": o.series,
        })).collect::<Vec<_>>(),
    })
}

/// Subset match: every key of `expected` is in `actual` with a matching value.
fn matches(actual: &Value, expected: &Value, path: &str, tol: f64) -> Result<(), String> {
    match (actual, expected) {
        (Value::Number(a), Value::Number(e)) => {
            let (a, e) = (
                a.as_f64().unwrap_or(f64::NAN),
                e.as_f64().unwrap_or(f64::NAN),
            );
            if (a - e).abs() <= tol + tol * e.abs() {
                Ok(())
            } else {
                Err(format!("{path}: {a} != expected {e}"))
            }
        }
        (Value::Object(a), Value::Object(e)) => {
            for (k, ev) in e {
                let av = a
                    .get(k)
                    .ok_or_else(|| format!("{path}.{k}: missing in output"))?;
                matches(av, ev, &format!("{path}.{k}"), tol)?;
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(e)) => {
            if a.len() != e.len() {
                return Err(format!(
                    "{path}: length {} != expected {}",
                    a.len(),
                    e.len()
                ));
            }
            for (i, (av, ev)) in a.iter().zip(e).enumerate() {
                matches(av, ev, &format!("{path}[{i}]"), tol)?;
            }
            Ok(())
        }
        (a, e) if a == e => Ok(()),
        (a, e) => Err(format!("{path}: {a} != expected {e}")),
    }
}

#[test]
fn every_vector_passes_and_every_operation_has_one() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.ends_with("manifest.json"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut covered = BTreeSet::new();
    let mut count = 0;
    for file in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let fname = file.file_name().unwrap().to_string_lossy();
        for case in doc["cases"].as_array().expect("cases") {
            count += 1;
            let name = format!("{fname}: {}", case["name"].as_str().unwrap_or("?"));
            let op = case["operation"].as_str().expect("operation");
            covered.insert(op.to_string());
            assert!(
                case.get("source").is_some(),
                "{name}: every case cites a source"
            );
            let out = ops::call(op, case["input"].clone());
            match (out, case.get("expected"), case.get("error")) {
                (Ok(v), Some(e), None) => {
                    let tol = case
                        .get("tolerance")
                        .and_then(Value::as_f64)
                        .unwrap_or(1e-9);
                    if let Err(msg) = matches(&v, e, "$", tol) {
                        failures.push(format!("{name}: {msg}\n  output: {v}"));
                    }
                }
                (Err(err), None, Some(e)) => {
                    if err.code() != e["code"] {
                        failures.push(format!(
                            "{name}: code {} != {} ({err})",
                            err.code(),
                            e["code"]
                        ));
                    } else if let Some(f) = e.get("field") {
                        if err.field() != f {
                            failures.push(format!("{name}: field {} != {f} ({err})", err.field()));
                        }
                    }
                }
                (Ok(v), None, Some(e)) => {
                    failures.push(format!("{name}: expected error {e}, got {v}"))
                }
                (Err(err), Some(_), None) => {
                    failures.push(format!("{name}: unexpected error {} ({err})", err.code()))
                }
                _ => failures.push(format!("{name}: a case has exactly one of expected/error")),
            }
        }
    }
    assert!(count > 0, "no vectors found");
    let missing: Vec<_> = ops::OPERATIONS
        .iter()
        .filter(|o| !covered.contains(o.name))
        .map(|o| o.name)
        .collect();
    assert!(
        missing.is_empty(),
        "operations without vectors: {missing:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {count} vector cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn manifest_matches_the_operations() {
    let path = vectors_dir().join("manifest.json");
    let want = manifest();
    if std::env::var_os("RUNRECOVERY_BLESS").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&want).unwrap() + "\n").unwrap();
    }
    let have: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("manifest.json")).unwrap();
    assert_eq!(
        have, want,
        "tests/vectors/manifest.json is stale: rerun with RUNRECOVERY_BLESS=1"
    );
}
