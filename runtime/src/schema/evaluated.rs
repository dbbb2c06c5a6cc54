//! What `unevaluatedProperties` and `unevaluatedItems` read (JSON Schema 2020-12 Core §11):
//! which members of an object and which items of an array the schemas applied to the value in
//! place evaluated — through `properties`, `patternProperties`, `additionalProperties`,
//! `prefixItems`, `items`, `contains`, `allOf`/`anyOf`/`oneOf`, `if`/`then`/`else`,
//! `dependentSchemas` and `$ref` — counting only the schemas the value satisfies (a failing
//! subschema's annotations are dropped, and `not` keeps none). They are collected while the
//! value is checked ([`super::check_evaluated`]), so no schema is applied twice to one value.

use std::collections::BTreeSet;

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

    /// Adds what `other` evaluated.
    pub fn merge(&mut self, other: Evaluated) {
        if other.all_members {
            self.all_members();
        } else if !self.all_members {
            self.members.extend(other.members);
        }
        if other.all_items {
            self.all_items();
        } else if !self.all_items {
            self.items.extend(other.items);
        }
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
