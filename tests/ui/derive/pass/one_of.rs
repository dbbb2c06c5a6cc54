//! `#[derive(OneOf)]` written by hand: a discriminated union open to new tags, a union selected
//! by a member, and an exclusive untagged `oneOf` whose alternatives overlap.

use payments_codegen_macros::{OneOf, Validate};
use payments_runtime::{parse, CheckJson, Code, JsonValue, Location, Validate as _, Violations};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
pub struct Card {
    #[validate(pattern = "^[0-9]{4}$")]
    pub last4: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
pub struct Sepa {
    pub iban: String,
}

#[derive(Debug, Clone, PartialEq, OneOf)]
#[one_of(tag = "type")]
pub enum Method {
    #[one_of(tag = "card")]
    Card(Card),
    #[one_of(tag = "sepa_debit")]
    Sepa(Sepa),
    #[one_of(unknown)]
    Unknown(JsonValue),
}

#[derive(Debug, Clone, PartialEq, OneOf)]
#[one_of(present)]
pub enum Account {
    #[one_of(present = "last4")]
    Card(Card),
    #[one_of(present = "iban")]
    Sepa(Sepa),
}

#[derive(Debug, Clone, PartialEq, Validate)]
#[validate(maximum = 10)]
pub struct Small(u32);

#[derive(Debug, Clone, PartialEq, Validate)]
#[validate(multiple_of = 2)]
pub struct Even(u32);

#[derive(Debug, Clone, PartialEq, OneOf)]
#[one_of(untagged, exactly_one, overlapping)]
pub enum Quantity {
    Small(Small),
    Even(Even),
}

fn codes(value: &str, check: fn(&payments_runtime::Json<'_>, &Location<'_>, &mut Violations)) -> Vec<(String, Code)> {
    let json = payments_runtime::Json::from_slice(value.as_bytes()).unwrap();
    let mut out = Violations::new();
    check(&json, &Location::Root, &mut out);
    out.iter().map(|v| (v.path().to_owned(), v.code())).collect()
}

fn main() {
    let card: Method = parse(br#"{"type": "card", "last4": "4242"}"#).unwrap();
    assert_eq!(card, Method::Card(Card { last4: "4242".into() }));
    let new: Method = parse(br#"{"type": "wallet", "id": 7}"#).unwrap();
    assert_eq!(serde_json::to_string(&new).unwrap(), r#"{"type":"wallet","id":7}"#);
    assert_eq!(
        codes(r#"{"type": "card", "last4": "42"}"#, Method::check_json),
        [("/last4".to_owned(), Code::Pattern)]
    );
    assert_eq!(codes(r#"{"last4": "4242"}"#, Method::check_json), [("/type".to_owned(), Code::Required)]);

    let sepa: Account = parse(br#"{"iban": "DE89"}"#).unwrap();
    assert_eq!(sepa, Account::Sepa(Sepa { iban: "DE89".into() }));
    assert_eq!(codes(r#"{"bic": "X"}"#, Account::check_json), [(String::new(), Code::OneOf)]);

    // 4 is small and even: exactly one alternative must accept it.
    assert_eq!(codes("4", Quantity::check_json), [(String::new(), Code::OneOf)]);
    assert!(codes("12", Quantity::check_json).is_empty());
    assert_eq!(codes("13", Quantity::check_json), [(String::new(), Code::Maximum)]);
    let built = Quantity::Small(Small(4));
    assert_eq!(built.validate().unwrap_err().iter().map(|v| v.code()).collect::<Vec<_>>(), [Code::OneOf]);
}
