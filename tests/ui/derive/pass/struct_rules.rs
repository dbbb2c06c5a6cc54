//! A struct with field rules: the fast path (serde then `validate`) and the slow path
//! (`check_json`) report the same violations at the same wire paths.

use payments_codegen_macros::{Validate, WireEnum};
use payments_runtime::{parse, Code, Nullable, Validate as _, Violations};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    #[validate(pattern = "^[A-Z]{3}$")]
    pub currency: String,
    #[serde(with = "::payments_runtime::wire::decimal_string")]
    #[validate(exclusive_minimum = 0, multiple_of = 0.01)]
    pub amount: Decimal,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "::payments_runtime::nullable"
    )]
    #[validate(minimum = 0, maximum = 100)]
    pub fee: Option<Nullable<i64>>,
    #[serde(rename = "ref")]
    #[validate(min_length = 1, max_length = 8)]
    pub reference: Option<Box<String>>,
    #[validate(min_items = 1)]
    pub lines: Vec<Line>,
    pub direction: Direction,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
pub struct Line {
    #[validate(format = "date-time")]
    pub at: String,
    #[validate(maximum = 10)]
    pub quantity: u32,
}

#[derive(Debug, PartialEq, WireEnum)]
pub enum Direction {
    #[wire("PAY-IN")]
    PayIn,
    #[wire("PAYOUT")]
    Payout,
}

/// `(path, code)` of every violation, in order.
fn found(violations: &Violations) -> Vec<(String, Code)> {
    violations
        .iter()
        .map(|v| (v.path().to_owned(), v.code()))
        .collect()
}

fn expect(json: &str, expected: &[(&str, Code)]) {
    let violations = match parse::<Payment>(json.as_bytes()) {
        Ok(payment) => panic!("expected violations, parsed {payment:?}"),
        Err(violations) => violations,
    };
    let expected: Vec<(String, Code)> = expected
        .iter()
        .map(|(path, code)| ((*path).to_owned(), *code))
        .collect();
    assert_eq!(found(&violations), expected, "{violations}");
}

fn main() {
    let valid = r#"{"currency": "USD", "amount": "10.50", "fee": null, "ref": "abc",
        "lines": [{"at": "2024-01-01T00:00:00Z", "quantity": 2}], "direction": "PAY-IN"}"#;
    let payment = match parse::<Payment>(valid.as_bytes()) {
        Ok(payment) => payment,
        Err(violations) => panic!("{violations}"),
    };
    assert_eq!(payment.fee, Some(Nullable::Null));
    assert_eq!(payment.direction, Direction::PayIn);
    assert!(payment.validate().is_ok());

    // serde accepts it; the rules do not (fast path: `Validate`).
    expect(
        r#"{"currency": "usd", "amount": "10.555", "fee": 101, "ref": "",
            "lines": [], "direction": "PAYOUT"}"#,
        &[
            ("/currency", Code::Pattern),
            ("/amount", Code::MultipleOf),
            ("/fee", Code::Maximum),
            ("/ref", Code::MinLength),
            ("/lines", Code::MinItems),
        ],
    );

    // serde rejects it (slow path: `CheckJson`), and every problem is reported.
    expect(
        r#"{"currency": "usd", "amount": "0", "fee": "x",
            "lines": [{"at": "yesterday", "quantity": 11}], "direction": "SIDEWAYS", "extra": 1}"#,
        &[
            ("/currency", Code::Pattern),
            ("/amount", Code::ExclusiveMinimum),
            ("/fee", Code::Type),
            ("/lines/0/at", Code::Format),
            ("/lines/0/quantity", Code::Maximum),
            ("/direction", Code::Enum),
            ("/extra", Code::AdditionalProperties),
        ],
    );
    expect(
        "{}",
        &[
            ("/currency", Code::Required),
            ("/amount", Code::Required),
            ("/lines", Code::Required),
            ("/direction", Code::Required),
        ],
    );
    expect("[]", &[("", Code::Type)]);

    // A value built in code is checked by `validate` with the same paths.
    let built = Payment {
        currency: "EURO".to_owned(),
        amount: Decimal::new(-1, 0),
        fee: Some(Nullable::Value(-1)),
        reference: Some(Box::new("far too long".to_owned())),
        lines: vec![Line {
            at: "2024-01-01T00:00:00Z".to_owned(),
            quantity: 3,
        }],
        direction: Direction::Payout,
    };
    let violations = match built.validate() {
        Ok(()) => panic!("expected violations"),
        Err(violations) => violations,
    };
    let expected: Vec<(String, Code)> = [
        ("/currency", Code::Pattern),
        ("/amount", Code::ExclusiveMinimum),
        ("/fee", Code::Minimum),
        ("/ref", Code::MaxLength),
    ]
    .iter()
    .map(|(path, code)| ((*path).to_owned(), *code))
    .collect();
    assert_eq!(found(&violations), expected, "{violations}");
}
