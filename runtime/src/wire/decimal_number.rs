//! `#[serde(with = "::payments_runtime::wire::decimal_number")]`: `Decimal` as a JSON number,
//! exact digit for digit.
//!
//! Writes the decimal's digits and scale unchanged (`12.50` → `12.50`); reads the number's text
//! as written, through serde_json's raw-value protocol (see `json::exact`; no
//! `arbitrary_precision`), and never rounds (see [`super::DecimalError`]). A JSON string is
//! rejected, and so is a number that reached serde as an `f64`.

use rust_decimal::Decimal;
use serde::de::{Deserializer, Error as _};
use serde::ser::Serializer;

use super::shape::form::Form;
use super::{parse_decimal, DecimalShape};
use crate::check_json::wrong_type;
use crate::json::{exact, Json};
use crate::{Code, Location, Violations};

/// The JSON number form.
pub(crate) struct Number;

impl Form for Number {
    fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
        exact::serialize_number(&value.to_string(), serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        let text = exact::number_text(deserializer)?;
        parse_decimal(&text).map_err(D::Error::custom)
    }
}

/// Serializes `value` (a [`DecimalShape`]) with each decimal as a JSON number.
pub fn serialize<T: DecimalShape, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    value.serialize_as::<Number, S>(serializer)
}

/// Deserializes a [`DecimalShape`] with each decimal from a JSON number, exactly.
pub fn deserialize<'de, T: DecimalShape, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    T::deserialize_as::<Number, D>(deserializer)
}

/// Checks a present member of a field of type `T` (a [`DecimalShape`]) using this adapter:
/// `null` where an `Option` or `Nullable` reads it, an array where a `Vec` does (each item
/// checked in turn), each decimal as a JSON number a `Decimal` holds exactly; any other JSON
/// type is a `type` violation.
pub fn check_json<T: DecimalShape>(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
    T::check_as(value, at, out, check_scalar);
}

/// One decimal as a JSON number: not a number → `type`; not held exactly by a `Decimal` →
/// `type` with the reason (too many decimal places, too large).
pub(crate) fn check_scalar(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
    match value {
        Json::Number(number) => {
            if let Err(e) = parse_decimal(number) {
                out.push(at, Code::Type, e.to_string());
            }
        }
        other => wrong_type("a number", other, at, out),
    }
}
