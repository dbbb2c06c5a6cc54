//! Literals: reading numbers exactly (never through `f64`), writing `Decimal` constants, and
//! `check_literal!`.

use proc_macro2::{Literal as Lit, TokenStream};
use quote::quote;
use rust_decimal::Decimal;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Expr, LitFloat, LitInt, LitStr, Token, UnOp};

use super::attr;
use super::check::{self, Checked, Target};
use super::errors::Errors;
use super::types::ValueKind;

/// A literal, looked up through parentheses, invisible groups and a leading `-`.
pub(crate) enum Literal {
    /// `"text"`
    Str(LitStr),
    /// `12`, `0x0c`, `12u8`
    Int(LitInt),
    /// `0.001`, `1e3`
    Float(LitFloat),
}

fn strip(mut expr: &Expr) -> (bool, &Expr) {
    let mut negative = false;
    loop {
        match expr {
            Expr::Group(group) => expr = &group.expr,
            Expr::Paren(paren) => expr = &paren.expr,
            Expr::Unary(unary) if matches!(unary.op, UnOp::Neg(_)) => {
                negative = !negative;
                expr = &unary.expr;
            }
            _ => return (negative, expr),
        }
    }
}

/// The literal `expr` is, if it is one.
pub(crate) fn literal(expr: &Expr) -> Option<Literal> {
    let Expr::Lit(lit) = strip(expr).1 else {
        return None;
    };
    match &lit.lit {
        syn::Lit::Str(s) => Some(Literal::Str(s.clone())),
        syn::Lit::Int(i) => Some(Literal::Int(i.clone())),
        syn::Lit::Float(f) => Some(Literal::Float(f.clone())),
        _ => None,
    }
}

/// Whether `expr` is negative: an odd number of leading `-`, or a literal token that carries
/// its own sign (as syn builds from `-1`).
pub(crate) fn is_negative(expr: &Expr) -> bool {
    let signed_token = match literal(expr) {
        Some(Literal::Int(int)) => int.base10_digits().starts_with('-'),
        Some(Literal::Float(float)) => float.base10_digits().starts_with('-'),
        _ => false,
    };
    strip(expr).0 != signed_token
}

/// Parses decimal text exactly: `12`, `-0.001`, `1.5e-3`.
pub(crate) fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text.trim();
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        Decimal::from_str_exact(text).ok()
    }
}

/// Reads a numeric bound: an integer or float literal (from its digits), or a string holding a
/// decimal, optionally negated.
pub(crate) fn decimal(expr: &Expr) -> syn::Result<Decimal> {
    let (negative, _) = strip(expr);
    let (digits, what) = match literal(expr) {
        Some(Literal::Int(int)) => (int.base10_digits().to_owned(), "integer"),
        Some(Literal::Float(float)) => (float.base10_digits().to_owned(), "number"),
        Some(Literal::Str(text)) if !negative => (text.value(), "string"),
        _ => {
            return Err(syn::Error::new(
                expr.span(),
                "expected a number: an integer or float literal, or a string holding a decimal",
            ))
        }
    };
    let value = parse_decimal(&digits).ok_or_else(|| {
        let reason = if what == "string" {
            format!("{digits:?} is not a decimal number")
        } else {
            format!("{digits} does not fit a Decimal (96 bits, at most 28 decimal places)")
        };
        syn::Error::new(expr.span(), reason)
    })?;
    Ok(if negative { -value } else { value })
}

/// A constant expression building `value`: `Decimal::from_parts(lo, mid, hi, negative, scale)`.
pub(crate) fn decimal_tokens(value: Decimal) -> TokenStream {
    decimal_tokens_at(&quote!(::payments_runtime), value)
}

/// [`decimal_tokens`] through the runtime at `runtime` (a generated crate's
/// `$crate::__private::runtime`, whose users need not depend on the runtime themselves).
pub(crate) fn decimal_tokens_at(runtime: &TokenStream, value: Decimal) -> TokenStream {
    let mantissa = value.mantissa().unsigned_abs();
    let lo = Lit::u32_unsuffixed((mantissa & 0xFFFF_FFFF) as u32);
    let mid = Lit::u32_unsuffixed(((mantissa >> 32) & 0xFFFF_FFFF) as u32);
    let hi = Lit::u32_unsuffixed(((mantissa >> 64) & 0xFFFF_FFFF) as u32);
    let negative = value.is_sign_negative() && !value.is_zero();
    let scale = Lit::u32_unsuffixed(value.scale());
    quote! {
        #runtime::__private::Decimal::from_parts(#lo, #mid, #hi, #negative, #scale)
    }
}

