//! Expansion logic of the derive macros of `payments-codegen-macros`, as a normal library so
//! the expansions can be snapshot-tested.
//!
//! Every entry point follows the same shape: parse the input and its attributes, check them
//! (collecting *every* error, each spanned on the offending attribute or literal), and emit only
//! when nothing is wrong. Errors come back as `compile_error!` invocations. Expansions name the
//! runtime only as `::payments_runtime::…` (serde, serde_json, `Regex`, `LazyLock` and `Decimal`
//! through its `__private` re-exports).
//!
//! # Rules: `#[validate(rule = value, …)]`
//!
//! | rule | value | applies to (after `Option`/`Nullable`/`Box`) |
//! |---|---|---|
//! | `pattern` | `"ecma-262"`, translated and compiled at build time | `String`, `str`, `Cow<str>` |
//! | `min_length`, `max_length` | non-negative integer (code points) | `String`, `str`, `Cow<str>` |
//! | `format` | `"date-time"`, `"date"`, `"byte"` (others are annotations) | `String`, `str`, `Cow<str>` |
//! | `minimum`, `maximum`, `exclusive_minimum`, `exclusive_maximum`, `multiple_of` | integer or float literal, or a string holding a decimal, optionally negated; read exactly (never through `f64`) | integer primitives, `Decimal`, `BigInt` |
//! | `min_items`, `max_items` | non-negative integer | `Vec`, `BTreeMap`, `HashMap`, slices, arrays |
//!
//! Errors: unknown or duplicate rule, malformed value, untranslatable or invalid pattern, bounds
//! no value satisfies (`minimum` above `maximum`, `min_length` above `max_length`, …),
//! `multiple_of` ≤ 0, a rule on a type it does not apply to.
//!
//! # `#[derive(Validate)]`
//!
//! - **Struct with named fields**: rules on fields. Implements `Validate` (each field's rules at
//!   `/wire_name`, then the field's own `Validate`) and `CheckJson` (not an object → `type`;
//!   missing required member → `required`; present → the field type's `CheckJson`, or the
//!   `check_json` of its `#[serde(with)]` module, then its rules; `deny_unknown_fields` → one
//!   `additionalProperties` per unknown member). Serde attributes read: field `rename`, `alias`,
//!   `default`, `with`, `deserialize_with`, `skip`/`skip_deserializing` (`flatten` is an error);
//!   container `rename_all`, `default`, `deny_unknown_fields`. A field is required unless it has a
//!   `default` (or the container does) or it is an `Option` serde reads without a `with` function.
//! - **One-field tuple struct** (constrained newtype): rules on the struct, optional
//!   `#[serde(with = "…")]` on the field. Implements `Validate`, `CheckJson`, `Serialize`,
//!   `Deserialize` (checks; an invalid value is a serde error), `TryFrom<Inner>`, `Display`
//!   (not for collections), and `new`, `get`, `into_inner`, `__from_checked_literal`
//!   (`&'static str` for `String`, else a `const fn` taking the inner value); `as_str` and
//!   `FromStr` when the inner type is `String`.
//!
//! # `#[derive(WireEnum)]`
//!
//! Unit variants each with `#[wire("VALUE")]`, and at most one `#[wire(other)] Name(String)`
//! (an open enum). Implements `VALUES`, `as_str`, `Display`, `FromStr` (`Err =
//! UnknownValue`), `Serialize`, `Deserialize`, a no-op `Validate` and `CheckJson` (`type`, then
//! `enum`, or `const` when exactly one value is documented; open enums accept any string).
//! Errors: a variant without a wire value, two `#[wire]` on one variant, a duplicate value, a
//! second `other`, a data variant that is not `other`, an `other` variant not holding a `String`.
//!
//! # `#[derive(OneOf)]`
//!
//! An enum whose variants each hold one alternative of a `oneOf` / `anyOf`
//! (`Card(Card)`), and one `#[one_of(…)]` on the enum saying how a JSON value selects its
//! alternative:
//!
//! | on the enum | on each variant | reading a value |
//! |---|---|---|
//! | `tag = "type"` | `tag = "card"`; at most one `unknown` variant holding `JsonValue` | by its member `type`: a value no variant lists is an error, or kept whole in the `unknown` variant |
//! | `present` | `present = "iban"` | by the first of those members it has |
//! | `untagged` (optionally `exactly_one`, then optionally `overlapping`) | none | the first alternative that reads it |
//!
//! Implements `Serialize` (the alternative's own JSON), `Deserialize` (the value read once,
//! then the selected alternative from that tree; a one-alternative `untagged` union reads
//! straight from the input), `Validate` (the held alternative's; with `overlapping`, also a
//! `oneOf` violation when its JSON satisfies more than one alternative) and `CheckJson`: the
//! selected alternative's violations (a missing discriminator is `required`, an undocumented
//! one `enum` unless kept); `untagged` reports the closest alternative's violations when none
//! accepts the value and, with `exactly_one`, a `oneOf` violation when several do
//! (`payments_runtime::union`). Errors: not an enum, generic parameters, no or several modes,
//! a variant that does not hold one value, a missing or repeated discriminator value or member,
//! a selector of the other mode, `unknown` without `tag`, `overlapping` without `exactly_one`.
//!
//! # `check_literal!([runtime = [path],] rule = value, …, LITERAL)`
//!
//! The same rules, checked at build time against a string or (possibly negative) number literal;
//! every broken rule is an error on the literal (`"usd" does not match ^[A-Z]{3}$`). Expands to
//! the string literal, or to `Decimal::from_parts(…)` (a `const` expression) for a number,
//! named through `path` (a generated crate passes `$crate::__private::runtime`, so its users
//! need no dependency on the runtime; `::payments_runtime` without it).

