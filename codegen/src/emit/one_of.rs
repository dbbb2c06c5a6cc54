//! oneOf / anyOf → a Rust enum deriving `OneOf` (`payments_codegen::derive`), whose
//! `#[one_of(…)]` says how a value selects its variant: by discriminator, by a member only one
//! variant requires, or by trying each in order.

use super::docs::doc_attrs;
use super::types::{ident, type_tokens};
use crate::ir::{DecimalWire, OneOf, Tagging, TypeDef, TypeKind, TypeRef, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

/// The enum, its variants' selectors and how they are told apart.
pub fn one_of_item(space: &TypeSpace, def: &TypeDef, o: &OneOf) -> TokenStream {
    let name = ident(&def.name);
    let docs = doc_attrs(&def.docs, &[]);
    let variant_idents: Vec<_> = o.variants.iter().map(|v| ident(&v.rust_name)).collect();
    let variant_types: Vec<_> = o.variants.iter().map(|v| type_tokens(&v.ty)).collect();
    let (mode, selectors): (TokenStream, Vec<TokenStream>) = match &o.tagging {
        Tagging::Tagged { property } => (
            quote!(tag = #property),
            o.variants
                .iter()
                .map(|v| {
                    let tag = v.tag_value.clone().unwrap_or_default();
                    quote!(#[one_of(tag = #tag)])
                })
                .collect(),
        ),
        Tagging::Present { keys } => (
            quote!(present),
            keys.iter()
                .map(|key| quote!(#[one_of(present = #key)]))
                .collect(),
        ),
        Tagging::Untagged => {
            // A value built in Rust (or read by serde, which takes the first alternative that
            // reads) is checked against the other alternatives of an exclusive `oneOf`
            // through its JSON, unless no JSON value can satisfy two of them.
            let mode = match (o.exclusive, o.exclusive && !disjoint(space, o)) {
                (true, true) => quote!(untagged, exactly_one, overlapping),
                (true, false) => quote!(untagged, exactly_one),
                (false, _) => quote!(untagged),
            };
            (mode, vec![TokenStream::new(); o.variants.len()])
        }
    };
    // A response's discriminated union keeps an undocumented discriminator value.
    let unknown = unknown_variant(o).map(|unknown| {
        quote! {
            /// A variant this version of the spec does not document (an undocumented
            /// discriminator value), kept exactly as received.
            #[one_of(unknown)]
            #unknown(payments_runtime::JsonValue),
        }
    });
    // Variants are held inline, as `Response` holds its bodies: which one is large is a
    // question of Rust layout the generator cannot answer, and boxing would change how every
    // variant is built and matched.
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, OneOf)]
        #[one_of(#mode)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#selectors #variant_idents(#variant_types),)*
            #unknown
        }
    }
}

/// The name of the variant that keeps an undocumented discriminator value (`Unknown`, or
/// `UnknownVariant` when a documented variant is called `Unknown`), for open tagged unions.
fn unknown_variant(o: &OneOf) -> Option<proc_macro2::Ident> {
    if !o.open || !matches!(o.tagging, Tagging::Tagged { .. }) {
        return None;
    }
    let taken = |name: &str| o.variants.iter().any(|v| v.rust_name == name);
    let name = ["Unknown", "UnknownVariant", "UndocumentedVariant"]
        .into_iter()
        .find(|name| !taken(name))
        .unwrap_or("UndocumentedVariant0");
    Some(ident(name))
}

/// JSON types, as bits.
const NULL: u8 = 1;
const BOOL: u8 = 2;
const NUMBER: u8 = 4;
const STRING: u8 = 8;
const ARRAY: u8 = 16;
const OBJECT: u8 = 32;
const ANY: u8 = 63;

/// Whether no JSON value can be read by two alternatives: their JSON types do not overlap, so
/// `oneOf`'s "exactly one" holds whenever one alternative reads the value.
fn disjoint(space: &TypeSpace, o: &OneOf) -> bool {
    let mut seen = 0u8;
    for variant in &o.variants {
        let kinds = json_kinds(space, &variant.ty, 0);
        if seen & kinds != 0 {
            return false;
        }
        seen |= kinds;
    }
    true
}

/// The JSON types a value of `ty` can be read from.
fn json_kinds(space: &TypeSpace, ty: &TypeRef, depth: usize) -> u8 {
    match ty {
        TypeRef::String | TypeRef::DateTime | TypeRef::Base64 | TypeRef::Binary => STRING,
        TypeRef::Decimal(DecimalWire::String) => STRING,
        TypeRef::Decimal(DecimalWire::Number) | TypeRef::Integer(_) | TypeRef::BigInt => NUMBER,
        TypeRef::Bool => BOOL,
        TypeRef::Array(_) => ARRAY,
        TypeRef::Map(_) => OBJECT,
        TypeRef::Nullable(inner) => NULL | json_kinds(space, inner, depth + 1),
        TypeRef::Json => ANY,
        TypeRef::Named(name) if depth < 32 => match space.get(name).map(|d| &d.kind) {
            Some(TypeKind::Struct(_)) => OBJECT,
            Some(TypeKind::Enum(_)) => STRING,
            Some(TypeKind::Newtype(n)) => json_kinds(space, &n.inner, depth + 1),
            Some(TypeKind::Alias(inner)) => json_kinds(space, inner, depth + 1),
            Some(TypeKind::OneOf(inner)) => inner
                .variants
                .iter()
                .fold(0, |kinds, v| kinds | json_kinds(space, &v.ty, depth + 1)),
            Some(TypeKind::Checked(_)) | None => ANY,
        },
        TypeRef::Named(_) => ANY,
    }
}
