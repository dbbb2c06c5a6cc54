//! `#[derive(Validate)]` on a one-field tuple struct with container rules (a constrained
//! newtype): `Validate`, `CheckJson`, serde impls that check on the way in, and constructors.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{DeriveInput, Field};

use super::attr;
use super::check::{self, Target};
use super::errors::Errors;
use super::rules::{self, Regexes};
use super::types::{self, ValueKind};
use super::{generic_check_json, reject_validate};

/// The expansion for a one-field tuple struct.
pub(crate) fn expand(input: &DeriveInput, field: &Field) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    let (parsed, marker) = attr::validate_rules(&input.attrs, &mut errors);
    if let Some(marker) = marker {
        errors.at(
            marker.span,
            "only a field of a struct with named fields keeps unlisted members",
        );
    }
    reject_validate(
        &field.attrs,
        "a newtype's rules go on the struct: `#[validate(...)] struct Name(Inner);`",
        &mut errors,
    );
    let serde = attr::serde_field(&field.attrs, &mut errors);
    if !input.generics.params.is_empty() {
        errors.push(syn::Error::new_spanned(
            &input.generics,
            "derive(Validate) on a newtype does not support generic parameters",
        ));
    }
    let inner = &field.ty;
    let (wrappers, value_ty) = types::unwrap(inner);
    let kind = types::classify(value_ty);
    let target = Target {
        kind: kind.clone(),
        found: format!("`{}`", types::display(value_ty)),
    };
    let checked = check::check(&parsed, &target, &mut errors);
    errors.finish()?;

    let mut regexes = Regexes::default();
    // The constructors run the rules themselves. A private inner field can only be set through
    // them (or the compile-time-checked literal), so `validate()` — on the parse hot path —
    // need not run them again; a public field can be set to anything, so then it does.
    let construct_rules = rules::apply(&checked, &wrappers, quote!(&__value.0), &mut regexes);
    let validate_rules = if matches!(field.vis, syn::Visibility::Inherited) {
        TokenStream::new()
    } else {
        rules::apply(&checked, &wrappers, quote!(&self.0), &mut regexes)
    };
    let json_rules = rules::apply(&checked, &wrappers, quote!(&__inner), &mut regexes);
    let statics = regexes.statics();

    let serde_path = quote!(::payments_runtime::__private::serde);
    let (check_json, deserialize_value, deserialize, serialize) = match &serde.with {
        Some(with) => (
            if generic_check_json(with) {
                quote!(#with::check_json::<#inner>(__value, __at, __out))
            } else {
                quote!(#with::check_json(__value, __at, __out))
            },
            quote!(#with::deserialize(__value)),
            quote!(#with::deserialize(__deserializer)),
            quote!(#with::serialize(&self.0, __serializer)),
        ),
        None => (
            quote!(<#inner as ::payments_runtime::CheckJson>::check_json(__value, __at, __out)),
            quote!(<#inner as #serde_path::Deserialize>::deserialize(__value)),
            quote!(<#inner as #serde_path::Deserialize>::deserialize(__deserializer)),
            quote!(<#inner as #serde_path::Serialize>::serialize(&self.0, __serializer)),
        ),
    };
    // What the inner type evaluates (a list's items), for `unevaluated*` around a `$ref`; a
    // value read through a wire adapter is a scalar, which evaluates nothing.
    let evaluated = serde.with.is_none().then(|| {
        quote! {
            fn evaluated(
                __value: &::payments_runtime::Json<'_>,
                __into: &mut ::payments_runtime::schema::Evaluated,
            ) {
                <#inner as ::payments_runtime::CheckJson>::evaluated(__value, __into);
            }
        }
    });
    let check_json = rules::check_then_rules(
        quote!(#check_json;),
        quote!(#inner),
        deserialize_value,
        format_ident!("__inner"),
        json_rules,
    );

    let name = &input.ident;
    let vis = &input.vis;
    let is_string = wrappers.is_empty() && types::is_string(value_ty);
    let from_literal = if is_string {
        quote! {
            #[doc(hidden)]
            #vis fn __from_checked_literal(literal: &'static str) -> Self {
                Self(::std::string::String::from(literal))
            }
        }
    } else {
        quote! {
            #[doc(hidden)]
            #vis const fn __from_checked_literal(inner: #inner) -> Self {
                Self(inner)
            }
        }
    };
    let string_api = if is_string {
        quote! {
            impl #name {
                /// The value as a string slice.
                #vis fn as_str(&self) -> &str {
                    self.0.as_str()
                }
            }

            #[automatically_derived]
            impl ::core::str::FromStr for #name {
                type Err = ::payments_runtime::Violations;

                fn from_str(__s: &str) -> ::core::result::Result<Self, Self::Err> {
                    Self::new(::std::string::String::from(__s))
                }
            }
        }
    } else {
        TokenStream::new()
    };
    let display = if kind == ValueKind::Items {
        TokenStream::new()
    } else {
        quote! {
            #[automatically_derived]
            impl ::core::fmt::Display for #name {
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Display::fmt(&self.0, __f)
                }
            }
        }
    };

    Ok(quote! {
        const _: () = {
            #statics

            impl #name {
                /// Checks `inner` against the documented rules.
                #vis fn new(inner: #inner) -> ::core::result::Result<Self, ::payments_runtime::Violations> {
                    let __value = Self(inner);
                    let mut __violations = ::payments_runtime::Violations::new();
                    {
                        let __at = &::payments_runtime::Location::Root;
                        let __out = &mut __violations;
                        #construct_rules
                        ::payments_runtime::Validate::validate_at(&__value.0, __at, __out);
                    }
                    __violations.into_result()?;
                    ::core::result::Result::Ok(__value)
                }

                /// The checked value.
                #vis fn get(&self) -> &#inner {
                    &self.0
                }

                /// The checked value, by value.
                #vis fn into_inner(self) -> #inner {
                    self.0
                }

                #from_literal
            }

            #[automatically_derived]
            impl ::payments_runtime::Validate for #name {
                fn validate_at(
                    &self,
                    __at: &::payments_runtime::Location<'_>,
                    __out: &mut ::payments_runtime::Violations,
                ) {
                    #validate_rules
                    ::payments_runtime::Validate::validate_at(&self.0, __at, __out);
                }
            }

            #[automatically_derived]
            impl ::payments_runtime::CheckJson for #name {
                fn check_json(
                    __value: &::payments_runtime::Json<'_>,
                    __at: &::payments_runtime::Location<'_>,
                    __out: &mut ::payments_runtime::Violations,
                ) {
                    #check_json
                }

                #evaluated
            }

            #[automatically_derived]
            impl #serde_path::Serialize for #name {
                fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: #serde_path::Serializer,
                {
                    #serialize
                }
            }

            #[automatically_derived]
            impl<'de> #serde_path::Deserialize<'de> for #name {
                fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
                where
                    __D: #serde_path::Deserializer<'de>,
                {
                    let __inner: #inner = #deserialize?;
                    Self::new(__inner).map_err(<__D::Error as #serde_path::de::Error>::custom)
                }
            }

            #[automatically_derived]
            impl ::core::convert::TryFrom<#inner> for #name {
                type Error = ::payments_runtime::Violations;

                fn try_from(inner: #inner) -> ::core::result::Result<Self, Self::Error> {
                    Self::new(inner)
                }
            }

            #display
            #string_api
        };
    })
}
