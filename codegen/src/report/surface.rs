//! The generated API of one module as the IR states it: the snapshot a change report compares.
//!
//! A [`Surface`] is a projection of a [`TypeSpace`] onto what a user of the models sees: each
//! type's Rust name, kind, direction, members with their Rust types and wire forms, enum
//! values, union variants and every rule, and each operation's parameters, body and statuses.
//! It is written beside the generated code (`api.json`) so that the next regeneration can tell
//! what changed without the previous spec. Its JSON is sorted and pretty-printed: deterministic
//! to the byte, and readable in a diff.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The snapshot format this generator writes and reads.
pub const FORMAT: u32 = 2;

/// The generated API of one module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Surface {
    /// [`FORMAT`]: a snapshot of another format is not compared.
    pub format: u32,
    /// The named types, by Rust name.
    pub types: Vec<TypeSurface>,
    /// The operations, by module name.
    pub operations: Vec<OperationSurface>,
}

/// Which way a type's values travel, which decides whether a change breaks a request we send
/// or a response we read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Only in request bodies or parameters.
    Request,
    /// Only in responses.
    Response,
    /// In both.
    Both,
    /// In no operation (a component users may build or read either way).
    Unused,
}

impl Direction {
    /// Whether users build values of it to send (requests, and types no operation uses).
    pub fn sent(self) -> bool {
        !matches!(self, Direction::Response)
    }
}

/// One named Rust type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeSurface {
    /// The Rust name.
    pub name: String,
    /// The JSON Pointer of its schema.
    pub pointer: String,
    /// `struct`, `enum`, `newtype`, `union`, `alias` or `checked`.
    pub kind: String,
    /// Which way it travels.
    pub direction: Direction,
    /// An alias's or a newtype's Rust type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rust_type: Option<String>,
    /// An alias's or a newtype's wire form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wire: Option<String>,
    /// A struct's members in spec order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<MemberSurface>,
    /// An enum's wire values in spec order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// The Rust variant of each value, in the same order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub value_names: Vec<String>,
    /// A union's alternatives in spec order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<VariantSurface>,
    /// How a union selects its alternative: `tag:<member>`, `present:<members>` or `untagged`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tagging: Option<String>,
    /// An enum or union that keeps undocumented values in an `Unknown` variant.
    #[serde(default, skip_serializing_if = "is_false")]
    pub open: bool,
    /// The type's own rules, keyed by the schema path of the keyword (`/maxLength`,
    /// `/properties/amount/minimum`, `/additionalProperties`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, String>,
    /// Marked `deprecated` (the generated item is `#[deprecated]`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// A struct that keeps the members its schema allows but does not list: the Rust field
    /// holding them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlisted: Option<String>,
    /// The named types it holds (members, items, alternatives, checked `$ref`s).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub refs: BTreeSet<String>,
}

/// One member of a struct.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberSurface {
    /// The name on the wire.
    pub wire_name: String,
    /// The Rust field name.
    pub rust_name: String,
    /// The Rust type, without the `Option` of an optional member.
    pub rust_type: String,
    /// How the value travels in JSON.
    pub wire: String,
    /// Whether the member must be present.
    pub required: bool,
    /// Its rules, keyed by keyword (`/pattern`, `/minimum`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, String>,
    /// Marked `deprecated`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// The documented default (JSON), which gives an `…_or_default()` accessor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
}

/// One alternative of a union.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariantSurface {
    /// The Rust variant name.
    pub rust_name: String,
    /// Its Rust type.
    pub rust_type: String,
    /// The discriminator value selecting it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

/// One operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OperationSurface {
    /// The Rust module name.
    pub module: String,
    /// The JSON Pointer of the operation object.
    pub pointer: String,
    /// `POST`.
    pub method: String,
    /// The path template.
    pub path: String,
    /// Marked `deprecated`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// Its parameters in spec order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<ParameterSurface>,
    /// Its request body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<BodySurface>,
    /// Its documented statuses in spec order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<ResponseSurface>,
    /// What it authenticates with: the alternatives of its `security` (its own, else the
    /// document's), each the schemes used together, described with how they travel
    /// (`ApiKeyAuth: API key in header x-api-key`). Empty when it takes no credentials.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security: Vec<Vec<String>>,
    /// The URL templates of its servers (its own, else the document's), in spec order: their
    /// position names the generated `ServerN`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub servers: Vec<String>,
}

/// One parameter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParameterSurface {
    /// The name on the wire.
    pub wire_name: String,
    /// `path`, `query`, `header` or `cookie`.
    pub location: String,
    /// The Rust field name in `Parameters`.
    pub rust_name: String,
    /// The Rust type, without `Option`.
    pub rust_type: String,
    /// How the value travels: its JSON wire form, the style and explode.
    pub wire: String,
    /// Whether it must be sent.
    pub required: bool,
}

/// A request body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BodySurface {
    /// Its media type.
    pub content_type: String,
    /// The Rust type it holds (`bytes`, `text` for non-JSON bodies).
    pub rust_type: String,
    /// Whether it must be sent.
    pub required: bool,
    /// How a form body's members are written (`metadata: DeepObject, exploded`), its
    /// `encoding` entries in spec order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub encoding: Vec<String>,
}

/// A documented response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponseSurface {
    /// `200`, `4XX`, `default`.
    pub status: String,
    /// The `Response` variant.
    pub rust_name: String,
    /// The body's media type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// The Rust type of the body (`bytes`, `text`), none without a body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rust_type: Option<String>,
}

pub(super) fn is_false(value: &bool) -> bool {
    !*value
}

impl Surface {
    /// The snapshot's text: pretty JSON ending in a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Reads a snapshot; `None` when the text is no snapshot of [`FORMAT`] (an older
    /// generator's, or not one at all): the report then says it has nothing to compare.
    pub fn from_json(text: &str) -> Option<Surface> {
        let surface: Surface = serde_json::from_str(text).ok()?;
        (surface.format == FORMAT).then_some(surface)
    }

    /// A type by its Rust name.
    pub fn get(&self, name: &str) -> Option<&TypeSurface> {
        self.types
            .binary_search_by(|t| t.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.types[i])
    }
}
