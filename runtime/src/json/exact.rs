//! Exact numbers through serde without serde_json's `arbitrary_precision`.
//!
//! serde's data model has no exact number: a deserializer hands a number to a visitor as a
//! `u64`, an `i64` or an `f64`. serde_json's `arbitrary_precision` feature works around that,
//! but it changes how every crate in a build reads numbers (Cargo unifies features), so the
//! runtime does not turn it on. It asks for the number's text instead, through serde_json's
//! raw-value protocol (its additive `raw_value` feature): `deserialize_newtype_struct` with
//! serde_json's raw-value name makes serde_json (from bytes, text, a reader or a `Value`) hand
//! over the next value's JSON text as a one-member map. `&Json` speaks the same protocol.
//!
//! Any other deserializer treats the request as a plain newtype and the visitor reads what its
//! data model gives: an integer exactly, and an `f64` never as money ([`NumberText`] refuses
//! it; see [`FLOAT_REFUSED`]).
//!
//! Writing goes the same way round: [`serialize_number`] writes an integer that fits 64 bits as
//! one (every serializer knows them) and any other number as raw JSON text, which serde_json's
//! serializers write as it is.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Unexpected, Visitor};
use serde::ser::{SerializeStruct, Serializer};

/// The name under which serde_json (feature `raw_value`) hands over a value's raw text.
pub(crate) const RAW_TOKEN: &str = "$serde_json::private::RawValue";

/// Why a float from a deserializer without raw text is refused where an exact number belongs.
const FLOAT_REFUSED: &str = "a number that reached serde as a binary float (f64) \
    cannot be read exactly; read the JSON with serde_json directly, not through a \
    `#[serde(flatten)]`, `#[serde(untagged)]` or internally tagged type of your own, or another \
    deserializer";

/// The exact text of the number at `deserializer`, whatever deserializer it is.
pub(crate) fn number_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Cow<'de, str>, D::Error> {
    deserializer.deserialize_newtype_struct(RAW_TOKEN, NumberText)
}

/// Writes the number `text` (JSON number syntax, as a `Decimal`, a `BigInt` or the reader
/// gives it) exactly.
pub(crate) fn serialize_number<S: Serializer>(
    text: &str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    // `-0` stays `-0`: an `i64` would write `0`.
    if !text.starts_with("-0") {
        if let Ok(v) = text.parse::<u64>() {
            return serializer.serialize_u64(v);
        }
        if let Ok(v) = text.parse::<i64>() {
            return serializer.serialize_i64(v);
        }
    }
    serialize_raw(text, serializer)
}

/// Writes `json` (well-formed JSON text) as it is.
fn serialize_raw<S: Serializer>(json: &str, serializer: S) -> Result<S::Ok, S::Error> {
    let mut raw = serializer.serialize_struct(RAW_TOKEN, 1)?;
    raw.serialize_field(RAW_TOKEN, json)?;
    raw.end()
}

/// Reads the raw-value protocol's one member: its key must be [`RAW_TOKEN`], its value the
/// text. `None` when the map is another map (a deserializer that does not know the protocol
/// and was handed a JSON object).
fn raw_text<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Cow<'de, str>>, A::Error> {
    match map.next_key_seed(Text)? {
        Some(key) if key == RAW_TOKEN => map.next_value_seed(Text).map(Some),
        _ => Ok(None),
    }
}

/// What a well-formed JSON text holds when it is not a number, for a type error
/// (`Unexpected::Str` for a string, and so on); `None` for a number. The first byte tells:
/// the text comes from serde_json or the tree, so it is one JSON value.
fn not_a_number(json: &str) -> Option<Unexpected<'_>> {
    Some(match json.as_bytes().first()? {
        b'"' => Unexpected::Str(json.get(1..json.len() - 1).unwrap_or(json)),
        b'{' => Unexpected::Map,
        b'[' => Unexpected::Seq,
        b't' => Unexpected::Bool(true),
        b'f' => Unexpected::Bool(false),
        b'n' => Unexpected::Unit,
        _ => return None,
    })
}

/// The visitor of [`number_text`].
struct NumberText;

impl<'de> Visitor<'de> for NumberText {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let Some(text) = raw_text(&mut map)? else {
            return Err(de::Error::invalid_type(Unexpected::Map, &self));
        };
        // The number's syntax is checked by whoever reads the text (`parse_decimal`, `BigInt`).
        match not_a_number(&text) {
            None => Ok(text),
            Some(what) => Err(de::Error::invalid_type(what, &self)),
        }
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Err(E::custom(FLOAT_REFUSED))
    }
}

/// A string, borrowed for `'de` where the deserializer lends it.
pub(crate) struct Text;

impl<'de> DeserializeSeed<'de> for Text {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Text {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
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
