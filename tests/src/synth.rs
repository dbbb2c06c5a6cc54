//! Builds an instance of a schema from an official spec, using the spec's own `example`s wherever
//! it has them and the simplest valid value elsewhere (first enum value, a string matching the
//! pattern, the minimum, …). Official specs put their examples on properties, not on whole
//! payloads; this assembles them into payloads.

use serde_json::{json, Map, Value};

/// Candidate strings tried, in order, for a string with a `pattern`.
const PATTERN_CANDIDATES: &[&str] = &[
    "USD",
    "USD/2",
    "SALA",
    "abc",
    "A",
    "a",
    "1",
    "x-1",
    "2023-11-07",
];

/// An instance of `schema` (a schema object or a `$ref`) within `doc`.
pub fn instance(doc: &Value, schema: &Value) -> Value {
    build(doc, schema, 0).unwrap_or(Value::Null)
}

fn build(doc: &Value, schema: &Value, depth: usize) -> Option<Value> {
    if depth > 12 {
        return None;
    }
    let schema = crate::resolve(doc, schema);
    if let Some(example) = schema.get("example") {
        return Some(example.clone());
    }
    if let Some(Value::Array(values)) = schema.get("enum") {
        return values.iter().find(|v| !v.is_null()).cloned();
    }
    // Object parts are merged first, so that a part's `required` applies to the members
    // another part declares.
    if let Some(merged) = merged_object(doc, schema, 0) {
        return build(doc, &merged, depth);
    }
    if let Some(Value::Array(parts)) = schema.get("allOf") {
        let mut merged = Map::new();
        for part in parts {
            match build(doc, part, depth + 1)? {
                Value::Object(fields) => merged.extend(fields),
                other if parts.len() == 1 => return Some(other),
                _ => return None,
            }
        }
        return Some(Value::Object(merged));
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(branches)) = schema.get(key) {
            let (branch, mut value) = branches
                .iter()
                .find_map(|b| Some((b, build(doc, b, depth + 1)?)))?;
            if let (Some(tag), Value::Object(fields)) =
                (discriminator_value(schema, branch), &mut value)
            {
                fields.insert(tag.0, Value::String(tag.1));
            }
            return Some(value);
        }
    }
    // A 3.1 type array: its first type other than null (a value of it, not null, is built).
    let kind = match schema.get("type") {
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .or(Some("null")),
        other => other.and_then(Value::as_str),
    };
    match kind {
        Some("null") => Some(Value::Null),
        Some("string") => Some(string(schema)),
        Some("integer") => Some(schema.get("minimum").cloned().unwrap_or(json!(1))),
        Some("number") => Some(schema.get("minimum").cloned().unwrap_or(json!(1.5))),
        Some("boolean") => Some(json!(true)),
        Some("array") => {
            let item = schema.get("items").and_then(|i| build(doc, i, depth + 1));
            Some(Value::Array(item.into_iter().collect()))
        }
        Some("object") | None if schema.get("properties").is_some() => {
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut object = Map::new();
            for (name, property) in schema
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                // Optional members are included near the top, left out deeper to stop recursion.
                if depth > 4 && !required.contains(&name.as_str()) {
                    continue;
                }
                // An optional readOnly or writeOnly member is not a member of one direction's
                // type, so a payload carrying it would not come back the same.
                if !required.contains(&name.as_str()) && access_marked(doc, property) {
                    continue;
                }
                match build(doc, property, depth + 1) {
                    Some(value) => {
                        object.insert(name.clone(), value);
                    }
                    None if required.contains(&name.as_str()) => return None,
                    None => {}
                }
            }
            Some(Value::Object(object))
        }
        Some("object") => Some(json!({})),
        _ => Some(json!({})),
    }
}

/// An `allOf` whose parts are all objects (through `$ref`s and nested `allOf`s), as one
/// object schema: every part's `properties` and `required` together.
fn merged_object(doc: &Value, schema: &Value, depth: usize) -> Option<Value> {
    let parts = schema.get("allOf")?.as_array()?;
    if depth > 12 || schema.get("example").is_some() {
        return None;
    }
    let mut properties = Map::new();
    let mut required: Vec<Value> = Vec::new();
    let mut add = |object: &Value| {
        if let Some(Value::Object(declared)) = object.get("properties") {
            properties.extend(declared.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        if let Some(Value::Array(names)) = object.get("required") {
            required.extend(names.iter().cloned());
        }
    };
    add(schema);
    for part in parts {
        let part = crate::resolve(doc, part);
        if part.get("allOf").is_some() {
            add(&merged_object(doc, part, depth + 1)?);
        } else if part.get("properties").is_some() || part.get("type") == Some(&json!("object")) {
            add(part);
        } else {
            return None;
        }
    }
    Some(json!({"type": "object", "properties": properties, "required": required}))
}

/// Whether a member schema is marked readOnly or writeOnly, itself or where its `$ref` leads.
fn access_marked(doc: &Value, member: &Value) -> bool {
    [member, crate::resolve(doc, member)].iter().any(|s| {
        ["readOnly", "writeOnly"]
            .iter()
            .any(|k| s.get(k) == Some(&Value::Bool(true)))
    })
}

/// The discriminator member and the value that selects `branch`: its `mapping` key, else the
/// referenced schema's name.
fn discriminator_value(schema: &Value, branch: &Value) -> Option<(String, String)> {
    let discriminator = schema.get("discriminator")?;
    let property = discriminator.get("propertyName")?.as_str()?.to_owned();
    let reference = branch.get("$ref")?.as_str()?;
    let mapped = discriminator
        .get("mapping")
        .and_then(Value::as_object)
        .and_then(|m| {
            m.iter()
                .find(|(_, target)| target.as_str() == Some(reference))
        })
        .map(|(key, _)| key.clone());
    let value = mapped.or_else(|| reference.rsplit('/').next().map(str::to_owned))?;
    Some((property, value))
}

fn string(schema: &Value) -> Value {
    match schema.get("format").and_then(Value::as_str) {
        Some("date-time") => return json!("2023-11-07T05:31:56Z"),
        Some("date") => return json!("2023-11-07"),
        Some("byte") => return json!("aSDinaTvuI8gbWludGxpZnk="),
        Some("decimal") => return json!("12.50"),
        _ => {}
    }
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
        if let Ok(regex) = payments_runtime::pattern::compile(pattern) {
            // The alternatives of a pattern such as `payTo|upi_collect`, then the fixed list.
            let alternatives = pattern
                .trim_start_matches('^')
                .trim_end_matches('$')
                .split('|')
                .map(str::to_owned);
            if let Some(found) = alternatives
                .chain(PATTERN_CANDIDATES.iter().map(|c| (*c).to_owned()))
                .find(|c| regex.is_match(c) == Some(true))
            {
                return json!(found);
            }
        }
    }
    let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
    json!("x".repeat(min.max(1)))
}
