//! oneOf / anyOf → a Rust enum with hand-written serde and validation impls: variants chosen
//! by discriminator, by a member only one variant requires, or by trying each in order.

use super::docs::doc_attrs;
use super::types::{ident, type_tokens};
use crate::ir::{DecimalWire, OneOf, Tagging, TypeDef, TypeKind, TypeRef, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

/// The enum and its impls.
pub fn one_of_item(space: &TypeSpace, def: &TypeDef, o: &OneOf) -> TokenStream {
    let name = ident(&def.name);
    let docs = doc_attrs(&def.docs, &[]);
    let variant_idents: Vec<_> = o.variants.iter().map(|v| ident(&v.rust_name)).collect();
    let variant_types: Vec<_> = o.variants.iter().map(|v| type_tokens(&v.ty)).collect();
    let names: Vec<String> = o.variants.iter().map(|v| v.rust_name.clone()).collect();
    let expected = names.join(", ");
    // Discriminator values in variant order, and how a message lists them.
    let tags: Vec<String> = o
        .variants
        .iter()
        .map(|v| v.tag_value.clone().unwrap_or_default())
        .collect();
    let listed = tags
        .iter()
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(", ");
    // A response's discriminated union keeps an undocumented discriminator value.
    let unknown_ident = unknown_variant(o);
    let deserialize_body = match &o.tagging {
        Tagging::Tagged { property } => {
            let unknown =
                format!("unknown `{property}` value `{{other}}`: expected one of {listed}");
            let missing = format!("missing discriminator `{property}`");
            let other = match &unknown_ident {
                Some(unknown_ident) => {
                    quote!(Some(_) => Ok(Self::#unknown_ident(value.into_owned())),)
                }
                None => quote!(Some(other) => Err(Error::custom(format!(#unknown))),),
            };
            quote! {
                match value.get(#property).and_then(payments_runtime::Json::as_str) {
                    #(Some(#tags) => <#variant_types as serde::Deserialize>::deserialize(&value).map(Self::#variant_idents).map_err(Error::custom),)*
                    #other
                    None => Err(Error::custom(#missing)),
                }
            }
        }
        Tagging::Present { keys } => {
            let none = format!(
                "none of the members that select a variant is present: {}",
                keys.join(", ")
            );
            quote! {
                #(if value.get(#keys).is_some() {
                    return <#variant_types as serde::Deserialize>::deserialize(&value).map(Self::#variant_idents).map_err(Error::custom);
                })*
                Err(Error::custom(#none))
            }
        }
        Tagging::Untagged => {
            let none = format!("matches none of {expected}");
            quote! {
                #(if let Ok(v) = <#variant_types as serde::Deserialize>::deserialize(&value) {
                    return Ok(Self::#variant_idents(v));
                })*
                Err(Error::custom(#none))
            }
        }
    };
    let many = format!("matches more than one of {expected}; exactly one must match");
    // The check, plain (`check_json`) or also adding what the alternative the value takes
    // evaluates (`check_json_evaluated`, for `unevaluated*` around a `$ref`), in one pass.
    let check_body = |evaluating: bool| -> TokenStream {
        let check = |out: TokenStream, into: TokenStream| {
            if evaluating {
                quote!(check_json_evaluated(value, at, #out, #into))
            } else {
                quote!(check_json(value, at, #out))
            }
        };
        let uses = quote! {
            #[allow(unused_imports)]
            use payments_runtime::{CheckJson, Code};
        };
        match &o.tagging {
            Tagging::Tagged { property } => {
                let must = format!("must be one of {listed}");
                let missing = format!("missing discriminator `{property}`");
                let other = if unknown_ident.is_some() {
                    quote!(Some(_) => {})
                } else {
                    quote!(Some(_) => out.push(&at.key(#property), Code::Enum, #must),)
                };
                let call = check(quote!(out), quote!(into));
                quote! {
                    #uses
                    match value.get(#property).and_then(payments_runtime::Json::as_str) {
                        #(Some(#tags) => <#variant_types as CheckJson>::#call,)*
                        #other
                        None if value.is_object() => out.push(&at.key(#property), Code::Required, #missing),
                        None => out.push(at, Code::Type, "expected an object"),
                    }
                }
            }
            Tagging::Present { keys } => {
                let none = format!("expected one of the members {}", keys.join(", "));
                let call = check(quote!(out), quote!(into));
                quote! {
                    #uses
                    #(if value.get(#keys).is_some() {
                        return <#variant_types as CheckJson>::#call;
                    })*
                    out.push(at, Code::OneOf, #none);
                }
            }
            // One alternative: the union accepts what it accepts, and its violations are the
            // union's (whether `oneOf` or `anyOf`).
            Tagging::Untagged if variant_types.len() == 1 => {
                let ty = &variant_types[0];
                let call = check(quote!(out), quote!(into));
                quote!(<#ty as payments_runtime::CheckJson>::#call;)
            }
            // `anyOf` (and a response's lenient `oneOf`) stops at the first alternative that
            // accepts the value; an exclusive `oneOf` counts them (the runtime's
            // `union::check`). Collecting what they evaluate tries every one.
            Tagging::Untagged => {
                let matches = if o.exclusive {
                    quote!(payments_runtime::union::Matches::ExactlyOne(#many))
                } else {
                    quote!(payments_runtime::union::Matches::AtLeastOne)
                };
                if evaluating {
                    quote! {
                        payments_runtime::union::check_evaluated(
                            value,
                            at,
                            out,
                            into,
                            &[#(<#variant_types as payments_runtime::CheckJson>::check_json_evaluated),*],
                            #matches,
                        );
                    }
                } else {
                    quote! {
                        payments_runtime::union::check(
                            value,
                            at,
                            out,
                            &[#(<#variant_types as payments_runtime::CheckJson>::check_json),*],
                            #matches,
                        );
                    }
                }
            }
        }
    };
    let (plain_check, evaluating_check) = (check_body(false), check_body(true));
    let deserialize_impl = match (variant_idents.as_slice(), &o.tagging) {
        // One alternative and no tag to check: the value is that alternative's, read straight
        // from the input. No tree in between, so nothing below it is read twice (Stripe's
        // `anyOf: [{$ref: X}]` of a nullable reference, nested deeply in its objects).
        ([variant], Tagging::Untagged) => {
            let ty = &variant_types[0];
            quote! {
                impl<'de> serde::Deserialize<'de> for #name {
                    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                        <#ty as serde::Deserialize>::deserialize(deserializer).map(Self::#variant)
                    }
                }
            }
        }
        _ => quote! {
            impl<'de> serde::Deserialize<'de> for #name {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    use serde::de::Error;
                    // The value is read once (borrowing from the input, numbers exact) and each
                    // alternative deserializes from that tree.
                    let payments_runtime::json::Borrowed(value) = serde::Deserialize::deserialize(deserializer)?;
                    #deserialize_body
                }
            }
        },
    };
    // A value built in Rust (or read by serde, which takes the first alternative that reads)
    // is checked against the other alternatives of an untagged `oneOf` through its JSON.
    let overlapping = o.exclusive && o.tagging == Tagging::Untagged && !disjoint(space, o);
    let exclusive_check = overlapping.then(|| {
        quote! {
            let text = serde_json::to_vec(self).unwrap_or_default();
            if let Ok(json) = payments_runtime::Json::from_slice(&text) {
                let matched = [#(<#variant_types as payments_runtime::CheckJson>::check_json),*]
                    .iter()
                    .filter(|check| {
                        let mut found = payments_runtime::Violations::new();
                        check(&json, at, &mut found);
                        found.is_empty()
                    })
                    .count();
                if matched > 1 {
                    out.push(at, payments_runtime::Code::OneOf, #many);
                }
            }
        }
    });
    // Variants are held inline, as `Response` holds its bodies: which one is large is a
    // question of Rust layout the generator cannot answer, and boxing would change how every
    // variant is built and matched.
    let (unknown_decl, unknown_serialize, unknown_validate) = match &unknown_ident {
        Some(unknown_ident) => (
            quote! {
                /// A variant this version of the spec does not document (an undocumented
                /// discriminator value), kept exactly as received.
                #unknown_ident(payments_runtime::JsonValue),
            },
            quote!(Self::#unknown_ident(v) => serde::Serialize::serialize(v, serializer),),
            quote!(Self::#unknown_ident(_) => {}),
        ),
        None => Default::default(),
    };
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name { #(#variant_idents(#variant_types),)* #unknown_decl }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    #(Self::#variant_idents(v) => serde::Serialize::serialize(v, serializer),)*
                    #unknown_serialize
                }
            }
        }

        #deserialize_impl

        impl payments_runtime::Validate for #name {
            fn validate_at(&self, at: &payments_runtime::Location<'_>, out: &mut payments_runtime::Violations) {
                match self {
                    #(Self::#variant_idents(v) => payments_runtime::Validate::validate_at(v, at, out),)*
                    #unknown_validate
                }
                #exclusive_check
            }
        }

        impl payments_runtime::CheckJson for #name {
            fn check_json(value: &payments_runtime::Json<'_>, at: &payments_runtime::Location<'_>, out: &mut payments_runtime::Violations) {
                #plain_check
            }

            fn check_json_evaluated(
                value: &payments_runtime::Json<'_>,
                at: &payments_runtime::Location<'_>,
                out: &mut payments_runtime::Violations,
                into: &mut payments_runtime::schema::Evaluated,
            ) {
                #evaluating_check
            }
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
