//! OpenAPI 3.1 → 3.0: rewrites the schema keywords 3.1 took from JSON Schema 2020-12 into
//! their 3.0 forms, so one converter serves both versions.
//!
//! - `type: [T, "null"]` → `type: T, nullable: true`; several non-null types → `anyOf` of each
//! - `type: "null"` alone is kept: the converter maps it to the unit JSON value
//! - `const: v` → `enum: [v]`
//! - `examples: [a, …]` (in a schema) → `example: a`
//! - numeric `exclusiveMinimum: n` → `minimum: n, exclusiveMinimum: true` (same for maximum)
//! - `oneOf`/`anyOf` with a `{type: "null"}` branch → the other branch(es) with `nullable: true`
//!
//! In both versions, a boolean schema (`true`, `false`, which JSON Schema allows wherever a
//! schema may stand) becomes `{}` or `{not: {}}` (marked, see [`FALSE_MARK`]), and a count keyword (`minLength`, `maxItems`, …) written as an integral number
//! (`2.0`, `2e0`) becomes that integer: JSON Schema defines its value as an integer, which `2.0`
//! is, and the typed OpenAPI view takes only integer text.
//!
//! Only schemas are rewritten: they are found by the document's structure (`schema` members
//! and `components/schemas`, then each schema's subschemas). Example values, Example objects
//! and `x-` extensions are data and stay as written, and in a map of named items (parameters,
//! media types, responses, …) a name is a name, even `example` or `schema`.

use serde_json::{Map, Value};

/// Rewrites a 3.1 document in place and marks it 3.0.3.
pub fn openapi_31_to_30(doc: &mut Value) {
    walk(doc, Version::V31);
    if let Some(version) = doc.get_mut("openapi") {
        *version = Value::String("3.0.3".to_owned());
    }
}

/// Rewrites what a 3.0 document needs: integral count keywords.
pub fn openapi_30(doc: &mut Value) {
    walk(doc, Version::V30);
}

#[derive(Clone, Copy, PartialEq)]
enum Version {
    V30,
    V31,
}

/// The members whose value maps names (of paths, responses, parameters, media types, …) to
/// objects: a name there is not a keyword, whatever it is (a parameter named `example`, a
/// media type named `examples`).
const NAMED_MAPS: &[&str] = &[
    "paths",
    "webhooks",
    "pathItems",
    "responses",
    "parameters",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "content",
    "encoding",
    "variables",
];

/// Finds every schema position of the document's objects: values of `schema` keys and of
/// `schemas` maps. Example values, Example objects and extensions are data, left as written
/// (an example `{"schema": true}` is not a boolean schema).
fn walk(value: &mut Value, version: Version) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match key.as_str() {
                    "schema" => schema(child, version),
                    "schemas" => {
                        if let Value::Object(schemas) = child {
                            schemas.values_mut().for_each(|s| schema(s, version));
                        }
                    }
                    "example" | "examples" => {}
                    extension if extension.starts_with("x-") => {}
                    // A callback maps names to maps of expressions to path items.
                    "callbacks" => named(child, version, |callback, version| {
                        named(callback, version, walk)
                    }),
                    map if NAMED_MAPS.contains(&map) => named(child, version, walk),
                    _ => walk(child, version),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| walk(v, version)),
        _ => {}
    }
}

/// Each item of a map of named items, by `each`, whatever its name; anything else (an
/// operation's `parameters` list) by [`walk`].
fn named(value: &mut Value, version: Version, each: fn(&mut Value, Version)) {
    match value {
        Value::Object(items) => items.values_mut().for_each(|item| each(item, version)),
        other => walk(other, version),
    }
}

/// The extension a `false` schema becomes `{not: {}}` with, so that its violation says `false`.
pub const FALSE_MARK: &str = "x-payments-false";

/// A boolean schema (`true`: any value; `false`: none) as the schema object the typed view
/// reads: `{}`, or `{not: {}}` marked as `false`.
fn boolean_schema(value: &mut Value) {
    if let Value::Bool(allowed) = *value {
        *value = if allowed {
            Value::Object(Map::new())
        } else {
            serde_json::json!({"not": {}, FALSE_MARK: true})
        };
    }
}

