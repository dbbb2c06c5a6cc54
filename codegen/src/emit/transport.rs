//! The `servers` module (of the document, and of an operation with servers of its own) and
//! the `security` module: the values an operation's `Request::to_http` takes. Both need the
//! runtime's `http` feature, so they are emitted behind `cfg(feature = "http")` (see
//! [`Http`]).

use super::docs::{code_span, doc_attrs};
use super::types::ident;
use crate::ir::{
    Docs, KeyLocation, SchemeKind, Security, SecurityScheme, Server, ServerVariable, TypeSpace,
};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// Whether the `http` parts (`Request::to_http`, `Response::from_http`, `servers`, `security`)
/// are emitted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Http {
    /// Behind `#[cfg(feature = "http")]`: for a crate whose `Cargo.toml` declares the feature
    /// (the models crate, crates of `--spec/--out`).
    #[default]
    Feature,
    /// Not at all (`include_spec!`, whose caller's features are its own).
    Off,
}

impl Http {
    /// The attribute to put on an `http` item, or `None` when such items are left out.
    pub fn gate(self) -> Option<TokenStream> {
        match self {
            Http::Feature => Some(quote!(#[cfg(feature = "http")])),
            Http::Off => None,
        }
    }
}

/// `pub mod servers { … }` of `servers`, or nothing when there are none (or `http` is off).
pub fn servers_module(servers: &[Server], http: Http, own: bool) -> TokenStream {
    let Some(gate) = http.gate() else {
        return TokenStream::new();
    };
    if servers.is_empty() {
        return TokenStream::new();
    }
    let docs = if own {
        " The servers this operation is sent to (its own `servers`, which replace the \
         document's): pass one to `Request::to_http`, or any base URL (`\"https://…\"`)."
    } else {
        " The servers the document lists (`servers`): pass one to an operation's \
         `Request::to_http`, or any base URL (`\"https://…\"`)."
    };
    let items = servers.iter().map(server);
    quote! {
        #[doc = #docs]
        #gate
        pub mod servers {
            #(#items)*
        }
    }
}

fn server(server: &Server) -> TokenStream {
    let name = ident(&server.rust_name);
    let mut lines = vec![code_span(&server.url)];
    if server.is_relative() {
        lines.push(
            "Relative: resolved against the URL the OpenAPI document is served from \
             ([`document`](Self::document))."
                .to_owned(),
        );
    }
    let docs = doc_attrs(
        &Docs {
            title: server.description.clone(),
            ..Docs::default()
        },
        &lines,
    );
    let url = &server.url;
    let mut fields = Vec::new();
    let mut defaults = Vec::new();
    let mut pairs = Vec::new();
    let mut enums = Vec::new();
    for variable in &server.variables {
        let field = ident(&variable.rust_name);
        let wire = &variable.name;
        let default = &variable.default;
        let field_docs = doc_attrs(
            &Docs {
                description: variable.description.clone(),
                ..Docs::default()
            },
            &[format!(
                "The variable {} (default {}).",
                code_span(&format!("{{{wire}}}")),
                code_span(default)
            )],
        );
        match variable_enum(server, variable) {
            Some((ty, item, default_variant)) => {
                fields.push(quote!(#field_docs pub #field: #ty));
                defaults.push(quote!(#field: #ty::#default_variant));
                pairs.push(quote!((#wire, self.#field.as_str())));
                enums.push(item);
            }
            None => {
                fields.push(quote!(#field_docs pub #field: String));
                defaults.push(quote!(#field: #default.to_owned()));
                pairs.push(quote!((#wire, self.#field.as_str())));
            }
        }
    }
    let base_url = |document: TokenStream| {
        quote! {
            impl ::payments_runtime::http::Server for #name {
                fn base_url(&self) -> Result<::payments_runtime::http::BaseUrl, ::payments_runtime::Violations> {
                    ::payments_runtime::http::server_url(#url, &[#(#pairs),*], #document)
                }
            }
        }
    };
    if server.is_relative() {
        let server_impl = base_url(quote!(Some(&self.document)));
        let assigns = defaults.iter();
        return quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, Eq)]
            pub struct #name {
                /// The URL the OpenAPI document is served from (its origin is enough for a
                /// server URL that starts with `/`).
                pub document: String,
                #(#fields,)*
            }

            impl #name {
                /// This server, relative to the document served from `document`, the
                /// variables at their defaults.
                pub fn new(document: impl Into<String>) -> Self {
                    #name { document: document.into(), #(#assigns,)* }
                }
            }

            #server_impl
            #(#enums)*
        };
    }
    let server_impl = base_url(quote!(None));
    if fields.is_empty() {
        return quote! {
            #docs
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
            pub struct #name;

            #server_impl
        };
    }
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct #name {
            #(#fields,)*
        }

        impl Default for #name {
            /// Every variable at its default.
            fn default() -> Self {
                #name { #(#defaults,)* }
            }
        }

        #server_impl
        #(#enums)*
    }
}

/// The enum of a variable with an `enum` that holds its default: its type, item and default
/// variant. A variable without values, or whose default is not among them, is a `String`.
fn variable_enum(
    server: &Server,
    variable: &ServerVariable,
) -> Option<(proc_macro2::Ident, TokenStream, proc_macro2::Ident)> {
    let default = variable
        .values
        .iter()
        .find(|v| v.wire == variable.default)?;
    let ty = format_ident!(
        "{}{}",
        server.rust_name,
        crate::ir::type_ident(&variable.name)
    );
    let variants = variable.values.iter().map(|v| {
        let name = ident(&v.rust_name);
        let doc = format!(" {}", code_span(&v.wire));
        let default = (v.wire == variable.default).then(|| quote!(#[default]));
        quote!(#[doc = #doc] #default #name)
    });
    let arms = variable.values.iter().map(|v| {
        let name = ident(&v.rust_name);
        let wire = &v.wire;
        quote!(#ty::#name => #wire)
    });
    let docs = format!(
        " The values of {} ({}'s `enum`).",
        code_span(&format!("{{{}}}", variable.name)),
        server.rust_name
    );
    let default_variant = ident(&default.rust_name);
    let item = quote! {
        #[doc = #docs]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub enum #ty {
            #(#variants,)*
        }

        impl #ty {
            /// The value as the URL carries it.
            pub fn as_str(&self) -> &'static str {
                match self { #(#arms,)* }
            }
        }
    };
    Some((ty, item, default_variant))
}

/// `pub mod security { … }`: one credentials type per security scheme.
pub fn security_module(space: &TypeSpace, http: Http) -> TokenStream {
    let Some(gate) = http.gate() else {
        return TokenStream::new();
    };
    if space.security_schemes().is_empty() {
        return TokenStream::new();
    }
    let items = space.security_schemes().iter().map(scheme);
    let shared = shares_document_credentials(space).then(|| {
        credentials_enum(
            space,
            space.document_security(),
            &TokenStream::new(),
            &TokenStream::new(),
            " The credentials of the document's `security`, which every operation that states \
             none of its own takes: any one of these.",
        )
    });
    quote! {
        /// The security schemes of this API (`components.securitySchemes`): each type holds
        /// the credentials an operation's `Request::to_http` writes into the request.
        /// Secrets are [`Secret`](::payments_runtime::http::Secret)s: `Debug` does not show
        /// them and the headers carrying them are marked sensitive.
        #gate
        pub mod security {
            #(#items)*
            #shared
        }
    }
}

fn scheme(scheme: &SecurityScheme) -> TokenStream {
    let name = ident(&scheme.rust_name);
    let key = code_span(&scheme.key);
    let (how, shape, new, apply) = match &scheme.kind {
        SchemeKind::ApiKey {
            location,
            name: wire,
        } => {
            let (place, location) = match location {
                KeyLocation::Header => ("header", quote!(Header)),
                KeyLocation::Query => ("query parameter", quote!(Query)),
                KeyLocation::Cookie => ("cookie", quote!(Cookie)),
            };
            (
                format!("An API key, sent in the {place} {}.", code_span(wire)),
                quote!((pub ::payments_runtime::http::Secret);),
                quote! {
                    /// The credentials of `key`.
                    pub fn new(key: impl Into<::payments_runtime::http::Secret>) -> Self {
                        #name(key.into())
                    }
                },
                quote!(request.api_key(::payments_runtime::http::KeyIn::#location, #wire, &self.0)),
            )
        }
        SchemeKind::Bearer { origin } => (
            format!("{origin}, sent as `Authorization: Bearer <token>`."),
            quote!((pub ::payments_runtime::http::Secret);),
            quote! {
                /// The credentials of `token`.
                pub fn new(token: impl Into<::payments_runtime::http::Secret>) -> Self {
                    #name(token.into())
                }
            },
            quote!(request.bearer(&self.0)),
        ),
        SchemeKind::Basic => (
            "A user and password, sent as `Authorization: Basic` (RFC 7617).".to_owned(),
            quote! {
                {
                    /// The user name (RFC 7617: it cannot hold a `:`).
                    pub user: String,
                    /// The password.
                    pub password: ::payments_runtime::http::Secret,
                }
            },
            quote! {
                /// The credentials of `user` and `password`.
                pub fn new(user: impl Into<String>, password: impl Into<::payments_runtime::http::Secret>) -> Self {
                    #name { user: user.into(), password: password.into() }
                }
            },
            quote!(request.basic(&self.user, &self.password)),
        ),
        SchemeKind::Authorization {
            scheme: http_scheme,
        } => (
            format!(
                "The HTTP {} scheme: the whole `Authorization` value (`{http_scheme} …`), as \
                 the caller computes it.",
                code_span(http_scheme)
            ),
            quote!((pub ::payments_runtime::http::Secret);),
            quote! {
                /// The credentials of `value`, the whole `Authorization` header value.
                pub fn new(value: impl Into<::payments_runtime::http::Secret>) -> Self {
                    #name(value.into())
                }
            },
            quote!(request.authorization(&self.0)),
        ),
    };
    let docs = doc_attrs(&scheme.docs, &[format!("Scheme {key}. {how}")]);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct #name #shape

        impl #name {
            #new
        }

        impl ::payments_runtime::http::Credential for #name {
            fn apply(&self, request: &mut ::payments_runtime::http::Outgoing) {
                #apply;
            }
        }
    }
}

/// Whether the document's `security` is an enum of alternatives, written once as
/// `security::Credentials` (no scheme is itself named `Credentials`).
pub fn shares_document_credentials(space: &TypeSpace) -> bool {
    let security = space.document_security();
    let single = matches!(security.alternatives.as_slice(), [only] if only.len() == 1);
    !security.is_none()
        && !single
        && space
            .security_schemes()
            .iter()
            .all(|scheme| scheme.rust_name != "Credentials")
}

/// `enum Credentials` of `security`'s alternatives and its `Credential` impl; scheme types
/// are named with `prefix` (`super::super::security::`, or nothing inside `security`), every
/// item marked with `gate`.
pub fn credentials_enum(
    space: &TypeSpace,
    security: &Security,
    prefix: &TokenStream,
    gate: &TokenStream,
    docs: &str,
) -> TokenStream {
    let scheme_name = |key: &str| {
        space
            .security_scheme(key)
            .map_or_else(|| crate::ir::type_ident(key), |s| s.rust_name.clone())
    };
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    for keys in &security.alternatives {
        if keys.is_empty() {
            variants.push(quote!(
                /// None: the operation may be called without credentials (`{}` in its
                /// `security`).
                Anonymous
            ));
            arms.push(quote!(Self::Anonymous => {}));
            continue;
        }
        let names: Vec<String> = keys.iter().map(|key| scheme_name(key)).collect();
        let variant = format_ident!("{}", names.join("And"));
        let types = names.iter().map(|name| {
            let name = ident(name);
            quote!(#prefix #name)
        });
        let bindings: Vec<_> = (0..keys.len())
            .map(|i| format_ident!("scheme{i}"))
            .collect();
        let shown: Vec<String> = keys.iter().map(|key| code_span(key)).collect();
        let doc = format!(" Scheme {}.", shown.join(" and "));
        variants.push(quote!(#[doc = #doc] #variant(#(#types),*)));
        arms.push(quote!(Self::#variant(#(#bindings),*) => {
            #(::payments_runtime::http::Credential::apply(#bindings, request);)*
        }));
    }
    quote! {
        #[doc = #docs]
        #gate
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum Credentials {
            #(#variants,)*
        }

        #gate
        impl ::payments_runtime::http::Credential for Credentials {
            fn apply(&self, request: &mut ::payments_runtime::http::Outgoing) {
                match self { #(#arms)* }
            }
        }
    }
}
