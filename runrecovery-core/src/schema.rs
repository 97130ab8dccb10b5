//! JSON Schemas (feature `schema`) of values that serde sees as plain strings
//! but the library checks against a fixed set or a format: the field
//! attributes that use them are added by `.ci/annotate-schema.py`.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// A plan rule's id: one of [`crate::rules::RULE_IDS`].
pub(crate) struct RuleId;

impl JsonSchema for RuleId {
    fn schema_name() -> Cow<'static, str> {
        "RuleId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "enum": crate::rules::RULE_IDS,
            "description": "A plan rule's id (the rules run in this order).",
        })
    }
}

/// A UTC date and time as [`crate::calendar::parse_stamp`] reads it:
/// `YYYY-MM-DDTHH:MM:SSZ`, nothing else (no offset, no fraction).
pub(crate) struct UtcDateTime;

impl JsonSchema for UtcDateTime {
    fn schema_name() -> Cow<'static, str> {
        "UtcDateTime".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date-time",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
            "description": "A UTC date and time, `YYYY-MM-DDTHH:MM:SSZ` (no offset, no fraction).",
        })
    }
}

/// Sessions counted per load method: an object whose keys are
/// [`crate::load::LoadMethod`]s (serde writes a `BTreeMap<LoadMethod, usize>`
/// so; schemars alone would not name the keys).
pub(crate) struct MethodCounts;

impl JsonSchema for MethodCounts {
    fn schema_name() -> Cow<'static, str> {
        "MethodCounts".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let method = generator.subschema_for::<crate::load::LoadMethod>();
        let count = generator.subschema_for::<usize>();
        json_schema!({
            "type": "object",
            "propertyNames": method,
            "additionalProperties": count,
            "description": "Sessions scored by each load method (methods that scored none are left out).",
        })
    }
}
