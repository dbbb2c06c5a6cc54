//! Wire enums: strict ones reject undocumented values, open ones keep them unchanged.

use std::str::FromStr;

use payments_codegen_macros::WireEnum;
use payments_runtime::{parse, CheckJson, Code, Location, Violations};

#[derive(Clone, Debug, PartialEq, Eq, WireEnum)]
pub enum Direction {
    #[wire("PAY-IN")]
    PayIn,
    #[wire("PAYOUT")]
    Payout,
}

/// `enum: [group]`: one value, reported with the keyword the schema states.
#[derive(Clone, Debug, PartialEq, Eq, WireEnum)]
pub enum Kind {
    #[wire("group")]
    Group,
}

/// `const: refund` (OpenAPI 3.1).
#[derive(Clone, Debug, PartialEq, Eq, WireEnum)]
#[wire(const)]
pub enum Refund {
    #[wire("refund")]
    Refund,
}

#[derive(Clone, Debug, PartialEq, Eq, WireEnum)]
pub enum Status {
    #[wire("pending")]
    Pending,
    #[wire("succeeded")]
    Succeeded,
    #[wire(other)]
    Unknown(String),
}

/// More than eight values: looked up by binary search over the sorted values.
#[derive(Clone, Debug, PartialEq, Eq, WireEnum)]
pub enum Currency {
    #[wire("USD")]
    Usd,
    #[wire("EUR")]
    Eur,
    #[wire("GBP")]
    Gbp,
    #[wire("JPY")]
    Jpy,
    #[wire("CHF")]
    Chf,
    #[wire("AUD")]
    Aud,
    #[wire("CAD")]
    Cad,
    #[wire("")]
    Empty,
    #[wire("aud")]
    LowerAud,
    #[wire("US")]
    Us,
    #[wire(other)]
    Unknown(String),
}

/// The same values, strict.
#[derive(Clone, Debug, PartialEq, Eq, WireEnum)]
pub enum StrictCurrency {
    #[wire("USD")]
    Usd,
    #[wire("EUR")]
    Eur,
    #[wire("GBP")]
    Gbp,
    #[wire("JPY")]
    Jpy,
    #[wire("CHF")]
    Chf,
    #[wire("AUD")]
    Aud,
    #[wire("CAD")]
    Cad,
    #[wire("")]
    Empty,
    #[wire("aud")]
    LowerAud,
    #[wire("US")]
    Us,
}

fn many_values() {
    for value in Currency::VALUES {
        let currency = Currency::from_str(value).unwrap();
        assert_eq!(currency.as_str(), *value);
        assert!(!matches!(currency, Currency::Unknown(_)), "{value}");
        let strict = StrictCurrency::from_str(value).unwrap();
        assert_eq!(strict.as_str(), *value);
        let json = serde_json::to_string(value).unwrap();
        assert_eq!(serde_json::from_str::<StrictCurrency>(&json).unwrap(), strict);
        assert_eq!(check::<StrictCurrency>(serde_json::json!(value)), []);
    }
    for miss in ["usd", "USDX", "U", " ", "ZZZ", "AAA", "\u{0}"] {
        assert_eq!(Currency::from_str(miss), Ok(Currency::Unknown(miss.to_owned())));
        assert!(StrictCurrency::from_str(miss).is_err(), "{miss}");
        assert_eq!(check::<StrictCurrency>(serde_json::json!(miss)).len(), 1, "{miss}");
    }
    // An escaped string reaches the visitor as an owned `String`.
    assert_eq!(
        serde_json::from_str::<Currency>(r#""\u0055SD""#).unwrap(),
        Currency::Usd
    );
    assert_eq!(
        serde_json::from_str::<Currency>(r#""\u0055SDX""#).unwrap(),
        Currency::Unknown("USDX".to_owned())
    );
    assert_eq!(
        serde_json::from_str::<StrictCurrency>(r#""\u0055S""#).unwrap(),
        StrictCurrency::Us
    );
    let error = serde_json::from_str::<StrictCurrency>("12").unwrap_err().to_string();
    assert!(error.starts_with("invalid type: integer `12`, expected a string"), "{error}");
}

fn check<T: CheckJson>(json: serde_json::Value) -> Vec<(String, Code, String)> {
    let mut out = Violations::new();
    T::check_json(&payments_runtime::Json::from(&json), &Location::Root, &mut out);
    out.iter()
        .map(|v| (v.path().to_owned(), v.code(), v.message().to_owned()))
        .collect()
}

fn main() {
    assert_eq!(Direction::VALUES, ["PAY-IN", "PAYOUT"]);
    assert_eq!(Direction::PayIn.as_str(), "PAY-IN");
    assert_eq!(Direction::Payout.to_string(), "PAYOUT");
    assert_eq!(Direction::from_str("PAYOUT"), Ok(Direction::Payout));
    let unknown = match Direction::from_str("SIDEWAYS") {
        Ok(direction) => panic!("accepted {direction:?}"),
        Err(unknown) => unknown,
    };
    assert_eq!(unknown.value(), "SIDEWAYS");
    assert_eq!(unknown.expected(), Direction::VALUES);

    assert_eq!(
        serde_json::to_string(&Direction::PayIn).ok().as_deref(),
        Some(r#""PAY-IN""#)
    );
    assert_eq!(
        serde_json::from_str::<Direction>(r#""PAY-IN""#).ok(),
        Some(Direction::PayIn)
    );
    let error = match serde_json::from_str::<Direction>(r#""SIDEWAYS""#) {
        Ok(direction) => panic!("accepted {direction:?}"),
        Err(error) => error.to_string(),
    };
    assert!(
        error.contains(r#"expected one of "PAY-IN", "PAYOUT""#),
        "{error}"
    );

    assert_eq!(check::<Direction>(serde_json::json!("PAY-IN")), []);
    assert_eq!(
        check::<Direction>(serde_json::json!("SIDEWAYS")),
        [(
            String::new(),
            Code::Enum,
            r#"must be one of "PAY-IN", "PAYOUT""#.to_owned()
        )]
    );
    assert_eq!(
        check::<Kind>(serde_json::json!("team")),
        [(String::new(), Code::Enum, r#"must be "group""#.to_owned())]
    );
    assert_eq!(
        check::<Refund>(serde_json::json!("chargeback")),
        [(String::new(), Code::Const, r#"must be "refund""#.to_owned())]
    );
    let not_string = check::<Direction>(serde_json::json!(1));
    assert_eq!(not_string.len(), 1);
    assert_eq!(not_string[0].1, Code::Type);

    // Open: an undocumented value is kept and written back unchanged.
    let status: Status = match serde_json::from_str(r#""refunded""#) {
        Ok(status) => status,
        Err(error) => panic!("{error}"),
    };
    assert_eq!(status, Status::Unknown("refunded".to_owned()));
    assert_eq!(
        serde_json::to_string(&status).ok().as_deref(),
        Some(r#""refunded""#)
    );
    assert_eq!(Status::from_str("pending"), Ok(Status::Pending));
    assert_eq!(Status::Unknown("x".to_owned()).as_str(), "x");
    assert_eq!(check::<Status>(serde_json::json!("anything")), []);
    assert_eq!(check::<Status>(serde_json::json!(null)).len(), 1);
    assert_eq!(
        parse::<Status>(br#""succeeded""#).ok(),
        Some(Status::Succeeded)
    );

    many_values();
}
