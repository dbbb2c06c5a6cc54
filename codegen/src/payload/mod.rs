//! The expansion of the payload macros: `<module>::<type>!({…})` and
//! `<module>::include_payload!(Type, "fixtures/x.json")`, which check a JSON literal against
//! its type's schema while compiling and expand to the typed value.
//!
//! A generated module embeds its spec in one hidden macro, which every payload macro of the
//! module forwards to; it calls [`payload`] with
//!
//! ```text
//! krate = $crate, runtime = [$crate::__private::runtime], module = [papaya],
//! spec = "specs/papaya.yaml", text = "<the spec>",
//! type = CreatePaymentRequest, value = { … }        (or: file = "fixtures/create.json")
//! ```
//!
//! The spec is converted again (once per compilation of the calling crate: the result is kept
//! for the macro's later calls), so the check runs over the very IR the module was generated
//! from. Every violation is a compile error spanned on the offending token, written as `parse`
//! reports it: `/amount/currency: must match ^[A-Z]{3}$ (pattern)`. A fixture's errors name the
//! file. See [`walk`] for the checks and for what a literal refuses that `parse` accepts.

mod literal;
mod rules;
mod union;
mod walk;

use crate::ir::{TypeRef, TypeSpace};
use literal::Node;
use payments_runtime::{Code, Location, Violation, Violations};
use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The expansion of one payload macro call (the grammar above).
pub fn payload(input: TokenStream) -> TokenStream {
    match Input::parse(input) {
        Ok(input) => input.expand(),
        Err(error) => error.to_compile_error(),
    }
}

/// A call's arguments.
struct Input {
    krate: TokenStream,
    runtime: TokenStream,
    module: TokenStream,
    label: String,
    text: String,
    type_name: Ident,
    source: Source,
}

/// Where the JSON comes from.
enum Source {
    /// Tokens written at the call.
    Tokens(TokenStream),
    /// A file relative to the calling crate's `Cargo.toml`, and the literal naming it.
    File(syn::LitStr),
}

