//! JavaScript values to JSON and back, by hand with `js_sys`.
//!
//! **In** ([`from_js`]):
//!
//! | JS | JSON |
//! | --- | --- |
//! | `null`, `undefined` | `null`; an object key holding either is dropped, so the field takes its default |
//! | boolean, string | the same |
//! | number | an integer when it is a safe integer (so count fields deserialize), else a float |
//! | `NaN`, `±Infinity` | error `not_finite` naming the path (`session.rpe`, `loads[3]`) |
//! | `Array`, typed array (`Float64Array`, `Int32Array`, …) | an array |
//! | `Date` | its **UTC** calendar day, `"YYYY-MM-DD"` |
//! | plain object (or class instance) | an object of its own string keys |
//! | function, symbol, BigInt, `Map`, `Set`, … | error `invalid_input` naming the path |
//!
//! Nesting deeper than [`MAX_DEPTH`] (a cycle, say) and arrays longer than
//! [`MAX_LENGTH`] are `invalid_input` too. Every property is read with
//! `Reflect.get`, so a throwing getter becomes an error, never a crash.
//!
//! **Out** ([`to_js`]): objects become plain objects and arrays `Array`s,
//! except the operation's `series` fields (`a.b` nested): all-numeric ones become
//! `Float64Array`s; boolean ones, and numeric ones with gaps (`null`), stay
//! plain arrays.

use js_sys::{
    Array, ArrayBuffer, Date, Float32Array, Float64Array, Int8Array, Int16Array, Int32Array,
    JsString, Map, Object, Promise, Reflect, RegExp, Set, Uint8Array, Uint8ClampedArray,
    Uint16Array, Uint32Array, WeakMap, WeakSet,
};
use runrecovery_core::{Error, Path};
use serde_json::{Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// The deepest nesting accepted (real requests are a few levels deep).
pub const MAX_DEPTH: usize = 64;

/// The longest array accepted (a century of days is 36 525).
pub const MAX_LENGTH: u32 = 1_000_000;

/// `Number.MAX_SAFE_INTEGER`: larger whole numbers stay floats.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Walks a JS value into JSON. The top level is path `$`.
///
/// # Errors
/// `not_finite` for NaN or ±Infinity, `invalid_date` for an invalid `Date`,
/// `invalid_input` for anything that has no JSON form; each names its path.
pub fn from_js(value: &JsValue) -> Result<Value, Error> {
    let reader = Reader {
        object_prototype: Object::get_prototype_of(&Object::new()).into(),
    };
    reader.read(value, &Path::root(), 0)
}

struct Reader {
    object_prototype: JsValue,
}

fn invalid(path: &Path, message: impl Into<String>) -> Error {
    Error::InvalidInput {
        field: path.clone(),
        message: message.into(),
    }
}

/// A JS number as JSON: finite only, whole numbers as integers.
fn number(f: f64, path: &Path) -> Result<Value, Error> {
    if !f.is_finite() {
        let written = if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        };
        return Err(Error::NotFinite {
            field: path.clone(),
            value: written.to_string(),
        });
    }
    if f.fract() == 0.0 && f.abs() <= MAX_SAFE_INTEGER {
        // Exact: |f| ≤ 2^53 − 1 and whole.
        return Ok(if f >= 0.0 {
            Value::from(f as u64)
        } else {
            Value::from(f as i64)
        });
    }
    Number::from_f64(f)
        .map(Value::Number)
        .ok_or_else(|| invalid(path, "a number JSON cannot hold"))
}

/// `Reflect.get`, with a throwing getter turned into an error.
fn get(target: &JsValue, key: &JsValue, path: &Path) -> Result<JsValue, Error> {
    Reflect::get(target, key).map_err(|e| {
        let why = e.as_string().or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        });
        invalid(
            path,
            format!("reading it threw: {}", why.unwrap_or_default()),
        )
    })
}

