//! The generated models: every example of the five documents and of the official specs'
//! operations round-trips; money is exact; enums are strict in requests and open in responses.

#[path = "models/payloads.rs"]
mod payloads;

use payments_models::{
    flexprice, formance_v1, formance_v3, layer2, papaya, parse, Code, Validate, Violations,
};
use payments_runtime::{Json, JsonValue};
use payments_tests::{assert_same_json, exact_json, examples, real_spec, spec, synth, PROVIDERS};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};

fn roundtrip<T>(value: &Value) -> Result<JsonValue, Violations>
where
    T: DeserializeOwned + Serialize + Validate + payments_models::CheckJson,
{
    let bytes = serde_json::to_vec(value).expect("a JSON value serializes");
    let typed: T = parse(&bytes)?;
    Ok(exact_json(&typed))
}

/// Parses `value` as the model of `schema` in `provider` and serializes it back.
fn roundtrip_as(provider: &str, schema: &str, value: &Value) -> Result<JsonValue, Violations> {
    match (provider, schema) {
        ("layer2", "CreatePaymentRequest") => roundtrip::<layer2::CreatePaymentRequest>(value),
        ("layer2", "CreatePaymentResponse") => roundtrip::<layer2::CreatePaymentResponse>(value),
        ("layer2", "ErrorResponse") => roundtrip::<layer2::ErrorResponse>(value),
        ("formance-v1", "CreatePaymentRequest") => {
            roundtrip::<formance_v1::CreatePaymentRequest>(value)
        }
        ("formance-v1", "CreatePaymentResponse") => {
            roundtrip::<formance_v1::CreatePaymentResponse>(value)
        }
        ("formance-v1", "ErrorResponse") => roundtrip::<formance_v1::ErrorResponse>(value),
        ("formance-v3", "CreatePaymentRequest") => {
            roundtrip::<formance_v3::CreatePaymentRequest>(value)
        }
        ("formance-v3", "CreatePaymentResponse") => {
            roundtrip::<formance_v3::CreatePaymentResponse>(value)
        }
        ("formance-v3", "ErrorResponse") => roundtrip::<formance_v3::ErrorResponse>(value),
        ("flexprice", "CreatePaymentRequest") => {
            roundtrip::<flexprice::CreatePaymentRequest>(value)
        }
        ("flexprice", "CreatePaymentResponse") => {
            roundtrip::<flexprice::CreatePaymentResponse>(value)
        }
        ("flexprice", "ErrorResponse") => roundtrip::<flexprice::ErrorResponse>(value),
        ("papaya", "CreatePaymentRequest") => roundtrip::<papaya::CreatePaymentRequest>(value),
        ("papaya", "CreatePaymentResponse") => roundtrip::<papaya::CreatePaymentResponse>(value),
        other => panic!("no model registered for {other:?}"),
    }
}

fn listed(violations: &Violations) -> Vec<(String, &'static str)> {
    violations
        .iter()
        .map(|v| (v.path().to_owned(), v.code().as_str()))
        .collect()
}

/// `(provider, example pointer, expected (path, code) violations)`.
type KnownInvalid = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// The Formance v3 document's own request example breaks its documented asset pattern
/// (`"<string>"` vs `^[a-zA-Z]{3}\/[0-9]$`): it must be rejected, with exactly these violations.
const KNOWN_INVALID: &[KnownInvalid] = &[(
    "formance-v3",
    "/paths/~1api~1payments~1v3~1payments/post/requestBody/content/application~1json/examples/document",
    &[("/asset", "pattern"), ("/adjustments/0/asset", "pattern")],
)];

#[test]
fn every_example_of_the_five_documents_round_trips() {
    let mut checked = 0;
    for provider in PROVIDERS {
        let doc = spec(provider);
        let found = examples(&doc);
        assert!(
            found.len() >= 2,
            "{provider}: expected request and response examples, found {}",
            found.len()
        );
        for example in found {
            let context = format!("{provider} {}", example.pointer);
            let known = KNOWN_INVALID
                .iter()
                .find(|(p, at, _)| *p == provider && *at == example.pointer);
            match (
                roundtrip_as(provider, &example.schema, &example.value),
                known,
            ) {
                (Ok(back), None) => assert_same_json(&Json::from(&example.value), &back, &context),
                (Err(violations), Some((_, _, expected))) => {
                    let expected: Vec<(String, &str)> = expected
                        .iter()
                        .map(|(p, c)| ((*p).to_owned(), *c))
                        .collect();
                    assert_eq!(listed(&violations), expected, "{context}");
                }
                (Err(violations), None) => panic!("{context}: rejected:\n{violations}"),
                (Ok(_), Some(_)) => panic!("{context}: known-invalid example was accepted"),
            }
            checked += 1;
        }
    }
    assert!(checked >= 11, "only {checked} examples found");
}

