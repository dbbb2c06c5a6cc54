//! What real documents use, each with a test: the construct fixtures are compiled here (the
//! rendered snapshot of `constructs.yaml`, as `cargo xtask codegen` writes it, and
//! `include_spec!` of the 3.1 fixture) and exercised on payloads.

use payments_runtime::{parse, Code, Nullable, Validate, Violations};
use serde_json::{json, Value};

/// Rendered, so that its deprecated items are compiled as users compile a generated module:
/// `-D warnings` (clippy in CI) fails this build if the module's own code warns.
#[path = "../../codegen/tests/snapshots/generated/constructs.rs"]
pub mod constructs;

mod openapi_31 {
    payments_codegen_macros::include_spec!("../codegen/tests/fixtures/openapi-31.json");
}

/// The rendered snapshot itself (not `include_spec!`'s tokens): a `///` line rustc rejects,
/// such as one holding a bare carriage return, fails this build.
#[path = "../../codegen/tests/snapshots/generated/hostile_strings.rs"]
pub mod hostile;

#[doc(hidden)]
pub mod __private {
    pub use payments_codegen_macros::check_literal;
    pub use payments_runtime as runtime;
}

use constructs::{
    Card, CardResponse, Customer, CustomerResponse, Destination, DtoCreatePaymentRequest, Event,
    Interval, Limits, LimitsResponse, Method, MethodResponse, Payment, Problem, Status,
};

fn listed(violations: &Violations) -> Vec<(String, &'static str)> {
    violations
        .iter()
        .map(|v| (v.path().to_owned(), v.code().as_str()))
        .collect()
}

fn request() -> Value {
    json!({"amount": {"value": 10.5, "currency": "EUR"}, "interval": "15MIN",
           "method": {"kind": "card", "last4": "4242"}, "reference": null})
}

fn round_trip<T>(value: &Value) -> T
where
    T: serde::de::DeserializeOwned
        + serde::Serialize
        + payments_runtime::Validate
        + payments_runtime::CheckJson,
{
    round_trip_text(&value.to_string())
}

/// Parses JSON text and checks it serializes back to the same JSON, numbers digit for digit.
fn round_trip_text<T>(text: &str) -> T
where
    T: serde::de::DeserializeOwned
        + serde::Serialize
        + payments_runtime::Validate
        + payments_runtime::CheckJson,
{
    let typed: T = parse(text.as_bytes()).unwrap_or_else(|v| panic!("{text} rejected:\n{v}"));
    let read = payments_runtime::Json::from_slice(text.as_bytes()).expect("test JSON");
    payments_tests::assert_same_json(&read, &payments_tests::exact_json(&typed), text);
    typed
}

#[test]
fn names_that_are_not_identifiers_map_to_collision_free_names_with_wire_values_kept() {
    assert_eq!(Interval::V15min.as_str(), "15MIN");
    assert_eq!(Interval::SepaDebit.as_str(), "sepa debit");
    assert_eq!(Interval::Empty.as_str(), "");
    assert_eq!(
        (Interval::Ach.as_str(), Interval::Ach2.as_str()),
        ("ach", "ACH")
    );
    assert_eq!(
        Interval::VALUES,
        ["15MIN", "1H", "sepa debit", "", "ach", "ACH"],
        "a value listed twice appears once"
    );
    let typed: DtoCreatePaymentRequest = round_trip(&request());
    assert_eq!(typed.interval, Interval::V15min);
}

#[test]
fn nullable_is_distinguished_from_optional() {
    let absent: DtoCreatePaymentRequest = round_trip(&request());
    assert_eq!(absent.note, None);
    assert_eq!(absent.reference, Nullable::Null);
    let mut with_null = request();
    with_null["note"] = Value::Null;
    let null: DtoCreatePaymentRequest = round_trip(&with_null);
    assert_eq!(null.note, Some(Nullable::Null));
    with_null["note"] = json!("hello");
    let value: DtoCreatePaymentRequest = round_trip(&with_null);
    assert_eq!(value.note, Some(Nullable::Value("hello".to_owned())));
    let mut missing_required = request();
    missing_required
        .as_object_mut()
        .expect("object")
        .remove("reference");
    let error = parse::<DtoCreatePaymentRequest>(missing_required.to_string().as_bytes())
        .expect_err("required");
    assert_eq!(listed(&error), [("/reference".to_owned(), "required")]);
}

