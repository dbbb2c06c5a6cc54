//! `#[derive(Validate)]` on a struct with named fields: `Validate` and `CheckJson`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::spanned::Spanned;
use syn::{DeriveInput, FieldsNamed, Ident, Path, Type};

use super::attr::{self, SerdeContainer, SerdeField};
use super::check::{self, Checked, Target};
use super::errors::Errors;
use super::rules::{self, Regexes};
use super::types::{self, Wrapper};
use super::{bounded, generic_check_json, reject_validate};

/// One field, read and checked.
struct Field<'a> {
    ident: &'a Ident,
    ty: &'a Type,
    wire: String,
    required: bool,
    serde: SerdeField,
    wrappers: Vec<Wrapper>,
    rules: Checked,
}

/// The field that keeps the members the other fields do not name: `#[validate(unlisted)]`
/// (exact JSON) or `#[validate(additional)]` (an `additionalProperties` type).
struct Rest<'a> {
    ident: &'a Ident,
    ty: &'a Type,
    except: Vec<String>,
    typed: bool,
}

/// Reads and checks every field, or returns every error found; also the [`Rest`] field.
fn fields<'a>(
    input: &DeriveInput,
    named: &'a FieldsNamed,
    container: &SerdeContainer,
    errors: &mut Errors,
) -> (Vec<Field<'a>>, Option<Rest<'a>>) {
    let mut out = Vec::new();
    let mut unlisted: Option<Rest<'a>> = None;
    for field in &named.named {
        let Some(ident) = &field.ident else { continue };
        let serde = attr::serde_field(&field.attrs, errors);
        let (parsed, marker) = attr::validate_rules(&field.attrs, errors);
        if let Some(marker) = marker {
            let span = marker.span;
            let problem = if unlisted.is_some() {
                Some("only one field keeps the unlisted members")
            } else if !serde.skip {
                Some("the field that keeps the unlisted members must be `#[serde(skip)]`: derive(Validate) reads and writes it")
            } else if container.remote_self.is_none() {
                Some("keeping unlisted members needs `#[serde(remote = \"Self\")]` on the struct")
            } else if container.deny_unknown_fields {
                Some("a struct with `deny_unknown_fields` has no unlisted members to keep")
            } else {
                None
            };
            match problem {
                Some(message) => errors.at(span, message),
                None => {
                    unlisted = Some(Rest {
                        ident,
                        ty: &field.ty,
                        except: marker.except,
                        typed: marker.typed,
                    })
                }
            }
        }
        let (wrappers, value_ty) = types::unwrap(&field.ty);
        let target = Target {
            kind: types::classify(value_ty),
            found: format!("`{}`", types::display(value_ty)),
        };
        let rules = check::check(&parsed, &target, errors);
        if let Some(span) = serde.flatten {
            errors.at(
                span,
                format!(
                    "derive(Validate) cannot check `#[serde(flatten)]` fields (`{}` in `{}`)",
                    ident, input.ident
                ),
            );
        }
        if serde.skip {
            if !parsed.is_empty() {
                errors.at(
                    field.span(),
                    "rules on a field serde skips would never be checked",
                );
            }
            continue;
        }
        let name = ident.to_string();
        let name = name.trim_start_matches("r#");
        let wire = match (&serde.rename, container.rename_all) {
            (Some(rename), _) => rename.clone(),
            (None, Some(rule)) => rule.apply(name),
            (None, None) => name.to_owned(),
        };
        // serde treats a missing `Option` member as `None` unless a `with` function reads it.
        let reads_missing_option =
            types::is_option(&field.ty) && serde.with.is_none() && serde.deserialize_with.is_none();
        let required = !(container.default || serde.default || reads_missing_option);
        out.push(Field {
            ident,
            ty: &field.ty,
            wire,
            required,
            serde,
            wrappers,
            rules,
        });
    }
    (out, unlisted)
}

