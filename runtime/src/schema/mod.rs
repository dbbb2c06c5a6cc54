//! Checked any-JSON: JSON Schema keywords applied to a value whose schema implies no one Rust
//! type (`{minimum: 1.1}` with no `type`, `{enum: [1, "a", null]}`, `not`, `uniqueItems`, an
//! `allOf` of scalars, `type` beside `anyOf`, …).
//!
//! The generator writes such a schema as a `static` [`Schema`] tree and a newtype over
//! `serde_json::Value` whose `CheckJson` and `Validate` call [`check`]. Each keyword applies to
//! the instances of its own JSON type and is ignored for others, as JSON Schema Validation
//! (2020-12, §6) defines; numbers are compared exactly (`1` equals `1.0`), never through `f64`.
//! A `$ref` to a component is that component's own `CheckJson` ([`Schema::Check`]).

mod equal;
mod evaluated;
mod keywords;

use crate::json::Json;
use crate::{Location, Violations};

pub use equal::json_equal;
pub use evaluated::Evaluated;

/// A generated type's check of an untrusted value (`CheckJson::check_json`).
pub type CheckFn = fn(&Json<'_>, &Location<'_>, &mut Violations);

/// A generated type's check that also adds what its schema evaluates of the value
/// (`CheckJson::check_json_evaluated`).
pub type CheckEvaluatedFn = fn(&Json<'_>, &Location<'_>, &mut Violations, &mut Evaluated);

/// A schema position: a boolean schema, a reference to a generated type's check, or a node.
#[derive(Clone, Copy)]
pub enum Schema {
    /// `true` accepts every value, `false` none.
    Bool(bool),
    /// A `$ref` to a generated type: its `CheckJson::check_json`, and its
    /// `CheckJson::check_json_evaluated` for the `unevaluated*` keywords of the schemas around
    /// it.
    Check(CheckFn, CheckEvaluatedFn),
    /// A schema object.
    Node(&'static Node),
}

impl std::fmt::Debug for Schema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Schema::Bool(b) => write!(f, "Schema::Bool({b})"),
            Schema::Check(..) => f.write_str("Schema::Check(..)"),
            Schema::Node(node) => node.fmt(f),
        }
    }
}

/// A JSON type named by `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    /// `null`.
    Null,
    /// `boolean`.
    Boolean,
    /// `integer`: a number with no fractional part (`1.0` is one).
    Integer,
    /// `number`.
    Number,
    /// `string`.
    String,
    /// `array`.
    Array,
    /// `object`.
    Object,
}

impl JsonType {
    /// The JSON Schema spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }
}

/// A pattern: its ECMA-262 source (for messages) and the compiled regex.
#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    /// The pattern as the spec wrote it.
    pub source: &'static str,
    /// The compiled pattern (a `static` `LazyLock` the generator writes).
    pub regex: &'static std::sync::LazyLock<crate::pattern::Matcher>,
}