/// Official operation schema → our provider model. The official specs give property-level
/// examples; `synth` assembles them into whole payloads.
const OFFICIAL: &[(&str, &str, &str, &str)] = &[
    (
        "formance-stack-v3.0.json",
        "PaymentRequest",
        "formance-v1",
        "CreatePaymentRequest",
    ),
    (
        "formance-stack-v3.0.json",
        "PaymentResponse",
        "formance-v1",
        "CreatePaymentResponse",
    ),
    (
        "formance-stack-v3.0.json",
        "PaymentsErrorResponse",
        "formance-v1",
        "ErrorResponse",
    ),
    (
        "formance-stack-v3.0.json",
        "V3CreatePaymentRequest",
        "formance-v3",
        "CreatePaymentRequest",
    ),
    (
        "formance-stack-v3.0.json",
        "V3CreatePaymentResponse",
        "formance-v3",
        "CreatePaymentResponse",
    ),
    (
        "formance-stack-v3.0.json",
        "V3ErrorResponse",
        "formance-v3",
        "ErrorResponse",
    ),
    (
        "flexprice-swagger-3-0-2025-08-04.json",
        "dto.CreatePaymentRequest",
        "flexprice",
        "CreatePaymentRequest",
    ),
    (
        "flexprice-swagger-3-0-2025-08-04.json",
        "dto.PaymentResponse",
        "flexprice",
        "CreatePaymentResponse",
    ),
    (
        "flexprice-swagger-3-0-2025-08-04.json",
        "errors.ErrorResponse",
        "flexprice",
        "ErrorResponse",
    ),
];

#[test]
fn official_spec_examples_of_these_operations_round_trip() {
    for (file, official, provider, ours) in OFFICIAL {
        let Some(doc) = real_spec(file) else { continue };
        let schema = json!({ "$ref": format!("#/components/schemas/{official}") });
        let instance = synth::instance(&doc, &schema);
        assert!(instance.is_object(), "{file} {official}: no instance built");
        let context = format!("{file} {official} as {provider}::{ours}");
        match roundtrip_as(provider, ours, &instance) {
            Ok(back) => assert_same_json(&Json::from(&instance), &back, &context),
            Err(violations) => panic!("{context}: rejected {instance}:\n{violations}"),
        }
    }
}

#[test]
fn decimal_numbers_round_trip_digit_for_digit() {
    for amount in [
        "0.1",
        "1234567890.123456789",
        "100",
        "100.10",
        "0.000000000000000000000000001",
    ] {
        let text = format!(
            r#"{{"amount":{amount},"currency":"USD","destination_id":"inv_1","destination_type":"INVOICE","payment_method_type":"CARD"}}"#
        );
        let request: flexprice::CreatePaymentRequest = parse(text.as_bytes()).expect("valid");
        assert_eq!(request.amount.to_string(), amount);
        assert_eq!(serde_json::to_string(&request).expect("serializes"), text);
    }
}

#[test]
fn papaya_amounts_are_json_numbers_with_three_decimals_at_most() {
    let request = papaya_request("1234567890.123");
    let back = exact_json(&request);
    let amount = back.get("amount").and_then(|a| a.get("amount"));
    assert_eq!(
        amount.map(ToString::to_string).as_deref(),
        Some("1234567890.123")
    );
    let error = parse::<papaya::CreatePaymentRequest>(papaya_json("10.0001").as_bytes())
        .expect_err("4 places");
    assert_eq!(
        listed(&error),
        [("/amount/amount".to_owned(), "multipleOf")]
    );
}

fn papaya_json(amount: &str) -> String {
    format!(
        r#"{{"source":{{"type":"group","id":"g1"}},"target":{{"type":"contact","id":"c1"}},
            "amount":{{"type":"SEND","amount":{amount},"currency":"USD"}},
            "execution":{{"type":"SEND","date":"2024-01-31T09:00:00Z"}}}}"#
    )
}

fn papaya_request(amount: &str) -> papaya::CreatePaymentRequest {
    parse(papaya_json(amount).as_bytes()).expect("valid papaya request")
}

#[test]
fn layer2_amount_is_a_decimal_in_a_json_string() {
    let text = r#"{"payment_source":{},"payment_destination":{"x":1},"payment_info":{"description":"d","amount":"1234567890.123456789"}}"#;
    let request: layer2::CreatePaymentRequest = parse(text.as_bytes()).expect("valid");
    assert_eq!(
        request.payment_info.amount.to_string(),
        "1234567890.123456789"
    );
    assert_eq!(serde_json::to_string(&request).expect("serializes"), text);
    let number = text.replace("\"1234567890.123456789\"", "12.5");
    let error = parse::<layer2::CreatePaymentRequest>(number.as_bytes())
        .expect_err("a number is not the wire form");
    assert_eq!(
        listed(&error),
        [("/payment_info/amount".to_owned(), "type")]
    );
}

