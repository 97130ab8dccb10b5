//! The registry's parts: what an operation is, and the glue compiled once per operation.

use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

use crate::decode;
use crate::error::{Error, Result};

/// One public operation.
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// The snake_case name (camelCase in JS).
    pub name: &'static str,
    /// The core module it belongs to.
    pub module: &'static str,
    /// One line on what it does.
    pub summary: &'static str,
    /// Response fields that are numeric series (`a.b`: field `b` of the object in field `a`).
    pub series: &'static [&'static str],
    pub(super) run: fn(&Value) -> Result<Value>,
    #[cfg(feature = "schema")]
    pub(super) schemas: super::schema::Schemas,
}

/// The generic part of an operation: decode, run, encode. It is compiled once
/// per operation, so what does not depend on the types lives elsewhere.
pub(super) fn run<Req: DeserializeOwned, Resp: Serialize>(
    input: &Value,
    f: fn(Req) -> Result<Resp>,
) -> Result<Value> {
    let req: Req = decode::from_value(input, "$")?;
    serde_json::to_value(f(req)?).map_err(Error::unserializable)
}

macro_rules! operations {
    ($( $name:ident, $module:literal, $summary:literal, [$($series:literal),*]; )*) => {
        /// Every operation, in data-flow order.
        pub static OPERATIONS: &[Operation] = &[
            $( Operation {
                name: stringify!($name),
                module: $module,
                summary: $summary,
                series: &[$($series),*],
                run: |v| $crate::ops::registry::run(v, $name),
                #[cfg(feature = "schema")] schemas: |q, s| $crate::ops::schema::schemas($name, q, s),
            }, )*
        ];
    };
}
pub(super) use operations;
