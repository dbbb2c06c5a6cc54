//! End to end over loopback: every bundled operation is sent with a real HTTP client (ureq,
//! through the `http` crate's types) to a small HTTP/1.1 server of this test on 127.0.0.1,
//! which checks what it received against the spec (method, path below the server URL,
//! content type, credentials, a body that `parse`s as the operation's body type) and answers
//! with each documented status, a proxy's `503` HTML page, and a success body carrying a
//! status value the spec does not list.
//!
//! Payloads come from the specs themselves (`payments_tests::synth::instance`: the spec's own
//! examples, the simplest valid value elsewhere).

use payments_models::{flexprice, formance_v1, formance_v3, layer2, papaya};

/// Servers with variables and a relative one, every kind of security scheme, alternatives,
/// parameter styles (codegen/tests/fixtures/transport.yaml), as generated.
#[path = "../../codegen/tests/snapshots/generated/transport.rs"]
pub mod transport;

#[doc(hidden)]
pub mod __private {
    pub use payments_codegen_macros::check_literal;
    pub use payments_runtime as runtime;
}
use payments_runtime::http::types::{Request as HttpRequest, Response as HttpResponse};
use payments_runtime::{Code, Violations};
use payments_tests::{exact_json, synth};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::thread::JoinHandle;
use std::time::Duration;

/// What the server received.
#[derive(Debug)]
struct Received {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(field, _)| field.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// One answer of the server.
#[derive(Debug, Clone)]
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
}

/// A server on 127.0.0.1 that answers one connection per reply, in order, and returns what it
/// received. Every socket has a timeout, so a client that misbehaves fails the test instead of
/// hanging it.
fn serve(replies: Vec<Reply>) -> (SocketAddr, JoinHandle<Vec<Received>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let addr = listener.local_addr().expect("its address");
    let handle = std::thread::spawn(move || {
        let mut received = Vec::new();
        for reply in replies {
            let (stream, _) = listener.accept().expect("a connection");
            stream
                .set_read_timeout(Some(Duration::from_secs(10)))
                .expect("a timeout");
            let mut reader = BufReader::new(stream.try_clone().expect("a second handle"));
            let mut line = String::new();
            reader.read_line(&mut line).expect("the request line");
            let mut parts = line.split_whitespace();
            let method = parts.next().unwrap_or_default().to_owned();
            let target = parts.next().unwrap_or_default().to_owned();
            let mut headers = Vec::new();
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).expect("a header line");
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                let (name, value) = line.split_once(':').expect("name: value");
                headers.push((name.trim().to_owned(), value.trim().to_owned()));
            }
            let length = headers
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
                .map_or(0, |(_, value)| value.parse::<usize>().expect("a length"));
            assert!(
                !headers
                    .iter()
                    .any(|(name, _)| name.eq_ignore_ascii_case("transfer-encoding")),
                "the body is sent with a length"
            );
            let mut body = vec![0; length];
            reader.read_exact(&mut body).expect("the body");
            let mut stream = stream;
            let head = format!(
                "HTTP/1.1 {} Test\r\ncontent-type: {}\r\ncontent-length: {}\r\nretry-after: 30\r\nconnection: close\r\n\r\n",
                reply.status,
                reply.content_type,
                reply.body.len()
            );
            stream.write_all(head.as_bytes()).expect("the head");
            stream.write_all(&reply.body).expect("the body");
            received.push(Received {
                method,
                target,
                headers,
                body,
            });
        }
        received
    });
    (addr, handle)
}

/// Sends `request` with ureq (statuses are responses, not errors) and gives the response
/// with its body as bytes.
fn send(request: HttpRequest<Vec<u8>>) -> HttpResponse<Vec<u8>> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let response = agent.run(request).expect("the exchange");
    let (parts, mut body) = response.into_parts();
    let bytes = body.read_to_vec().expect("the body");
    HttpResponse::from_parts(parts, bytes)
}

/// The operation of `doc` (the only one of each bundled spec) and its pointer.
fn operation(doc: &Value) -> &Value {
    let paths = doc["paths"].as_object().expect("paths");
    let item = paths.values().next().expect("one path");
    item.as_object()
        .and_then(|item| item.values().find(|op| op.get("responses").is_some()))
        .expect("one operation")
}

/// A valid request body of the operation, from the spec.
fn request_body(doc: &Value) -> Value {
    let op = operation(doc);
    let schema = &op["requestBody"]["content"]["application/json"]["schema"];
    synth::instance(doc, schema)
}