#[test]
fn bigint_amounts_are_exact_integers_of_any_size() {
    let big = "123456789012345678901234567890123456789";
    let text = format!(
        r#"{{"reference":"r","connectorID":"c","createdAt":"2023-11-07T05:31:56Z","amount":{big},"type":"PAY-IN","status":"PENDING","scheme":"visa","asset":"USD"}}"#
    );
    let request: formance_v1::CreatePaymentRequest = parse(text.as_bytes()).expect("valid");
    assert_eq!(request.amount.to_string(), big);
    assert_eq!(serde_json::to_string(&request).expect("serializes"), text);
    let negative = text.replace(big, "-1");
    let error =
        parse::<formance_v1::CreatePaymentRequest>(negative.as_bytes()).expect_err("minimum 0");
    assert_eq!(listed(&error), [("/amount".to_owned(), "minimum")]);
}

#[test]
fn response_enums_keep_undocumented_values_and_request_enums_refuse_them() {
    let response = json!({"data": {"id": "p1", "status": "SETTLED_ON_MARS"}});
    let back =
        roundtrip_as("layer2", "CreatePaymentResponse", &response).expect("lenient response");
    assert_same_json(&Json::from(&response), &back, "lenient response");
    let parsed: layer2::CreatePaymentResponse =
        parse(response.to_string().as_bytes()).expect("lenient");
    assert_eq!(
        parsed.data.status,
        Some(layer2::PaymentStatus::Unknown("SETTLED_ON_MARS".to_owned()))
    );

    let request = json!({"reference": "r", "connectorID": "c", "createdAt": "2023-11-07T05:31:56Z", "amount": 1,
        "type": "PAY-SIDEWAYS", "status": "PENDING", "scheme": "visa", "asset": "USD"});
    let error =
        roundtrip_as("formance-v1", "CreatePaymentRequest", &request).expect_err("strict request");
    assert_eq!(listed(&error), [("/type".to_owned(), "enum")]);
}

#[test]
fn enums_carry_exact_wire_values() {
    use formance_v1::PaymentScheme;
    assert_eq!(PaymentScheme::SepaDebit.as_str(), "sepa debit");
    assert_eq!(PaymentScheme::ApplePay.to_string(), "apple pay");
    assert_eq!(
        "sepa debit".parse::<PaymentScheme>().ok(),
        Some(PaymentScheme::SepaDebit)
    );
    assert!("SEPA DEBIT".parse::<PaymentScheme>().is_err());
    assert_eq!(formance_v1::PaymentType::PayIn.as_str(), "PAY-IN");
}

#[test]
fn optional_members_are_left_out_when_absent() {
    let request = papaya_request("10.5");
    let back = exact_json(&request);
    let keys: Vec<&str> = back.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["source", "target", "amount", "execution"]);
    assert_eq!(request.purpose_or_default().as_str(), "SALA");
}

#[test]
fn date_times_and_bytes_are_checked_and_kept_as_sent() {
    let mut request = json!({"reference": "r", "connectorID": "aSDinaTvuI8gbWludGxpZnk=", "createdAt": "2023-11-07T05:31:56Z",
        "type": "PAY-IN", "initialAmount": 1, "amount": 1, "asset": "USD/2", "scheme": "visa"});
    let back = roundtrip_as("formance-v3", "CreatePaymentRequest", &request).expect("valid");
    assert_same_json(&Json::from(&request), &back, "date-times and bytes");
    request["connectorID"] = json!("not base64!");
    request["createdAt"] = json!("yesterday");
    let error = roundtrip_as("formance-v3", "CreatePaymentRequest", &request).expect_err("invalid");
    assert_eq!(
        listed(&error),
        [
            ("/connectorID".to_owned(), "format"),
            ("/createdAt".to_owned(), "format")
        ]
    );
}

#[test]
fn each_module_exposes_the_documented_names() {
    fn named<T>() -> &'static str {
        std::any::type_name::<T>()
    }
    let names = [
        named::<layer2::CreatePaymentRequest>(),
        named::<layer2::CreatePaymentResponse>(),
        named::<layer2::ErrorResponse>(),
        named::<formance_v1::CreatePaymentRequest>(),
        named::<formance_v1::CreatePaymentResponse>(),
        named::<formance_v3::CreatePaymentRequest>(),
        named::<formance_v3::CreatePaymentResponse>(),
        named::<flexprice::CreatePaymentRequest>(),
        named::<flexprice::CreatePaymentResponse>(),
        named::<papaya::CreatePaymentRequest>(),
        named::<papaya::CreatePaymentResponse>(),
    ];
    assert!(
        names.iter().all(|n| n.starts_with("payments_models::")),
        "{names:?}"
    );
    assert_eq!(Code::Required.as_str(), "required");
}

