//! An operation's module (`pub mod operations { /// … pub mod name { items } }`), formatted
//! item by item: its definitions (`Parameters`, `Request`, `Response`), constants (`METHOD`,
//! `PATH`, `CONTENT_TYPE`) and type aliases (`Body`, `Credentials`) are printed directly
//! ([`simple`]); its impls, `use` lines and anything else go to prettyplease, each run of them
//! inside modules like the operation's own, so that they are indented and broken as in the
//! whole module. A module of another shape goes to prettyplease whole.

use super::broken_types::{push_type, End};
use super::layout::{fits, INDENT};
use super::simple::{self, attributes};
use proc_macro2::{Delimiter, Ident, TokenStream, TokenTree};

/// The indentation of an operation module's items.
const ITEM_INDENT: &str = "        ";

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
    out.push_str(&format!("{INDENT}pub mod {name} {{\n"));
    // Items prettyplease formats, gathered until the next one printed here.
    let mut pending: Vec<TokenTree> = Vec::new();
    let mut at = 0;
    while at < items.len() {
        let end = item_end(&items, at)?;
        let item = &items[at..end];
        match print_item(item) {
            Some(text) => {
                if let Err(e) = flush(&mut pending, operations, name, &mut out) {
                    return Some(Err(e));
                }
                out.push_str(&text);
            }
            None => pending.extend(item.iter().cloned()),
        }
        at = end;
    }
    if let Err(e) = flush(&mut pending, operations, name, &mut out) {
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

/// Formats the `pending` items with prettyplease, inside modules named as the operation's, and
/// appends their lines (without those modules' own).
fn flush(
    pending: &mut Vec<TokenTree>,
    operations: &Ident,
    name: &Ident,
    out: &mut String,
) -> Result<(), String> {
    if pending.is_empty() {
        return Ok(());
    }
    let items: TokenStream = std::mem::take(pending).into_iter().collect();
    let text =
        super::format_items(quote::quote!(pub mod #operations { pub mod #name { #items } }))?;
    let inner = text
        .splitn(3, '\n')
        .nth(2)
        .and_then(|rest| rest.strip_suffix(&format!("{INDENT}}}\n}}\n")))
        .ok_or("an operation's items are not wrapped in their modules")?;
    out.push_str(inner);
    Ok(())
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
    let semicolon = |from: usize| {
        (from..tokens.len())
            .find(|&i| matches!(&tokens[i], TokenTree::Punct(p) if p.as_char() == ';'))
            .map(|i| i + 1)
    };
    let braces = |from: usize| {
        (from..tokens.len())
            .find(
                |&i| matches!(&tokens[i], TokenTree::Group(g) if g.delimiter() == Delimiter::Brace),
            )
            .map(|i| i + 1)
    };
    match keyword.to_string().as_str() {
        "use" | "const" | "static" | "type" => semicolon(at),
        "struct" => match tokens.get(at + 2) {
            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => semicolon(at),
            _ => braces(at),
        },
        "enum" | "impl" | "mod" | "fn" | "trait" => braces(at),
        _ => None,
    }
}

/// An item printed here, at the operation module's indentation: a struct or enum definition,
/// `pub const NAME: &str = "…";` or `pub type Name = Type;`.
fn print_item(item: &[TokenTree]) -> Option<String> {
    if let Some((text, end)) = simple::item_at(item, ITEM_INDENT) {
        return (end == item.len()).then_some(text);
    }
    let mut out = String::new();
    let at = attributes(item, 0, ITEM_INDENT, &mut out)?;
    match &item[at..] {
        // `pub const NAME: &str = "…";`
        [TokenTree::Ident(vis), TokenTree::Ident(keyword), TokenTree::Ident(name), TokenTree::Punct(colon), TokenTree::Punct(and), TokenTree::Ident(str), TokenTree::Punct(eq), TokenTree::Literal(value), TokenTree::Punct(semi)]
            if vis == "pub"
                && keyword == "const"
                && colon.as_char() == ':'
                && and.as_char() == '&'
                && str == "str"
                && eq.as_char() == '='
                && semi.as_char() == ';'
                && value.to_string().starts_with('"') =>
        {
            out.push_str(&format!("{ITEM_INDENT}pub const {name}: &str = {value};"));
            fits(&out, 0)?;
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