/// The name of a built-in object that has no JSON form.
fn unsupported_builtin(v: &JsValue) -> Option<&'static str> {
    Some(if v.is_instance_of::<Map>() {
        "a Map"
    } else if v.is_instance_of::<Set>() {
        "a Set"
    } else if v.is_instance_of::<WeakMap>() || v.is_instance_of::<WeakSet>() {
        "a WeakMap or WeakSet"
    } else if v.is_instance_of::<Promise>() {
        "a Promise (await it first)"
    } else if v.is_instance_of::<RegExp>() {
        "a RegExp"
    } else if v.is_instance_of::<js_sys::Error>() {
        "an Error"
    } else if v.is_instance_of::<ArrayBuffer>() {
        "an ArrayBuffer (wrap it in a Float64Array)"
    } else if v.is_instance_of::<js_sys::Number>()
        || v.is_instance_of::<js_sys::Boolean>()
        || v.is_instance_of::<JsString>()
    {
        "a boxed primitive (new Number/Boolean/String)"
    } else {
        return None;
    })
}

impl Reader {
    fn read(&self, v: &JsValue, path: &Path, depth: usize) -> Result<Value, Error> {
        if v.is_null_or_undefined() {
            return Ok(Value::Null);
        }
        if let Some(b) = v.as_bool() {
            return Ok(Value::Bool(b));
        }
        if let Some(f) = v.as_f64() {
            return number(f, path);
        }
        if let Some(s) = v.as_string() {
            return Ok(Value::String(s));
        }
        if v.is_function() {
            return Err(invalid(
                path,
                "a function is not a value (expected a number, string, boolean, array or object)",
            ));
        }
        if v.is_bigint() {
            return Err(invalid(path, "a BigInt is not accepted (pass a Number)"));
        }
        if v.is_symbol() {
            return Err(invalid(path, "a Symbol is not a value"));
        }
        if !v.is_object() {
            return Err(invalid(path, "a value of an unsupported type"));
        }
        if depth >= MAX_DEPTH {
            return Err(invalid(
                path,
                format!(
                    "nested more than {MAX_DEPTH} levels deep (does the object refer to itself?)"
                ),
            ));
        }
        if Array::is_array(v) {
            return self.array(v, path, depth);
        }
        if ArrayBuffer::is_view(v) {
            return typed_array(v, path);
        }
        if let Some(d) = v.dyn_ref::<Date>() {
            return date(d, path);
        }
        self.object(v, path, depth)
    }

    fn array(&self, v: &JsValue, path: &Path, depth: usize) -> Result<Value, Error> {
        let length = get(v, &JsValue::from_str("length"), path)?;
        let n = length.as_f64().unwrap_or(0.0);
        if n > f64::from(MAX_LENGTH) {
            return Err(invalid(
                path,
                format!("an array of {n} items (at most {MAX_LENGTH})"),
            ));
        }
        let n = n as u32;
        let mut items = Vec::with_capacity(n as usize);
        for i in 0..n {
            let item_path = path.clone().index(i as usize);
            let item = get(v, &JsValue::from(i), &item_path)?;
            items.push(self.read(&item, &item_path, depth + 1)?);
        }
        Ok(Value::Array(items))
    }

    fn object(&self, v: &JsValue, path: &Path, depth: usize) -> Result<Value, Error> {
        let proto = Reflect::get_prototype_of(v).map_or(JsValue::NULL, JsValue::from);
        if proto != self.object_prototype && !proto.is_null() {
            if let Some(what) = unsupported_builtin(v) {
                return Err(invalid(
                    path,
                    format!("{what} is not accepted (expected a plain object)"),
                ));
            }
        }
        let keys =
            Reflect::own_keys(v).map_err(|_| invalid(path, "its keys could not be listed"))?;
        let mut map = serde_json::Map::new();
        for key in keys.iter() {
            // Symbol keys carry no data.
            let Some(name) = key.as_string() else {
                continue;
            };
            let item_path = path.clone().key(name.as_str());
            let item = get(v, &key, &item_path)?;
            if item.is_null_or_undefined() {
                continue;
            }
            map.insert(name, self.read(&item, &item_path, depth + 1)?);
        }
        Ok(Value::Object(map))
    }
}