#[test]
fn request_types_are_built_from_their_required_members_and_chained_setters() {
    use papaya::{
        CreatePaymentRequest, ExecutionInfo, PaymentAmount, PaymentSource, PaymentTarget,
    };
    let built = CreatePaymentRequest::new(
        PaymentSource::new("grp_1".to_owned()),
        PaymentTarget::new("ct_1".to_owned()),
        PaymentAmount::new(papaya::amount!(1500.125)).with_currency(papaya::currency!("EUR")),
        ExecutionInfo::new("2026-12-01T10:00:00Z".parse().expect("a date-time")),
    )
    .with_description("invoice 42".to_owned())
    .with_approved(true);
    let json = r#"{"source": {"id": "grp_1"}, "target": {"id": "ct_1"},
        "amount": {"amount": 1500.125, "currency": "EUR"},
        "execution": {"date": "2026-12-01T10:00:00Z"},
        "description": "invoice 42", "approved": true}"#;
    let parsed: CreatePaymentRequest = parse(json.as_bytes()).expect("valid");
    assert_eq!(built, parsed);
    assert!(built.validate().is_ok());
    // Every optional member `new` leaves out is absent, as a struct literal with `None`s.
    let bare = CreatePaymentRequest::new(
        parsed.source.clone(),
        parsed.target.clone(),
        parsed.amount.clone(),
        parsed.execution.clone(),
    );
    assert_eq!(
        (bare.description, bare.approved, bare.id, bare.user_tags),
        (None, None, None, None)
    );
    // The same for the other providers' request bodies.
    let flexprice = flexprice::CreatePaymentRequest::new(
        "10.25".parse().expect("a decimal"),
        "USD".to_owned(),
        "inv_1".to_owned(),
        flexprice::PaymentDestinationType::Invoice,
        flexprice::PaymentMethodType::Card,
    )
    .with_process_payment(false);
    let json = r#"{"amount": 10.25, "currency": "USD", "destination_id": "inv_1",
        "destination_type": "INVOICE", "payment_method_type": "CARD", "process_payment": false}"#;
    assert_eq!(flexprice, parse(json.as_bytes()).expect("valid"));
}

/// A member a response's schema allows but does not list (no `additionalProperties: false`)
/// is kept, exactly, and written back: a service that stores or forwards what a provider sent
/// loses nothing. A request carries only documented members.
#[test]
fn members_a_response_does_not_list_are_kept_and_written_back() {
    let corpus = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/formance-v1/valid-response-example.json"),
    )
    .expect("the corpus file");
    let mut response: Value =
        serde_json::from_str::<Value>(&corpus).expect("JSON")["payload"].clone();
    response["requestId"] = json!("req-1");
    // A `Value` would round the fee: it is written into the text instead.
    response["data"]["settlement"] = json!({"batch": 7, "fee": "FEE"});
    response["data"]["adjustments"][0]["operator"] = json!(["ops", null]);
    let text = response
        .to_string()
        .replace(r#""FEE""#, "0.10000000000000000001");

    let parsed: formance_v1::CreatePaymentResponse =
        parse(text.as_bytes()).expect("a valid response");
    assert_eq!(
        parsed
            .unlisted
            .iter()
            .map(|(name, _)| name)
            .collect::<Vec<_>>(),
        ["requestId"]
    );
    let fee = parsed
        .data
        .unlisted
        .get("settlement")
        .map(ToString::to_string);
    assert_eq!(
        fee.as_deref(),
        Some(r#"{"batch":7,"fee":0.10000000000000000001}"#)
    );
    assert!(parsed.data.adjustments[0]
        .unlisted
        .get("operator")
        .is_some());
    let back = exact_json(&parsed);
    assert_same_json(
        &Json::from_slice(text.as_bytes()).expect("JSON"),
        &back,
        "kept",
    );

    // Unlisted members do not hide a violation beside them.
    let mut broken = response.clone();
    broken["data"]["amount"] = json!(-1);
    let error = parse::<formance_v1::CreatePaymentResponse>(broken.to_string().as_bytes())
        .expect_err("a negative amount");
    assert_eq!(listed(&error), [("/data/amount".to_owned(), "minimum")]);

    // A request type is strict: an undocumented member is read past, not kept, not sent.
    let mut request: Value = json!({"amount": 10, "currency": "USD", "destination_id": "inv_1",
        "destination_type": "INVOICE", "payment_method_type": "CARD"});
    let documented = exact_json(
        &parse::<flexprice::CreatePaymentRequest>(request.to_string().as_bytes()).expect("valid"),
    );
    request["surprise"] = json!(1);
    let read: flexprice::CreatePaymentRequest =
        parse(request.to_string().as_bytes()).expect("valid");
    assert_same_json(&documented, &exact_json(&read), "not kept");
}
