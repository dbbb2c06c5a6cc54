//! The derive agrees with the serde attributes that decide wire names, required members and
//! unknown members: `rename_all`, `rename`, `alias`, `default`, `skip`, `deserialize_with`.

use payments_codegen_macros::Validate;
use payments_runtime::{parse, Code, Location, Violations};
use rust_decimal::Decimal;
use serde::Deserialize;

mod as_text {
    use payments_runtime::{Location, Violations};
    use rust_decimal::Decimal;
    use serde::Deserializer;

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        payments_runtime::wire::decimal_string::deserialize(deserializer)
    }

    pub fn check_json(value: &payments_runtime::Json<'_>, at: &Location<'_>, out: &mut Violations) {
        payments_runtime::wire::decimal_string::check_json::<Decimal>(value, at, out);
    }
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Transfer {
    #[validate(min_length = 1)]
    pub source_account: String,
    #[serde(rename = "dest", alias = "destination")]
    pub destination_account: String,
    #[serde(default)]
    #[validate(max_items = 2)]
    pub tags: Vec<String>,
    #[serde(skip)]
    pub local_note: String,
    #[serde(deserialize_with = "as_text::deserialize")]
    #[validate(minimum = 0)]
    pub amount: Decimal,
    pub memo: Option<String>,
}

fn paths(json: &str) -> Vec<(String, Code)> {
    match parse::<Transfer>(json.as_bytes()) {
        Ok(transfer) => panic!("accepted {transfer:?}"),
        Err(violations) => violations
            .iter()
            .map(|v| (v.path().to_owned(), v.code()))
            .collect(),
    }
}

fn main() {
    let valid = r#"{"sourceAccount": "a", "destination": "b", "amount": "1.5"}"#;
    match parse::<Transfer>(valid.as_bytes()) {
        Ok(transfer) => assert_eq!(transfer.destination_account, "b"),
        Err(violations) => panic!("{violations}"),
    }
    assert_eq!(
        paths("{}"),
        [
            ("/sourceAccount".to_owned(), Code::Required),
            ("/dest".to_owned(), Code::Required),
            ("/amount".to_owned(), Code::Required),
        ]
    );
    assert_eq!(
        paths(r#"{"sourceAccount": "", "dest": "b", "tags": ["x", "y", "z"], "amount": "-1"}"#),
        [
            ("/sourceAccount".to_owned(), Code::MinLength),
            ("/tags".to_owned(), Code::MaxItems),
            ("/amount".to_owned(), Code::Minimum),
        ]
    );
    assert_eq!(
        paths(r#"{"sourceAccount": "a", "dest": "b", "amount": 1, "localNote": "n"}"#),
        [
            ("/amount".to_owned(), Code::Type),
            ("/localNote".to_owned(), Code::AdditionalProperties),
        ]
    );
    let mut out = Violations::new();
    <Transfer as payments_runtime::CheckJson>::check_json(
        &payments_runtime::Json::from(&serde_json::json!("not an object")),
        &Location::Root,
        &mut out,
    );
    assert_eq!(out.len(), 1);
}
