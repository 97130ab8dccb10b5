//! The one place where a core [`Error`] becomes a JavaScript exception.
//!
//! Every error is thrown as a real `Error` instance whose `name` is
//! `"RunRecoveryError"`, with:
//!
//! | property | value |
//! | --- | --- |
//! | `code` | the stable snake_case code (`Error::code`, one of `errorCodes()`) |
//! | `field` | the dotted path of the offending input (`session.rpe`, `loads[3]`) |
//! | `path` | the same path as an array of keys (strings) and indices (numbers): `["loads", 3]`; `[]` for the whole request |
//! | `value` | the rejected value as text, or `undefined` when there is none |
//! | `message` | the core's message, which names the field, the value and what was expected |

use js_sys::Reflect;
use runrecovery_core::Error;
use runrecovery_core::error::Segment;
use wasm_bindgen::JsValue;

/// The `name` of every error this package throws.
pub const ERROR_NAME: &str = "RunRecoveryError";

/// TypeScript shape of the thrown errors (appended to the generated `.d.ts`).
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TS_ERROR: &str = r#"
/** What every function of this package throws (`err.name === "RunRecoveryError"`). */
export interface RunRecoveryError extends Error {
  name: "RunRecoveryError";
  /** Stable snake_case code, one of `errorCodes()`. */
  code: string;
  /** Dotted path of the offending input, e.g. `session.rpe` or `loads[3]`. */
  field: string;
  /** The same path as keys and indices, e.g. `["loads", 3]` (`[]` for the whole request). */
  path: (string | number)[];
  /** The rejected value as text, when there is one. */
  value: string | undefined;
}
"#;

/// The JS `Error` for a core error.
pub fn to_js(e: &Error) -> JsValue {
    let js = js_sys::Error::new(&e.to_string());
    js.set_name(ERROR_NAME);
    let value = e.value().map_or(JsValue::UNDEFINED, JsValue::from_str);
    let path = js_sys::Array::new();
    for s in e.path().segments() {
        path.push(&match s {
            Segment::Key(k) => JsValue::from_str(k),
            Segment::Index(i) => JsValue::from_f64(*i as f64),
        });
    }
    for (key, v) in [
        ("code", JsValue::from_str(e.code())),
        ("field", JsValue::from_str(e.field())),
        ("path", path.into()),
        ("value", value),
    ] {
        // Setting a property on a fresh Error cannot fail; nothing to report if it did.
        let _ = Reflect::set(&js, &JsValue::from_str(key), &v);
    }
    js.into()
}
