//! `<newtype>!("…")`: builds a constrained string or decimal newtype from a literal, checked
//! against its rules while compiling (by `check_literal!`): a literal that breaks them does not
//! compile. An `include_spec!` module's are tokens beside their type; a generated crate's are
//! text at the end of the module, with the payload macros (thousands of them in a large spec,
//! where formatting them with prettyplease was a twentieth of the generator's time).

use super::payload::{
    call_path, can_name_a_macro, define_macro, exported_macro_text, macro_path, runtime_path,
};
use super::rules::rule_list;
use super::types::ident;
use super::{EmitOptions, MacroPaths};
use crate::ir::{case, Newtype, TypeDef, TypeKind, TypeRef, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

/// What a newtype's literal macro is called and what it checks.
struct LiteralMacro {
    /// The exported (hidden) macro's name: `__<prefix>_<short>`.
    exported: String,
    /// The name it is re-exported by in the module: the type's name in snake_case.
    short: String,
    /// The docs of the re-export.
    doc: String,
}

/// The literal macro of `def`, when it has one: a string or decimal newtype in a module with
/// macros, whose snake_case name can name a macro.
fn literal_macro_of(def: &TypeDef, n: &Newtype, options: &EmitOptions) -> Option<LiteralMacro> {
    let (Some(_), Some(prefix)) = (&options.module_path, &options.macro_prefix) else {
        return None;
    };
    if !matches!(n.inner, TypeRef::String | TypeRef::Decimal(_)) {
        return None;
    }
    let short = case::snake(&def.name);
    if !can_name_a_macro(&short) {
        return None;
    }
    Some(LiteralMacro {
        exported: format!("__{prefix}_{short}"),
        short,
        doc: format!(
            " Builds [`{}`] from a literal, checked against its rules at compile time: a \
             literal that breaks them does not compile.",
            def.name
        ),
    })
}

/// The type's path from a macro: `$crate::Type`, or `$crate::module::Type`.
fn type_path(def: &TypeDef, options: &EmitOptions) -> String {
    match options.module_path.as_deref() {
        Some(module) if !module.is_empty() => format!("$crate::{module}::{}", def.name),
        _ => format!("$crate::{}", def.name),
    }
}

/// `def`'s literal macro as tokens, beside its type: an `include_spec!` module's. A generated
/// crate's are text ([`literal_macros_text`]).
pub(super) fn literal_macro(def: &TypeDef, n: &Newtype, options: &EmitOptions) -> TokenStream {
    if options.macro_paths != MacroPaths::Direct {
        return TokenStream::new();
    }
    let Some(names) = literal_macro_of(def, n, options) else {
        return TokenStream::new();
    };
    let path = call_path(options, &ident(&def.name));
    let rules = rule_list(&n.constraints);
    let check_literal = macro_path(options, "check_literal");
    let runtime = runtime_path(options);
    define_macro(
        options,
        &ident(&names.exported),
        quote! {
            ($value:literal) => {
                #path::__from_checked_literal(#check_literal!(runtime = [#runtime], #(#rules,)* $value))
            };
        },
        Some((&ident(&names.short), &names.doc)),
    )
}

/// A generated crate's literal macros, as text for the end of the module (empty for an
/// `include_spec!` module, whose are tokens).
pub fn literal_macros_text(space: &TypeSpace, options: &EmitOptions) -> String {
    if options.macro_paths != MacroPaths::Crate {
        return String::new();
    }
    let mut out = String::new();
    for def in space.types() {
        let TypeKind::Newtype(n) = &def.kind else {
            continue;
        };
        let Some(names) = literal_macro_of(def, n, options) else {
            continue;
        };
        let LiteralMacro {
            exported,
            short,
            doc,
        } = names;
        let path = type_path(def, options);
        // One argument of `check_literal!` per line: the runtime, each rule, the literal.
        let mut arguments = String::from("            runtime = [$crate::__private::runtime],\n");
        for rule in rule_list(&n.constraints) {
            arguments.push_str(&format!("            {rule},\n"));
        }
        let rule = format!(
            "    ($value:literal) => {{\n        \
             {path}::__from_checked_literal($crate::__private::check_literal!(\n\
             {arguments}            $value\n        ))\n    }};\n"
        );
        out.push_str(&exported_macro_text(&exported, &rule, &doc, &short));
    }
    if out.is_empty() {
        return out;
    }
    format!(
        "\n// The literal macros, `<type>!(\"…\")`: a constrained string or decimal built from a \
         literal\n// checked against the type's rules while compiling.\n{out}"
    )
}
