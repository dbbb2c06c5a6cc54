//! Server URLs (OpenAPI 3 Server Object, RFC 3986 §5.2), request assembly and credentials
//! (RFC 6750 bearer, RFC 7617 basic, API keys), each problem a located violation.

use super::*;
use crate::{Code, Location, Validate, Violations};

fn codes(violations: &Violations) -> Vec<(String, Code)> {
    violations
        .iter()
        .map(|v| (v.path().to_owned(), v.code()))
        .collect()
}

#[test]
fn a_base_url_is_absolute_http_without_query_fragment_or_user() {
    let url = BaseUrl::parse("https://api.cloud.flexprice.io/v1/").map(|u| u.to_string());
    assert_eq!(url.as_deref(), Ok("https://api.cloud.flexprice.io/v1"));
    assert!(BaseUrl::parse("HTTP://localhost:55001").is_ok());
    for bad in [
        "/v1",
        "api.example.com",
        "ftp://example.com",
        "https://",
        "https:///v1",
        "https://example.com/v1?x=1",
        "https://example.com/#top",
        "https://user:pw@example.com",
        "https://exa mple.com",
        "https://example.com/\nHost: evil",
        "https://{organization}.formance.cloud",
    ] {
        let violations = BaseUrl::parse(bad).err();
        let found = violations.as_ref().map(codes);
        assert_eq!(
            found,
            Some(vec![("/server".to_owned(), Code::Request)]),
            "{bad}"
        );
    }
}

#[test]
fn relative_server_urls_resolve_against_the_document_url() {
    let cases = [
        (
            "https://api.example.com/swagger/doc.json",
            "/v1",
            "https://api.example.com/v1",
        ),
        (
            "https://api.example.com/swagger/doc.json",
            "v1",
            "https://api.example.com/swagger/v1",
        ),
        (
            "https://api.example.com/swagger/",
            "v1",
            "https://api.example.com/swagger/v1",
        ),
        (
            "https://api.example.com",
            "v1",
            "https://api.example.com/v1",
        ),
        (
            "https://api.example.com/a/b/doc.json",
            "../v2",
            "https://api.example.com/a/v2",
        ),
        (
            "https://api.example.com/a/doc.json",
            "./v3/",
            "https://api.example.com/a/v3",
        ),
        (
            "https://api.example.com/doc?x#y",
            "/v1",
            "https://api.example.com/v1",
        ),
        (
            "http://api.example.com/doc",
            "//other.example.com/v1",
            "http://other.example.com/v1",
        ),
        (
            "https://api.example.com/doc",
            "https://elsewhere.example.com",
            "https://elsewhere.example.com",
        ),
    ];
    for (document, reference, expected) in cases {
        let got = resolve(document, reference).map(|url| url.to_string());
        assert_eq!(
            got.as_deref(),
            Ok(expected),
            "{reference} against {document}"
        );
    }
    assert!(resolve("/relative/doc.json", "/v1").is_err());
}

#[test]
fn server_variables_are_substituted_and_may_not_move_the_host() {
    let template = "https://{organization}.{environment}.formance.cloud";
    let url = server_url(
        template,
        &[
            ("organization", "orgID-stackID"),
            ("environment", "eu.sandbox"),
        ],
        None,
    );
    assert_eq!(
        url.map(|u| u.to_string()).as_deref(),
        Ok("https://orgID-stackID.eu.sandbox.formance.cloud")
    );
    let moved = server_url(
        template,
        &[("organization", "evil.com/"), ("environment", "a b")],
        None,
    );
    assert_eq!(
        moved.err().as_ref().map(codes),
        Some(vec![
            ("/server/organization".to_owned(), Code::Request),
            ("/server/environment".to_owned(), Code::Request),
        ])
    );
    // A `{name}` the server does not define stays, and the URL is refused.
    assert!(server_url(template, &[("organization", "o")], None).is_err());
    let relative = server_url(
        "/v1",
        &[],
        Some("https://api.cloud.flexprice.io/swagger.json"),
    );
    assert_eq!(
        relative.map(|u| u.to_string()).as_deref(),
        Ok("https://api.cloud.flexprice.io/v1")
    );
    assert!(server_url("/v1", &[], None).is_err());
}

#[test]
fn the_path_is_appended_to_the_server_path_and_the_query_percent_encoded() {
    let base = BaseUrl::parse("https://api.cloud.flexprice.io/v1").expect("a base URL");
    let mut request = Outgoing::new("POST", &base, "/payments");
    request.query([
        ("expand", "a b&c=d/é".to_owned()),
        ("metadata[order_id]", "6735".to_owned()),
    ]);
    request.query([("limit".to_owned(), "10".to_owned())]);
    let request = request.finish().expect("a request");
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.uri().to_string(),
        "https://api.cloud.flexprice.io/v1/payments?expand=a%20b%26c%3Dd%2F%C3%A9&metadata%5Border_id%5D=6735&limit=10"
    );
    assert!(request.body().is_empty());
    assert!(request.headers().get("content-type").is_none());
}

