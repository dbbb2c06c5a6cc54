//! Property tests of the exact number forms: any number text JSON allows (RFC 8259: sign,
//! leading digit rules, fraction, exponent; here up to 40 integer and 30 fraction digits,
//! exponents to ±40, `-0`, values far above 2^53) either round-trips through the decimal and
//! big-integer wire forms digit for digit (by value; a `Decimal` keeps the scale written) or is
//! a clear error — never silently rounded.

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use payments_runtime::schema::json_equal;
use payments_runtime::wire::{parse_decimal, DecimalError};
use payments_runtime::{BigInt, Json, JsonValue};

#[derive(Debug, Serialize, Deserialize)]
struct Money {
    #[serde(with = "payments_runtime::wire::decimal_number")]
    amount: Decimal,
}

#[derive(Debug, Serialize, Deserialize)]
struct Count {
    count: BigInt,
}

/// JSON number text: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn number() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop_oneof![Just("0".to_owned()), "[1-9][0-9]{0,39}"],
        prop::option::of("[0-9]{1,30}"),
        prop::option::of(("[eE]", "[+-]?", 0u32..=40)),
    )
        .prop_map(|(negative, int, frac, exp)| {
            let mut text = String::new();
            if negative {
                text.push('-');
            }
            text.push_str(&int);
            if let Some(frac) = frac {
                text.push('.');
                text.push_str(&frac);
            }
            if let Some((marker, sign, digits)) = exp {
                text.push_str(&format!("{marker}{sign}{digits}"));
            }
            text
        })
}

fn same_number(a: &str, b: &str) -> bool {
    json_equal(&Json::Number(a.into()), &Json::Number(b.into()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn a_decimal_is_exact_or_refused(text in number()) {
        match parse_decimal(&text) {
            Ok(decimal) => prop_assert!(same_number(&text, &decimal.to_string()), "{text} → {decimal}"),
            Err(e) => prop_assert!(
                matches!(e, DecimalError::TooPrecise(_) | DecimalError::TooLarge(_)),
                "{text}: {e}"
            ),
        }
        // Through serde_json, in both directions, without `arbitrary_precision`.
        let payload = format!(r#"{{"amount":{text}}}"#);
        match serde_json::from_str::<Money>(&payload) {
            Ok(money) => {
                prop_assert!(same_number(&text, &money.amount.to_string()));
                let written = serde_json::to_string(&money).unwrap();
                let back: JsonValue = serde_json::from_str(&written).unwrap();
                let amount = back.get("amount").map(ToString::to_string).unwrap_or_default();
                prop_assert!(same_number(&text, &amount), "{text} written as {written}");
            }
            Err(e) => {
                let e = e.to_string();
                prop_assert!(e.contains("decimal places") || e.contains("too large"), "{text}: {e}");
            }
        }
    }

    #[test]
    fn an_integer_is_exact_or_refused(text in number()) {
        let whole = !text.contains(['.', 'e', 'E']);
        let payload = format!(r#"{{"count":{text}}}"#);
        match serde_json::from_str::<Count>(&payload) {
            Ok(count) => {
                prop_assert!(whole, "{text} was read as an integer");
                prop_assert!(same_number(&text, &count.count.to_string()));
                let written = serde_json::to_string(&count).unwrap();
                let expected = format!(r#"{{"count":{}}}"#, count.count);
                prop_assert_eq!(written, expected);
            }
            Err(e) => prop_assert!(!whole, "{text}: {e}"),
        }
    }

    #[test]
    fn any_json_keeps_every_digit(text in number()) {
        let value: JsonValue = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(value.to_string(), text.clone());
        prop_assert_eq!(serde_json::to_string(&value).unwrap(), text);
    }
}
