//! The comparison point (b): the same body schema as a JSON Schema document for the
//! `jsonschema` crate, built from the spec's `components.schemas`.
//!
//! Every component becomes a `$defs` entry (`#/components/schemas/X` → `#/$defs/X`) and the body
//! is `{"$ref": "#/$defs/CreatePaymentRequest", "$defs": {…}}`. OpenAPI 3.0 → JSON Schema
//! 2020-12: `nullable: true` adds `"null"` to `type`; `example` and `x-*` annotations are
//! dropped; everything else (`type`, `required`, `properties`, `additionalProperties`, `items`,
//! `enum`, `pattern`, `minimum`, `multipleOf`, `format`, `allOf`, …) is kept as written.
//! Formats are asserted, as `parse` does: `date-time` by the crate, and the two OpenAPI formats
//! `parse` checks by custom checks with the same acceptance: `byte` (base64, standard alphabet,
//! padding correct or absent) and `decimal` (a decimal in a string). `bigint` is an annotation.
//!
//! One difference is kept on purpose: a response enum is checked as documented here, while the
//! generated response types accept an undocumented value; the payloads benchmarked use
//! documented values only, so both do the same work.

use serde_json::{json, Map, Value};

/// The JSON Schema of the component `body` of the OpenAPI document `spec`.
pub fn body_schema(spec: &Value, body: &str) -> Value {
    let components = spec["components"]["schemas"]
        .as_object()
        .expect("components.schemas");
    let defs: Map<String, Value> = components
        .iter()
        .map(|(name, schema)| (name.clone(), convert(schema)))
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/$defs/{body}"),
        "$defs": defs,
    })
}

/// One OpenAPI schema object → JSON Schema.
fn convert(schema: &Value) -> Value {
    let Value::Object(members) = schema else {
        return schema.clone();
    };
    let mut out = Map::new();
    for (key, value) in members {
        let converted = match key.as_str() {
            "nullable" | "example" => continue,
            key if key.starts_with("x-") => continue,
            "$ref" => Value::String(
                value
                    .as_str()
                    .expect("$ref is a string")
                    .replace("#/components/schemas/", "#/$defs/"),
            ),
            // Maps from member names to schemas: the names are not keywords.
            "properties" => Value::Object(
                value
                    .as_object()
                    .expect("properties is an object")
                    .iter()
                    .map(|(name, schema)| (name.clone(), convert(schema)))
                    .collect(),
            ),
            "items" | "additionalProperties" | "not" => convert(value),
            "allOf" | "anyOf" | "oneOf" => Value::Array(
                value
                    .as_array()
                    .expect("an array")
                    .iter()
                    .map(convert)
                    .collect(),
            ),
            // Annotations and keyword values that are data, not schemas.
            _ => value.clone(),
        };
        out.insert(key.clone(), converted);
    }
    if members.get("nullable") == Some(&Value::Bool(true)) {
        if let Some(Value::String(ty)) = out.get("type").cloned() {
            out.insert("type".to_owned(), json!([ty, "null"]));
        }
    }
    Value::Object(out)
}

/// A validator for `schema` asserting formats as `parse` does.
pub fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .with_format("byte", is_base64)
        .with_format("decimal", is_decimal)
        .build(schema)
        .expect("a valid JSON Schema")
}

/// `format: byte` as `payments_runtime::Base64` accepts it.
fn is_base64(text: &str) -> bool {
    use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
    use base64::engine::DecodePaddingMode;
    use base64::Engine as _;
    const DECODER: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    DECODER.decode(text.as_bytes()).is_ok()
}

/// `format: decimal`: a decimal `Decimal` holds exactly.
fn is_decimal(text: &str) -> bool {
    rust_decimal::Decimal::from_str_exact(text).is_ok()
}