/// A typed array as a JSON array of numbers.
fn typed_array(v: &JsValue, path: &Path) -> Result<Value, Error> {
    macro_rules! each_kind {
        ($($kind:ty),*) => {$(
            if let Some(a) = v.dyn_ref::<$kind>() {
                check_length(a.length(), path)?;
                let items = a.to_vec().into_iter().zip(0u32..);
                let items = items.map(|(x, i)| number(f64::from(x), &path.clone().index(i as usize)));
                return Ok(Value::Array(items.collect::<Result<_, _>>()?));
            }
        )*};
    }
    each_kind!(
        Float64Array,
        Float32Array,
        Int32Array,
        Uint32Array,
        Int16Array,
        Uint16Array,
        Int8Array,
        Uint8Array,
        Uint8ClampedArray
    );
    Err(invalid(
        path,
        "a DataView or BigInt typed array is not accepted (pass a Float64Array or an array of numbers)",
    ))
}

fn check_length(n: u32, path: &Path) -> Result<(), Error> {
    if n > MAX_LENGTH {
        return Err(invalid(
            path,
            format!("an array of {n} items (at most {MAX_LENGTH})"),
        ));
    }
    Ok(())
}

/// A `Date` as its UTC calendar day.
fn date(d: &Date, path: &Path) -> Result<Value, Error> {
    let ms = d.get_time();
    let day = if ms.is_finite() {
        chrono::DateTime::from_timestamp_millis(ms as i64).map(|t| t.date_naive())
    } else {
        None
    };
    match day {
        // NaiveDate displays as ISO 8601, YYYY-MM-DD.
        Some(day) => Ok(Value::String(day.to_string())),
        None if ms.is_nan() => Err(Error::InvalidDate {
            field: path.clone(),
            value: "Invalid Date".to_string(),
        }),
        None => Err(Error::InvalidDate {
            field: path.clone(),
            value: format!(
                "a Date {ms} ms from 1970 (beyond the years a calendar day can hold here)"
            ),
        }),
    }
}

/// Converts a response. Fields named in `series` (`a.b`: field `b` of the
/// object in field `a`) that hold only numbers become `Float64Array`s; a
/// series of booleans, or one with a gap (`null`), stays a plain `Array`
/// (the same rule as NumPy in the Python package).
pub fn to_js(value: &Value, series: &[&str]) -> JsValue {
    let Value::Object(map) = value else {
        return plain(value);
    };
    let out = Object::new();
    for (key, item) in map {
        let inner: Vec<&str> = series
            .iter()
            .filter_map(|s| s.strip_prefix(key.as_str())?.strip_prefix('.'))
            .collect();
        let js = if series.contains(&key.as_str()) {
            series_to_js(item)
        } else if item.is_object() && !inner.is_empty() {
            to_js(item, &inner)
        } else {
            plain(item)
        };
        // Setting a data property on a fresh plain object cannot fail.
        let _ = Reflect::set(&out, &JsValue::from_str(key), &js);
    }
    out.into()
}

fn series_to_js(item: &Value) -> JsValue {
    if let Value::Array(items) = item {
        if items.iter().all(Value::is_number) {
            let values: Vec<f64> = items.iter().filter_map(Value::as_f64).collect();
            return Float64Array::new_from_slice(&values).into();
        }
    }
    // Booleans, and numbers with gaps (null), stay plain arrays.
    plain(item)
}

fn plain(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(plain).collect::<Array>().into(),
        Value::Object(map) => {
            let out = Object::new();
            for (key, item) in map {
                let _ = Reflect::set(&out, &JsValue::from_str(key), &plain(item));
            }
            out.into()
        }
    }
}
