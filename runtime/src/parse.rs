//! The entry point: JSON bytes → a validated value, or every violation.

use serde::de::DeserializeOwned;

use crate::json::Json;
use crate::{CheckJson, Code, Location, Validate, Violation, Violations};

/// Parses and validates `json` as `T`.
///
/// Fast path: `serde_json::from_slice` then [`Validate::validate`]. Only when serde fails, the
/// slow path reads a borrowed [`Json`] tree (not JSON at all → one `syntax` violation at `""`
/// with serde's message and position) and runs [`CheckJson::check_json`] to collect every
/// violation. Should that find nothing although serde failed, one `type` violation with serde's
/// message is reported at the path serde stopped at: a payload serde rejects is never `Ok`.
pub fn parse<T: DeserializeOwned + Validate + CheckJson>(json: &[u8]) -> Result<T, Violations> {
    let error = match serde_json::from_slice::<T>(json) {
        Ok(value) => return value.validate().map(|()| value),
        Err(error) => error,
    };
    let value = match Json::from_slice(json) {
        Ok(value) => value,
        Err(syntax) => {
            return Err(Violation::new("", Code::Syntax, syntax.to_string()).into());
        }
    };
    let mut out = Violations::new();
    T::check_json(&value, &Location::Root, &mut out);
    if out.is_empty() {
        out.push_violation(serde_violation::<T>(json, error));
    }
    Err(out)
}

/// The violation for a serde error `CheckJson` did not explain, at the path serde stopped at.
fn serde_violation<T: DeserializeOwned>(json: &[u8], error: serde_json::Error) -> Violation {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(e) => Violation::new(pointer(e.path()), Code::Type, e.inner().to_string()),
        Ok(_) => Violation::new("", Code::Type, error.to_string()),
    }
}

