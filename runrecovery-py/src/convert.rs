//! Python objects to `serde_json::Value` and back.
//!
//! Requests are walked by hand (pythonize has no pyo3 0.30 release). Every
//! rejection is a core [`Error`] naming the path of the bad value
//! (`session.rpe`, `loads[3]`), so it reaches Python as the same exception
//! class the core would raise.

use numpy::prelude::*;
use numpy::{PyArray1, PyUntypedArray};
use pyo3::exceptions::PyException;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use runrecovery_core::{Error, Path};
use serde_json::{Map, Number, Value};

/// Deeper nesting than this is a mistake (or a list that contains itself).
const MAX_DEPTH: usize = 64;

/// The classes the walker recognises besides the built-in ones.
pub struct Classes<'py> {
    datetime: Bound<'py, PyAny>,
    date: Bound<'py, PyAny>,
    time: Bound<'py, PyAny>,
    np_bool: Bound<'py, PyAny>,
    np_datetime64: Bound<'py, PyAny>,
}

impl<'py> Classes<'py> {
    pub fn import(py: Python<'py>) -> PyResult<Self> {
        let dt = py.import("datetime")?;
        let np = py.import("numpy")?;
        Ok(Classes {
            datetime: dt.getattr("datetime")?,
            date: dt.getattr("date")?,
            time: dt.getattr("time")?,
            np_bool: np.getattr("bool_")?,
            np_datetime64: np.getattr("datetime64")?,
        })
    }
}

/// Why a conversion stopped: a bad value (a core error) or a Python error to pass on.
pub enum Reject {
    Core(Error),
    Py(PyErr),
}

impl From<PyErr> for Reject {
    fn from(e: PyErr) -> Self {
        Reject::Py(e)
    }
}

fn invalid(path: &Path, message: String) -> Reject {
    Reject::Core(Error::InvalidInput {
        field: path.clone(),
        message,
    })
}

/// A Python exception raised by a value's own method (`__float__`, `.date()`…)
/// becomes `make(path, message)`; interrupts and the like pass through.
fn or_reject<T>(
    py: Python<'_>,
    r: PyResult<T>,
    make: impl FnOnce(String) -> Reject,
) -> Result<T, Reject> {
    r.map_err(|e| {
        if e.is_instance_of::<PyException>(py) {
            make(e.to_string())
        } else {
            Reject::Py(e)
        }
    })
}

fn float(path: &Path, v: f64) -> Result<Value, Reject> {
    Number::from_f64(v)
        .map(Value::Number)
        .ok_or_else(|| not_finite(path, v))
}