/// The expansion of `check_literal!([runtime = [path],] rules…, literal)`.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let (runtime, input) = runtime_path(input);
    let placeholder = placeholder_for(&input, &runtime);
    match check_literal(input, &runtime) {
        Ok(tokens) => tokens,
        Err(error) => {
            let errors = error.to_compile_error();
            quote!({ #errors #placeholder })
        }
    }
}

/// A value of the checked literal's type that keeps the caller's expression well typed after
/// an error, so the error is the only diagnostic (a `loop {}` would add "unreachable call").
fn placeholder_for(input: &TokenStream, runtime: &TokenStream) -> TokenStream {
    let last_literal = input
        .clone()
        .into_iter()
        .filter_map(|token| match token {
            proc_macro2::TokenTree::Literal(literal) => Some(literal.to_string()),
            proc_macro2::TokenTree::Group(group)
                if group.delimiter() == proc_macro2::Delimiter::None =>
            {
                group.stream().into_iter().find_map(|t| match t {
                    proc_macro2::TokenTree::Literal(literal) => Some(literal.to_string()),
                    _ => None,
                })
            }
            _ => None,
        })
        .last();
    match last_literal {
        Some(text) if text.starts_with('"') || text.starts_with('r') => quote!(""),
        Some(_) => decimal_tokens_at(runtime, Decimal::ZERO),
        None => quote!(loop {}),
    }
}

/// A leading `runtime = [path],`: where the expansion finds the runtime (`::payments_runtime`
/// without it); and the rest of the input.
fn runtime_path(input: TokenStream) -> (TokenStream, TokenStream) {
    use proc_macro2::{Delimiter, TokenTree};
    let tokens: Vec<TokenTree> = input.clone().into_iter().collect();
    match tokens.as_slice() {
        [TokenTree::Ident(key), TokenTree::Punct(eq), TokenTree::Group(path), rest @ ..]
            if key == "runtime"
                && eq.as_char() == '='
                && path.delimiter() == Delimiter::Bracket =>
        {
            let rest = match rest {
                [TokenTree::Punct(comma), rest @ ..] if comma.as_char() == ',' => rest,
                rest => rest,
            };
            (path.stream(), rest.iter().cloned().collect())
        }
        _ => (quote!(::payments_runtime), input),
    }
}

fn check_literal(input: TokenStream, runtime: &TokenStream) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    let parser = |input: ParseStream<'_>| {
        let rules = attr::leading_rules(input, &mut errors)?;
        if input.is_empty() {
            return Err(input.error("expected the literal to check after the rules"));
        }
        let expr: Expr = input.parse()?;
        input.parse::<Option<Token![,]>>()?;
        if !input.is_empty() {
            return Err(input.error("expected nothing after the literal"));
        }
        Ok((rules, expr))
    };
    let (rules, expr) = parser.parse2(input)?;
    let (kind, found) = match literal(&expr) {
        Some(Literal::Str(_)) if !is_negative(&expr) => (ValueKind::String, "a string literal"),
        Some(Literal::Int(_) | Literal::Float(_)) => (ValueKind::Number, "a number literal"),
        _ => {
            let error = syn::Error::new_spanned(&expr, "expected a string or number literal");
            return Err(errors.and(error));
        }
    };
    let target = Target {
        kind,
        found: found.to_owned(),
    };
    let checked = check::check(&rules, &target, &mut errors);
    errors.finish()?;
    match literal(&expr) {
        Some(Literal::Str(text)) => {
            text_violations(&text.value(), &checked, &expr, &mut errors);
            errors.finish()?;
            Ok(quote!(#text))
        }
        _ => {
            let value = decimal(&expr)?;
            number_violations(value, &checked, &expr, &mut errors);
            errors.finish()?;
            Ok(decimal_tokens_at(runtime, value))
        }
    }
}

/// Reports every rule the string literal breaks, on the literal.
fn text_violations(text: &str, checked: &Checked, expr: &Expr, errors: &mut Errors) {
    let mut broken = |message: String| errors.push(syn::Error::new_spanned(expr, message));
    let chars = text.chars().count();
    if let Some(pattern) = &checked.pattern {
        match pattern.regex.is_match(text) {
            Some(true) => {}
            Some(false) => broken(format!("{text:?} does not match {}", pattern.source)),
            None => broken(format!(
                "{text:?} could not be checked against {}: the pattern ran out of its backtracking budget",
                pattern.source
            )),
        }
    }
    if let Some(min) = checked.min_length {
        if chars < min {
            broken(format!(
                "{text:?} has {chars} characters, fewer than min_length {min}"
            ));
        }
    }
    if let Some(max) = checked.max_length {
        if chars > max {
            broken(format!(
                "{text:?} has {chars} characters, more than max_length {max}"
            ));
        }
    }
    if let Some(format) = &checked.format {
        if let Some(message) = format_violation(text, format) {
            broken(format!("{text:?} {message}"));
        }
    }
}

/// The runtime's verdict on `text` for a `format`, if it breaks it.
fn format_violation(text: &str, format: &str) -> Option<String> {
    let format: &'static str = match format {
        "date-time" => "date-time",
        "date" => "date",
        "byte" => "byte",
        _ => return None,
    };
    let mut out = payments_runtime::Violations::new();
    payments_runtime::rules::format(text, format, &payments_runtime::Location::Root, &mut out);
    out.iter()
        .next()
        .map(|violation| violation.message().to_owned())
}

/// Reports every rule the number literal breaks, on the literal.
fn number_violations(value: Decimal, checked: &Checked, expr: &Expr, errors: &mut Errors) {
    let mut broken = |message: String| errors.push(syn::Error::new_spanned(expr, message));
    if let Some(min) = checked.minimum {
        if value < min {
            broken(format!("{value} is below the minimum {min}"));
        }
    }
    if let Some(max) = checked.maximum {
        if value > max {
            broken(format!("{value} is above the maximum {max}"));
        }
    }
    if let Some(min) = checked.exclusive_minimum {
        if value <= min {
            broken(format!("{value} is not above the exclusive minimum {min}"));
        }
    }
    if let Some(max) = checked.exclusive_maximum {
        if value >= max {
            broken(format!("{value} is not below the exclusive maximum {max}"));
        }
    }
    if let Some(step) = checked.multiple_of {
        if value.checked_rem(step).is_none_or(|rest| !rest.is_zero()) {
            broken(format!("{value} is not a multiple of {step}"));
        }
    }
}
