//! Schemas whose keywords imply no one Rust type become checked any-JSON types
//! ([`TypeKind::Checked`]): the value is kept as JSON and every keyword is applied at run time
//! by `payments_runtime::schema`, each to the JSON type it concerns.
//!
//! A schema is typed when its assertion keywords all concern one JSON type that the typed
//! path enforces completely (`{type: string, maxLength: 3}`, an object with `properties`, a
//! string `enum`); otherwise — keywords of several types and no `type`, numeric or string
//! keywords with no `type`, `not`, `uniqueItems`, `min/maxProperties`, a non-string `enum` or
//! `const`, `required` names no property declares, `type` or other assertions beside `anyOf`/`oneOf`, an `allOf` with a part that
//! is not an object, `type: null` — it is checked.

use serde_json::{Map, Value};

use super::direction::SCHEMA_PREFIX;
use super::{Context, Converter};
use crate::error::{push_token, Error};
use crate::ir::{CheckedNode, SchemaNode, TypeKind};
use crate::load::{ANNOTATIONS, CONST_MARK, FALSE_MARK};

/// The assertion keywords the typed path reads (each with the limits `needs_checked` states).
const TYPED: &[&str] = &[
    "type",
    "format",
    "enum",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "pattern",
    "items",
    "minItems",
    "maxItems",
    "properties",
    "required",
    "additionalProperties",
    "allOf",
    "anyOf",
    "oneOf",
    "$ref",
];

/// A keyword that asserts something and that the typed path does not read.
fn untyped_keyword(keyword: &str) -> bool {
    !keyword.starts_with("x-") && !ANNOTATIONS.contains(&keyword) && !TYPED.contains(&keyword)
}

/// The JSON type each assertion keyword concerns.
fn family(keyword: &str) -> Option<&'static str> {
    Some(match keyword {
        "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf" => "number",
        "minLength" | "maxLength" | "pattern" => "string",
        "items" | "minItems" | "maxItems" | "uniqueItems" => "array",
        "properties" | "required" | "additionalProperties" | "minProperties" | "maxProperties" => {
            "object"
        }
        _ => return None,
    })
}

