//! # runrecovery-wasm
//!
//! The JavaScript face of `runrecovery-core`, built with wasm-bindgen. It holds
//! no science: every exported function is one line that hands its options
//! object to [`runrecovery_core::ops::call`], except the batch operations
//! (`pmcBatch`, `acwrBatch`, `banisterFitBatch`), which read their matrices
//! straight from typed arrays ([`batch`]).
//!
//! The data flows in three steps, one file each:
//!
//! 1. [`convert::from_js`] walks the options object into a JSON value
//!    (snake_case keys as given; `null`/`undefined` keys dropped so defaults
//!    apply; typed arrays become lists; a `Date` becomes its UTC day; NaN or
//!    ±Infinity anywhere is a `not_finite` error naming the path).
//! 2. `ops::call` runs the operation (validation included).
//! 3. [`convert::to_js`] turns the response into plain objects, with the
//!    operation's numeric series as `Float64Array`s; a core error becomes a
//!    thrown `RunRecoveryError` ([`error::to_js`]).
//!
//! Function names are the operation names in camelCase (`zone_table` →
//! `zoneTable`); data keys stay snake_case, the same as in Rust and Python.

#![warn(missing_docs)]

pub mod batch;
pub mod convert;
pub mod error;

use runrecovery_core::ops;
use wasm_bindgen::prelude::*;

/// Converts the options, runs the operation, converts the response.
fn run(name: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let input = convert::from_js(&options).map_err(|e| error::to_js(&e))?;
    let output = ops::call(name, input).map_err(|e| error::to_js(&e))?;
    let series = ops::OPERATIONS
        .iter()
        .find(|op| op.name == name)
        .map_or(&[][..], |op| op.series);
    Ok(convert::to_js(&output, series))
}

/// One exported function per operation: `rust_name => jsName;`.
macro_rules! bind {
    ($($name:ident => $js:ident;)*) => {
        $(
            #[doc = concat!("The `", stringify!($name), "` operation of runrecovery-core ",
                "(options and result keys are snake_case; see `operations()`).")]
            #[wasm_bindgen(js_name = $js)]
            pub fn $name(options: JsValue) -> Result<JsValue, JsValue> { run(stringify!($name), options) }
        )*

        /// The operations bound above, by their core names.
        pub const BOUND: &[&str] = &[$(stringify!($name)),*];
    };
}

// Every operation but the batch ones, written from docs/api.schema.json by
// types/generate.mjs (`rust_name => jsName;`).
include!("bound.rs");

/// Every operation: `[{name, module, summary, series}]`, names in snake_case as in the core.
#[wasm_bindgen]
pub fn operations() -> JsValue {
    let list = js_sys::Array::new();
    for op in ops::OPERATIONS {
        let series: js_sys::Array = op.series.iter().map(|s| JsValue::from_str(s)).collect();
        let entry = js_sys::Object::new();
        for (key, value) in [
            ("name", JsValue::from_str(op.name)),
            ("module", JsValue::from_str(op.module)),
            ("summary", JsValue::from_str(op.summary)),
            ("series", series.into()),
        ] {
            let _ = js_sys::Reflect::set(&entry, &JsValue::from_str(key), &value);
        }
        list.push(&entry);
    }
    list.into()
}

/// Every error code the library can throw (`error.code`).
#[wasm_bindgen(js_name = errorCodes)]
pub fn error_codes() -> JsValue {
    let codes: js_sys::Array = runrecovery_core::Error::CODES
        .iter()
        .map(|c| JsValue::from_str(c))
        .collect();
    codes.into()
}

/// The library version (the same as the Rust crates and the Python package).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_operation_is_bound_once() {
        let hand_written = crate::batch::BOUND;
        let core: Vec<&str> = runrecovery_core::ops::OPERATIONS
            .iter()
            .map(|o| o.name)
            .filter(|n| !hand_written.contains(n))
            .collect();
        assert_eq!(super::BOUND, core.as_slice());
        for name in hand_written {
            assert!(
                runrecovery_core::ops::OPERATIONS
                    .iter()
                    .any(|o| o.name == *name)
            );
        }
    }
}
