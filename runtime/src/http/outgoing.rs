//! [`Outgoing`]: what a generated `Request::to_http` fills in (path, query, headers, cookies,
//! credentials, body) and turns into an [`http::Request`], every problem a violation.

use std::fmt;

use base64::Engine as _;

use super::url::BaseUrl;
use crate::{Code, Location, Validate, Violation, Violations};

/// A request as sent: the `http` crate's request with the encoded body.
pub type Request = ::http::Request<Vec<u8>>;

/// A credential's text (an API key, a token, a password). `Debug` does not show it, and the
/// header that carries it is marked sensitive (`HeaderValue::set_sensitive`), so neither
/// logs of the request nor HTTP/2 header compression reveal it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Secret(String);

impl Secret {
    /// Wraps `text`.
    pub fn new(text: impl Into<String>) -> Secret {
        Secret(text.into())
    }

    /// The text itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl From<String> for Secret {
    fn from(text: String) -> Secret {
        Secret(text)
    }
}

impl From<&str> for Secret {
    fn from(text: &str) -> Secret {
        Secret(text.to_owned())
    }
}

/// Where an API key travels (`in` of an `apiKey` security scheme).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyIn {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie.
    Cookie,
}

/// The credentials of a security scheme (the generated `security::…` types), written into a
/// request.
pub trait Credential {
    /// Adds the credentials to `request`.
    fn apply(&self, request: &mut Outgoing);
}

impl<C: Credential + ?Sized> Credential for &C {
    fn apply(&self, request: &mut Outgoing) {
        (**self).apply(request);
    }
}

struct Field {
    name: String,
    value: String,
    sensitive: bool,
}

/// A request being assembled. Nothing fails half-way: each problem (a body that breaks its
/// schema, a header value with a line break) is recorded and [`finish`](Outgoing::finish)
/// returns all of them.
pub struct Outgoing {
    method: &'static str,
    target: String,
    has_query: bool,
    headers: Vec<Field>,
    cookies: Vec<(String, String)>,
    body: Option<(std::borrow::Cow<'static, str>, Vec<u8>)>,
    violations: Violations,
}

impl fmt::Debug for Outgoing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Outgoing")
            .field("method", &self.method)
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

impl Outgoing {
    /// A `method` request to `path` (already filled in and percent-encoded, from
    /// `Parameters::path`) below `base`: `https://api.example.com/v1` and `/payments` give
    /// `https://api.example.com/v1/payments`.
    pub fn new(method: &'static str, base: &BaseUrl, path: &str) -> Outgoing {
        let mut target = base.as_str().to_owned();
        if !path.starts_with('/') {
            target.push('/');
        }
        target.push_str(path);
        Outgoing {
            method,
            target,
            has_query: false,
            headers: Vec::new(),
            cookies: Vec::new(),
            body: None,
            violations: Violations::new(),
        }
    }

    /// Appends query parameters, each name and value percent-encoded (every byte but RFC
    /// 3986's unreserved characters).
    pub fn query<K: AsRef<str>>(&mut self, pairs: impl IntoIterator<Item = (K, String)>) {
        for (name, value) in pairs {
            self.target.push(if self.has_query { '&' } else { '?' });
            self.has_query = true;
            percent_encode(name.as_ref(), &mut self.target);
            self.target.push('=');
            percent_encode(&value, &mut self.target);
        }
    }

    /// Adds header fields (checked by [`finish`](Outgoing::finish)).
    pub fn headers<K: AsRef<str>>(&mut self, pairs: impl IntoIterator<Item = (K, String)>) {
        for (name, value) in pairs {
            self.header(name.as_ref(), value, false);
        }
    }

    /// Adds cookies, sent in one `Cookie` header; a value's bytes outside RFC 6265's
    /// `cookie-octet` are percent-encoded.
    pub fn cookies<K: AsRef<str>>(&mut self, pairs: impl IntoIterator<Item = (K, String)>) {
        for (name, value) in pairs {
            let mut encoded = String::with_capacity(value.len());
            for byte in value.bytes() {
                let octet =
                    matches!(byte, 0x21 | 0x23..=0x2B | 0x2D..=0x3A | 0x3C..=0x5B | 0x5D..=0x7E);
                if octet && byte != b'%' {
                    encoded.push(char::from(byte));
                } else {
                    push_escape(byte, &mut encoded);
                }
            }
            self.cookies.push((name.as_ref().to_owned(), encoded));
        }
    }

    /// `Authorization: Bearer <token>` (HTTP `bearer`, OAuth 2 and OpenID Connect schemes).
    pub fn bearer(&mut self, token: &Secret) {
        self.header("authorization", format!("Bearer {}", token.expose()), true);
    }

    /// `Authorization: Basic <base64 of user:password>` (HTTP `basic`, RFC 7617).
    pub fn basic(&mut self, user: &str, password: &Secret) {
        let pair = format!("{user}:{}", password.expose());
        let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
        self.header("authorization", format!("Basic {encoded}"), true);
    }

    /// `Authorization: <value>` as the caller computed it (another HTTP scheme).
    pub fn authorization(&mut self, value: &Secret) {
        self.header("authorization", value.expose().to_owned(), true);
    }