/// (status, body) of every documented response with a JSON body, from the spec.
fn documented(doc: &Value) -> Vec<(u16, Value)> {
    let op = operation(doc);
    let mut out = Vec::new();
    for (status, response) in op["responses"].as_object().expect("responses") {
        let Ok(status) = status.parse::<u16>() else {
            continue;
        };
        let response = payments_tests::resolve(doc, response);
        if let Some(schema) = response.pointer("/content/application~1json/schema") {
            out.push((status, synth::instance(doc, schema)));
        }
    }
    out
}

/// The JSON Pointer, within an instance of `schema`, of the first member whose schema is a
/// string `enum`: where a provider's new status value would show up.
fn enum_member(doc: &Value, schema: &Value, instance: &Value, at: &str) -> Option<String> {
    let schema = payments_tests::resolve(doc, schema);
    if schema.get("enum").is_some() && instance.is_string() {
        return Some(at.to_owned());
    }
    for part in schema["allOf"].as_array().into_iter().flatten() {
        if let Some(found) = enum_member(doc, part, instance, at) {
            return Some(found);
        }
    }
    let properties = schema.get("properties").and_then(Value::as_object)?;
    for (name, property) in properties {
        if let Some(value) = instance.get(name) {
            let here = format!("{at}/{}", name.replace('~', "~0").replace('/', "~1"));
            if let Some(found) = enum_member(doc, property, value, &here) {
                return Some(found);
            }
        }
    }
    None
}

/// The success body with its first enum member set to a value the spec does not list.
fn with_new_status(doc: &Value, status: u16, body: &Value) -> Option<Value> {
    let op = operation(doc);
    let response = payments_tests::resolve(doc, &op["responses"][status.to_string()]);
    let schema = response.pointer("/content/application~1json/schema")?;
    let pointer = enum_member(doc, schema, body, "")?;
    let mut changed = body.clone();
    *changed.pointer_mut(&pointer)? = Value::from("SETTLED_ON_MARS");
    Some(changed)
}

fn json_reply(status: u16, body: &Value) -> Reply {
    Reply {
        status,
        content_type: "application/json",
        body: serde_json::to_vec(body).expect("JSON"),
    }
}

