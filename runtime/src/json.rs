//! A borrowed JSON tree for the slow path of [`crate::parse()`]: [`Json`].
//!
//! Built by serde_json from the input bytes (so syntax errors, their messages and positions are
//! serde_json's), but strings and keys without escapes borrow from the input, numbers keep their
//! exact text and objects are plain vectors: far fewer allocations than a `serde_json::Value`
//! with `arbitrary_precision` and `preserve_order`. Same reading as `Value`: a repeated member
//! keeps its first position and its last value.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

/// The key serde_json (with `arbitrary_precision`) hands a number under, as a one-member map.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Objects with more members than this detect repeated keys through a hash map.
const LINEAR_DEDUP: usize = 16;

/// An untrusted JSON value, borrowing from the text it was read from where it can.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, exactly as written.
    Number(Cow<'a, str>),
    /// A string (borrowed when the input has no escapes).
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object.
    Object(Object<'a>),
}

/// The members of a JSON object in first-seen order, each key once (its last value).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Object<'a> {
    members: Vec<(Cow<'a, str>, Json<'a>)>,
}

impl<'a> Object<'a> {
    /// The value of member `key`, if present.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.members
            .iter()
            .find(|(k, _)| k.as_ref() == key)
            .map(|(_, v)| v)
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|(k, _)| k.as_ref())
    }

    /// The members, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Json<'a>)> {
        self.members.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// How many members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there is no member.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

impl<'a> FromIterator<(Cow<'a, str>, Json<'a>)> for Object<'a> {
    /// Collects members; a repeated key keeps its first position and takes the last value.
    fn from_iter<I: IntoIterator<Item = (Cow<'a, str>, Json<'a>)>>(iter: I) -> Self {
        let mut builder = Builder::default();
        for (key, value) in iter {
            builder.insert(key, value);
        }
        builder.finish()
    }
}

/// Builds an [`Object`] as `serde_json::Map` would: repeated keys replace the value in place.
#[derive(Default)]
struct Builder<'a> {
    members: Vec<(Cow<'a, str>, Json<'a>)>,
    /// Key → index, once the object is too large for a linear search.
    index: Option<HashMap<Cow<'a, str>, usize>>,
}

impl<'a> Builder<'a> {
    fn insert(&mut self, key: Cow<'a, str>, value: Json<'a>) {
        let found = match &self.index {
            Some(index) => index.get(key.as_ref()).copied(),
            None => self.members.iter().position(|(k, _)| *k == key),
        };
        if let Some(slot) = found.and_then(|i| self.members.get_mut(i)) {
            slot.1 = value;
            return;
        }
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), self.members.len());
        } else if self.members.len() == LINEAR_DEDUP {
            let mut index: HashMap<Cow<'a, str>, usize> = self
                .members
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (k.clone(), i))
                .collect();
            index.insert(key.clone(), self.members.len());
            self.index = Some(index);
        }
        self.members.push((key, value));
    }

    fn finish(self) -> Object<'a> {
        Object {
            members: self.members,
        }
    }
}

impl<'a> Json<'a> {
    /// Reads JSON text; the error is serde_json's (message, line and column).
    pub fn from_slice(json: &'a [u8]) -> Result<Json<'a>, serde_json::Error> {
        serde_json::from_slice(json)
    }

    /// How the value's type is named in messages: `a string`, `a number`, `null`, …
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// Whether the value is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// The members of an object.
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Json::Object(object) => Some(object),
            _ => None,
        }
    }

    /// Member `key` of an object (`None` for other values, as `serde_json::Value::get`).
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.as_object().and_then(|object| object.get(key))
    }

    /// The same value as a `serde_json::Value` (as serde_json would have read it), for
    /// deserializing one member with serde.
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            // The text came from serde_json's parser (or was checked by it), so it parses;
            // `null` is never reached.
            Json::Number(text) => text.parse().map_or(Value::Null, Value::Number),
            Json::String(text) => Value::String(text.to_string()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(object) => Value::Object(
                object
                    .iter()
                    .map(|(k, v)| (k.to_owned(), v.to_value()))
                    .collect(),
            ),
        }
    }
}

impl<'a> From<&'a Value> for Json<'a> {
    /// Borrows a `serde_json::Value` (handy in tests).
    fn from(value: &'a Value) -> Self {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(Cow::Borrowed(n.as_str())),
            Value::String(s) => Json::String(Cow::Borrowed(s)),
            Value::Array(items) => Json::Array(items.iter().map(Json::from).collect()),
            Value::Object(members) => Json::Object(
                members
                    .iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Json::from(v)))
                    .collect(),
            ),
        }
    }
}

