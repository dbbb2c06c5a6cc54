//! How an IR type is spelled in Rust, and the serde adapter a field needs for its wire form.

use crate::ir::{DecimalWire, Field, IntWidth, TypeKind, TypeRef, TypeSpace};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// An identifier from generated names, which may be raw (`r#type`).
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// How a type's names are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paths {
    /// As the module's `use` lines import them (`Decimal`, `Payment`).
    Imported,
    /// In full, valid two modules below the models (`::rust_decimal::Decimal`,
    /// `super::super::Payment`): what the operation modules write, needing no imports and
    /// never shadowed by a model's name.
    Full,
}

/// The Rust spelling of a type, as the module's `use` lines import its names.
pub fn type_tokens(ty: &TypeRef) -> TokenStream {
    type_tokens_with(ty, Paths::Imported)
}

/// The Rust spelling of a type, its names written as `paths` says.
pub fn type_tokens_with(ty: &TypeRef, paths: Paths) -> TokenStream {
    let full = paths == Paths::Full;
    // A library type: its imported name, or its full path.
    let library = |name: TokenStream, path: TokenStream| if full { path } else { name };
    match ty {
        TypeRef::Named(name) => {
            let name = ident(name);
            if full {
                quote!(super::super::#name)
            } else {
                quote!(#name)
            }
        }
        TypeRef::String => quote!(String),
        TypeRef::Bool => quote!(bool),
        TypeRef::Integer(IntWidth::I32) => quote!(i32),
        TypeRef::Integer(IntWidth::I64) => quote!(i64),
        TypeRef::BigInt => library(quote!(BigInt), quote!(::payments_runtime::BigInt)),
        TypeRef::Decimal(_) => library(quote!(Decimal), quote!(::rust_decimal::Decimal)),
        TypeRef::DateTime => library(quote!(DateTime), quote!(::payments_runtime::DateTime)),
        TypeRef::Base64 => library(quote!(Base64), quote!(::payments_runtime::Base64)),
        TypeRef::Binary => quote!(::payments_runtime::Binary),
        TypeRef::Json => library(quote!(JsonValue), quote!(::payments_runtime::JsonValue)),
        TypeRef::Array(inner) => {
            let inner = type_tokens_with(inner, paths);
            quote!(Vec<#inner>)
        }
        TypeRef::Map(inner) => {
            let inner = type_tokens_with(inner, paths);
            let map = library(quote!(BTreeMap), quote!(::std::collections::BTreeMap));
            quote!(#map<String, #inner>)
        }
        TypeRef::Nullable(inner) => {
            let inner = type_tokens_with(inner, paths);
            let nullable = library(quote!(Nullable), quote!(::payments_runtime::Nullable));
            quote!(#nullable<#inner>)
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
pub fn field_adapter(
    space: &TypeSpace,
    ty: &TypeRef,
    required: bool,
) -> Option<(&'static str, &'static str)> {
    if let Some(wire) = decimal_wire(ty) {
        return Some(("with", decimal_adapter(wire)));
    }
    // An optional member that may hold `null` as a value: serde's `Option` would read it as absent.
    if !required && holds_any_json(space, ty, 0) {
        return Some(("with", "::payments_runtime::present"));
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

/// Whether `ty` is JSON kept as read (`JsonValue`, a checked type, or an alias of one), whose
/// values include `null`.
pub(crate) fn holds_any_json(space: &TypeSpace, ty: &TypeRef, depth: usize) -> bool {
    match ty {
        TypeRef::Json => true,
        TypeRef::Named(name) if depth < 32 => match space.get(name).map(|def| &def.kind) {
            Some(TypeKind::Checked(_)) => true,
            Some(TypeKind::Alias(inner)) => holds_any_json(space, inner, depth + 1),
            _ => false,
        },
        _ => false,
    }
}

/// A member's type without the `Option` of an optional one: boxed where the recursion pass
/// said so, the box inside `Nullable` so that the `nullable` adapter still sees
/// `Option<Nullable<_>>`.
pub(super) fn member_type(field: &Field) -> TokenStream {
    match (&field.ty, field.boxed) {
        (TypeRef::Nullable(inner), true) => {
            let inner = type_tokens(inner);
            quote!(Nullable<Box<#inner>>)
        }
        (ty, true) => {
            let ty = type_tokens(ty);
            quote!(Box<#ty>)
        }
        (ty, false) => type_tokens(ty),
    }
}

/// Whether `ty` names a type marked deprecated (directly or as an item, value or nullable).
pub(super) fn refers_to_deprecated(space: &TypeSpace, ty: &TypeRef) -> bool {
    ty.named_within()
        .and_then(|name| space.get(name))
        .is_some_and(|def| def.docs.deprecated)
}
