//! The batch operations on NumPy matrices: `pmc_batch`, `acwr_batch` and
//! `banister_fit_batch` without the JSON walk.
//!
//! The loads (and tests) arrive as C-contiguous float64 matrices (athletes ×
//! days; `runrecovery/_batch.py` makes them so with
//! `np.ascontiguousarray`) and are read in place. The outputs are allocated
//! once as NumPy arrays (or are the caller's `out` arrays) and the core's
//! batch functions write into them with the GIL released. The option fields
//! go through the same walker as every other request and are decoded by the
//! core ([`ops::decode_batch_options`]), so a bad option gets exactly the
//! error the operation gives.

use std::panic::{AssertUnwindSafe, catch_unwind};

use numpy::prelude::*;
use numpy::{BorrowError, IxDyn, PyArray1, PyArrayDyn, PyReadonlyArray2, PyReadwriteArrayDyn};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use runrecovery_core::model::{self, banister};
use runrecovery_core::{Error, Path, ops};
use serde_json::{Map, Value};

use crate::{convert, errors};

type Fields = Map<String, Value>;

/// The request's option fields as JSON (`None` values dropped).
fn fields(py: Python<'_>, request: &Bound<'_, PyAny>) -> PyResult<Fields> {
    let classes = convert::Classes::import(py)?;
    match convert::to_json(request, &classes, &Path::root(), 0)
        .map_err(|r| errors::reject_to_py(py, r))?
    {
        Value::Object(map) => Ok(map),
        other => Err(errors::to_py(
            py,
            &Error::InvalidInput {
                field: Path::root(),
                message: format!("the options must be a dict, not {other}"),
            },
        )),
    }
}

/// The options of the batch request `R`, decoded by the core.
fn options<R: ops::BatchRequest>(py: Python<'_>, fields: Fields) -> PyResult<R::Options> {
    ops::decode_batch_options::<R>(fields).map_err(|e| errors::to_py(py, &e))
}

/// Runs `f` with the GIL released; a panic (a core bug) becomes a `RuntimeError`.
fn detached<T: Send>(
    py: Python<'_>,
    op: &str,
    f: impl FnOnce() -> runrecovery_core::Result<T> + Send,
) -> PyResult<T> {
    match py.detach(move || catch_unwind(AssertUnwindSafe(f))) {
        Ok(r) => r.map_err(|e| errors::to_py(py, &e)),
        Err(payload) => Err(errors::from_panic(op, payload.as_ref())),
    }
}

/// (athletes, days) of a matrix, or the operation's `empty` error.
fn shape(py: Python<'_>, m: &PyReadonlyArray2<'_, f64>) -> PyResult<(usize, usize)> {
    let s = m.shape();
    let (athletes, days) = (s[0], s[1]);
    if athletes == 0 || days == 0 {
        return Err(errors::to_py(
            py,
            &Error::empty("loads", "at least one athlete with at least one day"),
        ));
    }
    Ok((athletes, days))
}

fn slice<'a>(py: Python<'_>, m: &'a PyReadonlyArray2<'_, f64>, name: &str) -> PyResult<&'a [f64]> {
    m.as_slice().map_err(|e| {
        errors::to_py(
            py,
            &Error::InvalidInput {
                field: Path::root().key(name),
                message: format!("{e} (pass np.ascontiguousarray(x, dtype=np.float64))"),
            },
        )
    })
}

/// A shape as Python writes it: `(2, 3)`, `(2,)`.
fn tuple(shape: &[usize]) -> String {
    match shape {
        [a] => format!("({a},)"),
        _ => {
            let dims: Vec<String> = shape.iter().map(usize::to_string).collect();
            format!("({})", dims.join(", "))
        }
    }
}

