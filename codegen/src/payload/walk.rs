//! The check and the expansion of a payload literal, in one walk over the IR of its type.
//!
//! Each position is checked as the generated `CheckJson` checks it (the same runtime checks
//! for scalars, the same codes, messages and JSON Pointers for members, enums and unions),
//! then the position's rules; and each becomes the Rust expression of its value. A literal is
//! stricter than `parse` in three ways, all refusals of what a hand-written value could not
//! hold either: no member the schema does not list (it would be dropped or kept as unlisted
//! JSON), no enum value and no union tag the spec does not document, even in response types.

use super::literal::{Node, Value};
use super::rules::apply_rules;
use crate::derive::literal::{decimal_tokens_at, parse_decimal};
use crate::emit::types::{holds_any_json, ident};
use crate::ir::{
    Constraints, DecimalWire, Field, IntWidth, StringEnum, Struct, TypeDef, TypeKind, TypeRef,
    TypeSpace,
};
use payments_runtime::json::Json;
use payments_runtime::{
    Base64, BigInt, CheckJson, Code, DateTime, JsonValue, Location, Violations,
};
use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

/// Deeper than this, a type's aliases are taken to loop (conversion never makes one).
const MAX_DEPTH: usize = 256;

/// The walk's state: what it found wrong and where each pointer was written.
pub struct Walker<'a> {
    space: &'a TypeSpace,
    /// The path of the module holding the types (`$crate::papaya`).
    pub(super) module: TokenStream,
    /// The path of the runtime (`$crate::__private::runtime`).
    pub(super) runtime: TokenStream,
    /// What cannot be expanded, whatever the value: each a compile error at its span.
    pub refusals: Vec<(Span, String)>,
    /// The span of the value at each JSON Pointer.
    pub value_spans: HashMap<String, Span>,
    /// The span of the member name at each JSON Pointer.
    pub key_spans: HashMap<String, Span>,
}

impl<'a> Walker<'a> {
    pub fn new(space: &'a TypeSpace, module: TokenStream, runtime: TokenStream) -> Self {
        Walker {
            space,
            module,
            runtime,
            refusals: Vec::new(),
            value_spans: HashMap::new(),
            key_spans: HashMap::new(),
        }
    }