/// One schema object: every keyword it states. The defaults (`Node::ANY`) state nothing.
#[derive(Debug, Clone, Copy)]
pub struct Node {
    /// `type` (none: any type).
    pub types: Option<&'static [JsonType]>,
    /// `nullable: true` (OpenAPI 3.0): `null` is allowed whatever `type` says.
    pub nullable: bool,
    /// `enum`: the JSON texts of the allowed values, compared by JSON equality.
    pub enumeration: Option<&'static [&'static str]>,
    /// `const`: the JSON text of the one allowed value.
    pub constant: Option<&'static str>,
    /// `minimum` as decimal text.
    pub minimum: Option<&'static str>,
    /// `maximum` as decimal text.
    pub maximum: Option<&'static str>,
    /// `exclusiveMinimum` as decimal text.
    pub exclusive_minimum: Option<&'static str>,
    /// `exclusiveMaximum` as decimal text.
    pub exclusive_maximum: Option<&'static str>,
    /// `multipleOf` as decimal text.
    pub multiple_of: Option<&'static str>,
    /// `minLength` (code points).
    pub min_length: Option<usize>,
    /// `maxLength` (code points).
    pub max_length: Option<usize>,
    /// `pattern`.
    pub pattern: Option<Pattern>,
    /// `format` (`date-time`, `date`, `byte` are checked; others are annotations).
    pub format: Option<&'static str>,
    /// `prefixItems`: the schema of each leading item, in order.
    pub prefix_items: &'static [Schema],
    /// `items`: every item after those `prefixItems` names.
    pub items: Option<Schema>,
    /// `contains`: at least `minContains` (1 unless stated) and at most `maxContains` items
    /// match it.
    pub contains: Option<Schema>,
    /// `minContains` (applies with `contains` only).
    pub min_contains: Option<usize>,
    /// `maxContains` (applies with `contains` only).
    pub max_contains: Option<usize>,
    /// `minItems`.
    pub min_items: Option<usize>,
    /// `maxItems`.
    pub max_items: Option<usize>,
    /// `uniqueItems: true`.
    pub unique_items: bool,
    /// `properties`.
    pub properties: &'static [(&'static str, Schema)],
    /// `required`.
    pub required: &'static [&'static str],
    /// `patternProperties`: a member whose name matches a pattern is checked against its
    /// schema (against each one whose pattern matches).
    pub pattern_properties: &'static [(Pattern, Schema)],
    /// `additionalProperties`: members neither `properties` nor `patternProperties` name.
    pub additional_properties: Option<Schema>,
    /// `propertyNames`: every member name, as a JSON string, satisfies it.
    pub property_names: Option<Schema>,
    /// `dependentRequired`: when the member is present, these must be too.
    pub dependent_required: &'static [(&'static str, &'static [&'static str])],
    /// `dependentSchemas`: when the member is present, the object satisfies the schema.
    pub dependent_schemas: &'static [(&'static str, Schema)],
    /// `minProperties`.
    pub min_properties: Option<usize>,
    /// `maxProperties`.
    pub max_properties: Option<usize>,
    /// `allOf`.
    pub all_of: &'static [Schema],
    /// `anyOf`.
    pub any_of: &'static [Schema],
    /// `oneOf`.
    pub one_of: &'static [Schema],
    /// A response's `oneOf`: a value more than one alternative accepts is read, as a typed
    /// union in a response reads the first (a value none accepts is still a violation).
    pub one_of_lenient: bool,
    /// `not`.
    pub not: Option<Schema>,
    /// `if`: decides whether `then` or `else` applies; its own failure is no violation.
    pub if_schema: Option<Schema>,
    /// `then`: applies when the value satisfies `if`.
    pub then_schema: Option<Schema>,
    /// `else`: applies when the value does not satisfy `if`.
    pub else_schema: Option<Schema>,
    /// `unevaluatedItems`: every item that no other keyword of this node, nor a subschema
    /// applied in place that the value satisfies, evaluated ([`Evaluated`]).
    pub unevaluated_items: Option<Schema>,
    /// `unevaluatedProperties`: every member that no other keyword of this node, nor a
    /// subschema applied in place that the value satisfies, evaluated ([`Evaluated`]).
    pub unevaluated_properties: Option<Schema>,
}

impl Node {
    /// A node that states no keyword.
    pub const ANY: Node = Node {
        types: None,
        nullable: false,
        enumeration: None,
        constant: None,
        minimum: None,
        maximum: None,
        exclusive_minimum: None,
        exclusive_maximum: None,
        multiple_of: None,
        min_length: None,
        max_length: None,
        pattern: None,
        format: None,
        prefix_items: &[],
        items: None,
        contains: None,
        min_contains: None,
        max_contains: None,
        min_items: None,
        max_items: None,
        unique_items: false,
        properties: &[],
        required: &[],
        pattern_properties: &[],
        additional_properties: None,
        property_names: None,
        dependent_required: &[],
        dependent_schemas: &[],
        min_properties: None,
        max_properties: None,
        all_of: &[],
        any_of: &[],
        one_of: &[],
        one_of_lenient: false,
        not: None,
        if_schema: None,
        then_schema: None,
        else_schema: None,
        unevaluated_items: None,
        unevaluated_properties: None,
    };
}

