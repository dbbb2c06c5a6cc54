//! Building a [`Json`] through serde_json: the reference reading, used when the fast reader
//! ([`super::read`]) declines, and the source of serde_json's syntax errors.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{read, Builder, Json, Object, NUMBER_TOKEN};

/// Whether `text` is a JSON number (RFC 8259 grammar).
pub(super) fn is_json_number(text: &str) -> bool {
    read::scan_number(text.as_bytes(), 0).is_some_and(|(end, _)| end == text.len())
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