/// What every bundled operation is checked for. `$send` turns the request into an
/// `http::Request` against the server's base URL; `$prefix` is the path the server URL adds;
/// `$credential` is the header the credentials travel in and its value.
macro_rules! end_to_end {
    ($test:ident, $stem:literal, $op:path, $send:expr, $prefix:literal, $credential:expr, $unavailable:expr) => {
        #[test]
        fn $test() {
            use $op as op;
            let doc = payments_tests::spec($stem);
            let body_json = request_body(&doc);
            let body: op::Body =
                payments_runtime::parse(serde_json::to_vec(&body_json).expect("JSON").as_slice())
                    .unwrap_or_else(|v| panic!("{}: the spec's request is valid: {v:?}", $stem));
            let request = op::Request::new(Default::default(), body.clone());

            let documented = documented(&doc);
            assert!(!documented.is_empty(), "{}: documented responses", $stem);
            let (success, success_body) = documented
                .iter()
                .find(|(status, _)| (200..300).contains(status))
                .cloned()
                .expect("a documented success");
            let mut replies: Vec<Reply> = documented
                .iter()
                .map(|(status, body)| json_reply(*status, body))
                .collect();
            replies.push(Reply {
                status: 503,
                content_type: "text/html",
                body: b"<html><body>503 Service Unavailable</body></html>".to_vec(),
            });
            let new_status = with_new_status(&doc, success, &success_body)
                .unwrap_or_else(|| panic!("{}: a success body with a status enum", $stem));
            replies.push(json_reply(success, &new_status));
            let (addr, server) = serve(replies.clone());
            let base = format!("http://{addr}");

            let mut responses = Vec::new();
            for _ in &replies {
                let send: fn(&op::Request, &str) -> _ = $send;
                let http = send(&request, &base).expect("a valid request builds");
                responses.push(op::Response::from_http(self::send(http)));
            }
            let received = server.join().expect("the server thread");

            // What the server received, against the spec.
            let (credential_header, credential_value): (Option<&str>, &str) = $credential;
            for got in &received {
                assert_eq!(got.method, op::METHOD, "{}", $stem);
                assert_eq!(got.target, format!("{}{}", $prefix, op::PATH), "{}", $stem);
                assert_eq!(
                    got.header("content-type"),
                    Some(op::CONTENT_TYPE),
                    "{}",
                    $stem
                );
                if let Some(name) = credential_header {
                    assert_eq!(got.header(name), Some(credential_value), "{}", $stem);
                } else {
                    assert_eq!(got.header("authorization"), None, "{}", $stem);
                }
                let sent: op::Body = payments_runtime::parse(&got.body)
                    .unwrap_or_else(|v| panic!("{}: the body received is valid: {v:?}", $stem));
                assert_eq!(sent, body, "{}", $stem);
                assert_eq!(exact_json(&sent), exact_json(&body), "{}", $stem);
            }

            // What the client read, against what the server answered.
            for (reply, response) in replies.iter().zip(&responses) {
                if reply.status == 503 {
                    continue;
                }
                let response = response
                    .as_ref()
                    .unwrap_or_else(|v| panic!("{} {}: {v:?}", $stem, reply.status));
                assert_eq!(response.status(), reply.status, "{}", $stem);
                assert_eq!(response.is_success(), (200..300).contains(&reply.status));
            }
            let check_unavailable: fn(&Result<op::Response, Violations>) = $unavailable;
            check_unavailable(&responses[documented.len()]);
            // Lenient responses: the new value is read and kept.
            let read = responses
                .last()
                .and_then(|r| r.as_ref().ok())
                .expect("read");
            assert!(
                format!("{read:?}").contains("SETTLED_ON_MARS"),
                "{}: {read:?}",
                $stem
            );

            // A body that breaks the spec is never built: the violations come back instead.
            let mut broken_json = body_json.clone();
            if let Some(object) = broken_json.as_object_mut() {
                let required = doc_required(&doc);
                object.remove(&required);
            }
            let broken: Result<op::Body, _> =
                payments_runtime::parse(serde_json::to_vec(&broken_json).expect("JSON").as_slice());
            assert!(
                broken.is_err(),
                "{}: a body without a required member",
                $stem
            );
        }
    };
}

/// A 503 HTML page read where `default` documents a JSON body: one `syntax` violation.
fn html_breaks_the_default<T: std::fmt::Debug>(unavailable: &Result<T, Violations>) {
    let codes: Vec<Code> = unavailable
        .as_ref()
        .err()
        .into_iter()
        .flatten()
        .map(|v| v.code())
        .collect();
    assert_eq!(codes, [Code::Syntax], "{unavailable:?}");
}

