//! The IR of a checked any-JSON type: a schema whose keywords imply no one Rust type, kept
//! keyword by keyword for `payments_runtime::schema` to apply at run time.

use super::TypeRef;

/// A schema position.
#[derive(Debug, Clone, PartialEq)]
pub enum SchemaNode {
    /// `true` or `false`.
    Bool(bool),
    /// A `$ref`: the generated type's own `CheckJson`.
    Ref(TypeRef),
    /// A schema object.
    Node(Box<CheckedNode>),
}

/// Every keyword a schema object states; numbers kept as their exact JSON text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckedNode {
    /// `type` (empty: any), JSON Schema spellings.
    pub types: Vec<String>,
    pub nullable: bool,
    /// `enum` values as JSON text.
    pub enumeration: Option<Vec<String>>,
    /// `const` as JSON text.
    pub constant: Option<String>,
    pub minimum: Option<String>,
    pub maximum: Option<String>,
    pub exclusive_minimum: Option<String>,
    pub exclusive_maximum: Option<String>,
    pub multiple_of: Option<String>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    /// The ECMA-262 source (checked to translate when converted).
    pub pattern: Option<String>,
    pub format: Option<String>,
    pub prefix_items: Vec<SchemaNode>,
    /// `items`: every item after `prefix_items`.
    pub items: Option<SchemaNode>,
    pub contains: Option<SchemaNode>,
    pub min_contains: Option<u64>,
    pub max_contains: Option<u64>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub unique_items: bool,
    pub properties: Vec<(String, SchemaNode)>,
    pub required: Vec<String>,
    /// `patternProperties`: (ECMA-262 source, schema), checked to translate when converted.
    pub pattern_properties: Vec<(String, SchemaNode)>,
    pub additional_properties: Option<SchemaNode>,
    pub property_names: Option<SchemaNode>,
    pub dependent_required: Vec<(String, Vec<String>)>,
    pub dependent_schemas: Vec<(String, SchemaNode)>,
    pub min_properties: Option<u64>,
    pub max_properties: Option<u64>,
    pub all_of: Vec<SchemaNode>,
    pub any_of: Vec<SchemaNode>,
    pub one_of: Vec<SchemaNode>,
    /// In a response: a value several `oneOf` alternatives accept is accepted.
    pub one_of_lenient: bool,
    pub not: Option<SchemaNode>,
    pub if_schema: Option<SchemaNode>,
    pub then_schema: Option<SchemaNode>,
    pub else_schema: Option<SchemaNode>,
    pub unevaluated_items: Option<SchemaNode>,
    pub unevaluated_properties: Option<SchemaNode>,
}

impl SchemaNode {
    /// The types this schema's `$ref`s name, at every depth.
    pub fn refs(&self) -> Vec<&TypeRef> {
        let mut refs = Vec::new();
        let mut pending = vec![self];
        while let Some(node) = pending.pop() {
            match node {
                SchemaNode::Bool(_) => {}
                SchemaNode::Ref(ty) => refs.push(ty),
                SchemaNode::Node(node) => pending.extend(node.children()),
            }
        }
        refs
    }
}

impl CheckedNode {
    /// Every schema this node applies (in place or to parts of the value), in keyword order.
    pub fn children(&self) -> impl Iterator<Item = &SchemaNode> {
        self.prefix_items
            .iter()
            .chain(&self.items)
            .chain(&self.contains)
            .chain(self.properties.iter().map(|(_, s)| s))
            .chain(self.pattern_properties.iter().map(|(_, s)| s))
            .chain(&self.additional_properties)
            .chain(&self.property_names)
            .chain(self.dependent_schemas.iter().map(|(_, s)| s))
            .chain(&self.all_of)
            .chain(&self.any_of)
            .chain(&self.one_of)
            .chain(&self.not)
            .chain(&self.if_schema)
            .chain(&self.then_schema)
            .chain(&self.else_schema)
            .chain(&self.unevaluated_items)
            .chain(&self.unevaluated_properties)
    }

    /// [`CheckedNode::children`], to rewrite.
    pub fn children_mut(&mut self) -> impl Iterator<Item = &mut SchemaNode> {
        self.prefix_items
            .iter_mut()
            .chain(&mut self.items)
            .chain(&mut self.contains)
            .chain(self.properties.iter_mut().map(|(_, s)| s))
            .chain(self.pattern_properties.iter_mut().map(|(_, s)| s))
            .chain(&mut self.additional_properties)
            .chain(&mut self.property_names)
            .chain(self.dependent_schemas.iter_mut().map(|(_, s)| s))
            .chain(&mut self.all_of)
            .chain(&mut self.any_of)
            .chain(&mut self.one_of)
            .chain(&mut self.not)
            .chain(&mut self.if_schema)
            .chain(&mut self.then_schema)
            .chain(&mut self.else_schema)
            .chain(&mut self.unevaluated_items)
            .chain(&mut self.unevaluated_properties)
    }
}
