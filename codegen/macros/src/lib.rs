//! The derive macros of `payments-models` (`Validate`, `WireEnum`, `OneOf`) and `check_literal!`: thin
//! wrappers over the expansion logic in [`payments_codegen::derive`], where the grammar is documented.
//! `include_spec!` forwards to [`payments_codegen::include_spec`], the payload macros' expansion
//! to [`payments_codegen::payload`].

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

/// Implements serde, `Validate` and `CheckJson` for an enum whose variants hold the
/// alternatives of a `oneOf`/`anyOf`, selected as its `#[one_of(…)]` says (a discriminator
/// member, a member only one alternative has, or trying each in order).
#[proc_macro_derive(OneOf, attributes(one_of))]
pub fn derive_one_of(input: TokenStream) -> TokenStream {
    payments_codegen::derive::one_of(input.into()).into()
}

/// `check_literal!(rule = value, ..., LITERAL)`: checks the literal at compile time and expands
/// to it (a string) or to a constant `Decimal` (a number).
#[proc_macro]
pub fn check_literal(input: TokenStream) -> TokenStream {
    payments_codegen::derive::check_literal(input.into()).into()
}

/// `include_spec!("specs/acme.yaml")`: reads an OpenAPI 3.0/3.1 spec at compile time (path
/// relative to the calling crate's `Cargo.toml`) and expands to the module body
/// `cargo xtask codegen` writes for it: the models and the `operations` module. The crate is
/// rebuilt when the spec changes; a spec the generator refuses is a compile error naming the
/// file and the JSON Pointer of the offending node. With `module = path` (the module's path
/// from the crate root), the module also gets its literal and payload macros
/// (`acme::create_payment_request!({…})`, `acme::include_payload!(…)`), for the crate.
///
/// ```ignore
/// mod acme {
///     payments_codegen_macros::include_spec!("specs/acme.yaml", module = acme);
/// }
/// ```
#[proc_macro]
pub fn include_spec(input: TokenStream) -> TokenStream {
    payments_codegen::include_spec(input.into()).into()
}

/// The expansion of the payload macros a generated module defines
/// (`papaya::create_payment_request!({…})`, `papaya::include_payload!(Type, "file.json")`):
/// not called by hand. See [`payments_codegen::payload`].
#[doc(hidden)]
#[proc_macro]
pub fn payload(input: TokenStream) -> TokenStream {
    payments_codegen::payload(input.into()).into()
}
