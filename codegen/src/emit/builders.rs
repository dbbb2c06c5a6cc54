//! Constructors of request types: `new(<required members, in spec order>)` and a chainable
//! `with_<member>` per optional member, so that a request is built without spelling out every
//! `None`. Struct literals keep working; neither checks the values' rules (`validate()` and
//! `parse` do, and a constrained member's own type checks what it holds when it is built).

use super::docs::{code_span, doc_literal};
use super::types::{ident, member_type, type_tokens};
use crate::ir::{Field, Struct, TypeDef, TypeRef, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

/// Above this many parameters clippy asks for a builder; `new` takes the required members only,
/// so a long list is what the spec requires.
const CLIPPY_ARGUMENTS: usize = 7;

/// `new` and the `with_…` methods of a struct that a request body holds; nothing otherwise.
pub fn constructors(space: &TypeSpace, def: &TypeDef, s: &Struct) -> Vec<TokenStream> {
    if !space.is_request_type(&def.name) {
        return Vec::new();
    }
    let required: Vec<&Field> = s.fields.iter().filter(|f| f.required).collect();
    let new = (!required.is_empty()).then(|| {
        let params = required.iter().map(|f| {
            let name = ident(&f.rust_name);
            let ty = param_type(f);
            quote!(#name: #ty)
        });
        let members = s.fields.iter().map(|f| {
            let name = ident(&f.rust_name);
            match (f.required, f.boxed) {
                (false, _) => quote!(#name: None),
                (true, true) => {
                    let value = boxed(f, quote!(#name));
                    quote!(#name: #value)
                }
                (true, false) => quote!(#name),
            }
        });
        let unlisted = space.keeps_unlisted(def).then(|| {
            let field = ident(&s.unlisted_field());
            quote!(#field: ::payments_runtime::Unlisted::new())
        });
        let additional = s.additional.is_some().then(|| {
            let field = ident(&s.additional_field());
            quote!(#field: ::payments_runtime::Additional::new())
        });
        let members = members.chain(unlisted).chain(additional);
        let allow = (required.len() > CLIPPY_ARGUMENTS)
            .then(|| quote!(#[allow(clippy::too_many_arguments)]));
        let docs = format!(
            " A `{}` of its required members, in the spec's order ({}); every optional member \
             is absent until a `with_` method sets it. The values' rules are checked by \
             `validate()` (and by `parse`), not here.",
            def.name,
            required
                .iter()
                .map(|f| code_span(&f.wire_name))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let docs = doc_literal(&docs);
        quote! {
            #[doc = #docs]
            #allow
            pub fn new(#(#params),*) -> Self {
                Self { #(#members),* }
            }
        }
    });
    let setters = s.fields.iter().filter(|f| !f.required).map(|f| {
        let field = ident(&f.rust_name);
        let method = ident(&format!("with_{}", f.rust_name.trim_start_matches("r#")));
        let ty = param_type(f);
        let value = if f.boxed {
            boxed(f, quote!(value))
        } else {
            quote!(value)
        };
        let docs = doc_literal(&format!(" Sets {}.", code_span(&f.wire_name)));
        quote! {
            #[doc = #docs]
            #[must_use]
            pub fn #method(mut self, value: #ty) -> Self {
                self.#field = Some(#value);
                self
            }
        }
    });
    new.into_iter().chain(setters).collect()
}

/// The type a constructor takes for a member: the member's own type, except that a boxed one
/// is taken unboxed (a boxed nullable one as declared, `Nullable<Box<T>>`).
fn param_type(field: &Field) -> TokenStream {
    match &field.ty {
        TypeRef::Nullable(_) => member_type(field),
        ty => type_tokens(ty),
    }
}

/// The member's value from a parameter of [`param_type`]: boxed where the field is.
fn boxed(field: &Field, value: TokenStream) -> TokenStream {
    match &field.ty {
        TypeRef::Nullable(_) => value,
        _ => quote!(Box::new(#value)),
    }
}
