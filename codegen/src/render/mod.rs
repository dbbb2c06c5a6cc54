//! Stage 4: tokens → a formatted file with its `@generated` header.
//!
//! [`render_space`] emits and formats the parts of a module on every core (syn's parse and
//! prettyplease are most of the generator's time), printing the plainest items itself
//! ([`simple`]); the text does not depend on how many threads ran, and is the text
//! [`render_file`] has prettyplease make of the whole module.

mod attributes;
mod body;
mod broken_types;
mod cursor;
mod expressions;
mod held;
mod layout;
mod methods;
mod operation;
mod simple;
mod type_syntax;

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::emit::{self, Helpers, Placement};
use crate::error::Error;
use crate::ir::TypeSpace;
use crate::load::Document;
use crate::Options;
use proc_macro2::{TokenStream, TokenTree};

/// A part's formatted text and where it goes, or why it did not format (text: it crosses
/// threads).
type FormattedPart = Result<(String, Placement), String>;

/// More threads than this gain nothing on a module's worth of parts.
const MAX_THREADS: usize = 8;

/// A rendered module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// The file's text.
    pub source: String,
    /// How many named types it defines.
    pub type_count: usize,
    /// What the document holds that was left out, each located (see [`TypeSpace::warnings`]).
    pub warnings: Vec<crate::Error>,
}

/// Formats the tokens with prettyplease and prepends the header and the module docs.
pub fn render_file(
    doc: &Document,
    space: &TypeSpace,
    tokens: TokenStream,
    options: &Options,
) -> Result<GeneratedFile, Error> {
    let mut body = format_items(tokens).map_err(|e| not_rust(doc, &e))?;
    body.push_str(&emit::macros_text(space, &options.emit));
    Ok(with_header(doc, space, &body, options))
}

/// Emits the space (as [`emit::emit`]) and formats it: the same text as [`render_file`] of
/// the emitted tokens, produced part by part on all cores.
pub fn render_space(
    doc: &Document,
    space: &TypeSpace,
    options: &Options,
) -> Result<GeneratedFile, Error> {
    let count = emit::part_count(space);
    // The operations' parts first: they are the largest (parameters, bodies and responses of
    // a whole operation), so no thread is left waiting for one at the end.
    let operations = emit::first_operations_part(space).min(count);
    let order: Vec<usize> = (operations..count).chain(0..operations).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        while let Some(&index) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            let part = emit::emit_part(space, &options.emit, index);
            let text = match part.placement {
                Placement::TopLevel => format_part(part.tokens),
                Placement::InModule => operation::format_operation(part.tokens),
                Placement::OpensModule => format_items(part.tokens),
            };
            done.push((index, part.helpers, text.map(|text| (text, part.placement))));
        }
        done
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(MAX_THREADS);
    let panicked = || doc.error("", "internal error: a rendering thread panicked");
    // The payload macros are text of their own, written beside the parts.
    let (mut parts, macros): (Vec<(usize, Helpers, FormattedPart)>, String) =
        std::thread::scope(|scope| {
            let macros = scope.spawn(|| emit::macros_text(space, &options.emit));
            let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
            let mut parts = work();
            for helper in helpers {
                parts.extend(helper.join().map_err(|_| panicked())?);
            }
            Ok((parts, macros.join().map_err(|_| panicked())?))
        })?;
    parts.sort_by_key(|(index, _, _)| *index);
    // The operations module's head holds the helpers its operations reported using: emitted
    // last, placed before them.
    if !space.operations().is_empty() {
        let helpers = parts
            .iter()
            .fold(Helpers::default(), |all, (_, used, _)| all.union(*used));
        let head = format_items(emit::operations_head(helpers));
        let at = emit::first_operations_part(space);
        parts.insert(
            at,
            (at, helpers, head.map(|text| (text, Placement::OpensModule))),
        );
    }
    let mut body = String::new();
    let mut open_module = false;
    for (_, _, part) in parts {
        let (text, placement) = part.map_err(|e| not_rust(doc, &e))?;
        open_module =
            join_part(&mut body, &text, placement, open_module).map_err(|e| not_rust(doc, e))?;
    }
    if open_module {
        body.push_str("}\n");
    }
    body.push_str(&macros);
    Ok(with_header(doc, space, &body, options))
}

/// Appends one part's formatted text as its placement says; returns whether a module is left
/// open (closed before the next top-level part, or by the caller at the end).
fn join_part(
    body: &mut String,
    text: &str,
    placement: Placement,
    open_module: bool,
) -> Result<bool, &'static str> {
    if let Placement::InModule = placement {
        let inner = text
            .split_once('\n')
            .and_then(|(_, rest)| rest.strip_suffix("}\n"))
            .ok_or("an operation is not wrapped in its module")?;
        body.push_str(inner);
        return Ok(true);
    }
    if open_module {
        body.push_str("}\n");
    }
    if !body.is_empty() && !text.is_empty() {
        body.push('\n');
    }
    if placement == Placement::OpensModule {
        // Without helpers the head is `pub mod operations {}`: open it on its own line.
        let head = text
            .strip_suffix("{}\n")
            .map(|open| (open, "{\n"))
            .or_else(|| text.strip_suffix("}\n").map(|open| (open, "")))
            .ok_or("the operations module does not end in `}`")?;
        body.push_str(head.0);
        body.push_str(head.1);
        return Ok(true);
    }
    body.push_str(text);
    Ok(false)
}

