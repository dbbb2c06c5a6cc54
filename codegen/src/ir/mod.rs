//! The intermediate representation: every Rust type a spec needs, with its constraints.
//!
//! The IR knows nothing of syn or of OpenAPI's data structures: `convert` fills it from a
//! document, `emit` turns it into tokens. Types are kept in the order conversion first named
//! them, so output is deterministic for a given document.

pub mod case;
mod checked;
mod names;
mod operations;
mod rename;
mod transport;

pub use checked::{CheckedNode, SchemaNode};
pub use names::{field_ident, pascal, type_ident, variant_idents, NameRequests, Namer};
pub use operations::{
    FormField, Operation, ParamLocation, ParamStyle, Parameter, Payload, RequestBody, Response,
    Status,
};
pub use transport::{KeyLocation, SchemeKind, Security, SecurityScheme, Server, ServerVariable};

use std::collections::{BTreeMap, BTreeSet};

/// All named types of one spec, in emission order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TypeSpace {
    types: Vec<TypeDef>,
    by_name: BTreeMap<String, usize>,
    operations: Vec<Operation>,
    servers: Vec<Server>,
    security_schemes: Vec<SecurityScheme>,
    document_security: Security,
    warnings: Vec<crate::Error>,
    request_types: BTreeSet<String>,
    parameter_types: BTreeSet<String>,
    response_types: BTreeSet<String>,
}

impl TypeSpace {
    /// Adds a type; its name must already be unique (see [`Namer`]).
    pub fn push(&mut self, def: TypeDef) -> usize {
        let index = self.types.len();
        self.by_name.insert(def.name.clone(), index);
        self.types.push(def);
        index
    }

    /// Replaces the definition at `index` (used to fill a placeholder reserved for recursion).
    pub fn set(&mut self, index: usize, def: TypeDef) {
        self.by_name.insert(def.name.clone(), index);
        self.types[index] = def;
    }

    /// The types in emission order.
    pub fn types(&self) -> &[TypeDef] {
        &self.types
    }

    /// A type by its Rust name.
    pub fn get(&self, name: &str) -> Option<&TypeDef> {
        self.by_name.get(name).map(|&i| &self.types[i])
    }

    /// Mutable access for post-passes (boxing of recursive fields).
    pub fn types_mut(&mut self) -> &mut [TypeDef] {
        &mut self.types
    }

    /// Records something of the document that was left out, at its node: generation goes on.
    pub fn push_warning(&mut self, warning: crate::Error) {
        self.warnings.push(warning);
    }

    /// What conversion left out, each at its file and JSON Pointer, in document order.
    pub fn warnings(&self) -> &[crate::Error] {
        &self.warnings
    }

    /// Adds an operation (module names must already be unique).
    pub fn push_operation(&mut self, operation: Operation) {
        self.operations.push(operation);
    }

    /// Sets the document-level `servers`.
    pub fn set_servers(&mut self, servers: Vec<Server>) {
        self.servers = servers;
    }

    /// The document-level `servers`, in document order.
    pub fn servers(&self) -> &[Server] {
        &self.servers
    }

    /// Sets the security schemes operations use.
    pub fn set_security_schemes(&mut self, schemes: Vec<SecurityScheme>) {
        self.security_schemes = schemes;
    }

    /// The security schemes some operation uses, in `securitySchemes` order.
    pub fn security_schemes(&self) -> &[SecurityScheme] {
        &self.security_schemes
    }

    /// Sets the document-level `security`.
    pub fn set_document_security(&mut self, security: Security) {
        self.document_security = security;
    }

    /// The document-level `security` (what an operation without its own takes).
    pub fn document_security(&self) -> &Security {
        &self.document_security
    }

    /// The scheme with `key`.
    pub fn security_scheme(&self, key: &str) -> Option<&SecurityScheme> {
        self.security_schemes
            .iter()
            .find(|scheme| scheme.key == key)
    }

    /// The operations in document order.
    pub fn operations(&self) -> &[Operation] {
        &self.operations
    }

