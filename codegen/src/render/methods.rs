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
//! by prettyplease's rules for those shapes: a signature on one line when it fits the margin
//! (its ` {` included), else one parameter per line; a struct literal on one line when it is at
//! most 35 columns wide (prettyplease's `end_with_max_width(34)`, measured without its `}`),
//! else one member per line. Any other shape, or a line that would not fit the margin, returns
//! `None`, and prettyplease prints the impl.

use super::layout::{fits, fits_or_unbreakable, list, type_text, INDENT, MARGIN};
use super::simple::attributes;
use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// The widest struct literal prettyplease keeps on one line, `}` included.
const FLAT_STRUCT_LITERAL: usize = 35;

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
        at = method(&items, at, &mut out)?;
    }
    out.push_str("}\n");
    Some((out, &tokens[3..]))
}

/// One `pub fn` with its attributes, one level in; returns where it ends.
fn method(tokens: &[TokenTree], at: usize, out: &mut String) -> Option<usize> {
    let at = attributes(tokens, at, INDENT, out)?;
    let (
        Some(TokenTree::Ident(vis)),
        Some(TokenTree::Ident(keyword)),
        Some(TokenTree::Ident(name)),
        Some(TokenTree::Group(parameters)),
        Some(TokenTree::Punct(dash)),
        Some(TokenTree::Punct(arrow)),
    ) = (
        tokens.get(at),
        tokens.get(at + 1),
        tokens.get(at + 2),
        tokens.get(at + 3),
        tokens.get(at + 4),
        tokens.get(at + 5),
    )
    else {
        return None;
    };
    let returns = vis == "pub"
        && keyword == "fn"
        && parameters.delimiter() == Delimiter::Parenthesis
        && dash.as_char() == '-'
        && dash.spacing() == Spacing::Joint
        && arrow.as_char() == '>';
    if !returns {
        return None;
    }
    let ret_at = at + 6;
    let body_at = (ret_at..tokens.len()).find(
        |&i| matches!(&tokens[i], TokenTree::Group(g) if g.delimiter() == Delimiter::Brace),
    )?;
    let ret = type_text(&tokens[ret_at..body_at])?;
    let parameters: Vec<TokenTree> = parameters.stream().into_iter().collect();
    let parameters = if parameters.is_empty() {
        Vec::new()
    } else {
        list(&parameters, parameter)?
    };
    let flat = format!(
        "{INDENT}pub fn {name}({}) -> {ret} {{",
        parameters.join(", ")
    );
    if flat.len() <= MARGIN {
        out.push_str(&flat);
        out.push('\n');
    } else if parameters.is_empty() {
        return None;
    } else {
        out.push_str(&format!("{INDENT}pub fn {name}(\n"));
        for parameter in &parameters {
            let line = format!("{INDENT}{INDENT}{parameter},");
            fits_or_unbreakable(&line, 0, parameter)?;
            out.push_str(&line);
            out.push('\n');
        }
        push_line(out, &format!("{INDENT}) -> {ret} {{"))?;
    }
    let TokenTree::Group(body) = &tokens[body_at] else {
        return None;
    };
    statements(&body.stream(), out)?;
    out.push_str(INDENT);
    out.push_str("}\n");
    Some(body_at + 1)
}

/// A parameter: `self`, `mut self`, `&self` or `name: Type`.
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
        [TokenTree::Ident(name), TokenTree::Punct(colon), ty @ ..]
            if colon.as_char() == ':' && colon.spacing() == Spacing::Alone =>
        {
            Some(format!("{name}: {}", type_text(ty)?))
        }
        _ => None,
    }
}

/// A body of `self.member = value;` statements and a last expression (`self`, a path or call,
/// or a `Self { … }` literal), two levels in.
fn statements(body: &TokenStream, out: &mut String) -> Option<()> {
    let tokens: Vec<TokenTree> = body.clone().into_iter().collect();
    let indent = format!("{INDENT}{INDENT}");
    let mut start = 0;
    loop {
        let end = (start..tokens.len())
            .find(|&i| matches!(&tokens[i], TokenTree::Punct(p) if p.as_char() == ';'));
        let Some(end) = end else {
            // The last expression.
            let last = &tokens[start..];
            return match last {
                [TokenTree::Ident(this), TokenTree::Group(members)]
                    if this == "Self" && members.delimiter() == Delimiter::Brace =>
                {
                    struct_literal(&members.stream(), &indent, out)
                }
                [] => None,
                _ => push_line(out, &format!("{indent}{}", expression(last)?)),
            };
        };
        let statement = &tokens[start..end];
        let [TokenTree::Ident(this), TokenTree::Punct(dot), TokenTree::Ident(member), TokenTree::Punct(assign), value @ ..] =
            statement
        else {
            return None;
        };
        if this != "self" || dot.as_char() != '.' || assign.as_char() != '=' {
            return None;
        }
        push_line(
            out,
            &format!("{indent}self.{member} = {};", expression(value)?),
        )?;
        start = end + 1;
    }
}