/// Whether `text` is a JSON number (RFC 8259 grammar).
fn is_json_number(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(Cow::Owned(v.to_string())))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(Cow::Owned(v.to_string())))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Json<'de>, E> {
        // As `Value`: a non-finite float is `null`.
        Ok(serde_json::Number::from_f64(v).map_or(Json::Null, |n| {
            Json::Number(Cow::Owned(n.as_str().to_owned()))
        }))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(v)))
    }

    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json<'de>, D::Error> {
        Json::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let Some(first) = map.next_key_seed(Key)? else {
            return Ok(Json::Object(Object::default()));
        };
        if first == NUMBER_TOKEN {
            // A number in serde_json's `arbitrary_precision` form (read as `Value` reads it).
            let text = map.next_value_seed(NumberText)?;
            return Ok(Json::Number(text));
        }
        let mut builder = Builder::default();
        builder.insert(first, map.next_value()?);
        while let Some(key) = map.next_key_seed(Key)? {
            builder.insert(key, map.next_value()?);
        }
        Ok(Json::Object(builder.finish()))
    }
}

/// A key, borrowed from the input when it has no escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// The text of a number in serde_json's private map form, checked as `Value` checks it.
struct NumberText;

impl<'de> DeserializeSeed<'de> for NumberText {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl NumberText {
    fn checked<'de, E: de::Error>(text: Cow<'de, str>) -> Result<Cow<'de, str>, E> {
        // Always true for numbers serde_json parsed; only a literal `{"$serde_json::…": "x"}`
        // object gets here otherwise, and then serde_json's own error is reported.
        if is_json_number(&text) {
            return Ok(text);
        }
        text.parse::<serde_json::Number>()
            .map(|n| Cow::Owned(n.as_str().to_owned()))
            .map_err(de::Error::custom)
    }
}

impl<'de> Visitor<'de> for NumberText {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("string containing a number")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Self::checked(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Self::checked(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Self::checked(Cow::Owned(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(text: &str) -> (Result<Json<'_>, String>, Result<Value, String>) {
        (
            Json::from_slice(text.as_bytes()).map_err(|e| e.to_string()),
            serde_json::from_str::<Value>(text).map_err(|e| e.to_string()),
        )
    }

    #[test]
    fn reads_as_value_reads() {
        for text in [
            r#"{"a": [1, -0, 1.50, 1E+2, 123456789012345678901234567890], "b": "x\"y", "c": null}"#,
            r#"{"a": 1, "b": 2, "a": 3}"#,
            r#"[true, false, {}, [], "", "\u00e9"]"#,
            r#"{"$serde_json::private::Number": "12.0"}"#,
            r#"{"x": 1, "$serde_json::private::Number": "12.0"}"#,
        ] {
            let (json, value) = both(text);
            let (json, value) = (json.unwrap(), value.unwrap());
            assert_eq!(json.to_value(), value, "{text}");
            assert_eq!(Json::from(&value), json, "{text}");
        }
    }

    #[test]
    fn errors_are_serde_json_errors() {
        for text in [
            "",
            "{\"a\": 1,\n oops}",
            "[1, 2",
            "1 trailing",
            r#"{"$serde_json::private::Number": "x"}"#,
            r#"{"$serde_json::private::Number": 1}"#,
            "\"\\ud800\"",
        ] {
            let (json, value) = both(text);
            assert_eq!(json.map(|_| ()), value.map(|_| ()), "{text:?}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        let (json, value) = both(&deep);
        assert_eq!(json.map(|_| ()), value.map(|_| ()));
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let json = Json::from_slice(br#"{"plain": "abc", "esc\n": "a\tb"}"#).unwrap();
        let Json::Object(object) = &json else {
            panic!("{json:?}")
        };
        let members: Vec<_> = object.members.iter().collect();
        assert!(matches!(members[0].0, Cow::Borrowed("plain")));
        assert!(matches!(members[0].1, Json::String(Cow::Borrowed("abc"))));
        assert!(matches!(members[1].0, Cow::Owned(_)));
        assert_eq!(json.get("esc\n").and_then(Json::as_str), Some("a\tb"));
    }

    #[test]
    fn large_objects_keep_first_position_and_last_value() {
        let mut text = String::from("{");
        for i in 0..40 {
            text.push_str(&format!("\"k{}\": {i},", i % 25));
        }
        text.push_str("\"end\": true}");
        let (json, value) = both(&text);
        let (json, value) = (json.unwrap(), value.unwrap());
        assert_eq!(json.to_value(), value);
        assert_eq!(json.as_object().map(Object::len), Some(26));
        assert_eq!(json.get("k3"), Some(&Json::Number("28".into())));
    }

    #[test]
    fn number_grammar() {
        for ok in ["0", "-0", "1.5", "1e5", "1E-5", "-12.34e+10"] {
            assert!(is_json_number(ok), "{ok}");
        }
        for bad in ["", "-", "01", "1.", ".5", "1e", "+1", "1x", "NaN"] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }
}
