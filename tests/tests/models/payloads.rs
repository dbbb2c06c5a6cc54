//! The payload macros: a JSON literal checked while compiling expands to the value `parse`
//! gives for the same JSON, in every provider's module, for requests and responses; Rust
//! expressions stand in unconstrained positions; fixture files are read the same way.

use payments_models::{
    flexprice, formance_v1, formance_v3, layer2, papaya, parse, CheckJson, Validate,
};
use serde::de::DeserializeOwned;
use std::fmt::Debug;

/// What `parse` reads.
trait Model: DeserializeOwned + Validate + CheckJson + PartialEq + Debug {}
impl<T: DeserializeOwned + Validate + CheckJson + PartialEq + Debug> Model for T {}

/// The value `parse` reads from `json`, which must be valid.
fn parsed<T: Model>(json: &str) -> T {
    match parse::<T>(json.as_bytes()) {
        Ok(value) => value,
        Err(violations) => panic!("the JSON is invalid: {violations}"),
    }
}

fn same<T: Model>(literal: T, json: &str) {
    assert_eq!(literal, parsed::<T>(json));
}

#[test]
fn papaya_request_literal_equals_parse_exactly() {
    let request = papaya::create_payment_request!({
        "id": "pay-2024-03-0001",
        "purpose": "SALA",
        "source": { "type": "group", "id": "grp-1001" },
        "target": { "type": "contact", "id": "cnt-2002" },
        "approved": false,
        "amount": { "type": "SEND", "amount": 1500.125, "currency": "EUR" },
        "execution": { "type": "SEND", "date": "2024-03-25T09:00:00Z" },
        "final": { "is_final": false, "expected": "2024-04-01T00:00:00+02:00" },
        "user_tags": { "team": ["a", "b"], "priority": 1, "nested": { "x": null } }
    });
    // The decimal is exact: 1500.125 as written, never through f64.
    assert_eq!(request.amount.amount.get().to_string(), "1500.125");
    same(
        request,
        r#"{"id": "pay-2024-03-0001", "purpose": "SALA",
            "source": {"type": "group", "id": "grp-1001"},
            "target": {"type": "contact", "id": "cnt-2002"}, "approved": false,
            "amount": {"type": "SEND", "amount": 1500.125, "currency": "EUR"},
            "execution": {"type": "SEND", "date": "2024-03-25T09:00:00Z"},
            "final": {"is_final": false, "expected": "2024-04-01T00:00:00+02:00"},
            "user_tags": {"team": ["a", "b"], "priority": 1, "nested": {"x": null}}}"#,
    );
}

#[test]
fn expressions_stand_in_unconstrained_positions() {
    let order_id = String::from("grp-77");
    let currency = papaya::currency!("USD");
    let request = papaya::create_payment_request!({
        "source": { "id": order_id.clone() },
        "target": { "id": "cnt-1" },
        "amount": { "amount": 10.5, "currency": currency },
        "execution": { "date": "2026-12-01T10:00:00Z" }
    });
    same(
        request,
        r#"{"source": {"id": "grp-77"}, "target": {"id": "cnt-1"},
            "amount": {"amount": 10.5, "currency": "USD"},
            "execution": {"date": "2026-12-01T10:00:00Z"}}"#,
    );
}

#[test]
fn flexprice_request_and_response() {
    same(
        flexprice::create_payment_request!({
            "amount": 10.25, "currency": "USD", "destination_id": "inv_1",
            "destination_type": "INVOICE", "payment_method_type": "CARD",
            "metadata": { "order": "6735" }, "process_payment": true
        }),
        r#"{"amount": 10.25, "currency": "USD", "destination_id": "inv_1",
            "destination_type": "INVOICE", "payment_method_type": "CARD",
            "metadata": {"order": "6735"}, "process_payment": true}"#,
    );
    let json =
        r#"{"id": "pay_1", "amount": -0.5, "currency": "USD", "payment_status": "SUCCEEDED"}"#;
    let response: flexprice::CreatePaymentResponse = parsed(json);
    let literal = flexprice::create_payment_response!({
        "id": "pay_1", "amount": -0.5, "currency": "USD", "payment_status": "SUCCEEDED"
    });
    assert_eq!(literal, response);
}

#[test]
fn formance_v1_big_integers_stay_exact() {
    let request = formance_v1::create_payment_request!({
        "reference": "ref-1", "connectorID": "stripe", "createdAt": "2023-11-07T05:31:56Z",
        "amount": 1234567890123456789012345678901234567890,
        "type": "PAY-IN", "status": "PENDING", "scheme": "visa", "asset": "USD/2"
    });
    assert_eq!(
        request.amount.to_string(),
        "1234567890123456789012345678901234567890"
    );
    same(
        request,
        r#"{"reference": "ref-1", "connectorID": "stripe", "createdAt": "2023-11-07T05:31:56Z",
            "amount": 1234567890123456789012345678901234567890,
            "type": "PAY-IN", "status": "PENDING", "scheme": "visa", "asset": "USD/2"}"#,
    );
}

#[test]
fn formance_v3_nullable_base64_and_arrays() {
    same(
        formance_v3::create_payment_request!({
            "reference": "ref-001", "connectorID": "aSDinaTvuI8gbWludGxpZnk=",
            "createdAt": "2023-11-07T05:31:56Z", "type": "PAY-IN",
            "initialAmount": 123456789012345678901234567890, "amount": 0,
            "asset": "usd/2", "scheme": "visa", "metadata": null,
            "adjustments": [{ "reference": "adj-1", "createdAt": "2023-11-07T05:31:56Z", "status": "PENDING" }]
        }),
        r#"{"reference": "ref-001", "connectorID": "aSDinaTvuI8gbWludGxpZnk=",
            "createdAt": "2023-11-07T05:31:56Z", "type": "PAY-IN",
            "initialAmount": 123456789012345678901234567890, "amount": 0,
            "asset": "usd/2", "scheme": "visa", "metadata": null,
            "adjustments": [{"reference": "adj-1", "createdAt": "2023-11-07T05:31:56Z", "status": "PENDING"}]}"#,
    );
}

#[test]
fn layer2_decimal_strings_and_free_form_objects() {
    same(
        layer2::create_payment_request!({
            "payment_source": { "account_id": "acc-1", "details": { "tags": [1, "x", null, 1.50] } },
            "payment_destination": {},
            "payment_info": { "description": "exact", "amount": "1234567890.123456789" }
        }),
        r#"{"payment_source": {"account_id": "acc-1", "details": {"tags": [1, "x", null, 1.50]}},
            "payment_destination": {},
            "payment_info": {"description": "exact", "amount": "1234567890.123456789"}}"#,
    );
}

#[test]
fn fixture_files_are_read_at_build_time() {
    let request = papaya::include_payload!(CreatePaymentRequest, "tests/models/create.json");
    let text = include_str!("create.json");
    same(request, text);
}
