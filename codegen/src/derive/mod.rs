//! Expansion logic of the derive macros of `payments-codegen-macros`, as a normal library so
//! the expansions can be snapshot-tested.
//!
//! Every entry point follows the same shape: parse the input and its attributes, check them
//! (collecting *every* error, each spanned on the offending attribute or literal), and emit only
//! when nothing is wrong. Errors come back as `compile_error!` invocations.
//!
//! Expansions name the runtime only as `::payments_runtime::…`.

mod attr;
mod check;
mod emit_enum;
mod emit_newtype;
mod emit_struct;
mod errors;
mod literal;
mod rules;
mod types;

use proc_macro2::TokenStream;
use syn::{Data, DeriveInput, Fields, Generics};

use self::errors::Errors;

/// The expansion of `#[derive(Validate)]` on `input` (a struct with named fields, or a one-field
/// tuple struct with container rules), or the `compile_error!`s explaining why there is none.
pub fn validate(input: TokenStream) -> TokenStream {
    let expanded = syn::parse2::<DeriveInput>(input).and_then(|input| match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => emit_struct::expand(&input, named),
            Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
                match unnamed.unnamed.first() {
                    Some(field) => emit_newtype::expand(&input, field),
                    None => Err(not_supported(&input)),
                }
            }
            _ => Err(not_supported(&input)),
        },
        _ => Err(not_supported(&input)),
    });
    expanded.unwrap_or_else(syn::Error::into_compile_error)
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
    let expanded = syn::parse2::<DeriveInput>(input).and_then(|input| match &input.data {
        Data::Enum(data) => emit_enum::expand(&input, data),
        _ => Err(syn::Error::new(
            input.ident.span(),
            "derive(WireEnum) supports enums only",
        )),
    });
    expanded.unwrap_or_else(syn::Error::into_compile_error)
}

/// The expansion of `check_literal!(rule = value, …, LITERAL)`: the string literal itself or a
/// constant `Decimal` expression, or (in expression position) the `compile_error!`s naming every
/// rule the literal breaks.
pub fn check_literal(input: TokenStream) -> TokenStream {
    literal::expand(input)
}

/// Reports `#[validate]` on a container whose rules belong elsewhere.
fn no_validate_on_container(attrs: &[syn::Attribute], place: &str, errors: &mut Errors) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("validate")) {
        errors.push(syn::Error::new_spanned(
            attr,
            format!("a struct with named fields takes its rules {place}"),
        ));
    }
}

/// `generics` with `bound` added to every type parameter.
fn bounded(generics: &Generics, bound: TokenStream) -> Generics {
    let mut generics = generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(#bound));
    }
    generics
}
