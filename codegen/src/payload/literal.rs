//! A JSON literal as the payload macros take it: `serde_json::json!` syntax read from tokens
//! (each value keeping the span of its tokens), or a fixture file read exactly.
//!
//! Numbers keep the digits written (`1500.125`, a 40-digit integer): nothing passes through
//! `f64`. A value position that is not JSON (`order.id`, `papaya::currency!("EUR")`) is a Rust
//! expression, kept as its tokens up to the next `,` of its level.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use std::borrow::Cow;

use payments_runtime::json::Json;

/// One value of the literal.
#[derive(Debug, Clone)]
pub struct Node {
    pub value: Value,
    /// The tokens it was written with (the call site for a fixture file).
    pub span: Span,
}

/// What a [`Node`] holds.
#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number's text as written, sign included.
    Number(String),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
    /// A Rust expression in value position.
    Expr(TokenStream),
}

/// One member of an object.
#[derive(Debug, Clone)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    /// The JSON type's name, as violations spell it (`"a string"`, …), for shallow checks:
    /// arrays and objects come back empty.
    pub fn shallow_json(&self) -> Json<'static> {
        match &self.value {
            Value::Null | Value::Expr(_) => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(text) => Json::Number(Cow::Owned(text.clone())),
            Value::String(text) => Json::String(Cow::Owned(text.clone())),
            Value::Array(_) => Json::Array(Vec::new()),
            Value::Object(_) => Json::Object(Default::default()),
        }
    }

    /// The member `key` of an object.
    pub fn member(&self, key: &str) -> Option<&Member> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key),
            _ => None,
        }
    }
}

/// Reads a whole literal from `tokens`: exactly one value.
pub fn parse(tokens: TokenStream) -> syn::Result<Node> {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    if tokens.is_empty() {
        return Err(syn::Error::new(
            Span::call_site(),
            "expected a JSON literal: `{ \"member\": value, … }`",
        ));
    }
    value(&tokens, 0)
}

/// A value written as `tokens` (one value position, its separators removed).
fn value(tokens: &[TokenTree], depth: usize) -> syn::Result<Node> {
    if depth > 128 {
        return Err(error(&tokens[0], "the literal nests more than 128 levels"));
    }
    let span = span_of(tokens);
    let single = match tokens {
        [one] => Some(one),
        _ => None,
    };
    let value = match single {
        Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => {
            Value::Object(members(group.stream(), depth)?)
        }
        Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Bracket => {
            let items = split_commas(group.stream());
            let items = items
                .iter()
                .map(|item| value(item, depth + 1))
                .collect::<syn::Result<_>>()?;
            Value::Array(items)
        }
        Some(TokenTree::Ident(ident)) if ident == "null" => Value::Null,
        Some(TokenTree::Ident(ident)) if ident == "true" => Value::Bool(true),
        Some(TokenTree::Ident(ident)) if ident == "false" => Value::Bool(false),
        Some(TokenTree::Literal(literal)) => scalar(literal)?.unwrap_or_else(|| expr(tokens)),
        _ => match tokens {
            [TokenTree::Punct(minus), TokenTree::Literal(literal)] if minus.as_char() == '-' => {
                match scalar(literal)? {
                    // Shown at its digits where the two tokens' spans cannot be joined.
                    Some(Value::Number(digits)) => {
                        let span = minus.span().join(literal.span()).unwrap_or(literal.span());
                        let value = Value::Number(format!("-{digits}"));
                        return Ok(Node { value, span });
                    }
                    _ => expr(tokens),
                }
            }
            _ => expr(tokens),
        },
    };
    Ok(Node { value, span })
}

fn expr(tokens: &[TokenTree]) -> Value {
    Value::Expr(tokens.iter().cloned().collect())
}

/// A string or number literal; `None` for another literal (a `'c'`, a `b"…"`), which is then
/// an expression.
fn scalar(literal: &proc_macro2::Literal) -> syn::Result<Option<Value>> {
    let lit = syn::Lit::new(literal.clone());
    Ok(match lit {
        syn::Lit::Str(text) => Some(Value::String(text.value())),
        syn::Lit::Int(int) if int.suffix().is_empty() => {
            Some(Value::Number(int.base10_digits().to_owned()))
        }
        syn::Lit::Float(float) if float.suffix().is_empty() => {
            Some(Value::Number(float.base10_digits().to_owned()))
        }
        syn::Lit::Int(_) | syn::Lit::Float(_) => {
            return Err(syn::Error::new(
                literal.span(),
                "a JSON number has no type suffix: write the digits alone",
            ))
        }
        _ => None,
    })
}

