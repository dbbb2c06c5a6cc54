//! What `unevaluatedProperties` and `unevaluatedItems` read (JSON Schema 2020-12 Core §11):
//! which members of an object and which items of an array the schemas applied to the value in
//! place evaluated — through `properties`, `patternProperties`, `additionalProperties`,
//! `prefixItems`, `items`, `contains`, `allOf`/`anyOf`/`oneOf`, `if`/`then`/`else`,
//! `dependentSchemas` and `$ref` — counting only the schemas the value satisfies (a failing
//! subschema's annotations are dropped, and `not` keeps none).

use std::collections::BTreeSet;

use super::{enter, is_valid, Node, Schema};
use crate::json::Json;

/// The members and items of one value that its schemas evaluated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evaluated {
    all_members: bool,
    members: BTreeSet<String>,
    all_items: bool,
    items: BTreeSet<usize>,
}

impl Evaluated {
    /// Nothing evaluated yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The member `name` is evaluated.
    pub fn member(&mut self, name: &str) {
        if !self.all_members && !self.members.contains(name) {
            self.members.insert(name.to_owned());
        }
    }

    /// Each of these members is evaluated (a generated struct's listed members).
    pub fn members(&mut self, names: &[&str]) {
        for name in names {
            self.member(name);
        }
    }

    /// Every member is evaluated (`additionalProperties`, or a map of typed members).
    pub fn all_members(&mut self) {
        self.all_members = true;
        self.members.clear();
    }

    /// Item `index` is evaluated.
    pub fn item(&mut self, index: usize) {
        if !self.all_items {
            self.items.insert(index);
        }
    }

    /// Every item is evaluated (`items`, or a list of typed items).
    pub fn all_items(&mut self) {
        self.all_items = true;
        self.items.clear();
    }

    /// Whether the member `name` is evaluated.
    pub fn has_member(&self, name: &str) -> bool {
        self.all_members || self.members.contains(name)
    }

    /// Whether item `index` is evaluated.
    pub fn has_item(&self, index: usize) -> bool {
        self.all_items || self.items.contains(&index)
    }
}

/// Adds what `schema` evaluates of `value`. Called for a schema the value satisfies.
pub fn annotate(schema: &Schema, value: &Json<'_>, into: &mut Evaluated) {
    // A schema that refers to itself without descending into the value was reported by
    // `check` already; here it only stops.
    let Some(_depth) = enter() else {
        return;
    };
    match schema {
        Schema::Bool(_) => {}
        Schema::Check(_, evaluated) => evaluated(value, into),
        Schema::Node(node) => node_annotations(node, value, into, true),
    }
}

/// Adds what `node` evaluates of `value`: its own keywords (with its `unevaluated*` ones when
/// `with_unevaluated`: they evaluate whatever is left) and the in-place subschemas the value
/// satisfies.
pub(super) fn node_annotations(
    node: &Node,
    value: &Json<'_>,
    into: &mut Evaluated,
    with_unevaluated: bool,
) {
    if node.nullable && value.is_null() {
        return;
    }
    match value {
        Json::Object(members) => {
            let rest = node.additional_properties.is_some()
                || (with_unevaluated && node.unevaluated_properties.is_some());
            if rest {
                into.all_members();
            } else {
                for key in members.keys() {
                    let named = node.properties.iter().any(|(name, _)| *name == key)
                        || node
                            .pattern_properties
                            .iter()
                            .any(|(pattern, _)| pattern.regex.is_match(key) == Some(true));
                    if named {
                        into.member(key);
                    }
                }
            }
        }
        Json::Array(items) => {
            let rest =
                node.items.is_some() || (with_unevaluated && node.unevaluated_items.is_some());
            if rest {
                into.all_items();
            } else {
                for index in 0..node.prefix_items.len().min(items.len()) {
                    into.item(index);
                }
                if let Some(contains) = &node.contains {
                    for (index, item) in items.iter().enumerate() {
                        if is_valid(contains, item) {
                            into.item(index);
                        }
                    }
                }
            }
        }
        _ => return,
    }
    let satisfied = node
        .all_of
        .iter()
        .chain(node.any_of)
        .chain(node.one_of)
        .filter(|schema| is_valid(schema, value));
    for schema in satisfied {
        annotate(schema, value, into);
    }
    if let Some(condition) = &node.if_schema {
        let branch = if is_valid(condition, value) {
            annotate(condition, value, into);
            &node.then_schema
        } else {
            &node.else_schema
        };
        if let Some(schema) = branch.as_ref().filter(|s| is_valid(s, value)) {
            annotate(schema, value, into);
        }
    }
    if let Some(members) = value.as_object() {
        for (name, schema) in node.dependent_schemas {
            if members.get(name).is_some() && is_valid(schema, value) {
                annotate(schema, value, into);
            }
        }
    }
}
