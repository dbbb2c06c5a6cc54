//! One named type → its Rust item(s).

use super::docs::{code_span, doc_attrs};
use super::rules::validate_attr;
use super::types::{decimal_adapter, decimal_wire, field_adapter, ident, member_type, type_tokens};
use super::{builders, checked, literal_macros, one_of, EmitOptions};
use crate::ir::{Field, Newtype, StringEnum, Struct, TypeDef, TypeKind, TypeRef, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

/// The item(s) for one type.
pub fn item(space: &TypeSpace, def: &TypeDef, options: &EmitOptions) -> TokenStream {
    let mut item = type_item(space, def, options);
    item.extend(super::payload::type_macro(def, options));
    item
}

fn type_item(space: &TypeSpace, def: &TypeDef, options: &EmitOptions) -> TokenStream {
    let name = ident(&def.name);
    match &def.kind {
        TypeKind::Struct(s) => struct_item(space, def, s),
        TypeKind::Enum(e) => enum_item(def, e),
        TypeKind::Newtype(n) => newtype_item(def, n, options),
        TypeKind::OneOf(o) => one_of::one_of_item(space, def, o),
        TypeKind::Checked(schema) => checked::checked_item(def, schema),
        TypeKind::Alias(ty) => {
            let docs = doc_attrs(&def.docs, &[]);
            let ty = type_tokens(ty);
            quote!(#docs pub type #name = #ty;)
        }
    }
}

fn struct_item(space: &TypeSpace, def: &TypeDef, s: &Struct) -> TokenStream {
    let name = ident(&def.name);
    let docs = doc_attrs(&def.docs, &[]);
    let deny = s
        .deny_unknown
        .then(|| quote!(#[serde(deny_unknown_fields)]));
    let mut fields: Vec<TokenStream> = s
        .fields
        .iter()
        .map(|field| field_tokens(space, field))
        .collect();
    // A response's `writeOnly` members are read past, neither kept nor typed.
    let marker = |name: TokenStream| {
        if s.left_out.is_empty() {
            name
        } else {
            let names = &s.left_out;
            quote!(#name(except = [#(#names),*]))
        }
    };
    if let Some(values) = &s.additional {
        let field = ident(&s.additional_field());
        let values = type_tokens(values);
        let marker = marker(quote!(additional));
        fields.push(quote! {
            /// The members `properties` does not name, each of the type `additionalProperties`
            /// gives them, in the order read; written back after the listed members.
            #[serde(skip)]
            #[validate(#marker)]
            pub #field: ::payments_runtime::Additional<#values>
        });
    }
    if space.keeps_unlisted(def) {
        let field = ident(&s.unlisted_field());
        let marker = marker(quote!(unlisted));
        fields.push(quote! {
            /// Members the provider sent that the spec does not list (it allows them: no
            /// `additionalProperties: false`), kept as read, exactly, and written back after
            /// the listed members.
            #[serde(skip)]
            #[validate(#marker)]
            pub #field: ::payments_runtime::Unlisted
        });
    }
    // One `impl`: a request type's constructors, then the documented defaults' accessors.
    let mut methods = builders::constructors(space, def, s);
    methods.extend(default_accessors(space, s));
    let methods = (!methods.is_empty()).then(|| quote!(impl #name { #(#methods)* }));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
        #[serde(remote = "Self")]
        #deny
        pub struct #name { #(#fields,)* }
        #methods
    }
}

fn field_tokens(space: &TypeSpace, field: &Field) -> TokenStream {
    let extra: Vec<String> = field
        .default
        .as_ref()
        .map(|d| {
            vec![format!(
                "Defaults to {} when absent.",
                code_span(&d.to_string())
            )]
        })
        .unwrap_or_default();
    let docs = doc_attrs(&field.docs, &extra);
    let name = ident(&field.rust_name);
    let mut serde = Vec::new();
    if field.rust_name.trim_start_matches("r#") != field.wire_name {
        let wire = &field.wire_name;
        serde.push(quote!(rename = #wire));
    }
    if !field.required {
        serde.push(quote!(default, skip_serializing_if = "Option::is_none"));
    }
    if let Some((key, adapter)) = field_adapter(space, &field.ty, field.required) {
        let key = proc_macro2::Ident::new(key, proc_macro2::Span::call_site());
        serde.push(quote!(#key = #adapter));
    }
    let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
    let rules = validate_attr(&field.constraints);
    let mut ty = member_type(field);
    if !field.required {
        ty = quote!(Option<#ty>);
    }
    quote!(#docs #serde #rules pub #name: #ty)
}

/// `fn x_or_default(&self)` for optional members with a documented scalar default.
fn default_accessors(space: &TypeSpace, s: &Struct) -> Vec<TokenStream> {
    s.fields
        .iter()
        .filter(|f| !f.required)
        .filter_map(|f| {
            let value = f.default.as_ref()?;
            let (ty, expr, cost) = default_expr(space, &f.ty, value)?;
            let name = ident(&f.rust_name);
            let method = ident(&format!(
                "{}_or_default",
                f.rust_name.trim_start_matches("r#")
            ));
            let doc = format!(
                " {}, or its documented default {} when absent.",
                code_span(&f.wire_name),
                code_span(&value.to_string())
            );
            let body = match cost {
                Cost::Copy => quote!(self.#name.unwrap_or(#expr)),
                Cost::Constant => quote!(self.#name.clone().unwrap_or(#expr)),
                Cost::Allocates => quote!(self.#name.clone().unwrap_or_else(|| #expr)),
            };
            Some(quote! {
                #[doc = #doc]
                pub fn #method(&self) -> #ty {
                    #body
                }
            })
        })
        .collect()
}

/// What reading a documented default costs, which decides how its accessor is written.
enum Cost {
    /// The type is `Copy`: `x.unwrap_or(DEFAULT)`.
    Copy,
    /// Building the default allocates nothing (an open enum's variant):
    /// `x.clone().unwrap_or(DEFAULT)`.
    Constant,
    /// Building the default allocates: `x.clone().unwrap_or_else(|| DEFAULT)`.
    Allocates,
}

/// The type, the expression of a documented default, and what building it costs.
fn default_expr(
    space: &TypeSpace,
    ty: &TypeRef,
    value: &serde_json::Value,
) -> Option<(TokenStream, TokenStream, Cost)> {
    use serde_json::Value;
    Some(match (ty, value) {
        (TypeRef::Bool, Value::Bool(b)) => (quote!(bool), quote!(#b), Cost::Copy),
        (TypeRef::String, Value::String(s)) => {
            (quote!(String), quote!(String::from(#s)), Cost::Allocates)
        }
        (TypeRef::Integer(_), Value::Number(n)) => {
            let lit: TokenStream = n.to_string().parse().ok()?;
            (type_tokens(ty), quote!(#lit), Cost::Copy)
        }
        (TypeRef::Named(name), Value::String(s)) => {
            let target = space.get(name)?;
            let name_ident = ident(name);
            match &target.kind {
                TypeKind::Enum(e) => {
                    let variant = e.variants.iter().find(|v| &v.wire == s)?;
                    let variant = ident(&variant.rust_name);
                    let cost = if e.open { Cost::Constant } else { Cost::Copy };
                    (quote!(#name_ident), quote!(#name_ident::#variant), cost)
                }
                TypeKind::Newtype(n)
                    if n.inner == TypeRef::String && satisfies(&n.constraints, s) =>
                {
                    (
                        quote!(#name_ident),
                        quote!(#name_ident::__from_checked_literal(#s)),
                        Cost::Allocates,
                    )
                }
                _ => return None,
            }
        }
        _ => return None,
    })
}

/// Whether a default string obeys its type's rules (a default that does not gets no accessor).
fn satisfies(rules: &crate::ir::Constraints, value: &str) -> bool {
    let length = value.chars().count() as u64;
    let pattern_ok = rules.pattern.as_deref().is_none_or(|p| {
        payments_runtime::pattern::compile(p)
            .ok()
            .and_then(|re| re.is_match(value))
            .unwrap_or(false)
    });
    pattern_ok
        && rules.min_length.is_none_or(|n| length >= n)
        && rules.max_length.is_none_or(|n| length <= n)
}

fn enum_item(def: &TypeDef, e: &StringEnum) -> TokenStream {
    let name = ident(&def.name);
    let docs = doc_attrs(&def.docs, &[]);
    let variants = e.variants.iter().map(|v| {
        let variant = ident(&v.rust_name);
        let wire = &v.wire;
        let doc = if wire.is_empty() {
            " The empty string.".to_owned()
        } else {
            format!(" {}", code_span(wire))
        };
        quote!(#[doc = #doc] #[wire(#wire)] #variant)
    });
    let constant = e.constant.then(|| quote!(#[wire(const)]));
    if e.open {
        quote! {
            #docs
            #[derive(Debug, Clone, PartialEq, Eq, Hash, WireEnum)]
            #constant
            pub enum #name {
                #(#variants,)*
                /// A value this version of the spec does not document, kept exactly as received.
                #[wire(other)]
                Unknown(String),
            }
        }
    } else {
        quote! {
            #docs
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, WireEnum)]
            #constant
            pub enum #name { #(#variants,)* }
        }
    }
}

fn newtype_item(def: &TypeDef, n: &Newtype, options: &EmitOptions) -> TokenStream {
    let name = ident(&def.name);
    let docs = doc_attrs(&def.docs, &[]);
    let rules = validate_attr(&n.constraints);
    let inner = type_tokens(&n.inner);
    let adapter = match decimal_wire(&n.inner) {
        Some(wire) => {
            let path = decimal_adapter(wire);
            quote!(#[serde(with = #path)])
        }
        None => TokenStream::new(),
    };
    let eq = match &n.inner {
        TypeRef::String | TypeRef::Integer(_) | TypeRef::Decimal(_) | TypeRef::BigInt => {
            quote!(Eq, Hash,)
        }
        _ => TokenStream::new(),
    };
    let literal_macro = literal_macros::literal_macro(def, n, options);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #eq Validate)]
        #rules
        pub struct #name(#adapter #inner);
        #literal_macro
    }
}
