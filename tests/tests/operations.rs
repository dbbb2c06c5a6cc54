//! The typed operations of the bundled documents: method, path, header names as documented, the
//! request body type, and responses parsed by status (every violation reported; a status
//! neither documented nor covered by a `default` kept as `Undocumented` with its body).

use payments_models::{flexprice, formance_v1, formance_v3, layer2, papaya, Code};

#[test]
fn layer2_method_path_and_body() {
    use layer2::operations::create_payment::{Body, Parameters, CONTENT_TYPE, METHOD, PATH};
    assert_eq!(METHOD, "POST");
    assert_eq!(PATH, "/v1/payments");
    assert_eq!(CONTENT_TYPE, "application/json");
    let body: Body = payments_models::parse::<layer2::CreatePaymentRequest>(
        br#"{"payment_source": {}, "payment_destination": {},
             "payment_info": {"description": "Invoice 2024-0042", "amount": "100.50"}}"#,
    )
    .expect("the documented example");
    assert_eq!(body.payment_info.amount.to_string(), "100.50");
    assert_eq!(Parameters::default().path(), "/v1/payments");
    assert!(Parameters::default().query().is_empty());
}

#[test]
fn layer2_headers_keep_their_documented_names() {
    use layer2::operations::create_payment::Parameters;
    let parameters = Parameters {
        x_l2f_request_id: Some("req-1".to_owned()),
        x_l2f_idempotency_id: Some("idem-7".to_owned()),
    };
    assert_eq!(
        parameters.headers(),
        [
            ("x-l2f-request-id", "req-1".to_owned()),
            ("x-l2f-idempotency-id", "idem-7".to_owned())
        ]
    );
    // Optional headers that are not set are not sent.
    let only_idempotency = Parameters {
        x_l2f_idempotency_id: Some("idem-7".to_owned()),
        ..Parameters::default()
    };
    assert_eq!(
        only_idempotency.headers(),
        [("x-l2f-idempotency-id", "idem-7".to_owned())]
    );
}

#[test]
fn layer2_responses_by_status() {
    use layer2::operations::create_payment::Response;
    let ok = Response::parse(
        200,
        br#"{"data": {"id": "7f3c2a9e", "status": "ACCEPTED"}}"#,
    )
    .expect("a documented 200");
    let Response::Ok(created) = &ok else {
        panic!("{ok:?}")
    };
    assert_eq!(created.data.id, "7f3c2a9e");
    assert_eq!(ok.status(), 200);

    let bad = Response::parse(
        400,
        br#"{"errors": [{"code": "E400", "description": "amount is invalid"}]}"#,
    )
    .expect("a documented 400");
    let Response::BadRequest(error) = &bad else {
        panic!("{bad:?}")
    };
    let errors = error.errors.as_deref().unwrap_or_default();
    assert_eq!(errors[0].code.as_deref(), Some("E400"));
    assert_eq!(errors[0].description.as_deref(), Some("amount is invalid"));
    assert_eq!(bad.status(), 400);

    let server = Response::parse(500, br#"{"errors": []}"#).expect("a documented 500");
    assert!(matches!(server, Response::InternalServerError(_)));
}

#[test]
fn a_documented_status_with_a_bad_body_reports_every_violation() {
    use layer2::operations::create_payment::Response;
    let violations = Response::parse(200, br#"{"data": {"status": 7}}"#).expect_err("bad body");
    let found: Vec<(String, Code)> = violations
        .iter()
        .map(|v| (v.path().to_owned(), v.code()))
        .collect();
    assert!(
        found.contains(&("/data/id".to_owned(), Code::Required)),
        "{violations}"
    );
    assert!(
        found.contains(&("/data/status".to_owned(), Code::Type)),
        "{violations}"
    );
    let syntax = Response::parse(400, b"<html>").expect_err("not JSON");
    assert_eq!(syntax.iter().next().map(|v| v.code()), Some(Code::Syntax));
}

#[test]
fn an_undocumented_status_without_default_is_a_response_with_its_body_as_received() {
    use layer2::operations::create_payment::Response;
    // A rate limiter's 429 with a JSON body, a proxy's 503 with HTML: responses, not violations.
    let limited = Response::parse(429, br#"{"errors": []}"#).expect("a response");
    assert_eq!(
        limited,
        Response::Undocumented {
            status: 429,
            headers: payments_runtime::Headers::new(),
            body: br#"{"errors": []}"#.to_vec()
        }
    );
    assert_eq!((limited.status(), limited.is_success()), (429, false));
    let page = b"<html><body>503 Service Unavailable</body></html>";
    let unavailable = Response::parse(503, page).expect("a response");
    let Response::Undocumented { status, body, .. } = &unavailable else {
        panic!("{unavailable:?}")
    };
    assert_eq!((*status, body.as_slice()), (503, &page[..]));
    // An undocumented success is kept too, and is a success.
    let accepted = Response::parse(202, b"").expect("a response");
    assert_eq!((accepted.status(), accepted.is_success()), (202, true));
    // A documented status still checks its body.
    assert!(Response::parse(200, b"{}").is_err());
    assert!(matches!(
        papaya::operations::create_payment_instruction::Response::parse(418, b"{}"),
        Ok(
            papaya::operations::create_payment_instruction::Response::Undocumented {
                status: 418,
                ..
            }
        )
    ));
    assert!(matches!(
        flexprice::operations::create_payment::Response::parse(404, b"{}"),
        Ok(flexprice::operations::create_payment::Response::Undocumented { status: 404, .. })
    ));
}

#[test]
fn formance_default_response_covers_every_other_status() {
    use formance_v3::operations::v3_create_payment::{Response, METHOD, PATH};
    assert_eq!((METHOD, PATH), ("POST", "/api/payments/v3/payments"));
    let error = br#"{"errorCode": "VALIDATION", "errorMessage": "bad asset"}"#;
    let response = Response::parse(503, error).expect("the default response");
    let Response::Default { status, body } = &response else {
        panic!("{response:?}")
    };
    assert_eq!(*status, 503);
    assert_eq!(body.error_message, "bad asset");
    assert_eq!(response.status(), 503);
    // An error code the spec does not list is kept (responses are lenient).
    let unknown = br#"{"errorCode": "RATE_LIMITED", "errorMessage": "slow down"}"#;
    assert!(Response::parse(429, unknown).is_ok());
    // The default body is still checked.
    let violations = Response::parse(500, br#"{"errorCode": "INTERNAL"}"#).expect_err("missing");
    assert!(
        violations
            .iter()
            .any(|v| v.path() == "/errorMessage" && v.code() == Code::Required),
        "{violations}"
    );

    use formance_v1::operations::create_payment as v1;
    assert_eq!(v1::PATH, "/api/payments/payments");
    assert!(matches!(
        v1::Response::parse(404, br#"{"errorCode": "NOT_FOUND", "errorMessage": "no"}"#),
        Ok(v1::Response::Default { status: 404, .. })
    ));
}

#[test]
fn every_bundled_operation_names_its_request_body() {
    fn same<T>(_: Option<T>, _: Option<T>) {}
    same::<flexprice::operations::create_payment::Body>(
        None,
        None::<flexprice::CreatePaymentRequest>,
    );
    same::<papaya::operations::create_payment_instruction::Body>(
        None,
        None::<papaya::CreatePaymentRequest>,
    );
    same::<formance_v1::operations::create_payment::Body>(
        None,
        None::<formance_v1::CreatePaymentRequest>,
    );
    assert_eq!(flexprice::operations::create_payment::PATH, "/payments");
    assert_eq!(
        papaya::operations::create_payment_instruction::METHOD,
        "POST"
    );
}
