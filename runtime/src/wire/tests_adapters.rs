//! Round trips of the decimal adapters on every supported field shape.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::{Code, Location, Nullable, Violations};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Numbers {
    #[serde(with = "crate::wire::decimal_number")]
    plain: Decimal,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::wire::decimal_number"
    )]
    optional: Option<Decimal>,
    #[serde(with = "crate::wire::decimal_number")]
    nullable: Nullable<Decimal>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::wire::decimal_number"
    )]
    both: Option<Nullable<Decimal>>,
    #[serde(with = "crate::wire::decimal_number")]
    list: Vec<Decimal>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::wire::decimal_number"
    )]
    maybe_list: Option<Vec<Decimal>>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Strings {
    #[serde(with = "crate::wire::decimal_string")]
    plain: Decimal,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::wire::decimal_string"
    )]
    optional: Option<Decimal>,
    #[serde(with = "crate::wire::decimal_string")]
    nullable: Nullable<Decimal>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::wire::decimal_string"
    )]
    both: Option<Nullable<Decimal>>,
    #[serde(with = "crate::wire::decimal_string")]
    list: Vec<Decimal>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::wire::decimal_string"
    )]
    maybe_list: Option<Vec<Decimal>>,
}

#[test]
fn number_form_round_trips_digit_for_digit() {
    let text = r#"{"plain":0.1,"optional":1234567890.123456789,"nullable":null,"both":null,"list":[12.50,-0.001,79228162514264337593543950335],"maybe_list":[]}"#;
    let value: Numbers = serde_json::from_str(text).unwrap();
    assert_eq!(value.plain.to_string(), "0.1");
    assert_eq!(value.optional, Some(d("1234567890.123456789")));
    assert_eq!(value.nullable, Nullable::Null);
    assert_eq!(value.both, Some(Nullable::Null));
    assert_eq!(value.list[0].to_string(), "12.50");
    assert_eq!(value.maybe_list, Some(vec![]));
    assert_eq!(serde_json::to_string(&value).unwrap(), text);
    // Through the runtime's exact tree too (`serde_json::Value` would hold an `f64`).
    let tree: crate::JsonValue = serde_json::from_str(text).unwrap();
    assert_eq!(
        tree.get("optional").map(ToString::to_string).as_deref(),
        Some("1234567890.123456789")
    );
    assert_eq!(Numbers::deserialize(&tree).unwrap(), value);
    assert_eq!(serde_json::to_string(&tree).unwrap(), text);
}

