//! The `CheckJson` trait: every violation of an untrusted JSON value, without deserializing.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::json::Json;
use crate::{Code, Location, Violations};

/// Checks an untrusted JSON value against `Self`'s schema.
pub trait CheckJson {
    /// Reports every violation of the untrusted `value` against `Self`'s schema: type, format,
    /// required, enum/const, additionalProperties and every constraint. Never panics.
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations);

    /// Adds the members and items of `value` that `Self`'s schema evaluates, for the
    /// `unevaluatedProperties` / `unevaluatedItems` of a schema that refers to `Self` (JSON
    /// Schema 2020-12 Core §11), where that follows from the type alone: a struct's listed
    /// members, a list's items. Called only for a value `check_json` accepts. By default
    /// nothing: a scalar has no members or items.
    fn evaluated(value: &Json<'_>, into: &mut crate::schema::Evaluated) {
        let _ = (value, into);
    }

    /// [`CheckJson::check_json`], adding what `Self`'s schema evaluates of `value` to `into`
    /// when it accepts it, in the same pass: a union adds what the alternative it takes
    /// evaluates, a checked type what its schema's keywords do. By default the check, then
    /// [`CheckJson::evaluated`].
    fn check_json_evaluated(
        value: &Json<'_>,
        at: &Location<'_>,
        out: &mut Violations,
        into: &mut crate::schema::Evaluated,
    ) {
        let before = out.len();
        Self::check_json(value, at, out);
        if out.len() == before {
            Self::evaluated(value, into);
        }
    }

    /// Whether `Self` accepts any JSON with no keyword at all (the `{}` schema). A list or map
    /// of it stands for an array without `items` or an object without `additionalProperties`,
    /// which evaluate no item or member.
    #[doc(hidden)]
    const ANY_JSON: bool = false;
}

/// Pushes `type`: `expected {what}, found {kind}`.
pub(crate) fn wrong_type(what: &str, value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
    // `concat`, not `format!`: one allocation, no formatting machinery.
    let message = ["expected ", what, ", found ", value.kind()].concat();
    out.push(at, Code::Type, message);
}

impl CheckJson for String {
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        if !matches!(value, Json::String(_)) {
            wrong_type("a string", value, at, out);
        }
    }
}

impl CheckJson for bool {
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        if !matches!(value, Json::Bool(_)) {
            wrong_type("a boolean", value, at, out);
        }
    }
}

impl CheckJson for Value {
    /// Any JSON value is accepted.
    fn check_json(_value: &Json<'_>, _at: &Location<'_>, _out: &mut Violations) {}

    const ANY_JSON: bool = true;
}

impl CheckJson for Json<'static> {
    /// Any JSON value is accepted.
    fn check_json(_value: &Json<'_>, _at: &Location<'_>, _out: &mut Violations) {}

    const ANY_JSON: bool = true;
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
            fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
                check_integer::<$t>(value, at, out);
            }
        }
    )*};
}

int_check_json!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

fn check_integer<T: IntRange>(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
    let Json::Number(text) = value else {
        return wrong_type("an integer", value, at, out);
    };
    let text: &str = text;
    // serde_json reads `-0` as the float `-0.0`, which no integer type accepts.
    let fits = match integer_parts(text)
        .filter(|&(negative, digits)| !(negative && digits.bytes().all(|b| b == b'0')))
    {
        None => {
            let message = ["expected an integer, found ", text].concat();
            return out.push(at, Code::Type, message);
        }
        Some((negative, digits)) => match digits.parse::<u128>() {
            Err(_) => false, // more digits than any primitive holds
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
    /// A JSON number a `Decimal` holds exactly (the [`crate::wire::decimal_number`] form).
    ///
    /// Pair a `Decimal` field with that adapter (or `wire::decimal_string` and its
    /// `check_json`): rust_decimal's own `Deserialize` also takes strings and rounds digits
    /// beyond 28 decimal places, which this check does not accept.
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        crate::wire::decimal_number::check_scalar(value, at, out);
    }
}

impl<T: CheckJson> CheckJson for Option<T> {
    /// JSON `null` is accepted as absent (as serde does); anything else is checked as `T`.
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        if !value.is_null() {
            T::check_json(value, at, out);
        }
    }

    fn evaluated(value: &Json<'_>, into: &mut crate::schema::Evaluated) {
        if !value.is_null() {
            T::evaluated(value, into);
        }
    }

    fn check_json_evaluated(
        value: &Json<'_>,
        at: &Location<'_>,
        out: &mut Violations,
        into: &mut crate::schema::Evaluated,
    ) {
        if !value.is_null() {
            T::check_json_evaluated(value, at, out, into);
        }
    }
}

impl<T: CheckJson + ?Sized> CheckJson for Box<T> {
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        T::check_json(value, at, out);
    }

    fn evaluated(value: &Json<'_>, into: &mut crate::schema::Evaluated) {
        T::evaluated(value, into);
    }

    fn check_json_evaluated(
        value: &Json<'_>,
        at: &Location<'_>,
        out: &mut Violations,
        into: &mut crate::schema::Evaluated,
    ) {
        T::check_json_evaluated(value, at, out, into);
    }

    const ANY_JSON: bool = T::ANY_JSON;
}

impl<T: CheckJson> CheckJson for Vec<T> {
    /// A JSON array; item `i` is checked at `/i`.
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        match value {
            Json::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    T::check_json(item, &at.index(i), out);
                }
            }
            other => wrong_type("an array", other, at, out),
        }
    }

    /// `items` evaluates every item (an array without `items` is a list of any JSON).
    fn evaluated(_value: &Json<'_>, into: &mut crate::schema::Evaluated) {
        if !T::ANY_JSON {
            into.all_items();
        }
    }
}