/// The members of `{ "key": value, … }`.
fn members(stream: TokenStream, depth: usize) -> syn::Result<Vec<Member>> {
    let mut out: Vec<Member> = Vec::new();
    for member in split_commas(stream) {
        let (key, key_span) = match member.first() {
            Some(TokenTree::Literal(literal)) => match syn::Lit::new(literal.clone()) {
                syn::Lit::Str(text) => (text.value(), literal.span()),
                _ => return Err(error(&member[0], "a member name is a string literal")),
            },
            Some(other) => return Err(error(other, "a member name is a string literal")),
            None => continue,
        };
        match member.get(1) {
            Some(TokenTree::Punct(colon)) if colon.as_char() == ':' => {}
            Some(other) => return Err(error(other, "expected `:` after the member name")),
            None => return Err(error(&member[0], "expected `:` and a value")),
        }
        let rest = &member[2..];
        if rest.is_empty() {
            return Err(error(&member[1], "expected a value after `:`"));
        }
        if out.iter().any(|m| m.key == key) {
            return Err(syn::Error::new(
                key_span,
                format!("member {key:?} is written twice"),
            ));
        }
        out.push(Member {
            key,
            key_span,
            value: value(rest, depth + 1)?,
        });
    }
    Ok(out)
}

/// Splits at the `,`s of this level; a trailing `,` is allowed.
fn split_commas(stream: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut parts = vec![Vec::new()];
    for token in stream {
        match &token {
            TokenTree::Punct(p) if p.as_char() == ',' => parts.push(Vec::new()),
            _ => {
                if let Some(part) = parts.last_mut() {
                    part.push(token);
                }
            }
        }
    }
    if parts.last().is_some_and(Vec::is_empty) {
        parts.pop();
    }
    parts
}

/// The span covering `tokens` (the first token's, where spans cannot be joined).
fn span_of(tokens: &[TokenTree]) -> Span {
    let first = tokens.first().map_or_else(Span::call_site, TokenTree::span);
    let last = tokens.last().map_or(first, TokenTree::span);
    first.join(last).unwrap_or(first)
}

fn error(token: &TokenTree, message: &str) -> syn::Error {
    syn::Error::new(token.span(), message)
}

/// A fixture file's JSON, read exactly (numbers as written), every node at `span`.
pub fn from_json(json: &Json<'_>, span: Span) -> Node {
    let value = match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(text) => Value::Number(text.to_string()),
        Json::String(text) => Value::String(text.to_string()),
        Json::Array(items) => Value::Array(items.iter().map(|i| from_json(i, span)).collect()),
        Json::Object(object) => Value::Object(
            object
                .iter()
                .map(|(key, value)| Member {
                    key: key.to_owned(),
                    key_span: span,
                    value: from_json(value, span),
                })
                .collect(),
        ),
    };
    Node { value, span }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn read(tokens: TokenStream) -> Node {
        match parse(tokens) {
            Ok(node) => node,
            Err(e) => panic!("does not parse: {e}"),
        }
    }

    #[test]
    fn numbers_keep_their_digits_and_sign() {
        let node = read(quote!([
            1500.125,
            -0.5,
            1234567890123456789012345678901234567890,
            1e3
        ]));
        let Value::Array(items) = node.value else {
            panic!("not an array")
        };
        let texts: Vec<String> = items
            .iter()
            .map(|i| match &i.value {
                Value::Number(t) => t.clone(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "1500.125",
                "-0.5",
                "1234567890123456789012345678901234567890",
                "1e3"
            ]
        );
    }

    #[test]
    fn members_scalars_and_expressions() {
        let node = read(quote!({ "a": null, "b": true, "c": "x", "d": order.id, "e": f(1, 2), }));
        let Value::Object(members) = node.value else {
            panic!("not an object")
        };
        let keys: Vec<&str> = members.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, ["a", "b", "c", "d", "e"]);
        assert!(matches!(members[0].value.value, Value::Null));
        assert!(matches!(members[1].value.value, Value::Bool(true)));
        assert!(matches!(&members[2].value.value, Value::String(s) if s == "x"));
        match &members[3].value.value {
            Value::Expr(tokens) => assert_eq!(tokens.to_string(), "order . id"),
            other => panic!("{other:?}"),
        }
        // A call's own commas are inside its parentheses: one expression.
        match &members[4].value.value {
            Value::Expr(tokens) => assert_eq!(tokens.to_string(), "f (1 , 2)"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn malformed_literals_are_errors() {
        for (tokens, message) in [
            (quote!({ a: 1 }), "a member name is a string literal"),
            (quote!({ "a" 1 }), "expected `:` after the member name"),
            (quote!({ "a": }), "expected a value after `:`"),
            (quote!({ "a": 1, "a": 2 }), "member \"a\" is written twice"),
            (
                quote!([1u8]),
                "a JSON number has no type suffix: write the digits alone",
            ),
            (
                quote!(),
                "expected a JSON literal: `{ \"member\": value, … }`",
            ),
        ] {
            match parse(tokens) {
                Ok(node) => panic!("accepted: {node:?}"),
                Err(e) => assert_eq!(e.to_string(), message),
            }
        }
    }
}
