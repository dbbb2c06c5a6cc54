//! The payload macros' expansion on the constructs fixture: unions (by discriminator, by a
//! present member, untagged, exclusive), typed additional members, readOnly members in a
//! request, recursion, rules on members and what a literal refuses. Each case lists the
//! `compile_error!` messages the expansion holds, exactly, or checks the value it builds.

use payments_codegen::payload;
use proc_macro2::{TokenStream, TokenTree};
use quote::quote;
use std::path::Path;

fn expand(ty: &str, value: TokenStream) -> TokenStream {
    expand_in("constructs.yaml", ty, value)
}

fn expand_in(fixture: &str, ty: &str, value: TokenStream) -> TokenStream {
    let label = format!("codegen/tests/fixtures/{fixture}");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    let text = std::fs::read_to_string(path).expect("the fixture");
    let ty: proc_macro2::Ident = syn::parse_str(ty).expect("a type name");
    payload(quote! {
        krate = crate, module = [constructs], spec = #label, text = #text,
        type = #ty, value = #value
    })
}

/// The messages of the expansion's `compile_error!`s, in order.
fn errors(expansion: &TokenStream) -> Vec<String> {
    fn walk(tokens: TokenStream, out: &mut Vec<String>) {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        for (i, token) in tokens.iter().enumerate() {
            match token {
                TokenTree::Ident(ident) if ident == "compile_error" => {
                    if let Some(TokenTree::Group(args)) = tokens.get(i + 2) {
                        let message: syn::LitStr = syn::parse2(args.stream()).expect("a message");
                        out.push(message.value());
                    }
                }
                TokenTree::Group(group) => walk(group.stream(), out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(expansion.clone(), &mut out);
    out
}

fn assert_errors(ty: &str, value: TokenStream, expected: &[&str]) {
    let expansion = expand(ty, value);
    assert_eq!(errors(&expansion), expected, "{expansion}");
}

/// The expansion of a valid literal, as text.
fn valid(ty: &str, value: TokenStream) -> String {
    let expansion = expand(ty, value);
    assert_eq!(errors(&expansion), Vec::<String>::new(), "{expansion}");
    expansion.to_string()
}

#[test]
fn a_discriminator_picks_the_alternative_and_checks_it() {
    let built = valid("Method", quote!({ "kind": "card", "last4": "4242" }));
    assert!(
        built.contains(
            "crate :: constructs :: Method :: CardMethod (crate :: constructs :: CardMethod {"
        ),
        "{built}"
    );
    assert_errors(
        "Method",
        quote!({ "kind": "cash" }),
        &[r#"/kind: must be one of "card", "bank" (enum)"#],
    );
    assert_errors(
        "Method",
        quote!({ "kind": "card", "last4": "42" }),
        &["/last4: must match ^[0-9]{4}$ (pattern)"],
    );
    assert_errors(
        "Method",
        quote!({ "last4": "4242" }),
        &["/kind: missing discriminator `kind` (required)"],
    );
    assert_errors(
        "Method",
        quote!("card"),
        &["(root): expected an object (type)"],
    );
}

#[test]
fn a_present_member_picks_the_alternative() {
    let built = valid(
        "Destination",
        quote!({ "accountId": "acc-1", "label": "main" }),
    );
    assert!(
        built.contains("Destination :: AccountDestination"),
        "{built}"
    );
    assert_errors(
        "Destination",
        quote!({ "label": "main" }),
        &["(root): expected one of the members walletId, accountId (oneOf)"],
    );
}

#[test]
fn an_untagged_union_reports_its_closest_alternative() {
    let built = valid("Problem", quote!("card declined"));
    assert!(built.contains("Problem :: Message"), "{built}");
    assert_errors(
        "Problem",
        quote!({ "code": 99, "detail": "x" }),
        &["/code: must be at least 100 (minimum)"],
    );
}

#[test]
fn member_rules_bounds_and_closed_objects() {
    assert_errors(
        "Money",
        quote!({ "value": 0, "currency": "EU", "note": "x" }),
        &[
            "/value: must be greater than 0 (exclusiveMinimum)",
            "/currency: must have at least 3 characters (minLength)",
            "/note: is not allowed (additionalProperties)",
        ],
    );
    let built = valid("Money", quote!({ "value": 0.01, "currency": "EUR" }));
    assert!(
        built.contains("Decimal :: from_parts (1 , 0 , 0 , false , 2)"),
        "{built}"
    );
}

#[test]
fn a_request_type_has_no_read_only_member_and_types_additional_members() {
    assert_errors(
        "Customer",
        quote!({ "id": "cus_1", "name": "Ada", "password": "short", "limits": { "daily": "x" } }),
        &[
            "/password: must have at least 8 characters (minLength)",
            "/limits/daily: expected an integer, found a string (type)",
            "/id: is not a member of `Customer`: a literal holds only the members the schema lists (additionalProperties)",
        ],
    );
    let built = valid(
        "Customer",
        quote!({ "name": "Ada", "password": "long enough", "limits": { "currency": "EUR", "daily": 500 } }),
    );
    assert!(
        built.contains("__additional . insert (\"daily\" , 500i64)"),
        "{built}"
    );
}

#[test]
fn recursion_through_members_and_items() {
    let built = valid(
        "Event",
        quote!({ "name": "a", "cause": { "name": "b" }, "children": [{ "name": "c" }] }),
    );
    assert!(built.contains(":: std :: boxed :: Box :: new"), "{built}");
    assert_errors(
        "Event",
        quote!({ "name": "a", "cause": { "children": [{}] } }),
        &[
            "/cause/name: is required (required)",
            "/cause/children/0/name: is required (required)",
        ],
    );
}

#[test]
fn enum_values_are_exact() {
    let built = valid("Interval", quote!(""));
    assert!(built.contains("Interval ::"), "{built}");
    assert_errors(
        "Interval",
        quote!("1h"),
        &[r#"(root): must be one of "15MIN", "1H", "sepa debit", "", "ach", "ACH" (enum)"#],
    );
}

#[test]
fn what_a_literal_refuses() {
    // JSON checked keyword by keyword has no Rust shape to build.
    let expansion = expand("CustomerScore", quote!(25));
    let found = errors(&expansion);
    assert!(
        found.len() == 1 && found[0].contains("is JSON checked keyword by keyword"),
        "{found:?}"
    );
    // A constrained member takes a literal; an unknown type names the module.
    assert_errors(
        "Money",
        quote!({ "value": amount, "currency": "EUR" }),
        &[
            r#"member "value" has rules checked while compiling (minimum): write its value as a literal"#,
        ],
    );
    assert_errors(
        "Nope",
        quote!({}),
        &["no type `Nope` in the module generated from codegen/tests/fixtures/constructs.yaml"],
    );
}

#[test]
fn openapi_31_const_null_types_and_nullable_unions() {
    let refund = |value| expand_in("openapi-31.json", "Refund", value);
    let expansion = refund(quote!({
        "kind": "refunds", "amount": 0, "reason": 7,
        "memo": "this memo is far too long for the one hundred and forty characters the schema allows it, so it fails the maxLength rule of the member memo, as parse says",
        "parent": { "kind": "refund", "amount": 1 }
    }));
    assert_eq!(
        errors(&expansion),
        [
            r#"/kind: must be "refund" (const)"#,
            "/amount: must be greater than 0 (exclusiveMinimum)",
            "/reason: expected a string, found a number (type)",
            "/memo: must have at most 140 characters (maxLength)",
            "/parent/reason: is required (required)",
        ],
        "{expansion}"
    );
    let built = refund(quote!({
        "kind": "refund", "amount": 10.5, "reason": null, "memo": null,
        "parent": { "kind": "refund", "amount": 1, "reason": "duplicate" }
    }));
    assert_eq!(errors(&built), Vec::<String>::new(), "{built}");
    let built = built.to_string();
    assert!(built.contains("memo : :: core :: option :: Option :: Some (crate :: __private :: runtime :: Nullable :: Null)"), "{built}");
    assert!(
        built.contains("reason : crate :: __private :: runtime :: Nullable :: Null"),
        "{built}"
    );
}