#[test]
fn absent_null_and_value_are_three_states() {
    let absent: Numbers = serde_json::from_str(r#"{"plain":1,"nullable":2,"list":[]}"#).unwrap();
    assert_eq!(
        (absent.optional, absent.both, absent.maybe_list.as_ref()),
        (None, None, None)
    );
    assert_eq!(absent.nullable, Nullable::Value(d("2")));
    assert_eq!(
        serde_json::to_string(&absent).unwrap(),
        r#"{"plain":1,"nullable":2,"list":[]}"#
    );

    let null: Numbers =
        serde_json::from_str(r#"{"plain":1,"nullable":2,"list":[],"optional":null,"both":null}"#)
            .unwrap();
    assert_eq!((null.optional, null.both), (None, Some(Nullable::Null)));
    assert_eq!(
        serde_json::to_string(&null).unwrap(),
        r#"{"plain":1,"nullable":2,"both":null,"list":[]}"#
    );

    let value: Numbers =
        serde_json::from_str(r#"{"plain":1,"nullable":2,"list":[],"both":3.0}"#).unwrap();
    assert_eq!(value.both, Some(Nullable::Value(d("3.0"))));
}

#[test]
fn string_form_round_trips() {
    let text = r#"{"plain":"0.1","optional":"1234567890.123456789","nullable":null,"both":"-5.00","list":["1","2.5"]}"#;
    let value: Strings = serde_json::from_str(text).unwrap();
    assert_eq!(value.plain, d("0.1"));
    assert_eq!(value.both, Some(Nullable::Value(d("-5.00"))));
    assert_eq!(value.maybe_list, None);
    assert_eq!(serde_json::to_string(&value).unwrap(), text);
}

#[test]
fn forms_are_not_mixed() {
    let e =
        serde_json::from_str::<Numbers>(r#"{"plain":"1","nullable":null,"list":[]}"#).unwrap_err();
    assert!(e.to_string().contains("invalid type: string"), "{e}");
    let e =
        serde_json::from_str::<Strings>(r#"{"plain":1,"nullable":null,"list":[]}"#).unwrap_err();
    assert!(e.to_string().contains("invalid type: integer"), "{e}");
}

#[test]
fn unrepresentable_numbers_are_errors_not_rounded() {
    let e = serde_json::from_str::<Numbers>(
        r#"{"plain":0.30000000000000000000000000001,"nullable":null,"list":[]}"#,
    )
    .unwrap_err();
    assert!(e.to_string().contains("more than 28 decimal places"), "{e}");
    let e = serde_json::from_str::<Numbers>(r#"{"plain":1,"nullable":null,"list":[1e40]}"#)
        .unwrap_err();
    assert!(e.to_string().contains("too large for a decimal"), "{e}");
    let e = serde_json::from_str::<Strings>(r#"{"plain":"1.5x","nullable":null,"list":[]}"#)
        .unwrap_err();
    assert!(
        e.to_string()
            .contains(r#"expected a decimal number, found "1.5x""#),
        "{e}"
    );
}

fn check(
    check: fn(&crate::Json<'_>, &Location<'_>, &mut Violations),
    value: serde_json::Value,
) -> Vec<(String, Code, String)> {
    let mut out = Violations::new();
    check(
        &crate::Json::from(&value),
        &Location::Root.key("amount"),
        &mut out,
    );
    out.into_iter()
        .map(|v| (v.path().to_owned(), v.code(), v.message().to_owned()))
        .collect()
}

#[test]
fn number_check_json() {
    use crate::wire::decimal_number::check_json;
    let option = check_json::<Option<Decimal>>;
    assert!(check(option, json!(1.25)).is_empty());
    assert!(check(option, json!(null)).is_empty());
    assert_eq!(
        check(option, json!("1.25")),
        [(
            "/amount".to_owned(),
            Code::Type,
            "expected a number, found a string".to_owned()
        )]
    );
    let list = check_json::<Vec<Decimal>>;
    assert!(check(list, json!([1, 2.5])).is_empty());
    let huge: serde_json::Value = serde_json::from_str("[1, 1e40, true]").unwrap();
    let found = check(list, huge);
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].0.as_str(), found[0].1), ("/amount/1", Code::Type));
    assert!(found[0].2.contains("too large"));
    assert_eq!(
        found[1],
        (
            "/amount/2".to_owned(),
            Code::Type,
            "expected a number, found a boolean".to_owned()
        )
    );
}

/// The check knows the field's shape: `null` only where an `Option` or `Nullable` reads it, an
/// array only where a `Vec` does — what serde would reject is a violation, not a silent pass.
#[test]
fn the_check_follows_the_field_shape() {
    use crate::wire::decimal_number::check_json;
    let codes = |found: Vec<(String, Code, String)>| -> Vec<(String, Code)> {
        found
            .into_iter()
            .map(|(path, code, _)| (path, code))
            .collect()
    };
    let at = |path: &str| (path.to_owned(), Code::Type);
    assert_eq!(
        codes(check(check_json::<Decimal>, json!(null))),
        [at("/amount")]
    );
    assert_eq!(
        codes(check(check_json::<Decimal>, json!([1]))),
        [at("/amount")]
    );
    assert_eq!(
        codes(check(check_json::<Option<Decimal>>, json!([1]))),
        [at("/amount")]
    );
    assert!(check(check_json::<Nullable<Decimal>>, json!(null)).is_empty());
    assert!(check(check_json::<Option<Nullable<Decimal>>>, json!(null)).is_empty());
    assert_eq!(
        codes(check(check_json::<Vec<Decimal>>, json!(1))),
        [at("/amount")]
    );
    assert_eq!(
        codes(check(check_json::<Vec<Decimal>>, json!([1, null]))),
        [at("/amount/1")]
    );
    assert!(check(check_json::<Vec<Option<Decimal>>>, json!([1, null])).is_empty());
    assert_eq!(
        codes(check(check_json::<Option<Vec<Decimal>>>, json!([[1]]))),
        [at("/amount/0")]
    );
}

#[test]
fn string_check_json() {
    use crate::wire::decimal_string::check_json;
    let f = check_json::<Option<Decimal>>;
    assert!(check(f, json!("1.25")).is_empty());
    assert!(check(f, json!(null)).is_empty());
    assert_eq!(
        check(f, json!(1.25)),
        [(
            "/amount".to_owned(),
            Code::Type,
            "expected a string holding a decimal, found a number".to_owned()
        )]
    );
    assert_eq!(check(f, json!("twelve"))[0].1, Code::Format);
    assert_eq!(check(f, json!("1e40"))[0].1, Code::Type);
    assert_eq!(check(check_json::<Decimal>, json!(null))[0].1, Code::Type);
}
