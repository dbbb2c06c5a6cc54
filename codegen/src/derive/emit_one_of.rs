//! `#[derive(OneOf)]`: an enum whose one-value variants are the alternatives of a `oneOf` or
//! `anyOf` gets `Serialize` (the alternative's own JSON), `Deserialize` (the alternative the
//! value selects), `Validate` and `CheckJson` (the selected alternative's violations, or those
//! of the closest one).

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DataEnum, DeriveInput, Ident, LitStr, Type};

use super::errors::Errors;
use super::one_of::{self, Mode, OneOf};

/// The expansion of `#[derive(OneOf)]`.
pub(crate) fn expand(input: &DeriveInput, data: &DataEnum) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    let union = one_of::read(input, data, &mut errors);
    errors.finish()?;
    let name = &input.ident;
    let serialize = serialize(name, &union);
    let deserialize = deserialize(name, &union);
    let validate = validate(name, &union);
    let check_json = check_json(name, &union);
    Ok(quote! {
        #serialize
        #deserialize
        #validate
        #check_json
    })
}

fn idents<'a>(union: &'a OneOf<'_>) -> Vec<&'a Ident> {
    union.alternatives.iter().map(|a| a.ident).collect()
}

fn types<'a>(union: &'a OneOf<'_>) -> Vec<&'a Type> {
    union.alternatives.iter().map(|a| a.ty).collect()
}

fn selectors<'a>(union: &'a OneOf<'_>) -> Vec<&'a LitStr> {
    union
        .alternatives
        .iter()
        .filter_map(|a| a.select.as_ref())
        .collect()
}

/// The alternatives' names, for messages: `String, Customer`.
fn expected(union: &OneOf<'_>) -> String {
    let names: Vec<String> = union
        .alternatives
        .iter()
        .map(|a| a.ident.to_string())
        .collect();
    names.join(", ")
}

/// The discriminator values or selecting members, quoted or not, for messages.
fn listed(union: &OneOf<'_>, quoted: bool) -> String {
    let values: Vec<String> = selectors(union)
        .iter()
        .map(|value| {
            if quoted {
                format!("\"{}\"", value.value())
            } else {
                value.value()
            }
        })
        .collect();
    values.join(", ")
}

fn many(union: &OneOf<'_>) -> String {
    format!(
        "matches more than one of {}; exactly one must match",
        expected(union)
    )
}

fn serialize(name: &Ident, union: &OneOf<'_>) -> TokenStream {
    let serde = quote!(::payments_runtime::__private::serde);
    let idents = idents(union);
    let unknown = union.unknown.map(|unknown| {
        quote!(Self::#unknown(__value) => #serde::Serialize::serialize(__value, __serializer),)
    });
    quote! {
        impl #serde::Serialize for #name {
            fn serialize<__S: #serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                match self {
                    #(Self::#idents(__value) => #serde::Serialize::serialize(__value, __serializer),)*
                    #unknown
                }
            }
        }
    }
}

