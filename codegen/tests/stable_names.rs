//! Generated names are stable when a spec grows: adding a member, an inline object or a schema
//! renames no unrelated type. Each bundled spec and each official spec of `../shared/real-specs/`
//! is generated before and after an insertion into its first object schema, and every name of
//! before must still name the type at the same JSON Pointer after.

use payments_codegen::{convert, load};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every generated type as (pointer, name); a pointer may name two types (a schema's request
/// and response variants).
fn names(doc: &Value) -> BTreeSet<(String, String)> {
    let text = serde_json::to_string(doc).expect("a JSON value serializes");
    let doc = load::parse(Path::new("spec.json"), &text).expect("the spec loads");
    let space = convert::convert(&doc).expect("the spec converts");
    space
        .types()
        .iter()
        .map(|def| (def.pointer.clone(), def.name.clone()))
        .collect()
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("the spec is readable");
    if path.extension().is_some_and(|e| e == "json") {
        serde_json::from_str(&text).expect("the spec is JSON")
    } else {
        serde_norway::from_str(&text).expect("the spec is YAML")
    }
}

/// The name of the first component schema (in the order conversion sees it) that declares
/// `properties`.
fn first_object_schema(doc: &Value) -> String {
    doc.pointer("/components/schemas")
        .and_then(Value::as_object)
        .and_then(|schemas| {
            schemas
                .iter()
                .find(|(_, schema)| schema.get("properties").is_some_and(Value::is_object))
        })
        .map(|(name, _)| name.clone())
        .expect("the spec has an object schema")
}

/// The insertions, each into the first object schema: an inline object holding an inline
/// enum, an inline object and a `$ref` to the last component schema (which changes the order
/// in which schemas are first reached), and a new component schema besides.
/// Returns the grown document and the pointer of the schema the new `$ref` reaches.
fn grown(doc: &Value, early: &str) -> (Value, String) {
    let mut doc = doc.clone();
    let last = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .and_then(|schemas| schemas.keys().next_back().cloned())
        .expect("the spec has schemas");
    let reached = format!("/components/schemas/{}", escape(&last));
    let target = format!("#{reached}");
    let member = json!({
        "type": "object",
        "properties": {
            "kind": {"type": "string", "enum": ["first", "second"]},
            "detail": {"type": "object", "properties": {"note": {"type": "string"}}},
            "later": {"$ref": target},
        },
    });
    let pointer = format!("/components/schemas/{}/properties", escape(early));
    if let Some(Value::Object(properties)) = doc.pointer_mut(&pointer) {
        properties.insert("zz_inserted_member".into(), member);
    }
    if let Some(Value::Object(schemas)) = doc.pointer_mut("/components/schemas") {
        schemas.insert(
            "ZzInsertedSchema".into(),
            json!({"type": "object", "properties": {"mode": {"type": "string", "enum": ["x"]}}}),
        );
    }
    (doc, reached)
}

/// A JSON Pointer reference token (RFC 6901).
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn assert_stable(label: &str, doc: &Value) {
    let early = first_object_schema(doc);
    let before = names(doc);
    let (grown, reached) = grown(doc, &early);
    let after = names(&grown);
    let lost: Vec<_> = before.difference(&after).collect();
    assert!(
        lost.is_empty(),
        "{label}: inserting into {early} renamed {} types, the first: {:?}",
        lost.len(),
        &lost[..lost.len().min(5)]
    );
    // New: the inserted types, and the schema the new `$ref` reaches may gain the variant of
    // the direction it is now used in (a request schema reached from a response gets its
    // `…Response` twin).
    let added: BTreeMap<_, _> = after.difference(&before).cloned().collect();
    let inserted = added
        .values()
        .filter(|name| name.contains("ZzInserted"))
        .count();
    let unexpected: Vec<_> = added
        .iter()
        .filter(|(pointer, name)| !name.contains("ZzInserted") && !pointer.starts_with(&reached))
        .collect();
    assert!(
        inserted == 5 && unexpected.is_empty(),
        "{label}: only the inserted types are new: {added:?}"
    );
}

#[test]
fn bundled_specs_keep_every_name_when_a_schema_grows() {
    let mut seen = 0;
    let specs = std::fs::read_dir(root().join("specs")).expect("specs/ is readable");
    for entry in specs {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            assert_stable(&path.display().to_string(), &read(&path));
            seen += 1;
        }
    }
    assert_eq!(seen, 5, "the five bundled provider documents");
}

