//! `#[derive(WireEnum)]`: string enums with documented wire values, strict or open.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::{DataEnum, DeriveInput, Fields, Ident, LitStr};

use super::attr::{self, Wire};
use super::errors::Errors;
use super::types;

/// Whether the enum carries `#[wire(const)]` (the schema states `const`, not `enum`): its one
/// documented value is then reported as a `const` violation.
fn constant(input: &DeriveInput, variants: &Variants<'_>, errors: &mut Errors) -> bool {
    let mut found = false;
    for attr in input
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("wire"))
    {
        match attr.parse_args::<syn::Token![const]>() {
            Ok(_) if variants.documented.len() != 1 => errors.push(syn::Error::new_spanned(
                attr,
                "`#[wire(const)]` needs exactly one `#[wire(\"VALUE\")]` variant",
            )),
            Ok(_) => found = true,
            Err(_) => errors.push(syn::Error::new_spanned(
                attr,
                "expected `#[wire(const)]` on the enum",
            )),
        }
    }
    found
}

/// The variants, read and checked.
struct Variants<'a> {
    documented: Vec<(&'a Ident, LitStr)>,
    other: Option<&'a Ident>,
}

fn variants<'a>(data: &'a DataEnum, errors: &mut Errors) -> Variants<'a> {
    let mut documented: Vec<(&Ident, LitStr)> = Vec::new();
    let mut by_value: BTreeMap<String, &Ident> = BTreeMap::new();
    let mut other: Option<&Ident> = None;
    for variant in &data.variants {
        let ident = &variant.ident;
        let wires = attr::wire(&variant.attrs, errors);
        let mut wires = wires.into_iter();
        let Some((wire, _)) = wires.next() else {
            errors.at(
                ident.span(),
                format!("variant `{ident}` has no wire value: add `#[wire(\"VALUE\")]`"),
            );
            continue;
        };
        for (_, span) in wires {
            errors.at(
                span,
                format!("variant `{ident}` has more than one `#[wire]`"),
            );
        }
        match wire {
            Wire::Value(value) => {
                if !matches!(variant.fields, Fields::Unit) {
                    errors.push(syn::Error::new_spanned(
                        &variant.fields,
                        format!(
                            "variant `{ident}` carries data: only the `#[wire(other)]` variant may"
                        ),
                    ));
                }
                if let Some(first) = by_value.get(&value.value()) {
                    errors.at(
                        value.span(),
                        format!(
                            "duplicate wire value {:?}, already used by `{first}`",
                            value.value()
                        ),
                    );
                    continue;
                }
                by_value.insert(value.value(), ident);
                documented.push((ident, value));
            }
            Wire::Other(span) => {
                if let Some(first) = other {
                    errors.at(
                        span,
                        format!("only one variant may be `#[wire(other)]`; `{first}` already is"),
                    );
                    continue;
                }
                let holds_string = match &variant.fields {
                    Fields::Unnamed(fields) => {
                        fields.unnamed.len() == 1
                            && fields
                                .unnamed
                                .iter()
                                .all(|field| types::is_string(&field.ty))
                    }
                    _ => false,
                };
                if !holds_string {
                    errors.at(
                        ident.span(),
                        format!(
                            "the `#[wire(other)]` variant must hold the value: `{ident}(String)`"
                        ),
                    );
                }
                other = Some(ident);
            }
        }
    }
    Variants { documented, other }
}

/// The JSON-quoted list of values, for messages: `"A", "B"`.
fn quoted(values: &[String]) -> String {
    let quoted: Vec<String> = values.iter().map(|value| format!("{value:?}")).collect();
    quoted.join(", ")
}

