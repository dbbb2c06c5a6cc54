//! `struct Request` (the parameters and the body of one call), its `to_http`, and the
//! operation's `Credentials`.
//!
//! `to_http` checks before it builds: every parameter and the body against the spec (located
//! at `/path/{name}`, `/query/{name}`, `/header/{name}`, `/cookie/{name}` and under `/body`),
//! then the server URL and every header value, and returns every violation at once; so a
//! request that breaks the spec is never built, whatever the caller put in the struct.

use super::params;
use crate::emit::docs::code_span;
use crate::emit::transport::{credentials_enum, shares_document_credentials, Http};
use crate::emit::types::ident;
use crate::ir::{
    FormField, Operation, ParamLocation, ParamStyle, Payload, TypeKind, TypeRef, TypeSpace,
};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The `Request` struct, `Credentials` and `to_http`.
pub(super) fn request(space: &TypeSpace, op: &Operation, http: Http) -> TokenStream {
    // A call without its required body cannot be made: the operation's docs say to send the
    // body as the spec describes, and there is no `Request` to pretend otherwise.
    if op.requires_unmodelled_body {
        return TokenStream::new();
    }
    let body = op.body.as_ref();
    let body_field = body.map(|body| {
        if body.required {
            quote!(
                /// The request body.
                pub body: Body,
            )
        } else {
            quote!(
                /// The request body, when one is sent (it is optional).
                pub body: Option<Body>,
            )
        }
    });
    let (new_args, new_fields) = match body {
        Some(body) if body.required => (
            quote!(parameters: Parameters, body: Body),
            quote!(parameters, body),
        ),
        Some(_) => (
            quote!(parameters: Parameters, body: Option<Body>),
            quote!(parameters, body),
        ),
        None => (quote!(parameters: Parameters), quote!(parameters)),
    };
    let to_http = to_http(space, op, http);
    let credentials = credentials(space, op, http);
    quote! {
        /// One call of this operation: its parameters and its body.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Request {
            /// The path, query and header parameters.
            pub parameters: Parameters,
            #body_field
        }

        impl Request {
            /// A call with these parameters and body.
            pub fn new(#new_args) -> Self {
                Request { #new_fields }
            }

            #to_http
        }

        #credentials
    }
}