    /// Records the types a request body holds: each operation's JSON body type and every
    /// named type reachable from it (members, items, values, alternatives, aliases); and the
    /// types parameters and response bodies hold, alike.
    pub fn mark_request_types(&mut self) {
        let bodies = self
            .operations
            .iter()
            .filter_map(|op| op.body.as_ref()?.payload.schema_type());
        self.request_types = self.reachable(bodies, TypeKind::refs);
        let parameters = self.operations.iter().flat_map(|op| &op.parameters);
        self.parameter_types = self.reachable(parameters.map(|p| &p.ty), TypeKind::refs);
        let responses = self
            .operations
            .iter()
            .flat_map(|op| &op.responses)
            .filter_map(|response| response.payload.as_ref()?.schema_type());
        self.response_types = self.reachable(responses, TypeKind::refs);
    }

    /// The named types `roots` hold, through every reference `refs` gives of a kind
    /// ([`TypeKind::refs`], or [`TypeKind::held`] to follow checked `$ref`s too).
    pub fn reachable<'a, I>(
        &'a self,
        roots: impl Iterator<Item = &'a TypeRef>,
        refs: impl Fn(&'a TypeKind) -> I,
    ) -> BTreeSet<String>
    where
        I: Iterator<Item = &'a TypeRef>,
    {
        let mut pending: Vec<&str> = roots.filter_map(TypeRef::named_within).collect();
        let mut seen = BTreeSet::new();
        while let Some(name) = pending.pop() {
            if !seen.insert(name.to_owned()) {
                continue;
            }
            if let Some(def) = self.get(name) {
                pending.extend(refs(&def.kind).filter_map(TypeRef::named_within));
            }
        }
        seen
    }

    /// Whether a struct keeps the members its schema allows but does not list
    /// (`payments_runtime::Unlisted`): one a response may hold (or no operation names) that does
    /// not deny unknown members. Types only requests (bodies, parameters) hold do not: a request
    /// carries only documented members.
    pub fn keeps_unlisted(&self, def: &TypeDef) -> bool {
        let name = def.name.as_str();
        let sent = self.request_types.contains(name) || self.parameter_types.contains(name);
        match &def.kind {
            TypeKind::Struct(s) => {
                !s.deny_unknown
                    && s.additional.is_none()
                    && (self.response_types.contains(name) || !sent)
            }
            _ => false,
        }
    }

    /// Whether a request body holds the named type (see [`TypeSpace::mark_request_types`]).
    pub fn is_request_type(&self, name: &str) -> bool {
        self.request_types.contains(name)
    }
}

/// One named Rust type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// The Rust identifier (PascalCase, collision-free).
    pub name: String,
    /// The JSON Pointer of the schema it came from.
    pub pointer: String,
    /// The schema's title and description, for the doc comment.
    pub docs: Docs,
    /// What the type is.
    pub kind: TypeKind,
}

/// Doc text carried from the spec.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Docs {
    /// `title`, or a summary.
    pub title: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `x-source`: where a fact came from when the primary document was partial.
    pub source: Option<String>,
    /// Whether the schema is marked deprecated.
    pub deprecated: bool,
}

/// The shape of a named type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// An object with declared properties.
    Struct(Struct),
    /// A string enumeration.
    Enum(StringEnum),
    /// A scalar with its own constraints: a checked newtype.
    Newtype(Newtype),
    /// oneOf / anyOf: exactly one (or at least one) of several shapes.
    OneOf(OneOf),
    /// A name for another type (a schema that is a plain `$ref`, array or map).
    Alias(TypeRef),
    /// Any JSON value, checked keyword by keyword at run time: a schema whose keywords imply
    /// no one Rust type.
    Checked(SchemaNode),
}