/// The first required member of the operation's request body schema.
fn doc_required(doc: &Value) -> String {
    let op = operation(doc);
    let schema = payments_tests::resolve(
        doc,
        &op["requestBody"]["content"]["application/json"]["schema"],
    );
    schema["required"][0]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

end_to_end!(
    flexprice_create_payment,
    "flexprice",
    flexprice::operations::create_payment,
    // The spec's server is relative (`/v1`): resolved against where the document is served.
    |request, base| {
        let server = flexprice::servers::Server1::new(format!("{base}/swagger/doc.json"));
        request.to_http(&server, &flexprice::security::ApiKeyAuth::new("sk_test_1"))
    },
    "/v1",
    (Some("x-api-key"), "sk_test_1"),
    |unavailable| match unavailable {
        Ok(op::Response::Undocumented {
            status: 503,
            headers,
            body,
        }) => {
            assert_eq!(headers.get("content-type"), Some("text/html"));
            assert_eq!(headers.get("Retry-After"), Some("30"));
            assert!(body.starts_with(b"<html>"));
        }
        other => panic!("{other:?}"),
    }
);

end_to_end!(
    formance_v1_create_payment,
    "formance-v1",
    formance_v1::operations::create_payment,
    |request, base| { request.to_http(base, &formance_v1::security::Authorization::new("tok-v1")) },
    "",
    (Some("authorization"), "Bearer tok-v1"),
    // `default` documents every other status as a JSON error: an HTML page breaks it.
    |unavailable| html_breaks_the_default(unavailable)
);

end_to_end!(
    formance_v3_create_payment,
    "formance-v3",
    formance_v3::operations::v3_create_payment,
    |request, base| { request.to_http(base, &formance_v3::security::Authorization::new("tok-v3")) },
    "",
    (Some("authorization"), "Bearer tok-v3"),
    // `default` documents every other status as a JSON error: an HTML page breaks it.
    |unavailable| html_breaks_the_default(unavailable)
);

end_to_end!(
    layer2_create_payment,
    "layer2",
    layer2::operations::create_payment,
    // Any base URL with a path of its own: the operation's path goes below it.
    |request, base| {
        request.to_http(
            &format!("{base}/gateway/"),
            &layer2::security::OAuth2Flow::new("l2-token"),
        )
    },
    "/gateway",
    (Some("authorization"), "Bearer l2-token"),
    |unavailable| match unavailable {
        Ok(op::Response::Undocumented {
            status: 503,
            headers,
            body,
        }) => {
            assert_eq!(headers.get("content-type"), Some("text/html"));
            assert_eq!(headers.get("Retry-After"), Some("30"));
            assert!(body.starts_with(b"<html>"));
        }
        other => panic!("{other:?}"),
    }
);

end_to_end!(
    papaya_create_payment_instruction,
    "papaya",
    papaya::operations::create_payment_instruction,
    // The spec states no security scheme: no credentials to give.
    |request, base| request.to_http(base),
    "",
    (None, ""),
    |unavailable| match unavailable {
        Ok(op::Response::Undocumented {
            status: 503,
            headers,
            body,
        }) => {
            assert_eq!(headers.get("content-type"), Some("text/html"));
            assert_eq!(headers.get("Retry-After"), Some("30"));
            assert!(body.starts_with(b"<html>"));
        }
        other => panic!("{other:?}"),
    }
);

#[test]
fn header_parameters_travel_as_documented_and_bad_ones_are_violations() {
    use layer2::operations::create_payment as op;
    let doc = payments_tests::spec("layer2");
    let body: op::Body = payments_runtime::parse(
        serde_json::to_vec(&request_body(&doc))
            .expect("JSON")
            .as_slice(),
    )
    .expect("a valid body");
    let parameters = op::Parameters {
        x_l2f_request_id: Some("req-1".to_owned()),
        x_l2f_idempotency_id: Some("idem-1".to_owned()),
    };
    let token = layer2::security::OAuth2Flow::new("t");
    let request = op::Request::new(parameters, body.clone());
    let http = request
        .to_http("https://sandbox.layer2financial.com/api", &token)
        .expect("a request");
    assert_eq!(
        http.uri().to_string(),
        "https://sandbox.layer2financial.com/api/v1/payments"
    );
    assert_eq!(http.headers()["x-l2f-request-id"], "req-1");
    assert_eq!(http.headers()["x-l2f-idempotency-id"], "idem-1");
    assert!(http.headers()["authorization"].is_sensitive());
    assert_eq!(format!("{token:?}"), "OAuth2Flow(Secret(…))");

    // A header value with a line break, and a server that is not a URL: located, all at once.
    let injected = op::Request::new(
        op::Parameters {
            x_l2f_request_id: Some("a\r\nx-evil: 1".to_owned()),
            x_l2f_idempotency_id: None,
        },
        body,
    );
    let violations = injected
        .to_http("https://sandbox.layer2financial.com", &token)
        .expect_err("not sendable");
    let found: Vec<(&str, Code)> = violations.iter().map(|v| (v.path(), v.code())).collect();
    assert_eq!(found, [("/header/x-l2f-request-id", Code::Request)]);
    let relative = injected.to_http("/v1", &token).expect_err("not a URL");
    assert_eq!(
        relative.iter().map(|v| v.path()).collect::<Vec<_>>(),
        ["/server"]
    );
}

#[test]
fn a_body_that_breaks_the_spec_is_not_built_and_every_violation_is_returned() {
    use formance_v1::operations::create_payment as op;
    let doc = payments_tests::spec("formance-v1");
    let json = request_body(&doc);
    let mut body: op::Body =
        payments_runtime::parse(serde_json::to_vec(&json).expect("JSON").as_slice())
            .expect("a valid body");
    let token = formance_v1::security::Authorization::new("t");
    let good = op::Request::new(Default::default(), body.clone())
        .to_http(&formance_v1::servers::Server0, &token)
        .expect("a request");
    assert_eq!(
        good.uri().to_string(),
        format!("http://localhost:55001{}", op::PATH)
    );
    let sent: Value = serde_json::from_slice(good.body()).expect("JSON");
    assert_eq!(sent, json, "the body goes out as it was read");

    // Fields are public: a caller can put in what the spec forbids (`minimum: 0`); to_http
    // refuses it, with the server URL's problem in the same list.
    body.amount = "-1".parse().expect("a big integer");
    let server = formance_v1::servers::Server1 {
        organization: "acme/evil".to_owned(),
        ..Default::default()
    };
    let violations = op::Request::new(Default::default(), body.clone())
        .to_http(&server, &token)
        .expect_err("a negative amount");
    let found: Vec<(&str, Code)> = violations.iter().map(|v| (v.path(), v.code())).collect();
    assert_eq!(found, [("/server/organization", Code::Request)]);
    let violations = op::Request::new(Default::default(), body)
        .to_http(&formance_v1::servers::Server1::default(), &token)
        .expect_err("a negative amount");
    let found: Vec<(&str, Code)> = violations.iter().map(|v| (v.path(), v.code())).collect();
    assert_eq!(found, [("/body/amount", Code::Minimum)]);
}

#[test]
fn servers_are_typed_values_with_their_variables() {
    use payments_runtime::http::Server;
    use transport::servers::{Server0, Server0Region, Server1};
    let url = |server: &dyn Server| server.base_url().map(|url| url.to_string());
    assert_eq!(
        url(&Server0::default()).as_deref(),
        Ok("https://eu.api.example.com/v2")
    );
    let chosen = Server0 {
        region: Server0Region::ApSouth,
        version: "v3".to_owned(),
    };
    assert_eq!(
        url(&chosen).as_deref(),
        Ok("https://ap-south.api.example.com/v3")
    );
    // `v2` is relative to where the document is served.
    let relative = Server1::new("https://docs.example.com/specs/openapi.yaml");
    assert_eq!(
        url(&relative).as_deref(),
        Ok("https://docs.example.com/specs/v2")
    );
    assert!(url(&Server1::new("openapi.yaml")).is_err());
}

fn refund_request() -> transport::operations::create_refund::Request {
    use transport::operations::create_refund::{Parameters, Request};
    let parameters = Parameters {
        refund_id: "re/1 x".to_owned(),
        expand: Some(vec!["charge".to_owned(), "customer".to_owned()]),
        tags: Some(vec!["a".to_owned(), "b".to_owned()]),
        ids: Some(vec![1, 2]),
        metadata: Some([("order_id".to_owned(), "6735".to_owned())].into()),
        idempotency_key: Some("k-1".parse().expect("at most 8 characters")),
        locale: Some("fr".to_owned()),
        x_trace: Some(
            payments_runtime::parse(br#"{"id": "t1", "sampled": true}"#).expect("a trace"),
        ),
    };
    let body = payments_runtime::parse(br#"{"amount": 500, "reason": "fraud"}"#).expect("a refund");
    Request::new(parameters, Some(body))
}

#[test]
fn parameters_credentials_and_the_operations_own_server_make_the_request() {
    use transport::operations::create_refund::{servers::Server0, Credentials};
    use transport::security::{ApiKeyCookie, ApiKeyQuery, BasicAuth};
    let request = refund_request();
    let keys = Credentials::ApiKeyQueryAndApiKeyCookie(
        ApiKeyQuery::new("q-key"),
        ApiKeyCookie::new("c-key"),
    );
    let http = request.to_http(&Server0, &keys).expect("a request");
    assert_eq!(http.method(), "POST");
    assert_eq!(
        http.uri().to_string(),
        "https://refunds.example.com/refunds/re%2F1%20x?expand=charge&expand=customer\
         &tags=a%2Cb&ids=1%7C2&metadata%5Border_id%5D=6735&api_key=q-key"
    );
    assert_eq!(http.headers()["idempotency-key"], "k-1");
    // An object header, `simple` and exploded.
    assert_eq!(http.headers()["x-trace"], "id=t1,sampled=true");
    assert_eq!(http.headers()["cookie"], "locale=fr; sid=c-key");
    assert_eq!(http.headers()["content-type"], "application/json");
    assert_eq!(
        http.body().as_slice(),
        br#"{"amount":500,"reason":"fraud"}"#
    );

    let basic = Credentials::BasicAuth(BasicAuth::new("acct_1", "s3cret"));
    let http = request.to_http(&Server0, &basic).expect("a request");
    assert_eq!(
        http.headers()["authorization"],
        "Basic YWNjdF8xOnMzY3JldA=="
    );
    assert!(http.uri().query().is_some_and(|q| !q.contains("api_key")));

    let anonymous = request
        .to_http(&Server0, &Credentials::Anonymous)
        .expect("a request");
    assert!(anonymous.headers().get("authorization").is_none());
    assert_eq!(anonymous.headers()["cookie"], "locale=fr");

    // An optional body left out is not sent.
    let mut without = request.clone();
    without.body = None;
    let http = without
        .to_http(&Server0, &Credentials::Anonymous)
        .expect("a request");
    assert!(http.body().is_empty() && http.headers().get("content-type").is_none());
}

#[test]
fn document_security_applies_unless_an_operation_states_its_own() {
    use transport::operations::{list_refunds, ping};
    // `listRefunds` states OpenID Connect: a bearer token.
    let list = list_refunds::Request::new(Default::default());
    let token = transport::security::Oidc::new("id-token");
    let http = list
        .to_http("https://api.example.com/v2", &token)
        .expect("a request");
    assert_eq!(http.uri().to_string(), "https://api.example.com/v2/refunds");
    // Objects in the query: `deepObject` brackets, exploded `form` members as names.
    let filtered = list_refunds::Request::new(list_refunds::Parameters {
        created: Some(
            payments_runtime::parse(br#"{"gt": 1600000000, "lte": 1700000000}"#).expect("a range"),
        ),
        page: Some(payments_runtime::parse(br#"{"size": 10, "cursor": "c 1"}"#).expect("a page")),
    });
    let http = filtered
        .to_http("https://api.example.com/v2", &token)
        .expect("a request");
    assert_eq!(
        http.uri().query(),
        Some("created%5Bgt%5D=1600000000&created%5Blte%5D=1700000000&size=10&cursor=c%201")
    );
    assert_eq!(http.headers()["authorization"], "Bearer id-token");
    // `ping` states `security: []`: no credentials are asked for.
    let ping = ping::Request::new(Default::default());
    let http = ping.to_http("https://api.example.com").expect("a request");
    assert!(http.headers().is_empty());
    // The document's `bearerAuth` (`scheme: Bearer`, any case) is an HTTP bearer token.
    let bearer = transport::security::BearerAuth::new("jwt");
    assert_eq!(format!("{bearer:?}"), "BearerAuth(Secret(…))");
}

#[test]
fn a_form_body_is_encoded_as_its_encoding_says_and_checked_first() {
    use transport::operations::create_charge as op;
    let body: op::Body = payments_runtime::parse(
        r#"{
            "amount": 2000,
            "currency": "eur",
            "expand": ["customer", "payment_method"],
            "metadata": {"order_id": "6735", "note": "a&b=c"},
            "tags": ["x", "y z"],
            "payment_method_data": {
                "type": "card",
                "billing_details": {"address": {"city": "São Paulo", "line1": "Rua 1"}}
            }
        }"#
        .as_bytes(),
    )
    .expect("a valid body");
    // The document's security (bearer or basic), written once as `security::Credentials`.
    let token =
        transport::security::Credentials::BearerAuth(transport::security::BearerAuth::new("jwt"));
    let http = op::Request::new(Default::default(), body.clone())
        .to_http("https://api.example.com", &token)
        .expect("a request");
    assert_eq!(
        http.headers()["content-type"],
        "application/x-www-form-urlencoded"
    );
    assert_eq!(http.headers()["authorization"], "Bearer jwt");
    assert_eq!(
        std::str::from_utf8(http.body()).expect("ASCII"),
        "amount=2000&currency=eur&expand[0]=customer&expand[1]=payment_method\
         &metadata[note]=a%26b%3Dc&metadata[order_id]=6735&tags=x,y+z\
         &payment_method_data[type]=card\
         &payment_method_data[billing_details][address][city]=S%C3%A3o+Paulo\
         &payment_method_data[billing_details][address][line1]=Rua+1"
    );
    // The same encoder, by hand, for a client that does not take `http` types.
    let by_hand = payments_runtime::form::urlencoded(&body, op::ENCODING).expect("a form");
    assert_eq!(by_hand.as_slice(), http.body().as_slice());

    let mut bad = body;
    bad.currency = "EUR".to_owned();
    bad.amount = 0;
    let violations = op::Request::new(Default::default(), bad)
        .to_http("https://api.example.com", &token)
        .expect_err("breaks the schema");
    let found: Vec<(&str, Code)> = violations.iter().map(|v| (v.path(), v.code())).collect();
    assert_eq!(
        found,
        [
            ("/body/amount", Code::Minimum),
            ("/body/currency", Code::Pattern)
        ]
    );
}

/// The parts of a `multipart/form-data` body: (headers, content) each, as a server splits it.
fn multipart_parts(content_type: &str, body: &[u8]) -> Vec<(String, Vec<u8>)> {
    let boundary = content_type
        .split("boundary=")
        .nth(1)
        .expect("a boundary parameter");
    let delimiter = format!("\r\n--{boundary}");
    // The body starts with the first delimiter (without its CRLF).
    let text = [b"\r\n".as_slice(), body].concat();
    let mut parts = Vec::new();
    let mut rest = text.as_slice();
    while let Some(start) = find(rest, delimiter.as_bytes()) {
        rest = &rest[start + delimiter.len()..];
        if rest.starts_with(b"--") {
            break;
        }
        let rest_after_crlf = &rest[2..];
        let end = find(rest_after_crlf, delimiter.as_bytes()).expect("a closing delimiter");
        let part = &rest_after_crlf[..end];
        let split = find(part, b"\r\n\r\n").expect("headers, then content");
        let headers = String::from_utf8_lossy(&part[..split]).into_owned();
        parts.push((headers, part[split + 4..].to_vec()));
        rest = &rest_after_crlf[end..];
    }
    parts
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn a_multipart_body_is_one_part_per_member_with_files_as_they_are() {
    use payments_runtime::Binary;
    use transport::operations::upload_report as op;
    use transport::{UploadReportRequestBody, UploadReportRequestBodyPurpose};
    let png = vec![0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', 0, 0xff];
    let body = UploadReportRequestBody::new(
        Binary::new(png.clone()).named("receipt.png"),
        UploadReportRequestBodyPurpose::DisputeEvidence,
    )
    .with_pages(2)
    .with_attachments(vec![
        Binary::new(b"a".to_vec()),
        Binary::new(b"b".to_vec()).typed("text/csv"),
    ])
    .with_labels([("case".to_owned(), "dp_1".to_owned())].into());
    let digest = transport::security::DigestAuth::new("Digest username=\"u\", response=\"r\"");
    let request = op::Request::new(Default::default(), body.clone());
    let http = request
        .to_http("https://api.example.com", &digest)
        .expect("a request");
    assert_eq!(
        http.headers()["authorization"],
        "Digest username=\"u\", response=\"r\""
    );
    let content_type = http.headers()["content-type"].to_str().expect("ASCII");
    assert!(content_type.starts_with("multipart/form-data; boundary="));
    let parts = multipart_parts(content_type, http.body());
    let expected: Vec<(String, Vec<u8>)> = vec![
        (
            "Content-Disposition: form-data; name=\"file\"; filename=\"receipt.png\"\r\nContent-Type: image/png".to_owned(),
            png,
        ),
        (
            "Content-Disposition: form-data; name=\"purpose\"".to_owned(),
            b"dispute_evidence".to_vec(),
        ),
        (
            "Content-Disposition: form-data; name=\"pages\"".to_owned(),
            b"2".to_vec(),
        ),
        (
            "Content-Disposition: form-data; name=\"attachments\"; filename=\"attachments\"\r\nContent-Type: application/octet-stream".to_owned(),
            b"a".to_vec(),
        ),
        (
            "Content-Disposition: form-data; name=\"attachments\"; filename=\"attachments\"\r\nContent-Type: text/csv".to_owned(),
            b"b".to_vec(),
        ),
        (
            "Content-Disposition: form-data; name=\"labels\"\r\nContent-Type: application/json".to_owned(),
            br#"{"case":"dp_1"}"#.to_vec(),
        ),
    ];
    assert_eq!(parts, expected);
    // The same body gives the same bytes (the boundary comes from the content).
    let again = request
        .to_http("https://api.example.com", &digest)
        .expect("a request");
    assert_eq!(again.body(), http.body());

    // Checked first, like every body.
    let violations = op::Request::new(Default::default(), body.with_pages(0))
        .to_http("https://api.example.com", &digest)
        .expect_err("pages below 1");
    let found: Vec<(&str, Code)> = violations.iter().map(|v| (v.path(), v.code())).collect();
    assert_eq!(found, [("/body/pages", Code::Minimum)]);
}
