//! Types and a function's generic parameters on one line, as prettyplease prints them in a
//! signature that fits: path types with generic arguments (types or lifetimes), `&'a mut T`,
//! `[T]`, tuples, `(T)` and `impl Bounds`. Anything else returns `None`.

use super::cursor::{comma_list, path_with, whole, Cursor, KEYWORDS};
use proc_macro2::{Delimiter, Spacing, TokenTree};

/// `tokens`, all of them one type.
pub(super) fn type_of(tokens: &[TokenTree]) -> Option<String> {
    whole(tokens, ty)
}

/// A function's generic parameters, `<` and `>` included: `<B: AsRef<[u8]>>`.
pub(super) fn generic_parameters(tokens: &[TokenTree]) -> Option<String> {
    whole(tokens, |c| {
        if !c.eat_punct('<') {
            return None;
        }
        let mut parameters = Vec::new();
        loop {
            let Some(TokenTree::Ident(name)) = c.next() else {
                return None;
            };
            let mut parameter = name.to_string();
            if c.eat_punct(':') {
                parameter.push_str(": ");
                parameter.push_str(&bounds(c)?);
            }
            parameters.push(parameter);
            if c.eat_punct('>') {
                return Some(format!("<{}>", parameters.join(", ")));
            }
            if !c.eat_punct(',') || c.at_punct('>') {
                return None;
            }
        }
    })
}

/// A type: a path with generic arguments, `&'a mut T`, `[T]`, a tuple, `(T)` or `impl Bounds`.
fn ty(c: &mut Cursor) -> Option<String> {
    match c.peek()? {
        TokenTree::Punct(and) if and.as_char() == '&' && and.spacing() == Spacing::Alone => {
            c.at += 1;
            let mut out = "&".to_owned();
            if let Some(lifetime) = lifetime(c) {
                out.push_str(&lifetime);
                out.push(' ');
            }
            if c.eat_word("mut") {
                out.push_str("mut ");
            }
            out.push_str(&ty(c)?);
            Some(out)
        }
        TokenTree::Group(group) => {
            c.at += 1;
            let items = comma_list(group, type_of)?;
            match group.delimiter() {
                Delimiter::Parenthesis => Some(format!("({})", items.join(", "))),
                Delimiter::Bracket if items.len() == 1 => Some(format!("[{}]", items[0])),
                _ => None,
            }
        }
        TokenTree::Ident(word) if word == "impl" => {
            c.at += 1;
            Some(format!("impl {}", bounds(c)?))
        }
        TokenTree::Ident(word) if KEYWORDS.iter().any(|k| word == k) => None,
        TokenTree::Ident(_) | TokenTree::Punct(_) => path_type(c),
        TokenTree::Literal(_) => None,
    }
}

/// `'name`, when next.
fn lifetime(c: &mut Cursor) -> Option<String> {
    let (Some(TokenTree::Punct(quote)), Some(TokenTree::Ident(name))) = (c.peek(), c.peek_second())
    else {
        return None;
    };
    if quote.as_char() != '\'' {
        return None;
    }
    c.at += 2;
    Some(format!("'{name}"))
}

/// Trait bounds joined by ` + `: paths, `?Sized`.
fn bounds(c: &mut Cursor) -> Option<String> {
    let mut out = String::new();
    loop {
        if c.eat_punct('?') {
            out.push('?');
        }
        out.push_str(&path_type(c)?);
        if !c.eat_punct('+') {
            return Some(out);
        }
        out.push_str(" + ");
    }
}

/// `a::B<T, U>::C`: segments joined by `::`, each with its generic arguments (types or
/// lifetimes).
fn path_type(c: &mut Cursor) -> Option<String> {
    path_with(c, |c, out| {
        if !c.eat_punct('<') {
            return Some(());
        }
        let mut arguments = Vec::new();
        loop {
            arguments.push(match lifetime(c) {
                Some(lifetime) => lifetime,
                None => ty(c)?,
            });
            if c.eat_punct('>') {
                break;
            }
            if !c.eat_punct(',') || c.at_punct('>') {
                return None;
            }
        }
        out.push('<');
        out.push_str(&arguments.join(", "));
        out.push('>');
        Some(())
    })
}
