//! Snapshots of the derive expansions (`payments_codegen::derive`), pretty-printed.
//!
//! Regenerate with `EXPECTORATE=overwrite cargo test -p payments-codegen --test derive_snapshots`.

use payments_codegen::derive;
use proc_macro2::TokenStream;
use quote::quote;

/// Pretty-prints an item-position expansion.
fn items(tokens: TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(error) => panic!("expansion is not a file ({error}):\n{tokens}"),
    }
}

/// Pretty-prints an expression-position expansion as the value of a constant.
fn expression(tokens: TokenStream) -> String {
    items(quote!(const EXPANSION: _ = #tokens;))
}

/// Writes the input (commented out) above its expansion.
fn snapshot(name: &str, input: String, expansion: String) {
    let input: String = input.lines().map(|line| format!("// {line}\n")).collect();
    let contents = format!("// Input:\n{input}\n// Expansion:\n{expansion}");
    expectorate::assert_contents(format!("tests/snapshots/{name}.rs"), &contents);
}

fn validate(name: &str, input: TokenStream) {
    let expansion = items(derive::validate(input.clone()));
    snapshot(name, items(quote!(#[derive(Validate)] #input)), expansion);
}

fn wire_enum(name: &str, input: TokenStream) {
    let expansion = items(derive::wire_enum(input.clone()));
    snapshot(name, items(quote!(#[derive(WireEnum)] #input)), expansion);
}

fn check_literal(name: &str, input: TokenStream) {
    let expansion = expression(derive::check_literal(input.clone()));
    snapshot(name, format!("check_literal!({input})"), expansion);
}

#[test]
fn struct_with_every_rule() {
    validate(
        "struct_every_rule",
        quote! {
            #[serde(deny_unknown_fields)]
            pub struct Payment {
                #[validate(pattern = "^[A-Z]{3}$", min_length = 3, max_length = 3)]
                pub currency: String,
                #[serde(with = "::payments_runtime::wire::decimal_string")]
                #[validate(minimum = 0, maximum = "1000000.00", multiple_of = 0.01)]
                pub amount: Decimal,
                #[serde(default, skip_serializing_if = "Option::is_none", with = "::payments_runtime::nullable")]
                #[validate(exclusive_minimum = -1, exclusive_maximum = 1e3)]
                pub fee: Option<Nullable<i64>>,
                #[serde(rename = "reference")]
                #[validate(pattern = "^[A-Z]{3}$", format = "date-time")]
                pub r#ref: Option<Box<String>>,
                #[validate(min_items = 1, max_items = 10)]
                pub lines: Vec<Line>,
                #[serde(default)]
                pub metadata: BTreeMap<String, String>,
                pub customer: Customer,
            }
        },
    );
}

#[test]
fn newtype_string() {
    validate(
        "newtype_string",
        quote! {
            #[validate(pattern = "^[A-Z]{3}$")]
            pub struct CurrencyCode(String);
        },
    );
}

#[test]
fn newtype_decimal_with() {
    validate(
        "newtype_decimal_with",
        quote! {
            #[validate(minimum = "0.01", multiple_of = 0.01)]
            pub struct Amount(#[serde(with = "::payments_runtime::wire::decimal_string")] Decimal);
        },
    );
}

#[test]
fn strict_enum() {
    wire_enum(
        "enum_strict",
        quote! {
            pub enum Direction {
                #[wire("PAY-IN")]
                PayIn,
                #[wire("PAYOUT")]
                Payout,
            }
        },
    );
}

#[test]
fn strict_enum_single_value() {
    wire_enum(
        "enum_single_value",
        quote! {
            pub enum Kind {
                #[wire("group")]
                Group,
            }
        },
    );
}

#[test]
fn open_enum() {
    wire_enum(
        "enum_open",
        quote! {
            pub enum Status {
                #[wire("pending")]
                Pending,
                #[wire("succeeded")]
                Succeeded,
                #[wire(other)]
                Unknown(String),
            }
        },
    );
}

#[test]
fn check_literal_string() {
    check_literal(
        "check_literal_string",
        quote!(pattern = "^[A-Z]{3}$", min_length = 3, "USD"),
    );
}

#[test]
fn check_literal_decimal() {
    check_literal(
        "check_literal_decimal",
        quote!(minimum = 0, multiple_of = 0.001, 12.345),
    );
}

#[test]
fn struct_misuse() {
    validate(
        "error_struct_misuse",
        quote! {
            #[validate(minimum = 1)]
            pub struct Broken {
                #[validate(patern = "x", pattern = "(?=a)", min_length = 1, min_length = 2)]
                pub a: String,
                #[validate(minimum = 10, maximum = 1, multiple_of = 0, pattern = "[")]
                pub b: u32,
                #[validate(min_items = 1, max_length = 1)]
                pub c: Option<u64>,
                #[validate(min_items = 3, max_items = 2)]
                pub d: Vec<String>,
            }
        },
    );
}

#[test]
fn enum_misuse() {
    wire_enum(
        "error_enum_misuse",
        quote! {
            pub enum Broken {
                Missing,
                #[wire("A")]
                A,
                #[wire("A")]
                Again,
                #[wire(other)]
                Unknown(String),
                #[wire(other)]
                Unknown2(String),
                #[wire("B")]
                Data(u32),
            }
        },
    );
}

#[test]
fn check_literal_misuse() {
    check_literal(
        "error_check_literal",
        quote!(pattern = "^[A-Z]{3}$", max_length = 2, "usd"),
    );
}