/// Whether the raw schema needs the checked form (see the module docs).
pub(super) fn needs_checked(doc: &Value, raw: &Value) -> bool {
    let Some(map) = raw.as_object() else {
        return false;
    };
    if map.contains_key("$ref") {
        return false;
    }
    if [
        "not",
        FALSE_MARK,
        "uniqueItems",
        "minProperties",
        "maxProperties",
    ]
    .iter()
    .any(|k| map.get(*k).is_some_and(|v| v != &Value::Bool(false)))
    {
        return true;
    }
    // A keyword the typed path does not read goes to the checked path, which applies it or
    // refuses it with its pointer: never a silent drop.
    if map.keys().any(|k| untyped_keyword(k)) {
        return true;
    }
    let ty = map.get("type").and_then(Value::as_str);
    if ty == Some("null") {
        return true;
    }
    let union = map.contains_key("anyOf") || map.contains_key("oneOf");
    // The typed path reads a union or an `allOf`, not both.
    if union && map.contains_key("allOf") {
        return true;
    }
    let asserted: Vec<&str> = map
        .keys()
        .map(String::as_str)
        .filter(|k| !k.starts_with("x-") && !ANNOTATIONS.contains(k))
        .filter(|k| !matches!(*k, "allOf" | "anyOf" | "oneOf" | "format"))
        .collect();
    // `type: object` beside a union of objects (a discriminated `oneOf`, typically) says
    // nothing the alternatives do not: the typed union keeps the discriminator's mapping.
    let objects_only = ty == Some("object")
        && asserted == ["type"]
        && ["anyOf", "oneOf"].iter().all(|k| {
            map.get(*k)
                .and_then(Value::as_array)
                .is_none_or(|parts| parts.iter().all(|p| object_like(doc, p, 0)))
        });
    if union && !asserted.is_empty() && !objects_only {
        return true;
    }
    if let Some(t) = ty.filter(|t| !matches!(*t, "object" | "array")) {
        // A scalar type with keywords of another type: the typed view reads such a schema as
        // untyped, so the check applies the keywords of its own type.
        let own = if t == "integer" { "number" } else { t };
        if asserted.iter().filter_map(|k| family(k)).any(|f| f != own) {
            return true;
        }
        // An integer bound or step that is no 64-bit integer (`maximum: 100.0`).
        let numeric = [
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ];
        if t == "integer"
            && numeric
                .iter()
                .any(|k| map.get(*k).is_some_and(|v| v.is_number() && !v.is_i64()))
        {
            return true;
        }
    }
    if let Some(Value::Array(parts)) = map.get("allOf") {
        // `allOf: [X]` alone (often a `$ref` with a description or default beside it) is X.
        let wrapper = parts.len() == 1 && asserted.is_empty();
        if !wrapper && !parts.iter().all(|part| object_like(doc, part, 0)) {
            return true;
        }
    }
    if let Some(values) = map.get("enum").and_then(Value::as_array) {
        let strings = values.iter().all(|v| v.is_string() || v.is_null());
        let nullable = map.get("nullable") == Some(&Value::Bool(true));
        // `null` listed in an enum allows `null`; the typed enum reads it only when nullable.
        let null_without_nullable = values.iter().any(Value::is_null) && !nullable;
        if !values.iter().any(Value::is_string)
            || !strings
            || null_without_nullable
            || ty.is_some_and(|t| t != "string")
        {
            return true;
        }
    }
    if map.contains_key(CONST_MARK) && ty.is_some_and(|t| t != "string") {
        return true;
    }
    // Declared by the schema's own `properties` or by an `allOf` part merged into the same
    // struct (`{allOf: [$ref: Base], required: [id]}`).
    let declared = |name: &str| declares(doc, raw, name);
    if let Some(required) = map.get("required").and_then(Value::as_array) {
        if !required.iter().filter_map(Value::as_str).all(declared) {
            return true;
        }
    }
    let has_properties = map
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|p| !p.is_empty());
    // Beside `properties` alone an `additionalProperties` schema types the other members;
    // merged with `allOf` parts (which the struct takes the members of) it is checked.
    if map.contains_key("allOf")
        && map
            .get("additionalProperties")
            .is_some_and(Value::is_object)
    {
        return true;
    }
    if ty.is_none() {
        let mut families: Vec<&str> = asserted.iter().filter_map(|k| family(k)).collect();
        families.sort_unstable();
        families.dedup();
        return match families.as_slice() {
            [] => false,
            // The typed path reads an array from `items` (with its counts) and an object from
            // `properties` or `additionalProperties`; other keywords alone need the check.
            ["array"] => !map.contains_key("items") || map.contains_key("enum"),
            ["object"] => {
                // `allOf` parts reaching here are objects the struct merges.
                let typed = has_properties
                    || map.contains_key("additionalProperties")
                    || map.contains_key("allOf");
                !typed || map.contains_key("enum")
            }
            _ => true,
        };
    }
    false
}

/// For a schema that is a `$ref`: the schema it names in this document, if there is one.
fn referenced<'v>(doc: &'v Value, map: &Map<String, Value>) -> Option<Option<&'v Value>> {
    let reference = map.get("$ref").and_then(Value::as_str)?;
    Some(
        reference
            .strip_prefix('#')
            .and_then(|pointer| doc.pointer(pointer)),
    )
}

/// Whether `holds` is true of `raw` or of one of its `allOf` parts, through `$ref`s. A chain
/// deeper than any real document nests is taken as a cycle: false.
fn in_all_of(
    doc: &Value,
    raw: &Value,
    holds: &impl Fn(&Map<String, Value>) -> bool,
    depth: usize,
) -> bool {
    if depth > 32 {
        return false;
    }
    let Some(map) = raw.as_object() else {
        return false;
    };
    if let Some(target) = referenced(doc, map) {
        return target.is_some_and(|t| in_all_of(doc, t, holds, depth + 1));
    }
    holds(map)
        || map
            .get("allOf")
            .and_then(Value::as_array)
            .is_some_and(|parts| parts.iter().any(|p| in_all_of(doc, p, holds, depth + 1)))
}

