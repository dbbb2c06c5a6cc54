//! Expressions and patterns on one line, as prettyplease prints them when they fit: what the
//! direct printer of function bodies ([`super::body`]) puts on its lines.
//!
//! Only the grammar the generator writes is read: paths, literals, calls, method calls, field
//! and tuple-index access, `?`, `&`/`&mut`/`*`/`!`/`-`, ranges, parentheses, tuples, arrays,
//! struct literals and a macro call of one literal (`format!("…")`); patterns of bindings,
//! paths, literals, tuples, tuple structs and structs. Anything else (a binary operator, a
//! closure, a turbofish, a block) returns `None`, and prettyplease prints the item.

use super::cursor::{comma_list, path_with, whole, Cursor, KEYWORDS};
use super::layout::entries;
use proc_macro2::{Delimiter, Group, Spacing, TokenTree};

/// The widest struct literal prettyplease keeps on one line, its path and `}` included
/// (prettyplease's `end_with_max_width(34)`, measured without the `}`).
pub(super) const FLAT_STRUCT_LITERAL: usize = 35;

/// `tokens`, all of them one expression.
pub(super) fn expression(tokens: &[TokenTree]) -> Option<String> {
    whole(tokens, expr)
}

/// `tokens`, all of them one pattern.
pub(super) fn pattern(tokens: &[TokenTree]) -> Option<String> {
    whole(tokens, pat)
}

/// `tokens`, all of them one path (`a::b::C`, `::a::b`), as an expression.
pub(super) fn path_expression(tokens: &[TokenTree]) -> Option<String> {
    whole(tokens, path)
}

/// A struct literal's member: `name` or `name: value`.
pub(super) fn member(tokens: &[TokenTree]) -> Option<String> {
    named(tokens, expression)
}

/// `name`, or `name: x` with `x` read by `read`.
fn named(tokens: &[TokenTree], read: fn(&[TokenTree]) -> Option<String>) -> Option<String> {
    match tokens {
        [TokenTree::Ident(name)] => Some(name.to_string()),
        [TokenTree::Ident(name), TokenTree::Punct(colon), value @ ..]
            if colon.as_char() == ':' && colon.spacing() == Spacing::Alone =>
        {
            Some(format!("{name}: {}", read(value)?))
        }
        _ => None,
    }
}

/// An expression: a unary one, or a range of two.
fn expr(c: &mut Cursor) -> Option<String> {
    let start = unary(c)?;
    if !c.at_dot_dot() {
        return Some(start);
    }
    c.at += 2;
    let operator = if c.eat_punct('=') { "..=" } else { ".." };
    Some(format!("{start}{operator}{}", unary(c)?))
}

/// `&`, `&mut`, `*`, `!` or `-` before an expression, or none.
fn unary(c: &mut Cursor) -> Option<String> {
    let Some(TokenTree::Punct(prefix)) = c.peek() else {
        return postfix(c);
    };
    // `&&` is an operator of its own.
    if prefix.spacing() == Spacing::Joint && prefix.as_char() == '&' {
        return None;
    }
    let text = match prefix.as_char() {
        '&' => {
            c.at += 1;
            if c.eat_word("mut") {
                "&mut "
            } else {
                "&"
            }
        }
        '*' | '!' | '-' => {
            c.at += 1;
            match prefix.as_char() {
                '*' => "*",
                '!' => "!",
                _ => "-",
            }
        }
        _ => return postfix(c),
    };
    Some(format!("{text}{}", unary(c)?))
}

/// A primary expression, then its `?`, fields, tuple indexes and method calls.
fn postfix(c: &mut Cursor) -> Option<String> {
    let mut out = primary(c)?;
    // `1.` then `.f()`: prettyplease puts a space between the dots.
    if out.ends_with('.') {
        return (!c.at_punct('.')).then_some(out);
    }
    loop {
        match (c.peek(), c.peek_second()) {
            (Some(TokenTree::Punct(p)), _) if p.as_char() == '?' => {
                c.at += 1;
                out.push('?');
            }
            (Some(TokenTree::Punct(dot)), Some(TokenTree::Ident(name)))
                if dot.as_char() == '.' && dot.spacing() == Spacing::Alone =>
            {
                c.at += 2;
                out.push('.');
                out.push_str(&name.to_string());
                if let Some(TokenTree::Group(arguments)) = c.peek() {
                    if arguments.delimiter() != Delimiter::Parenthesis {
                        return None;
                    }
                    c.at += 1;
                    out.push_str(&format!(
                        "({})",
                        comma_list(arguments, expression)?.join(", ")
                    ));
                }
            }
            (Some(TokenTree::Punct(dot)), Some(TokenTree::Literal(index)))
                if dot.as_char() == '.' && dot.spacing() == Spacing::Alone =>
            {
                let index = index.to_string();
                if !index.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                c.at += 2;
                out.push('.');
                out.push_str(&index);
            }
            _ => return Some(out),
        }
    }
}

