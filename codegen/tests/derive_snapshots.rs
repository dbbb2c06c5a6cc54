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

fn one_of(name: &str, input: TokenStream) {
    let expansion = items(derive::one_of(input.clone()));
    snapshot(name, items(quote!(#[derive(OneOf)] #input)), expansion);
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
fn struct_serde_attributes() {
    validate(
        "struct_serde_attributes",
        quote! {
            #[serde(rename_all = "camelCase", default)]
            pub struct Transfer<T> {
                #[serde(rename = "dest", alias = "destination")]
                pub destination_account: String,
                #[serde(skip)]
                pub local_note: String,
                #[serde(deserialize_with = "as_text::deserialize")]
                #[validate(minimum = 0)]
                pub amount: Decimal,
                pub extra: T,
            }
        },
    );
}

/// A generated struct: serde's derives write inherent functions (`remote = "Self"`) and the
/// Validate derive implements the traits over them, reading the struct from a map only.
#[test]
fn struct_remote_self() {
    validate(
        "struct_remote_self",
        quote! {
            #[serde(remote = "Self", deny_unknown_fields)]
            pub struct Payment {
                #[validate(min_length = 1)]
                pub id: String,
            }
        },
    );
}

#[test]
fn remote_misuse() {
    let other = derive::validate(quote! {
        #[serde(remote = "other::Payment")]
        pub struct Payment { pub id: String }
    });
    assert_eq!(
        messages(other),
        ["derive(Validate) takes `remote = \"Self\"` only: it validates this type"]
    );
    let generic = derive::validate(quote! {
        #[serde(remote = "Self")]
        pub struct Payment<T> { pub id: T }
    });
    assert_eq!(
        messages(generic),
        ["derive(Validate) implements serde's traits over `remote = \"Self\"` for structs without generics only"]
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

/// `const: "refund"` (OpenAPI 3.1): the one value is reported as `const`, not `enum`.
#[test]
fn strict_enum_const() {
    wire_enum(
        "enum_const",
        quote! {
            #[wire(const)]
            pub enum Kind {
                #[wire("refund")]
                Refund,
            }
        },
    );
}

#[test]
fn const_misuse() {
    let two = derive::wire_enum(quote! {
        #[wire(const)]
        pub enum Kind { #[wire("a")] A, #[wire("b")] B }
    });
    assert_eq!(
        messages(two),
        ["`#[wire(const)]` needs exactly one `#[wire(\"VALUE\")]` variant"]
    );
    let other = derive::wire_enum(quote! {
        #[wire(konst)]
        pub enum Kind { #[wire("a")] A }
    });
    assert_eq!(messages(other), ["expected `#[wire(const)]` on the enum"]);
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
fn enum_with_many_values_is_binary_searched() {
    wire_enum(
        "enum_many_values",
        quote! {
            pub enum Currency {
                #[wire("USD")]
                Usd,
                #[wire("EUR")]
                Eur,
                #[wire("GBP")]
                Gbp,
                #[wire("JPY")]
                Jpy,
                #[wire("CHF")]
                Chf,
                #[wire("AUD")]
                Aud,
                #[wire("CAD")]
                Cad,
                #[wire("ILS")]
                Ils,
                #[wire("aud")]
                LowerAud,
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
fn one_of_tagged_and_open() {
    one_of(
        "one_of_tagged_open",
        quote! {
            #[one_of(tag = "type")]
            pub enum PaymentMethod {
                #[one_of(tag = "card")]
                Card(Card),
                #[one_of(tag = "sepa_debit")]
                SepaDebit(SepaDebit),
                #[one_of(unknown)]
                Unknown(payments_runtime::JsonValue),
            }
        },
    );
}

#[test]
fn one_of_selected_by_a_member() {
    one_of(
        "one_of_present",
        quote! {
            #[one_of(present)]
            pub enum Account {
                #[one_of(present = "iban")]
                Iban(IbanAccount),
                #[one_of(present = "sort_code")]
                SortCode(UkAccount),
            }
        },
    );
}

#[test]
fn one_of_untagged_exactly_one_overlapping() {
    one_of(
        "one_of_untagged_exactly_one",
        quote! {
            #[one_of(untagged, exactly_one, overlapping)]
            pub enum Amount {
                Minor(MinorUnits),
                Text(AmountText),
            }
        },
    );
}

#[test]
fn one_of_single_alternative() {
    one_of(
        "one_of_single",
        quote! {
            #[one_of(untagged)]
            pub enum SupportAddress {
                Address(Address),
            }
        },
    );
}

#[test]
fn one_of_misuse() {
    one_of(
        "error_one_of_misuse",
        quote! {
            #[one_of(tag = "type")]
            pub enum Broken {
                #[one_of(tag = "a")]
                A(A),
                #[one_of(tag = "a")]
                Again(B),
                Missing(C),
                #[one_of(present = "x")]
                WrongMode(D),
                Two(E, F),
                #[one_of(unknown)]
                Unknown(payments_runtime::JsonValue),
                #[one_of(unknown)]
                Unknown2(payments_runtime::JsonValue),
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

/// The messages of the `compile_error!`s in `output` (empty when it expanded).
fn messages(output: TokenStream) -> Vec<String> {
    let mut found = Vec::new();
    let mut tokens = output.into_iter().peekable();
    while let Some(token) = tokens.next() {
        match token {
            proc_macro2::TokenTree::Ident(ident) if ident == "compile_error" => {
                let group = tokens.find_map(|t| match t {
                    proc_macro2::TokenTree::Group(group) => Some(group),
                    _ => None,
                });
                if let Some(group) = group {
                    match syn::parse2::<syn::LitStr>(group.stream()) {
                        Ok(lit) => found.push(lit.value()),
                        Err(error) => panic!("{error}"),
                    }
                }
            }
            proc_macro2::TokenTree::Group(group) => found.extend(messages(group.stream())),
            _ => {}
        }
    }
    found
}

/// One line per input and one per error message, for the catalogue snapshot.
fn catalogue(out: &mut String, input: &TokenStream, output: TokenStream) {
    out.push_str(&format!("{input}\n"));
    for message in messages(output) {
        out.push_str(&format!("    error: {message}\n"));
    }
    out.push('\n');
}

/// Malformed input of every kind yields `compile_error!`s, never a panic or a bad expansion;
/// the messages are kept in `snapshots/error_catalogue.txt`.
#[test]
fn misuse_never_panics() {
    let mut out = String::new();
    let derives = [
        quote!(
            pub union U {
                a: u32,
            }
        ),
        quote!(
            pub struct Unit;
        ),
        quote!(
            pub struct Two(String, String);
        ),
        quote!(
            #[validate(min_length = 1)]
            pub struct Generic<T>(T);
        ),
        quote!(
            pub struct S {
                #[validate]
                a: String,
            }
        ),
        quote!(
            pub struct S {
                #[validate = "x"]
                a: String,
            }
        ),
        quote!(
            pub struct S {
                #[validate(pattern)]
                a: String,
            }
        ),
        quote!(
            pub struct S {
                #[validate(pattern = 5)]
                a: String,
            }
        ),
        quote!(
            pub struct S {
                #[validate(a::b = 5)]
                a: String,
            }
        ),
        quote!(
            pub struct S {
                #[validate(minimum = 1e400)]
                a: u32,
            }
        ),
        quote!(
            pub struct S {
                #[validate(minimum = 1e-400)]
                a: u32,
            }
        ),
        quote!(
            pub struct S {
                #[validate(maximum = 99999999999999999999999999999999)]
                a: u32,
            }
        ),
        quote!(
            pub struct S {
                #[validate(minimum = "1e3")]
                a: u32,
            }
        ),
        quote!(
            pub struct S {
                #[validate(minimum = -"1")]
                a: u32,
            }
        ),
        quote!(
            pub struct S {
                #[validate(minimum = true)]
                a: u32,
            }
        ),
        quote!(
            pub struct S {
                #[validate(min_length = -1)]
                a: String,
            }
        ),
        quote!(
            pub struct S {
                #[validate(min_length = 1.5)]
                a: String,
            }
        ),
        quote!(
            pub struct S {
                #[validate(max_items = 99999999999999999999999)]
                a: Vec<u8>,
            }
        ),
        quote!(
            pub struct S {
                #[validate(pattern = "(")]
                a: String,
            }
        ),
        quote!(
            pub struct S {
                #[validate(pattern = "\\")]
                a: String,
            }
        ),
        quote!(
            pub struct S {
                #[serde(rename = 5)]
                a: String,
            }
        ),
        quote!(
            pub struct S {
                #[serde(with = "not a path")]
                a: String,
            }
        ),
        quote!(
            pub struct S {
                #[serde(flatten)]
                a: Inner,
            }
        ),
        quote!(
            pub struct S {
                #[serde(skip)]
                #[validate(min_length = 1)]
                a: String,
            }
        ),
        quote!(
            #[serde(rename_all = "Title Case")]
            pub struct S {
                a: String,
            }
        ),
        quote!(
            pub struct S {
                a: <T as X>::Y,
                b: fn() -> u8,
                c: (String,),
            }
        ),
        quote!(
            pub enum E {
                A,
            }
        ),
    ];
    for input in derives {
        let output = derive::validate(input.clone());
        assert!(syn::parse2::<syn::File>(output.clone()).is_ok(), "{input}");
        catalogue(&mut out, &input, output);
    }
    let enums = [
        quote!(
            pub struct S {
                a: String,
            }
        ),
        quote!(
            pub enum E {}
        ),
        quote!(
            pub enum E<T> {
                #[wire("a")]
                A(T),
            }
        ),
        quote!(
            pub enum E {
                #[wire]
                A,
            }
        ),
        quote!(
            pub enum E {
                #[wire()]
                A,
            }
        ),
        quote!(
            pub enum E {
                #[wire("a", "b")]
                A,
            }
        ),
        quote!(
            pub enum E {
                #[wire(5)]
                A,
            }
        ),
        quote!(
            pub enum E {
                #[wire(others)]
                A,
            }
        ),
        quote!(
            pub enum E {
                #[wire("a")]
                #[wire("b")]
                A,
            }
        ),
        quote!(
            pub enum E {
                #[wire(other)]
                A { value: String },
            }
        ),
        quote!(
            pub enum E {
                #[wire(other)]
                A(u32),
            }
        ),
        quote!(
            pub enum E {
                #[wire("a")]
                A = 1,
                #[wire("b")]
                B { x: u8 },
            }
        ),
    ];
    for input in enums {
        let output = derive::wire_enum(input.clone());
        assert!(syn::parse2::<syn::File>(output.clone()).is_ok(), "{input}");
        catalogue(&mut out, &input, output);
    }
    let unions = [
        quote!(
            pub struct S(A);
        ),
        quote!(
            pub enum E {
                A(A),
            }
        ),
        quote!(
            #[one_of(untagged)]
            pub enum E {}
        ),
        quote!(
            #[one_of(untagged)]
            #[one_of(untagged)]
            pub enum E {
                A(A),
            }
        ),
        quote!(
            #[one_of(untagged)]
            pub enum E<T> {
                A(T),
            }
        ),
        quote!(
            #[one_of(untagged, present)]
            pub enum E {
                A(A),
            }
        ),
        quote!(
            #[one_of(tag = "t", exactly_one)]
            pub enum E {
                #[one_of(tag = "a")]
                A(A),
            }
        ),
        quote!(
            #[one_of(present, untagged, exactly_one)]
            pub enum E {
                A(A),
            }
        ),
        quote!(
            #[one_of(tag = "a", tag = "b")]
            pub enum E {
                #[one_of(tag = "a")]
                A(A),
            }
        ),
        quote!(
            #[one_of(untagged, overlapping)]
            pub enum E {
                A(A),
            }
        ),
        quote!(
            #[one_of(tagged)]
            pub enum E {
                A(A),
            }
        ),
        quote!(
            #[one_of(tag = 5)]
            pub enum E {
                A(A),
            }
        ),
        quote!(
            #[one_of(untagged)]
            pub enum E {
                #[one_of(tag = "a")]
                A(A),
                #[one_of(unknown)]
                B(B),
                C {
                    value: C,
                },
                D,
            }
        ),
        quote!(
            #[one_of(present)]
            pub enum E {
                #[one_of(present = "a", tag = "b")]
                A(A),
                #[one_of(present = "b")]
                #[one_of(present = "c")]
                B(B),
                #[one_of(presence = "d")]
                C(C),
            }
        ),
    ];
    for input in unions {
        let output = derive::one_of(input.clone());
        assert!(syn::parse2::<syn::File>(output.clone()).is_ok(), "{input}");
        catalogue(&mut out, &input, output);
    }
    let literals = [
        quote!(),
        quote!(pattern = "^a$"),
        quote!(pattern = "^a$",),
        quote!("a", pattern = "^a$"),
        quote!(pattern = "^a$", "a", "b"),
        quote!(minimum = 0, true),
        quote!(minimum = 0, -"x"),
        quote!(minimum = 0, 'c'),
        quote!(multiple_of = 0.001, 1e-40),
        quote!(maximum = 1, 1e400),
        quote!(min_items = 1, "a"),
        quote!(format = "date-time", "yesterday"),
        quote!(unknown = 1, "a"),
        quote!(minimum == 1, 2),
    ];
    for input in literals {
        let output = derive::check_literal(input.clone());
        assert!(syn::parse2::<syn::Expr>(output.clone()).is_ok(), "{input}");
        catalogue(&mut out, &quote!(check_literal!(#input)), output);
    }
    expectorate::assert_contents("tests/snapshots/error_catalogue.txt", &out);
}
