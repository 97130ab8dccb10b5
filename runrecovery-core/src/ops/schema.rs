//! Each operation's request and response schemas (feature `schema`), for
//! `examples/api_schema.rs`, which writes docs/api.schema.json.

use schemars::{JsonSchema, Schema, SchemaGenerator};

use super::Operation;
use crate::error::Result;

/// Writes an operation's request schema with the first generator (the
/// deserialize contract) and its response schema with the second (serialize).
pub(super) type Schemas = fn(&mut SchemaGenerator, &mut SchemaGenerator) -> (Schema, Schema);

impl Operation {
    /// The JSON Schemas of the request and the response (usually `$ref`s
    /// into the generators' definitions). `requests` should describe how
    /// types are deserialized and `responses` how they are serialized (a
    /// defaulted field is optional in a request, always there in a response).
    pub fn schemas(
        &self,
        requests: &mut SchemaGenerator,
        responses: &mut SchemaGenerator,
    ) -> (Schema, Schema) {
        (self.schemas)(requests, responses)
    }
}

/// The schemas of an operation's own request and response types, read from
/// its function's signature (so the registry names no type).
pub(super) fn schemas<Req: JsonSchema, Resp: JsonSchema>(
    _: fn(Req) -> Result<Resp>,
    requests: &mut SchemaGenerator,
    responses: &mut SchemaGenerator,
) -> (Schema, Schema) {
    (
        requests.subschema_for::<Req>(),
        responses.subschema_for::<Resp>(),
    )
}