/// A literal; a parenthesized expression or a tuple; an array; a path, a call, a macro call of
/// one literal, or a struct literal.
fn primary(c: &mut Cursor) -> Option<String> {
    match c.peek()? {
        TokenTree::Literal(literal) => {
            c.at += 1;
            Some(literal.to_string())
        }
        TokenTree::Group(group) => {
            c.at += 1;
            let items = comma_list(group, expression)?;
            match group.delimiter() {
                Delimiter::Parenthesis => Some(format!("({})", items.join(", "))),
                Delimiter::Bracket => Some(format!("[{}]", items.join(", "))),
                _ => None,
            }
        }
        TokenTree::Ident(word) if KEYWORDS.iter().any(|k| word == k) => None,
        TokenTree::Ident(_) | TokenTree::Punct(_) => {
            let path = path(c)?;
            match c.peek() {
                Some(TokenTree::Group(arguments))
                    if arguments.delimiter() == Delimiter::Parenthesis =>
                {
                    c.at += 1;
                    let arguments = comma_list(arguments, expression)?;
                    Some(format!("{path}({})", arguments.join(", ")))
                }
                Some(TokenTree::Group(members)) if members.delimiter() == Delimiter::Brace => {
                    c.at += 1;
                    let text = struct_literal(&path, members)?;
                    (text.len() <= FLAT_STRUCT_LITERAL).then_some(text)
                }
                Some(TokenTree::Punct(bang))
                    if bang.as_char() == '!' && bang.spacing() == Spacing::Alone =>
                {
                    let Some(TokenTree::Group(arguments)) = c.peek_second() else {
                        return None;
                    };
                    if arguments.delimiter() != Delimiter::Parenthesis {
                        return None;
                    }
                    c.at += 2;
                    let arguments: Vec<TokenTree> = arguments.stream().into_iter().collect();
                    match arguments.as_slice() {
                        [TokenTree::Literal(literal)] => Some(format!("{path}!({literal})")),
                        _ => None,
                    }
                }
                _ => Some(path),
            }
        }
    }
}

/// `Path { a, b: value }` on one line; `None` for no members or a `..rest`.
pub(super) fn struct_literal(path: &str, members: &Group) -> Option<String> {
    let members = comma_list(members, member)?;
    if members.is_empty() {
        return None;
    }
    Some(format!("{path} {{ {} }}", members.join(", ")))
}

/// `a::b::C` or `::a::b`: words joined by `::`, no generic arguments.
fn path(c: &mut Cursor) -> Option<String> {
    path_with(c, |_, _| Some(()))
}

/// A pattern: `_`, a binding (`mut` or not), a literal, `&pattern`, a tuple, a path, a tuple
/// struct or a struct with named fields and an optional `..`.
fn pat(c: &mut Cursor) -> Option<String> {
    match c.peek()? {
        TokenTree::Literal(literal) => {
            c.at += 1;
            Some(literal.to_string())
        }
        TokenTree::Group(group) if group.delimiter() == Delimiter::Parenthesis => {
            c.at += 1;
            let items = comma_list(group, pattern)?;
            // One element in parentheses is not a tuple.
            (items.len() != 1).then(|| format!("({})", items.join(", ")))
        }
        TokenTree::Punct(and) if and.as_char() == '&' && and.spacing() == Spacing::Alone => {
            c.at += 1;
            Some(format!("&{}", pat(c)?))
        }
        TokenTree::Ident(word) if word == "mut" => {
            c.at += 1;
            let Some(TokenTree::Ident(name)) = c.next() else {
                return None;
            };
            Some(format!("mut {name}"))
        }
        TokenTree::Ident(word) if KEYWORDS.iter().any(|k| word == k) => None,
        TokenTree::Ident(_) | TokenTree::Punct(_) => {
            let path = path(c)?;
            let Some(TokenTree::Group(group)) = c.peek() else {
                return Some(path);
            };
            c.at += 1;
            match group.delimiter() {
                Delimiter::Parenthesis => Some(format!(
                    "{path}({})",
                    comma_list(group, pattern)?.join(", ")
                )),
                Delimiter::Brace => {
                    let tokens: Vec<TokenTree> = group.stream().into_iter().collect();
                    let fields = entries(&tokens)?;
                    let mut printed = Vec::with_capacity(fields.len());
                    for (i, field) in fields.iter().enumerate() {
                        let rest = matches!(field, [TokenTree::Punct(a), TokenTree::Punct(b)]
                            if a.as_char() == '.' && a.spacing() == Spacing::Joint && b.as_char() == '.');
                        if rest && i + 1 == fields.len() {
                            printed.push("..".to_owned());
                        } else {
                            printed.push(named(field, pattern)?);
                        }
                    }
                    if printed.is_empty() {
                        return None;
                    }
                    Some(format!("{path} {{ {} }}", printed.join(", ")))
                }
                _ => None,
            }
        }
        _ => None,
    }
}
