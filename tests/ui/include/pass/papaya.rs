//! `include_spec!` reads a bundled spec at compile time: the models and the operations are
//! there and behave like the checked-in `payments_models::papaya`.

mod papaya {
    payments_codegen_macros::include_spec!("../specs/papaya.yaml");
}

use papaya::operations::create_payment_instruction::{Body, Response, METHOD, PATH};

fn main() {
    assert_eq!((METHOD, PATH), ("POST", "/payments/payments"));
    let json = br#"{"id": "pay-2024-03-0001", "description": "March 2024 salary",
        "purpose": "SALA", "source": {"type": "group", "id": "grp-1001"},
        "target": {"type": "contact", "id": "cnt-2002"}, "approved": false,
        "amount": {"type": "SEND", "amount": 2500.125, "currency": "EUR"},
        "execution": {"type": "SEND", "date": "2024-03-25T09:00:00Z", "margin": 24},
        "final": {"is_final": true}}"#;
    let request: Body = payments_runtime::parse(json).expect("the documented example");
    let same: payments_models::papaya::CreatePaymentRequest =
        payments_runtime::parse(json).expect("the same example");
    assert_eq!(
        serde_json::to_value(&request).ok(),
        serde_json::to_value(&same).ok()
    );

    let lowercase = String::from_utf8_lossy(json).replace("\"EUR\"", "\"eur\"");
    let violations = payments_runtime::parse::<papaya::CreatePaymentRequest>(lowercase.as_bytes())
        .expect_err("a lowercase currency breaks its pattern");
    assert!(
        violations.iter().any(|v| v.path() == "/amount/currency"),
        "{violations}"
    );

    let undocumented = Response::parse(404, b"{}").expect("404 is a response, not documented");
    assert!(matches!(
        undocumented,
        Response::Undocumented { status: 404, ref body, .. } if body == b"{}"
    ));
    assert!(!undocumented.is_success());
}
