//! `&Json` as a serde [`Deserializer`]: a member already read into the tree can be deserialized
//! into its Rust type without going through a `serde_json::Value`.
//!
//! Read as serde_json reads the same text: a number reaches a visitor as serde_json hands it
//! over (`u64`, `i64`, else `f64`), and exactly, as text, to a type that asks for it through
//! serde_json's raw-value protocol ([`super::exact`]: decimals, big integers, `JsonValue`);
//! `null` is `None` for options; an enum is a string or an object with one member. Object keys
//! are strings only (no integer map keys).

use std::borrow::Cow;

use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Error as _, IntoDeserializer, MapAccess,
    SeqAccess, VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::Error;

use super::exact::RAW_TOKEN;
use super::Json;

/// A primitive number type asked for by name reads the number as `serde_json::Number` reads it
/// for that type (`1e2` is an `f64` 100, though `deserialize_any` hands it over as exact text).
macro_rules! number_hints {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self {
                Json::Number(text) => text.parse::<serde_json::Number>()?.$method(visitor),
                _ => self.deserialize_any(visitor),
            }
        }
    )*};
}

/// A 128-bit integer type asked for by name reads the text as serde_json reads it from text
/// for that type (any integer that fits; otherwise as `serde_json::Number` hands it over).
macro_rules! wide_integer_hints {
    ($($method:ident $int:ty, $visit:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self {
                Json::Number(text) => match text.parse::<$int>() {
                    Ok(v) => visitor.$visit(v),
                    Err(_) => text.parse::<serde_json::Number>()?.$method(visitor),
                },
                _ => self.deserialize_any(visitor),
            }
        }
    )*};
}

impl<'de> Deserializer<'de> for &Json<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Json::Null => visitor.visit_unit(),
            Json::Bool(b) => visitor.visit_bool(*b),
            Json::Number(text) => {
                let number: serde_json::Number = text.parse()?;
                number.deserialize_any(visitor)
            }
            Json::String(text) => visit_text(text, visitor),
            Json::Array(items) => {
                let mut seq = Items(items.iter());
                let value = visitor.visit_seq(&mut seq)?;
                match seq.0.len() {
                    0 => Ok(value),
                    _ => Err(Error::invalid_length(
                        items.len(),
                        &"fewer elements in array",
                    )),
                }
            }
            Json::Object(object) => {
                let mut map = Members {
                    members: object.members.iter(),
                    value: None,
                };
                let value = visitor.visit_map(&mut map)?;
                match map.members.len() {
                    0 => Ok(value),
                    _ => Err(Error::invalid_length(
                        object.len(),
                        &"fewer elements in map",
                    )),
                }
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Json::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name != RAW_TOKEN {
            return visitor.visit_newtype_struct(self);
        }
        // The raw-value protocol: the value's JSON text, borrowed where the tree borrows it.
        let text = match self {
            Json::Number(text) => text.clone(),
            other => Cow::Owned(other.to_string()),
        };
        visitor.visit_map(RawMember(Some(text)))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self {
            Json::String(variant) => visitor.visit_enum(Variant {
                name: variant,
                value: None,
            }),
            Json::Object(object) => match object.members.as_slice() {
                [(name, value)] => visitor.visit_enum(Variant {
                    name,
                    value: Some(value),
                }),
                _ => Err(Error::invalid_value(
                    de::Unexpected::Map,
                    &"map with a single key",
                )),
            },
            other => Err(Error::invalid_type(unexpected(other), &"string or map")),
        }
    }

    number_hints! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_f32 deserialize_f64
    }

    wide_integer_hints! {
        deserialize_i128 i128, visit_i128
        deserialize_u128 u128, visit_u128
    }

    forward_to_deserialize_any! {
        bool char str string bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// The one member of the raw-value protocol: [`RAW_TOKEN`] → the JSON text.
struct RawMember<'de>(Option<Cow<'de, str>>);

impl<'de> MapAccess<'de> for RawMember<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.0.is_none() {
            return Ok(None);
        }
        let token: StrDeserializer<'_, Error> = RAW_TOKEN.into_deserializer();
        seed.deserialize(token).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.0.take() {
            Some(text) => seed.deserialize(Key(&text)),
            None => Err(Error::custom("value is missing")),
        }
    }
}

/// A string, borrowed for `'de` when the tree borrows it from the input.
fn visit_text<'de, V: Visitor<'de>>(text: &Cow<'de, str>, visitor: V) -> Result<V::Value, Error> {
    match text {
        Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
        Cow::Owned(text) => visitor.visit_str(text),
    }
}

fn unexpected<'a>(value: &'a Json<'_>) -> de::Unexpected<'a> {
    match value {
        Json::Null => de::Unexpected::Unit,
        Json::Bool(b) => de::Unexpected::Bool(*b),
        Json::Number(_) => de::Unexpected::Other("number"),
        Json::String(text) => de::Unexpected::Str(text),
        Json::Array(_) => de::Unexpected::Seq,
        Json::Object(_) => de::Unexpected::Map,
    }
}

struct Items<'a, 'de>(std::slice::Iter<'a, Json<'de>>);

impl<'a, 'de> SeqAccess<'de> for &mut Items<'a, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|item| seed.deserialize(item)).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

type Member<'de> = (Cow<'de, str>, Json<'de>);

struct Members<'a, 'de> {
    members: std::slice::Iter<'a, Member<'de>>,
    /// The value of the key last handed out.
    value: Option<&'a Json<'de>>,
}

impl<'a, 'de> MapAccess<'de> for &mut Members<'a, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(Key(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(value),
            None => Err(Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

/// An object key: a string.
struct Key<'a, 'de>(&'a Cow<'de, str>);

impl<'a, 'de> Deserializer<'de> for Key<'a, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visit_text(self.0, visitor)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

/// An enum read from a string (unit variant) or a one-member object.
struct Variant<'a, 'de> {
    name: &'a Cow<'de, str>,
    value: Option<&'a Json<'de>>,
}

impl<'a, 'de> EnumAccess<'de> for Variant<'a, 'de> {
    type Error = Error;
    type Variant = VariantValue<'a, 'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Error> {
        let name: StrDeserializer<'_, Error> = self.name.as_ref().into_deserializer();
        Ok((seed.deserialize(name)?, VariantValue(self.value)))
    }
}

/// What follows a variant's name: nothing (a string) or the member's value.
struct VariantValue<'a, 'de>(Option<&'a Json<'de>>);

impl<'a, 'de> VariantAccess<'de> for VariantValue<'a, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.0 {
            None | Some(Json::Null) => Ok(()),
            Some(other) => Err(Error::invalid_type(unexpected(other), &"unit variant")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.0 {
            Some(value) => seed.deserialize(value),
            None => Err(Error::invalid_type(
                de::Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Some(value @ Json::Array(_)) => value.deserialize_any(visitor),
            _ => Err(Error::invalid_type(
                de::Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Some(value @ Json::Object(_)) => value.deserialize_any(visitor),
            _ => Err(Error::invalid_type(
                de::Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
    }
}
