//! Which component schemas requests reach and which responses reach.
//!
//! Enums are strict in requests (only documented values may be sent) and open in responses (a
//! provider adding a status must not break a reader); so are unions (a request's `oneOf` allows
//! exactly one alternative, a response reads the first that fits; a response's discriminated
//! union keeps an undocumented discriminator value). A component that contains an enum or a
//! union, directly or through its references, and is used in both directions is therefore
//! generated twice: once strict under its own name, once open with a `Response` suffix.
//!
//! Members marked `readOnly` or `writeOnly` make an object directional too: OpenAPI 3.0.3 says a
//! `readOnly` property "MAY be sent as part of a response but SHOULD NOT be sent as part of the
//! request" and is required in responses only, `writeOnly` the other way round; so the request
//! instance of such an object leaves its `readOnly` members out, the response instance its
//! `writeOnly` ones.

use crate::error::unescape;
use crate::load::Document;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// How a `$ref` to a component schema starts.
pub(crate) const SCHEMA_PREFIX: &str = "#/components/schemas/";

/// The direction a type is used in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    /// Sent by us: strict enums.
    Request,
    /// Received from the provider: open enums.
    Response,
}

/// The directions each component schema is used in, and which ones hold enums.
#[derive(Debug, Default)]
pub struct Usage {
    request: BTreeSet<String>,
    response: BTreeSet<String>,
    sensitive: BTreeSet<String>,
}

impl Usage {
    /// Analyses the operations of a document.
    pub fn of(doc: &Document) -> Self {
        let schemas = component_schemas(&doc.raw);
        let mut request_roots = Vec::new();
        let mut response_roots = Vec::new();
        if let Some(Value::Object(paths)) = doc.raw.get("paths") {
            for item in paths.values() {
                let item = resolve(&doc.raw, item);
                let Value::Object(item) = item else { continue };
                for (key, operation) in item {
                    if key == "parameters" {
                        request_roots.push(operation);
                        continue;
                    }
                    let Value::Object(operation) = resolve(&doc.raw, operation) else {
                        continue;
                    };
                    for (part, value) in operation {
                        match part.as_str() {
                            "requestBody" | "parameters" => request_roots.push(value),
                            "responses" => response_roots.push(value),
                            _ => {}
                        }
                    }
                }
            }
        }
        let request = reach(&doc.raw, &schemas, &request_roots);
        let response = reach(&doc.raw, &schemas, &response_roots);
        let sensitive = holding_enums(&schemas);
        Usage {
            request,
            response,
            sensitive,
        }
    }

    /// The instances a component needs: one per direction when it holds an enum and both
    /// directions use it, otherwise one. Unused components are treated as responses (lenient).
    pub fn instances(&self, component: &str) -> Vec<Direction> {
        let request = self.request.contains(component);
        let response = self.response.contains(component) || !request;
        if !self.sensitive.contains(component) {
            return vec![if request && !response {
                Direction::Request
            } else {
                Direction::Response
            }];
        }
        match (request, response) {
            (true, true) => vec![Direction::Request, Direction::Response],
            (true, false) => vec![Direction::Request],
            _ => vec![Direction::Response],
        }
    }

    /// The direction a reference from `from` resolves to for `component`.
    pub fn resolve(&self, component: &str, from: Direction) -> Direction {
        let instances = self.instances(component);
        if instances.contains(&from) {
            from
        } else {
            instances[0]
        }
    }
}

fn component_schemas(raw: &Value) -> BTreeMap<String, &Value> {
    raw.pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v)).collect())
        .unwrap_or_default()
}

/// Follows non-schema `$ref`s (request bodies, responses, parameters, path items).
fn resolve<'a>(raw: &'a Value, value: &'a Value) -> &'a Value {
    let mut current = value;
    for _ in 0..16 {
        match current.get("$ref").and_then(Value::as_str) {
            Some(r) if !r.starts_with(SCHEMA_PREFIX) => {
                match r.strip_prefix('#').and_then(|p| raw.pointer(p)) {
                    Some(target) => current = target,
                    None => return current,
                }
            }
            _ => return current,
        }
    }
    current
}