/// How many schemas may be applied inside one another to one value. Schemas that refer to
/// each other without descending into the value (`A: {not: {$ref: B}}`, `B: {allOf: [{$ref:
/// A}]}`) would otherwise recurse without end.
const MAX_DEPTH: usize = 256;

/// How many schemas one check may apply in all (every node, `$ref` and boolean schema, at
/// every depth). The depth bound alone does not bound the work: `A: {allOf: [A], anyOf: [A]}`
/// applies `A` twice at each of 256 levels. A real schema on a real payload applies a few per
/// value of the payload; past this many, the check stops with a violation saying so, as a
/// pattern does when it runs out of its backtracking budget.
const MAX_APPLICATIONS: usize = 10_000_000;

thread_local! {
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Applications left to the check under way (set when one starts at depth 0).
    static LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(MAX_APPLICATIONS) };
}

/// One more schema applied inside the others; leaving it when dropped.
struct Depth;

impl Drop for Depth {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// Why a schema was not applied.
enum Stop {
    /// Past [`MAX_DEPTH`].
    Depth,
    /// Past [`MAX_APPLICATIONS`].
    Budget,
}

impl Stop {
    fn message(&self) -> std::borrow::Cow<'static, str> {
        match self {
            Stop::Depth => {
                "the schema refers to itself without end here; the value cannot be checked".into()
            }
            Stop::Budget => format!(
                "checking the value against the schema takes more than {MAX_APPLICATIONS} \
                 schema applications; the value cannot be checked"
            )
            .into(),
        }
    }
}

/// Enters one more schema, or says why not.
fn enter() -> Result<Depth, Stop> {
    let depth = DEPTH.with(std::cell::Cell::get);
    if depth >= MAX_DEPTH {
        return Err(Stop::Depth);
    }
    let left = LEFT.with(|left| {
        let now = if depth == 0 {
            MAX_APPLICATIONS
        } else {
            left.get()
        };
        left.set(now.saturating_sub(1));
        now
    });
    if left == 0 {
        return Err(Stop::Budget);
    }
    DEPTH.with(|d| d.set(depth + 1));
    Ok(Depth)
}

/// Pushes every violation of `value` against `schema` found at and below `at`.
pub fn check(schema: &Schema, value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
    apply(schema, value, at, out, None);
}

/// [`check`], adding to `into` the members and items `schema` evaluates of `value` (what the
/// `unevaluated*` keywords of an enclosing schema read). Meaningful when no violation was
/// pushed: a schema the value fails evaluates nothing, and the caller drops `into`.
pub fn check_evaluated(
    schema: &Schema,
    value: &Json<'_>,
    at: &Location<'_>,
    out: &mut Violations,
    into: &mut Evaluated,
) {
    apply(schema, value, at, out, Some(into));
}

fn apply(
    schema: &Schema,
    value: &Json<'_>,
    at: &Location<'_>,
    out: &mut Violations,
    into: Option<&mut Evaluated>,
) {
    let _depth = match enter() {
        Ok(depth) => depth,
        Err(stop) => return out.push(at, crate::Code::Type, stop.message()),
    };
    match (schema, into) {
        (Schema::Bool(true), _) => {}
        (Schema::Bool(false), _) => out.push(at, crate::Code::False, "no value is allowed here"),
        (Schema::Check(check_json, _), None) => check_json(value, at, out),
        (Schema::Check(_, check_evaluated), Some(into)) => check_evaluated(value, at, out, into),
        (Schema::Node(node), into) => keywords::check_node(node, value, at, out, into),
    }
}

/// Whether `value` satisfies `schema` (no violation).
pub fn is_valid(schema: &Schema, value: &Json<'_>) -> bool {
    let mut out = Violations::new();
    check(schema, value, &Location::Root, &mut out);
    out.is_empty()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_applicators;
#[cfg(test)]
mod tests_unevaluated;