impl TypeKind {
    /// The type references of its Rust members: a struct's fields, a union's variants, an
    /// alias's or a newtype's inner type. A checked type holds JSON: its references are
    /// checks, not members.
    pub fn refs(&self) -> Box<dyn Iterator<Item = &TypeRef> + '_> {
        match self {
            TypeKind::Struct(s) => Box::new(s.fields.iter().map(|f| &f.ty).chain(&s.additional)),
            TypeKind::OneOf(o) => Box::new(o.variants.iter().map(|v| &v.ty)),
            TypeKind::Alias(ty) | TypeKind::Newtype(Newtype { inner: ty, .. }) => {
                Box::new(std::iter::once(ty))
            }
            TypeKind::Enum(_) | TypeKind::Checked(_) => Box::new(std::iter::empty()),
        }
    }

    /// [`TypeKind::refs`] and, for a checked type, the types its `$ref`s check against.
    pub fn held(&self) -> Box<dyn Iterator<Item = &TypeRef> + '_> {
        match self {
            TypeKind::Checked(node) => Box::new(node.refs().into_iter()),
            other => other.refs(),
        }
    }
}

/// An object type.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    /// Properties in document order.
    pub fields: Vec<Field>,
    /// `additionalProperties: false`.
    pub deny_unknown: bool,
    /// The type of the members `properties` does not name, when an `additionalProperties`
    /// schema beside them types them (`payments_runtime::Additional<T>`).
    pub additional: Option<TypeRef>,
    /// Members of the schema this direction's type leaves out (a response's `writeOnly` ones):
    /// one a provider sends anyway is read past, not kept with the unlisted members.
    pub left_out: Vec<String>,
}

impl Struct {
    /// The Rust name of the field that keeps unlisted members (see
    /// [`TypeSpace::keeps_unlisted`]): `unlisted`, unless a member has that name.
    pub fn unlisted_field(&self) -> String {
        self.free_field("unlisted")
    }

    /// The Rust name of the field of [`Struct::additional`] members: `additional`, unless a
    /// member has that name.
    pub fn additional_field(&self) -> String {
        self.free_field("additional")
    }

    /// `wanted`, or `wanted_2`, `wanted_3`, … : the first no member's field takes.
    fn free_field(&self, wanted: &str) -> String {
        let taken = |name: &str| self.fields.iter().any(|f| f.rust_name == name);
        let mut name = wanted.to_owned();
        let mut n = 1;
        while taken(&name) {
            n += 1;
            name = format!("{wanted}_{n}");
        }
        name
    }
}

/// One property of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Rust field name (snake_case, collision-free within the struct).
    pub rust_name: String,
    /// The member name on the wire.
    pub wire_name: String,
    /// Doc text.
    pub docs: Docs,
    /// The value type (without the `Option` that `required: false` adds).
    pub ty: TypeRef,
    /// Whether the member must be present.
    pub required: bool,
    /// The documented default, when the member may be absent.
    pub default: Option<serde_json::Value>,
    /// Rules that apply to this member's value.
    pub constraints: Constraints,
    /// Set by the recursion pass: the value must be boxed to break a cycle.
    pub boxed: bool,
}

/// A string enumeration.
#[derive(Debug, Clone, PartialEq)]
pub struct StringEnum {
    /// Variants in document order, duplicates removed.
    pub variants: Vec<Variant>,
    /// Open enums (used in responses) keep undocumented values in an `Unknown` variant.
    pub open: bool,
    /// The schema states `const` (OpenAPI 3.1), not `enum`: a violation is reported as `const`.
    pub constant: bool,
}

/// One documented enum value.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// Rust variant name (PascalCase, collision-free).
    pub rust_name: String,
    /// The exact wire value.
    pub wire: String,
}

/// A constrained scalar.
#[derive(Debug, Clone, PartialEq)]
pub struct Newtype {
    /// The wrapped scalar.
    pub inner: TypeRef,
    /// Its rules.
    pub constraints: Constraints,
}

