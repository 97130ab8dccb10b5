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

/// A named schema of a fixed set of strings.
macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident, $values:expr, $description:literal) => {
        $(#[$doc])*
        pub(crate) struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let values: &[&str] = $values;
                json_schema!({"type": "string", "enum": values, "description": $description})
            }
        }
    };
}

// The names below are written by the code as string literals (readiness.rs,
// recovery.rs); the TypeScript check of every vector output against them
// (.ci/steps/70-web) fails when the code writes one that is not listed.
string_enum!(
    /// `MarkerFinding::marker`.
    MarkerName,
    &["hrv", "resting_hr", "sleep", "wellness", "session_rpe", "form", "body_systems", "illness", "injury"],
    "The markers a readiness verdict is given for."
);
string_enum!(
    /// `WarningSign::sign`.
    WarningSignName,
    &[
        "persistent_fatigue",
        "resting_hr_rising",
        "hrv_falling_cv_rising",
        "performance_decline",
        "performance_plateau",
        "high_monotony",
        "load_spike",
    ],
    "Warning signs of under-recovery."
);
string_enum!(
    /// `ActiveRecovery::option`.
    ActiveRecoveryOption,
    &["full_rest", "walk", "easy_cycling", "swim_or_pool_running", "yoga_mobility"],
    "Active-recovery options."
);

/// A weekday as chrono reads and writes it (`Mon` … `Sun`).
pub(crate) struct Weekday;

impl JsonSchema for Weekday {
    fn schema_name() -> Cow<'static, str> {
        "Weekday".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "enum": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            "description": "A weekday as chrono writes it (`Mon` … `Sun`; chrono also reads full names, in any case).",
        })
    }
}

/// Seiler's three intensity zones (a `u8` that is 1, 2 or 3).
pub(crate) struct SeilerZone;

impl JsonSchema for SeilerZone {
    fn schema_name() -> Cow<'static, str> {
        "SeilerZone".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "enum": [1, 2, 3],
            "description": "Seiler's three intensity zones: 1 below the first threshold, 2 between, 3 above the second.",
        })
    }
}

/// The log document's `schema_version`: the reader accepts only
/// [`crate::log::SCHEMA_VERSION`] (`unsupported_schema_version` otherwise).
pub(crate) struct SchemaVersion;

impl JsonSchema for SchemaVersion {
    fn schema_name() -> Cow<'static, str> {
        "SchemaVersion".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "integer",
            "const": crate::log::SCHEMA_VERSION,
            "description": "The log document's schema version: this version reads and writes only this one (`unsupported_schema_version` otherwise).",
        })
    }
}

/// An error code: one of [`crate::Error::CODES`].
pub(crate) struct ErrorCode;

impl JsonSchema for ErrorCode {
    fn schema_name() -> Cow<'static, str> {
        "ErrorCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "enum": crate::Error::CODES,
            "description": "Every error code the library throws; stable across versions and languages.",
        })
    }
}