impl<T: CheckJson> CheckJson for BTreeMap<String, T> {
    /// A JSON object; member `key` is checked at `/key`.
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        match value {
            Json::Object(members) => {
                for (key, item) in members.iter() {
                    T::check_json(item, &at.key(key), out);
                }
            }
            other => wrong_type("an object", other, at, out),
        }
    }

    /// `additionalProperties` evaluates every member (an object without it is a map of any
    /// JSON).
    fn evaluated(_value: &Json<'_>, into: &mut crate::schema::Evaluated) {
        if !T::ANY_JSON {
            into.all_members();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check<T: CheckJson>(value: Value) -> Vec<(String, Code, String)> {
        check_text::<T>(&value.to_string())
    }

    /// The check of JSON text, numbers as written (a `Value` holds an `f64`).
    fn check_text<T: CheckJson>(text: &str) -> Vec<(String, Code, String)> {
        let mut out = Violations::new();
        T::check_json(
            &Json::from_slice(text.as_bytes()).unwrap(),
            &Location::Root,
            &mut out,
        );
        out.into_iter()
            .map(|v| (v.path().to_owned(), v.code(), v.message().to_owned()))
            .collect()
    }

    fn one(path: &str, code: Code, message: &str) -> Vec<(String, Code, String)> {
        vec![(path.to_owned(), code, message.to_owned())]
    }

    #[test]
    fn type_mismatches_name_both_types() {
        assert_eq!(
            check::<String>(json!(1)),
            one("", Code::Type, "expected a string, found a number")
        );
        assert_eq!(
            check::<bool>(json!("true")),
            one("", Code::Type, "expected a boolean, found a string")
        );
        assert_eq!(
            check::<i32>(json!(null)),
            one("", Code::Type, "expected an integer, found null")
        );
        assert_eq!(
            check::<Vec<bool>>(json!({})),
            one("", Code::Type, "expected an array, found an object")
        );
        assert_eq!(
            check::<BTreeMap<String, bool>>(json!([])),
            one("", Code::Type, "expected an object, found an array")
        );
        assert!(check::<Value>(json!({"anything": [null]})).is_empty());
    }

    #[test]
    fn integers_must_fit_the_rust_type() {
        assert!(check::<u8>(json!(255)).is_empty());
        let mut out = Violations::new();
        u8::check_json(&Json::from_slice(b"-0").unwrap(), &Location::Root, &mut out);
        let found: Vec<_> = out.into_iter().map(|v| v.message().to_owned()).collect();
        assert_eq!(found, ["expected an integer, found -0"]);
        assert!(check::<i8>(json!(-128)).is_empty());
        assert_eq!(
            check::<u8>(json!(256)),
            one(
                "",
                Code::Type,
                "expected an integer from 0 to 255, found 256"
            )
        );
        assert_eq!(
            check::<u8>(json!(-1)),
            one(
                "",
                Code::Type,
                "expected an integer from 0 to 255, found -1"
            )
        );
        assert_eq!(
            check::<i8>(json!(-129)),
            one(
                "",
                Code::Type,
                "expected an integer from -128 to 127, found -129"
            )
        );
        assert_eq!(
            check::<i64>(json!(1.5)),
            one("", Code::Type, "expected an integer, found 1.5")
        );
        assert!(check_text::<u128>(&u128::MAX.to_string()).is_empty());
        assert!(check_text::<i128>(&i128::MIN.to_string()).is_empty());
        let huge = "1234567890123456789012345678901234567890";
        assert_eq!(check_text::<u128>(huge)[0].1, Code::Type);
    }

    #[test]
    fn integer_checks_agree_with_serde() {
        for text in [
            "0",
            "-0",
            "255",
            "256",
            "-1",
            "1.0",
            "1e2",
            "18446744073709551616",
        ] {
            let serde_ok = serde_json::from_str::<u8>(text).is_ok();
            assert_eq!(check_text::<u8>(text).is_empty(), serde_ok, "{text}");
            let serde_ok = serde_json::from_str::<i64>(text).is_ok();
            assert_eq!(check_text::<i64>(text).is_empty(), serde_ok, "{text}");
        }
    }

    #[test]
    fn containers_report_item_paths() {
        assert_eq!(
            check::<Vec<String>>(json!(["a", 1, "b", false])),
            vec![
                (
                    "/1".to_owned(),
                    Code::Type,
                    "expected a string, found a number".to_owned()
                ),
                (
                    "/3".to_owned(),
                    Code::Type,
                    "expected a string, found a boolean".to_owned()
                ),
            ]
        );
        assert_eq!(
            check::<BTreeMap<String, Box<u8>>>(json!({"a/b": 1, "m~n": "x"})),
            one("/m~0n", Code::Type, "expected an integer, found a string")
        );
    }

    #[test]
    fn null_is_absent_for_option() {
        assert!(check::<Option<String>>(json!(null)).is_empty());
        assert_eq!(check::<Option<String>>(json!(2))[0].1, Code::Type);
        assert_eq!(check::<Vec<Option<u8>>>(json!([null, 1, 1000]))[0].0, "/2");
    }

    #[test]
    fn decimal_is_a_json_number() {
        assert!(check::<rust_decimal::Decimal>(json!(12.5)).is_empty());
        assert_eq!(
            check::<rust_decimal::Decimal>(json!(null)),
            one("", Code::Type, "expected a number, found null")
        );
        assert_eq!(check::<rust_decimal::Decimal>(json!([1]))[0].1, Code::Type);
    }
}
