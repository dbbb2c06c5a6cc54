//! The payload macros of a module (see `crate::payload`): one hidden macro embedding the
//! spec, `include_payload!`, and `<type>!({…})` for each type a JSON literal can build.

use super::types::ident;
use super::{EmitOptions, MacroPaths};
use crate::ir::case;
use crate::ir::{TypeDef, TypeKind, TypeSpace};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

/// The spec a module's payload macros check against, embedded in the module.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbeddedSpec {
    /// The file name as the generator was given it (its extension tells JSON from YAML).
    pub label: String,
    /// The document's text, as read.
    pub text: String,
}

/// The module path and macro prefix, when payload macros are emitted.
fn settings(options: &EmitOptions) -> Option<(&str, &str, &EmbeddedSpec)> {
    match (&options.module_path, &options.macro_prefix, &options.spec) {
        (Some(module), Some(prefix), Some(spec)) => Some((module, prefix, spec)),
        _ => None,
    }
}

/// The hidden macro holding the spec, and `include_payload!`.
pub fn module_macros(options: &EmitOptions) -> TokenStream {
    let Some((module, prefix, spec)) = settings(options) else {
        return TokenStream::new();
    };
    let hidden = ident(&format!("__{prefix}_payload"));
    let include = ident(&format!("__{prefix}_include_payload"));
    let mut path = TokenStream::new();
    for (i, segment) in module.split("::").filter(|s| !s.is_empty()).enumerate() {
        let segment = ident(segment);
        path.extend(if i == 0 {
            quote!(#segment)
        } else {
            quote!(::#segment)
        });
    }
    let label = &spec.label;
    let text = text_literal(&spec.text);
    let payload = macro_path(options, "payload");
    let runtime = runtime_path(options);
    let call = call_path(options, &hidden);
    let doc =
        " `include_payload!(Type, \"fixtures/create.json\")`: reads a JSON file (relative to \
               the calling crate's `Cargo.toml`) while compiling, checks it against `Type`'s \
               schema as `parse` would, and expands to the typed value. A fixture that breaks \
               the schema does not compile; the error names the file, the JSON Pointer and the \
               keyword. Editing the file rebuilds the crate.";
    let mut out = define_macro(
        options,
        &hidden,
        quote! {
            ($($input:tt)*) => {
                #payload! {
                    krate = $crate,
                    runtime = [#runtime],
                    module = [#path],
                    spec = #label,
                    text = #text,
                    $($input)*
                }
            };
        },
        None,
    );
    out.extend(define_macro(
        options,
        &include,
        quote! {
            ($type:ident, $file:literal $(,)?) => {
                #call!(type = $type, file = $file)
            };
        },
        Some((&ident("include_payload"), doc)),
    ));
    out
}

/// The name of the `<type>!({…})` macro of a type a JSON literal builds: an object, an enum, a
/// union or a name for one (a constrained scalar has its own literal macro; JSON checked keyword
/// by keyword has none). A type whose macro name would not lead back to it (`HTTPCode`, whose
/// `http_code!` another type could claim), or would be a keyword (`Type`), has none either.
fn type_macro_name(def: &TypeDef) -> Option<String> {
    if matches!(def.kind, TypeKind::Newtype(_) | TypeKind::Checked(_)) {
        return None;
    }
    let short = case::snake(&def.name);
    let usable = case::upper_camel(&short) == def.name
        && short != "include_payload"
        && can_name_a_macro(&short);
    usable.then_some(short)
}

/// Whether `name` can name a macro: an identifier, not a keyword (`Type` → `type` cannot).
pub(crate) fn can_name_a_macro(name: &str) -> bool {
    syn::parse_str::<Ident>(name).is_ok()
}

fn type_macro_doc(def: &TypeDef) -> String {
    format!(
        " Builds a [`{}`] from a JSON literal (`serde_json::json!` syntax), checked against its \
         schema while compiling: a literal that breaks it does not compile, and each violation \
         is an error at its token with the JSON Pointer and keyword `parse` reports.",
        def.name
    )
}

/// `<type>!({…})` as tokens, beside its type: an `include_spec!` module's. A generated crate's
/// are text, at the end of the module ([`type_macros_text`]).
pub fn type_macro(def: &TypeDef, options: &EmitOptions) -> TokenStream {
    let Some((_, prefix, _)) = settings(options) else {
        return TokenStream::new();
    };
    if options.macro_paths != MacroPaths::Direct {
        return TokenStream::new();
    }
    let Some(short) = type_macro_name(def) else {
        return TokenStream::new();
    };
    let hidden = ident(&format!("__{prefix}_payload"));
    let exported = ident(&format!("__{prefix}_payload_{short}"));
    let short_ident = ident(&short);
    let type_ident = ident(&def.name);
    let call = call_path(options, &hidden);
    define_macro(
        options,
        &exported,
        quote! {
            ($($json:tt)+) => {
                #call!(type = #type_ident, value = $($json)+)
            };
        },
        Some((&short_ident, &type_macro_doc(def))),
    )
}

/// A generated crate's `<type>!({…})` macros, formatted here rather than by prettyplease: one
/// small, fixed item per type, and thousands of them in a large spec (Plaid's 2,200), where
/// formatting them was a tenth of the generator's time. Appended at the end of the module, the
/// same text whichever way the module is rendered; empty without payload macros.
pub fn type_macros_text(space: &TypeSpace, options: &EmitOptions) -> String {
    let Some((_, prefix, _)) = settings(options) else {
        return String::new();
    };
    if options.macro_paths != MacroPaths::Crate {
        return String::new();
    }
    let mut out = String::new();
    for def in space.types() {
        let Some(short) = type_macro_name(def) else {
            continue;
        };
        let name = &def.name;
        let rule = format!(
            "    ($($json:tt)+) => {{\n        \
             $crate::__{prefix}_payload!(type = {name}, value = $($json)+)\n    }};\n"
        );
        let exported = format!("__{prefix}_payload_{short}");
        out.push_str(&exported_macro_text(
            &exported,
            &rule,
            &type_macro_doc(def),
            &short,
        ));
    }
    if out.is_empty() {
        return out;
    }
    format!(
        "\n// The payload macros, `<type>!({{…}})`: a JSON literal checked against the type's schema\n\
         // while compiling.\n{out}"
    )
}

/// A generated crate's macro as text: `exported` at the crate's root (hidden), with its one
/// `rule` (as the module's text indents it), re-exported in the module as `short` with `doc`.
pub(super) fn exported_macro_text(exported: &str, rule: &str, doc: &str, short: &str) -> String {
    format!(
        "\n#[doc(hidden)]\n#[macro_export]\nmacro_rules! {exported} {{\n{rule}}}\n\n\
         ///{doc}\npub use crate::{exported} as {short};\n"
    )
}

/// A `macro_rules!` of the module, with the public name it goes by (and that name's docs), if
/// any. A generated crate exports it at its root (`#[macro_export]`) and re-exports it in the
/// module; an `include_spec!` module, whose macros are macro-expanded and so cannot be named
/// by path once exported, re-exports it in the module for the crate.
pub(crate) fn define_macro(
    options: &EmitOptions,
    name: &Ident,
    rules: TokenStream,
    public: Option<(&Ident, &str)>,
) -> TokenStream {
    let direct = options.macro_paths == MacroPaths::Direct;
    let public = public.map(|(short, doc)| {
        let reexport = if direct {
            quote!(#[allow(unused_imports)] pub(crate) use #name as #short;)
        } else {
            quote!(pub use crate::#name as #short;)
        };
        quote! {
            #[doc = #doc]
            #reexport
        }
    });
    if direct {
        quote! {
            #[doc(hidden)]
            macro_rules! #name { #rules }
            #[doc(hidden)]
            #[allow(unused_imports)]
            pub(crate) use #name;
            #public
        }
    } else {
        quote! {
            #[doc(hidden)]
            #[macro_export]
            macro_rules! #name { #rules }
            #public
        }
    }
}

/// How the module's macros name the module's item `name` (another of its macros, or a type).
pub(crate) fn call_path(options: &EmitOptions, name: &Ident) -> TokenStream {
    match (options.macro_paths, options.module_path.as_deref()) {
        (MacroPaths::Direct, Some(module)) if !module.is_empty() => {
            let segments = module.split("::").map(ident);
            quote!($crate #(::#segments)* ::#name)
        }
        _ => quote!($crate::#name),
    }
}

/// How the module's macros name the runtime.
pub(crate) fn runtime_path(options: &EmitOptions) -> TokenStream {
    match options.macro_paths {
        MacroPaths::Crate => quote!($crate::__private::runtime),
        MacroPaths::Direct => quote!(::payments_runtime),
    }
}

/// The path of one of `payments-codegen-macros`' macros, as the module's macros call it.
pub(crate) fn macro_path(options: &EmitOptions, name: &str) -> TokenStream {
    let name = ident(name);
    match options.macro_paths {
        MacroPaths::Crate => quote!($crate::__private::#name),
        MacroPaths::Direct => quote!(::payments_codegen_macros::#name),
    }
}

/// The text as a raw string literal (readable in the module), or an escaped one when it holds
/// a carriage return, which a raw string cannot.
fn text_literal(text: &str) -> Literal {
    if text.contains('\r') {
        return Literal::string(text);
    }
    let mut hashes = String::from("#");
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}")
        .parse()
        .unwrap_or_else(|_| Literal::string(text))
}

#[cfg(test)]
mod tests {
    use super::text_literal;

    #[test]
    fn a_spec_text_is_a_raw_string_with_one_hash_more_than_any_quote_is_followed_by() {
        for (text, literal) in [
            ("{}", "r#\"{}\"#"),
            (r##"{"$ref":"#/a"}"##, r###"r##"{"$ref":"#/a"}"##"###),
            ("a \"### b \"# c", "r####\"a \"### b \"# c\"####"),
            ("trailing \"", "r#\"trailing \"\"#"),
        ] {
            assert_eq!(text_literal(text).to_string(), literal, "{text}");
        }
        // A carriage return cannot be in a raw string: escaped.
        assert_eq!(text_literal("a\rb").to_string(), "\"a\\rb\"");
    }
}
