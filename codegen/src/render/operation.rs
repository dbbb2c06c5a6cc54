//! An operation's module (`pub mod operations { /// … pub mod name { items } }`), formatted
//! item by item: its definitions (`Parameters`, `Request`, `Response`, by [`simple`]),
//! constants (`METHOD`, `PATH`, `ENCODING`) and type aliases (`Body`, `Credentials`) are
//! printed directly, and so are its impls' methods that [`methods::method`] reads. `use` lines,
//! the other methods and anything else go to prettyplease, each run of them inside modules
//! (and an impl) like their own, so that they are indented and broken as in the whole module.
//! A module of another shape goes to prettyplease whole.

use super::attributes::attributes;
use super::broken_types::{push_type, End};
use super::expressions::expression;
use super::layout::{
    entries, first_block, fits, push_line, semicolon, split_at_assignment, without_trailing_comma,
    INDENT,
};
use super::methods;
use super::simple;
use super::type_syntax::type_of;
use crate::kept::{kept, Store};
use proc_macro2::{Delimiter, Ident, TokenStream, TokenTree};

thread_local! {
    /// What prettyplease made of the runs this thread formatted ([`formatted_run`]).
    static FORMATTED: Store<String> = Store::default();
}

/// The indentation of an operation module's items.
const ITEM_INDENT: &str = "        ";
/// The indentation of the methods of an operation module's impls.
const METHOD_INDENT: &str = "            ";

/// The text of an operation's part, as [`super::format_items`] formats it.
pub(super) fn format_operation(tokens: TokenStream) -> Result<String, String> {
    match operation(&tokens) {
        Some(text) => text,
        None => super::format_items(tokens),
    }
}

/// The text, or `None` when the module is not of the shape printed here.
fn operation(tokens: &TokenStream) -> Option<Result<String, String>> {
    let outer: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let (operations, inner) = module(&outer)?;
    let mut out = format!("pub mod {operations} {{\n");
    let at = attributes(&inner, 0, INDENT, &mut out)?;
    let (name, items) = module(&inner[at..])?;
    // prettyplease writes an empty module on one line.
    if items.is_empty() {
        return None;
    }
    out.push_str(&format!("{INDENT}pub mod {name} {{\n"));
    // Items prettyplease formats, gathered until the next one printed here.
    let mut pending: Vec<TokenTree> = Vec::new();
    let mut at = 0;
    while at < items.len() {
        let end = item_end(&items, at)?;
        let item = &items[at..end];
        if let Some((ty, methods)) = inherent_impl(item) {
            if let Err(e) = flush(&mut pending, &mut out) {
                return Some(Err(e));
            }
            match impl_methods(ty, &methods) {
                Ok(text) => out.push_str(&text),
                Err(e) => return Some(Err(e)),
            }
            at = end;
            continue;
        }
        match print_item(item) {
            Some(text) => {
                if let Err(e) = flush(&mut pending, &mut out) {
                    return Some(Err(e));
                }
                out.push_str(&text);
            }
            None => pending.extend(item.iter().cloned()),
        }
        at = end;
    }
    if let Err(e) = flush(&mut pending, &mut out) {
        return Some(Err(e));
    }
    out.push_str(INDENT);
    out.push_str("}\n}\n");
    Some(Ok(out))
}

/// `pub mod name { items }`, exactly: its name and its items' tokens.
fn module(tokens: &[TokenTree]) -> Option<(&Ident, Vec<TokenTree>)> {
    let [TokenTree::Ident(vis), TokenTree::Ident(keyword), TokenTree::Ident(name), TokenTree::Group(body)] =
        tokens
    else {
        return None;
    };
    let module = vis == "pub" && keyword == "mod" && body.delimiter() == Delimiter::Brace;
    module.then(|| (name, body.stream().into_iter().collect()))
}

/// Formats the `pending` items with prettyplease ([`formatted_run`]) and appends their lines.
fn flush(pending: &mut Vec<TokenTree>, out: &mut String) -> Result<(), String> {
    if !pending.is_empty() {
        let items: TokenStream = std::mem::take(pending).into_iter().collect();
        out.push_str(&formatted_run(items, None)?);
    }
    Ok(())
}

