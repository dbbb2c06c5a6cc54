//! A checked any-JSON type: a newtype over `payments_runtime::JsonValue` (exact numbers) whose `CheckJson` and
//! `Validate` apply the schema's keywords through `payments_runtime::schema::check`; the
//! schema is written as `static` nodes, one per schema object, inside a private `schema()`
//! that `check_json` and `check_json_evaluated` (for `unevaluated*` around a `$ref` to it)
//! share.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::doc_attrs;
use super::types::{ident, type_tokens};
use crate::ir::{CheckedNode, SchemaNode, TypeDef};

/// The statics of one checked type, in the order they are referred to.
#[derive(Default)]
struct Statics {
    items: Vec<TokenStream>,
    nodes: usize,
    patterns: usize,
    /// Whether a node states `type` (so `JsonType` is imported).
    types: bool,
}

pub(super) fn checked_item(def: &TypeDef, schema: &SchemaNode) -> TokenStream {
    let name = ident(&def.name);
    let docs = doc_attrs(
        &def.docs,
        &[
            "Any JSON value, checked against the schema's keywords by `validate()` and `parse`."
                .to_owned(),
        ],
    );
    let mut statics = Statics::default();
    let root = statics.schema(schema);
    let items = &statics.items;
    // In the order rustfmt sorts them.
    let imported: Vec<TokenStream> = [
        (statics.types, quote!(JsonType)),
        (statics.nodes > 0, quote!(Node)),
        (statics.patterns > 0, quote!(Pattern)),
        (true, quote!(Schema)),
    ]
    .into_iter()
    .filter_map(|(used, name)| used.then_some(name))
    .collect();
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(transparent)]
        pub struct #name(pub JsonValue);

        /// Reads any JSON value and checks it: a value the schema rejects is a serde error (so
        /// an untagged union tries its next alternative).
        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = Self(JsonValue::deserialize(deserializer)?);
                match ::payments_runtime::Validate::validate(&value) {
                    Ok(()) => Ok(value),
                    Err(violations) => Err(<D::Error as serde::de::Error>::custom(violations)),
                }
            }
        }

        impl #name {
            /// The schema, as `static` nodes.
            fn schema() -> &'static ::payments_runtime::schema::Schema {
                use ::payments_runtime::schema::{#(#imported),*};
                #(#items)*
                static SCHEMA: Schema = #root;
                &SCHEMA
            }
        }

        impl ::payments_runtime::CheckJson for #name {
            fn check_json(
                value: &::payments_runtime::Json<'_>,
                at: &::payments_runtime::Location<'_>,
                out: &mut ::payments_runtime::Violations,
            ) {
                ::payments_runtime::schema::check(Self::schema(), value, at, out);
            }

            fn check_json_evaluated(
                value: &::payments_runtime::Json<'_>,
                at: &::payments_runtime::Location<'_>,
                out: &mut ::payments_runtime::Violations,
                into: &mut ::payments_runtime::schema::Evaluated,
            ) {
                ::payments_runtime::schema::check_evaluated(Self::schema(), value, at, out, into);
            }
        }

        impl ::payments_runtime::Validate for #name {
            fn validate_at(
                &self,
                at: &::payments_runtime::Location<'_>,
                out: &mut ::payments_runtime::Violations,
            ) {
                <Self as ::payments_runtime::CheckJson>::check_json(&self.0, at, out);
            }
        }
    }
}