/// The JSON Pointer of a `serde_path_to_error` path.
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                out.push('/');
                crate::location::push_index(*index, &mut out);
            }
            // An externally tagged variant is an object key on the wire.
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push('/');
                crate::location::escape_into(key, &mut out);
            }
            // Later segments would be relative to an unknown place: stop at the known part.
            Segment::Unknown => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;
    use rust_decimal::Decimal;
    use serde::Deserialize;
    use std::sync::LazyLock;

    static CURRENCY: LazyLock<crate::pattern::Matcher> =
        LazyLock::new(|| crate::pattern::compile("^[A-Z]{3}$").unwrap());

    /// What `#[derive(Validate)]` would generate for a small payment.
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Payment {
        #[serde(with = "crate::wire::decimal_number")]
        amount: Decimal,
        currency: String,
        #[serde(default)]
        items: Option<Vec<u8>>,
    }

    impl Validate for Payment {
        fn validate_at(&self, at: &Location<'_>, out: &mut Violations) {
            rules::minimum(&self.amount, Decimal::ZERO, &at.key("amount"), out);
            rules::pattern(
                &self.currency,
                &CURRENCY,
                "^[A-Z]{3}$",
                &at.key("currency"),
                out,
            );
        }
    }

    impl CheckJson for Payment {
        fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
            let Json::Object(members) = value else {
                return out.push(at, Code::Type, "expected an object");
            };
            for key in members.keys() {
                if !["amount", "currency", "items"].contains(&key) {
                    out.push(&at.key(key), Code::AdditionalProperties, "is not allowed");
                }
            }
            let amount = at.key("amount");
            match members.get("amount") {
                None => out.push(&amount, Code::Required, "is required"),
                Some(v) => crate::wire::decimal_number::check_json::<Decimal>(v, &amount, out),
            }
            let currency = at.key("currency");
            match members.get("currency") {
                None => out.push(&currency, Code::Required, "is required"),
                Some(Json::String(s)) => rules::pattern(s, &CURRENCY, "^[A-Z]{3}$", &currency, out),
                Some(v) => String::check_json(v, &currency, out),
            }
            if let Some(v) = members.get("items") {
                <Option<Vec<u8>>>::check_json(v, &at.key("items"), out);
            }
        }
    }

    fn violations(json: &str) -> Vec<(String, Code, String)> {
        parse::<Payment>(json.as_bytes())
            .unwrap_err()
            .into_iter()
            .map(|v| (v.path().to_owned(), v.code(), v.message().to_owned()))
            .collect()
    }

    #[test]
    fn valid_payload_parses_exactly() {
        let p =
            parse::<Payment>(br#"{"amount": 1234567890.123456789, "currency": "EUR"}"#).unwrap();
        assert_eq!(p.amount.to_string(), "1234567890.123456789");
        assert_eq!(p.currency, "EUR");
        assert_eq!(p.items, None);
    }

    #[test]
    fn fast_path_reports_rule_violations() {
        assert_eq!(
            violations(r#"{"amount": -1, "currency": "eur"}"#),
            [
                (
                    "/amount".to_owned(),
                    Code::Minimum,
                    "must be at least 0".to_owned()
                ),
                (
                    "/currency".to_owned(),
                    Code::Pattern,
                    "must match ^[A-Z]{3}$".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn slow_path_collects_every_violation() {
        let found = violations(
            r#"{"amount": "12", "currency": "usd", "items": [1, 300, "x"], "extra": true}"#,
        );
        let summary: Vec<(&str, Code)> = found.iter().map(|(p, c, _)| (p.as_str(), *c)).collect();
        assert_eq!(
            summary,
            [
                ("/extra", Code::AdditionalProperties),
                ("/amount", Code::Type),
                ("/currency", Code::Pattern),
                ("/items/1", Code::Type),
                ("/items/2", Code::Type),
            ]
        );
        assert_eq!(found[1].2, "expected a number, found a string");
        assert_eq!(found[3].2, "expected an integer from 0 to 255, found 300");
    }

    #[test]
    fn missing_members_are_required() {
        assert_eq!(
            violations("{}"),
            [
                (
                    "/amount".to_owned(),
                    Code::Required,
                    "is required".to_owned()
                ),
                (
                    "/currency".to_owned(),
                    Code::Required,
                    "is required".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn non_json_is_one_syntax_violation() {
        let found = violations("{\"amount\": 1,\n oops}");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0.as_str(), found[0].1), ("", Code::Syntax));
        assert!(found[0].2.contains("line 2 column 2"), "{}", found[0].2);
        assert_eq!(violations("")[0].1, Code::Syntax);
        assert_eq!(
            violations(r#"{"amount": 1, "currency": "USD"} trailing"#)[0].1,
            Code::Syntax
        );
    }

    #[test]
    fn serde_rejection_is_never_ok() {
        // A duplicate member: serde rejects it, `CheckJson` (on the last value) finds nothing.
        let found = violations(r#"{"amount": 1, "currency": "USD", "currency": "EUR"}"#);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, Code::Type);
        assert!(
            found[0].2.contains("duplicate field `currency`"),
            "{}",
            found[0].2
        );

        // A `CheckJson` that misses a problem: the fallback reports serde's path and message.
        #[derive(Debug)]
        struct Lenient(#[allow(dead_code)] Payment);
        impl<'de> Deserialize<'de> for Lenient {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Payment::deserialize(d).map(Lenient)
            }
        }
        impl Validate for Lenient {
            fn validate_at(&self, _: &Location<'_>, _: &mut Violations) {}
        }
        impl CheckJson for Lenient {
            fn check_json(_: &Json<'_>, _: &Location<'_>, _: &mut Violations) {}
        }
        let err =
            parse::<Lenient>(br#"{"amount": 1, "currency": "USD", "items": [1, -1]}"#).unwrap_err();
        let v = err.iter().next().unwrap();
        assert_eq!((err.len(), v.path(), v.code()), (1, "/items/1", Code::Type));
        assert!(
            v.message().starts_with("invalid value: integer `-1`"),
            "{}",
            v.message()
        );
    }
}
