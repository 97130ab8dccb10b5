//! JSON Schemas (feature `schema`) of values that serde sees as plain strings,
//! numbers or maps but the library reads or writes from a fixed set or in a
//! format: the field attributes that use them are added by
//! `.ci/annotate-schema.py`.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// Types whose schema is a fixed JSON value (named after the type).
macro_rules! fixed {
    ($($(#[$doc:meta])* $name:ident = $schema:tt;)*) => {$(
        $(#[$doc])*
        pub(crate) struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    )*};
}

fixed! {
    /// A plan rule's id: one of [`crate::rules::RULE_IDS`].
    RuleId = {
        "type": "string",
        "enum": crate::rules::RULE_IDS,
        "description": "A plan rule's id (the rules run in this order).",
    };

    /// An error code: one of [`crate::Error::CODES`].
    ErrorCode = {
        "type": "string",
        "enum": crate::Error::CODES,
        "description": "Every error code the library throws; stable across versions and languages.",
    };

    /// A UTC date and time as [`crate::calendar::parse_stamp`] reads it:
    /// `YYYY-MM-DDTHH:MM:SSZ`, nothing else (no offset, no fraction).
    UtcDateTime = {
        "type": "string",
        "format": "date-time",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
        "description": "A UTC date and time, `YYYY-MM-DDTHH:MM:SSZ` (no offset, no fraction).",
    };

    /// A weekday as chrono reads and writes it (`Mon` … `Sun`); schemars
    /// inlines chrono's own schema, so no generator could name it.
    Weekday = {
        "type": "string",
        "enum": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        "description": "A weekday as chrono writes it (`Mon` … `Sun`; chrono also reads full names, in any case).",
    };

    /// Seiler's three intensity zones (a `u8` that is 1, 2 or 3).
    SeilerZone = {
        "type": "integer",
        "enum": [1, 2, 3],
        "description": "Seiler's three intensity zones: 1 below the first threshold, 2 between, 3 above the second.",
    };

    /// The log document's `schema_version`: the reader accepts only
    /// [`crate::log::SCHEMA_VERSION`] (`unsupported_schema_version` otherwise).
    SchemaVersion = {
        "type": "integer",
        "const": crate::log::SCHEMA_VERSION,
        "description": "The log document's schema version: this version reads and writes only this one (`unsupported_schema_version` otherwise).",
    };

    // The names below are written by the code as string literals (readiness.rs,
    // recovery.rs); the TypeScript check of every vector output against them
    // (.ci/steps/70-web) fails when the code writes one that is not listed.

    /// `MarkerFinding::marker`.
    MarkerName = {
        "type": "string",
        "enum": ["hrv", "resting_hr", "sleep", "wellness", "session_rpe", "form", "body_systems", "illness", "injury"],
        "description": "The markers a readiness verdict is given for.",
    };

    /// `WarningSign::sign`.
    WarningSignName = {
        "type": "string",
        "enum": [
            "persistent_fatigue",
            "resting_hr_rising",
            "hrv_falling_cv_rising",
            "performance_decline",
            "performance_plateau",
            "high_monotony",
            "load_spike",
        ],
        "description": "Warning signs of under-recovery.",
    };

    /// `ActiveRecovery::option`.
    ActiveRecoveryOption = {
        "type": "string",
        "enum": ["full_rest", "walk", "easy_cycling", "swim_or_pool_running", "yoga_mobility"],
        "description": "Active-recovery options.",
    };
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
