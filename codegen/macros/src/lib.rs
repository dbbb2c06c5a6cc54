//! The derive macros of `payments-models` (`Validate`, `WireEnum`) and `check_literal!`: thin
//! wrappers over the expansion logic in [`payments_codegen::derive`], where the grammar is documented.

use proc_macro::TokenStream;

/// Implements `payments_runtime::Validate` and `CheckJson` from `#[validate(...)]` field rules
/// (named structs), or a full constrained newtype from container rules (one-field tuple structs).
#[proc_macro_derive(Validate, attributes(validate, serde))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    payments_codegen::derive::validate(input.into()).into()
}

/// Implements the wire-string API of an enum of `#[wire("VALUE")]` variants (and optionally one
/// `#[wire(other)] Unknown(String)`).
#[proc_macro_derive(WireEnum, attributes(wire))]
pub fn derive_wire_enum(input: TokenStream) -> TokenStream {
    payments_codegen::derive::wire_enum(input.into()).into()
}

/// `check_literal!(rule = value, ..., LITERAL)`: checks the literal at compile time and expands
/// to it (a string) or to a constant `Decimal` (a number).
#[proc_macro]
pub fn check_literal(input: TokenStream) -> TokenStream {
    payments_codegen::derive::check_literal(input.into()).into()
}