#[test]
fn credentials_are_written_as_their_scheme_says_and_marked_sensitive() {
    let base = BaseUrl::parse("http://localhost:55001").expect("a base URL");
    let mut request = Outgoing::new("GET", &base, "/x");
    // RFC 7617 §2's example.
    request.basic("Aladdin", &Secret::new("open sesame"));
    request.api_key(KeyIn::Header, "x-api-key", &Secret::from("k1"));
    request.api_key(KeyIn::Query, "api_key", &Secret::from("k 2"));
    request.api_key(KeyIn::Cookie, "session", &Secret::from("k;3"));
    request.cookies([("theme", "dark".to_owned())]);
    let request = request.finish().expect("a request");
    let header = |name: &str| request.headers().get(name).cloned();
    let authorization = header("authorization").expect("authorization");
    assert_eq!(authorization, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    assert!(authorization.is_sensitive());
    let key = header("x-api-key").expect("x-api-key");
    assert_eq!(key, "k1");
    assert!(key.is_sensitive());
    assert_eq!(request.uri().query(), Some("api_key=k%202"));
    assert_eq!(
        header("cookie").expect("cookie"),
        "session=k%3B3; theme=dark"
    );

    let mut bearer = Outgoing::new("GET", &base, "x");
    bearer.bearer(&Secret::new("tok"));
    let bearer = bearer.finish().expect("a request");
    assert_eq!(bearer.uri().path(), "/x");
    assert_eq!(
        bearer.headers().get("authorization").map(|v| v.as_bytes()),
        Some(&b"Bearer tok"[..])
    );
    assert_eq!(format!("{:?}", Secret::new("sk_live_1")), "Secret(…)");
}

#[test]
fn header_values_that_cannot_be_sent_are_violations_not_panics() {
    let base = BaseUrl::parse("https://example.com").expect("a base URL");
    let mut request = Outgoing::new("POST", &base, "/p");
    request.headers([
        ("x-l2f-request-id", "a\r\nInjected: 1".to_owned()),
        ("bad name", "v".to_owned()),
        ("x-ok", "fine".to_owned()),
    ]);
    let violations = request.finish().err();
    assert_eq!(
        violations.as_ref().map(codes),
        Some(vec![
            ("/header/x-l2f-request-id".to_owned(), Code::Request),
            ("/header/bad name".to_owned(), Code::Request),
        ])
    );
}

struct Amount(i64);

impl Validate for Amount {
    fn validate_at(&self, at: &Location<'_>, out: &mut Violations) {
        if self.0 < 0 {
            out.push(&at.key("amount"), Code::Minimum, "must be at least 0");
        }
    }
}

impl serde::Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("amount", &self.0)?;
        map.end()
    }
}

#[test]
fn the_body_is_checked_before_it_is_sent_and_every_problem_reported() {
    let base = BaseUrl::parse("https://example.com").expect("a base URL");
    let mut good = Outgoing::new("POST", &base, "/p");
    good.json_body("application/json", &Amount(5));
    let good = good.finish().expect("a request");
    assert_eq!(good.body().as_slice(), br#"{"amount":5}"#);
    assert_eq!(
        good.headers().get("content-type").map(|v| v.as_bytes()),
        Some(&b"application/json"[..])
    );

    let mut bad = Outgoing::new("POST", &base, "/p");
    bad.check_parameter("header", "x-id", &Some(Amount(-2)));
    bad.json_body("application/json", &Amount(-1));
    bad.headers([("x-id", "\n".to_owned())]);
    assert_eq!(
        bad.finish().err().as_ref().map(codes),
        Some(vec![
            ("/header/x-id/amount".to_owned(), Code::Minimum),
            ("/body/amount".to_owned(), Code::Minimum),
            ("/header/x-id".to_owned(), Code::Request),
        ])
    );
}

#[test]
fn head_reads_the_status_and_lower_cased_header_names() {
    let response = ::http::Response::builder()
        .status(503)
        .header("Retry-After", "30")
        .header("Content-Type", "text/html")
        .body(b"<html>busy</html>".to_vec())
        .expect("a response");
    let (status, headers) = head(&response);
    assert_eq!(status, 503);
    assert_eq!(headers.get("retry-after"), Some("30"));
    assert_eq!(
        headers.iter().map(|(name, _)| name).collect::<Vec<_>>(),
        ["retry-after", "content-type"]
    );
}