/// `impl Name { items }`, exactly: the type's name and the items' tokens.
fn inherent_impl(item: &[TokenTree]) -> Option<(&Ident, Vec<TokenTree>)> {
    let [TokenTree::Ident(keyword), TokenTree::Ident(ty), TokenTree::Group(body)] = item else {
        return None;
    };
    let methods: Vec<TokenTree> = body.stream().into_iter().collect();
    (keyword == "impl" && body.delimiter() == Delimiter::Brace && !methods.is_empty())
        .then_some((ty, methods))
}

/// The text of `impl ty { methods }` in an operation's module: each method printed directly
/// when [`methods::method`] reads it, each run of the others formatted by prettyplease inside
/// the modules and an impl like their own.
fn impl_methods(ty: &Ident, methods: &[TokenTree]) -> Result<String, String> {
    let mut out = format!("{ITEM_INDENT}impl {ty} {{\n");
    let mut pending: Vec<TokenTree> = Vec::new();
    let mut at = 0;
    while at < methods.len() {
        let Some(end) = function_end(methods, at) else {
            // An item that is not a function: the rest goes to prettyplease.
            pending.extend(methods[at..].iter().cloned());
            break;
        };
        let mut text = String::new();
        if methods::method(&methods[..end], at, METHOD_INDENT, &mut text) == Some(end) {
            flush_methods(&mut pending, ty, &mut out)?;
            out.push_str(&text);
        } else {
            pending.extend(methods[at..end].iter().cloned());
        }
        at = end;
    }
    flush_methods(&mut pending, ty, &mut out)?;
    out.push_str(ITEM_INDENT);
    out.push_str("}\n");
    Ok(out)
}

/// Formats the `pending` methods of `impl ty` with prettyplease ([`formatted_run`]) and
/// appends their lines.
fn flush_methods(pending: &mut Vec<TokenTree>, ty: &Ident, out: &mut String) -> Result<(), String> {
    if !pending.is_empty() {
        let methods: TokenStream = std::mem::take(pending).into_iter().collect();
        out.push_str(&formatted_run(methods, Some(ty))?);
    }
    Ok(())
}

