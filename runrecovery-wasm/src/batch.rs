//! The batch operations, written by hand for speed: `pmcBatch`, `acwrBatch`
//! and `banisterFitBatch` read their matrices straight from typed arrays
//! instead of walking them into JSON.
//!
//! A matrix (`loads`, and `tests` for the fit) is either
//!
//! - an `Array` of rows, one per athlete, each a `Float64Array` (copied into
//!   the module with one `memcpy`), another typed array or an `Array` of
//!   numbers (read element by element), all of one length; or
//! - one flat, row-major `Float64Array` with `days` (the row length) in the
//!   options: the fastest form.
//!
//! The results come back in the same form: an `Array` of `Float64Array`
//! rows, or flat `Float64Array`s with `days` beside them. In `tests`, NaN
//! (or `null`/`undefined` in plain arrays) marks a day without a test; the
//! ACWR `ratio` is NaN where the core has no ratio (`null` in the operation's
//! JSON). The option fields are the operation's, read by the usual walker
//! and decoded by the core ([`ops::decode_batch_options`]), so a bad option
//! gets the operation's own error; a matrix the fast path cannot read is
//! handed to the generic operation, so its errors carry the core's own codes
//! and paths too.

use js_sys::{Array, Float64Array, Object, Reflect};
use runrecovery_core::model::{self, banister};
use runrecovery_core::{Error, Path, ops};
use serde_json::{Map, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::{convert, error};

/// The operations bound in this file (the others go through `bind!`).
pub const BOUND: &[&str] = &["pmc_batch", "acwr_batch", "banister_fit_batch"];

/// A row-major matrix read from JS.
struct Matrix {
    values: Vec<f64>,
    athletes: usize,
    days: usize,
    /// Given as one flat `Float64Array` (results go back flat too).
    flat: bool,
}

/// Why reading stopped: a core error to throw, or "ask the generic operation".
enum Stop {
    Core(Error),
    Generic,
}

impl From<Error> for Stop {
    fn from(e: Error) -> Self {
        Stop::Core(e)
    }
}

fn get(target: &JsValue, key: &str) -> Result<JsValue, Stop> {
    Reflect::get(target, &JsValue::from_str(key)).map_err(|_| Stop::Generic)
}

/// `days` for a flat matrix: a whole number ≥ 1 dividing the length.
fn flat_days(options: &JsValue, len: usize) -> Result<usize, Stop> {
    let days = get(options, "days")?;
    let Some(d) = days.as_f64() else {
        return Err(if days.is_undefined() || days.is_null() {
            Error::missing("days", "a flat Float64Array of loads (the row length)").into()
        } else {
            Error::InvalidInput {
                field: "days".into(),
                message: "expected a whole number of days per athlete".into(),
            }
            .into()
        });
    };
    if !(d >= 1.0 && d.fract() == 0.0 && d <= len as f64 && len % (d as usize) == 0) {
        return Err(Error::out_of_range(
            "days",
            convert_number(d),
            &format!("a whole number dividing the {len} values (athletes × days)"),
        )
        .into());
    }
    Ok(d as usize)
}

fn convert_number(d: f64) -> String {
    runrecovery_core::error::number(d)
}

/// Reads one element of a plain row: a number, or (for tests) a gap.
fn element(v: &JsValue, gaps: bool) -> Result<f64, Stop> {
    if let Some(x) = v.as_f64() {
        return Ok(x);
    }
    if gaps && v.is_null_or_undefined() {
        return Ok(f64::NAN);
    }
    Err(Stop::Generic)
}

/// Reads `options[name]` as a matrix. `gaps`: `null`/`undefined` read as NaN (tests).
fn matrix(options: &JsValue, name: &'static str, gaps: bool) -> Result<Matrix, Stop> {
    let m = get(options, name)?;
    let empty = || Error::empty(name, "at least one athlete with at least one day");
    if let Some(flat) = m.dyn_ref::<Float64Array>() {
        let len = flat.length() as usize;
        if len == 0 {
            return Err(empty().into());
        }
        let days = flat_days(options, len)?;
        return Ok(Matrix {
            values: flat.to_vec(),
            athletes: len / days,
            days,
            flat: true,
        });
    }
    let Some(rows) = m.dyn_ref::<Array>() else {
        return Err(Stop::Generic);
    };
    let athletes = rows.length() as usize;
    let mut values: Vec<f64> = Vec::new();
    let mut days = 0;
    for i in 0..athletes {
        let row = rows.get(i as u32);
        let start = values.len();
        if let Some(r) = row.dyn_ref::<Float64Array>() {
            let n = r.length() as usize;
            values.resize(start + n, 0.0);
            r.copy_to(&mut values[start..]);
        } else if let Some(r) = row.dyn_ref::<Array>() {
            values.reserve(r.length() as usize);
            for j in 0..r.length() {
                values.push(element(&r.get(j), gaps)?);
            }
        } else if js_sys::ArrayBuffer::is_view(&row) && !row.is_instance_of::<js_sys::DataView>() {
            // Another typed array (Float32Array, Int32Array…): exact as float64.
            let r = Float64Array::new(&row);
            values.extend(r.to_vec());
        } else {
            return Err(Stop::Generic);
        }
        let n = values.len() - start;
        if i == 0 {
            days = n;
        } else if n != days {
            return Err(Error::inconsistent(
                Path::from(name).index(i),
                format!("{n} days"),
                &format!("every row needs {days} days"),
            )
            .into());
        }
    }
    if athletes == 0 || days == 0 {
        return Err(empty().into());
    }
    let given = get(options, "days")?;
    if let Some(d) = given.as_f64().filter(|d| *d != days as f64) {
        return Err(Error::inconsistent(
            "days",
            convert_number(d),
            &format!("the rows of {name} have {days} days"),
        )
        .into());
    }
    Ok(Matrix {
        values,
        athletes,
        days,
        flat: false,
    })
}

/// The option fields (every key but the matrices and `days`) of the batch
/// request `R`, decoded by the core.
fn batch_options<R: ops::BatchRequest>(options: &JsValue) -> Result<R::Options, Stop> {
    let skip: Vec<&str> = R::MATRICES.iter().copied().chain(["days"]).collect();
    Ok(ops::decode_batch_options::<R>(fields(options, &skip)?)?)
}

/// The option fields (every key but those in `skip`) as JSON.
fn fields(options: &JsValue, skip: &[&str]) -> Result<Map<String, Value>, Stop> {
    let rest = Object::new();
    let keys = Reflect::own_keys(options).map_err(|_| Stop::Generic)?;
    for key in keys.iter() {
        if key.as_string().is_some_and(|k| skip.contains(&k.as_str())) {
            continue;
        }
        let v = Reflect::get(options, &key).map_err(|_| Stop::Generic)?;
        Reflect::set(&rest, &key, &v).map_err(|_| Stop::Generic)?;
    }
    match convert::from_js(&rest)? {
        Value::Object(map) => Ok(map),
        _ => Err(Stop::Generic),
    }
}

/// Runs `f`; a [`Stop::Generic`] becomes the error the generic operation
/// gives for these options (it walks them, so it names the exact path).
fn guarded(
    name: &str,
    options: &JsValue,
    f: impl FnOnce() -> Result<JsValue, Stop>,
) -> Result<JsValue, JsValue> {
    if !options.is_object() || options.is_function() {
        return Err(generic_error(name, options));
    }
    f().map_err(|stop| match stop {
        Stop::Core(e) => error::to_js(&e),
        Stop::Generic => generic_error(name, options),
    })
}

fn generic_error(name: &str, options: &JsValue) -> JsValue {
    let e = match convert::from_js(options).and_then(|input| ops::call(name, input)) {
        Err(e) => e,
        Ok(_) => Error::InvalidInput {
            field: Path::root(),
            message: "the batch fast path could not read these options".into(),
        },
    };
    error::to_js(&e)
}

fn set(target: &Object, key: &str, value: &JsValue) {
    // Setting a data property on a fresh plain object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// A result matrix in the input's form: flat, or one `Float64Array` per athlete.
fn rows_out(values: &[f64], m: &Matrix) -> JsValue {
    if m.flat {
        return Float64Array::new_from_slice(values).into();
    }
    values
        .chunks(m.days)
        .map(|r| JsValue::from(Float64Array::new_from_slice(r)))
        .collect::<Array>()
        .into()
}

fn matrices_out(names: &[&str], values: [&[f64]; 3], m: &Matrix, per_athlete: bool) -> JsValue {
    let out = Object::new();
    for (name, v) in names.iter().zip(values) {
        let js = if per_athlete {
            Float64Array::new_from_slice(v).into()
        } else {
            rows_out(v, m)
        };
        set(&out, name, &js);
    }
    if m.flat && !per_athlete {
        set(&out, "days", &JsValue::from(m.days as f64));
    }
    out.into()
}

/// The PMC of many athletes: `loads` as rows or a flat `Float64Array` with
/// `days`; `fitness`, `fatigue`, `form` in the same form, or one value per
/// athlete (a `Float64Array`) with `latest: true`. Options as `pmc`.
#[wasm_bindgen(js_name = pmcBatch)]
pub fn pmc_batch(options: JsValue) -> Result<JsValue, JsValue> {
    guarded("pmc_batch", &options, || {
        let o = batch_options::<ops::PmcBatchRequest>(&options)?;
        let m = matrix(&options, "loads", false)?;
        let n = if o.latest { m.athletes } else { m.values.len() };
        let (mut c, mut a, mut f) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
        ops::pmc_batch_matrix(&m.values, m.days, &o, [&mut c, &mut a, &mut f])?;
        Ok(matrices_out(
            &["fitness", "fatigue", "form"],
            [&c, &a, &f],
            &m,
            o.latest,
        ))
    })
}

/// The ACWR of many athletes: `loads` as in `pmcBatch`; `acute`, `chronic`
/// and `ratio` (NaN where there is no meaningful ratio) in the same form.
/// Options as `acwr` (every day counts as logged).
#[wasm_bindgen(js_name = acwrBatch)]
pub fn acwr_batch(options: JsValue) -> Result<JsValue, JsValue> {
    guarded("acwr_batch", &options, || {
        let o = batch_options::<ops::AcwrBatchRequest>(&options)?;
        let m = matrix(&options, "loads", false)?;
        let n = m.values.len();
        let (mut a, mut c, mut q) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
        model::acwr_batch(&m.values, m.days, &o, &mut a, &mut c, &mut q)?;
        Ok(matrices_out(
            &["acute", "chronic", "ratio"],
            [&a, &c, &q],
            &m,
            false,
        ))
    })
}

/// Banister fits of many athletes: `loads` and `tests` (NaN, `null` or
/// `undefined` where there was no test) as rows or flat `Float64Array`s with
/// `days`. Returns the operation's `athletes` list (`{fit, error_code,
/// error}` each), one `Float64Array` column per parameter and statistic
/// (`p0`, `k1`, `tau1`, `k2`, `tau2`, `sse`, `rmse`, `r2`; NaN for a failed
/// athlete) and the `error_code` and `error` lists (`null` for a success).
#[wasm_bindgen(js_name = banisterFitBatch)]
pub fn banister_fit_batch(options: JsValue) -> Result<JsValue, JsValue> {
    guarded("banister_fit_batch", &options, || {
        let o = batch_options::<ops::BanisterFitBatchRequest>(&options)?;
        let loads = matrix(&options, "loads", false)?;
        if get(&options, "tests")?.is_undefined() {
            return Err(Stop::Generic); // the operation names the missing field
        }
        let tests = matrix(&options, "tests", true)?;
        if tests.flat {
            if tests.values.len() != loads.values.len() {
                return Err(Error::inconsistent(
                    "tests",
                    format!("{} values", tests.values.len()),
                    "must match the loads' size",
                )
                .into());
            }
        } else if tests.athletes != loads.athletes {
            return Err(Error::inconsistent(
                "tests",
                format!("{} rows", tests.athletes),
                "one row per athlete",
            )
            .into());
        } else if tests.days != loads.days {
            return Err(Error::inconsistent(
                "tests[0]",
                format!("{} days", tests.days),
                &format!("every row needs {} days", loads.days),
            )
            .into());
        }
        // NaN is "no test"; an infinite value is an error, as in the operation.
        if let Some(i) = tests.values.iter().position(|v| v.is_infinite()) {
            let d = loads.days;
            return Err(Error::NotFinite {
                field: Path::from("tests").index(i / d).index(i % d),
                value: if tests.values[i] > 0.0 {
                    "Infinity"
                } else {
                    "-Infinity"
                }
                .into(),
            }
            .into());
        }
        let fits = banister::fit_batch(&loads.values, &tests.values, loads.days, &o)?;
        Ok(fit_result(fits))
    })
}

fn fit_result(fits: Vec<runrecovery_core::Result<banister::BanisterFit>>) -> JsValue {
    let ops::FitColumns { outcomes, columns } = ops::fit_columns(fits);
    let (codes, messages) = (Array::new(), Array::new());
    for o in &outcomes {
        codes.push(&o.error_code.map_or(JsValue::NULL, JsValue::from_str));
        messages.push(&o.error.as_deref().map_or(JsValue::NULL, JsValue::from_str));
    }
    let response = ops::BanisterFitBatchResponse { athletes: outcomes };
    let value = serde_json::to_value(&response).unwrap_or(Value::Null);
    let out = convert::to_js(&value, &[]);
    let target: &Object = out.unchecked_ref();
    for (name, col) in ops::FIT_COLUMNS.iter().zip(&columns) {
        set(target, name, &Float64Array::new_from_slice(col).into());
    }
    set(target, "error_code", &codes.into());
    set(target, "error", &messages.into());
    out
}
