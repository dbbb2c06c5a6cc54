//! Look-around and back-references, which the linear-time engine cannot run, are checked on
//! the backtracking engine: by `parse`, by `validate()` and in `check_literal!`.

use payments_codegen_macros::{check_literal, Validate};
use payments_runtime::{parse, Code, Validate as _};
use serde::Deserialize;

#[derive(Debug, Deserialize, Validate)]
pub struct Payment {
    #[validate(pattern = "^(?!XXX)[A-Z]{3}$")]
    pub currency: String,
    #[validate(pattern = "^(a)\\1$")]
    pub reference: String,
}

fn main() {
    let ok: Payment = match parse(br#"{"currency": "USD", "reference": "aa"}"#) {
        Ok(payment) => payment,
        Err(violations) => panic!("{violations}"),
    };
    assert!(ok.validate().is_ok());
    let bad = match parse::<Payment>(br#"{"currency": "XXX", "reference": "ab"}"#) {
        Ok(payment) => panic!("accepted {payment:?}"),
        Err(violations) => violations,
    };
    let found: Vec<(String, Code)> = bad.iter().map(|v| (v.path().to_owned(), v.code())).collect();
    assert_eq!(
        found,
        [
            ("/currency".to_owned(), Code::Pattern),
            ("/reference".to_owned(), Code::Pattern)
        ]
    );
    // Checked while compiling, on the same engine.
    let currency: &str = check_literal!(pattern = "^(?!XXX)[A-Z]{3}$", "EUR");
    assert_eq!(currency, "EUR");
}
