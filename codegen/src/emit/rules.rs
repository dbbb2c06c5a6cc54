//! Constraints → the `#[validate(…)]` attribute the `Validate` derive reads.

use crate::ir::Constraints;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// `#[validate(…)]` for a set of rules, or nothing when there are none.
pub fn validate_attr(rules: &Constraints) -> TokenStream {
    let list = rule_list(rules);
    if list.is_empty() {
        return TokenStream::new();
    }
    quote!(#[validate(#(#list),*)])
}

/// The rules as `name = literal` items, in a fixed order.
pub fn rule_list(rules: &Constraints) -> Vec<TokenStream> {
    let mut out = Vec::new();
    if let Some(pattern) = &rules.pattern {
        out.push(quote!(pattern = #pattern));
    }
    for (name, value) in [
        ("min_length", rules.min_length),
        ("max_length", rules.max_length),
    ] {
        if let Some(n) = value {
            out.push(count(name, n));
        }
    }
    if let Some(bound) = &rules.minimum {
        let name = if bound.exclusive {
            "exclusive_minimum"
        } else {
            "minimum"
        };
        out.push(number(name, &bound.value));
    }
    if let Some(bound) = &rules.maximum {
        let name = if bound.exclusive {
            "exclusive_maximum"
        } else {
            "maximum"
        };
        out.push(number(name, &bound.value));
    }
    if let Some(step) = &rules.multiple_of {
        out.push(number("multiple_of", step));
    }
    for (name, value) in [
        ("min_items", rules.min_items),
        ("max_items", rules.max_items),
    ] {
        if let Some(n) = value {
            out.push(count(name, n));
        }
    }
    out
}

fn count(name: &str, n: u64) -> TokenStream {
    let name = proc_macro2::Ident::new(name, proc_macro2::Span::call_site());
    let n = Literal::u64_unsuffixed(n);
    quote!(#name = #n)
}

/// A decimal bound as an unsuffixed literal with exactly the spec's digits (never through
/// f64); a negative bound as a string, since a literal token cannot carry a sign.
fn number(name: &str, text: &str) -> TokenStream {
    let name = proc_macro2::Ident::new(name, proc_macro2::Span::call_site());
    match text.parse::<Literal>() {
        Ok(literal) if !text.starts_with('-') => quote!(#name = #literal),
        _ => quote!(#name = #text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Bound;

    #[test]
    fn rules_render_exact_literals() {
        let rules = Constraints {
            pattern: Some("^[A-Z]{3}$".into()),
            minimum: Some(Bound {
                value: "0".into(),
                exclusive: false,
            }),
            multiple_of: Some("0.001".into()),
            max_length: Some(3),
            ..Constraints::default()
        };
        assert_eq!(
            validate_attr(&rules).to_string(),
            "# [validate (pattern = \"^[A-Z]{3}$\" , max_length = 3 , minimum = 0 , multiple_of = 0.001)]"
        );
    }

    #[test]
    fn negative_bounds_stay_exact() {
        let rules = Constraints {
            maximum: Some(Bound {
                value: "-1.50".into(),
                exclusive: true,
            }),
            ..Default::default()
        };
        assert_eq!(
            validate_attr(&rules).to_string(),
            "# [validate (exclusive_maximum = \"-1.50\")]"
        );
    }
}