/// Component names a subtree refers to (not descending into the referenced schemas).
fn direct_refs(raw: &Value, value: &Value, out: &mut BTreeSet<String>, depth: usize) {
    if depth > 64 {
        return;
    }
    match value {
        Value::Object(map) => {
            if let Some(r) = map.get("$ref").and_then(Value::as_str) {
                if let Some(name) = r.strip_prefix(SCHEMA_PREFIX) {
                    out.insert(unescape(name));
                } else if let Some(target) = r.strip_prefix('#').and_then(|p| raw.pointer(p)) {
                    direct_refs(raw, target, out, depth + 1);
                }
            }
            for (key, child) in map {
                if key != "example" && key != "examples" && key != "default" && key != "enum" {
                    direct_refs(raw, child, out, depth + 1);
                }
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|v| direct_refs(raw, v, out, depth + 1)),
        _ => {}
    }
}

fn reach(raw: &Value, schemas: &BTreeMap<String, &Value>, roots: &[&Value]) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut queue = BTreeSet::new();
    for root in roots {
        direct_refs(raw, root, &mut queue, 0);
    }
    while let Some(name) = queue.pop_first() {
        if !seen.insert(name.clone()) {
            continue;
        }
        if let Some(schema) = schemas.get(&name) {
            let mut next = BTreeSet::new();
            direct_refs(raw, schema, &mut next, 0);
            queue.extend(next.into_iter().filter(|n| !seen.contains(n)));
        }
    }
    seen
}

/// Whether a schema holds something read differently by direction: a string enum, a `oneOf`,
/// a discriminator, or a `readOnly`/`writeOnly` member.
fn is_directional(value: &Value, schemas: &BTreeMap<String, &Value>) -> bool {
    match value {
        Value::Object(map) => {
            if map
                .get("enum")
                .is_some_and(|e| e.as_array().is_some_and(|a| a.iter().any(Value::is_string)))
                || map.contains_key("oneOf")
                || map.contains_key("discriminator")
                || map
                    .get("properties")
                    .and_then(Value::as_object)
                    .is_some_and(|p| p.values().any(|m| access_marked(m, schemas)))
            {
                return true;
            }
            map.iter().any(|(key, child)| {
                key != "example"
                    && key != "examples"
                    && key != "default"
                    && is_directional(child, schemas)
            })
        }
        Value::Array(items) => items.iter().any(|v| is_directional(v, schemas)),
        _ => false,
    }
}

/// Whether a member schema is marked `readOnly` or `writeOnly`, itself or through the component
/// its `$ref` names.
fn access_marked(member: &Value, schemas: &BTreeMap<String, &Value>) -> bool {
    let marked = |v: &Value| {
        ["readOnly", "writeOnly"]
            .iter()
            .any(|k| v.get(k) == Some(&Value::Bool(true)))
    };
    if marked(member) {
        return true;
    }
    member
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix(SCHEMA_PREFIX))
        .and_then(|name| schemas.get(&unescape(name)))
        .is_some_and(|target| marked(target))
}

fn holding_enums(schemas: &BTreeMap<String, &Value>) -> BTreeSet<String> {
    let mut sensitive: BTreeSet<String> = schemas
        .iter()
        .filter(|(_, s)| is_directional(s, schemas))
        .map(|(n, _)| n.clone())
        .collect();
    let refs: BTreeMap<&String, BTreeSet<String>> = schemas
        .iter()
        .map(|(name, schema)| {
            let mut out = BTreeSet::new();
            direct_refs(&Value::Null, schema, &mut out, 0);
            (name, out)
        })
        .collect();
    loop {
        let before = sensitive.len();
        for (name, targets) in &refs {
            if targets.iter().any(|t| sensitive.contains(t)) {
                sensitive.insert((*name).clone());
            }
        }
        if sensitive.len() == before {
            return sensitive;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const SPEC: &str = r##"
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /p:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Req"}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Resp"}
components:
  schemas:
    Req:
      type: object
      properties:
        status: {$ref: "#/components/schemas/Status"}
        note: {$ref: "#/components/schemas/Plain"}
    Resp:
      type: object
      properties:
        status: {$ref: "#/components/schemas/Status"}
        note: {$ref: "#/components/schemas/Plain"}
    Status: {type: string, enum: [A, B]}
    Plain: {type: string}
    Orphan: {type: string, enum: [X]}
"##;

    #[test]
    fn shared_enum_gets_one_instance_per_direction() {
        let doc = crate::load::parse(Path::new("t.yaml"), SPEC).unwrap();
        let usage = Usage::of(&doc);
        assert_eq!(
            usage.instances("Status"),
            [Direction::Request, Direction::Response]
        );
        assert_eq!(usage.instances("Req"), [Direction::Request]);
        assert_eq!(usage.instances("Resp"), [Direction::Response]);
        assert_eq!(usage.instances("Plain"), [Direction::Response]);
        assert_eq!(usage.instances("Orphan"), [Direction::Response]);
        assert_eq!(
            usage.resolve("Plain", Direction::Request),
            Direction::Response
        );
    }
}