fn to_http(space: &TypeSpace, op: &Operation, http: Http) -> Option<TokenStream> {
    let gate = http.gate()?;
    let needs_credentials = !op.security.is_none();
    let checks = op.parameters.iter().map(|p| {
        let name = ident(&p.rust_name);
        let location = p.location.as_str();
        let wire = &p.wire_name;
        quote!(request.check_parameter(#location, #wire, &self.parameters.#name);)
    });
    let has = |location| op.parameters.iter().any(|p| p.location == location);
    let query = has(ParamLocation::Query).then(|| quote!(request.query(self.parameters.query());));
    let headers =
        has(ParamLocation::Header).then(|| quote!(request.headers(self.parameters.headers());));
    let cookies =
        has(ParamLocation::Cookie).then(|| quote!(request.cookies(self.parameters.cookies());));
    let apply = needs_credentials
        .then(|| quote!(::payments_runtime::http::Credential::apply(credentials, &mut request);));
    let body = op.body.as_ref().map(|body| {
        // `value` is a reference to the body, `place` the body itself (its members are
        // `#place.member`).
        let write = |value: TokenStream, place: TokenStream| match &body.payload {
            Payload::Json(_) => quote!(request.json_body(CONTENT_TYPE, #value);),
            Payload::Form(..) => quote!(request.form_body(CONTENT_TYPE, #value, ENCODING);),
            Payload::Multipart(ty, types) => multipart(space, ty, types, &value, &place),
            Payload::Bytes => quote!(request.raw_body(CONTENT_TYPE, #value.clone());),
            Payload::Text => quote!(request.raw_body(CONTENT_TYPE, #value.clone().into_bytes());),
        };
        if body.required {
            write(quote!(&self.body), quote!(self.body))
        } else {
            let each = write(quote!(body), quote!(body));
            quote!(if let Some(body) = &self.body { #each })
        }
    });
    let fills = !op.parameters.is_empty() || needs_credentials || op.body.is_some();
    let start = quote!(::payments_runtime::http::Outgoing::new(
        METHOD,
        &base,
        &self.parameters.path()
    ));
    let build = if fills {
        quote! {
            let mut request = #start;
            #(#checks)*
            #query
            #headers
            #cookies
            #apply
            #body
            request.finish()
        }
    } else {
        quote!(#start.finish())
    };
    let credentials_arg = needs_credentials.then(|| quote!(, credentials: &Credentials));
    let servers = if op.servers.is_empty() {
        "the document's `servers` (`super::super::servers::Server0`, …)"
    } else {
        "this operation's own `servers` (`servers::Server0`, …)"
    };
    let server_docs = format!(
        " The request to `server`: one of {servers}, or any base URL (`\"https://…\"`), which \
         the path is appended to ({} below `https://api.example.com/v1` is \
         `https://api.example.com/v1{}`).",
        code_span(&op.path),
        op.path
    );
    let credentials_docs = needs_credentials.then(|| {
        quote!(
            ///
            /// `credentials` are written as their security scheme says (a header, a query
            /// parameter or a cookie).
        )
    });
    Some(quote! {
        #[doc = #server_docs]
        #credentials_docs
        ///
        /// Nothing that breaks the spec is built: every parameter and the body are checked
        /// first, and every violation is returned (at `/body/…`, `/query/{name}`,
        /// `/header/{name}`, …), with those of the server URL and of header values that a
        /// request cannot carry (code `request`).
        #gate
        pub fn to_http(
            &self,
            server: &(impl ::payments_runtime::http::Server + ?Sized)
            #credentials_arg
        ) -> Result<::payments_runtime::http::Request, ::payments_runtime::Violations> {
            let base = server.base_url()?;
            #build
        }
    })
}

/// `Credentials`: a scheme's type when the operation takes exactly one, else an enum of the
/// alternatives.
fn credentials(space: &TypeSpace, op: &Operation, http: Http) -> Option<TokenStream> {
    let gate = http.gate()?;
    if op.security.is_none() {
        return None;
    }
    let scheme_type = |key: &str| {
        let name = space
            .security_scheme(key)
            .map_or_else(|| format_ident!("Unknown"), |s| ident(&s.rust_name));
        quote!(super::super::security::#name)
    };
    let alternatives = &op.security.alternatives;
    if let [only] = alternatives.as_slice() {
        if let [key] = only.as_slice() {
            let ty = scheme_type(key);
            let docs = format!(
                " The credentials this operation takes: scheme {}.",
                code_span(key)
            );
            return Some(quote! {
                #[doc = #docs]
                #gate
                pub type Credentials = #ty;
            });
        }
    }
    // The document's security, when it takes an enum, is written once in `security`.
    if op.security == *space.document_security() && shares_document_credentials(space) {
        return Some(quote! {
            /// The credentials this operation takes: the document's `security`.
            #gate
            pub type Credentials = super::super::security::Credentials;
        });
    }
    Some(credentials_enum(
        space,
        &op.security,
        &quote!(super::super::security::),
        &gate,
        " The credentials this operation takes: any one of these.",
    ))
}

/// `payments_runtime::form::Style::…` of a query or form-member style (any other is `Form`).
pub(super) fn form_style(style: ParamStyle) -> TokenStream {
    let variant = form_style_variant(style);
    quote!(::payments_runtime::form::Style::#variant)
}

/// The `payments_runtime::form::Style` variant of a parameter or `encoding` style.
fn form_style_variant(style: ParamStyle) -> TokenStream {
    match style {
        ParamStyle::SpaceDelimited => quote!(SpaceDelimited),
        ParamStyle::PipeDelimited => quote!(PipeDelimited),
        ParamStyle::DeepObject => quote!(DeepObject),
        _ => quote!(Form),
    }
}

/// One `encoding` entry as a `payments_runtime::form::Field`, in a module that imports
/// `Field` and `Style` ([`form_uses`]): one line per member, as a table reads.
pub(super) fn form_field(field: &FormField) -> TokenStream {
    let name = &field.name;
    let style = form_style_variant(field.style);
    let explode = field.explode;
    quote!(Field::new(#name, Style::#style, #explode))
}

/// The import an `ENCODING` table of [`form_field`]s needs (`Style` only when it has an
/// entry), at the top of an operation's module, whose own items have fixed names, none of them
/// `Field` or `Style`.
pub(super) fn form_uses(fields: &[FormField]) -> TokenStream {
    if fields.is_empty() {
        quote!(
            use ::payments_runtime::form::Field;
        )
    } else {
        quote!(
            use ::payments_runtime::form::{Field, Style};
        )
    }
}

/// The parts of a multipart body `value` (an expression of the body's struct type): one per
/// member, in declaration order; a `Binary` member (or an array of them) as file parts, a
/// scalar as text, anything else as JSON; `types` are the `encoding` entries' `contentType`s.
fn multipart(
    space: &TypeSpace,
    ty: &TypeRef,
    types: &[(String, String)],
    value: &TokenStream,
    place: &TokenStream,
) -> TokenStream {
    let Some(fields) = struct_fields(space, ty) else {
        return quote!(compile_error!("a multipart body is a struct"););
    };
    let writes = fields.iter().map(|field| {
        let name = ident(&field.rust_name);
        let wire = &field.wire_name;
        let content_type = match types.iter().find(|(member, _)| member == wire) {
            Some((_, content_type)) => quote!(Some(#content_type)),
            None => quote!(None),
        };
        let write = match &field.ty {
            TypeRef::Binary => quote!(parts.file(#wire, item, #content_type);),
            TypeRef::Array(inner) if **inner == TypeRef::Binary => {
                quote!(for file in item { parts.file(#wire, file, #content_type); })
            }
            other => match params::scalar(space, other, 0) {
                Some(params::Scalar::Str | params::Scalar::Display) => {
                    quote!(parts.text(#wire, item.to_string(), #content_type);)
                }
                _ => quote!(parts.json(#wire, item, #content_type);),
            },
        };
        if field.required {
            quote!({ let item = &#place.#name; #write })
        } else {
            quote!(if let Some(item) = &#place.#name { #write })
        }
    });
    quote! {
        let mut parts = ::payments_runtime::multipart::Multipart::new();
        #(#writes)*
        request.multipart_body(#value, parts);
    }
}

/// The fields of the struct `ty` names (through aliases).
fn struct_fields<'s>(space: &'s TypeSpace, ty: &TypeRef) -> Option<&'s [crate::ir::Field]> {
    let mut ty = ty;
    for _ in 0..32 {
        let TypeRef::Named(name) = ty else {
            return None;
        };
        match &space.get(name)?.kind {
            TypeKind::Struct(s) => return Some(&s.fields),
            TypeKind::Alias(inner) => ty = inner,
            _ => return None,
        }
    }
    None
}
