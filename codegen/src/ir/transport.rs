//! Where requests go and how they authenticate: the spec's `servers` (document-level and an
//! operation's own) and its security schemes, as the generated `servers` and `security`
//! modules and each operation's `Request::to_http` use them.

use super::{Docs, Variant};

/// One entry of a `servers` list.
#[derive(Debug, Clone, PartialEq)]
pub struct Server {
    /// The Rust type name (`Server0`, … by position in its list).
    pub rust_name: String,
    /// The URL template exactly as the spec writes it (`https://{region}.example.com/v1`).
    pub url: String,
    /// Its description.
    pub description: Option<String>,
    /// The variables the template names, in the spec's order.
    pub variables: Vec<ServerVariable>,
}

impl Server {
    /// Whether the URL is relative (`/v1`): OpenAPI resolves it against the URL the
    /// document is served from.
    pub fn is_relative(&self) -> bool {
        !self.url.contains("://")
    }
}

/// A server variable.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerVariable {
    /// The name as the template writes it (`{region}`).
    pub name: String,
    /// The Rust field name.
    pub rust_name: String,
    /// The value used when the caller gives none.
    pub default: String,
    /// The values allowed (`enum`), each with its Rust variant name; empty when any value is.
    pub values: Vec<Variant>,
    /// Its description.
    pub description: Option<String>,
}

/// A security scheme of `components.securitySchemes`.
#[derive(Debug, Clone, PartialEq)]
pub struct SecurityScheme {
    /// The key in `securitySchemes` (what security requirements name).
    pub key: String,
    /// The Rust type name.
    pub rust_name: String,
    /// Its description.
    pub docs: Docs,
    /// How the credentials travel.
    pub kind: SchemeKind,
}

/// How a scheme's credentials travel.
#[derive(Debug, Clone, PartialEq)]
pub enum SchemeKind {
    /// `apiKey`: a named header, query parameter or cookie.
    ApiKey {
        /// `header`, `query` or `cookie`.
        location: KeyLocation,
        /// The header, parameter or cookie name.
        name: String,
    },
    /// `http` with `scheme: bearer`, `oauth2` and `openIdConnect`: a token in
    /// `Authorization: Bearer`.
    Bearer {
        /// What the token is, as a sentence's start (`An OAuth 2 access token`).
        origin: &'static str,
    },
    /// `http` with `scheme: basic`: user and password (RFC 7617).
    Basic,
    /// Another `http` scheme (`digest`, …): the caller gives the whole `Authorization` value.
    Authorization {
        /// The scheme name as the spec writes it.
        scheme: String,
    },
}

/// Where an API key travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyLocation {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie.
    Cookie,
}

/// What an operation needs to authenticate: any one of `alternatives`, each a set of schemes
/// used together (keys into the space's schemes, in the spec's order). An empty alternative
/// (`{}` in the spec) means the operation may also be called without credentials.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Security {
    /// The alternatives, in the spec's order.
    pub alternatives: Vec<Vec<String>>,
}

impl Security {
    /// Whether no credentials are needed at all (nothing stated, `security: []`, or only
    /// `{}`).
    pub fn is_none(&self) -> bool {
        self.alternatives.iter().all(Vec::is_empty)
    }
}