fn not_finite(path: &Path, v: f64) -> Reject {
    Reject::Core(Error::NotFinite {
        field: path.clone(),
        value: v.to_string(),
    })
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// Converts a request (or any part of one) to JSON. `path` names it in errors.
pub fn to_json(
    obj: &Bound<'_, PyAny>,
    c: &Classes<'_>,
    path: &Path,
    depth: usize,
) -> Result<Value, Reject> {
    let py = obj.py();
    if depth > MAX_DEPTH {
        return Err(invalid(
            path,
            format!("nested more than {MAX_DEPTH} levels deep"),
        ));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance(&c.np_bool)? {
        return Ok(Value::Bool(obj.is_truthy()?));
    }
    if let Ok(i) = obj.cast::<PyInt>() {
        return int(i.as_any(), path);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return float(path, f.value());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(
            or_reject(py, s.to_cow(), |m| invalid(path, m))?.to_string(),
        ));
    }
    // `date` itself first (a pointer comparison), then subclasses and `datetime`.
    if obj.get_type().is(&c.date) || obj.is_instance(&c.datetime)? || obj.is_instance(&c.date)? {
        return date(obj, c, path);
    }
    if obj.is_instance(&c.time)? {
        let text = or_reject(py, obj.call_method1("strftime", ("%H:%M:%S",)), |m| {
            invalid(path, m)
        })?;
        return Ok(Value::String(text.extract()?));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        // A snapshot of the items: a value's own methods cannot resize what we iterate.
        for item in d.items().iter() {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            let Ok(key) = k.cast::<PyString>() else {
                return Err(invalid(
                    path,
                    format!("keys must be str, not {}", type_name(&k)),
                ));
            };
            let key = or_reject(py, key.to_cow(), |m| invalid(path, m))?.into_owned();
            if v.is_none() {
                continue; // an absent optional field takes the core's default
            }
            let value = to_json(&v, c, &path.clone().key(key.as_str()), depth + 1)?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        return sequence(obj.try_iter()?, c, path, depth);
    }
    if let Ok(a) = obj.cast::<PyUntypedArray>() {
        return array(a, c, path, depth);
    }
    if obj.is_instance(&c.np_datetime64)? {
        let day = obj
            .call_method1("astype", ("datetime64[D]",))?
            .call_method0("item")?;
        if day.is_none() {
            return Err(Reject::Core(Error::InvalidDate {
                field: path.clone(),
                value: "NaT".into(),
            }));
        }
        return date(&day, c, path);
    }
    // pandas Series and Index, other array-likes and NumPy scalars: their own
    // `tolist()` (which keeps tz-aware timestamps) gives plain Python values.
    if obj.hasattr("__array__")? && obj.hasattr("tolist")? {
        let plain = or_reject(py, obj.call_method0("tolist"), |m| invalid(path, m))?;
        if plain.cast::<PyList>().is_ok() {
            return sequence(plain.try_iter()?, c, path, depth);
        }
        return to_json(&plain, c, path, depth + 1);
    }
    if obj.hasattr("__index__")? {
        let i = or_reject(py, obj.call_method0("__index__"), |m| invalid(path, m))?;
        return int(&i, path);
    }
    if obj.hasattr("__float__")? {
        let f = or_reject(py, obj.call_method0("__float__"), |m| invalid(path, m))?;
        return float(path, f.extract()?);
    }
    Err(invalid(
        path,
        format!(
            "a value of type {} is not accepted (expected a number, str, bool, date, list or dict)",
            type_name(obj)
        ),
    ))
}

fn int(i: &Bound<'_, PyAny>, path: &Path) -> Result<Value, Reject> {
    if let Ok(v) = i.extract::<i64>() {
        return Ok(Value::from(v));
    }
    if let Ok(v) = i.extract::<u64>() {
        return Ok(Value::from(v));
    }
    Err(Reject::Core(Error::OutOfRange {
        field: path.clone(),
        value: i.str().map(|s| s.to_string()).unwrap_or_default(),
        expected: "an integer that fits in 64 bits".into(),
    }))
}

/// `datetime` (its own, possibly local, date) or `date`, as `YYYY-MM-DD`;
/// pandas' `NaT` (a `datetime` whose `.date()` is not a date) is an invalid date.
fn date(obj: &Bound<'_, PyAny>, c: &Classes<'_>, path: &Path) -> Result<Value, Reject> {
    let py = obj.py();
    let bad = || {
        let value = obj.str().map(|r| r.to_string()).unwrap_or_default();
        Reject::Core(Error::InvalidDate {
            field: path.clone(),
            value,
        })
    };
    let day = if obj.get_type().is(&c.date) {
        obj.clone() // the common case: no isinstance checks
    } else {
        let day = if obj.is_instance(&c.datetime)? {
            or_reject(py, obj.call_method0("date"), |_| bad())?
        } else {
            obj.clone()
        };
        if day.is_instance(&c.datetime)? || !day.is_instance(&c.date)? {
            return Err(bad());
        }
        day
    };
    let text = or_reject(py, day.call_method0(intern!(py, "isoformat")), |m| {
        invalid(path, m)
    })?;
    Ok(Value::String(text.extract()?))
}

fn sequence<'py>(
    items: Bound<'py, pyo3::types::PyIterator>,
    c: &Classes<'_>,
    path: &Path,
    depth: usize,
) -> Result<Value, Reject> {
    let mut out = Vec::new();
    for (i, item) in items.enumerate() {
        let item = item?;
        // Plain finite floats (most of a long series) need no path: build it
        // only for what may fail or nest.
        if let Ok(f) = item.cast::<PyFloat>() {
            if let Some(n) = Number::from_f64(f.value()) {
                out.push(Value::Number(n));
                continue;
            }
        }
        out.push(to_json(&item, c, &path.clone().index(i), depth + 1)?);
    }
    Ok(Value::Array(out))
}

fn array(
    a: &Bound<'_, PyUntypedArray>,
    c: &Classes<'_>,
    path: &Path,
    depth: usize,
) -> Result<Value, Reject> {
    if a.ndim() > 1 {
        return Err(invalid(
            path,
            format!("expected a 1-D array, got {} dimensions", a.ndim()),
        ));
    }
    if let Ok(f) = a.cast::<PyArray1<f64>>() {
        let ro = f.try_readonly().map_err(|e| invalid(path, e.to_string()))?;
        let values = ro.as_array();
        let mut out = Vec::with_capacity(values.len());
        for (i, &v) in values.iter().enumerate() {
            match Number::from_f64(v) {
                Some(n) => out.push(Value::Number(n)),
                None => return Err(not_finite(&path.clone().index(i), v)),
            }
        }
        return Ok(Value::Array(out));
    }
    if a.dtype().kind() == b'M' {
        // datetime64 of any unit: to days, so that `.tolist()` gives dates (NaT gives None).
        let days = a
            .call_method1("astype", ("datetime64[D]",))?
            .call_method0("tolist")?;
        let mut out = Vec::new();
        for (i, d) in days.try_iter()?.enumerate() {
            let (d, p) = (d?, path.clone().index(i));
            if d.is_none() {
                return Err(Reject::Core(Error::InvalidDate {
                    field: p,
                    value: "NaT".into(),
                }));
            }
            out.push(date(&d, c, &p)?);
        }
        return Ok(Value::Array(out));
    }
    let list = a.call_method0("tolist")?;
    if a.ndim() == 0 {
        return to_json(&list, c, path, depth + 1);
    }
    sequence(list.try_iter()?, c, path, depth)
}

/// Converts a response to Python; the fields named in `series` become NumPy
/// arrays (`a.b` names field `b` of the object in field `a`).
pub fn to_python<'py>(
    py: Python<'py>,
    value: &Value,
    series: &[&str],
) -> PyResult<Bound<'py, PyAny>> {
    if let Value::Object(map) = value {
        let dict = PyDict::new(py);
        for (k, v) in map {
            let item = match v {
                Value::Array(items) if series.contains(&k.as_str()) => numpy_series(py, items)?,
                Value::Object(_) if !nested(series, k).is_empty() => {
                    to_python(py, v, &nested(series, k))?
                }
                _ => plain(py, v)?,
            };
            dict.set_item(k, item)?;
        }
        return Ok(dict.into_any());
    }
    plain(py, value)
}

/// The series of the object in field `key`: `key.b` gives `b`.
fn nested<'a>(series: &[&'a str], key: &str) -> Vec<&'a str> {
    series
        .iter()
        .filter_map(|s| s.strip_prefix(key)?.strip_prefix('.'))
        .collect()
}

/// A float64 array for numbers, a bool array for booleans, else a plain list.
fn numpy_series<'py>(py: Python<'py>, items: &[Value]) -> PyResult<Bound<'py, PyAny>> {
    if !items.is_empty() && items.iter().all(Value::is_boolean) {
        let v: Vec<bool> = items.iter().map(|x| x.as_bool().unwrap_or(false)).collect();
        return Ok(PyArray1::from_vec(py, v).into_any());
    }
    if items.iter().all(Value::is_number) {
        let v: Vec<f64> = items
            .iter()
            .map(|x| x.as_f64().unwrap_or(f64::NAN))
            .collect();
        return Ok(PyArray1::from_vec(py, v).into_any());
    }
    plain(py, &Value::Array(items.to_vec()))
}

fn plain<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (_, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(plain(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, plain(py, v)?)?;
            }
            dict.into_any()
        }
    })
}