/// The keywords whose value JSON Schema defines as a non-negative integer.
const COUNTS: &[&str] = &[
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
    "minContains",
    "maxContains",
];

/// `2.0` (or `2e0`, `20e-1`) → `2` for each count keyword; anything else is left for the typed
/// view to refuse at its pointer.
fn integral_counts(map: &mut Map<String, Value>) {
    for (key, value) in map.iter_mut() {
        let Value::Number(n) = value else {
            continue;
        };
        if n.is_u64() || !COUNTS.contains(&key.as_str()) {
            continue;
        }
        if let Some(whole) = integral(&n.to_string()) {
            *value = Value::Number(whole.into());
        }
    }
}

/// The value of a JSON number's text when it is a whole number that fits a `u64`.
fn integral(text: &str) -> Option<u64> {
    let decimal = rust_decimal::Decimal::from_scientific(text)
        .or_else(|_| text.parse::<rust_decimal::Decimal>())
        .ok()?;
    if decimal.fract().is_zero() && !decimal.is_sign_negative() {
        u64::try_from(decimal.trunc()).ok()
    } else {
        None
    }
}

/// The extension `const: v` leaves beside the `enum: [v]` it becomes, so that a violation is
/// reported with the keyword the document states.
pub const CONST_MARK: &str = "x-payments-const";

fn schema(value: &mut Value, version: Version) {
    boolean_schema(value);
    let Value::Object(map) = value else { return };
    integral_counts(map);
    if version == Version::V31 {
        rewrite_31(map);
    }
    // The subschemas, found in one pass over the members (a schema has few; looking up each
    // keyword that may hold one was most of normalizing a large document).
    for (key, child) in map.iter_mut() {
        match key.as_str() {
            // `additionalProperties: true/false` is the OpenAPI 3.0 form too.
            "additionalProperties" if child.is_boolean() => {}
            "items"
            | "additionalProperties"
            | "not"
            | "contains"
            | "propertyNames"
            | "if"
            | "then"
            | "else"
            | "unevaluatedItems"
            | "unevaluatedProperties" => schema(child, version),
            "properties" | "patternProperties" | "dependentSchemas" | "$defs" | "definitions" => {
                if let Value::Object(children) = child {
                    children.values_mut().for_each(|s| schema(s, version));
                }
            }
            "allOf" | "oneOf" | "anyOf" | "prefixItems" => {
                if let Value::Array(children) = child {
                    children.iter_mut().for_each(|s| schema(s, version));
                }
            }
            _ => {}
        }
    }
}

/// The 3.1 keywords of one schema in their 3.0 form.
fn rewrite_31(map: &mut Map<String, Value>) {
    ref_with_siblings(map);
    rewrite_type_array(map);
    if let Some(constant) = map.remove("const") {
        // Beside an `enum`, both apply: the one value, if the enum lists it (JSON equality:
        // `1` is `1.0`), else none.
        let values = match map.remove("enum") {
            Some(Value::Array(listed)) if !listed.iter().any(|v| json_equal(v, &constant)) => {
                Vec::new()
            }
            _ => vec![constant],
        };
        map.insert("enum".to_owned(), Value::Array(values));
        map.insert(CONST_MARK.to_owned(), Value::Bool(true));
    }
    if let Some(Value::Array(mut examples)) = map.remove("examples") {
        if !examples.is_empty() && !map.contains_key("example") {
            map.insert("example".to_owned(), examples.swap_remove(0));
        }
    }
    for (exclusive, bound, tighter) in [
        ("exclusiveMinimum", "minimum", std::cmp::Ordering::Greater),
        ("exclusiveMaximum", "maximum", std::cmp::Ordering::Less),
    ] {
        let Some(n) = map.get(exclusive).filter(|v| v.is_number()).cloned() else {
            continue;
        };
        // Both apply: the 3.0 form holds one bound, so keep the tighter (the exclusive one
        // when they are equal).
        let inclusive = map.get(bound).and_then(decimal);
        let keep_inclusive = match (inclusive, decimal(&n)) {
            (Some(inclusive), Some(excl)) => inclusive.cmp(&excl) == tighter,
            _ => false,
        };
        if keep_inclusive {
            map.remove(exclusive);
        } else {
            map.insert(bound.to_owned(), n);
            map.insert(exclusive.to_owned(), Value::Bool(true));
        }
    }
    for combinator in ["oneOf", "anyOf"] {
        drop_null_branch(map, combinator);
    }
}