#[test]
fn additional_properties_true_false_and_schema() {
    let mut payload = request();
    payload["tags"] = json!({"team": "payments"});
    payload["extra"] = json!({"anything": [1, {"deep": true}]});
    let typed: DtoCreatePaymentRequest = round_trip(&payload);
    assert_eq!(
        typed
            .tags
            .as_ref()
            .and_then(|t| t.get("team"))
            .map(String::as_str),
        Some("payments")
    );
    payload["tags"] = json!({"team": 7});
    payload["amount"]["surprise"] = json!(1);
    let error =
        parse::<DtoCreatePaymentRequest>(payload.to_string().as_bytes()).expect_err("invalid");
    assert_eq!(
        listed(&error),
        [
            ("/amount/surprise".to_owned(), "additionalProperties"),
            ("/tags/team".to_owned(), "type")
        ]
    );
}

/// OpenAPI 3.0.3: a `readOnly` property is not sent in a request and is required in responses
/// only; `writeOnly` the other way round. Marked on the member or on the component it names.
#[test]
fn read_only_members_are_response_only_and_write_only_members_request_only() {
    let request: Customer = round_trip(&json!({"name": "Ada", "password": "correct horse",
                                              "card": {"number": "4242424242424242"}}));
    assert_eq!(request.password, "correct horse");
    // `id` is required in the schema, but not of a request: it is not even a member.
    let sent = serde_json::to_value(&request).expect("serializes");
    assert!(
        sent.get("id").is_none() && sent.get("created").is_none(),
        "{sent}"
    );
    let error = parse::<Customer>(br#"{"name": "Ada"}"#).expect_err("writeOnly required");
    assert_eq!(listed(&error), [("/password".to_owned(), "required")]);
    // A request's closed object refuses the readOnly member instead of carrying it.
    let error = parse::<Card>(br#"{"number": "4242", "last4": "4242"}"#).expect_err("readOnly");
    assert_eq!(
        listed(&error),
        [("/last4".to_owned(), "additionalProperties")]
    );

    let response: CustomerResponse = round_trip(&json!({"id": "cus_1", "name": "Ada",
        "created": "2026-12-02T10:00:00Z", "card": {"last4": "4242"}}));
    assert_eq!(response.id, "cus_1");
    assert!(response.created.is_some());
    let error = parse::<CustomerResponse>(br#"{"name": "Ada"}"#).expect_err("readOnly required");
    assert_eq!(listed(&error), [("/id".to_owned(), "required")]);
    // The writeOnly password is not required of a response, and one sent anyway is not kept.
    let echoed = parse::<CustomerResponse>(br#"{"id": "c", "name": "A", "password": "p"}"#)
        .expect("lenient response");
    let read_back = serde_json::to_value(&echoed).expect("serializes");
    assert!(read_back.get("password").is_none(), "{read_back}");
    // A closed response object still reads a writeOnly member a provider sends.
    let card: CardResponse = round_trip(&json!({"last4": "4242", "number": "4242"}));
    assert_eq!(card.number.as_deref(), Some("4242"));
    let error = parse::<CardResponse>(br#"{"number": "4242"}"#).expect_err("last4 required");
    assert_eq!(listed(&error), [("/last4".to_owned(), "required")]);
    // Members `additionalProperties` types: a response's writeOnly `pin` is none of them, read
    // past (not kept, not checked as an integer); the others are typed and written back.
    let limits = parse::<LimitsResponse>(br#"{"currency": "EUR", "pin": "1234", "daily": 100}"#)
        .expect("the echoed pin is read past");
    assert_eq!(limits.additional.get("daily"), Some(&100));
    assert!(limits.additional.get("pin").is_none());
    let back = serde_json::to_string(&limits).expect("serializes");
    assert_eq!(back, r#"{"currency":"EUR","daily":100}"#);
    let error = parse::<LimitsResponse>(br#"{"pin": "1234", "daily": "x"}"#).expect_err("typed");
    assert_eq!(listed(&error), [("/daily".to_owned(), "type")]);
    // The request sends the pin as a member and types the others.
    let request = parse::<Limits>(br#"{"pin": "1234", "daily": 100}"#).expect("valid");
    assert_eq!(request.pin.as_deref(), Some("1234"));
    assert_eq!(request.additional.get("daily"), Some(&100));
}

/// A `oneOf` that two alternatives accept: a request may not send it, a response is read (as a
/// typed union in a response reads the first alternative).
#[test]
fn an_overlapping_checked_one_of_is_strict_in_requests_and_lenient_in_responses() {
    let error = parse::<Customer>(br#"{"name": "A", "password": "long enough", "score": 25}"#)
        .expect_err("two alternatives match");
    assert_eq!(listed(&error), [("/score".to_owned(), "oneOf")]);
    round_trip::<Customer>(&json!({"name": "A", "password": "long enough", "score": 35}));
    let read: CustomerResponse = round_trip(&json!({"id": "c", "name": "A", "score": 25}));
    assert!(read.score.is_some());
}

#[test]
fn integer_formats_int32_int64_and_bigint() {
    let mut payload = request();
    // Numbers a `serde_json::Value` cannot hold are spliced into the text.
    payload["counts"] =
        json!({"small": 2147483647, "large": 9223372036854775807_i64, "huge": "HUGE"});
    let text = payload
        .to_string()
        .replace(r#""HUGE""#, "123456789012345678901234567890");
    round_trip_text::<DtoCreatePaymentRequest>(&text);
    payload["counts"]["huge"] = json!(1);
    payload["counts"]["small"] = json!(2147483648_i64);
    let error =
        parse::<DtoCreatePaymentRequest>(payload.to_string().as_bytes()).expect_err("out of i32");
    assert_eq!(listed(&error), [("/counts/small".to_owned(), "type")]);
}

#[test]
fn decimals_are_exact_json_numbers_in_every_position() {
    let mut payload = request();
    // Numbers spliced into the text as written (a `serde_json::Value` would hold `f64`s).
    payload["rate"] = json!("RATE");
    payload["amounts"] = json!(["A0", "A1"]);
    payload["balances"] = json!({"EUR": "BALANCE", "USD": null});
    let text = [
        ("RATE", "1234567890.123456789"),
        ("A0", "0.1"),
        ("A1", "100.10"),
        ("BALANCE", "0.30"),
    ]
    .iter()
    .fold(payload.to_string(), |text, (mark, number)| {
        text.replace(&format!("\"{mark}\""), number)
    });
    let typed: DtoCreatePaymentRequest = round_trip_text(&text);
    assert_eq!(
        typed.rate.as_ref().map(|r| r.get().to_string()).as_deref(),
        Some("1234567890.123456789")
    );
    payload["rate"] = json!(1.5);
    payload["balances"] = json!({"USD": null});
    payload["amounts"] = json!(["0.1"]);
    let error = parse::<DtoCreatePaymentRequest>(payload.to_string().as_bytes())
        .expect_err("a string is not a number");
    assert_eq!(listed(&error), [("/amounts/0".to_owned(), "type")]);
}

#[test]
fn one_of_with_a_discriminator_is_a_tagged_enum() {
    let typed: DtoCreatePaymentRequest = round_trip(&request());
    assert!(matches!(typed.method, Method::CardMethod(ref card) if card.last4 == "4242"));
    let mut bank = request();
    bank["method"] = json!({"kind": "bank", "iban": "DE00"});
    assert!(matches!(
        round_trip::<DtoCreatePaymentRequest>(&bank).method,
        Method::BankMethod(_)
    ));
    bank["method"] = json!({"kind": "cash"});
    let error =
        parse::<DtoCreatePaymentRequest>(bank.to_string().as_bytes()).expect_err("unknown tag");
    assert_eq!(listed(&error), [("/method/kind".to_owned(), "enum")]);
    bank["method"] = json!({"kind": "card", "last4": "42"});
    let error =
        parse::<DtoCreatePaymentRequest>(bank.to_string().as_bytes()).expect_err("bad card");
    assert_eq!(listed(&error), [("/method/last4".to_owned(), "pattern")]);
}

#[test]
fn a_responses_tagged_union_keeps_an_undocumented_variant_and_a_requests_refuses_it() {
    // A provider adds a payment method: the response still reads, and writes back unchanged.
    let text =
        r#"{"id":"p1","status":"PENDING","method":{"kind":"crypto","wallet":"0xabc","fee":0.10}}"#;
    let payment: Payment = round_trip_text(text);
    let Some(MethodResponse::Unknown(raw)) = &payment.method else {
        panic!("{:?}", payment.method);
    };
    assert_eq!(
        raw.get("wallet").and_then(payments_runtime::Json::as_str),
        Some("0xabc")
    );
    assert!(payment.validate().is_ok());
    assert_eq!(
        payment.priority_or_default(),
        constructs::PaymentPriority::Normal
    );
    // A documented discriminator value with a bad body is still a violation.
    let bad = r#"{"id":"p1","status":"PENDING","method":{"kind":"card","last4":"42"}}"#;
    let error = parse::<Payment>(bad.as_bytes()).expect_err("bad card");
    assert_eq!(listed(&error), [("/method/last4".to_owned(), "pattern")]);
    let missing = r#"{"id":"p1","status":"PENDING","method":{"last4":"4242"}}"#;
    let error = parse::<Payment>(missing.as_bytes()).expect_err("no discriminator");
    assert_eq!(listed(&error), [("/method/kind".to_owned(), "required")]);
    // The request's union is strict: only documented discriminator values.
    let mut request = request();
    request["method"] = json!({"kind": "crypto", "wallet": "0xabc"});
    let error =
        parse::<DtoCreatePaymentRequest>(request.to_string().as_bytes()).expect_err("strict");
    assert_eq!(listed(&error), [("/method/kind".to_owned(), "enum")]);
    assert!(matches!(
        serde_json::from_str::<Method>(r#"{"kind": "crypto"}"#),
        Err(e) if e.to_string().contains("unknown `kind` value `crypto`")
    ));
}

#[test]
fn any_of_told_apart_by_a_distinct_required_member() {
    let payment = json!({"id": "p1", "status": "PENDING", "destination": {"accountId": "a1", "label": "main"}});
    let typed: Payment = round_trip(&payment);
    assert!(matches!(
        typed.destination,
        Some(Destination::AccountDestination(_))
    ));
    let wallet = json!({"id": "p1", "status": "PENDING", "destination": {"walletId": "w1"}});
    assert!(matches!(
        round_trip::<Payment>(&wallet).destination,
        Some(Destination::WalletDestination(_))
    ));
}

#[test]
fn all_of_parts_are_merged_and_response_enums_are_open() {
    let payment = json!({"id": "p1", "createdAt": "2021-01-01T00:00:00.000Z", "status": "ON_HOLD",
                         "amount": {"value": 1, "currency": "USD"}});
    let typed: Payment = round_trip(&payment);
    assert_eq!(typed.id, "p1");
    assert_eq!(typed.status, Status::Unknown("ON_HOLD".to_owned()));
    let error = parse::<Payment>(br#"{"createdAt": "2021-01-01T00:00:00Z"}"#).expect_err("missing");
    assert_eq!(
        listed(&error),
        [
            ("/id".to_owned(), "required"),
            ("/status".to_owned(), "required")
        ]
    );
}

#[test]
fn untagged_one_of_reports_the_path_of_the_closest_variant() {
    assert!(matches!(
        round_trip::<Problem>(&json!("boom")),
        Problem::Message(_)
    ));
    assert!(matches!(
        round_trip::<Problem>(&json!({"code": 404, "detail": "gone"})),
        Problem::Detailed(_)
    ));
    let error = parse::<Problem>(br#"{"code": 700, "detail": "x"}"#).expect_err("out of range");
    assert_eq!(listed(&error), [("/code".to_owned(), "maximum")]);
    let error = parse::<Problem>(br#"{"code": 404}"#).expect_err("missing detail");
    assert_eq!(listed(&error), [("/detail".to_owned(), "required")]);
}

#[test]
fn recursive_schemas_are_boxed() {
    let event = json!({"name": "a", "cause": {"name": "b", "cause": {"name": "c"}}, "children": [{"name": "d"}]});
    let typed: Event = round_trip(&event);
    let cause: &Event = typed.cause.as_deref().expect("boxed cause");
    assert_eq!(cause.cause.as_ref().map(|c| c.name.as_str()), Some("c"));
    let error = parse::<Event>(br#"{"name": "a", "cause": {"cause": {}}}"#).expect_err("deep");
    assert_eq!(
        listed(&error),
        [
            ("/cause/name".to_owned(), "required"),
            ("/cause/cause/name".to_owned(), "required")
        ]
    );
}

#[test]
fn openapi_31_type_arrays_const_and_examples() {
    use openapi_31::{Refund, RefundKind};
    let refund = json!({"kind": "refund", "amount": 10.5, "reason": null, "memo": null,
                        "parent": {"kind": "refund", "amount": 1, "reason": "dup"}});
    let typed: Refund = round_trip(&refund);
    assert_eq!(typed.kind, RefundKind::Refund);
    assert_eq!(typed.reason, Nullable::Null);
    assert!(matches!(typed.parent, Some(Nullable::Value(_))));
    let bad = json!({"kind": "chargeback", "amount": 0, "reason": 5});
    let error = parse::<Refund>(bad.to_string().as_bytes()).expect_err("invalid");
    assert_eq!(
        listed(&error),
        [
            ("/kind".to_owned(), "const"),
            ("/amount".to_owned(), "exclusiveMinimum"),
            ("/reason".to_owned(), "type")
        ]
    );
}

#[test]
fn strings_with_carriage_returns_backticks_and_controls_keep_their_exact_wire_values() {
    use hostile::{PayMent, PayMentStatus};
    assert_eq!(PayMentStatus::FooBar.as_str(), "foo\rbar");
    assert_eq!(PayMentStatus::FooBar2.as_str(), "foo\nbar");
    assert_eq!(
        PayMentStatus::VALUES,
        ["foo\rbar", "foo\nbar", "`tick`", "``", "*/", "\"", "\\", "\u{2029}", "\0"]
    );
    let payment: PayMent = round_trip(&json!({"status\r": "foo\rbar", "note`": "`t`", "\r": "x"}));
    assert_eq!(payment.status, PayMentStatus::FooBar);
    assert_eq!(payment.note_or_default(), "`t`");
    let absent: PayMent = round_trip(&json!({"status\r": "\u{0}"}));
    assert_eq!(
        absent.note_or_default(),
        "`tick`\r",
        "the documented default, CR included"
    );
    let rejected = parse::<PayMent>(br#"{"status": "foo\rbar", "note`": "a\rb"}"#)
        .expect_err("the member is named `status\\r`, and the note's pattern excludes CR");
    assert_eq!(
        listed(&rejected),
        [
            ("/status\r".to_owned(), "required"),
            ("/note`".to_owned(), "pattern")
        ]
    );
}

mod keywords {
    payments_codegen_macros::include_spec!("../codegen/tests/fixtures/keywords.json");
}

/// `parse::<T>` of each payload: `Ok` for the valid ones, exactly the listed (path, keyword)
/// violations for the invalid one.
fn keyword_case<T>(valid: &[&str], invalid: &str, expected: &[(&str, &str)])
where
    T: serde::de::DeserializeOwned
        + serde::Serialize
        + payments_runtime::Validate
        + payments_runtime::CheckJson,
{
    for text in valid {
        let value: T = parse(text.as_bytes()).unwrap_or_else(|v| panic!("{text} rejected:\n{v}"));
        let read = payments_runtime::Json::from_slice(text.as_bytes()).expect("test JSON");
        payments_tests::assert_same_json(&read, &payments_tests::exact_json(&value), text);
    }
    let found = parse::<T>(invalid.as_bytes())
        .map(|_| ())
        .expect_err(invalid);
    let expected: Vec<(String, &str)> = expected
        .iter()
        .map(|(p, c)| ((*p).to_owned(), *c))
        .collect();
    assert_eq!(listed(&found), expected, "{invalid}");
}

/// One schema per keyword of the JSON Schema 2020-12 validation vocabulary (and the applicators
/// OpenAPI 3.0's Schema Object has): a payload that breaks only that keyword is rejected with
/// that keyword's code; values of the JSON types a keyword does not concern pass it.
#[test]
fn every_validation_keyword_has_an_effect() {
    use keywords::*;
    keyword_case::<Type>(&["1"], r#""1""#, &[("", "type")]);
    keyword_case::<TypeNull>(&["null"], "0", &[("", "type")]);
    keyword_case::<EnumMixed>(
        &["1", "1.0", r#""a""#, "null", r#"{"k": [1]}"#],
        "2",
        &[("", "enum")],
    );
    keyword_case::<EnumEmpty>(&[], "1", &[("", "enum")]);
    keyword_case::<EnumIntegers>(&["3"], "4", &[("", "enum")]);
    keyword_case::<Const>(&["2", "2.0"], "5", &[("", "const")]);
    keyword_case::<ConstNull>(&["null"], "0", &[("", "const")]);
    keyword_case::<MultipleOf>(&["1.5", r#""x""#], "0.7", &[("", "multipleOf")]);
    keyword_case::<Maximum>(&["10", "[]"], "10.5", &[("", "maximum")]);
    keyword_case::<ExclusiveMaximum>(&["9.99"], "10", &[("", "exclusiveMaximum")]);
    keyword_case::<Minimum>(&["1.1", "true"], "1", &[("", "minimum")]);
    keyword_case::<ExclusiveMinimum>(&["0.001"], "0", &[("", "exclusiveMinimum")]);
    keyword_case::<MaxLength>(&[r#""ab""#, "100"], r#""abc""#, &[("", "maxLength")]);
    keyword_case::<MinLength>(&[r#""ab""#, "1"], r#""a""#, &[("", "minLength")]);
    keyword_case::<Pattern>(&[r#""abc""#, "1"], r#""b""#, &[("", "pattern")]);
    keyword_case::<MaxItems>(&["[1]", "{}"], "[1, 2]", &[("", "maxItems")]);
    keyword_case::<MinItems>(&["[1]", "5"], "[]", &[("", "minItems")]);
    keyword_case::<UniqueItems>(
        &["[1, 2]", r#"[{"a": 1}, {"a": 2}]"#],
        "[1, 1.0]",
        &[("/1", "uniqueItems")],
    );
    keyword_case::<MaxProperties>(
        &[r#"{"a": 1}"#, "[1, 2]"],
        r#"{"a": 1, "b": 2}"#,
        &[("", "maxProperties")],
    );
    keyword_case::<MinProperties>(&[r#"{"a": 1}"#, "[]"], "{}", &[("", "minProperties")]);
    keyword_case::<Required>(
        &[r#"{"a": null}"#, r#""x""#],
        r#"{"b": 1}"#,
        &[("/a", "required")],
    );
    keyword_case::<Properties>(&[r#"{"a": "x"}"#], r#"{"a": 1}"#, &[("/a", "type")]);
    keyword_case::<AdditionalProperties>(
        &[r#"{"a": "any", "b": 1, "c": 2}"#],
        r#"{"a": 1, "b": "x"}"#,
        &[("/b", "type")],
    );
    keyword_case::<AdditionalFalse>(
        &[r#"{"a": 1}"#],
        r#"{"b": 1}"#,
        &[("/b", "additionalProperties")],
    );
    keyword_case::<AllOf>(&["25", "20", "30"], "35", &[("", "maximum")]);
    keyword_case::<AnyOf>(&[r#""ab""#, r#""abcd""#], r#""abc""#, &[("", "anyOf")]);
    keyword_case::<AnyOf>(&[], "3", &[("", "type")]);
    keyword_case::<OneOf>(&["10", "35"], "25", &[("", "oneOf")]);
    // Strict requests, lenient responses: a response both alternatives accept is read.
    keyword_case::<OneOfReply>(&["10", "25", "35"], r#""x""#, &[("", "type")]);
    keyword_case::<Not>(&["1", "null"], r#""x""#, &[("", "not")]);
    keyword_case::<False>(&[], "null", &[("", "false")]);
    keyword_case::<Holder>(
        &[r#"{"when": null}"#, r#"{"when": "2026-12-01T10:00:00Z"}"#],
        r#"{"when": "soon"}"#,
        &[("/when", "format")],
    );
    keyword_case::<Representative>(
        &[
            r#"{"birthDate": "1990-01-01", "governmentID": "X1", "responsibilities": ["sign"], "name": "Ada", "phone": "1", "email": "a@b", "address": "here"}"#,
        ],
        r#"{"birthDate": "1990-01-01"}"#,
        &[("/name", "required")],
    );
    // An `additionalProperties` schema beside `properties` types the other members.
    keyword_case::<AdditionalTyped>(
        &[
            r#"{"currency": "EUR"}"#,
            r#"{"currency": "EUR", "daily": "100", "weekly": "1"}"#,
        ],
        r#"{"currency": "EUR", "daily": "1000", "monthly": 5}"#,
        &[("/daily", "maxLength"), ("/monthly", "type")],
    );
    let limits: AdditionalTyped = parse(br#"{"currency": "EUR", "daily": "100"}"#).expect("valid");
    assert_eq!(
        limits.additional.get("daily").map(|v| v.get().as_str()),
        Some("100")
    );
    // A value built in Rust goes through the value type's own check.
    assert!(AdditionalTypedValue::new("12000".to_owned()).is_err());
    let mut built = limits.clone();
    let weekly = AdditionalTypedValue::new("700".to_owned()).expect("within maxLength");
    built.additional.insert("weekly", weekly);
    built.validate().expect("valid");
    let text = serde_json::to_string(&built).expect("serializes");
    assert_eq!(text, r#"{"currency":"EUR","daily":"100","weekly":"700"}"#);
    // Beside `allOf` parts, an `additionalProperties` schema still applies (checked), to every
    // member its sibling `properties` does not name — `b` of the part included, as JSON Schema
    // reads it: `b` would have to be a string and an integer.
    keyword_case::<AllOfAdditional>(
        &[r#"{"a": "x", "c": 3}"#, "{}"],
        r#"{"c": "x"}"#,
        &[("/c", "type")],
    );
    keyword_case::<AllOfAdditional>(&[], r#"{"b": "y"}"#, &[("/b", "type")]);
    // `required` naming a member an `allOf` part declares: one typed struct, the member required.
    keyword_case::<AllOfRequired>(
        &[r#"{"id": "x"}"#, r#"{"id": "x", "note": "n"}"#],
        r#"{"note": "n"}"#,
        &[("/id", "required")],
    );
    let merged: AllOfRequired = parse(br#"{"id": "x"}"#).expect("valid");
    assert_eq!(merged.id, "x", "a typed member, not JSON");
    // The 2020-12 applicators and the validation keywords that go with them.
    keyword_case::<PrefixItems>(
        &[r#"[1, "a"]"#, "[1]", "[]", "{}"],
        r#"[1, "a", 2]"#,
        &[("/2", "false")],
    );
    keyword_case::<PrefixItems>(&[], r#"["a"]"#, &[("/0", "type")]);
    keyword_case::<Contains>(&[r#"["a", 1]"#, "1"], r#"["a"]"#, &[("", "contains")]);
    keyword_case::<MinMaxContains>(
        &["[1, 2.0]", r#"[1, "a", 2, 3]"#],
        "[1]",
        &[("", "minContains")],
    );
    keyword_case::<MinMaxContains>(&[], "[1, 2, 3, 4]", &[("", "maxContains")]);
    keyword_case::<DependentRequired>(
        &[
            "{}",
            r#"{"billing_address": 1}"#,
            r#"{"credit_card": 1, "billing_address": 2}"#,
        ],
        r#"{"credit_card": 1}"#,
        &[("/billing_address", "dependentRequired")],
    );
    keyword_case::<DependentSchemas>(
        &[r#"{"name": "x"}"#, "[]"],
        r#"{"credit_card": 1}"#,
        &[("/billing_address", "required")],
    );
    keyword_case::<PropertyNames>(
        &[r#"{"abc": 1}"#, r#""abcdef""#],
        r#"{"abcd": 1}"#,
        &[("/abcd", "propertyNames")],
    );
    keyword_case::<PatternProperties>(
        &[r#"{"S_1": "x"}"#, "{}"],
        r#"{"S_1": 1, "x": 2}"#,
        &[("/S_1", "type"), ("/x", "additionalProperties")],
    );
    keyword_case::<IfThenElse>(
        &[
            r#"{"country": "US", "postal": "12345"}"#,
            r#"{"country": "CA"}"#,
        ],
        r#"{"country": "US", "postal": "1234"}"#,
        &[("/postal", "minLength")],
    );
    keyword_case::<IfThenElse>(
        &[],
        r#"{"country": "CA", "postal": "K1A"}"#,
        &[("", "maxProperties")],
    );
    // unevaluatedProperties sees through allOf and $ref into what a typed struct and a typed
    // union's chosen alternative evaluate; unevaluatedItems what prefixItems left.
    keyword_case::<UnevaluatedProperties>(
        &[
            r#"{"id": "x", "note": "n", "extra": "e"}"#,
            r#"{"id": "x"}"#,
        ],
        r#"{"id": "x", "other": 1, "extra": 2}"#,
        &[("/extra", "type"), ("/other", "unevaluatedProperties")],
    );
    keyword_case::<UnevaluatedItems>(
        &[r#"["a", 1, 2]"#, r#"["a"]"#, "{}"],
        r#"["a", 1, "b"]"#,
        &[("/2", "type")],
    );
    keyword_case::<ClosedPaymentMethod>(
        &[
            r#"{"kind": "card", "pan": "4242"}"#,
            r#"{"kind": "bank", "iban": "DE89"}"#,
        ],
        r#"{"kind": "card", "pan": "4242", "iban": "DE89"}"#,
        &[("/iban", "unevaluatedProperties")],
    );
    // Selected by the member only it requires (`pan`), the union takes the card and evaluates
    // what the card does.
    keyword_case::<ClosedCardOrBank>(
        &[
            r#"{"kind": "card", "pan": "4242"}"#,
            r#"{"kind": "bank", "iban": "DE89"}"#,
        ],
        r#"{"kind": "both", "pan": "4242", "iban": "DE89"}"#,
        &[("/iban", "unevaluatedProperties")],
    );
    // Untagged, every alternative the value satisfies evaluates.
    keyword_case::<ClosedBaseOrLarge>(
        &[r#"{"id": "x", "m00": "a"}"#, r#"{"note": "n"}"#],
        r#"{"id": "x", "m00": "a", "other": 1}"#,
        &[("/other", "unevaluatedProperties")],
    );
    // A one-alternative union: what its (checked) alternative evaluated counts only when the
    // alternative accepts the value, so a failing member is also unevaluated.
    keyword_case::<ClosedOneCheckedAlternative>(
        &[r#"{"a": "x"}"#],
        r#"{"a": 1}"#,
        &[("/a", "type"), ("/a", "unevaluatedProperties")],
    );
    // What the target of a `$ref` states evaluates, though its type keeps it as any JSON:
    // `additionalProperties: true` every member, `items: {}` every item; no `items`, none.
    keyword_case::<ClosedOpenBase>(
        &[r#"{"id": "a", "note": 1}"#],
        r#"{"id": 1, "note": 1}"#,
        &[("/id", "type")],
    );
    keyword_case::<ClosedListOfAny>(&[r#"[1, "a"]"#, "[]"], "{}", &[("", "type")]);
    keyword_case::<ClosedListWithoutItems>(&["[]"], "[1]", &[("/0", "unevaluatedItems")]);
    // A union of one alternative reads the value straight into it, at any depth.
    keyword_case::<HoldsSingleAlternative>(
        &[
            r#"{"inner": {"id": "x", "note": "n", "kept": 1.50}, "list": [{"id": "y"}]}"#,
            "{}",
        ],
        r#"{"inner": {"note": 1}, "list": [{"id": "y"}, {"id": 2}]}"#,
        &[("/inner/note", "type"), ("/list/1/id", "type")],
    );
    let held: HoldsSingleAlternative = parse(br#"{"inner": {"id": "x"}}"#).expect("valid");
    assert!(
        matches!(&held.inner, Some(SingleAlternative::RequiredBase(base)) if base.id.as_deref() == Some("x")),
        "{held:?}"
    );
    // A member whose type is large is boxed (so no type grows by holding it inline); a small
    // one is held inline. Both read and round-trip alike.
    keyword_case::<HoldsLarge>(
        &[
            r#"{"large": {"m00": "a", "m29": "z"}, "maybe": null, "small": {"id": "x"}}"#,
            r#"{"large": {}, "maybe": {"m01": "b"}}"#,
        ],
        r#"{"large": {"m00": 1}, "small": {"id": 2}}"#,
        &[("/large/m00", "type"), ("/small/id", "type")],
    );
    let held: HoldsLarge = parse(br#"{"large": {"m07": "g"}, "maybe": {}}"#).expect("valid");
    let large: Box<Large> = held.large.clone();
    let maybe: &Option<Nullable<Box<Large>>> = &held.maybe;
    let small: &Option<RequiredBase> = &held.small;
    assert_eq!(large.m07.as_deref(), Some("g"));
    assert!(matches!(maybe, Some(Nullable::Value(_))) && small.is_none());
    assert!(std::mem::size_of::<HoldsLarge>() < std::mem::size_of::<Large>());
    // Review findings: keywords the typed view would have dropped.
    keyword_case::<IntegerBoundDecimal>(&["100"], "101", &[("", "maximum")]);
    keyword_case::<IntegerBoundDecimal>(&[], "1.5", &[("", "type")]);
    keyword_case::<StringWithNumberKeyword>(&[r#""ab""#], r#""abcd""#, &[("", "maxLength")]);
    keyword_case::<StringWithNumberKeyword>(&[], "5", &[("", "type")]);
    keyword_case::<AllOfAndOneOf>(&[r#"{"a": 1}"#], r#"{"a": 1, "b": 2}"#, &[("", "oneOf")]);
    keyword_case::<AllOfPartKeywords>(
        &[r#"{"id": "x"}"#],
        r#"{"id": "x", "n": 1}"#,
        &[("", "maxProperties")],
    );
    keyword_case::<TighterMinimum>(&["10"], "5", &[("", "minimum")]);
    keyword_case::<ConstInEnum>(&["1", "1.0"], "2", &[("", "const")]);
    keyword_case::<RefWithMaximum>(&["1000"], "1001", &[("", "maximum")]);
    keyword_case::<RefWithMaximum>(&[], r#""x""#, &[("", "type")]);
    let holder: Holder = parse(br#"{"when": null}"#).expect("null is allowed");
    assert_eq!(
        holder.when,
        Some(Nullable::Null),
        "anyOf [date-time, null] is a nullable DateTime"
    );
    keyword_case::<Holder>(
        &[r#"{"anything": [1], "ref": 2, "list": [20, 25]}"#],
        r#"{"never": 1, "ref": 3, "list": [25, 25.0, 40]}"#,
        &[
            ("/never", "false"),
            ("/ref", "const"),
            ("/list/1", "uniqueItems"),
            ("/list/2", "maximum"),
        ],
    );
    // A member of any JSON value keeps a present `null` (it is a value, not absence), and one
    // whose schema rejects `null` reports it rather than reading it as absent.
    keyword_case::<Holder>(
        &[r#"{"anything": null}"#, r#"{"ref": 2}"#],
        r#"{"never": null, "ref": null}"#,
        &[("/never", "false"), ("/ref", "const")],
    );
}

#[test]
fn an_operation_with_only_a_default_reads_every_status_as_it() {
    use constructs::operations::health::Response;
    let problem = br#"{"code": 503, "detail": "down"}"#;
    for status in [200, 503] {
        let response = Response::parse(status, problem).expect("the default response");
        // The only variant: every status is the default response.
        let Response::Default { status: read, body } = &response;
        assert_eq!(*read, status);
        assert_eq!(*body, parse::<Problem>(problem).expect("a problem"));
        assert_eq!(response.is_success(), status == 200);
    }
    // Its body is still read as JSON of the schema.
    let error = Response::parse(502, b"<html>").expect_err("not JSON");
    assert_eq!(error.iter().next().map(|v| v.code()), Some(Code::Syntax));
}
