//! `#[serde(with = "::payments_runtime::wire::decimal_string")]`: `Decimal` as a JSON string
//! such as `"12.50"`.
//!
//! Writes the decimal's digits and scale unchanged; reads `-?digits(.digits)?` with an optional
//! exponent, exactly (see [`super::DecimalError`]). A JSON number is rejected.

use rust_decimal::Decimal;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;

use super::shape::form::Form;
use super::{parse_decimal, DecimalShape};
use crate::check_json::wrong_type;
use crate::json::Json;
use crate::{Code, Location, Violations};

/// The JSON string form.
pub(crate) struct Text;

impl Form for Text {
    fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

/// Reads the decimal from the string as the deserializer lends it: no copy of the text.
struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        parse_decimal(text).map_err(E::custom)
    }
}

/// Serializes `value` (a [`DecimalShape`]) with each decimal as a JSON string.
pub fn serialize<T: DecimalShape, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    value.serialize_as::<Text, S>(serializer)
}

/// Deserializes a [`DecimalShape`] with each decimal from a JSON string, exactly.
pub fn deserialize<'de, T: DecimalShape, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    T::deserialize_as::<Text, D>(deserializer)
}

/// Checks a present member of a field of type `T` (a [`DecimalShape`]) using this adapter:
/// `null` where an `Option` or `Nullable` reads it, an array where a `Vec` does (each item
/// checked in turn), each decimal as a JSON string holding a decimal a `Decimal` holds exactly (malformed text is `format`, a well-formed number that cannot be held exactly `type`); any other JSON
/// type is a `type` violation.
pub fn check_json<T: DecimalShape>(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
    T::check_as(value, at, out, check_scalar);
}

/// One decimal as a JSON string.
fn check_scalar(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
    match value {
        Json::String(text) => {
            if let Err(e) = parse_decimal(text) {
                let code = if e.is_out_of_range() {
                    Code::Type
                } else {
                    Code::Format
                };
                out.push(at, code, e.to_string());
            }
        }
        other => wrong_type("a string holding a decimal", other, at, out),
    }
}