mod attr;
mod check;
mod emit_enum;
mod emit_newtype;
mod emit_one_of;
mod emit_struct;
mod errors;
pub(crate) mod literal;
mod one_of;
mod rules;
pub(crate) use rules::matcher_static;
mod types;

use proc_macro2::TokenStream;
use syn::{Data, DeriveInput, Fields, Generics, Path};

use self::errors::Errors;

/// The expansion of `#[derive(Validate)]` on `input` (a struct with named fields, or a one-field
/// tuple struct with container rules), or the `compile_error!`s explaining why there is none.
pub fn validate(input: TokenStream) -> TokenStream {
    let expanded = syn::parse2::<DeriveInput>(input).and_then(|input| match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => emit_struct::expand(&input, named),
            Fields::Unnamed(unnamed) => {
                let mut fields = unnamed.unnamed.iter();
                match (fields.next(), fields.next()) {
                    (Some(field), None) => emit_newtype::expand(&input, field),
                    _ => Err(not_supported(&input)),
                }
            }
            Fields::Unit => Err(not_supported(&input)),
        },
        _ => Err(not_supported(&input)),
    });
    expanded
        .map(allow_deprecated)
        .unwrap_or_else(syn::Error::into_compile_error)
}

/// The expansion with `#[allow(deprecated)]` on each impl: a derive reads the fields and names
/// the type it is on, which may be deprecated; the warning is for the user's code, not ours.
fn allow_deprecated(expansion: TokenStream) -> TokenStream {
    let Ok(mut file) = syn::parse2::<syn::File>(expansion.clone()) else {
        return expansion;
    };
    for item in &mut file.items {
        if let syn::Item::Impl(item) = item {
            item.attrs.push(syn::parse_quote!(#[allow(deprecated)]));
        }
    }
    quote::quote!(#file)
}

fn not_supported(input: &DeriveInput) -> syn::Error {
    let hint = if matches!(input.data, Data::Enum(_)) {
        "; for string enums use derive(WireEnum)"
    } else {
        ""
    };
    syn::Error::new(
        input.ident.span(),
        format!(
            "derive(Validate) supports structs with named fields and one-field tuple structs{hint}"
        ),
    )
}

/// The expansion of `#[derive(WireEnum)]` on `input` (an enum of `#[wire("VALUE")]` unit
/// variants and at most one `#[wire(other)] Name(String)`), or the `compile_error!`s explaining
/// why there is none.
pub fn wire_enum(input: TokenStream) -> TokenStream {
    enum_derive(input, "WireEnum", emit_enum::expand)
}

/// The expansion of `#[derive(OneOf)]` on `input` (an enum of one-value variants, the
/// alternatives of a `oneOf`/`anyOf`, with `#[one_of(…)]` saying how a value selects one), or
/// the `compile_error!`s explaining why there is none.
pub fn one_of(input: TokenStream) -> TokenStream {
    enum_derive(input, "OneOf", emit_one_of::expand)
}

/// A derive for enums only: `expand` on an enum (its impls allowing deprecated items), an error
/// naming `derive(name)` on anything else.
fn enum_derive(
    input: TokenStream,
    name: &str,
    expand: fn(&DeriveInput, &syn::DataEnum) -> syn::Result<TokenStream>,
) -> TokenStream {
    let expanded = syn::parse2::<DeriveInput>(input).and_then(|input| match &input.data {
        Data::Enum(data) => expand(&input, data),
        _ => Err(syn::Error::new(
            input.ident.span(),
            format!("derive({name}) supports enums only"),
        )),
    });
    expanded
        .map(allow_deprecated)
        .unwrap_or_else(syn::Error::into_compile_error)
}

/// The expansion of `check_literal!(rule = value, …, LITERAL)`: the string literal itself or a
/// constant `Decimal` expression, or (in expression position) the `compile_error!`s naming every
/// rule the literal breaks.
pub fn check_literal(input: TokenStream) -> TokenStream {
    literal::expand(input)
}

/// Reports every `#[validate]` in `attrs`, whose rules belong elsewhere, with `message`.
fn reject_validate(attrs: &[syn::Attribute], message: &str, errors: &mut Errors) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("validate")) {
        errors.push(syn::Error::new_spanned(attr, message));
    }
}

/// Whether a `with` module's `check_json` takes the field type as a type argument: the runtime's
/// `nullable` and `present` modules check the value inside by that type, and the decimal adapters check the
/// field's shape (`Option`, `Nullable`, `Vec` around the decimal) by it.
pub(crate) fn generic_check_json(module: &Path) -> bool {
    module.segments.last().is_some_and(|segment| {
        ["nullable", "present", "decimal_number", "decimal_string"]
            .iter()
            .any(|name| segment.ident == name)
    })
}

/// `generics` with `T: bound` added to the where clause for every type parameter `T`.
fn bounded(generics: &Generics, bound: TokenStream) -> Generics {
    let mut generics = generics.clone();
    let params: Vec<syn::Ident> = generics
        .type_params()
        .map(|param| param.ident.clone())
        .collect();
    let clause = generics.make_where_clause();
    for param in params {
        // `param` is an identifier and `bound` a path list built by this crate: always parses.
        if let Ok(predicate) = syn::parse2::<syn::WherePredicate>(quote::quote!(#param: #bound)) {
            clause.predicates.push(predicate);
        }
    }
    generics
}
