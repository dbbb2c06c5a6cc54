//! Emitting rule checks: calls into `::payments_runtime::rules` on a value reached through its
//! `Option`/`Nullable`/`Box` wrappers, and one lazily compiled `Regex` static per pattern.
//!
//! The emitted code expects `__at: &Location<'_>` and `__out: &mut Violations` in scope.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use super::check::Checked;
use super::literal::decimal_tokens;
use super::types::Wrapper;

/// The patterns of one expansion, each compiled once by its own static.
#[derive(Default)]
pub(crate) struct Regexes {
    /// Each pattern's translation and whether it runs on the backtracking engine.
    translated: Vec<(String, bool)>,
}

impl Regexes {
    /// The static holding `translated`, declaring it on first use.
    fn static_for(&mut self, translated: &str, backtracking: bool) -> Ident {
        let key = (translated.to_owned(), backtracking);
        let index = match self.translated.iter().position(|known| *known == key) {
            Some(index) => index,
            None => {
                self.translated.push(key);
                self.translated.len() - 1
            }
        };
        pattern_static(index)
    }

    /// The `static` items for every pattern used. The derive compiled each translated pattern
    /// with the same engine, so compiling it again at run time cannot fail.
    pub(crate) fn statics(&self) -> TokenStream {
        let statics =
            self.translated
                .iter()
                .enumerate()
                .map(|(index, (translated, backtracking))| {
                    matcher_static(&pattern_static(index), translated, *backtracking)
                });
        quote!(#(#statics)*)
    }
}

/// `static NAME: LazyLock<Matcher>` compiling a pattern translated (and compiled once) at build
/// time; the derives and the generator's checked types write their patterns this way.
pub(crate) fn matcher_static(name: &Ident, translated: &str, backtracking: bool) -> TokenStream {
    quote! {
        static #name: ::payments_runtime::__private::LazyLock<::payments_runtime::pattern::Matcher> =
            ::payments_runtime::__private::LazyLock::new(|| {
                ::payments_runtime::pattern::Matcher::compiled(#translated, #backtracking)
            });
    }
}

/// The name of the static holding pattern `index` of an expansion.
fn pattern_static(index: usize) -> Ident {
    format_ident!("__PAYMENTS_PATTERN_{}", index, span = Span::call_site())
}

/// Checks `value` (an expression of type `&FieldType`) against `checked`, looking through
/// `wrappers` (outermost first). Empty when there are no rules.
pub(crate) fn apply(
    checked: &Checked,
    wrappers: &[Wrapper],
    value: TokenStream,
    regexes: &mut Regexes,
) -> TokenStream {
    if checked.is_empty() {
        return TokenStream::new();
    }
    let mut body = calls(checked, regexes);
    for wrapper in wrappers.iter().rev() {
        body = match wrapper {
            Wrapper::Option => quote! {
                if let ::core::option::Option::Some(__v) = __v {
                    #body
                }
            },
            Wrapper::Nullable => quote! {
                if let ::payments_runtime::Nullable::Value(__v) = __v {
                    #body
                }
            },
            Wrapper::Box => quote! {
                let __v = &**__v;
                #body
            },
        };
    }
    quote! {
        {
            let __v = #value;
            #body
        }
    }
}

/// The rule calls on `__v`, the unwrapped value.
fn calls(checked: &Checked, regexes: &mut Regexes) -> TokenStream {
    let rules = quote!(::payments_runtime::rules);
    let mut out = TokenStream::new();
    if let Some(pattern) = &checked.pattern {
        let regex = regexes.static_for(&pattern.translated, pattern.backtracking);
        let source = &pattern.source;
        out.extend(quote!(#rules::pattern(__v, &#regex, #source, __at, __out);));
    }
    let count = |n: usize| Literal::usize_unsuffixed(n);
    if let Some(n) = checked.min_length.map(count) {
        out.extend(quote!(#rules::min_length(__v, #n, __at, __out);));
    }
    if let Some(n) = checked.max_length.map(count) {
        out.extend(quote!(#rules::max_length(__v, #n, __at, __out);));
    }
    if let Some(format) = &checked.format {
        out.extend(quote!(#rules::format(__v, #format, __at, __out);));
    }
    let numeric = [
        ("minimum", checked.minimum),
        ("maximum", checked.maximum),
        ("exclusive_minimum", checked.exclusive_minimum),
        ("exclusive_maximum", checked.exclusive_maximum),
        ("multiple_of", checked.multiple_of),
    ];
    for (name, bound) in numeric {
        if let Some(bound) = bound {
            let function = Ident::new(name, Span::call_site());
            let bound = decimal_tokens(bound);
            out.extend(quote!(#rules::#function(__v, #bound, __at, __out);));
        }
    }
    if let Some(n) = checked.min_items.map(count) {
        out.extend(quote!(#rules::min_items(__v.len(), #n, __at, __out);));
    }
    if let Some(n) = checked.max_items.map(count) {
        out.extend(quote!(#rules::max_items(__v.len(), #n, __at, __out);));
    }
    out
}

/// A `CheckJson` body for one value: `check` (its type's own check, a statement), then, only
/// when that found nothing, the value `deserialize`d from the tree as `ty` and bound to
/// `binding` for `rules` (from [`apply`]). Rules apply to the value serde reads, so a value
/// serde would reject reports only the type's violations.
pub(crate) fn check_then_rules(
    check: TokenStream,
    ty: TokenStream,
    deserialize: TokenStream,
    binding: Ident,
    rules: TokenStream,
) -> TokenStream {
    if rules.is_empty() {
        return check;
    }
    quote! {
        let __before = __out.len();
        #check
        if __out.len() == __before {
            let __parsed: ::core::result::Result<#ty, _> = #deserialize;
            if let ::core::result::Result::Ok(#binding) = __parsed {
                #rules
            }
        }
    }
}