impl Input {
    fn parse(input: TokenStream) -> syn::Result<Input> {
        let mut tokens = input.into_iter().peekable();
        let mut args: BTreeMap<String, TokenStream> = BTreeMap::new();
        let mut value = None;
        while let Some(token) = tokens.next() {
            let TokenTree::Ident(key) = &token else {
                return Err(syn::Error::new(token.span(), "expected `name = value`"));
            };
            match tokens.next() {
                Some(TokenTree::Punct(eq)) if eq.as_char() == '=' => {}
                _ => return Err(syn::Error::new(key.span(), "expected `=` after the name")),
            }
            if key == "value" {
                // The literal: everything that follows.
                value = Some(tokens.by_ref().collect::<TokenStream>());
                break;
            }
            let mut arg = TokenStream::new();
            for token in tokens.by_ref() {
                match &token {
                    TokenTree::Punct(p) if p.as_char() == ',' => break,
                    _ => arg.extend([token]),
                }
            }
            args.insert(key.to_string(), arg);
        }
        let arg = |name: &str| {
            args.get(name).cloned().ok_or_else(|| {
                syn::Error::new(Span::call_site(), format!("payload!: `{name}` is missing"))
            })
        };
        let string = |name: &str| -> syn::Result<String> {
            Ok(syn::parse2::<syn::LitStr>(arg(name)?)?.value())
        };
        let bracketed = |name: &str| -> syn::Result<TokenStream> {
            match args
                .get(name)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .next()
            {
                Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Bracket => {
                    Ok(group.stream())
                }
                _ => Ok(TokenStream::new()),
            }
        };
        let module = bracketed("module")?;
        let runtime = bracketed("runtime")?;
        let source = match (value, args.get("file")) {
            (Some(tokens), _) => Source::Tokens(tokens),
            (None, Some(file)) => Source::File(syn::parse2(file.clone())?),
            (None, None) => {
                return Err(syn::Error::new(
                    Span::call_site(),
                    "payload!: expected `value = …` or `file = \"…\"`",
                ))
            }
        };
        let type_name: Ident = syn::parse2(arg("type")?).map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected the name of a type of the module: `Payment`",
            )
        })?;
        Ok(Input {
            krate: arg("krate")?,
            runtime,
            module,
            label: string("spec")?,
            text: string("text")?,
            type_name,
            source,
        })
    }

    fn expand(self) -> TokenStream {
        let krate = &self.krate;
        let module = if self.module.is_empty() {
            krate.clone()
        } else {
            let module = &self.module;
            quote!(#krate::#module)
        };
        let runtime = if self.runtime.is_empty() {
            quote!(#krate::__private::runtime)
        } else {
            self.runtime.clone()
        };
        let type_ident = &self.type_name;
        let fail = |problems: &[(Span, String)]| {
            let errors = problems
                .iter()
                .map(|(span, message)| quote_spanned!(*span=> ::core::compile_error!(#message);));
            quote!({ #(#errors)* #runtime::__private::failed_payload::<#module::#type_ident>() })
        };
        let space = match space(&self.label, &self.text) {
            Ok(space) => space,
            Err(message) => return fail(&[(Span::call_site(), message)]),
        };
        let name = self.type_name.to_string();
        if space.get(&name).is_none() {
            let message = format!(
                "no type `{name}` in the module generated from {}",
                self.label
            );
            return errors(&[(self.type_name.span(), message)]);
        }
        let (node, file, track) = match self.read() {
            Ok(read) => read,
            Err(error) => {
                return fail(&[(error.span(), error.to_string())]);
            }
        };
        let mut walker = walk::Walker::new(&space, module.clone(), runtime.clone());
        let mut violations = Violations::new();
        let value = walker.value(
            &TypeRef::Named(name),
            &node,
            &Location::Root,
            &mut violations,
            0,
        );
        let mut problems: Vec<(Span, String)> = violations
            .iter()
            .map(|violation| {
                let message = match &file {
                    Some(file) => format!("{file}: {violation}"),
                    None => violation.to_string(),
                };
                (span_of(&walker, violation, node.span), message)
            })
            .collect();
        problems.append(&mut walker.refusals);
        if !problems.is_empty() {
            return fail(&problems);
        }
        quote!({ #track #value })
    }

    /// The literal, the fixture's name as written (for messages), and what tracks the file.
    fn read(&self) -> syn::Result<(Node, Option<String>, TokenStream)> {
        match &self.source {
            Source::Tokens(tokens) => {
                Ok((literal::parse(tokens.clone())?, None, TokenStream::new()))
            }
            Source::File(file) => {
                let written = file.value();
                let dir = std::env::var_os("CARGO_MANIFEST_DIR").ok_or_else(|| {
                    syn::Error::new(
                        file.span(),
                        "CARGO_MANIFEST_DIR is not set; build with cargo",
                    )
                })?;
                let path: PathBuf = Path::new(&dir).join(&written);
                let bytes = std::fs::read(&path).map_err(|e| {
                    syn::Error::new(
                        file.span(),
                        format!("{written}: cannot read the fixture: {e}"),
                    )
                })?;
                let json = payments_runtime::Json::from_slice(&bytes).map_err(|e| {
                    syn::Error::new(file.span(), format!("{written}: not valid JSON: {e}"))
                })?;
                let absolute = path.display().to_string();
                let track = quote!(
                    const _: &[u8] = ::core::include_bytes!(#absolute);
                );
                Ok((literal::from_json(&json, file.span()), Some(written), track))
            }
        }
    }
}

/// Converted specs, by label and text, for the rest of this compilation.
type Spaces = BTreeMap<(String, u64), Result<Arc<TypeSpace>, String>>;
static SPACES: Mutex<Spaces> = Mutex::new(BTreeMap::new());

/// The IR of the embedded spec, converted once per compilation of the calling crate.
fn space(label: &str, text: &str) -> Result<Arc<TypeSpace>, String> {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    let key = (label.to_owned(), hasher.finish());
    let mut spaces = SPACES
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    spaces
        .entry(key)
        .or_insert_with(|| {
            crate::load::parse(Path::new(label), text)
                .and_then(|doc| crate::convert::convert(&doc))
                .map(Arc::new)
                .map_err(|e| format!("payload!: the module's spec does not convert: {e}"))
        })
        .clone()
}

/// Where a violation is shown: the member name of an unknown member, else the value at its
/// pointer, else (a missing member) the nearest enclosing value.
fn span_of(walker: &walk::Walker<'_>, violation: &Violation, root: Span) -> Span {
    let mut pointer = violation.path();
    if violation.code() == Code::AdditionalProperties {
        if let Some(span) = walker.key_spans.get(pointer) {
            return *span;
        }
    }
    loop {
        if let Some(span) = walker.value_spans.get(pointer) {
            return *span;
        }
        match pointer.rfind('/') {
            Some(end) => pointer = &pointer[..end],
            None => return root,
        }
    }
}

/// Every problem as a `compile_error!` at its span (where the called type is unknown).
fn errors(problems: &[(Span, String)]) -> TokenStream {
    let errors = problems
        .iter()
        .map(|(span, message)| quote_spanned!(*span=> ::core::compile_error!(#message);));
    quote!({ #(#errors)* })
}
