//! Inherent impls of plain methods, printed here rather than by prettyplease: what follows most
//! request types' definitions, their constructor and setters (`emit/builders.rs`):
//!
//! ```text
//! pub fn new(currency: String, destination: String) -> Self {
//!     Self { currency, destination, amount: None }
//! }
//! #[must_use]
//! pub fn with_amount(mut self, value: i64) -> Self {
//!     self.amount = Some(value);
//!     self
//! }
//! ```
//!
//! and, one at a time ([`method`]), the methods of an operation's `Parameters`, `Request` and
//! `Response`. By prettyplease's rules for those shapes: a signature on one line when it fits
//! the margin (its ` {` included), else one parameter per line, and the return type broken at
//! its generic arguments when `) -> Type {` is too long; the body as [`body`] prints it. Any
//! other shape, or a line that would not fit, returns `None`, and prettyplease prints the
//! method.

use super::attributes::attributes;
use super::body::statements;
use super::broken_types::{push_type, End};
use super::layout::{
    first_block, fits, fits_or_unbreakable, list, push_line, without_trailing_comma, INDENT,
};
use super::type_syntax::{generic_parameters, type_of};
use proc_macro2::{Delimiter, Spacing, TokenTree};

/// The text of the `impl Name { … }` that `tokens` start with (at the top level of a module),
/// and the tokens after it; `None` when they start with anything else or a shape not printed
/// here.
pub(super) fn leading_impl(tokens: &[TokenTree]) -> Option<(String, &[TokenTree])> {
    let (
        Some(TokenTree::Ident(keyword)),
        Some(TokenTree::Ident(name)),
        Some(TokenTree::Group(body)),
    ) = (tokens.first(), tokens.get(1), tokens.get(2))
    else {
        return None;
    };
    if keyword != "impl" || body.delimiter() != Delimiter::Brace {
        return None;
    }
    let items: Vec<TokenTree> = body.stream().into_iter().collect();
    if items.is_empty() {
        return None;
    }
    let mut out = format!("impl {name} {{\n");
    let mut at = 0;
    while at < items.len() {
        at = method(&items, at, INDENT, &mut out)?;
    }
    out.push_str("}\n");
    Some((out, &tokens[3..]))
}

/// One `pub fn` with its attributes, at `indent`; returns where it ends. When it returns
/// `None`, what it appended is part of a method: the callers drop it.
pub(super) fn method(
    tokens: &[TokenTree],
    at: usize,
    indent: &str,
    out: &mut String,
) -> Option<usize> {
    let at = attributes(tokens, at, indent, out)?;
    let (
        Some(TokenTree::Ident(vis)),
        Some(TokenTree::Ident(keyword)),
        Some(TokenTree::Ident(name)),
    ) = (tokens.get(at), tokens.get(at + 1), tokens.get(at + 2))
    else {
        return None;
    };
    if vis != "pub" || keyword != "fn" {
        return None;
    }
    // `<generics>(parameters) -> Type { body }`
    let parameters_at = (at + 3..tokens.len()).find(
        |&i| matches!(&tokens[i], TokenTree::Group(g) if g.delimiter() == Delimiter::Parenthesis),
    )?;
    let generics = if parameters_at == at + 3 {
        String::new()
    } else {
        generic_parameters(&tokens[at + 3..parameters_at])?
    };
    let (
        Some(TokenTree::Group(parameters)),
        Some(TokenTree::Punct(dash)),
        Some(TokenTree::Punct(arrow)),
    ) = (
        tokens.get(parameters_at),
        tokens.get(parameters_at + 1),
        tokens.get(parameters_at + 2),
    )
    else {
        return None;
    };
    if dash.as_char() != '-' || dash.spacing() != Spacing::Joint || arrow.as_char() != '>' {
        return None;
    }
    let ret_at = parameters_at + 3;
    let (body_at, body) = first_block(&tokens[ret_at..]).map(|(i, body)| (ret_at + i, body))?;
    let ret_tokens = &tokens[ret_at..body_at];
    let ret = type_of(ret_tokens)?;
    let parameters: Vec<TokenTree> = parameters.stream().into_iter().collect();
    let parameters = list(without_trailing_comma(&parameters).0, parameter)?;
    let head = format!("{indent}pub fn {name}{generics}(");
    let flat = format!("{head}{}) -> {ret} {{", parameters.join(", "));
    if fits(&flat, 0).is_some() {
        out.push_str(&flat);
        out.push('\n');
    } else if parameters.is_empty() {
        return None;
    } else {
        push_line(out, &head)?;
        for parameter in &parameters {
            let line = format!("{indent}{INDENT}{parameter},");
            let ty = parameter
                .split_once(": ")
                .map_or(parameter.as_str(), |(_, ty)| ty);
            fits_or_unbreakable(&line, 0, ty)?;
            out.push_str(&line);
            out.push('\n');
        }
        let close = format!("{indent}) -> {ret} {{");
        if fits(&close, 0).is_some() {
            out.push_str(&close);
            out.push('\n');
        } else {
            out.push_str(&format!("{indent}) -> "));
            push_type(out, ret_tokens, indent, (" {", End::Counted))?;
            out.push('\n');
        }
    }
    let body: Vec<TokenTree> = body.stream().into_iter().collect();
    statements(&body, &format!("{indent}{INDENT}"), out)?;
    out.push_str(indent);
    out.push_str("}\n");
    Some(body_at + 1)
}

