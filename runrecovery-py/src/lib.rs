//! `runrecovery._runrecovery`: the Python binding of `runrecovery_core::ops`.
//!
//! The flow of one call: the request (a dict of Python values) is walked into
//! JSON ([`convert::to_json`], which rejects NaN, infinities and unsupported
//! types with the core's errors, naming the path); the core operation runs
//! with the GIL released; the JSON response comes back as Python values, with
//! the operation's series fields as NumPy arrays ([`convert::to_python`]);
//! every core error is raised as its `runrecovery.errors` class
//! ([`errors::to_py`]). The friendly keyword-argument functions are in
//! `python/runrecovery/_api.py`, generated from `docs/api.schema.json`
//! (`tools/generate_api.py`). The batch operations also have direct
//! NumPy paths (zero-copy matrices in, arrays out) in [`batch`].

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use runrecovery_core::{Path, ops};

mod batch;
mod convert;
mod errors;

/// Runs the operation `operation` on `request` (a dict of its fields) and
/// returns the response dict.
#[pyfunction]
fn call<'py>(
    py: Python<'py>,
    operation: &str,
    request: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let classes = convert::Classes::import(py)?;
    let input = convert::to_json(request, &classes, &Path::root(), 0)
        .map_err(|r| errors::reject_to_py(py, r))?;
    let name = operation.to_string();
    // A panic would be a core bug; it must not cross into Python as a PanicException.
    let result = py.detach(move || catch_unwind(AssertUnwindSafe(|| ops::call(&name, input))));
    let output = match result {
        Ok(r) => r.map_err(|e| errors::to_py(py, &e))?,
        Err(payload) => return Err(errors::from_panic(operation, payload.as_ref())),
    };
    let series = ops::OPERATIONS
        .iter()
        .find(|o| o.name == operation)
        .map(|o| o.series)
        .unwrap_or(&[]);
    convert::to_python(py, &output, series)
}

/// Every operation: a list of dicts with `name`, `module`, `summary` and `series`.
#[pyfunction]
fn operations(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for op in ops::OPERATIONS {
        let d = PyDict::new(py);
        d.set_item("name", op.name)?;
        d.set_item("module", op.module)?;
        d.set_item("summary", op.summary)?;
        d.set_item("series", PyList::new(py, op.series)?)?;
        list.append(d)?;
    }
    Ok(list)
}

/// Every error code the core can return.
#[pyfunction]
fn error_codes() -> Vec<&'static str> {
    runrecovery_core::Error::CODES.to_vec()
}

#[pymodule]
fn _runrecovery(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add_function(wrap_pyfunction!(operations, m)?)?;
    m.add_function(wrap_pyfunction!(error_codes, m)?)?;
    m.add_function(wrap_pyfunction!(batch::pmc_batch, m)?)?;
    m.add_function(wrap_pyfunction!(batch::acwr_batch, m)?)?;
    m.add_function(wrap_pyfunction!(batch::banister_fit_batch, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