fn deserialize(name: &Ident, union: &OneOf<'_>) -> TokenStream {
    let serde = quote!(::payments_runtime::__private::serde);
    let idents = idents(union);
    let types = types(union);
    let selectors = selectors(union);
    let custom = quote!(<__D::Error as #serde::de::Error>::custom);
    let body = match &union.mode {
        // One alternative and no tag to check: read straight from the input, with no tree in
        // between (Stripe nests `anyOf: [{$ref: X}]` deeply in its objects).
        Mode::Untagged { .. } if union.alternatives.len() == 1 => {
            return quote! {
                impl<'de> #serde::Deserialize<'de> for #name {
                    fn deserialize<__D: #serde::Deserializer<'de>>(
                        __deserializer: __D,
                    ) -> ::core::result::Result<Self, __D::Error> {
                        <#(#types)* as #serde::Deserialize>::deserialize(__deserializer)
                            .map(Self::#(#idents)*)
                    }
                }
            };
        }
        Mode::Tagged(property) => {
            let prefix = format!("unknown `{}` value `", property.value());
            let suffix = format!("`: expected one of {}", listed(union, true));
            let missing = format!("missing discriminator `{}`", property.value());
            let other = match union.unknown {
                Some(unknown) => quote! {
                    ::core::option::Option::Some(_) => {
                        ::core::result::Result::Ok(Self::#unknown(__value.into_owned()))
                    }
                },
                None => quote! {
                    ::core::option::Option::Some(__other) => {
                        ::core::result::Result::Err(#custom([#prefix, __other, #suffix].concat()))
                    }
                },
            };
            quote! {
                match __value.get(#property).and_then(::payments_runtime::Json::as_str) {
                    #(::core::option::Option::Some(#selectors) => {
                        <#types as #serde::Deserialize>::deserialize(&__value)
                            .map(Self::#idents)
                            .map_err(#custom)
                    })*
                    #other
                    ::core::option::Option::None => ::core::result::Result::Err(#custom(#missing)),
                }
            }
        }
        Mode::Present => {
            let none = format!(
                "none of the members that select a variant is present: {}",
                listed(union, false)
            );
            quote! {
                #(if __value.get(#selectors).is_some() {
                    return <#types as #serde::Deserialize>::deserialize(&__value)
                        .map(Self::#idents)
                        .map_err(#custom);
                })*
                ::core::result::Result::Err(#custom(#none))
            }
        }
        Mode::Untagged { .. } => {
            let none = format!("matches none of {}", expected(union));
            quote! {
                #(if let ::core::result::Result::Ok(__alternative) =
                    <#types as #serde::Deserialize>::deserialize(&__value)
                {
                    return ::core::result::Result::Ok(Self::#idents(__alternative));
                })*
                ::core::result::Result::Err(#custom(#none))
            }
        }
    };
    quote! {
        impl<'de> #serde::Deserialize<'de> for #name {
            fn deserialize<__D: #serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                // The value is read once (borrowing from the input, numbers exact) and each
                // alternative deserializes from that tree.
                let ::payments_runtime::json::Borrowed(__value) =
                    #serde::Deserialize::deserialize(__deserializer)?;
                #body
            }
        }
    }
}

fn validate(name: &Ident, union: &OneOf<'_>) -> TokenStream {
    let idents = idents(union);
    let types = types(union);
    let unknown = union.unknown.map(|unknown| quote!(Self::#unknown(_) => {}));
    // A value built in Rust (or read by serde, which takes the first alternative that reads)
    // is checked against the other alternatives of an exclusive `oneOf` through its JSON.
    let overlapping = matches!(
        union.mode,
        Mode::Untagged {
            overlapping: true,
            ..
        }
    )
    .then(|| {
        let many = many(union);
        quote! {
            let __text = ::payments_runtime::__private::serde_json::to_vec(self).unwrap_or_default();
            if let ::core::result::Result::Ok(__json) = ::payments_runtime::Json::from_slice(&__text) {
                if ::payments_runtime::union::matches(
                    &__json,
                    __at,
                    &[#(<#types as ::payments_runtime::CheckJson>::check_json),*],
                ) > 1 {
                    __out.push(__at, ::payments_runtime::Code::OneOf, #many);
                }
            }
        }
    });
    quote! {
        impl ::payments_runtime::Validate for #name {
            fn validate_at(
                &self,
                __at: &::payments_runtime::Location<'_>,
                __out: &mut ::payments_runtime::Violations,
            ) {
                match self {
                    #(Self::#idents(__value) => ::payments_runtime::Validate::validate_at(__value, __at, __out),)*
                    #unknown
                }
                #overlapping
            }
        }
    }
}

fn check_json(name: &Ident, union: &OneOf<'_>) -> TokenStream {
    let plain = check_body(union, false);
    let evaluating = check_body(union, true);
    quote! {
        impl ::payments_runtime::CheckJson for #name {
            fn check_json(
                __value: &::payments_runtime::Json<'_>,
                __at: &::payments_runtime::Location<'_>,
                __out: &mut ::payments_runtime::Violations,
            ) {
                #plain
            }

            fn check_json_evaluated(
                __value: &::payments_runtime::Json<'_>,
                __at: &::payments_runtime::Location<'_>,
                __out: &mut ::payments_runtime::Violations,
                __into: &mut ::payments_runtime::schema::Evaluated,
            ) {
                #evaluating
            }
        }
    }
}

/// The check, plain (`check_json`) or also adding what the alternative the value takes
/// evaluates (`check_json_evaluated`, for `unevaluated*` around a `$ref`), in one pass.
fn check_body(union: &OneOf<'_>, evaluating: bool) -> TokenStream {
    let types = types(union);
    let selectors = selectors(union);
    let call = if evaluating {
        quote!(check_json_evaluated(__value, __at, __out, __into))
    } else {
        quote!(check_json(__value, __at, __out))
    };
    let code = quote!(::payments_runtime::Code);
    match &union.mode {
        Mode::Tagged(property) => {
            let missing = format!("missing discriminator `{}`", property.value());
            let other = if union.unknown.is_some() {
                quote!(::core::option::Option::Some(_) => {})
            } else {
                let must = format!("must be one of {}", listed(union, true));
                quote!(::core::option::Option::Some(_) => __out.push(&__at.key(#property), #code::Enum, #must),)
            };
            quote! {
                match __value.get(#property).and_then(::payments_runtime::Json::as_str) {
                    #(::core::option::Option::Some(#selectors) => <#types as ::payments_runtime::CheckJson>::#call,)*
                    #other
                    ::core::option::Option::None if __value.is_object() => {
                        __out.push(&__at.key(#property), #code::Required, #missing)
                    }
                    ::core::option::Option::None => __out.push(__at, #code::Type, "expected an object"),
                }
            }
        }
        Mode::Present => {
            let none = format!("expected one of the members {}", listed(union, false));
            quote! {
                #(if __value.get(#selectors).is_some() {
                    return <#types as ::payments_runtime::CheckJson>::#call;
                })*
                __out.push(__at, #code::OneOf, #none);
            }
        }
        // One alternative: the union accepts what it accepts, and its violations are the
        // union's (whether `oneOf` or `anyOf`).
        Mode::Untagged { .. } if types.len() == 1 && !evaluating => {
            quote!(<#(#types)* as ::payments_runtime::CheckJson>::#call;)
        }
        // What the alternative evaluated counts only when it accepts the value (a checked
        // type collects members as it goes, accepted or not).
        Mode::Untagged { .. } if types.len() == 1 => {
            quote! {
                let mut __part = ::payments_runtime::schema::Evaluated::new();
                let __before = __out.len();
                <#(#types)* as ::payments_runtime::CheckJson>::check_json_evaluated(
                    __value,
                    __at,
                    __out,
                    &mut __part,
                );
                if __out.len() == __before {
                    __into.merge(__part);
                }
            }
        }
        // `anyOf` (and a response's lenient `oneOf`) stops at the first alternative that
        // accepts the value; `exactly_one` counts them. Collecting what they evaluate tries
        // every one.
        Mode::Untagged { exactly_one, .. } => {
            let matches = if *exactly_one {
                let many = many(union);
                quote!(::payments_runtime::union::Matches::ExactlyOne(#many))
            } else {
                quote!(::payments_runtime::union::Matches::AtLeastOne)
            };
            if evaluating {
                quote! {
                    ::payments_runtime::union::check_evaluated(
                        __value,
                        __at,
                        __out,
                        __into,
                        &[#(<#types as ::payments_runtime::CheckJson>::check_json_evaluated),*],
                        #matches,
                    );
                }
            } else {
                quote! {
                    ::payments_runtime::union::check(
                        __value,
                        __at,
                        __out,
                        &[#(<#types as ::payments_runtime::CheckJson>::check_json),*],
                        #matches,
                    );
                }
            }
        }
    }
}
