//! The `CheckJson` trait: every violation of an untrusted JSON value, without deserializing.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::{Code, Location, Violations};

/// Checks an untrusted JSON value against `Self`'s schema.
pub trait CheckJson {
    /// Reports every violation of the untrusted `value` against `Self`'s schema: type, format,
    /// required, enum/const, additionalProperties and every constraint. Never panics.
    fn check_json(value: &Value, at: &Location<'_>, out: &mut Violations);
}

/// How a JSON value's type is named in messages: `a string`, `a number`, `null`, …
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Pushes `type`: `expected {what}, found {kind}`.
pub(crate) fn wrong_type(what: &str, value: &Value, at: &Location<'_>, out: &mut Violations) {
    out.push(
        at,
        Code::Type,
        format!("expected {what}, found {}", kind(value)),
    );
}

impl CheckJson for String {
    fn check_json(value: &Value, at: &Location<'_>, out: &mut Violations) {
        if !value.is_string() {
            wrong_type("a string", value, at, out);
        }
    }
}

impl CheckJson for bool {
    fn check_json(value: &Value, at: &Location<'_>, out: &mut Violations) {
        if !value.is_boolean() {
            wrong_type("a boolean", value, at, out);
        }
    }
}

impl CheckJson for Value {
    /// Any JSON value is accepted.
    fn check_json(_value: &Value, _at: &Location<'_>, _out: &mut Violations) {}
}

/// An integer primitive's range, for `CheckJson`.
trait IntRange: Sized {
    const MIN: i128;
    const MAX: u128;
}

macro_rules! int_check_json {
    ($($t:ty),* $(,)?) => {$(
        impl IntRange for $t {
            // Widening casts of the bounds: every primitive's MIN fits i128, MAX fits u128.
            const MIN: i128 = <$t>::MIN as i128;
            const MAX: u128 = <$t>::MAX as u128;
        }
        impl CheckJson for $t {
            /// A JSON integer (no fraction, no exponent) within the type's range.
            fn check_json(value: &Value, at: &Location<'_>, out: &mut Violations) {
                check_integer::<$t>(value, at, out);
            }
        }
    )*};
}

int_check_json!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

fn check_integer<T: IntRange>(value: &Value, at: &Location<'_>, out: &mut Violations) {
    let Value::Number(number) = value else {
        return wrong_type("an integer", value, at, out);
    };
    let text = number.as_str();
    let fits = match integer_parts(text) {
        None => {
            let message = format!("expected an integer, found {text}");
            return out.push(at, Code::Type, message);
        }
        Some((negative, digits)) => match digits.parse::<u128>() {
            Err(_) => false, // more digits than any primitive holds
            Ok(0) => true,
            // -magnitude >= MIN  <=>  magnitude <= |MIN|
            Ok(magnitude) if negative => magnitude <= T::MIN.unsigned_abs(),
            Ok(magnitude) => magnitude <= T::MAX,
        },
    };
    if !fits {
        let message = format!(
            "expected an integer from {} to {}, found {text}",
            T::MIN,
            T::MAX
        );
        out.push(at, Code::Type, message);
    }
}

/// Splits a JSON number's text into sign and digits when it is an integer
/// (no fraction, no exponent); `None` otherwise.
pub(crate) fn integer_parts(text: &str) -> Option<(bool, &str)> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        Some((negative, digits))
    } else {
        None
    }
}

impl CheckJson for rust_decimal::Decimal {
    /// A JSON number a `Decimal` holds exactly (the `wire::decimal_number` form).
    fn check_json(value: &Value, at: &Location<'_>, out: &mut Violations) {
        crate::wire::decimal_number::check_scalar(value, at, out);
    }
}

impl<T: CheckJson> CheckJson for Option<T> {
    /// JSON `null` is accepted as absent (as serde does); anything else is checked as `T`.
    fn check_json(value: &Value, at: &Location<'_>, out: &mut Violations) {
        if !value.is_null() {
            T::check_json(value, at, out);
        }
    }
}

impl<T: CheckJson + ?Sized> CheckJson for Box<T> {
    fn check_json(value: &Value, at: &Location<'_>, out: &mut Violations) {
        T::check_json(value, at, out);
    }
}

impl<T: CheckJson> CheckJson for Vec<T> {
    /// A JSON array; item `i` is checked at `/i`.
    fn check_json(value: &Value, at: &Location<'_>, out: &mut Violations) {
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    T::check_json(item, &at.index(i), out);
                }
            }
            other => wrong_type("an array", other, at, out),
        }
    }
}

impl<T: CheckJson> CheckJson for BTreeMap<String, T> {
    /// A JSON object; member `key` is checked at `/key`.
    fn check_json(value: &Value, at: &Location<'_>, out: &mut Violations) {
        match value {
            Value::Object(members) => {
                for (key, item) in members {
                    T::check_json(item, &at.key(key), out);
                }
            }
            other => wrong_type("an object", other, at, out),
        }
    }
}