/// The expansion of `#[derive(WireEnum)]`.
pub(crate) fn expand(input: &DeriveInput, data: &DataEnum) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    if !input.generics.params.is_empty() {
        errors.push(syn::Error::new_spanned(
            &input.generics,
            "derive(WireEnum) does not support generic parameters",
        ));
    }
    let variants = variants(data, &mut errors);
    let constant = constant(input, &variants, &mut errors);
    if data.variants.is_empty() {
        errors.at(
            input.ident.span(),
            "derive(WireEnum) needs at least one `#[wire(\"VALUE\")]` variant",
        );
    }
    errors.finish()?;

    let name = &input.ident;
    let vis = &input.vis;
    let serde = quote!(::payments_runtime::__private::serde);
    let idents: Vec<&Ident> = variants
        .documented
        .iter()
        .map(|(ident, _)| *ident)
        .collect();
    let values: Vec<&LitStr> = variants.documented.iter().map(|(_, value)| value).collect();
    let texts: Vec<String> = values.iter().map(|value| value.value()).collect();
    let lookup = lookup(&idents, &values);

    let (as_str_ty, other_as_str, from_str_other, visit, check) = match variants.other {
        Some(other) => (
            quote!(&str),
            quote!(Self::#other(__value) => __value.as_str(),),
            quote!(::core::result::Result::Ok(Self::#other(::std::string::String::from(__s)))),
            quote! {
                fn visit_str<__E>(self, __text: &str) -> ::core::result::Result<#name, __E>
                where
                    __E: #serde::de::Error,
                {
                    ::core::result::Result::Ok(match #name::__known(__text) {
                        ::core::option::Option::Some(__known) => __known,
                        ::core::option::Option::None => {
                            #name::#other(::std::string::String::from(__text))
                        }
                    })
                }

                fn visit_string<__E>(
                    self,
                    __text: ::std::string::String,
                ) -> ::core::result::Result<#name, __E>
                where
                    __E: #serde::de::Error,
                {
                    ::core::result::Result::Ok(match #name::__known(&__text) {
                        ::core::option::Option::Some(__known) => __known,
                        ::core::option::Option::None => #name::#other(__text),
                    })
                }
            },
            quote! {
                <::std::string::String as ::payments_runtime::CheckJson>::check_json(__value, __at, __out);
            },
        ),
        None => {
            // The keyword the schema states: `const`, or an `enum` (of one value or more).
            let code = if constant {
                quote!(Const)
            } else {
                quote!(Enum)
            };
            let message = match texts.as_slice() {
                [one] => format!("must be {one:?}"),
                many => format!("must be one of {}", quoted(many)),
            };
            (
                quote!(&'static str),
                TokenStream::new(),
                quote!(::core::result::Result::Err(
                    ::payments_runtime::UnknownValue::new(__s, Self::VALUES)
                )),
                quote! {
                    fn visit_str<__E>(self, __text: &str) -> ::core::result::Result<#name, __E>
                    where
                        __E: #serde::de::Error,
                    {
                        <#name as ::core::str::FromStr>::from_str(__text)
                            .map_err(<__E as #serde::de::Error>::custom)
                    }
                },
                quote! {
                    match __value.as_str() {
                        ::core::option::Option::None => {
                            <::std::string::String as ::payments_runtime::CheckJson>::check_json(
                                __value, __at, __out,
                            );
                        }
                        ::core::option::Option::Some(__text) => {
                            if Self::__known(__text).is_none() {
                                __out.push(__at, ::payments_runtime::Code::#code, #message);
                            }
                        }
                    }
                },
            )
        }
    };
    let values_doc = format!(" The documented wire values: {}.", quoted(&texts));

    Ok(quote! {
        const _: () = {
            impl #name {
                #[doc = #values_doc]
                #vis const VALUES: &'static [&'static str] = &[#(#values),*];

                /// The wire value.
                #vis fn as_str(&self) -> #as_str_ty {
                    match self {
                        #(Self::#idents => #values,)*
                        #other_as_str
                    }
                }

                /// The documented variant whose wire value is `__text`.
                fn __known(__text: &str) -> ::core::option::Option<Self> {
                    #lookup
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Display for #name {
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    __f.write_str(self.as_str())
                }
            }

            #[automatically_derived]
            impl ::core::str::FromStr for #name {
                type Err = ::payments_runtime::UnknownValue;

                fn from_str(__s: &str) -> ::core::result::Result<Self, Self::Err> {
                    match Self::__known(__s) {
                        ::core::option::Option::Some(__known) => ::core::result::Result::Ok(__known),
                        ::core::option::Option::None => #from_str_other,
                    }
                }
            }

            #[automatically_derived]
            impl #serde::Serialize for #name {
                fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: #serde::Serializer,
                {
                    __serializer.serialize_str(self.as_str())
                }
            }

            #[automatically_derived]
            impl<'de> #serde::Deserialize<'de> for #name {
                fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    // Reads the text borrowed where the input allows: no `String` for a
                    // documented value.
                    struct __Visitor;

                    impl<'de> #serde::de::Visitor<'de> for __Visitor {
                        type Value = #name;

                        fn expecting(
                            &self,
                            __f: &mut ::core::fmt::Formatter<'_>,
                        ) -> ::core::fmt::Result {
                            __f.write_str("a string")
                        }

                        #visit
                    }

                    __deserializer.deserialize_str(__Visitor)
                }
            }

            #[automatically_derived]
            impl ::payments_runtime::Validate for #name {
                fn validate_at(
                    &self,
                    _: &::payments_runtime::Location<'_>,
                    _: &mut ::payments_runtime::Violations,
                ) {
                }
            }

            #[automatically_derived]
            impl ::payments_runtime::CheckJson for #name {
                fn check_json(
                    __value: &::payments_runtime::Json<'_>,
                    __at: &::payments_runtime::Location<'_>,
                    __out: &mut ::payments_runtime::Violations,
                ) {
                    #check
                }
            }
        };
    })
}

/// Above this many values, `__known` binary-searches a sorted table instead of comparing the
/// text with each value in turn.
const LINEAR_LOOKUP: usize = 8;

/// The body of `__known(__text: &str) -> Option<Self>`.
fn lookup(idents: &[&Ident], values: &[&LitStr]) -> TokenStream {
    if idents.len() <= LINEAR_LOOKUP {
        return quote! {
            match __text {
                #(#values => ::core::option::Option::Some(Self::#idents),)*
                _ => ::core::option::Option::None,
            }
        };
    }
    // Sorted by bytes, as `str`'s `Ord` compares; each entry names its variant by position.
    let mut sorted: Vec<(String, usize)> = values
        .iter()
        .enumerate()
        .map(|(position, value)| (value.value(), position))
        .collect();
    sorted.sort();
    let entries = sorted.iter().map(|(text, position)| {
        let position = Literal::usize_unsuffixed(*position);
        quote!((#text, #position))
    });
    let positions = (0..idents.len()).map(Literal::usize_unsuffixed);
    quote! {
        const __SORTED: &[(&str, usize)] = &[#(#entries),*];
        let __found = __SORTED
            .binary_search_by(|(__value, _)| (*__value).cmp(__text))
            .ok()?;
        match __SORTED.get(__found)?.1 {
            #(#positions => ::core::option::Option::Some(Self::#idents),)*
            _ => ::core::option::Option::None,
        }
    }
}
