//! Constrained newtypes: checked construction, serde that checks on the way in, and the
//! conversions the derive generates.

use std::str::FromStr;

use payments_codegen_macros::{check_literal, Validate};
use payments_runtime::{parse, Code, Validate as _};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Validate)]
#[validate(pattern = "^[A-Z]{3}$")]
pub struct CurrencyCode(String);

#[derive(Clone, Copy, Debug, PartialEq, Validate)]
#[validate(exclusive_minimum = 0, multiple_of = "0.01")]
pub struct Amount(#[serde(with = "::payments_runtime::wire::decimal_string")] Decimal);

#[derive(Clone, Copy, Debug, PartialEq, Validate)]
#[validate(minimum = 1, maximum = 12)]
pub struct Month(u8);

#[derive(Debug, Serialize, Deserialize, Validate)]
pub struct Money {
    pub currency: CurrencyCode,
    pub amount: Amount,
}

macro_rules! currency {
    ($code:literal) => {
        CurrencyCode::__from_checked_literal(check_literal!(pattern = "^[A-Z]{3}$", $code))
    };
}

macro_rules! amount {
    ($value:literal) => {
        Amount::__from_checked_literal(check_literal!(
            exclusive_minimum = 0,
            multiple_of = "0.01",
            $value
        ))
    };
}

const TEN: Amount = amount!(10.50);

fn main() {
    let usd = match CurrencyCode::new("USD".to_owned()) {
        Ok(code) => code,
        Err(violations) => panic!("{violations}"),
    };
    assert_eq!(usd.as_str(), "USD");
    assert_eq!(usd.get(), "USD");
    assert_eq!(usd.to_string(), "USD");
    assert_eq!(usd.clone().into_inner(), "USD".to_owned());
    assert_eq!(CurrencyCode::from_str("USD"), Ok(usd.clone()));
    assert_eq!(currency!("USD"), usd);
    assert!(CurrencyCode::try_from("usd".to_owned()).is_err());
    let violations = match CurrencyCode::from_str("usd") {
        Ok(code) => panic!("accepted {code:?}"),
        Err(violations) => violations,
    };
    let messages: Vec<String> = violations.iter().map(|v| v.to_string()).collect();
    assert_eq!(messages, ["(root): must match ^[A-Z]{3}$ (pattern)"]);

    assert_eq!(TEN.get().to_string(), "10.50");
    assert_eq!(TEN.to_string(), "10.50");
    assert!(Amount::new(Decimal::new(1, 3)).is_err());
    assert!(Month::new(13).is_err());
    assert_eq!(Month::new(12).map(Month::into_inner), Ok(12));
    const MAY: Month = Month::__from_checked_literal(5);
    assert!(MAY.validate().is_ok());

    // serde: the inner wire form, checked on the way in.
    let money = Money {
        currency: usd,
        amount: TEN,
    };
    let json = match serde_json::to_string(&money) {
        Ok(json) => json,
        Err(error) => panic!("{error}"),
    };
    assert_eq!(json, r#"{"currency":"USD","amount":"10.50"}"#);
    let error = match serde_json::from_str::<Money>(r#"{"currency":"usd","amount":"1"}"#) {
        Ok(money) => panic!("accepted {money:?}"),
        Err(error) => error.to_string(),
    };
    assert!(error.contains("must match ^[A-Z]{3}$"), "{error}");

    // parse: both newtypes' violations, at their members.
    let violations = match parse::<Money>(br#"{"currency": "usd", "amount": "0.001"}"#) {
        Ok(money) => panic!("accepted {money:?}"),
        Err(violations) => violations,
    };
    let found: Vec<(&str, Code)> = violations.iter().map(|v| (v.path(), v.code())).collect();
    assert_eq!(
        found,
        [("/currency", Code::Pattern), ("/amount", Code::MultipleOf)],
        "{violations}"
    );
    let violations = match parse::<Money>(br#"{"currency": 1, "amount": 2}"#) {
        Ok(money) => panic!("accepted {money:?}"),
        Err(violations) => violations,
    };
    let found: Vec<(&str, Code)> = violations.iter().map(|v| (v.path(), v.code())).collect();
    assert_eq!(
        found,
        [("/currency", Code::Type), ("/amount", Code::Type)],
        "{violations}"
    );
}
