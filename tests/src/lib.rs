//! Shared helpers for the integration tests: locating files, reading specs and their examples,
//! synthesizing instances from official specs' property-level examples, exact JSON comparison.

pub mod fuzz;
pub mod synth;

use payments_runtime::{Json, JsonValue};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The bundled provider specs (`specs/<stem>.yaml`).
pub const PROVIDERS: [&str; 5] = [
    "layer2",
    "formance-v1",
    "formance-v3",
    "flexprice",
    "papaya",
];

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// `../shared/real-specs/NAME` beside the checkout, or `None` (with a message) when it is not
/// there. CI always has it, so there a missing file fails.
pub fn real_spec(name: &str) -> Option<Value> {
    let path = real_spec_path(name)?;
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// The path of `../shared/real-specs/NAME`, or `None` (with a message) outside CI when absent.
pub fn real_spec_path(name: &str) -> Option<PathBuf> {
    let path = root().join("../shared/real-specs").join(name);
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is required in CI",
        path.display()
    );
    eprintln!("skipping: {} is not available here", path.display());
    None
}

/// A spec of `specs/` as JSON.
pub fn spec(stem: &str) -> Value {
    let path = root().join("specs").join(format!("{stem}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One example payload of an operation of a spec.
#[derive(Debug, Clone)]
pub struct Example {
    /// Where it stands in the spec, for messages.
    pub pointer: String,
    /// The component schema of the body (`CreatePaymentRequest`, `ErrorResponse`, …).
    pub schema: String,
    /// The payload.
    pub value: Value,
}

/// Every request and response example (media-type `example` and `examples`) of every operation.
pub fn examples(doc: &Value) -> Vec<Example> {
    let mut out = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return out;
    };
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (method, operation) in item {
            let base = format!(
                "/paths/{}/{method}",
                path.replace('~', "~0").replace('/', "~1")
            );
            if let Some(content) = operation.pointer("/requestBody/content") {
                media_examples(
                    doc,
                    content,
                    &format!("{base}/requestBody/content"),
                    &mut out,
                );
            }
            if let Some(responses) = operation.get("responses").and_then(Value::as_object) {
                for (status, response) in responses {
                    let response = resolve(doc, response);
                    if let Some(content) = response.get("content") {
                        media_examples(
                            doc,
                            content,
                            &format!("{base}/responses/{status}/content"),
                            &mut out,
                        );
                    }
                }
            }
        }
    }
    out
}

fn media_examples(doc: &Value, content: &Value, pointer: &str, out: &mut Vec<Example>) {
    let Some(media) = content.get("application/json") else {
        return;
    };
    let schema = media
        .pointer("/schema/$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
        .unwrap_or_default()
        .to_owned();
    if let Some(value) = media.get("example") {
        out.push(Example {
            pointer: format!("{pointer}/application~1json/example"),
            schema: schema.clone(),
            value: value.clone(),
        });
    }
    if let Some(examples) = media.get("examples").and_then(Value::as_object) {
        for (name, example) in examples {
            if let Some(value) = resolve(doc, example).get("value") {
                out.push(Example {
                    pointer: format!("{pointer}/application~1json/examples/{name}"),
                    schema: schema.clone(),
                    value: value.clone(),
                });
            }
        }
    }
}

/// Follows a local `$ref`.
pub fn resolve<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    match value
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
    {
        Some(pointer) => doc
            .pointer(pointer)
            .map(|v| resolve(doc, v))
            .unwrap_or(value),
        None => value,
    }
}

/// The JSON a value serializes to, numbers digit for digit and members in order (a
/// `serde_json::Value` would round numbers to `f64` and sort members).
pub fn exact_json<T: serde::Serialize>(value: &T) -> JsonValue {
    let text = serde_json::to_vec(value).expect("a model serializes");
    Json::from_slice(&text)
        .expect("serde_json writes JSON")
        .into_owned()
}

/// Compares two JSON values exactly (numbers by their digits, members in any order) and says
/// where they differ.
pub fn assert_same_json(expected: &Json<'_>, actual: &Json<'_>, context: &str) {
    if let Some(at) = first_difference(expected, actual, String::new()) {
        panic!("{context}: JSON differs at `{at}`\nexpected: {expected}\nactual:   {actual}");
    }
}

fn first_difference(a: &Json<'_>, b: &Json<'_>, at: String) -> Option<String> {
    match (a, b) {
        (Json::Object(x), Json::Object(y)) => {
            for key in x.keys().chain(y.keys()) {
                let path = format!("{at}/{key}");
                match (x.get(key), y.get(key)) {
                    (Some(p), Some(q)) => {
                        if let Some(d) = first_difference(p, q, path) {
                            return Some(d);
                        }
                    }
                    _ => return Some(path),
                }
            }
            None
        }
        (Json::Array(x), Json::Array(y)) => {
            if x.len() != y.len() {
                return Some(format!("{at} (length {} vs {})", x.len(), y.len()));
            }
            x.iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (p, q))| first_difference(p, q, format!("{at}/{i}")))
        }
        // Numbers compare by their exact text.
        _ => (a != b).then_some(at),
    }
}
