//! `struct Parameters` and the methods that write its values as text, following each
//! parameter's style: `path()` (percent-encoded), `query()`, `headers()`, and `cookies()` when
//! the operation has cookie parameters.
//!
//! Scalars (strings, numbers, booleans, enums, constrained newtypes) are written with their
//! `Display`; arrays and maps of scalars as the style says (`form` + `explode` repeats the
//! name, `deepObject` writes `name[key]`, others join with `,`, ` ` or `|`); objects and
//! anything nested in the query as `payments_runtime::form::pairs` writes them by style
//! (`created[gt]=1`); anything else, and `content` parameters, as compact JSON.

use super::Helpers;
use crate::emit::docs::{code_span, doc_attrs};
use crate::emit::types::{ident, type_tokens_with, Paths};
use crate::ir::{
    Docs, Namer, Operation, ParamLocation, ParamStyle, Parameter, TypeKind, TypeRef, TypeSpace,
};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// How a value is written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scalar {
    /// A `String`: cloned.
    Str,
    /// With `Display`.
    Display,
    /// A `JsonValue`: a string as it is, anything else as JSON.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Scalar(Scalar),
    List(Scalar),
    Map(Scalar),
    Other,
}

/// How generated code reaches a value: as a receiver (`self.id`) and as a reference (`&self.id`).
struct Place {
    value: TokenStream,
    reference: TokenStream,
}

