//! `include_spec!` expands to exactly what `cargo xtask codegen` writes: for every bundled spec,
//! the expansion equals `generate_tokens`, and equals the checked-in
//! `payments-models/src/<module>.rs` once the file's header, module docs and compile-time
//! literal macros (which the xtask adds because it knows the module path) are set aside.

use payments_codegen::{generate_tokens, include_spec_at, EmitOptions, Http, Options};
use quote::quote;
use std::path::{Path, PathBuf};

/// What `include_spec!` generates with: no `http` parts (the caller's features are its own).
fn include_options() -> Options {
    Options {
        emit: EmitOptions {
            http: Http::Off,
            ..EmitOptions::default()
        },
        ..Options::default()
    }
}

/// Whether an item is one of the `http` parts (`#[cfg(feature = "http")]`).
fn is_http(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("cfg")
            && quote!(#attr).to_string().replace(' ', "") == "#[cfg(feature=\"http\")]"
    })
}

/// `items` without the `http` parts, in modules and impl blocks too: what the xtask file
/// holds besides what `include_spec!` expands to.
fn without_http(items: Vec<syn::Item>) -> Vec<syn::Item> {
    items
        .into_iter()
        .filter_map(|mut item| {
            let attrs = match &mut item {
                syn::Item::Mod(m) => {
                    if let Some((_, inner)) = m.content.take() {
                        m.content = Some((Default::default(), without_http(inner)));
                    }
                    m.attrs.clone()
                }
                syn::Item::Impl(i) => {
                    i.items.retain(|it| match it {
                        syn::ImplItem::Fn(f) => !is_http(&f.attrs),
                        _ => true,
                    });
                    i.attrs.clone()
                }
                syn::Item::Type(t) => t.attrs.clone(),
                syn::Item::Enum(e) => e.attrs.clone(),
                _ => Vec::new(),
            };
            (!is_http(&attrs)).then_some(item)
        })
        .collect()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The bundled specs: (`specs/<stem>.yaml`, `payments-models/src/<module>.rs`).
fn bundled() -> Vec<(String, String)> {
    let mut specs: Vec<(String, String)> = std::fs::read_dir(root().join("specs"))
        .expect("specs/ is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .filter_map(|path| {
            let stem = path.file_stem()?.to_str()?.to_owned();
            Some((stem.clone(), stem.replace('-', "_")))
        })
        .collect();
    specs.sort();
    assert_eq!(specs.len(), 5, "{specs:?}");
    specs
}

/// Items as prettyplease prints them: token-level differences that are only spelling
/// (`///` read back as `#[doc = "…"]` instead of `#[doc = r"…"]`, a trailing comma
/// prettyplease adds when it wraps a signature) disappear; every type, field, attribute and
/// expression stays.
fn items_text(items: Vec<syn::Item>) -> String {
    prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: Vec::new(),
        items,
    })
}

/// `const _: &[u8] = include_bytes!(…);`, returning the path it tracks.
fn tracked_path(item: &syn::Item) -> Option<String> {
    let syn::Item::Const(c) = item else {
        return None;
    };
    if c.ident != "_" {
        return None;
    }
    let syn::Expr::Macro(m) = c.expr.as_ref() else {
        return None;
    };
    if !m.mac.path.is_ident("include_bytes") {
        return None;
    }
    m.mac.parse_body::<syn::LitStr>().ok().map(|l| l.value())
}

/// The literal-macro items the xtask adds: `macro_rules! __papaya_currency_code { … }` and
/// `pub use crate::__papaya_currency_code as currency_code;`.
fn is_literal_macro(item: &syn::Item) -> bool {
    match item {
        syn::Item::Macro(m) => m.mac.path.is_ident("macro_rules"),
        syn::Item::Use(u) => matches!(&u.tree, syn::UseTree::Path(p) if p.ident == "crate"),
        _ => false,
    }
}

/// Items as tokens, exactly.
fn token_text(items: &[syn::Item]) -> String {
    items
        .iter()
        .map(|item| quote!(#item).to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn expansion_equals_generate_tokens_and_the_xtask_file() {
    for (stem, module) in bundled() {
        let written = format!("specs/{stem}.yaml");
        let spec = root().join(&written);

        let expansion = include_spec_at(quote!(#written), &root());
        let expansion: syn::File = syn::parse2(expansion.clone())
            .unwrap_or_else(|e| panic!("{written}: the expansion is not items ({e}): {expansion}"));
        let (tracked, expanded): (Vec<syn::Item>, Vec<syn::Item>) = expansion
            .items
            .into_iter()
            .partition(|item| tracked_path(item).is_some());
        assert_eq!(
            tracked.iter().filter_map(tracked_path).collect::<Vec<_>>(),
            [spec.display().to_string()],
            "{written}: the expansion tracks the spec file once, by absolute path"
        );

        let generated =
            generate_tokens(&spec, &include_options()).unwrap_or_else(|e| panic!("{written}: {e}"));
        let generated: syn::File = syn::parse2(generated).expect("generated tokens are items");
        assert_eq!(
            token_text(&expanded),
            token_text(&generated.items),
            "{written}: the expansion is generate_tokens plus the tracking const"
        );
        let expanded = items_text(expanded);

        let file = root().join(format!("payments-models/src/{module}.rs"));
        let text = std::fs::read_to_string(&file).expect("the checked-in module");
        let checked_in = syn::parse_file(&text).expect("the checked-in module parses");
        let (literal_macros, models): (Vec<syn::Item>, Vec<syn::Item>) =
            checked_in.items.into_iter().partition(is_literal_macro);
        let with_http = items_text(models.clone());
        let models = items_text(without_http(models));
        assert_ne!(with_http, models, "{module}: the xtask file has http parts");
        assert_eq!(
            expanded, models,
            "{written}: include_spec! and payments-models/src/{module}.rs differ"
        );
        // Not vacuous: the models and the operations are all there.
        assert!(
            models.contains("pub struct CreatePaymentRequest"),
            "{module}"
        );
        assert!(models.contains("pub mod operations"), "{module}");
        // Each exported macro has its re-export, but the hidden one holding the spec for the
        // payload macros.
        let exports = literal_macros
            .iter()
            .filter(|item| matches!(item, syn::Item::Macro(_)))
            .count();
        assert_eq!(
            exports,
            literal_macros.len() - exports + 1,
            "{module}: macro and re-export pairs, and the spec's macro"
        );
    }
}

#[test]
fn a_refused_spec_is_one_compile_error_at_the_literal() {
    let expansion = include_spec_at(quote!("codegen/tests/no-such-spec.yaml"), &root()).to_string();
    assert_eq!(expansion.matches("compile_error").count(), 1, "{expansion}");
    assert!(
        expansion.contains("include_spec!: codegen/tests/no-such-spec.yaml: cannot read the spec"),
        "{expansion}"
    );
}