    /// Checks `node` as a `ty` at `at` and returns the expression of its value (meaningful
    /// only when `out` gained nothing).
    pub fn value(
        &mut self,
        ty: &TypeRef,
        node: &Node,
        at: &Location<'_>,
        out: &mut Violations,
        depth: usize,
    ) -> TokenStream {
        self.value_spans.insert(at.pointer(), node.span);
        if let Value::Expr(expr) = &node.value {
            // A Rust value of the position's type: the type system checks it.
            return quote!((#expr));
        }
        if depth > MAX_DEPTH {
            self.refuse(node.span, "the type nests too deeply to be checked");
            return TokenStream::new();
        }
        let rt = self.runtime.clone();
        let json = node.shallow_json();
        match ty {
            TypeRef::String => {
                String::check_json(&json, at, out);
                let text = string(node);
                quote!(::std::string::String::from(#text))
            }
            TypeRef::Bool => {
                bool::check_json(&json, at, out);
                match node.value {
                    Value::Bool(b) => quote!(#b),
                    _ => TokenStream::new(),
                }
            }
            TypeRef::Integer(width) => self.integer(*width, node, &json, at, out),
            TypeRef::BigInt => {
                BigInt::check_json(&json, at, out);
                let Some(value) = number(node).and_then(|t| BigInt::from_str(t).ok()) else {
                    return TokenStream::new();
                };
                let negative = number(node).is_some_and(|t| t.starts_with('-'));
                let bytes = value.get().magnitude().to_bytes_be();
                quote!(#rt::BigInt::__from_checked_literal(#negative, &[#(#bytes),*]))
            }
            TypeRef::Decimal(wire) => {
                let text = match wire {
                    DecimalWire::Number => {
                        Decimal::check_json(&json, at, out);
                        number(node)
                    }
                    DecimalWire::String => {
                        payments_runtime::wire::decimal_string::check_json::<Decimal>(
                            &json, at, out,
                        );
                        match &node.value {
                            Value::String(text) => Some(text.as_str()),
                            _ => None,
                        }
                    }
                };
                match text.and_then(parse_decimal) {
                    Some(value) => decimal_tokens_at(&rt, value),
                    None => TokenStream::new(),
                }
            }
            TypeRef::DateTime => {
                DateTime::check_json(&json, at, out);
                let text = string(node);
                quote!(#rt::DateTime::__from_checked_literal(#text))
            }
            TypeRef::Base64 => {
                Base64::check_json(&json, at, out);
                let text = string(node);
                quote!(#rt::Base64::__from_checked_literal(#text))
            }
            TypeRef::Binary => {
                self.refuse(
                    node.span,
                    "a file part (`format: binary`) is not written in a JSON literal: \
                     pass a `Binary` value as an expression",
                );
                TokenStream::new()
            }
            TypeRef::Json => self.json(node),
            TypeRef::Array(inner) => {
                let Value::Array(items) = &node.value else {
                    Vec::<JsonValue>::check_json(&json, at, out);
                    return TokenStream::new();
                };
                let items: Vec<TokenStream> = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.value(inner, item, &at.index(i), out, depth + 1))
                    .collect();
                quote!(::std::vec![#(#items),*])
            }
            TypeRef::Map(inner) => {
                let Value::Object(members) = &node.value else {
                    BTreeMap::<String, JsonValue>::check_json(&json, at, out);
                    return TokenStream::new();
                };
                let pairs: Vec<TokenStream> = members
                    .iter()
                    .map(|m| {
                        let at = at.key(&m.key);
                        self.key_spans.insert(at.pointer(), m.key_span);
                        let value = self.value(inner, &m.value, &at, out, depth + 1);
                        let key = &m.key;
                        quote!((::std::string::String::from(#key), #value))
                    })
                    .collect();
                quote!(::std::collections::BTreeMap::from([#(#pairs),*]))
            }
            TypeRef::Nullable(inner) => match node.value {
                Value::Null => quote!(#rt::Nullable::Null),
                _ => {
                    let value = self.value(inner, node, at, out, depth + 1);
                    quote!(#rt::Nullable::Value(#value))
                }
            },
            TypeRef::Named(name) => match self.space.get(name) {
                Some(def) => self.named(def, node, at, out, depth),
                None => {
                    self.refuse(node.span, &format!("internal error: no type `{name}`"));
                    TokenStream::new()
                }
            },
        }
    }

    fn integer(
        &mut self,
        width: IntWidth,
        node: &Node,
        json: &Json<'_>,
        at: &Location<'_>,
        out: &mut Violations,
    ) -> TokenStream {
        let before = out.len();
        match width {
            IntWidth::I32 => i32::check_json(json, at, out),
            IntWidth::I64 => i64::check_json(json, at, out),
        }
        if out.len() > before {
            return TokenStream::new();
        }
        let Some(value) = number(node).and_then(|t| t.parse::<i64>().ok()) else {
            return TokenStream::new();
        };
        match width {
            IntWidth::I32 => match i32::try_from(value) {
                Ok(value) => {
                    let value = Literal::i32_suffixed(value);
                    quote!(#value)
                }
                Err(_) => TokenStream::new(),
            },
            IntWidth::I64 => {
                let value = Literal::i64_suffixed(value);
                quote!(#value)
            }
        }
    }

    fn named(
        &mut self,
        def: &TypeDef,
        node: &Node,
        at: &Location<'_>,
        out: &mut Violations,
        depth: usize,
    ) -> TokenStream {
        let module = self.module.clone();
        let name = ident(&def.name);
        match &def.kind {
            TypeKind::Struct(s) => self.structure(def, s, node, at, out, depth),
            TypeKind::Enum(e) => match self.variant(def, e, node, at, out) {
                Some(variant) => quote!(#module::#name::#variant),
                None => TokenStream::new(),
            },
            TypeKind::Newtype(n) => {
                let before = out.len();
                let inner = self.value(&n.inner, node, at, out, depth + 1);
                if out.len() > before {
                    return TokenStream::new();
                }
                self.rules(&n.constraints, &n.inner, node, at, out);
                // A string newtype takes the `&'static str` itself.
                let inner = match (&n.inner, &node.value) {
                    (TypeRef::String, Value::String(text)) => quote!(#text),
                    _ => inner,
                };
                quote!(#module::#name::__from_checked_literal(#inner))
            }
            TypeKind::OneOf(o) => self.union(def, o, node, at, out, depth),
            TypeKind::Alias(inner) => self.value(inner, node, at, out, depth + 1),
            TypeKind::Checked(_) => {
                self.refuse(
                    node.span,
                    &format!(
                        "`{}` is JSON checked keyword by keyword (its schema implies no one \
                         Rust type): read it with `parse`, or pass a value of it as an expression",
                        def.name
                    ),
                );
                TokenStream::new()
            }
        }
    }

    fn structure(
        &mut self,
        def: &TypeDef,
        s: &Struct,
        node: &Node,
        at: &Location<'_>,
        out: &mut Violations,
        depth: usize,
    ) -> TokenStream {
        let Value::Object(members) = &node.value else {
            BTreeMap::<String, JsonValue>::check_json(&node.shallow_json(), at, out);
            return TokenStream::new();
        };
        let mut inits = Vec::new();
        for field in &s.fields {
            let at = at.key(&field.wire_name);
            let name = ident(&field.rust_name);
            let value = match node.member(&field.wire_name) {
                None if field.required => {
                    out.push(&at, Code::Required, "is required");
                    continue;
                }
                None => quote!(::core::option::Option::None),
                Some(member) => {
                    self.key_spans.insert(at.pointer(), member.key_span);
                    self.member(field, &member.value, &at, out, depth)
                }
            };
            inits.push(quote!(#name: #value));
        }
        let mut additional = Vec::new();
        for member in members {
            if s.fields.iter().any(|f| f.wire_name == member.key) {
                continue;
            }
            let at = at.key(&member.key);
            self.key_spans.insert(at.pointer(), member.key_span);
            match &s.additional {
                Some(values) => {
                    let value = self.value(values, &member.value, &at, out, depth + 1);
                    let key = &member.key;
                    additional.push(quote!(__additional.insert(#key, #value);));
                }
                None if s.deny_unknown => {
                    out.push(&at, Code::AdditionalProperties, "is not allowed")
                }
                None => out.push(
                    &at,
                    Code::AdditionalProperties,
                    format!(
                        "is not a member of `{}`: a literal holds only the members the schema \
                         lists",
                        def.name
                    ),
                ),
            }
        }
        let rt = &self.runtime;
        if s.additional.is_some() {
            let field = ident(&s.additional_field());
            inits.push(quote! {
                #field: {
                    let mut __additional = #rt::Additional::new();
                    #(#additional)*
                    __additional
                }
            });
        }
        if self.space.keeps_unlisted(def) {
            let field = ident(&s.unlisted_field());
            inits.push(quote!(#field: ::core::default::Default::default()));
        }
        let module = &self.module;
        let name = ident(&def.name);
        quote!(#module::#name { #(#inits),* })
    }

    /// A present member: its value, the field's rules, then the `Option`, `Box` and
    /// `Nullable` the field's Rust type wraps it in.
    fn member(
        &mut self,
        field: &Field,
        node: &Node,
        at: &Location<'_>,
        out: &mut Violations,
        depth: usize,
    ) -> TokenStream {
        let rt = self.runtime.clone();
        if matches!(node.value, Value::Expr(_)) && !field.constraints.is_empty() {
            let message = format!(
                "member {:?} has rules checked while compiling ({}): write its value as a literal",
                field.wire_name,
                rule_names(&field.constraints)
            );
            self.refuse(node.span, &message);
            return TokenStream::new();
        }
        // An optional member reads `null` as absent, unless `null` is one of its values.
        let null_is_value =
            matches!(field.ty, TypeRef::Nullable(_)) || holds_any_json(self.space, &field.ty, 0);
        if matches!(node.value, Value::Null) && !field.required && !null_is_value {
            self.value_spans.insert(at.pointer(), node.span);
            return quote!(::core::option::Option::None);
        }
        let before = out.len();
        let value = match (&field.ty, field.boxed, &node.value) {
            (TypeRef::Nullable(_), true, Value::Null) => quote!(#rt::Nullable::Null),
            (TypeRef::Nullable(inner), true, _) => {
                let value = self.value(inner, node, at, out, depth + 1);
                quote!(#rt::Nullable::Value(::std::boxed::Box::new(#value)))
            }
            (ty, true, _) => {
                let value = self.value(ty, node, at, out, depth + 1);
                quote!(::std::boxed::Box::new(#value))
            }
            (ty, false, _) => self.value(ty, node, at, out, depth + 1),
        };
        if out.len() == before {
            self.rules(&field.constraints, &field.ty, node, at, out);
        }
        if field.required {
            value
        } else {
            quote!(::core::option::Option::Some(#value))
        }
    }

    /// The variant a documented wire value names; pushes `enum` (or `const`) otherwise.
    fn variant(
        &mut self,
        def: &TypeDef,
        e: &StringEnum,
        node: &Node,
        at: &Location<'_>,
        out: &mut Violations,
    ) -> Option<proc_macro2::Ident> {
        let Value::String(text) = &node.value else {
            String::check_json(&node.shallow_json(), at, out);
            return None;
        };
        if let Some(v) = e.variants.iter().find(|v| &v.wire == text) {
            return Some(ident(&v.rust_name));
        }
        let code = if e.constant { Code::Const } else { Code::Enum };
        let values: Vec<String> = e.variants.iter().map(|v| format!("{:?}", v.wire)).collect();
        let message = match values.as_slice() {
            [one] => format!("must be {one}"),
            many => format!("must be one of {}", many.join(", ")),
        };
        let message = if e.open {
            format!("{message} (`{}` reads other values from a provider; a literal holds the documented ones)", def.name)
        } else {
            message
        };
        out.push(at, code, message);
        None
    }

    fn rules(
        &mut self,
        rules: &Constraints,
        ty: &TypeRef,
        node: &Node,
        at: &Location<'_>,
        out: &mut Violations,
    ) {
        if let Err(message) = apply_rules(rules, ty, node, at, out) {
            self.refuse(node.span, &message);
        }
    }

    fn refuse(&mut self, span: Span, message: &str) {
        self.refusals.push((span, message.to_owned()));
    }
}

/// The names of the rules, for a message: `pattern, maxLength`.
fn rule_names(rules: &Constraints) -> String {
    let names = [
        (rules.pattern.is_some(), "pattern"),
        (rules.min_length.is_some(), "minLength"),
        (rules.max_length.is_some(), "maxLength"),
        (rules.minimum.is_some(), "minimum"),
        (rules.maximum.is_some(), "maximum"),
        (rules.multiple_of.is_some(), "multipleOf"),
        (rules.min_items.is_some(), "minItems"),
        (rules.max_items.is_some(), "maxItems"),
    ];
    let names: Vec<&str> = names
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, n)| *n)
        .collect();
    names.join(", ")
}

fn string(node: &Node) -> &str {
    match &node.value {
        Value::String(text) => text,
        _ => "",
    }
}

fn number(node: &Node) -> Option<&str> {
    match &node.value {
        Value::Number(text) => Some(text),
        _ => None,
    }
}