/// The output arrays: fresh zeros, or the caller's `out[name]` arrays after
/// checking they are float64, C-contiguous and of the right shape.
fn outputs<'py, const N: usize>(
    py: Python<'py>,
    out: Option<&Bound<'py, PyAny>>,
    names: [&str; N],
    shape: &[usize],
) -> PyResult<[Bound<'py, PyArrayDyn<f64>>; N]> {
    let want = tuple(shape);
    let mut arrays = Vec::with_capacity(N);
    for name in names {
        let Some(out) = out else {
            arrays.push(PyArrayDyn::<f64>::zeros(py, IxDyn(shape), false));
            continue;
        };
        let field = Path::from("out").key(name);
        let item = out.get_item(name).map_err(|_| {
            errors::to_py(py, &Error::missing(&field, "writing the results in place"))
        })?;
        let bad = |what: String| {
            errors::to_py(
                py,
                &Error::inconsistent(
                    &field,
                    what,
                    &format!("expected a writeable, C-contiguous float64 array of shape {want}"),
                ),
            )
        };
        let Ok(array) = item.cast::<PyArrayDyn<f64>>() else {
            let kind = item
                .getattr("dtype")
                .map(|d| format!("an array of {d}"))
                .unwrap_or_else(|_| "not a NumPy array".into());
            return Err(bad(kind));
        };
        if array.shape() != shape || !array.is_c_contiguous() {
            return Err(bad(format!(
                "shape {}{}",
                tuple(array.shape()),
                if array.is_c_contiguous() {
                    ""
                } else {
                    ", not C-contiguous"
                }
            )));
        }
        arrays.push(array.clone());
    }
    Ok(arrays
        .try_into()
        .unwrap_or_else(|_| unreachable!("one array per name")))
}

/// Borrows the three output arrays for writing (an array that is read-only,
/// one of the inputs or passed twice is an error naming it).
fn borrow_out<'py>(
    py: Python<'py>,
    arrays: &[Bound<'py, PyArrayDyn<f64>>; 3],
    names: [&str; 3],
) -> PyResult<[PyReadwriteArrayDyn<'py, f64>; 3]> {
    let mut views = Vec::with_capacity(3);
    for (array, name) in arrays.iter().zip(names) {
        views.push(array.try_readwrite().map_err(|e| {
            let what = match e {
                BorrowError::NotWriteable => "a read-only array",
                _ => "an array in use (one of the inputs, or another output)",
            };
            errors::to_py(
                py,
                &Error::inconsistent(
                    Path::from("out").key(name),
                    what,
                    "expected a writeable array distinct from the inputs and the other outputs",
                ),
            )
        })?);
    }
    Ok(views
        .try_into()
        .unwrap_or_else(|_| unreachable!("three views")))
}

fn slice_mut<'a>(
    py: Python<'_>,
    view: &'a mut PyReadwriteArrayDyn<'_, f64>,
) -> PyResult<&'a mut [f64]> {
    view.as_slice_mut().map_err(|e| {
        errors::to_py(
            py,
            &Error::inconsistent("out", e.to_string(), "expected C-contiguous arrays"),
        )
    })
}

fn result<'py, const N: usize>(
    py: Python<'py>,
    names: [&str; N],
    arrays: [Bound<'py, PyArrayDyn<f64>>; N],
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, array) in names.into_iter().zip(arrays) {
        dict.set_item(name, array)?;
    }
    Ok(dict)
}

/// `pmc_batch` on a float64 matrix: `fitness`, `fatigue` and `form`, each
/// athletes × days (or one value per athlete with `latest`), written into
/// `out` when it is given.
#[pyfunction]
#[pyo3(signature = (loads, request, out=None))]
pub fn pmc_batch<'py>(
    py: Python<'py>,
    loads: PyReadonlyArray2<'py, f64>,
    request: &Bound<'py, PyAny>,
    out: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let o = options::<ops::PmcBatchRequest>(py, fields(py, request)?)?;
    let (athletes, days) = shape(py, &loads)?;
    let input = slice(py, &loads, "loads")?;
    const NAMES: [&str; 3] = ["fitness", "fatigue", "form"];
    let dims: &[usize] = if o.latest {
        &[athletes]
    } else {
        &[athletes, days]
    };
    let arrays = outputs(py, out, NAMES, dims)?;
    {
        let [mut c, mut a, mut f] = borrow_out(py, &arrays, NAMES)?;
        let (c, a, f) = (
            slice_mut(py, &mut c)?,
            slice_mut(py, &mut a)?,
            slice_mut(py, &mut f)?,
        );
        detached(py, "pmc_batch", move || {
            ops::pmc_batch_matrix(input, days, &o, [c, a, f])
        })?;
    }
    result(py, NAMES, arrays)
}

