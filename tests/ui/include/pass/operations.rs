//! The typed operations of a spec read with `include_spec!`: the path is filled in and
//! percent-encoded, query and header parameters follow their styles with their documented
//! names, and responses are read by status.

mod api {
    payments_codegen_macros::include_spec!("ui/include/operations.yaml");
}

use api::operations::list_payments::{Parameters, Response, METHOD, PATH};
use std::collections::BTreeMap;

fn main() {
    assert_eq!(METHOD, "GET");
    assert_eq!(PATH, "/v1/accounts/{account id}/payments/{ids}");
    let parameters = Parameters {
        account_id: "acc/1 é".to_owned(),
        ids: vec![7, 8],
        status: Some(api::ListPaymentsStatus::SepaDebit),
        tags: Some(vec!["a".to_owned(), "b c".to_owned()]),
        fields: Some(vec!["id".to_owned(), "amount".to_owned()]),
        metadata: Some(BTreeMap::from([("k".to_owned(), "v".to_owned())])),
        limit: api::ListPaymentsLimit::new(20).expect("within 1..=100"),
        filter: Some(api::ListPaymentsFilter {
            min: Some(rust_decimal::Decimal::new(15, 1)),
        }),
        x_request_id: "req-1".to_owned(),
        session: None,
    };
    assert_eq!(
        parameters.path(),
        "/v1/accounts/acc%2F1%20%C3%A9/payments/7,8"
    );
    let query: Vec<(String, String)> = parameters.query();
    let query: Vec<(&str, &str)> = query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        query,
        [
            ("status", "sepa debit"),
            ("tags", "a"),
            ("tags", "b c"),
            ("fields", "id,amount"),
            ("metadata[k]", "v"),
            ("limit", "20"),
            ("filter", r#"{"min":1.5}"#),
        ]
    );
    assert_eq!(parameters.headers(), [("X-Request-ID", "req-1".to_owned())]);
    assert!(parameters.cookies().is_empty());
    assert!(api::ListPaymentsLimit::new(0).is_err());

    let page = Response::parse(200, br#"{"items": ["p1"]}"#).expect("a page");
    assert!(matches!(&page, Response::Ok(body) if body.items == ["p1"]));
    assert_eq!(Response::parse(204, b""), Ok(Response::NoContent));
    let client = Response::parse(409, br#"{"title": "conflict"}"#).expect("4XX");
    assert_eq!(client.status(), 409);
    assert!(matches!(client, Response::ClientError { status: 409, .. }));
    assert_eq!(
        Response::parse(418, b"short and stout"),
        Ok(Response::Status418("short and stout".to_owned()))
    );
    let other = Response::parse(503, b"\x00\x01").expect("default");
    assert_eq!(
        other,
        Response::Default {
            status: 503,
            body: vec![0, 1]
        }
    );
    let missing = Response::parse(200, b"{}").expect_err("items is required");
    assert!(missing.iter().any(|v| v.path() == "/items"), "{missing}");
}
