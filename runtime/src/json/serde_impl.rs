//! `Json` through serde: written with exact numbers, read from any deserializer (exactly from
//! serde_json and from `&Json`, through the raw-value protocol of [`super::exact`]).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use super::exact::{self, Text, RAW_TOKEN};
use super::{read, Builder, Json, Object};

impl Serialize for Json<'_> {
    /// JSON as read: numbers digit for digit, members in order.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Number(text) => exact::serialize_number(text, serializer),
            Json::String(text) => serializer.serialize_str(text),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(object) => {
                let mut map = serializer.serialize_map(Some(object.len()))?;
                for (key, value) in object.iter() {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Json<'static> {
    /// Any JSON value, owned. From serde_json (and `&Json`) numbers keep their text exactly;
    /// from a deserializer that has no raw text, an integer is exact and a float is written as
    /// the shortest text that reads back as the same `f64`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Borrowed::deserialize(deserializer).map(|b| b.0.into_owned())
    }
}

/// A [`Json`] that borrows from the deserializer's input where it can: what a generated union
/// reads before it chooses its variant.
#[derive(Debug, Clone, PartialEq)]
pub struct Borrowed<'de>(pub Json<'de>);

impl<'de> Deserialize<'de> for Borrowed<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_newtype_struct(RAW_TOKEN, JsonVisitor)
            .map(Borrowed)
    }
}

/// Reads raw text (the protocol) or, from other deserializers, the value their data model gives.
struct JsonVisitor;

impl JsonVisitor {
    fn from_text<'de, E: de::Error>(text: Cow<'de, str>) -> Result<Json<'de>, E> {
        let value: Option<Json<'de>> = match text {
            Cow::Borrowed(text) => read::read(text.as_bytes()),
            Cow::Owned(text) => read::read(text.as_bytes()).map(Json::into_owned),
        };
        value.ok_or_else(|| E::custom("the raw JSON text given is not one JSON value"))
    }
}

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Json<'de>, D::Error> {
        d.deserialize_any(self)
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

    fn visit_i128<E>(self, v: i128) -> Result<Json<'de>, E> {
        Ok(Json::Number(Cow::Owned(v.to_string())))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Json<'de>, E> {
        Ok(Json::Number(Cow::Owned(v.to_string())))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Json<'de>, E> {
        // As `serde_json::Value`: a non-finite float is `null`.
        Ok(serde_json::Number::from_f64(v)
            .map_or(Json::Null, |n| Json::Number(Cow::Owned(n.to_string()))))
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
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(Borrowed(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let Some(first) = map.next_key_seed(Text)? else {
            return Ok(Json::Object(Object::default()));
        };
        if first == RAW_TOKEN {
            // The raw-value protocol: the value's JSON text.
            return Self::from_text(map.next_value_seed(Text)?);
        }
        let mut builder = Builder::default();
        builder.insert(first, map.next_value::<Borrowed>()?.0);
        while let Some(key) = map.next_key_seed(Text)? {
            builder.insert(key, map.next_value::<Borrowed>()?.0);
        }
        Ok(Json::Object(builder.finish()))
    }
}
