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

#[derive(Clone, Debug, PartialEq, Eq, WireEnum)]
pub enum Kind {
    #[wire("group")]
    Group,
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
        [(String::new(), Code::Const, r#"must be "group""#.to_owned())]
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
}
