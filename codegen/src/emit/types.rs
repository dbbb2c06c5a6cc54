//! How an IR type is spelled in Rust, and the serde adapter a field needs for its wire form.

use crate::ir::{DecimalWire, IntWidth, TypeRef};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// An identifier from generated names, which may be raw (`r#type`).
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The Rust spelling of a type.
pub fn type_tokens(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Named(name) => {
            let name = ident(name);
            quote!(#name)
        }
        TypeRef::String => quote!(String),
        TypeRef::Bool => quote!(bool),
        TypeRef::Integer(IntWidth::I32) => quote!(i32),
        TypeRef::Integer(IntWidth::I64) => quote!(i64),
        TypeRef::BigInt => quote!(BigInt),
        TypeRef::Decimal(_) => quote!(Decimal),
        TypeRef::DateTime => quote!(DateTime),
        TypeRef::Base64 => quote!(Base64),
        TypeRef::Json => quote!(Value),
        TypeRef::Array(inner) => {
            let inner = type_tokens(inner);
            quote!(Vec<#inner>)
        }
        TypeRef::Map(inner) => {
            let inner = type_tokens(inner);
            quote!(BTreeMap<String, #inner>)
        }
        TypeRef::Nullable(inner) => {
            let inner = type_tokens(inner);
            quote!(Nullable<#inner>)
        }
    }
}

/// The decimal wire form of a field type the decimal adapters support directly
/// (`Decimal`, `Nullable<Decimal>`, `Vec<Decimal>`; `Option` around any of them).
pub fn decimal_wire(ty: &TypeRef) -> Option<DecimalWire> {
    match ty {
        TypeRef::Decimal(wire) => Some(*wire),
        TypeRef::Nullable(inner) | TypeRef::Array(inner) => match inner.as_ref() {
            TypeRef::Decimal(wire) => Some(*wire),
            _ => None,
        },
        _ => None,
    }
}

/// The `with` module for a decimal wire form.
pub fn decimal_adapter(wire: DecimalWire) -> &'static str {
    match wire {
        DecimalWire::Number => "::payments_runtime::wire::decimal_number",
        DecimalWire::String => "::payments_runtime::wire::decimal_string",
    }
}

/// The serde adapter attribute (`with = …` or `deserialize_with = …`) a field needs, if any.
pub fn field_adapter(ty: &TypeRef, required: bool) -> Option<(&'static str, &'static str)> {
    if let Some(wire) = decimal_wire(ty) {
        return Some(("with", decimal_adapter(wire)));
    }
    match (ty, required) {
        (TypeRef::Nullable(_), false) => Some(("with", "::payments_runtime::nullable")),
        // Without it serde would read an absent required nullable member as `null`.
        (TypeRef::Nullable(_), true) => {
            Some(("deserialize_with", "::payments_runtime::nullable::required"))
        }
        _ => None,
    }
}
