//! Core errors to Python exceptions.
//!
//! The code → class map lives in one place, `runrecovery/errors.py`: this file
//! hands it the code, message, field, value and path segments, and raises what it returns
//! (a `RunRecoveryError` subclass, itself a `ValueError`).

use std::any::Any;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use runrecovery_core::Error;
use runrecovery_core::error::Segment;

use crate::convert::Reject;

/// The Python exception for a core error.
pub fn to_py(py: Python<'_>, e: &Error) -> PyErr {
    let made = py.import("runrecovery.errors").and_then(|m| {
        let mut path = Vec::with_capacity(e.path().segments().len());
        for s in e.path().segments() {
            path.push(match s {
                Segment::Key(k) => k.into_pyobject(py)?.into_any(),
                Segment::Index(i) => i.into_pyobject(py)?.into_any(),
            });
        }
        let path = PyTuple::new(py, path)?;
        m.getattr("from_core")?
            .call1((e.code(), e.to_string(), e.field(), e.value(), path))
    });
    match made {
        Ok(exc) => PyErr::from_value(exc),
        // Only if the Python package is broken: still a ValueError with the message.
        Err(_) => PyValueError::new_err(format!("[{}] {e}", e.code())),
    }
}

/// The Python exception for a rejected request.
pub fn reject_to_py(py: Python<'_>, r: Reject) -> PyErr {
    match r {
        Reject::Core(e) => to_py(py, &e),
        Reject::Py(e) => e,
    }
}

/// A panic of the core (a bug, never a verdict on the input) as a `RuntimeError`.
pub fn from_panic(operation: &str, payload: &(dyn Any + Send)) -> PyErr {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    PyRuntimeError::new_err(format!(
        "runrecovery-core failed in {operation} ({what}): this is a bug, please report it with the input"
    ))
}
