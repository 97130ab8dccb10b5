//! Decoding JSON values into typed requests, naming the exact path of a bad
//! value (`log.sessions[3].rpe`).
//!
//! serde alone says *what* is wrong ("invalid type: string \"x\", expected
//! f64") but not *where*. [`from_value`] deserializes straight from a borrowed
//! [`serde_json::Value`] with a small deserializer of its own that records the
//! map keys and list indices an error passes on its way out, then turns the
//! failure into [`Error::InvalidInput`] (or [`Error::InvalidDate`]) at that
//! path, with the value as written.
//!
//! Why not `serde_path_to_error` around serde_json's value deserializer: that
//! wraps every visitor in a second layer, and serde's derived code is then
//! compiled for both. This deserializer is the only one the request types meet,
//! so each is compiled once. Its rules are serde_json's, with one difference:
//! a struct must be a JSON object (an array is not read positionally).
//!
//! What it saves, measured on 2026-12-07 (main at c50d4e2, rustc 1.95.0):
//! `bash runrecovery-wasm/build.sh` (profile `wasm-release`, wasm-bindgen
//! without the name section, wasm-opt 132 from npm with the script's flags),
//! then `gzip -9` of `runrecovery_wasm_bg.wasm`, with [`from_value`]'s body
//! swapped and everything else unchanged:
//!
//! | `from_value` decodes with | gzipped | raw |
//! | --- | --- | --- |
//! | this module | 247 319 B | 777 721 B |
//! | `serde_path_to_error` 0.1.20 over serde_json's `&Value` (same paths) | 269 546 B (+22.2 kB, +9.0 %) | 896 459 B |
//! | serde_json's `&Value` alone (`from_value`; every error at `field`, no path) | 252 942 B (+5.6 kB) | 756 313 B |
//!
//! Without wasm-opt (a checkout without `npm ci`), at ba0d33b: 248 730 bytes
//! gzipped with this module, 254 479 with serde_json's `&Value` alone.
//!
//! ```
//! use runrecovery_core::{decode, session::Session};
//! let bad = serde_json::json!({"sessions": [{"date": "2026-03-02", "kind": "easy", "duration_s": "long"}]});
//! let err = decode::from_value::<Vec<Session>>(&bad["sessions"], "log.sessions").unwrap_err();
//! assert_eq!(err.code(), "invalid_input");
//! assert_eq!(err.field(), "log.sessions[0].duration_s");
//! ```

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde_json::{Map, Value};

use crate::error::{Error, Path, Result, Segment};

/// Deserializes `value` into `T`. A failure is `invalid_input` (or
/// `invalid_date` for a date that does not parse) at the exact path of the bad
/// value below `field` (`"$"` for the top level), with the value as written.
///
/// # Errors
/// As above; the message is serde's ("missing field `date`", "unknown field
/// `rpm`, expected one of …", "invalid type: …, expected …").
pub fn from_value<T: DeserializeOwned>(value: &Value, field: impl Into<Path>) -> Result<T> {
    T::deserialize(ValueDeserializer(value)).map_err(|e| e.into_error(value, field.into()))
}

/// A deserialization failure and the path it came from.
#[derive(Debug)]
struct DecodeError {
    message: String,
    /// Innermost step first (steps are pushed as the error leaves each level).
    steps: Vec<Segment>,
    /// A missing field: its name is the innermost step (the path names it).
    missing: bool,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DecodeError {}

impl de::Error for DecodeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DecodeError {
            message: msg.to_string(),
            steps: Vec::new(),
            missing: false,
        }
    }

    /// serde's message, and the field's name as the last step of the path.
    fn missing_field(field: &'static str) -> Self {
        DecodeError {
            message: format!("missing field `{field}`"),
            steps: vec![Segment::Key(field.to_string())],
            missing: true,
        }
    }
}

// The helpers below are called from serde's code for every request type; kept
// out of line (not generic, `inline(never)`), each is compiled once instead of
// once per type (measured in runrecovery-wasm/README.md, "Size").
impl DecodeError {
    #[inline(never)]
    fn at_index(mut self, index: usize) -> Self {
        self.steps.push(Segment::Index(index));
        self
    }

