//! The `operations` module: one module per operation with its `METHOD`, `PATH`, `Parameters`
//! (typed, with `path()`, `query()`, `headers()`), `Body` and a `Response` enum that parses a
//! response body by status.
//!
//! Types are written with full paths (`super::super::Payment`, `::payments_runtime::JsonValue`), so the
//! module needs no imports and never shadows a model's name.

mod params;
mod send;

use super::docs::{code_span, doc_attrs};
use super::transport::{servers_module, Http};
use super::types::{ident, type_tokens_with, Paths};
use crate::ir::{Operation, Payload, Response, Status, TypeSpace};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Private helpers the operation modules call (`super::encode`), emitted only when used.
/// Emitting an operation records the ones it calls.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Helpers {
    encode: bool,
    json_text: bool,
}

impl Helpers {
    /// The helpers either set uses.
    pub fn union(self, other: Helpers) -> Helpers {
        Helpers {
            encode: self.encode || other.encode,
            json_text: self.json_text || other.json_text,
        }
    }
}

/// The `operations` module, or nothing when the spec has no operations.
pub fn operations_module(space: &TypeSpace, http: Http) -> TokenStream {
    let mut helpers = Helpers::default();
    let modules: Vec<TokenStream> = space
        .operations()
        .iter()
        .map(|op| operation_module(space, op, http, &mut helpers))
        .collect();
    if modules.is_empty() {
        return TokenStream::new();
    }
    module_with(helpers, &modules)
}

/// For rendering in parts: the `operations` module holding only the `helpers` (the union of
/// what `operation_in_module` reported for every operation); the operations follow it.
pub fn operations_head(helpers: Helpers) -> TokenStream {
    module_with(helpers, &[])
}