/// `acwr_batch` on a float64 matrix: `acute`, `chronic` and `ratio` (NaN
/// where there is no meaningful ratio), athletes × days, written into `out`
/// when it is given.
#[pyfunction]
#[pyo3(signature = (loads, request, out=None))]
pub fn acwr_batch<'py>(
    py: Python<'py>,
    loads: PyReadonlyArray2<'py, f64>,
    request: &Bound<'py, PyAny>,
    out: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let o = options::<ops::AcwrBatchRequest>(py, fields(py, request)?)?;
    let (athletes, days) = shape(py, &loads)?;
    let input = slice(py, &loads, "loads")?;
    const NAMES: [&str; 3] = ["acute", "chronic", "ratio"];
    let arrays = outputs(py, out, NAMES, &[athletes, days])?;
    {
        let [mut a, mut c, mut q] = borrow_out(py, &arrays, NAMES)?;
        let (a, c, q) = (
            slice_mut(py, &mut a)?,
            slice_mut(py, &mut c)?,
            slice_mut(py, &mut q)?,
        );
        detached(py, "acwr_batch", move || {
            model::acwr_batch(input, days, &o, a, c, q)
        })?;
    }
    result(py, NAMES, arrays)
}

/// `banister_fit_batch` on float64 matrices (NaN in `tests` = no test): the
/// core operation's `athletes` list, plus one column per parameter and
/// statistic (NaN for a failed fit) and the `error_code` and `error` lists.
#[pyfunction]
#[pyo3(signature = (loads, tests, request))]
pub fn banister_fit_batch<'py>(
    py: Python<'py>,
    loads: PyReadonlyArray2<'py, f64>,
    tests: PyReadonlyArray2<'py, f64>,
    request: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    const OP: &str = "banister_fit_batch";
    let options = options::<ops::BanisterFitBatchRequest>(py, fields(py, request)?)?;
    let (athletes, days) = shape(py, &loads)?;
    let (rows, cols) = (tests.shape()[0], tests.shape()[1]);
    if rows != athletes {
        let e = Error::inconsistent("tests", format!("{rows} rows"), "one row per athlete");
        return Err(errors::to_py(py, &e));
    }
    if cols != days {
        let e = Error::inconsistent(
            "tests[0]",
            format!("{cols} days"),
            &format!("every row needs {days} days"),
        );
        return Err(errors::to_py(py, &e));
    }
    let (flat, marks) = (slice(py, &loads, "loads")?, slice(py, &tests, "tests")?);
    // NaN means "no test"; an infinite test value is an error, as in the operation.
    if let Some(i) = marks.iter().position(|v| v.is_infinite()) {
        let e = Error::NotFinite {
            field: Path::from("tests").index(i / days).index(i % days),
            value: marks[i].to_string(),
        };
        return Err(errors::to_py(py, &e));
    }
    let fits = detached(py, OP, move || {
        banister::fit_batch(flat, marks, days, &options)
    })?;

    let ops::FitColumns { outcomes, columns } = ops::fit_columns(fits);
    let codes: Vec<Option<&str>> = outcomes.iter().map(|o| o.error_code).collect();
    let messages: Vec<Option<String>> = outcomes.iter().map(|o| o.error.clone()).collect();
    let response = ops::BanisterFitBatchResponse { athletes: outcomes };
    let value = serde_json::to_value(&response)
        .map_err(|e| errors::to_py(py, &Error::unserializable(e)))?;
    let dict = convert::to_python(py, &value, &[])?.cast_into::<PyDict>()?;
    for (name, col) in ops::FIT_COLUMNS.into_iter().zip(columns) {
        dict.set_item(name, PyArray1::from_vec(py, col))?;
    }
    dict.set_item("error_code", codes)?;
    dict.set_item("error", messages)?;
    Ok(dict)
}