    #[inline(never)]
    fn at_key(mut self, key: &str) -> Self {
        self.steps.push(Segment::Key(key.to_string()));
        self
    }

    /// A list given where an internally tagged enum (an object) belongs:
    /// serde reads the tag from the list and reports it missing, as if the
    /// list were an object without it.
    #[inline(never)]
    fn in_list(self) -> Self {
        if self.missing && self.steps.len() == 1 {
            de::Error::invalid_type(Unexpected::Seq, &"an object")
        } else {
            self
        }
    }

    /// The library error: the steps appended to `field`, the offending value
    /// looked up in `root`, chrono's parse failures as `invalid_date`.
    fn into_error(self, root: &Value, field: Path) -> Error {
        let mut path = field;
        let mut at = Some(root);
        for step in self.steps.into_iter().rev() {
            match step {
                Segment::Key(k) => {
                    at = at.and_then(|v| v.get(&k));
                    path = path.key(k);
                }
                Segment::Index(i) => {
                    at = at.and_then(|v| v.get(i));
                    path = path.index(i);
                }
            }
        }
        let message = self.message;
        // chrono's `ParseError` messages: a date or time string that does not parse.
        let is_date = [
            "input contains invalid characters",
            "premature end of input",
            "input is out of range",
            "trailing input",
        ]
        .iter()
        .any(|m| message.contains(m));
        match (is_date, at) {
            (true, Some(Value::String(text))) => Error::InvalidDate {
                field: path,
                value: text.clone(),
            },
            (true, _) => Error::InvalidDate {
                field: path,
                value: message,
            },
            _ => Error::InvalidInput {
                field: path,
                message,
            },
        }
    }
}

type Res<T> = std::result::Result<T, DecodeError>;

/// What serde calls a JSON value in its "invalid type" messages (as serde_json).
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// Reads a borrowed JSON value.
struct ValueDeserializer<'a>(&'a Value);

fn visit_number<'de, V: Visitor<'de>>(n: &serde_json::Number, visitor: V) -> Res<V::Value> {
    match (n.as_u64(), n.as_i64(), n.as_f64()) {
        (Some(u), _, _) => visitor.visit_u64(u),
        (None, Some(i), _) => visitor.visit_i64(i),
        (None, None, Some(f)) => visitor.visit_f64(f),
        _ => Err(de::Error::custom("a number that is not representable")),
    }
}

fn visit_array<'de, V: Visitor<'de>>(items: &[Value], visitor: V) -> Res<V::Value> {
    let mut seq = Items {
        iter: items.iter(),
        index: 0,
    };
    let out = visitor.visit_seq(&mut seq).map_err(DecodeError::in_list)?;
    if seq.iter.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(
            items.len(),
            &"fewer elements in array",
        ))
    }
}

fn visit_object<'de, V: Visitor<'de>>(map: &Map<String, Value>, visitor: V) -> Res<V::Value> {
    let mut entries = Entries {
        iter: map.iter(),
        pending: None,
    };
    let out = visitor.visit_map(&mut entries)?;
    if entries.iter.len() == 0 {
        Ok(out)
    } else {
        Err(de::Error::invalid_length(
            map.len(),
            &"fewer elements in map",
        ))
    }
}

