//! Unions and any-JSON positions of the walk (see [`super::walk`]): a union's alternative is
//! chosen as the emitted `CheckJson` chooses it (by discriminator, by a present member, or by
//! trying each in order), with the same codes and messages.

use super::literal::{Node, Value};
use super::walk::Walker;
use crate::emit::types::ident;
use crate::ir::{OneOf, Tagging, TypeDef};
use payments_runtime::{Code, Location, Violations};
use proc_macro2::{Span, TokenStream};
use quote::quote;

impl Walker<'_> {
    pub(super) fn union(
        &mut self,
        def: &TypeDef,
        o: &OneOf,
        node: &Node,
        at: &Location<'_>,
        out: &mut Violations,
        depth: usize,
    ) -> TokenStream {
        let module = self.module.clone();
        let name = ident(&def.name);
        let chosen = match &o.tagging {
            Tagging::Tagged { property } => {
                let tag = node.member(property).and_then(|m| match &m.value.value {
                    Value::String(text) => Some(text.as_str()),
                    _ => None,
                });
                match tag {
                    Some(tag) => match o
                        .variants
                        .iter()
                        .find(|v| v.tag_value.as_deref() == Some(tag))
                    {
                        Some(variant) => Some(variant),
                        None => {
                            let listed: Vec<String> = o
                                .variants
                                .iter()
                                .map(|v| format!("\"{}\"", v.tag_value.clone().unwrap_or_default()))
                                .collect();
                            let message = format!("must be one of {}", listed.join(", "));
                            out.push(&at.key(property), Code::Enum, message);
                            None
                        }
                    },
                    None if matches!(node.value, Value::Object(_)) => {
                        let message = format!("missing discriminator `{property}`");
                        out.push(&at.key(property), Code::Required, message);
                        None
                    }
                    None => {
                        out.push(at, Code::Type, "expected an object");
                        None
                    }
                }
            }
            Tagging::Present { keys } => {
                let found = keys.iter().position(|key| node.member(key).is_some());
                match found.and_then(|i| o.variants.get(i)) {
                    Some(variant) => Some(variant),
                    None => {
                        let message = format!("expected one of the members {}", keys.join(", "));
                        out.push(at, Code::OneOf, message);
                        None
                    }
                }
            }
            Tagging::Untagged => return self.untagged(def, o, node, at, out, depth),
        };
        match chosen {
            Some(variant) => {
                let value = self.value(&variant.ty, node, at, out, depth + 1);
                let variant = ident(&variant.rust_name);
                quote!(#module::#name::#variant(#value))
            }
            None => TokenStream::new(),
        }
    }

    /// An untagged union: the first alternative that accepts the value; with an exclusive
    /// `oneOf`, exactly one must. None accepting it reports the closest one's violations.
    fn untagged(
        &mut self,
        def: &TypeDef,
        o: &OneOf,
        node: &Node,
        at: &Location<'_>,
        out: &mut Violations,
        depth: usize,
    ) -> TokenStream {
        let mut first: Option<TokenStream> = None;
        let mut matched = 0usize;
        // The alternative that came closest: its violations and refusals.
        let mut closest: Option<(Violations, Vec<(Span, String)>)> = None;
        for variant in &o.variants {
            let mut found = Violations::new();
            let refused = self.refusals.len();
            let value = self.value(&variant.ty, node, at, &mut found, depth + 1);
            let refusals = self.refusals.split_off(refused);
            if found.is_empty() && refusals.is_empty() {
                matched += 1;
                if first.is_none() {
                    let module = &self.module;
                    let name = ident(&def.name);
                    let variant = ident(&variant.rust_name);
                    first = Some(quote!(#module::#name::#variant(#value)));
                }
                if !o.exclusive {
                    break;
                }
            } else if closest
                .as_ref()
                .is_none_or(|(v, r)| found.len() + refusals.len() < v.len() + r.len())
            {
                closest = Some((found, refusals));
            }
        }
        match first {
            Some(value) if matched == 1 || !o.exclusive => value,
            Some(_) => {
                let names: Vec<&str> = o.variants.iter().map(|v| v.rust_name.as_str()).collect();
                let message = format!(
                    "matches more than one of {}; exactly one must match",
                    names.join(", ")
                );
                out.push(at, Code::OneOf, message);
                TokenStream::new()
            }
            None => {
                if let Some((violations, refusals)) = closest {
                    out.extend(violations);
                    self.refusals.extend(refusals);
                }
                TokenStream::new()
            }
        }
    }

    /// Any JSON, as a `JsonValue` built in place.
    pub(super) fn json(&mut self, node: &Node) -> TokenStream {
        let rt = self.runtime.clone();
        match &node.value {
            Value::Null => quote!(#rt::Json::Null),
            Value::Bool(b) => quote!(#rt::Json::Bool(#b)),
            Value::Number(text) => quote!(#rt::Json::Number(::std::borrow::Cow::Borrowed(#text))),
            Value::String(text) => quote!(#rt::Json::String(::std::borrow::Cow::Borrowed(#text))),
            Value::Array(items) => {
                let items: Vec<TokenStream> = items.iter().map(|i| self.json(i)).collect();
                quote!(#rt::Json::Array(::std::vec![#(#items),*]))
            }
            Value::Object(members) => {
                let pairs: Vec<TokenStream> = members
                    .iter()
                    .map(|m| {
                        let key = &m.key;
                        let value = self.json(&m.value);
                        quote!((::std::borrow::Cow::Borrowed(#key), #value))
                    })
                    .collect();
                quote! {
                    #rt::Json::Object(
                        <#rt::json::Object<'static> as ::core::iter::FromIterator<_>>::from_iter([#(#pairs),*]),
                    )
                }
            }
            Value::Expr(expr) => quote!((#expr)),
        }
    }
}