/// `Self { a, b: value }`: on one line when at most [`FLAT_STRUCT_LITERAL`] wide, else one
/// member per line with a trailing comma.
fn struct_literal(members: &TokenStream, indent: &str, out: &mut String) -> Option<()> {
    let tokens: Vec<TokenTree> = members.clone().into_iter().collect();
    let members = list(&tokens, member)?;
    if members.is_empty() {
        return None;
    }
    let flat = format!("Self {{ {} }}", members.join(", "));
    if flat.len() <= FLAT_STRUCT_LITERAL {
        return push_line(out, &format!("{indent}{flat}"));
    }
    push_line(out, &format!("{indent}Self {{"))?;
    for member in &members {
        push_line(out, &format!("{indent}{INDENT}{member},"))?;
    }
    push_line(out, &format!("{indent}}}"))
}

/// A struct literal's member: `name` or `name: value`.
fn member(tokens: &[TokenTree]) -> Option<String> {
    match tokens {
        [TokenTree::Ident(name)] => Some(name.to_string()),
        [TokenTree::Ident(name), TokenTree::Punct(colon), value @ ..]
            if colon.as_char() == ':' && colon.spacing() == Spacing::Alone =>
        {
            Some(format!("{name}: {}", expression(value)?))
        }
        _ => None,
    }
}

/// A path or a call, as prettyplease prints one that fits its line: `None`, `Box::new(value)`,
/// `::payments_runtime::Unlisted::new()`, `Some(value)`.
fn expression(tokens: &[TokenTree]) -> Option<String> {
    let mut out = String::new();
    let mut after_word = false;
    for token in tokens {
        match token {
            TokenTree::Ident(_) | TokenTree::Literal(_) if after_word => return None,
            TokenTree::Ident(ident) => out.push_str(&ident.to_string()),
            TokenTree::Literal(literal) => out.push_str(&literal.to_string()),
            TokenTree::Punct(punct) if punct.as_char() == ':' => {
                out.push(':');
                after_word = false;
                continue;
            }
            TokenTree::Group(arguments)
                if arguments.delimiter() == Delimiter::Parenthesis && after_word =>
            {
                let arguments: Vec<TokenTree> = arguments.stream().into_iter().collect();
                let arguments = if arguments.is_empty() {
                    Vec::new()
                } else {
                    list(&arguments, expression)?
                };
                out.push('(');
                out.push_str(&arguments.join(", "));
                out.push(')');
            }
            _ => return None,
        }
        after_word = true;
    }
    // A path segment must follow `::`; `:` alone is not a path.
    let odd = out.ends_with(':') || has_lone_colon(&out);
    (!out.is_empty() && !odd).then_some(out)
}

/// Whether `text` has a `:` that is not half of a `::`.
fn has_lone_colon(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b':' {
            if bytes.get(at + 1) != Some(&b':') {
                return true;
            }
            at += 2;
        } else {
            at += 1;
        }
    }
    false
}

/// Appends `line` and a line break when it fits the margin.
fn push_line(out: &mut String, line: &str) -> Option<()> {
    fits(line, 0)?;
    out.push_str(line);
    out.push('\n');
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    /// `tokens` printed here, or `None`; when printed, the text is prettyplease's.
    fn printed(tokens: TokenStream) -> Option<String> {
        let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
        let (text, rest) = leading_impl(&trees)?;
        assert!(rest.is_empty());
        assert_eq!(text, super::super::prettyplease_text(&tokens), "{tokens}");
        Some(text)
    }

    fn ident(name: &str) -> proc_macro2::Ident {
        proc_macro2::Ident::new(name, proc_macro2::Span::call_site())
    }

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
            quote!(impl S { pub fn get(&self) -> bool { self.a.unwrap_or(false) } }),
            quote!(impl S { pub fn new() -> Self { let a = 1; Self { a } } }),
            quote!(impl S { pub fn new() -> Self { Self { a: || b } } }),
            quote!(impl S { pub fn new(a: A) { } }),
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