impl<'de> Deserializer<'de> for ValueDeserializer<'_> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => visit_number(n, visitor),
            Value::String(s) => visitor.visit_str(s),
            Value::Array(items) => visit_array(items, visitor),
            Value::Object(map) => visit_object(map, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            other => Err(invalid_type_of(other, &visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.0 {
            Value::String(s) => visitor.visit_str(s),
            other => Err(invalid_type_of(other, &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.0 {
            Value::Array(items) => visit_array(items, visitor),
            other => Err(invalid_type_of(other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Res<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Res<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.0 {
            Value::Object(map) => visit_object(map, visitor),
            other => Err(invalid_type_of(other, &visitor)),
        }
    }

    /// Only an object: never a positional array (which would also compile a
    /// second reader for every struct).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Res<V::Value> {
        self.deserialize_map(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            other => Err(invalid_type_of(other, &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Res<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Res<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    /// `"variant"` for a unit variant, `{"variant": value}` otherwise (as serde_json).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Res<V::Value> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(Variant {
                name: s,
                value: None,
            }),
            Value::Object(map) => {
                let mut iter = map.iter();
                match (iter.next(), iter.next()) {
                    (Some((name, value)), None) => visitor.visit_enum(Variant {
                        name,
                        value: Some(value),
                    }),
                    _ => Err(de::Error::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    )),
                }
            }
            other => Err(invalid_type_of(other, &visitor)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Res<V::Value> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
    }
}

/// `invalid_type` for any visitor (serde's messages need only its `expecting`).
fn invalid_type_of<'de, V: Visitor<'de>>(value: &Value, visitor: &V) -> DecodeError {
    struct Expecting<'v, V>(&'v V);
    impl<'de, V: Visitor<'de>> de::Expected for Expecting<'_, V> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.expecting(f)
        }
    }
    de::Error::invalid_type(unexpected(value), &Expecting(visitor))
}

/// The items of a JSON array; an error leaving item `i` gains the step `[i]`.
struct Items<'a> {
    iter: std::slice::Iter<'a, Value>,
    index: usize,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = DecodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Res<Option<T::Value>> {
        let Some(value) = self.iter.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(ValueDeserializer(value))
            .map(Some)
            .map_err(|e| e.at_index(index))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// The entries of a JSON object; an error in a key (an unknown field) or in
/// its value gains the step `.key`.
struct Entries<'a> {
    iter: serde_json::map::Iter<'a>,
    pending: Option<(&'a String, &'a Value)>,
}

// Out of line for the same reason as `DecodeError::at_key`: serde calls the
// two methods below from every struct's generic code.
impl<'a> Entries<'a> {
    /// The next entry's key; the entry waits for `next_value_seed`.
    #[inline(never)]
    fn next_key(&mut self) -> Option<&'a String> {
        let (key, value) = self.iter.next()?;
        self.pending = Some((key, value));
        Some(key)
    }

    /// The entry whose key was read last.
    #[inline(never)]
    fn take_pending(&mut self) -> Res<(&'a String, &'a Value)> {
        self.pending
            .take()
            .ok_or_else(|| de::Error::custom("a value was read before its key"))
    }
}

impl<'de> MapAccess<'de> for Entries<'_> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Res<Option<K::Value>> {
        let Some(key) = self.next_key() else {
            return Ok(None);
        };
        let de: de::value::StrDeserializer<'_, DecodeError> = key.as_str().into_deserializer();
        seed.deserialize(de).map(Some).map_err(|e| e.at_key(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Res<V::Value> {
        let (key, value) = self.take_pending()?;
        seed.deserialize(ValueDeserializer(value))
            .map_err(|e| e.at_key(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// An enum variant: its name and, unless it is a unit variant, its value.
struct Variant<'a> {
    name: &'a str,
    value: Option<&'a Value>,
}

impl<'de, 'a> EnumAccess<'de> for Variant<'a> {
    type Error = DecodeError;
    type Variant = VariantValue<'a>;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Res<(S::Value, Self::Variant)> {
        let de: de::value::StrDeserializer<'_, DecodeError> = self.name.into_deserializer();
        Ok((seed.deserialize(de)?, VariantValue(self.value)))
    }
}

/// The value of an enum variant (`None` for a bare `"variant"` string).
struct VariantValue<'a>(Option<&'a Value>);

impl<'de> VariantAccess<'de> for VariantValue<'_> {
    type Error = DecodeError;

    fn unit_variant(self) -> Res<()> {
        match self.0 {
            None | Some(Value::Null) => Ok(()),
            Some(other) => Err(de::Error::invalid_type(unexpected(other), &"unit variant")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Res<T::Value> {
        match self.0 {
            Some(value) => seed.deserialize(ValueDeserializer(value)),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Res<V::Value> {
        match self.0 {
            Some(Value::Array(items)) => visit_array(items, visitor),
            Some(other) => Err(de::Error::invalid_type(unexpected(other), &"tuple variant")),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Res<V::Value> {
        match self.0 {
            Some(Value::Object(map)) => visit_object(map, visitor),
            Some(other) => Err(de::Error::invalid_type(
                unexpected(other),
                &"struct variant",
            )),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        rpe: f64,
        #[serde(default)]
        note: Option<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Easy,
        Tempo,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        kind: Kind,
        items: Vec<Inner>,
        pair: Option<(u32, f64)>,
        date: Option<chrono::NaiveDate>,
    }

    fn err(v: Value) -> Error {
        from_value::<Outer>(&v, "req").unwrap_err()
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let v = json!({"kind": "tempo", "items": [{"rpe": 7}, {"rpe": 3.5, "note": "x"}],
                       "pair": [2, 1.5], "date": "2026-03-02"});
        let o: Outer = from_value(&v, "$").unwrap();
        assert_eq!(o.kind, Kind::Tempo);
        assert_eq!(o.items[0].rpe, 7.0);
        assert_eq!(o.items[1].note.as_deref(), Some("x"));
        assert_eq!(o.pair, Some((2, 1.5)));
        assert_eq!(o.date, chrono::NaiveDate::from_ymd_opt(2026, 3, 2));
        let o: Outer =
            from_value(&json!({"kind": "easy", "items": [], "pair": null}), "$").unwrap();
        assert_eq!((o.kind, o.pair, o.date), (Kind::Easy, None, None));
    }

    #[test]
    fn names_the_path_of_a_bad_value() {
        let e = err(json!({"kind": "easy", "items": [{"rpe": 1}, {"rpe": "hard"}]}));
        assert_eq!(e.field(), "req.items[1].rpe");
        assert_eq!(
            e.to_string(),
            "req.items[1].rpe: invalid type: string \"hard\", expected f64"
        );
        let e = err(json!({"kind": "easy", "items": [{"rpe": 1, "rpm": 3}]}));
        assert_eq!(e.field(), "req.items[0].rpm");
        assert!(e.to_string().contains("unknown field `rpm`"), "{e}");
        let e = err(json!({"kind": "steady", "items": []}));
        assert_eq!(e.field(), "req.kind");
        assert!(e.to_string().contains("unknown variant `steady`"), "{e}");
        let e = err(json!({"kind": "easy", "items": [], "pair": [1, 2, 3]}));
        assert_eq!(e.field(), "req.pair");
        let e = err(json!({"kind": "easy", "items": [], "pair": [-1, 2]}));
        assert_eq!(e.field(), "req.pair[0]");
        assert!(e.to_string().contains("integer `-1`"), "{e}");
    }

    #[test]
    fn missing_fields_are_named_by_their_key() {
        let e = err(json!({"kind": "easy", "items": [{}]}));
        assert_eq!(e.field(), "req.items[0].rpe");
        assert!(e.to_string().contains("missing field `rpe`"), "{e}");
        let e = from_value::<Outer>(&json!({"items": []}), "$").unwrap_err();
        assert_eq!(e.field(), "kind");
    }

    #[test]
    fn a_struct_is_an_object_not_a_positional_array() {
        let e = err(json!({"kind": "easy", "items": [[7, null]]}));
        assert_eq!(e.field(), "req.items[0]");
        assert!(e.to_string().contains("invalid type: sequence"), "{e}");
    }

    #[test]
    fn a_date_that_does_not_parse_is_invalid_date_with_the_text() {
        let e = err(json!({"kind": "easy", "items": [], "date": "2026-02-30"}));
        assert_eq!(e.code(), "invalid_date");
        assert_eq!(e.field(), "req.date");
        assert!(e.to_string().contains("2026-02-30"), "{e}");
    }
}
