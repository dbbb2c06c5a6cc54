//! The expansion of `include_spec!("specs/acme.yaml")`: the spec read at compile time and
//! turned into the same module body `cargo xtask codegen` writes ([`generate_tokens`]), without
//! the `http` parts. The compile-time literal and payload macros need the module's path from
//! the crate root: `include_spec!("specs/acme.yaml", module = acme)` emits them (re-exported
//! in the module for the crate, calling `payments_codegen_macros` and `payments_runtime`
//! directly); without it there are none.
//!
//! The path is relative to the calling crate's `CARGO_MANIFEST_DIR` (as for `include_bytes!`
//! in a build script's output, not to the calling file). The expansion ends with a hidden
//! `const _: &[u8] = include_bytes!("<absolute path>");`, so cargo rebuilds the crate when the
//! spec changes. A spec the generator refuses becomes a `compile_error!` at the macro's
//! argument with the generator's message: the file as written in the call and the JSON Pointer.

use crate::{generate_tokens, Options};
use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use std::path::{Path, PathBuf};
use syn::parse::ParseStream;

/// `include_spec!` for a crate whose manifest directory is `CARGO_MANIFEST_DIR`.
pub fn include_spec(input: TokenStream) -> TokenStream {
    match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(dir) => include_spec_at(input, Path::new(&dir)),
        None => {
            let message = "include_spec!: CARGO_MANIFEST_DIR is not set; build with cargo";
            quote_spanned!(Span::call_site()=> compile_error!(#message);)
        }
    }
}

/// `include_spec!` with relative paths resolved against `manifest_dir`.
pub fn include_spec_at(input: TokenStream, manifest_dir: &Path) -> TokenStream {
    let (literal, module) = match syn::parse::Parser::parse2(arguments, input) {
        Ok(parsed) => parsed,
        Err(error) => {
            let message = format!(
                "include_spec! takes one string literal, the spec's path relative to the \
                 crate's Cargo.toml, and optionally the module's path from the crate root for \
                 its literal and payload macros: include_spec!(\"specs/acme.yaml\") or \
                 include_spec!(\"specs/acme.yaml\", module = acme) ({error})"
            );
            return quote_spanned!(error.span()=> compile_error!(#message););
        }
    };
    let written = literal.value();
    let path: PathBuf = manifest_dir.join(&written);
    // The caller's crate declares its own features: the `http` parts, which are emitted
    // behind `cfg(feature = "http")`, are left out (see `EmitOptions::http`). The literal and
    // payload macros need the module's path, and call the macros and the runtime directly.
    let mut emit = crate::EmitOptions {
        http: crate::Http::Off,
        ..crate::EmitOptions::default()
    };
    if let (Some(module), Ok(text)) = (&module, std::fs::read_to_string(&path)) {
        let module = module
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .filter(|s| s != "crate")
            .collect::<Vec<_>>();
        emit.macro_prefix = Some(format!("include_{}", module.join("_")));
        emit.module_path = Some(module.join("::"));
        emit.spec = Some(crate::EmbeddedSpec {
            label: written.clone(),
            text,
        });
        emit.macro_paths = crate::MacroPaths::Direct;
    }
    let options = Options {
        spec_label: written.clone(),
        emit,
    };
    // Tracks the file even when it does not generate, so fixing it triggers a rebuild.
    let track = path.is_file().then(|| {
        let absolute = path.display().to_string();
        quote!(
            const _: &[u8] = include_bytes!(#absolute);
        )
    });
    match generate_tokens(&path, &options) {
        Ok(body) => quote!(#body #track),
        Err(error) => {
            // Name the file as the call writes it, not as the macro found it.
            let message = error
                .to_string()
                .replacen(&path.display().to_string(), &written, 1);
            let message = format!("include_spec!: {message}");
            let span = literal.span();
            quote_spanned!(span=> compile_error!(#message); #track)
        }
    }
}

/// `"path"` or `"path", module = a::b`.
fn arguments(input: ParseStream<'_>) -> syn::Result<(syn::LitStr, Option<syn::Path>)> {
    let literal: syn::LitStr = input.parse()?;
    if input.is_empty() {
        return Ok((literal, None));
    }
    input.parse::<syn::Token![,]>()?;
    let key: syn::Ident = input.parse()?;
    if key != "module" {
        return Err(syn::Error::new(key.span(), "expected `module = path`"));
    }
    input.parse::<syn::Token![=]>()?;
    let module: syn::Path = input.parse()?;
    input.parse::<Option<syn::Token![,]>>()?;
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the module's path"));
    }
    Ok((literal, Some(module)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn include_options() -> Options {
        Options {
            emit: crate::EmitOptions {
                http: crate::Http::Off,
                ..crate::EmitOptions::default()
            },
            ..Options::default()
        }
    }

    fn dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    #[test]
    fn expands_to_the_generated_body_and_tracks_the_file() {
        let expansion = include_spec_at(quote!("specs/layer2.yaml"), &dir()).to_string();
        let expected = generate_tokens(&dir().join("specs/layer2.yaml"), &include_options())
            .map(|t| t.to_string())
            .unwrap_or_default();
        assert!(!expected.is_empty());
        assert!(expansion.starts_with(&expected), "{expansion}");
        assert!(expansion.contains("include_bytes !"), "{expansion}");
        assert!(expansion.contains("layer2.yaml"), "{expansion}");
    }

    #[test]
    fn a_missing_file_is_a_compile_error_naming_it_as_written() {
        let expansion = include_spec_at(quote!("specs/missing.yaml"), &dir()).to_string();
        assert!(expansion.starts_with("compile_error !"), "{expansion}");
        assert!(
            expansion.contains("include_spec!: specs/missing.yaml: cannot read the spec"),
            "{expansion}"
        );
        assert!(!expansion.contains("include_bytes"), "{expansion}");
    }

    #[test]
    fn a_module_path_gives_the_literal_and_payload_macros() {
        let without = include_spec_at(quote!("specs/papaya.yaml"), &dir()).to_string();
        assert!(!without.contains("macro_rules"), "{without}");
        let with =
            include_spec_at(quote!("specs/papaya.yaml", module = crate::acme), &dir()).to_string();
        for expected in [
            "macro_rules ! __include_acme_payload",
            ":: payments_codegen_macros :: payload !",
            "pub (crate) use __include_acme_payload_create_payment_request as create_payment_request",
            "pub (crate) use __include_acme_currency as currency",
            "$ crate :: acme :: __include_acme_payload !",
        ] {
            assert!(with.contains(expected), "{expected}: {with}");
        }
        assert!(!with.contains("macro_export"), "{with}");
    }

    #[test]
    fn anything_but_one_string_literal_is_refused() {
        for input in [
            quote!(),
            quote!(specs),
            quote!("a.yaml", "b"),
            quote!("a.yaml", crate = acme),
            quote!("a.yaml", module = acme, more),
        ] {
            let expansion = include_spec_at(input, &dir()).to_string();
            assert!(
                expansion.contains("takes one string literal"),
                "{expansion}"
            );
        }
    }
}