/// Keywords that assert nothing (annotations, and OpenAPI's own).
pub const ANNOTATIONS: &[&str] = &[
    "title",
    "description",
    "example",
    "examples",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "xml",
    "externalDocs",
    "discriminator",
    "nullable",
    "$comment",
    "$schema",
    "$id",
    "$anchor",
    "$dynamicAnchor",
    "$vocabulary",
    "$defs",
    "definitions",
    "contentMediaType",
    "contentEncoding",
    "contentSchema",
];

/// `{$ref: X, maximum: 1000}` (2020-12: both apply) → `{allOf: [{$ref: X}], maximum: 1000}`,
/// the form the 3.0 view reads. A `$ref` beside annotations only is left alone.
fn ref_with_siblings(map: &mut Map<String, Value>) {
    let asserting = map.contains_key("$ref")
        && map
            .keys()
            .any(|k| k != "$ref" && !k.starts_with("x-") && !ANNOTATIONS.contains(&k.as_str()));
    if !asserting {
        return;
    }
    if let Some(reference) = map.remove("$ref") {
        let part = Value::Object(Map::from_iter([("$ref".to_owned(), reference)]));
        match map.get_mut("allOf") {
            Some(Value::Array(parts)) => parts.insert(0, part),
            _ => {
                map.insert("allOf".to_owned(), Value::Array(vec![part]));
            }
        }
    }
}

/// A JSON number's exact decimal value, read as the run-time checks read it.
fn decimal(value: &Value) -> Option<rust_decimal::Decimal> {
    payments_runtime::wire::parse_decimal(&value.as_number()?.to_string()).ok()
}

/// JSON Schema's equality of two values (numbers by value).
fn json_equal(a: &Value, b: &Value) -> bool {
    payments_runtime::schema::json_equal(
        &payments_runtime::Json::from(a),
        &payments_runtime::Json::from(b),
    )
}

fn is_null_schema(value: &Value) -> bool {
    value.get("type").and_then(Value::as_str) == Some("null")
}

fn rewrite_type_array(map: &mut Map<String, Value>) {
    let Some(Value::Array(types)) = map.get("type") else {
        return;
    };
    let has_null = types.iter().any(|t| t.as_str() == Some("null"));
    let others: Vec<Value> = types
        .iter()
        .filter(|t| t.as_str() != Some("null"))
        .cloned()
        .collect();
    match others.len() {
        0 => {
            map.insert("type".to_owned(), Value::String("null".to_owned()));
        }
        1 => {
            map.insert("type".to_owned(), others[0].clone());
        }
        _ => {
            map.remove("type");
            let branches = others
                .into_iter()
                .map(|t| Value::Object(Map::from_iter([("type".to_owned(), t)])))
                .collect();
            map.insert("anyOf".to_owned(), Value::Array(branches));
        }
    }
    // An `enum` or `const` that does not allow `null` still rules it out.
    let values_allow_null = match (map.get("enum"), map.get("const")) {
        (_, Some(constant)) => constant.is_null(),
        (Some(Value::Array(values)), None) => values.iter().any(Value::is_null),
        _ => true,
    };
    if has_null && values_allow_null && map.get("type").and_then(Value::as_str) != Some("null") {
        map.insert("nullable".to_owned(), Value::Bool(true));
    }
}