/// Whether `raw`'s `properties`, or those of its `allOf` parts (through `$ref`s), declare
/// `name`.
fn declares(doc: &Value, raw: &Value, name: &str) -> bool {
    let declared = |map: &Map<String, Value>| {
        map.get("properties")
            .and_then(Value::as_object)
            .is_some_and(|p| p.contains_key(name))
    };
    in_all_of(doc, raw, &declared, 0)
}

/// Whether `raw`, or one of its `allOf` parts (through `$ref`s), states the keyword that
/// evaluates every member (`additionalProperties` other than `false`) or every item (`items`).
/// The typed view keeps `additionalProperties: true` and `{}` as plain any-JSON members, which
/// evaluate nothing, so a `$ref` to such a schema says so itself (see `schema_node`).
fn evaluates_every(doc: &Value, raw: &Value, keyword: &str) -> bool {
    let stated =
        |map: &Map<String, Value>| map.get(keyword).is_some_and(|v| v != &Value::Bool(false));
    in_all_of(doc, raw, &stated, 0)
}

/// Whether any schema object within `value` states `unevaluatedProperties` or
/// `unevaluatedItems` (a member of that name in an `example` counts too: harmless).
pub(super) fn states_unevaluated(value: &Value, depth: usize) -> bool {
    match value {
        _ if depth > 256 => false,
        Value::Object(map) => map.iter().any(|(key, child)| {
            matches!(key.as_str(), "unevaluatedProperties" | "unevaluatedItems")
                || states_unevaluated(child, depth + 1)
        }),
        Value::Array(items) => items.iter().any(|item| states_unevaluated(item, depth + 1)),
        _ => false,
    }
}

/// Whether a schema describes only objects (so an `allOf` of such parts merges into a struct).
/// A chain of references deeper than any real document nests is taken as a cycle and left to
/// the typed path, which reports it.
fn object_like(doc: &Value, raw: &Value, depth: usize) -> bool {
    if depth > 32 {
        return true;
    }
    let Some(map) = raw.as_object() else {
        return false;
    };
    if let Some(target) = referenced(doc, map) {
        return target.is_some_and(|t| object_like(doc, t, depth + 1));
    }
    // Keywords a merged struct would not keep.
    let dropped = [
        "not",
        "anyOf",
        "oneOf",
        "minProperties",
        "maxProperties",
        "enum",
        FALSE_MARK,
    ];
    if dropped.iter().any(|k| map.contains_key(*k))
        || map
            .get("additionalProperties")
            .is_some_and(Value::is_object)
        || map.keys().any(|k| untyped_keyword(k))
    {
        return false;
    }
    if let Some(ty) = map.get("type").and_then(Value::as_str) {
        return ty == "object";
    }
    if let Some(Value::Array(parts)) = map.get("allOf") {
        return parts.iter().all(|p| object_like(doc, p, depth + 1));
    }
    map.contains_key("properties") || map.contains_key("required")
}

