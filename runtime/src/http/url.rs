//! Server URLs: [`BaseUrl`], the spec's server templates filled in ([`server_url`]), and
//! relative server URLs resolved against the document's URL (RFC 3986 §5.2).

use std::fmt;
use std::str::FromStr;

use crate::{Code, Violation, Violations};

/// An absolute `http` or `https` URL that requests are sent to: the operation's path is
/// appended to it as text (`https://api.example.com/v1` + `/payments`), never resolved
/// against it, so a server path such as `/v1` is kept. No query, no fragment, no user
/// information, no whitespace; a trailing `/` is dropped.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BaseUrl {
    text: String,
}

impl BaseUrl {
    /// Checks `text` (violations at `/server`, code `request`).
    pub fn parse(text: &str) -> Result<BaseUrl, Violations> {
        let fail = |why: &str| -> Result<BaseUrl, Violations> {
            Err(Violation::new(
                "/server",
                Code::Request,
                format!("`{text}` is not a server URL: {why}"),
            )
            .into())
        };
        let Some((scheme, rest)) = text.split_once("://") else {
            return fail("it is not absolute (it needs `http://` or `https://`)");
        };
        if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
            return fail("only `http` and `https` can be sent to");
        }
        if let Some(bad) = text
            .chars()
            .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '{' | '}'))
        {
            return fail(&format!("it holds {bad:?}"));
        }
        let authority = rest.split('/').next().unwrap_or_default();
        if authority.is_empty() {
            return fail("it has no host");
        }
        if authority.contains('@') {
            return fail("credentials go in the security scheme, not in the URL");
        }
        Ok(BaseUrl {
            text: text.trim_end_matches('/').to_owned(),
        })
    }

    /// The URL as text, without a trailing `/`.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl FromStr for BaseUrl {
    type Err = Violations;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        BaseUrl::parse(text)
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Where a request goes: a server of the spec's `servers` list (the generated
/// `servers::Server0`, … of each module and operation) or any base URL the caller gives
/// (`"https://sandbox.example.com/v1"`, a [`BaseUrl`]).
pub trait Server {
    /// The base URL, or why there is none.
    fn base_url(&self) -> Result<BaseUrl, Violations>;
}

impl Server for BaseUrl {
    fn base_url(&self) -> Result<BaseUrl, Violations> {
        Ok(self.clone())
    }
}

impl Server for str {
    fn base_url(&self) -> Result<BaseUrl, Violations> {
        BaseUrl::parse(self)
    }
}

impl Server for String {
    fn base_url(&self) -> Result<BaseUrl, Violations> {
        BaseUrl::parse(self)
    }
}

impl<S: Server + ?Sized> Server for &S {
    fn base_url(&self) -> Result<BaseUrl, Violations> {
        (**self).base_url()
    }
}

/// A server URL of the spec: `template` with each `{name}` replaced by its value from
/// `variables`, then, when the URL is relative (`/v1`), resolved against `document`, the URL
/// the OpenAPI document is served from (OpenAPI 3: "relative to the location where the
/// OpenAPI document is being served").
///
/// A value may not hold `/ ? # @`, whitespace or control characters (it would move the
/// request to another host or path): a violation at `/server/{name}`.
pub fn server_url(
    template: &str,
    variables: &[(&str, &str)],
    document: Option<&str>,
) -> Result<BaseUrl, Violations> {
    let mut violations = Violations::new();
    let mut url = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        url.push_str(&rest[..start]);
        match variables.iter().find(|(variable, _)| *variable == name) {
            Some((_, value)) => {
                if let Some(bad) = value.chars().find(|c| {
                    c.is_whitespace() || c.is_control() || matches!(c, '/' | '?' | '#' | '@')
                }) {
                    violations.push_violation(Violation::new(
                        crate::Location::Root.key("server").key(name).pointer(),
                        Code::Request,
                        format!("a server variable cannot hold {bad:?}"),
                    ));
                }
                url.push_str(value);
            }
            None => url.push_str(&rest[start..start + end + 2]),
        }
        rest = &after[end + 1..];
    }
    url.push_str(rest);
    violations.into_result()?;
    if url.contains("://") {
        return BaseUrl::parse(&url);
    }
    match document {
        Some(document) => resolve(document, &url),
        None => BaseUrl::parse(&url),
    }
}

/// Resolves `reference` against the absolute URL `document` (RFC 3986 §5.2.2, with dot
/// segments removed as §5.2.4 says): `/v1` against `https://api.example.com/docs/openapi.json`
/// is `https://api.example.com/v1`, `v1` is `https://api.example.com/docs/v1`.
pub fn resolve(document: &str, reference: &str) -> Result<BaseUrl, Violations> {
    if reference.contains("://") {
        return BaseUrl::parse(reference);
    }
    let base = BaseUrl::parse(document.split(['?', '#']).next().unwrap_or_default())?;
    let (scheme, rest) = base.text.split_once("://").unwrap_or(("https", &base.text));
    if let Some(network) = reference.strip_prefix("//") {
        return BaseUrl::parse(&format!("{scheme}://{network}"));
    }
    let (authority, path) = match rest.find('/') {
        Some(slash) => (&rest[..slash], &rest[slash..]),
        None => (rest, ""),
    };
    let merged = if reference.starts_with('/') {
        reference.to_owned()
    } else {
        // The document's own path: everything up to its last `/` (its "directory"). The base
        // was stored without a trailing `/`, so look at the text as given.
        let given = document.split(['?', '#']).next().unwrap_or_default();
        let directory = if given.ends_with('/') {
            path.to_owned() + "/"
        } else {
            path.rfind('/')
                .map_or("/".to_owned(), |slash| path[..=slash].to_owned())
        };
        directory + reference
    };
    BaseUrl::parse(&format!(
        "{scheme}://{authority}{}",
        remove_dot_segments(&merged)
    ))
}

/// RFC 3986 §5.2.4 on an absolute path.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    for (index, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {
                if index == last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if index == last {
                    out.push("");
                }
            }
            other => out.push(other),
        }
    }
    format!("/{}", out.join("/"))
}