fn drop_null_branch(map: &mut Map<String, Value>, combinator: &str) {
    let Some(Value::Array(branches)) = map.get_mut(combinator) else {
        return;
    };
    let before = branches.len();
    branches.retain(|b| !is_null_schema(b));
    if branches.len() == before || branches.is_empty() {
        return;
    }
    map.insert("nullable".to_owned(), Value::Bool(true));
    if let Some(Value::Array(branches)) = map.get(combinator) {
        if branches.len() == 1 && !map.contains_key("allOf") {
            // `oneOf: [X, null]` is "X or null": express it as `allOf: [X]` + nullable.
            let only = branches[0].clone();
            map.remove(combinator);
            map.insert("allOf".to_owned(), Value::Array(vec![only]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn normalized(schema_value: Value) -> Value {
        let mut doc = json!({"openapi": "3.1.0", "components": {"schemas": {"S": schema_value}}});
        openapi_31_to_30(&mut doc);
        assert_eq!(doc["openapi"], "3.0.3");
        doc["components"]["schemas"]["S"].take()
    }

    #[test]
    fn schemas_are_found_by_the_document_s_structure_and_data_is_left_as_written() {
        let nullable = json!({"type": ["string", "null"]});
        let rewritten = json!({"type": "string", "nullable": true});
        // Data that looks like schemas: an example value, an Example object, an extension.
        let data = json!({"schema": true, "properties": {"a": {"type": ["string", "null"]}}});
        let mut doc = json!({
            "openapi": "3.1.0",
            "x-tooling": {"schema": {"minLength": 2.0}},
            "paths": {"/a": {
                "parameters": [{"name": "q", "in": "query", "schema": nullable}],
                "post": {
                    "requestBody": {"content": {
                        "application/json": {
                            "schema": nullable,
                            "example": data,
                            "examples": {"one": {"value": data}}
                        },
                        // A media type named like a keyword is still a media type.
                        "examples": {"schema": nullable}
                    }},
                    "responses": {"200": {
                        "headers": {"schema": {"schema": nullable}},
                        "content": {"application/json": {"schema": nullable}}
                    }},
                    "callbacks": {"done": {"{$request.body#/url}": {"post": {
                        "requestBody": {"content": {"application/json": {"schema": nullable}}},
                        "responses": {}
                    }}}}
                }
            }},
            "components": {
                "parameters": {"example": {"name": "e", "in": "query", "schema": nullable}},
                "examples": {"x": {"value": data}}
            }
        });
        openapi_31_to_30(&mut doc);
        let op = &doc["paths"]["/a"]["post"];
        for at in [
            &doc["paths"]["/a"]["parameters"][0]["schema"],
            &op["requestBody"]["content"]["application/json"]["schema"],
            &op["requestBody"]["content"]["examples"]["schema"],
            &op["responses"]["200"]["headers"]["schema"]["schema"],
            &op["responses"]["200"]["content"]["application/json"]["schema"],
            &op["callbacks"]["done"]["{$request.body#/url}"]["post"]["requestBody"]["content"]
                ["application/json"]["schema"],
            &doc["components"]["parameters"]["example"]["schema"],
        ] {
            assert_eq!(at, &rewritten);
        }
        let media = &op["requestBody"]["content"]["application/json"];
        assert_eq!(media["example"], data);
        assert_eq!(media["examples"]["one"]["value"], data);
        assert_eq!(doc["components"]["examples"]["x"]["value"], data);
        assert_eq!(doc["x-tooling"], json!({"schema": {"minLength": 2.0}}));
    }

    #[test]
    fn integral_counts_become_integers_in_both_versions() {
        assert_eq!(
            normalized(json!({"type": "string", "minLength": 2.0, "maxLength": 3e0,
                              "properties": {"a": {"type": "array", "maxItems": 20e-1}}})),
            json!({"type": "string", "minLength": 2, "maxLength": 3,
                   "properties": {"a": {"type": "array", "maxItems": 2}}})
        );
        let mut doc = json!({"openapi": "3.0.3", "components": {"schemas": {
            "S": {"type": "object", "minProperties": 1.0, "maxProperties": 2.5}}}});
        openapi_30(&mut doc);
        assert_eq!(
            doc["components"]["schemas"]["S"],
            json!({"type": "object", "minProperties": 1, "maxProperties": 2.5}),
            "2.5 is no integer: left for the typed view to refuse at its pointer"
        );
    }

    #[test]
    fn type_array_with_null_becomes_nullable() {
        assert_eq!(
            normalized(json!({"type": ["string", "null"]})),
            json!({"type": "string", "nullable": true})
        );
    }

    #[test]
    fn several_types_become_any_of() {
        assert_eq!(
            normalized(json!({"type": ["string", "integer"]})),
            json!({"anyOf": [{"type": "string"}, {"type": "integer"}]})
        );
    }

    #[test]
    fn const_examples_and_numeric_exclusive_bounds() {
        assert_eq!(
            normalized(
                json!({"type": "integer", "const": 3, "examples": [3], "exclusiveMinimum": 0})
            ),
            json!({"type": "integer", "enum": [3], "x-payments-const": true, "example": 3,
                   "minimum": 0, "exclusiveMinimum": true})
        );
    }

    #[test]
    fn assertions_beside_a_ref_apply_too() {
        assert_eq!(
            normalized(json!({"$ref": "#/components/schemas/Amount", "maximum": 1000})),
            json!({"allOf": [{"$ref": "#/components/schemas/Amount"}], "maximum": 1000})
        );
        assert_eq!(
            normalized(json!({"$ref": "#/components/schemas/Amount", "description": "d"})),
            json!({"$ref": "#/components/schemas/Amount", "description": "d"}),
            "annotations beside a $ref change nothing"
        );
    }

    #[test]
    fn the_tighter_of_two_lower_bounds_is_kept() {
        assert_eq!(
            normalized(json!({"type": "number", "minimum": 10, "exclusiveMinimum": 0})),
            json!({"type": "number", "minimum": 10})
        );
        assert_eq!(
            normalized(json!({"type": "number", "minimum": 0, "exclusiveMinimum": 10})),
            json!({"type": "number", "minimum": 10, "exclusiveMinimum": true})
        );
        assert_eq!(
            normalized(json!({"type": "number", "maximum": 5, "exclusiveMaximum": 5})),
            json!({"type": "number", "maximum": 5, "exclusiveMaximum": true})
        );
    }

    #[test]
    fn null_in_a_type_array_does_not_pass_an_enum_that_leaves_it_out() {
        assert_eq!(
            normalized(json!({"type": ["string", "null"], "enum": ["a"]})),
            json!({"type": "string", "enum": ["a"]})
        );
        assert_eq!(
            normalized(json!({"type": ["string", "null"], "enum": ["a", null]})),
            json!({"type": "string", "enum": ["a", null], "nullable": true})
        );
    }

    #[test]
    fn const_beside_enum_keeps_the_one_value_both_allow() {
        assert_eq!(
            normalized(json!({"enum": [1.0], "const": 1})),
            json!({"enum": [1], "x-payments-const": true}),
            "1 and 1.0 are the same value"
        );
        assert_eq!(
            normalized(json!({"enum": ["a", "b"], "const": "b"})),
            json!({"enum": ["b"], "x-payments-const": true})
        );
        assert_eq!(
            normalized(json!({"enum": ["a"], "const": "b"})),
            json!({"enum": [], "x-payments-const": true})
        );
    }

    #[test]
    fn nested_schemas_are_rewritten() {
        let out = normalized(
            json!({"type": "object", "properties": {"a": {"type": ["integer", "null"]}},
            "items": {"const": "x"}}),
        );
        assert_eq!(
            out["properties"]["a"],
            json!({"type": "integer", "nullable": true})
        );
        assert_eq!(
            out["items"],
            json!({"enum": ["x"], "x-payments-const": true})
        );
    }

    #[test]
    fn one_of_with_null_branch() {
        assert_eq!(
            normalized(json!({"oneOf": [{"$ref": "#/components/schemas/A"}, {"type": "null"}]})),
            json!({"allOf": [{"$ref": "#/components/schemas/A"}], "nullable": true})
        );
    }

    #[test]
    fn property_named_const_is_not_a_keyword() {
        let out =
            normalized(json!({"type": "object", "properties": {"const": {"type": "string"}}}));
        assert_eq!(out["properties"]["const"], json!({"type": "string"}));
    }
}
