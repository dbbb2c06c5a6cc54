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
    pub items: Option<SchemaNode>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub unique_items: bool,
    pub properties: Vec<(String, SchemaNode)>,
    pub required: Vec<String>,
    pub additional_properties: Option<SchemaNode>,
    pub min_properties: Option<u64>,
    pub max_properties: Option<u64>,
    pub all_of: Vec<SchemaNode>,
    pub any_of: Vec<SchemaNode>,
    pub one_of: Vec<SchemaNode>,
    /// In a response: a value several `oneOf` alternatives accept is accepted.
    pub one_of_lenient: bool,
    pub not: Option<SchemaNode>,
}