impl Converter<'_> {
    /// The checked kind of the schema at `ctx.pointer`, when it needs one.
    pub(super) fn checked_kind(&self, ctx: &Context) -> Result<Option<TypeKind>, Error> {
        match ctx.raw {
            Some(raw) if needs_checked(&self.doc.raw, raw) => {
                Ok(Some(TypeKind::Checked(self.schema_node(raw, ctx)?)))
            }
            _ => Ok(None),
        }
    }

    fn schema_node(&self, raw: &Value, ctx: &Context) -> Result<SchemaNode, Error> {
        let map = match raw {
            Value::Bool(b) => return Ok(SchemaNode::Bool(*b)),
            Value::Object(map) => map,
            _ => {
                return Err(self
                    .doc
                    .error(&ctx.pointer, "a schema must be an object or a boolean"))
            }
        };
        if let Some(reference) = map.get("$ref") {
            let Some(reference) = reference.as_str() else {
                return Err(self
                    .doc
                    .error(&push_token(&ctx.pointer, "$ref"), "`$ref` must be a string"));
            };
            if !reference.starts_with(SCHEMA_PREFIX) {
                return Err(self.doc.error(
                    &push_token(&ctx.pointer, "$ref"),
                    format!("`$ref: {reference}`: a checked schema can refer to #/components/schemas/… only"),
                ));
            }
            let target = SchemaNode::Ref(self.reference(reference, ctx)?);
            // What the target's `additionalProperties` or `items` evaluates, stated beside it
            // (`true` changes nothing else): the generated type cannot say it.
            let every =
                |keyword| self.reads_evaluated && evaluates_every(&self.doc.raw, raw, keyword);
            let (members, items) = (every("additionalProperties"), every("items"));
            if !members && !items {
                return Ok(target);
            }
            return Ok(SchemaNode::Node(Box::new(CheckedNode {
                all_of: vec![target],
                additional_properties: members.then_some(SchemaNode::Bool(true)),
                items: items.then_some(SchemaNode::Bool(true)),
                ..CheckedNode::default()
            })));
        }
        if map.get(FALSE_MARK) == Some(&Value::Bool(true)) {
            return Ok(SchemaNode::Bool(false));
        }
        let mut node = CheckedNode::default();
        for (keyword, value) in map {
            let at = ctx.child(&[keyword], "");
            self.keyword(&mut node, map, keyword, value, &at)?;
        }
        Ok(SchemaNode::Node(Box::new(node)))
    }

    fn keyword(
        &self,
        node: &mut CheckedNode,
        map: &Map<String, Value>,
        keyword: &str,
        value: &Value,
        at: &Context,
    ) -> Result<(), Error> {
        let bad = |what: &str| {
            self.doc
                .error(&at.pointer, format!("`{keyword}` must be {what}"))
        };
        let count = || value.as_u64().ok_or_else(|| bad("a non-negative integer"));
        let number = || -> Result<String, Error> {
            let text = value
                .as_number()
                .map(ToString::to_string)
                .ok_or_else(|| bad("a number"))?;
            // Exactly as the run-time check reads it: a bound a decimal would round is refused.
            payments_runtime::wire::parse_decimal(&text)
                .map_err(|_| bad("a number a decimal holds exactly"))?;
            Ok(text)
        };
        let exclusive = |key: &str| map.get(key) == Some(&Value::Bool(true));
        let schemas = |value: &Value| -> Result<Vec<SchemaNode>, Error> {
            let parts = value.as_array().ok_or_else(|| bad("an array of schemas"))?;
            (0..parts.len())
                .map(|i| self.schema_node(&parts[i], &at.child(&[&i.to_string()], "")))
                .collect()
        };
        match keyword {
            "type" => {
                let name = value.as_str().ok_or_else(|| bad("a type name"))?;
                if ![
                    "null", "boolean", "integer", "number", "string", "array", "object",
                ]
                .contains(&name)
                {
                    return Err(bad(
                        "one of null, boolean, integer, number, string, array, object",
                    ));
                }
                node.types = vec![name.to_owned()];
            }
            "nullable" => node.nullable = value == &Value::Bool(true),
            "enum" => {
                let values = value.as_array().ok_or_else(|| bad("an array"))?;
                let texts: Vec<String> = values.iter().map(Value::to_string).collect();
                if map.get(CONST_MARK) == Some(&Value::Bool(true)) && texts.len() == 1 {
                    node.constant = texts.into_iter().next();
                } else {
                    node.enumeration = Some(texts);
                }
            }
            "minimum" if exclusive("exclusiveMinimum") => node.exclusive_minimum = Some(number()?),
            "maximum" if exclusive("exclusiveMaximum") => node.exclusive_maximum = Some(number()?),
            "minimum" => node.minimum = Some(number()?),
            "maximum" => node.maximum = Some(number()?),
            "exclusiveMinimum" | "exclusiveMaximum" if value.is_boolean() => {}
            "multipleOf" => {
                let step = number()?;
                let positive = payments_runtime::wire::parse_decimal(&step)
                    .is_ok_and(|s| s > rust_decimal::Decimal::ZERO);
                if !positive {
                    return Err(bad("a number above 0"));
                }
                node.multiple_of = Some(step);
            }
            "minLength" => node.min_length = Some(count()?),
            "maxLength" => node.max_length = Some(count()?),
            "pattern" => {
                let pattern = value.as_str().ok_or_else(|| bad("a string"))?;
                payments_runtime::pattern::plan(pattern).map_err(|e| {
                    self.doc.error(
                        &at.pointer,
                        format!("pattern `{pattern}` cannot be used: {e}"),
                    )
                })?;
                node.pattern = Some(pattern.to_owned());
            }
            "format" => node.format = value.as_str().map(str::to_owned),
            "items" => node.items = Some(self.schema_node(value, at)?),
            "minItems" => node.min_items = Some(count()?),
            "maxItems" => node.max_items = Some(count()?),
            "uniqueItems" => node.unique_items = value == &Value::Bool(true),
            "properties" => {
                let properties = value.as_object().ok_or_else(|| bad("an object"))?;
                for (name, schema) in properties {
                    let schema = self.schema_node(schema, &at.child(&[name], ""))?;
                    node.properties.push((name.clone(), schema));
                }
            }
            "required" => {
                let names = value.as_array().ok_or_else(|| bad("an array of names"))?;
                for name in names {
                    node.required.push(
                        name.as_str()
                            .ok_or_else(|| bad("an array of names"))?
                            .to_owned(),
                    );
                }
            }
            "additionalProperties" => {
                node.additional_properties = Some(self.schema_node(value, at)?)
            }
            "minProperties" => node.min_properties = Some(count()?),
            "maxProperties" => node.max_properties = Some(count()?),
            "allOf" => node.all_of = schemas(value)?,
            "anyOf" => node.any_of = schemas(value)?,
            "oneOf" => {
                node.one_of = schemas(value)?;
                // Strict requests, lenient responses, as for typed unions.
                node.one_of_lenient = at.direction == super::Direction::Response;
            }
            "not" => node.not = Some(self.schema_node(value, at)?),
            "prefixItems" => node.prefix_items = schemas(value)?,
            "contains" => node.contains = Some(self.schema_node(value, at)?),
            "minContains" => node.min_contains = Some(count()?),
            "maxContains" => node.max_contains = Some(count()?),
            "patternProperties" => {
                let patterns = value.as_object().ok_or_else(|| bad("an object"))?;
                for (pattern, schema) in patterns {
                    let at = at.child(&[pattern], "");
                    payments_runtime::pattern::plan(pattern).map_err(|e| {
                        self.doc.error(
                            &at.pointer,
                            format!("pattern `{pattern}` cannot be used: {e}"),
                        )
                    })?;
                    let schema = self.schema_node(schema, &at)?;
                    node.pattern_properties.push((pattern.clone(), schema));
                }
            }
            "propertyNames" => node.property_names = Some(self.schema_node(value, at)?),
            "dependentRequired" => {
                let dependencies = value.as_object().ok_or_else(|| bad("an object"))?;
                for (name, needed) in dependencies {
                    let names = needed
                        .as_array()
                        .and_then(|list| {
                            list.iter()
                                .map(|n| n.as_str().map(str::to_owned))
                                .collect::<Option<Vec<String>>>()
                        })
                        .ok_or_else(|| bad("an object of arrays of member names"))?;
                    node.dependent_required.push((name.clone(), names));
                }
            }
            "dependentSchemas" => {
                let dependencies = value.as_object().ok_or_else(|| bad("an object"))?;
                for (name, schema) in dependencies {
                    let schema = self.schema_node(schema, &at.child(&[name], ""))?;
                    node.dependent_schemas.push((name.clone(), schema));
                }
            }
            "if" => node.if_schema = Some(self.schema_node(value, at)?),
            "then" => node.then_schema = Some(self.schema_node(value, at)?),
            "else" => node.else_schema = Some(self.schema_node(value, at)?),
            "unevaluatedItems" => node.unevaluated_items = Some(self.schema_node(value, at)?),
            "unevaluatedProperties" => {
                node.unevaluated_properties = Some(self.schema_node(value, at)?)
            }
            k if k.starts_with("x-") || ANNOTATIONS.contains(&k) => {}
            other => {
                return Err(self.doc.error(
                    &at.pointer,
                    format!(
                    "the keyword `{other}` is not supported: no generated check would enforce it"
                ),
                ))
            }
        }
        Ok(())
    }
}