impl Statics {
    /// A `Schema` expression for `schema`, adding the statics it needs.
    fn schema(&mut self, schema: &SchemaNode) -> TokenStream {
        match schema {
            SchemaNode::Bool(b) => quote!(Schema::Bool(#b)),
            SchemaNode::Ref(ty) => {
                let ty = type_tokens(ty);
                quote!(Schema::Check(
                    <#ty as ::payments_runtime::CheckJson>::check_json,
                    <#ty as ::payments_runtime::CheckJson>::check_json_evaluated,
                ))
            }
            SchemaNode::Node(node) => {
                let body = self.node(node);
                let name = format_ident!("NODE_{}", self.nodes);
                self.nodes += 1;
                self.items.push(quote!(static #name: Node = #body;));
                quote!(Schema::Node(&#name))
            }
        }
    }

    fn node(&mut self, node: &CheckedNode) -> TokenStream {
        let mut fields = Vec::new();
        let text = |value: &Option<String>| value.as_ref().map(|v| quote!(Some(#v)));
        let count = |value: Option<u64>| {
            value.map(|v| {
                let v = v as usize;
                quote!(Some(#v))
            })
        };
        if !node.types.is_empty() {
            self.types = true;
            let types = node.types.iter().map(|t| {
                let variant = format_ident!("{}", json_type(t));
                quote!(JsonType::#variant)
            });
            fields.push(quote!(types: Some(&[#(#types),*])));
        }
        if node.nullable {
            fields.push(quote!(nullable: true));
        }
        if let Some(values) = &node.enumeration {
            fields.push(quote!(enumeration: Some(&[#(#values),*])));
        }
        for (field, value) in [
            ("constant", text(&node.constant)),
            ("minimum", text(&node.minimum)),
            ("maximum", text(&node.maximum)),
            ("exclusive_minimum", text(&node.exclusive_minimum)),
            ("exclusive_maximum", text(&node.exclusive_maximum)),
            ("multiple_of", text(&node.multiple_of)),
            ("format", text(&node.format)),
            ("min_length", count(node.min_length)),
            ("max_length", count(node.max_length)),
            ("min_items", count(node.min_items)),
            ("max_items", count(node.max_items)),
            ("min_properties", count(node.min_properties)),
            ("max_properties", count(node.max_properties)),
            ("min_contains", count(node.min_contains)),
            ("max_contains", count(node.max_contains)),
        ] {
            if let Some(value) = value {
                let field = format_ident!("{field}");
                fields.push(quote!(#field: #value));
            }
        }
        if let Some(pattern) = &node.pattern {
            let regex = self.pattern(pattern);
            fields.push(quote!(pattern: Some(Pattern { source: #pattern, regex: &#regex })));
        }
        if let Some(items) = &node.items {
            let items = self.schema(items);
            fields.push(quote!(items: Some(#items)));
        }
        for (field, schema) in [
            ("contains", &node.contains),
            ("property_names", &node.property_names),
            ("if_schema", &node.if_schema),
            ("then_schema", &node.then_schema),
            ("else_schema", &node.else_schema),
            ("unevaluated_items", &node.unevaluated_items),
            ("unevaluated_properties", &node.unevaluated_properties),
        ] {
            if let Some(schema) = schema {
                let schema = self.schema(schema);
                let field = format_ident!("{field}");
                fields.push(quote!(#field: Some(#schema)));
            }
        }
        if !node.pattern_properties.is_empty() {
            let patterns: Vec<TokenStream> = node
                .pattern_properties
                .iter()
                .map(|(pattern, schema)| {
                    let regex = self.pattern(pattern);
                    let schema = self.schema(schema);
                    quote!((Pattern { source: #pattern, regex: &#regex }, #schema))
                })
                .collect();
            fields.push(quote!(pattern_properties: &[#(#patterns),*]));
        }
        if !node.dependent_required.is_empty() {
            let dependencies = node
                .dependent_required
                .iter()
                .map(|(name, needed)| quote!((#name, &[#(#needed),*])));
            fields.push(quote!(dependent_required: &[#(#dependencies),*]));
        }
        if !node.dependent_schemas.is_empty() {
            let dependencies: Vec<TokenStream> = node
                .dependent_schemas
                .iter()
                .map(|(name, schema)| {
                    let schema = self.schema(schema);
                    quote!((#name, #schema))
                })
                .collect();
            fields.push(quote!(dependent_schemas: &[#(#dependencies),*]));
        }
        if node.unique_items {
            fields.push(quote!(unique_items: true));
        }
        if !node.properties.is_empty() {
            let properties: Vec<TokenStream> = node
                .properties
                .iter()
                .map(|(name, schema)| {
                    let schema = self.schema(schema);
                    quote!((#name, #schema))
                })
                .collect();
            fields.push(quote!(properties: &[#(#properties),*]));
        }
        if !node.required.is_empty() {
            let required = &node.required;
            fields.push(quote!(required: &[#(#required),*]));
        }
        if let Some(additional) = &node.additional_properties {
            let additional = self.schema(additional);
            fields.push(quote!(additional_properties: Some(#additional)));
        }
        for (field, parts) in [
            ("prefix_items", &node.prefix_items),
            ("all_of", &node.all_of),
            ("any_of", &node.any_of),
            ("one_of", &node.one_of),
        ] {
            if !parts.is_empty() {
                let parts: Vec<TokenStream> = parts.iter().map(|p| self.schema(p)).collect();
                let field = format_ident!("{field}");
                fields.push(quote!(#field: &[#(#parts),*]));
            }
        }
        if node.one_of_lenient {
            fields.push(quote!(one_of_lenient: true));
        }
        if let Some(not) = &node.not {
            let not = self.schema(not);
            fields.push(quote!(not: Some(#not)));
        }
        quote!(Node { #(#fields,)* ..Node::ANY })
    }

    /// A `static` compiled pattern; the generator translated and compiled it already.
    fn pattern(&mut self, ecma: &str) -> proc_macro2::Ident {
        let name = format_ident!("PATTERN_{}", self.patterns);
        self.patterns += 1;
        // The converter planned (translated and compiled) the pattern already.
        let plan =
            payments_runtime::pattern::plan(ecma).unwrap_or(payments_runtime::pattern::Plan {
                translated: String::new(),
                backtracking: false,
            });
        self.items.push(crate::derive::matcher_static(
            &name,
            &plan.translated,
            plan.backtracking,
        ));
        name
    }
}

fn json_type(name: &str) -> &'static str {
    match name {
        "null" => "Null",
        "boolean" => "Boolean",
        "integer" => "Integer",
        "number" => "Number",
        "string" => "String",
        "array" => "Array",
        _ => "Object",
    }
}