    /// An API key named `name`, in a header, the query or a cookie.
    pub fn api_key(&mut self, location: KeyIn, name: &str, key: &Secret) {
        let value = key.expose().to_owned();
        match location {
            KeyIn::Header => self.header(name, value, true),
            KeyIn::Query => self.query([(name, value)]),
            KeyIn::Cookie => self.cookies([(name, value)]),
        }
    }

    /// Records every violation of `parameter`'s documented constraints, located at
    /// `/{location}/{name}` (`/header/x-request-id`).
    pub fn check_parameter<T: Validate + ?Sized>(
        &mut self,
        location: &str,
        name: &str,
        parameter: &T,
    ) {
        let root = Location::Root;
        let place = root.key(location);
        parameter.validate_at(&place.key(name), &mut self.violations);
    }

    /// The body as JSON, sent as `content_type`, after checking it against its schema: every
    /// violation is recorded, located under `/body`.
    pub fn json_body<T: Validate + serde::Serialize + ?Sized>(
        &mut self,
        content_type: &'static str,
        body: &T,
    ) {
        body.validate_at(&Location::Root.key("body"), &mut self.violations);
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some((content_type.into(), bytes)),
            Err(error) => self.violations.push_violation(Violation::new(
                "/body",
                Code::Request,
                format!("the body cannot be written as JSON: {error}"),
            )),
        }
    }

    /// The body as `application/x-www-form-urlencoded` (see [`crate::form`]), each member as
    /// `fields` says, after checking it against its schema (violations under `/body`).
    pub fn form_body<T: Validate + serde::Serialize + ?Sized>(
        &mut self,
        content_type: &'static str,
        body: &T,
        fields: &[crate::form::Field],
    ) {
        body.validate_at(&Location::Root.key("body"), &mut self.violations);
        match crate::form::urlencoded(body, fields) {
            Ok(bytes) => self.body = Some((content_type.into(), bytes)),
            Err(violations) => violations
                .into_iter()
                .for_each(|v| self.violations.push_violation(v)),
        }
    }

    /// The body as bytes, sent as `content_type`.
    pub fn raw_body(&mut self, content_type: &'static str, body: Vec<u8>) {
        self.body = Some((content_type.into(), body));
    }

    /// The body as `multipart/form-data` (see [`crate::multipart`]): `parts` written from
    /// `body`'s members, after checking `body` against its schema (violations under `/body`).
    pub fn multipart_body<T: Validate + ?Sized>(
        &mut self,
        body: &T,
        parts: crate::multipart::Multipart,
    ) {
        body.validate_at(&Location::Root.key("body"), &mut self.violations);
        match parts.finish() {
            Ok((content_type, bytes)) => self.body = Some((content_type.into(), bytes)),
            Err(violations) => violations
                .into_iter()
                .for_each(|v| self.violations.push_violation(v)),
        }
    }

    fn header(&mut self, name: &str, value: String, sensitive: bool) {
        self.headers.push(Field {
            name: name.to_owned(),
            value,
            sensitive,
        });
    }

    /// The `http` request, or every violation recorded and found: a header name or value a
    /// request cannot carry is one at `/header/{name}`.
    pub fn finish(self) -> Result<Request, Violations> {
        let Outgoing {
            method,
            target,
            headers,
            cookies,
            body,
            mut violations,
            ..
        } = self;
        let mut builder = ::http::Request::builder().method(method);
        match target.parse::<::http::Uri>() {
            Ok(uri) => builder = builder.uri(uri),
            Err(error) => violations.push_violation(Violation::new(
                "/server",
                Code::Request,
                format!("`{target}` is not a request target: {error}"),
            )),
        }
        let mut fields = headers;
        if !cookies.is_empty() {
            let pairs: Vec<String> = cookies
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            fields.push(Field {
                name: "cookie".to_owned(),
                value: pairs.join("; "),
                sensitive: false,
            });
        }
        if let Some((content_type, _)) = &body {
            fields.push(Field {
                name: "content-type".to_owned(),
                value: content_type.to_string(),
                sensitive: false,
            });
        }
        for field in fields {
            let at = || Location::Root.key("header").key(&field.name).pointer();
            let name = match ::http::HeaderName::from_bytes(field.name.as_bytes()) {
                Ok(name) => name,
                Err(_) => {
                    violations.push_violation(Violation::new(
                        at(),
                        Code::Request,
                        "is not a header name (RFC 9110 `token`)",
                    ));
                    continue;
                }
            };
            match ::http::HeaderValue::from_bytes(field.value.as_bytes()) {
                Ok(mut value) => {
                    value.set_sensitive(field.sensitive);
                    builder = builder.header(name, value);
                }
                Err(_) => violations.push_violation(Violation::new(
                    at(),
                    Code::Request,
                    "a header value cannot hold a line break or another control character",
                )),
            }
        }
        violations.into_result()?;
        let bytes = body.map(|(_, bytes)| bytes).unwrap_or_default();
        builder
            .body(bytes)
            .map_err(|error| Violation::new("", Code::Request, error.to_string()).into())
    }
}

fn percent_encode(text: &str, out: &mut String) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            push_escape(byte, out);
        }
    }
}

fn push_escape(byte: u8, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(char::from(HEX[usize::from(byte >> 4)]));
    out.push(char::from(HEX[usize::from(byte & 0x0F)]));
}