/// For rendering in parts: operation `index`'s module inside an `operations` module of its
/// own, so that it is indented and wrapped as in the whole module, and the helpers it calls.
pub fn operation_in_module(space: &TypeSpace, index: usize, http: Http) -> (TokenStream, Helpers) {
    let mut helpers = Helpers::default();
    let Some(op) = space.operations().get(index) else {
        return (TokenStream::new(), helpers);
    };
    let module = operation_module(space, op, http, &mut helpers);
    (quote!(pub mod operations { #module }), helpers)
}

/// The module around the operation `modules`, with the helpers they use.
fn module_with(helpers: Helpers, modules: &[TokenStream]) -> TokenStream {
    let encode = helpers.encode.then(|| {
        quote! {
            /// Percent-encodes a path parameter value: every byte but RFC 3986's unreserved
            /// characters (`A-Z a-z 0-9 - . _ ~`).
            fn encode(value: &str) -> String {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                let mut out = String::with_capacity(value.len());
                for byte in value.bytes() {
                    if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                        out.push(char::from(byte));
                    } else {
                        out.push('%');
                        out.push(char::from(HEX[usize::from(byte >> 4)]));
                        out.push(char::from(HEX[usize::from(byte & 0x0F)]));
                    }
                }
                out
            }
        }
    });
    let json_text = helpers.json_text.then(|| {
        quote! {
            /// A JSON parameter value as text: a string as it is, anything else as JSON.
            fn json_text(value: &::payments_runtime::JsonValue) -> String {
                match value {
                    ::payments_runtime::Json::String(text) => text.to_string(),
                    other => other.to_string(),
                }
            }
        }
    });
    quote! {
        /// The operations of this API, one module each: `METHOD`, `PATH`, the typed
        /// `Parameters` (with `path()`, `query()` and `headers()`), the request `Body` and the
        /// `Response` of each documented status.
        pub mod operations {
            #encode
            #json_text
            #(#modules)*
        }
    }
}

fn operation_module(
    space: &TypeSpace,
    op: &Operation,
    http: Http,
    helpers: &mut Helpers,
) -> TokenStream {
    let module = ident(&op.module);
    let mut extra = vec![code_span(&format!("{} {}", op.method, op.path))];
    extra.extend(op.notes.iter().cloned());
    let docs = doc_attrs(&op.docs, &extra);
    let allow = refers_to_deprecated(space, op).then(|| quote!(#[allow(deprecated)]));
    let method = &op.method;
    let path = &op.path;
    let body = op.body.as_ref().map(|body| {
        let content_type = &body.content_type;
        let presence = if body.required {
            "required"
        } else {
            "optional"
        };
        // `doc_attrs` puts the body's description (trimmed, if any) before this line.
        let line = format!(
            "The request body ({presence}), sent as {}{}.",
            code_span(content_type),
            match body.payload {
                Payload::Json(_) => " (JSON)",
                Payload::Form(..) => " (form-encoded, as its `encoding` says)",
                Payload::Multipart(..) => " (one part per member)",
                Payload::Bytes => ": raw bytes",
                Payload::Text => ": text",
            }
        );
        let body_docs = doc_attrs(&body.docs, &[line]);
        let ty = payload_type(&body.payload);
        let encoding = match &body.payload {
            Payload::Form(_, fields) => {
                let fields = fields.iter().map(send::form_field);
                Some(quote! {
                    /// How each member of the form body is written (the media type's
                    /// `encoding`; a member not listed is `form`, exploded), for
                    /// `payments_runtime::form::urlencoded`.
                    pub const ENCODING: &[Field] = &[#(#fields),*];
                })
            }
            _ => None,
        };
        quote! {
            /// The media type of the request body.
            pub const CONTENT_TYPE: &str = #content_type;
            #encoding
            #body_docs
            pub type Body = #ty;
        }
    });
    let uses = op.body.as_ref().and_then(|body| match &body.payload {
        Payload::Form(_, fields) => Some(send::form_uses(fields)),
        _ => None,
    });
    let parameters = params::parameters(space, op, helpers);
    let request = send::request(space, op, http);
    let servers = servers_module(&op.servers, http, true);
    let response = response_enum(op, http);
    quote! {
        #docs
        #allow
        pub mod #module {
            #uses
            /// The HTTP method.
            pub const METHOD: &str = #method;
            /// The path template, relative to the server URL; [`Parameters::path`] fills it in.
            pub const PATH: &str = #path;
            #body
            #parameters
            #request
            #servers
            #response
        }
    }
}

fn payload_type(payload: &Payload) -> TokenStream {
    match payload {
        Payload::Json(ty) | Payload::Form(ty, _) | Payload::Multipart(ty, _) => {
            type_tokens_with(ty, Paths::Full)
        }
        Payload::Bytes => quote!(Vec<u8>),
        Payload::Text => quote!(String),
    }
}

/// Whether the operation names a type marked deprecated (using it would warn).
fn refers_to_deprecated(space: &TypeSpace, op: &Operation) -> bool {
    let deprecated = super::types::refers_to_deprecated;
    let payloads = op
        .body
        .iter()
        .map(|b| &b.payload)
        .chain(op.responses.iter().filter_map(|r| r.payload.as_ref()));
    op.parameters.iter().any(|p| deprecated(space, &p.ty))
        || payloads
            .filter_map(Payload::schema_type)
            .any(|ty| deprecated(space, ty))
}

/// `enum Response` and its `parse` and `status`. Bodies are held unboxed: a response is read
/// once and matched, so the size difference between a payment and an error does not matter.
fn response_enum(op: &Operation, http: Http) -> TokenStream {
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    let mut statuses = Vec::new();
    let mut reads_body = false;
    // Exact codes first, then ranges, then `default`: a match takes the first arm that fits.
    let mut ordered: Vec<&Response> = op.responses.iter().collect();
    ordered.sort_by_key(|r| match r.status {
        Status::Code(_) => 0,
        Status::Range(_) => 1,
        Status::Default => 2,
    });
    for response in &ordered {
        let name = ident(&response.rust_name);
        let spec = response.status.spec_text();
        let description = response.description.trim();
        let mut doc_lines = vec![if description.is_empty() {
            code_span(&spec)
        } else {
            format!("{}: {description}", code_span(&spec))
        }];
        if let Some(content_type) = &response.content_type {
            doc_lines.push(format!("Body: {}.", code_span(content_type)));
        }
        let docs = doc_attrs(&Default::default(), &doc_lines);
        let pattern = match response.status {
            Status::Code(code) => {
                let code = Literal::u16_unsuffixed(code);
                quote!(#code)
            }
            Status::Range(class) => {
                let low = class.saturating_mul(100);
                let high = Literal::u16_unsuffixed(low.saturating_add(99));
                let low = Literal::u16_unsuffixed(low);
                quote!(#low..=#high)
            }
            Status::Default => quote!(_),
        };
        // JSON is parsed (and may fail); bytes and text are taken as they are.
        let raw = match &response.payload {
            Some(Payload::Bytes) => Some(quote!(body.to_vec())),
            Some(Payload::Text) => Some(quote!(String::from_utf8_lossy(body).into_owned())),
            _ => None,
        };
        reads_body |= response.payload.is_some();
        let exact = matches!(response.status, Status::Code(_));
        let ty = response.payload.as_ref().map(payload_type);
        let (variant, read, status) = match (exact, ty, raw) {
            (true, Some(ty), None) => (
                quote!(#name(#ty)),
                quote!(::payments_runtime::parse(body).map(Self::#name)),
                quote!(Self::#name(_) => #pattern),
            ),
            (true, Some(ty), Some(raw)) => (
                quote!(#name(#ty)),
                quote!(Ok(Self::#name(#raw))),
                quote!(Self::#name(_) => #pattern),
            ),
            (true, None, _) => (
                quote!(#name),
                quote!(Ok(Self::#name)),
                quote!(Self::#name => #pattern),
            ),
            (false, Some(ty), None) => (
                quote!(#name { status: u16, body: #ty }),
                quote!(::payments_runtime::parse(body).map(|body| Self::#name { status, body })),
                quote!(Self::#name { status, .. } => *status),
            ),
            (false, Some(ty), Some(raw)) => (
                quote!(#name { status: u16, body: #ty }),
                quote!(Ok(Self::#name { status, body: #raw })),
                quote!(Self::#name { status, .. } => *status),
            ),
            (false, None, _) => (
                quote!(#name { status: u16 }),
                quote!(Ok(Self::#name { status })),
                quote!(Self::#name { status } => *status),
            ),
        };
        variants.push(quote!(#docs #variant));
        arms.push((pattern, read));
        statuses.push(status);
    }
    let has_default = op.responses.iter().any(|r| r.status == Status::Default);
    if !has_default {
        // A status the spec does not document is still a response a service must handle (a
        // rate limiter's 429, a proxy's 503 page): kept as it came, not a violation.
        let documented: Vec<String> = ordered.iter().map(|r| r.status.spec_text()).collect();
        let documented = if documented.is_empty() {
            "none".to_owned()
        } else {
            documented.join(", ")
        };
        let docs = format!(
            " A status this operation does not document (it documents {documented}), with the \
             body as received: a rate limiter's `429`, a proxy's `503` page."
        );
        variants.push(quote!(#[doc = #docs] Undocumented {
            /// The status.
            status: u16,
            /// The header fields (empty when read with [`Response::parse`]).
            headers: ::payments_runtime::Headers,
            /// The body, as received.
            body: Vec<u8>,
        }));
        arms.push((
            quote!(_),
            quote!(Ok(Self::Undocumented {
                status,
                headers,
                body: body.to_vec()
            })),
        ));
        statuses.push(quote!(Self::Undocumented { status, .. } => *status));
        reads_body = true;
    }
    let body = if reads_body {
        quote!(body)
    } else {
        quote!(_body)
    };
    // Only `Undocumented` keeps the header fields.
    let headers = if has_default {
        quote!(_headers)
    } else {
        quote!(headers)
    };
    let from_http = http.gate().map(|gate| {
        quote! {
            /// Reads a response an HTTP client received, as [`Response::read`] does; the
            /// body is anything that gives bytes (`Vec<u8>`, `bytes::Bytes`, `String`).
            #gate
            pub fn from_http<B: AsRef<[u8]>>(
                response: ::payments_runtime::http::types::Response<B>,
            ) -> Result<Self, ::payments_runtime::Violations> {
                let (status, headers) = ::payments_runtime::http::head(&response);
                Self::read(status, headers, response.body().as_ref())
            }
        }
    });
    // One arm that takes every status (no documented code, at most a `default`) is its body.
    let read = match arms.as_slice() {
        [(_, only)] => only.clone(),
        _ => {
            let arms = arms.iter().map(|(pattern, read)| quote!(#pattern => #read));
            quote!(match status { #(#arms,)* })
        }
    };
    let enum_docs = if has_default {
        " The responses, by status: the documented ones, then `default` for any other."
    } else {
        " The responses, by status: the documented ones, then `Undocumented` for any other."
    };
    quote! {
        #[doc = #enum_docs]
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum Response {
            #(#variants,)*
        }

        impl Response {
            /// Reads a response. The body of a documented status is parsed and checked with
            /// `payments_runtime::parse`, reporting every violation (a body that is not JSON
            /// is a `syntax` one); a status the operation does not document (and no `default`
            /// covers) is `Undocumented`, its header fields and body kept as received.
            pub fn read(
                status: u16,
                #headers: ::payments_runtime::Headers,
                #body: &[u8],
            ) -> Result<Self, ::payments_runtime::Violations> {
                #read
            }

            /// [`Response::read`] without the header fields.
            pub fn parse(status: u16, body: &[u8]) -> Result<Self, ::payments_runtime::Violations> {
                Self::read(status, ::payments_runtime::Headers::new(), body)
            }

            #from_http

            /// The HTTP status of this response.
            pub fn status(&self) -> u16 {
                // Never empty: a `default` or `Undocumented` takes every other status.
                match self { #(#statuses,)* }
            }

            /// Whether the status is a success (`2xx`).
            pub fn is_success(&self) -> bool {
                (200..300).contains(&self.status())
            }
        }
    }
}