/// oneOf / anyOf.
#[derive(Debug, Clone, PartialEq)]
pub struct OneOf {
    /// The alternatives in document order.
    pub variants: Vec<OneOfVariant>,
    /// How a JSON value selects its variant.
    pub tagging: Tagging,
    /// `oneOf` (exactly one alternative may match) in a request type, not `anyOf`: without a
    /// discriminator, a value two alternatives accept is a `oneOf` violation. In response
    /// types a `oneOf` reads the first alternative that accepts the value.
    pub exclusive: bool,
    /// A response's discriminated union: a discriminator value the spec does not document
    /// keeps the whole value in an `Unknown` variant instead of failing (a provider adding a
    /// payment method must not break reading its responses). Requests stay strict.
    pub open: bool,
}

/// One alternative of a [`OneOf`].
#[derive(Debug, Clone, PartialEq)]
pub struct OneOfVariant {
    /// Rust variant name.
    pub rust_name: String,
    /// Its type.
    pub ty: TypeRef,
    /// The discriminator value that selects it, for tagged unions.
    pub tag_value: Option<String>,
}

/// How a oneOf picks its variant.
#[derive(Debug, Clone, PartialEq)]
pub enum Tagging {
    /// By the value of a discriminator property.
    Tagged {
        /// The wire name of the discriminator property.
        property: String,
    },
    /// By which member is present: each variant has a required member no other variant
    /// declares (`keys[i]` selects variant `i`).
    Present {
        /// The distinguishing wire member of each variant, in variant order.
        keys: Vec<String>,
    },
    /// By trying each variant in order.
    Untagged,
}

/// A type as a field or item uses it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum TypeRef {
    /// A named type of the space.
    Named(String),
    /// `string`.
    String,
    /// `boolean`.
    Bool,
    /// `integer` with a width.
    Integer(IntWidth),
    /// `integer` of arbitrary size (`format: bigint`).
    BigInt,
    /// An exact decimal, in the wire form the provider uses.
    Decimal(DecimalWire),
    /// `format: date-time`.
    DateTime,
    /// `format: byte`.
    Base64,
    /// `format: binary` in a multipart request body: raw bytes, sent as a file part.
    Binary,
    /// Any JSON value.
    Json,
    /// `array`.
    Array(Box<TypeRef>),
    /// An object used as a map from member names to values.
    Map(Box<TypeRef>),
    /// `nullable: true`: the value or `null`.
    Nullable(Box<TypeRef>),
}

impl TypeRef {
    /// The named type this reference holds through every container (items, map values,
    /// nullable), if any.
    pub fn named_within(&self) -> Option<&str> {
        match self {
            TypeRef::Named(n) => Some(n),
            TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
                inner.named_within()
            }
            _ => None,
        }
    }

    /// The named type this reference leads to through containers, if any.
    pub fn named(&self) -> Option<&str> {
        match self {
            TypeRef::Named(n) => Some(n),
            TypeRef::Nullable(inner) => inner.named(),
            _ => None,
        }
    }
}

/// Integer widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum IntWidth {
    /// `format: int32`.
    I32,
    /// `format: int64` or no format.
    I64,
}

/// How a decimal travels in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DecimalWire {
    /// A JSON number, kept digit for digit.
    Number,
    /// A JSON string holding the number (`type: string, format: decimal`).
    String,
}

/// The rules a value must satisfy. Decimal bounds are kept as text so no number passes
/// through a float.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Constraints {
    /// ECMA-262 pattern.
    pub pattern: Option<String>,
    /// Minimum length in code points.
    pub min_length: Option<u64>,
    /// Maximum length in code points.
    pub max_length: Option<u64>,
    /// Lower bound.
    pub minimum: Option<Bound>,
    /// Upper bound.
    pub maximum: Option<Bound>,
    /// The value must be a multiple of this.
    pub multiple_of: Option<String>,
    /// Minimum number of array items.
    pub min_items: Option<u64>,
    /// Maximum number of array items.
    pub max_items: Option<u64>,
}

impl Constraints {
    /// True when there is no rule at all.
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

/// A numeric bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    /// The bound's exact decimal text.
    pub value: String,
    /// Whether the bound itself is excluded.
    pub exclusive: bool,
}