/// A parameter: `self`, `mut self`, `&self`, `&mut self` or `name: Type`.
fn parameter(tokens: &[TokenTree]) -> Option<String> {
    match tokens {
        [TokenTree::Ident(this)] if this == "self" => Some("self".to_owned()),
        [TokenTree::Ident(word), TokenTree::Ident(this)] if word == "mut" && this == "self" => {
            Some("mut self".to_owned())
        }
        [TokenTree::Punct(and), TokenTree::Ident(this)]
            if and.as_char() == '&' && this == "self" =>
        {
            Some("&self".to_owned())
        }
        [TokenTree::Punct(and), TokenTree::Ident(word), TokenTree::Ident(this)]
            if and.as_char() == '&' && word == "mut" && this == "self" =>
        {
            Some("&mut self".to_owned())
        }
        [TokenTree::Ident(name), TokenTree::Punct(colon), ty @ ..]
            if colon.as_char() == ':' && colon.spacing() == Spacing::Alone =>
        {
            Some(format!("{name}: {}", type_of(ty)?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::TokenStream;
    use quote::quote;

    /// `tokens` printed here, or `None`; when printed, the text is prettyplease's.
    fn printed(tokens: TokenStream) -> Option<String> {
        super::super::printed_as_prettyplease(tokens, leading_impl)
    }

    use super::super::test_ident as ident;

    #[test]
    fn signatures_break_where_prettyplease_breaks_them() {
        // Around the margin, on one line and one parameter per line: every length prints as
        // prettyplease does, up to a parameter too long for a line of its own.
        for length in 1..=66 {
            let ty = ident(&"T".repeat(length));
            printed(quote! {
                impl Request {
                    #[doc = " A request."]
                    #[allow(clippy::too_many_arguments)]
                    pub fn new(currency: #ty, destination: String) -> Self {
                        Self { currency, destination }
                    }
                    #[doc = " Sets `x`."]
                    #[must_use]
                    pub fn with_x(mut self, value: Vec<#ty>) -> Self {
                        self.x = Some(value);
                        self
                    }
                }
            })
            .expect("printed");
        }
    }

    #[test]
    fn struct_literals_break_where_prettyplease_breaks_them() {
        // One line up to 35 columns, then one member per line.
        for length in 1..40 {
            let member = ident(&"f".repeat(length));
            printed(quote! {
                impl S {
                    pub fn new(a: A) -> Self {
                        Self { a, #member: None, b: Box::new(b), c: ::payments_runtime::Unlisted::new() }
                    }
                }
            })
            .expect("printed");
            printed(quote! {
                impl S {
                    pub fn new(a: A) -> Self {
                        Self { a, #member: None }
                    }
                }
            })
            .expect("printed");
        }
    }

    #[test]
    fn bodies_print_as_prettyplease_prints_them() {
        // Every statement shape, at lengths where each line fits and where the calls break.
        for length in 1..=48 {
            let x = ident(&"x".repeat(length));
            printed(quote! {
                impl Request {
                    #[cfg(feature = "http")]
                    pub fn #x<B: AsRef<[u8]>>(
                        &self,
                        server: &(impl ::payments_runtime::http::Server + ?Sized),
                        name: &'static str,
                        pairs: &mut Vec<(String, String)>,
                    ) -> Result<::payments_runtime::http::Request, ::payments_runtime::Violations> {
                        let (status, headers) = ::payments_runtime::http::head(&response);
                        let mut request = ::payments_runtime::http::Outgoing::new(METHOD, &base, &self.#x());
                        request.check_parameter("query", "client_secret", &self.parameters.#x);
                        if let Some(value) = &self.#x {
                            pairs.push(("expand".to_owned(), value.to_string()));
                        }
                        self.#x = Some(*value)?;
                        let text = format!("/v1/{intent}");
                        match status {
                            200 => ::payments_runtime::parse(body).map(Self::Ok),
                            _ => Err(self.#x.0),
                        }
                        (200..300).contains(&self.status())
                    }
                    pub fn new(parameters: Parameters, body: Option<Body>) -> Self {
                        Request { parameters, body, #x: [1, 2] }
                    }
                    pub fn status(&self) -> u16 {
                        match self {
                            Self::Ok(_) => 200,
                            Self::Default { status, .. } => *status,
                            Self::Other { status, body: (a, _) } => *status,
                        }
                    }
                }
            })
            .unwrap_or_else(|| panic!("length {length}"));
        }
    }

    #[test]
    fn a_parameter_of_a_long_path_stays_long() {
        let long = ident(&"L".repeat(85));
        printed(quote! {
            impl S {
                pub fn new(aaaa: #long, b: B) -> Self {
                    Self { aaaa, b }
                }
            }
        })
        .expect("printed");
    }

    #[test]
    fn long_lines_and_other_shapes_are_left_to_prettyplease() {
        let long = ident(&"x".repeat(80));
        for tokens in [
            // A statement or a member too long for its line: prettyplease breaks the call.
            quote!(impl S { pub fn with_x(mut self, value: T) -> Self { self.#long = Some(Box::new(value)); self } }),
            quote!(impl S { pub fn new(a: A) -> Self { Self { a: Box::new(#long), b: None } } }),
            // A parameter too long for its own line.
            quote!(impl S { pub fn new(a: Vec<#long>, b: B) -> Self { Self { a, b } } }),
            // Shapes not printed here.
            quote!(impl S {}),
            quote!(impl S { fn new() -> Self { Self {} } }),
            quote!(impl S { pub fn new() -> Self { Self { a: || b } } }),
            quote!(impl S { pub fn new(a: A) { } }),
            quote!(impl S { pub fn new() -> Self { let a: u8 = 1; Self { a } } }),
            quote!(impl S { pub fn new() -> Self { if a { b } else { c } } }),
            quote!(impl S { pub fn new() -> Self { match a { _ => { b } } } }),
            quote!(impl S { pub fn new() -> Self { a.map(|b| b).unwrap_or(c && d) } }),
            quote!(impl S { pub fn new() -> Self { a.collect::<Vec<_>>() } }),
            quote!(impl S { pub fn new() -> Self { f((a,)) } }),
            quote!(impl S { pub fn new() -> Self { f(a) + g(b) } }),
            quote!(impl S { pub fn new() -> Self { return a; } }),
            quote!(impl S { pub fn new() -> Self { format!("{}", a) } }),
            quote!(impl S { pub fn new(a: &dyn A) -> Self { a } }),
            quote!(impl S { pub fn new(a: [u8; 4]) -> Self { a } }),
            // Blocks of keywords are not struct literals; `()` in an arm is written `{}`; a
            // float literal ending in `.` keeps a space before a method call.
            quote!(impl S { pub fn new() -> Self { loop { a } } }),
            quote!(impl S { pub fn new() -> Self { unsafe { #long } } }),
            quote!(impl S { pub fn new() -> Self { match a { _ => () } } }),
            quote!(impl S { pub fn new() -> Self { 1. .f() } }),
            // A long call on a short receiver, and a long call in a `let` on a receiver.
            quote!(impl S { pub fn new() -> Self { self.push((#long, b)); a } }),
            quote!(impl S { pub fn new() -> Self { let a = request.push(#long, b); a } }),
            quote!(impl Trait for S { pub fn new() -> Self { Self { a } } }),
            quote!(
                impl<T> S<T> {
                    pub fn new() -> Self {
                        Self { a }
                    }
                }
            ),
        ] {
            let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
            assert!(leading_impl(&trees).is_none(), "{tokens}");
        }
    }

    #[test]
    fn the_tokens_after_the_impl_are_left() {
        let tokens = quote! {
            impl S { pub fn new(a: A) -> Self { Self { a } } }
            pub use x as y;
        };
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let (text, rest) = leading_impl(&trees).expect("printed");
        assert!(text.ends_with("}\n"));
        assert_eq!(rest.len(), 6);
    }
}