impl Place {
    fn field(name: &Ident) -> Place {
        Place {
            value: quote!(self.#name),
            reference: quote!(&self.#name),
        }
    }

    fn binding(name: &str) -> Place {
        let name = format_ident!("{name}");
        Place {
            value: quote!(#name),
            reference: quote!(#name),
        }
    }
}

enum Entry {
    One(TokenStream, TokenStream),
    Many(TokenStream),
}

/// The struct and its methods.
pub(super) fn parameters(space: &TypeSpace, op: &Operation, helpers: &mut Helpers) -> TokenStream {
    let fields = op.parameters.iter().map(field);
    let mut derives = vec![quote!(Debug), quote!(Clone), quote!(PartialEq)];
    if op.parameters.iter().all(|p| !p.required) {
        derives.push(quote!(Default));
    }
    let path = path_method(space, op, helpers);
    let query = pairs_method(space, op, ParamLocation::Query, helpers);
    let headers = pairs_method(space, op, ParamLocation::Header, helpers);
    let cookies = op
        .parameters
        .iter()
        .any(|p| p.location == ParamLocation::Cookie)
        .then(|| pairs_method(space, op, ParamLocation::Cookie, helpers));
    quote! {
        /// The path, query and header parameters.
        #[derive(#(#derives),*)]
        pub struct Parameters {
            #(#fields,)*
        }

        impl Parameters {
            #path
            #query
            #headers
            #cookies
        }
    }
}

fn field(p: &Parameter) -> TokenStream {
    let location = match p.location {
        ParamLocation::Path => "Path parameter",
        ParamLocation::Query => "Query parameter",
        ParamLocation::Header => "Header",
        ParamLocation::Cookie => "Cookie",
    };
    let mut extra = vec![format!("{location} {}.", code_span(&p.wire_name))];
    if p.style == ParamStyle::Json {
        extra.push("Sent as JSON text.".to_owned());
    }
    if p.docs.deprecated {
        extra.push("Deprecated.".to_owned());
    }
    // A `#[deprecated]` field would warn in the methods that read it: say it in words.
    let docs = doc_attrs(
        &Docs {
            deprecated: false,
            ..p.docs.clone()
        },
        &extra,
    );
    let name = ident(&p.rust_name);
    let mut ty = type_tokens_with(&p.ty, Paths::Full);
    if !p.required {
        ty = quote!(Option<#ty>);
    }
    quote!(#docs pub #name: #ty)
}

pub(super) fn scalar(space: &TypeSpace, ty: &TypeRef, depth: usize) -> Option<Scalar> {
    match ty {
        TypeRef::String => Some(Scalar::Str),
        TypeRef::Bool
        | TypeRef::Integer(_)
        | TypeRef::BigInt
        | TypeRef::Decimal(_)
        | TypeRef::DateTime
        | TypeRef::Base64 => Some(Scalar::Display),
        TypeRef::Json => Some(Scalar::Json),
        TypeRef::Named(name) if depth < 32 => match &space.get(name)?.kind {
            TypeKind::Enum(_) => Some(Scalar::Display),
            TypeKind::Newtype(n) => match scalar(space, &n.inner, depth + 1)? {
                Scalar::Str | Scalar::Display => Some(Scalar::Display),
                Scalar::Json => None,
            },
            TypeKind::Alias(inner) => scalar(space, inner, depth + 1),
            TypeKind::Struct(_) | TypeKind::OneOf(_) | TypeKind::Checked(_) => None,
        },
        _ => None,
    }
}

fn shape(space: &TypeSpace, ty: &TypeRef, depth: usize) -> Shape {
    if let Some(s) = scalar(space, ty, depth) {
        return Shape::Scalar(s);
    }
    match ty {
        TypeRef::Array(inner) => scalar(space, inner, depth).map_or(Shape::Other, Shape::List),
        TypeRef::Map(inner) => scalar(space, inner, depth).map_or(Shape::Other, Shape::Map),
        TypeRef::Named(name) if depth < 32 => match space.get(name).map(|def| &def.kind) {
            Some(TypeKind::Alias(inner)) => shape(space, inner, depth + 1),
            _ => Shape::Other,
        },
        _ => Shape::Other,
    }
}

fn text(s: Scalar, place: &Place, helpers: &mut Helpers) -> TokenStream {
    match s {
        Scalar::Str => {
            let value = &place.value;
            quote!(#value.clone())
        }
        Scalar::Display => {
            let value = &place.value;
            quote!(#value.to_string())
        }
        Scalar::Json => {
            helpers.json_text = true;
            let reference = &place.reference;
            quote!(super::json_text(#reference))
        }
    }
}

fn json(place: &Place) -> TokenStream {
    let reference = &place.reference;
    quote!(::serde_json::to_string(#reference).unwrap_or_default())
}

fn joined(s: Scalar, place: &Place, separator: &str, helpers: &mut Helpers) -> TokenStream {
    let value = &place.value;
    let each = match s {
        Scalar::Str | Scalar::Display => quote!(ToString::to_string),
        Scalar::Json => {
            helpers.json_text = true;
            quote!(super::json_text)
        }
    };
    quote!(#value.iter().map(#each).collect::<Vec<_>>().join(#separator))
}

/// `k=v,k=v` (exploded) or `k,v,k,v`.
fn map_joined(s: Scalar, place: &Place, explode: bool, helpers: &mut Helpers) -> TokenStream {
    let value = &place.value;
    let item = text(s, &Place::binding("item"), helpers);
    let format = if explode { "{key}={}" } else { "{key},{}" };
    quote!(#value.iter().map(|(key, item)| format!(#format, #item)).collect::<Vec<_>>().join(","))
}

fn entry(
    space: &TypeSpace,
    p: &Parameter,
    place: &Place,
    key: &TokenStream,
    helpers: &mut Helpers,
) -> Entry {
    let value = &place.value;
    if p.style == ParamStyle::Json {
        return Entry::One(key.clone(), json(place));
    }
    match shape(space, &p.ty, 0) {
        Shape::Scalar(s) => Entry::One(key.clone(), text(s, place, helpers)),
        Shape::List(s) if p.location == ParamLocation::Query => {
            let separator = match p.style {
                ParamStyle::SpaceDelimited => " ",
                ParamStyle::PipeDelimited => "|",
                _ => ",",
            };
            if p.style == ParamStyle::Form && p.explode {
                let item = text(s, &Place::binding("item"), helpers);
                Entry::Many(quote!(#value.iter().map(|item| (#key, #item))))
            } else {
                Entry::One(key.clone(), joined(s, place, separator, helpers))
            }
        }
        Shape::List(s) => Entry::One(key.clone(), joined(s, place, ",", helpers)),
        Shape::Map(s)
            if p.location == ParamLocation::Query && p.style == ParamStyle::DeepObject =>
        {
            let item = text(s, &Place::binding("item"), helpers);
            let format = format!("{}[{{key}}]", escape_braces(&p.wire_name));
            Entry::Many(quote!(#value.iter().map(|(key, item)| (format!(#format), #item))))
        }
        Shape::Map(s) if p.location == ParamLocation::Query && p.explode => {
            let item = text(s, &Place::binding("item"), helpers);
            Entry::Many(quote!(#value.iter().map(|(key, item)| (key.clone(), #item))))
        }
        Shape::Map(s) => Entry::One(key.clone(), map_joined(s, place, p.explode, helpers)),
        // An object (or a union, or nested arrays) in the query: written by its style as a
        // form writes a member (`created[gt]=1` for `deepObject`, `gt=1` for exploded `form`).
        Shape::Other if p.location == ParamLocation::Query => {
            let reference = &place.reference;
            let wire = &p.wire_name;
            let style = super::send::form_style(p.style);
            let explode = p.explode;
            Entry::Many(quote!(::payments_runtime::form::pairs(
                #wire, #reference, #style, #explode,
            )))
        }
        // An object in a header: OpenAPI's `simple` style (`R,100,G,200`, exploded `R=100,G=200`).
        Shape::Other if p.location == ParamLocation::Header => {
            let reference = &place.reference;
            let explode = p.explode;
            Entry::One(
                key.clone(),
                quote!(::payments_runtime::form::simple(#reference, #explode)),
            )
        }
        Shape::Other => Entry::One(key.clone(), json(place)),
    }
}

/// `query()`, `headers()` or `cookies()`: (name, value) pairs in declaration order.
fn pairs_method(
    space: &TypeSpace,
    op: &Operation,
    location: ParamLocation,
    helpers: &mut Helpers,
) -> TokenStream {
    let (method, doc, key_type) = match location {
        ParamLocation::Query => (
            "query",
            " The query parameters as (name, value) pairs, in declaration order; the HTTP \
             client percent-encodes them.",
            quote!(String),
        ),
        ParamLocation::Header => (
            "headers",
            " The header parameters as (name, value) pairs, names spelled as documented.",
            quote!(&'static str),
        ),
        _ => (
            "cookies",
            " The cookie parameters as (name, value) pairs.",
            quote!(&'static str),
        ),
    };
    let mut leading = Vec::new();
    let mut statements = Vec::new();
    for p in op.parameters.iter().filter(|p| p.location == location) {
        let wire = &p.wire_name;
        let key = if location == ParamLocation::Query {
            quote!(#wire.to_owned())
        } else {
            quote!(#wire)
        };
        let name = ident(&p.rust_name);
        let place = if p.required {
            Place::field(&name)
        } else {
            Place::binding("value")
        };
        let statement = match entry(space, p, &place, &key, helpers) {
            Entry::One(key, value) if p.required && statements.is_empty() => {
                leading.push(quote!((#key, #value)));
                continue;
            }
            Entry::One(key, value) => quote!(pairs.push((#key, #value));),
            Entry::Many(iter) => quote!(pairs.extend(#iter);),
        };
        statements.push(if p.required {
            statement
        } else {
            quote!(if let Some(value) = &self.#name { #statement })
        });
    }
    let init = if leading.is_empty() {
        quote!(Vec::new())
    } else {
        quote!(vec![#(#leading),*])
    };
    let body = if statements.is_empty() {
        init
    } else {
        quote! {
            let mut pairs = #init;
            #(#statements)*
            pairs
        }
    };
    let method = format_ident!("{method}");
    quote! {
        #[doc = #doc]
        pub fn #method(&self) -> Vec<(#key_type, String)> {
            #body
        }
    }
}

/// `path()`: the template with each `{name}` replaced by its percent-encoded value, each
/// value first bound to a local of the parameter's name so the `format!` reads like the
/// template.
fn path_method(space: &TypeSpace, op: &Operation, helpers: &mut Helpers) -> TokenStream {
    let mut format = String::new();
    let mut bindings = Vec::new();
    let mut locals = Namer::new();
    let mut rest = op.path.as_str();
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        let parameter = op
            .parameters
            .iter()
            .find(|p| p.location == ParamLocation::Path && p.wire_name == name);
        format.push_str(&escape_braces(&rest[..start]));
        match parameter {
            Some(p) => {
                match p.style {
                    ParamStyle::Label => format.push('.'),
                    ParamStyle::Matrix => format.push_str(&format!(";{}=", escape_braces(name))),
                    _ => {}
                }
                // A raw identifier cannot be named inside a format string: `r#type` → `type_`.
                let local = match p.rust_name.strip_prefix("r#") {
                    Some(keyword) => locals.unique(&format!("{keyword}_")),
                    None => locals.unique(&p.rust_name),
                };
                format.push_str(&format!("{{{local}}}"));
                let local = ident(&local);
                let value = path_value(space, p, helpers);
                bindings.push(quote!(let #local = #value;));
            }
            None => format.push_str(&escape_braces(&rest[start..start + end + 2])),
        }
        rest = &after[end + 1..];
    }
    format.push_str(&escape_braces(rest));
    let body = if bindings.is_empty() {
        quote!(PATH.to_owned())
    } else {
        helpers.encode = true;
        quote!(#(#bindings)* format!(#format))
    };
    quote! {
        /// [`PATH`] with the path parameters filled in, percent-encoded.
        pub fn path(&self) -> String {
            #body
        }
    }
}

fn path_value(space: &TypeSpace, p: &Parameter, helpers: &mut Helpers) -> TokenStream {
    let name = ident(&p.rust_name);
    let place = Place::field(&name);
    if p.style == ParamStyle::Json {
        let json = json(&place);
        return quote!(super::encode(&#json));
    }
    match shape(space, &p.ty, 0) {
        Shape::Scalar(Scalar::Str) => quote!(super::encode(&self.#name)),
        Shape::Scalar(s) => {
            let text = text(s, &place, helpers);
            quote!(super::encode(&#text))
        }
        Shape::List(s) => {
            let item = text(s, &Place::binding("item"), helpers);
            quote!(self.#name.iter().map(|item| super::encode(&#item)).collect::<Vec<_>>().join(","))
        }
        Shape::Map(_) | Shape::Other if p.style == ParamStyle::Simple => {
            let explode = p.explode;
            quote!(super::encode(&::payments_runtime::form::simple(&self.#name, #explode)))
        }
        Shape::Map(_) | Shape::Other => {
            let json = json(&place);
            quote!(super::encode(&#json))
        }
    }
}

fn escape_braces(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}
