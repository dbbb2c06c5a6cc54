//! The corpora through the payload macros' check: every JSON payload of every corpus, written as
//! a literal (`papaya::create_payment_request!({…})`), must be refused with the same (path,
//! code) pairs `parse` reports — the check the macros run while compiling, driven here through
//! `payments_codegen::payload` on the payload's tokens.
//!
//! A literal is stricter than `parse` in two documented ways (see `payments_codegen::payload`):
//! a member the schema does not list is `additionalProperties`, and in a response type an
//! undocumented enum value is `enum`. A case may differ from the corpus only by such extra
//! violations; the test lists those cases.

use super::{load, minus, show, Expected};
use payments_runtime::json::Json;
use payments_tests::{root, PROVIDERS};
use proc_macro2::{Delimiter, Group, Literal, Punct, Spacing, TokenStream, TokenTree};
use quote::quote;

/// A JSON value as the tokens a literal writes it with.
fn tokens(value: &Json<'_>) -> TokenStream {
    match value {
        Json::Null => quote!(null),
        Json::Bool(b) => quote!(#b),
        Json::Number(text) => {
            let (minus, digits) = match text.strip_prefix('-') {
                Some(digits) => (Some(Punct::new('-', Spacing::Alone)), digits),
                None => (None, text.as_ref()),
            };
            let literal: Literal = digits.parse().expect("a JSON number is a Rust literal");
            quote!(#minus #literal)
        }
        Json::String(text) => {
            let literal = Literal::string(text);
            quote!(#literal)
        }
        Json::Array(items) => {
            let items = items.iter().map(tokens);
            let inner = quote!(#(#items),*);
            TokenTree::Group(Group::new(Delimiter::Bracket, inner)).into()
        }
        Json::Object(object) => {
            let members = object.iter().map(|(key, value)| {
                let value = tokens(value);
                quote!(#key: #value)
            });
            let inner = quote!(#(#members),*);
            TokenTree::Group(Group::new(Delimiter::Brace, inner)).into()
        }
    }
}

/// The messages of every `compile_error!` in an expansion.
fn compile_errors(expansion: TokenStream, out: &mut Vec<String>) {
    let tokens: Vec<TokenTree> = expansion.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                if let Some(TokenTree::Group(args)) = tokens.get(i + 2) {
                    let message: syn::LitStr =
                        syn::parse2(args.stream()).expect("a compile_error! message");
                    out.push(message.value());
                }
            }
            TokenTree::Group(group) => compile_errors(group.stream(), out),
            _ => {}
        }
    }
}

/// `/amount/currency: must match ^[A-Z]{3}$ (pattern)` → (`/amount/currency`, `pattern`).
fn pair(message: &str) -> Option<Expected> {
    let (path, rest) = message.split_once(": ")?;
    let code = rest.strip_suffix(')')?.rsplit_once(" (")?.1;
    let path = if path == "(root)" { "" } else { path };
    Some(Expected {
        path: path.to_owned(),
        code: code.to_owned(),
    })
}

#[test]
fn literals_are_refused_as_parse_refuses_their_json() {
    let mut failures = Vec::new();
    let (mut same, mut stricter) = (0, Vec::new());
    for provider in PROVIDERS {
        let module = provider.replace('-', "_");
        let module: proc_macro2::Ident = syn::parse_str(&module).expect("a module name");
        let label = format!("specs/{provider}.yaml");
        let text = std::fs::read_to_string(root().join(&label)).expect("the spec");
        for entry in load(provider) {
            let Some(payload) = &entry.case.payload else {
                continue; // not JSON: nothing a literal could write
            };
            let ty: proc_macro2::Ident = syn::parse_str(&entry.case.r#type).expect("a type name");
            let value = tokens(payload);
            let expansion = payments_codegen::payload(quote! {
                krate = crate, module = [#module], spec = #label, text = #text,
                type = #ty, value = #value
            });
            let mut messages = Vec::new();
            compile_errors(expansion, &mut messages);
            let mut found = Vec::new();
            for message in &messages {
                match pair(message) {
                    Some(pair) => found.push(pair),
                    None => failures.push(format!("{}: refused: {message}", entry.name)),
                }
            }
            let expected = &entry.case.violations;
            let missing = minus(expected, &found);
            let extra = minus(&found, expected);
            let response = entry.case.r#type != "CreatePaymentRequest";
            let allowed =
                |e: &Expected| e.code == "additionalProperties" || (response && e.code == "enum");
            if missing.is_empty() && extra.is_empty() {
                same += 1;
            } else if missing.is_empty() && extra.iter().all(allowed) {
                stricter.push(format!("{}: also {}", entry.name, show(&extra)));
            } else {
                failures.push(format!(
                    "{}: missing {}; extra {}",
                    entry.name,
                    show(&missing),
                    show(&extra)
                ));
            }
        }
    }
    println!("{same} cases as parse; stricter ({}):", stricter.len());
    for line in &stricter {
        println!("  {line}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(same > 100, "only {same} cases compared");
}