#[test]
fn official_specs_keep_every_name_when_a_schema_grows() {
    let dir = root().join("../shared/real-specs");
    let specs = [
        "formance-stack-v3.0.json",
        "flexprice-swagger-3-0-2025-08-04.json",
        "stripe-spec3-2020-11.json",
        "plaid-2020-09-14.yaml",
        "lago-openapi-bundled.yaml",
        "adyen-checkout-v71.json",
    ];
    for spec in specs {
        let path = dir.join(spec);
        if !path.is_file() {
            assert!(std::env::var_os("CI").is_none(), "{spec} is required in CI");
            eprintln!("skipping: {} is not available here", path.display());
            continue;
        }
        assert_stable(spec, &read(&path));
    }
}

/// Two schemas asking for the same inline name settle it between themselves, by pointer:
/// `Pay.method_type` and `PayMethod.type` both want `PayMethodType`. A third schema asking for another name changes nothing,
/// wherever it sits in the document.
#[test]
fn a_collision_is_settled_by_the_colliding_schemas_alone() {
    let object = |properties: Value| json!({"type": "object", "properties": properties});
    let inline = || object(json!({"x": {"type": "string"}}));
    let spec = |extra: Option<(&str, Value)>| {
        let mut schemas = serde_json::Map::new();
        schemas.insert("Pay".into(), object(json!({"method_type": inline()})));
        schemas.insert("PayMethod".into(), object(json!({"type": inline()})));
        if let Some((name, schema)) = extra {
            schemas.insert(name.into(), schema);
        }
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {},
            "components": {"schemas": schemas},
        })
    };
    let before = names(&spec(None));
    let named = |pointer: &str| {
        before
            .iter()
            .find(|(p, _)| p == pointer)
            .map(|(_, name)| name.as_str())
    };
    assert_eq!(
        named("/components/schemas/Pay/properties/method_type"),
        Some("PayMethodType")
    );
    assert_eq!(
        named("/components/schemas/PayMethod/properties/type"),
        Some("PayMethodType2")
    );
    for extra in ["A", "PayA", "PayMethodA", "Z"] {
        let grown = names(&spec(Some((extra, object(json!({"d": inline()}))))));
        assert!(before.is_subset(&grown), "adding {extra}: {grown:?}");
    }
}

/// A schema used in both directions gets a `…Response` variant; a component of that very name
/// keeps it, whichever the document lists first, and the variant takes the suffix. Adding a
/// response that returns `Card` must not rename the component `CardResponse` users build.
#[test]
fn a_new_response_variant_never_renames_a_component() {
    let spec = |returns_card: bool| {
        let mut paths = json!({
            "/cards": {"post": {
                "operationId": "createCard",
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Card"}}}},
                "responses": {"201": {"description": "created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CardResponse"}}}}},
            }},
        });
        if returns_card {
            paths["/cards/{id}"] = json!({"get": {
                "operationId": "getCard",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "the card", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Card"}}}}},
            }});
        }
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": paths,
            "components": {"schemas": {
                "Card": {"type": "object", "properties": {
                    "brand": {"type": "string", "enum": ["visa", "mastercard"]},
                }},
                "CardResponse": {"type": "object", "properties": {"id": {"type": "string"}}},
            }},
        })
    };
    let before = names(&spec(false));
    let after = names(&spec(true));
    assert!(before.is_subset(&after), "{before:?} → {after:?}");
    assert!(
        after.contains(&(
            "/components/schemas/CardResponse".into(),
            "CardResponse".into()
        )),
        "{after:?}"
    );
    let card: BTreeSet<_> = after
        .iter()
        .filter(|(pointer, _)| pointer == "/components/schemas/Card")
        .map(|(_, name)| name.as_str())
        .collect();
    assert_eq!(card, BTreeSet::from(["Card", "CardResponse2"]), "{after:?}");
}
