//! Outer attributes as prettyplease prints them: a one-line doc as a `///` comment, a path,
//! and an attribute list on one line when it fits its margin, else one entry per line. For the
//! direct printers ([`super::simple`], [`super::held`], [`super::methods`],
//! [`super::operation`]).

use super::layout::{fits, list, INDENT};
use proc_macro2::{Delimiter, TokenStream, TokenTree};
use std::borrow::Cow;

/// Prints the outer attributes starting at `at` at `indent`; returns where they end.
pub(super) fn attributes(
    tokens: &[TokenTree],
    mut at: usize,
    indent: &str,
    out: &mut String,
) -> Option<usize> {
    while let (Some(TokenTree::Punct(hash)), Some(TokenTree::Group(group))) =
        (tokens.get(at), tokens.get(at + 1))
    {
        if hash.as_char() != '#' || group.delimiter() != Delimiter::Bracket {
            break;
        }
        attribute(group.stream(), indent, out)?;
        at += 2;
    }
    Some(at)
}

/// One attribute, as prettyplease prints it: `///` for a one-line doc, else `#[…]`.
fn attribute(meta: TokenStream, indent: &str, out: &mut String) -> Option<()> {
    let meta: Vec<TokenTree> = meta.into_iter().collect();
    match meta.as_slice() {
        [TokenTree::Ident(doc), TokenTree::Punct(eq), TokenTree::Literal(text)]
            if doc == "doc" && eq.as_char() == '=' =>
        {
            let repr = text.to_string();
            let text = string_value(&repr)?;
            if text.contains('\n') || text.starts_with('/') {
                return None;
            }
            out.push_str(indent);
            out.push_str("///");
            out.push_str(text.trim_end_matches(' '));
        }
        [TokenTree::Ident(path)] => out.push_str(&format!("{indent}#[{path}]")),
        [TokenTree::Ident(path), TokenTree::Group(args)]
            if args.delimiter() == Delimiter::Parenthesis =>
        {
            let args: Vec<TokenTree> = args.stream().into_iter().collect();
            let entries = list(&args, attribute_entry)?;
            let line = format!("#[{path}({})]", entries.join(", "));
            out.push_str(indent);
            if fits(out, line.len()).is_some() {
                out.push_str(&line);
            } else {
                // One entry per line, without a trailing comma (none was written).
                out.push_str(&format!("#[{path}(\n"));
                for (i, entry) in entries.iter().enumerate() {
                    let comma = if i + 1 < entries.len() { "," } else { "" };
                    out.push_str(&format!("{indent}{INDENT}{entry}{comma}\n"));
                }
                out.push_str(&format!("{indent})]"));
            }
        }
        _ => return None,
    }
    out.push('\n');
    Some(())
}

/// An attribute list's entry: `name`, `name = "value"`, `a::b`, `name = -1`.
fn attribute_entry(tokens: &[TokenTree]) -> Option<String> {
    let mut out = String::new();
    let mut after_word = false;
    for token in tokens {
        match token {
            TokenTree::Ident(_) | TokenTree::Literal(_) if after_word => return None,
            TokenTree::Ident(ident) => out.push_str(&ident.to_string()),
            TokenTree::Literal(literal) => out.push_str(&literal.to_string()),
            TokenTree::Punct(punct) if punct.as_char() == '=' => {
                out.push_str(if after_word { " = " } else { "= " });
                after_word = false;
                continue;
            }
            TokenTree::Punct(punct) if matches!(punct.as_char(), ':' | '-') => {
                out.push(punct.as_char());
                after_word = false;
                continue;
            }
            _ => return None,
        }
        after_word = true;
    }
    (!out.is_empty()).then_some(out)
}

/// The value of a string literal token's text `repr` (`"…"` with the escapes the generator's
/// literals use, or raw `r"…"`, `r#"…"#`), borrowed from it when it has no escape; `None` for
/// anything else.
fn string_value(repr: &str) -> Option<Cow<'_, str>> {
    if let Some(raw) = repr.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let fence = "#".repeat(hashes);
        return raw
            .strip_prefix(&fence)?
            .strip_prefix('"')?
            .strip_suffix(&fence)?
            .strip_suffix('"')
            .map(Cow::Borrowed);
    }
    let quoted = repr.strip_prefix('"')?.strip_suffix('"')?;
    if !quoted.contains('\\') {
        return Some(Cow::Borrowed(quoted));
    }
    let mut value = String::with_capacity(quoted.len());
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            value.push(c);
            continue;
        }
        value.push(match chars.next()? {
            '"' => '"',
            '\\' => '\\',
            '\'' => '\'',
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0' => '\0',
            _ => return None,
        });
    }
    Some(Cow::Owned(value))
}