/// The expansion for a struct with named fields.
pub(crate) fn expand(input: &DeriveInput, named: &FieldsNamed) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    reject_validate(
        &input.attrs,
        "a struct with named fields takes its rules on its fields",
        &mut errors,
    );
    let container = attr::serde_container(&input.attrs, &mut errors);
    if let (Some(span), false) = (container.remote_self, input.generics.params.is_empty()) {
        errors.at(
            span,
            "derive(Validate) implements serde's traits over `remote = \"Self\"` for structs without generics only",
        );
    }
    let (fields, unlisted) = fields(input, named, &container, &mut errors);
    errors.finish()?;

    let mut regexes = Regexes::default();
    let validate = fields.iter().map(|field| {
        let ident = field.ident;
        let wire = &field.wire;
        let rules = rules::apply(
            &field.rules,
            &field.wrappers,
            quote!(&self.#ident),
            &mut regexes,
        );
        quote! {
            {
                let __at = &__at.key(#wire);
                #rules
                ::payments_runtime::Validate::validate_at(&self.#ident, __at, __out);
            }
        }
    });
    let validate: Vec<TokenStream> = validate.collect();
    let check_json: Vec<TokenStream> = fields
        .iter()
        .map(|field| check_field(field, &mut regexes))
        .collect();
    let unknown = container
        .deny_unknown_fields
        .then(|| unknown_members(&fields));
    // The members the schema lists, and those read past (`except`): no additional members.
    let listed: Vec<&str> = fields
        .iter()
        .map(|f| f.wire.as_str())
        .chain(
            unlisted
                .iter()
                .flat_map(|rest| rest.except.iter().map(String::as_str)),
        )
        .collect();
    // Members an `additionalProperties` schema types: checked and validated as its type.
    let (check_rest, validate_rest) = match &unlisted {
        Some(rest) if rest.typed => {
            let (ident, ty) = (rest.ident, rest.ty);
            (
                Some(quote!(<#ty>::check_members(__object, &[#(#listed),*], __at, __out);)),
                Some(quote!(::payments_runtime::Validate::validate_at(&self.#ident, __at, __out);)),
            )
        }
        _ => (None, None),
    };
    let statics = regexes.statics();
    // What the schema evaluates of a value, for `unevaluatedProperties` around a `$ref` to it:
    // the listed members, or every member an `additionalProperties` schema types.
    let evaluated = match &unlisted {
        Some(rest) if rest.typed => quote!(__into.all_members();),
        _ => quote!(__into.members(&[#(#listed),*]);),
    };

    let name = &input.ident;
    let any_rules = fields.iter().any(|field| !field.rules.is_empty());
    let validate_generics = bounded(&input.generics, quote!(::payments_runtime::Validate));
    let check_bound = if any_rules {
        quote!(
            ::payments_runtime::CheckJson
                + ::payments_runtime::__private::serde::de::DeserializeOwned
        )
    } else {
        quote!(::payments_runtime::CheckJson)
    };
    let check_generics = bounded(&input.generics, check_bound);
    let (v_impl, v_ty, v_where) = validate_generics.split_for_impl();
    let (c_impl, c_ty, c_where) = check_generics.split_for_impl();
    let serde_impls = container
        .remote_self
        .map(|_| object_only_serde(name, unlisted.as_ref()));
    Ok(quote! {
        const _: () = {
            #statics
            #serde_impls

            #[automatically_derived]
            impl #v_impl ::payments_runtime::Validate for #name #v_ty #v_where {
                fn validate_at(
                    &self,
                    __at: &::payments_runtime::Location<'_>,
                    __out: &mut ::payments_runtime::Violations,
                ) {
                    #(#validate)*
                    #validate_rest
                }
            }

            #[automatically_derived]
            impl #c_impl ::payments_runtime::CheckJson for #name #c_ty #c_where {
                fn check_json(
                    __value: &::payments_runtime::Json<'_>,
                    __at: &::payments_runtime::Location<'_>,
                    __out: &mut ::payments_runtime::Violations,
                ) {
                    let ::core::option::Option::Some(__object) = __value.as_object() else {
                        // Reports `type` ("expected an object, found …") as every object does.
                        <::std::collections::BTreeMap<
                            ::std::string::String,
                            ::payments_runtime::JsonValue,
                        > as ::payments_runtime::CheckJson>::check_json(__value, __at, __out);
                        return;
                    };
                    #(#check_json)*
                    #check_rest
                    #unknown
                }

                fn evaluated(
                    _: &::payments_runtime::Json<'_>,
                    __into: &mut ::payments_runtime::schema::Evaluated,
                ) {
                    #evaluated
                }
            }
        };
    })
}

/// `Serialize` and `Deserialize` over the inherent functions serde derives for
/// `#[serde(remote = "Self")]`; `Deserialize` reads the struct from a map only, as JSON Schema's
/// `type: object` does (serde's derived code alone also reads it from a sequence). With a field
/// that keeps the unlisted members, they are read into it and written after the listed ones.
fn object_only_serde(name: &Ident, unlisted: Option<&Rest<'_>>) -> TokenStream {
    let (read, write) = match unlisted {
        Some(rest) => {
            let (field, ty) = (rest.ident, rest.ty);
            let except = &rest.except;
            let except = (!except.is_empty()).then(|| quote!(.except(&[#(#except),*])));
            (
                quote! {
                    let mut __unlisted: #ty = ::core::default::Default::default();
                    let mut __value = #name::deserialize(
                        ::payments_runtime::unlisted::Capture::new(__deserializer, &mut __unlisted)#except,
                    )?;
                    __value.#field = __unlisted;
                    ::core::result::Result::Ok(__value)
                },
                quote! {
                    if self.#field.is_empty() {
                        #name::serialize(self, __serializer)
                    } else {
                        #name::serialize(
                            self,
                            ::payments_runtime::unlisted::Append::new(__serializer, &self.#field),
                        )
                    }
                },
            )
        }
        None => (
            quote!(#name::deserialize(::payments_runtime::ObjectOnly(__deserializer))),
            quote!(#name::serialize(self, __serializer)),
        ),
    };
    quote! {
        #[automatically_derived]
        impl<'de> ::payments_runtime::__private::serde::Deserialize<'de> for #name {
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: ::payments_runtime::__private::serde::Deserializer<'de>,
            {
                #read
            }
        }

        #[automatically_derived]
        impl ::payments_runtime::__private::serde::Serialize for #name {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: ::payments_runtime::__private::serde::Serializer,
            {
                #write
            }
        }
    }
}

/// Checks one member of the JSON object `__object`.
fn check_field(field: &Field<'_>, regexes: &mut Regexes) -> TokenStream {
    let wire = &field.wire;
    let ty = field.ty;
    let lookup = field.serde.aliases.iter().fold(
        quote!(__object.get(#wire)),
        |lookup, alias| quote!(#lookup.or_else(|| __object.get(#alias))),
    );
    let missing = if field.required {
        quote!(__out.push(__at, ::payments_runtime::Code::Required, "is required");)
    } else {
        TokenStream::new()
    };
    let module: Option<Path> = field.serde.check_module();
    let check_value = match &module {
        Some(module) if generic_check_json(module) => {
            quote!(#module::check_json::<#ty>(__member, __at, __out);)
        }
        Some(module) => quote!(#module::check_json(__member, __at, __out);),
        None => quote!(<#ty as ::payments_runtime::CheckJson>::check_json(__member, __at, __out);),
    };
    let deserialize = match (&field.serde.with, &field.serde.deserialize_with) {
        (Some(with), _) => quote!(#with::deserialize(__member)),
        (None, Some(function)) => quote!(#function(__member)),
        (None, None) => {
            quote!(<#ty as ::payments_runtime::__private::serde::Deserialize>::deserialize(__member))
        }
    };
    let check_member = rules::check_then_rules(
        check_value,
        quote!(#ty),
        deserialize,
        format_ident!("__field"),
        rules::apply(&field.rules, &field.wrappers, quote!(&__field), regexes),
    );
    quote! {
        {
            let __at = &__at.key(#wire);
            match #lookup {
                ::core::option::Option::None => { #missing }
                ::core::option::Option::Some(__member) => {
                    #check_member
                }
            }
        }
    }
}

/// Reports every member of `__object` that is not a field (`deny_unknown_fields`).
fn unknown_members(fields: &[Field<'_>]) -> TokenStream {
    let known: Vec<&str> = fields
        .iter()
        .flat_map(|field| {
            std::iter::once(field.wire.as_str())
                .chain(field.serde.aliases.iter().map(String::as_str))
        })
        .collect();
    let is_known = if known.is_empty() {
        quote!(false)
    } else {
        quote!(::core::matches!(__key, #(#known)|*))
    };
    quote! {
        for __key in __object.keys() {
            if !#is_known {
                __out.push(
                    &__at.key(__key),
                    ::payments_runtime::Code::AdditionalProperties,
                    "is not allowed",
                );
            }
        }
    }
}