/// Emission built tokens that are not Rust: a generator bug, reported as an error.
fn not_rust(doc: &Document, error: &str) -> Error {
    doc.error(
        "",
        format!("internal error: generated code does not parse: {error}"),
    )
}

/// The file: the `@generated` header, the module docs, then `body`.
fn with_header(doc: &Document, space: &TypeSpace, body: &str, options: &Options) -> GeneratedFile {
    let mut out = String::new();
    out.push_str(&format!(
        "// @generated by `cargo xtask codegen` from {}. Do not edit by hand: edit the spec and regenerate.\n",
        options.spec_label
    ));
    out.push_str(&module_docs(doc));
    // Compared byte for byte by `cargo xtask codegen --check`: keep `cargo fmt` off it.
    // (An attribute rustc drops, so the module is not treated as macro-expanded.)
    out.push_str("#![cfg_attr(rustfmt, rustfmt::skip)]\n");
    if marks_deprecated(space) {
        // Items stay `#[deprecated]` for the code that uses them; the module's own derives and
        // references to them must not warn.
        out.push_str("#![allow(deprecated)]\n");
    }
    if options.emit.module_path.as_deref() == Some("") {
        // The crate's root (a `--spec/--out` crate). rustdoc's auto-trait analysis of deeply
        // nested models (Stripe's) overflows the default limit of 128 (E0275).
        out.push_str("#![recursion_limit = \"256\"]\n");
    }
    out.push('\n');
    out.push_str(body);
    GeneratedFile {
        source: out,
        type_count: space.types().len(),
        warnings: space.warnings().to_vec(),
    }
}

/// Whether any type, member or operation of the space is marked deprecated.
fn marks_deprecated(space: &TypeSpace) -> bool {
    let member = |def: &crate::ir::TypeDef| match &def.kind {
        crate::ir::TypeKind::Struct(s) => s.fields.iter().any(|f| f.docs.deprecated),
        _ => false,
    };
    space
        .types()
        .iter()
        .any(|def| def.docs.deprecated || member(def))
        || space
            .operations()
            .iter()
            .any(|op| op.docs.deprecated || op.parameters.iter().any(|p| p.docs.deprecated))
}

/// `//!` lines: the API's title and version, then its description, made safe for rustdoc as
/// item docs are.
fn module_docs(doc: &Document) -> String {
    let info = &doc.api.info;
    let mut text = format!("{} (version {})", info.title.trim(), info.version.trim());
    if let Some(description) = info.description.as_deref() {
        text.push_str("\n\n");
        text.push_str(description);
    }
    emit::doc_lines(&text)
        .iter()
        .map(|line| {
            if line.is_empty() {
                "//!\n".to_owned()
            } else {
                format!("//! {line}\n")
            }
        })
        .collect()
}

/// Formats a top-level part: its leading struct or enum, and the impl of plain methods after
/// it, printed directly when they can be ([`simple::leading_item`], [`methods::leading_impl`]);
/// the items after them by prettyplease.
fn format_part(tokens: TokenStream) -> Result<String, String> {
    // Taken apart once, by value (walking a shared stream would copy every token).
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let Some((mut text, rest)) = simple::leading_item(&tokens) else {
        return format_items(tokens.into_iter().collect());
    };
    let rest = match methods::leading_impl(rest) {
        Some((methods, after)) => {
            text.push('\n');
            text.push_str(&methods);
            after
        }
        None => rest,
    };
    if !rest.is_empty() {
        text.push('\n');
        text.push_str(&format_items(rest.iter().cloned().collect())?);
    }
    Ok(text)
}

/// Formats tokens holding items: prettyplease prints items back to back; a blank line between
/// items (but not between `use` lines) reads like hand-written code. The error is text, as it
/// crosses threads.
fn format_items(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| e.to_string())?;
    let mut out = String::new();
    let mut previous_was_use = false;
    for item in file.items {
        let is_use = matches!(item, syn::Item::Use(_));
        let use_after_use = is_use && previous_was_use;
        if !out.is_empty() && !use_after_use {
            out.push('\n');
        }
        out.push_str(&prettyplease::unparse(&syn::File {
            shebang: None,
            attrs: Vec::new(),
            items: vec![item],
        }));
        previous_was_use = is_use;
    }
    Ok(out)
}

/// What prettyplease prints for `tokens` (one item), for the direct printers' tests.
#[cfg(test)]
fn prettyplease_text(tokens: &TokenStream) -> String {
    let file: syn::File = syn::parse2(tokens.clone()).expect("parses");
    prettyplease::unparse(&file)
}

/// A direct printer of a part's leading item: its text and the tokens after it.
#[cfg(test)]
type LeadingPrinter = for<'t> fn(&'t [TokenTree]) -> Option<(String, &'t [TokenTree])>;

/// What the direct printer `print` makes of the item `tokens` hold, or `None`; when printed,
/// it took all the tokens and the text is prettyplease's.
#[cfg(test)]
fn printed_as_prettyplease(tokens: TokenStream, print: LeadingPrinter) -> Option<String> {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let (text, rest) = print(&trees)?;
    assert!(rest.is_empty());
    assert_eq!(text, prettyplease_text(&tokens), "{tokens}");
    Some(text)
}

/// An identifier, for the direct printers' tests.
#[cfg(test)]
fn test_ident(name: &str) -> proc_macro2::Ident {
    proc_macro2::Ident::new(name, proc_macro2::Span::call_site())
}