/// The lines prettyplease makes of a run of an operation module's items (or of the methods of
/// an `impl ty` in it), formatted inside modules (and an impl) as deep as the operation's own,
/// so that they are indented and broken as there. The modules' names do not change those lines,
/// and operations repeat their runs (most of Stripe's 362 `Response::read` are alike): each
/// thread keeps what it made, by the run's tokens.
fn formatted_run(run: TokenStream, ty: Option<&Ident>) -> Result<String, String> {
    let key = match ty {
        Some(ty) => format!("impl {ty} {{ {run} }}"),
        None => run.to_string(),
    };
    kept(&FORMATTED, &key, || {
        let (wrapped, depth) = match ty {
            Some(ty) => (
                quote::quote!(pub mod a { pub mod b { impl #ty { #run } } }),
                3,
            ),
            None => (quote::quote!(pub mod a { pub mod b { #run } }), 2),
        };
        Ok(inner_lines(&super::format_items(wrapped)?, depth)?.to_owned())
    })
}

/// The lines of `text` inside its `depth` outermost braces, each opened on the first lines and
/// closed on the last ones.
fn inner_lines(text: &str, depth: usize) -> Result<&str, String> {
    let mut inner = text;
    for level in 0..depth {
        inner = inner
            .split_once('\n')
            .and_then(|(_, rest)| rest.strip_suffix("}\n"))
            .and_then(|rest| rest.strip_suffix(&INDENT.repeat(level)))
            .ok_or("an operation's items are not wrapped in their modules")?;
    }
    Ok(inner)
}

/// Where the function whose attributes or signature start at `at` ends: after its body, the
/// first group in braces. `None` when a `;` comes first or no `fn` precedes the body.
fn function_end(tokens: &[TokenTree], at: usize) -> Option<usize> {
    let (body, _) = first_block(&tokens[at..])?;
    let head = &tokens[at..at + body];
    let is_function = head
        .iter()
        .any(|t| matches!(t, TokenTree::Ident(word) if word == "fn"));
    (is_function && semicolon(head).is_none()).then_some(at + body + 1)
}

/// Where the item starting at `at` ends: after its `;` (`use`, `const`, `static`, `type`, a
/// tuple struct) or its body in braces (`struct`, `enum`, `impl`, `mod`, `fn`, `trait`).
/// `None` for anything else.
fn item_end(tokens: &[TokenTree], at: usize) -> Option<usize> {
    let mut at = at;
    while let (Some(TokenTree::Punct(hash)), Some(TokenTree::Group(_))) =
        (tokens.get(at), tokens.get(at + 1))
    {
        if hash.as_char() != '#' {
            break;
        }
        at += 2;
    }
    if matches!(tokens.get(at), Some(TokenTree::Ident(vis)) if vis == "pub") {
        at += 1;
        if matches!(tokens.get(at), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis)
        {
            at += 1;
        }
    }
    let Some(TokenTree::Ident(keyword)) = tokens.get(at) else {
        return None;
    };
    let after_semicolon = || semicolon(&tokens[at..]).map(|i| at + i + 1);
    let after_braces = || first_block(&tokens[at..]).map(|(i, _)| at + i + 1);
    match keyword.to_string().as_str() {
        "use" | "const" | "static" | "type" => after_semicolon(),
        "struct" => match tokens.get(at + 2) {
            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => {
                after_semicolon()
            }
            _ => after_braces(),
        },
        "enum" | "impl" | "mod" | "fn" | "trait" => after_braces(),
        _ => None,
    }
}

/// An item printed here, at the operation module's indentation: a struct or enum definition,
/// `pub const NAME: Type = value;` or `pub type Name = Type;`.
fn print_item(item: &[TokenTree]) -> Option<String> {
    if let Some((text, end)) = simple::item_at(item, ITEM_INDENT) {
        return (end == item.len()).then_some(text);
    }
    let mut out = String::new();
    let at = attributes(item, 0, ITEM_INDENT, &mut out)?;
    match &item[at..] {
        // `pub const NAME: Type = value;`, and a long `&[…]` value one element per line.
        [TokenTree::Ident(vis), TokenTree::Ident(keyword), TokenTree::Ident(name), TokenTree::Punct(colon), rest @ .., TokenTree::Punct(semi)]
            if vis == "pub"
                && keyword == "const"
                && colon.as_char() == ':'
                && semi.as_char() == ';' =>
        {
            let (ty, value) = split_at_assignment(rest)?;
            out.push_str(&format!(
                "{ITEM_INDENT}pub const {name}: {} = ",
                type_of(ty)?
            ));
            let flat = expression(value)?;
            if fits(&out, flat.len() + 1).is_some() {
                out.push_str(&flat);
                out.push(';');
            } else {
                let [TokenTree::Punct(and), TokenTree::Group(elements)] = value else {
                    return None;
                };
                if and.as_char() != '&' || elements.delimiter() != Delimiter::Bracket {
                    return None;
                }
                out.push_str("&[");
                fits(&out, 0)?;
                out.push('\n');
                let elements: Vec<TokenTree> = elements.stream().into_iter().collect();
                let elements = entries(without_trailing_comma(&elements).0)?;
                // prettyplease fills lines with literal elements (several to a line).
                let literal = |element: &&[TokenTree]| {
                    matches!(
                        element,
                        [TokenTree::Literal(_)] | [TokenTree::Punct(_), TokenTree::Literal(_)]
                    ) || matches!(element, [TokenTree::Ident(word)] if word == "true" || word == "false")
                };
                if elements.is_empty() || elements.iter().any(literal) {
                    return None;
                }
                for element in elements {
                    let line = format!("{ITEM_INDENT}{INDENT}{},", expression(element)?);
                    push_line(&mut out, &line)?;
                }
                out.push_str(ITEM_INDENT);
                out.push_str("];");
            }
        }
        // `pub type Name = Type;`
        [TokenTree::Ident(vis), TokenTree::Ident(keyword), TokenTree::Ident(name), TokenTree::Punct(eq), ty @ .., TokenTree::Punct(semi)]
            if vis == "pub"
                && keyword == "type"
                && eq.as_char() == '='
                && semi.as_char() == ';' =>
        {
            out.push_str(&format!("{ITEM_INDENT}pub type {name} = "));
            push_type(&mut out, ty, ITEM_INDENT, (";", End::Counted))?;
        }
        _ => return None,
    }
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    use super::super::test_ident as ident;

    #[test]
    fn shapes_prettyplease_prints_otherwise_are_left_to_it() {
        let items: Vec<TokenTree> = quote! {
            pub const CODES: &[u16] = &[200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302];
        }
        .into_iter()
        .collect();
        assert!(print_item(&items).is_none());
        let empty = quote!(
            pub mod operations {
                pub mod x {}
            }
        );
        assert_eq!(
            format_operation(empty.clone()).expect("formats"),
            super::super::prettyplease_text(&empty)
        );
    }

    #[test]
    fn operation_modules_print_as_prettyplease_prints_them() {
        // Constants (a long list one element per line), a response enum with named variants and
        // impls of printed and unprinted methods, at lengths around the margin.
        for length in 1..=60 {
            let x = ident(&"x".repeat(length));
            let name = format!("{x}");
            let tokens = quote! {
                pub mod operations {
                    /// An operation.
                    pub mod #x {
                        use ::payments_runtime::form::{Field, Style};
                        pub const METHOD: &str = "POST";
                        pub const ENCODING: &[Field] = &[
                            Field::new(#name, Style::DeepObject, true),
                            Field::new("expand", Style::DeepObject, true),
                        ];
                        pub enum Response {
                            Ok(super::super::PaymentIntent),
                            Default { status: u16, body: super::super::#x },
                        }
                        impl Response {
                            pub fn status(&self) -> u16 {
                                match self {
                                    Self::Ok(_) => 200,
                                    Self::#x { status, .. } => *status,
                                }
                            }
                            pub fn read(status: u16, body: &[u8]) -> Result<Self, ::payments_runtime::Violations> {
                                match status {
                                    200 => ::payments_runtime::parse(body).map(Self::Ok),
                                    _ => ::payments_runtime::parse(body).map(|body| Self::Default { status, body }),
                                }
                            }
                            pub fn is_success(&self) -> bool {
                                (200..300).contains(&self.status())
                            }
                        }
                    }
                }
            };
            let text = format_operation(tokens.clone()).expect("formats");
            assert_eq!(
                text,
                super::super::prettyplease_text(&tokens),
                "length {length}"
            );
            // The constant and the enum are printed here, not left to prettyplease, while their
            // lines fit.
            let printed = |tokens: TokenStream| {
                let trees: Vec<TokenTree> = tokens.into_iter().collect();
                print_item(&trees).is_some()
            };
            // (Flat up to 3 columns of name, one element per line from 4 to 37.)
            assert!(
                printed(quote! {
                    pub const ENCODING: &[Field] = &[Field::new(#name, Style::DeepObject, true)];
                }) == (length <= 37),
                "length {length}"
            );
            assert!(printed(quote! {
                pub enum Response { Default { status: u16, body: super::super::#x } }
            }));
            // So is `status`, its arms 20 columns in, while they fit (up to 36 columns of name).
            let status: Vec<TokenTree> = quote! {
                pub fn status(&self) -> u16 {
                    match self {
                        Self::Ok(_) => 200,
                        Self::#x { status, .. } => *status,
                    }
                }
            }
            .into_iter()
            .collect();
            let mut text = String::new();
            let direct = methods::method(&status, 0, METHOD_INDENT, &mut text).is_some();
            assert_eq!(direct, length <= 36, "length {length}");
        }
    }
}
