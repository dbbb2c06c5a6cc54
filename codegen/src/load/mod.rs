//! Stage 1: a spec file becomes a [`Document`]: the raw JSON tree (for numbers and pointers)
//! and the typed `openapiv3::OpenAPI` view of it, in the document's order. OpenAPI 3.1 is
//! normalised to 3.0 first (see `normalize`); what `Value` alone would lose (member order, a
//! number's digits) comes from the document as written (see `source`).

mod normalize;
mod source;
pub use normalize::{ANNOTATIONS, CONST_MARK, FALSE_MARK};

use crate::error::{push_token, Error};
use payments_runtime::JsonValue;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A loaded spec.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from (used in every error).
    pub path: PathBuf,
    /// The document as JSON, after 3.1 → 3.0 normalisation. Every number a keyword states
    /// holds the value written (one that would not is refused at load).
    pub raw: Value,
    /// The typed view.
    pub api: openapiv3::OpenAPI,
}

impl Document {
    /// The raw node at a JSON Pointer (RFC 6901), as `Value::pointer` finds it, without
    /// allocating for tokens that have no escape (the converter looks up every schema it
    /// reads: Stripe's 200,000 lookups were a seventh of converting it).
    pub fn node(&self, pointer: &str) -> Option<&Value> {
        if pointer.is_empty() {
            return Some(&self.raw);
        }
        pointer
            .strip_prefix('/')?
            .split('/')
            .try_fold(&self.raw, |node, token| {
                if token.contains('~') {
                    step(node, &crate::error::unescape(token))
                } else {
                    step(node, token)
                }
            })
    }

    /// An error at a node of this document.
    pub fn error(&self, pointer: &str, message: impl Into<String>) -> Error {
        Error::at(&self.path, pointer, message)
    }
}

/// The member `key` of an object, or the item at index `key` of an array (an unescaped
/// JSON Pointer token).
pub(crate) fn step<'v>(node: &'v Value, key: &str) -> Option<&'v Value> {
    match node {
        Value::Object(map) => map.get(key),
        Value::Array(items) => array_index(key).and_then(|i| items.get(i)),
        _ => None,
    }
}

/// An array index token: digits, without a leading zero (RFC 6901 §4).
fn array_index(token: &str) -> Option<usize> {
    let leading_zero = token.len() > 1 && token.starts_with('0');
    (!leading_zero && token.bytes().all(|b| b.is_ascii_digit()))
        .then(|| token.parse().ok())
        .flatten()
}

/// Reads and parses a spec file. `.json` files are read as JSON, anything else as YAML.
pub fn load(path: &Path) -> Result<Document, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::file(path, format!("cannot read the spec: {e}")))?;
    parse(path, &text)
}

/// Parses spec text; `path` names it in errors and picks JSON or YAML by extension.
pub fn parse(path: &Path, text: &str) -> Result<Document, Error> {
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let json_error = |e: serde_json::Error| {
        Error::file(path, format!("not valid JSON: {e}")).with_line(e.line(), e.column())
    };
    let yaml_error = |e: serde_norway::Error| {
        let error = Error::file(path, format!("not valid YAML: {e}"));
        match e.location() {
            Some(at) => error.with_line(at.line(), at.column()),
            None => error,
        }
    };
    let (mut raw, written): (Value, JsonValue) = if is_json {
        // The two reads of the text are independent: the `Value` on another core.
        let (written, raw) = std::thread::scope(|scope| {
            let raw = scope.spawn(|| serde_json::from_str::<Value>(text));
            let written = payments_runtime::Json::from_slice(text.as_bytes());
            (written, raw.join())
        });
        let written = written.map_err(json_error)?;
        if let Some((pointer, number)) = source::check_numbers(&written) {
            return Err(Error::at(
                path,
                pointer,
                format!(
                    "the number {number} cannot be read exactly: the generator reads numbers \
                     as 64-bit integers or as binary floats (about 17 significant digits)"
                ),
            ));
        }
        let raw = match raw {
            Ok(raw) => raw.map_err(json_error)?,
            Err(_) => {
                return Err(Error::file(
                    path,
                    "internal error: the JSON reader panicked",
                ))
            }
        };
        (raw, written.into_owned())
    } else {
        // Read once, in order; the `Value` is made from that tree.
        let written: JsonValue = serde_norway::from_str(text).map_err(yaml_error)?;
        (written.to_value(), written)
    };
    if !raw.is_object() {
        return Err(Error::at(path, "", "an OpenAPI document must be an object"));
    }
    match raw.get("openapi").and_then(Value::as_str) {
        Some(v) if v.starts_with("3.0") => normalize::openapi_30(&mut raw),
        Some(v) if v.starts_with("3.1") => normalize::openapi_31_to_30(&mut raw),
        Some(v) => {
            return Err(Error::at(
                path,
                "/openapi",
                format!("OpenAPI version {v} is not supported (3.0.x and 3.1.x are)"),
            ))
        }
        None => {
            let message = if raw.get("swagger").is_some() {
                "Swagger 2.0 is not supported; convert the document to OpenAPI 3"
            } else {
                "missing the `openapi` version field"
            };
            return Err(Error::at(path, "/openapi", message));
        }
    }
    let api = match read_in_parts(&raw, &written) {
        Some(api) => api,
        None => read_whole(path, &raw, &written)?,
    };
    Ok(Document {
        path: path.to_path_buf(),
        raw,
        api,
    })
}

/// The typed view read in one piece, from text written in the document's order (`Value`'s
/// maps are sorted): what a document that does not read in parts gets, and its located error.
fn read_whole(path: &Path, raw: &Value, written: &JsonValue) -> Result<openapiv3::OpenAPI, Error> {
    let ordered = source::ordered_text(raw, Some(written));
    // Read without tracking the path (a tenth of loading a large document); only a document
    // that fails is read again, tracking it, to say where.
    let first = match serde_json::from_str::<openapiv3::OpenAPI>(&ordered) {
        Ok(api) => return Ok(api),
        Err(first) => first,
    };
    let mut reader = serde_json::Deserializer::from_str(&ordered);
    match serde_path_to_error::deserialize::<_, openapiv3::OpenAPI>(&mut reader) {
        Err(e) => Err(Error::at(
            path,
            pointer_of(e.path()),
            format!("not a valid OpenAPI node: {}", e.inner()),
        )),
        Ok(_) => Err(Error::at(
            path,
            "",
            format!("not a valid OpenAPI document: {first}"),
        )),
    }
}

/// The stack of the thread that reads `paths` (see [`read_in_parts`]).
const READER_STACK: usize = 64 << 20;

/// The typed view of a valid document, read in parts on two cores: `paths` on one, the
/// `components` and the rest on the other, each from text written in the document's order
/// (`Value`'s maps are sorted). `None` when a part does not read: the caller reads the document
/// whole, which says where it fails.
fn read_in_parts(raw: &Value, written: &JsonValue) -> Option<openapiv3::OpenAPI> {
    let top = raw.as_object()?;
    let paths = top.get("paths")?;
    std::thread::scope(|scope| {
        // openapiv3 reads each schema level through buffered untagged enums: deep documents
        // need deep stacks, and an overflow aborts. The caller's thread is the main thread
        // (8 MiB) or a compiler's; this one is given more (address space, touched only when used).
        let paths = std::thread::Builder::new()
            .stack_size(READER_STACK)
            .spawn_scoped(scope, || {
                let text = source::ordered_text(paths, written.get("paths"));
                serde_json::from_str::<openapiv3::Paths>(&text).ok()
            });
        let Ok(paths) = paths else {
            return None;
        };
        let components = top.get("components").map(|components| {
            let text = source::ordered_text(components, written.get("components"));
            serde_json::from_str::<openapiv3::Components>(&text).ok()
        });
        // Everything else, with `paths` (which the type requires) empty.
        let mut rest: serde_json::Map<String, Value> = top
            .iter()
            .filter(|(key, _)| !matches!(key.as_str(), "paths" | "components"))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        rest.insert("paths".to_owned(), Value::Object(serde_json::Map::new()));
        let text = source::ordered_text(&Value::Object(rest), Some(written));
        let api = serde_json::from_str::<openapiv3::OpenAPI>(&text).ok();
        // Joined whatever the other parts gave: a thread is never left behind.
        let paths = paths.join().ok().flatten();
        let mut api = api?;
        api.paths = paths?;
        api.components = match components {
            Some(components) => Some(components?),
            None => None,
        };
        Some(api)
    })
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    path.iter()
        .fold(String::new(), |pointer, segment| match segment {
            Segment::Seq { index } => push_token(&pointer, &index.to_string()),
            Segment::Map { key } => push_token(&pointer, key),
            Segment::Enum { .. } | Segment::Unknown => pointer,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deeply_nested_operation_reads_on_the_reading_thread_s_own_stack() {
        // 110 levels of `items` in a request body (serde_json reads up to 128 in all): openapiv3 reads
        // each level through buffered untagged enums, deep enough to need a large stack.
        let depth = 110;
        let mut schema = r#"{"type": "string"}"#.to_owned();
        for _ in 0..depth {
            schema = format!(r#"{{"type": "array", "items": {schema}}}"#);
        }
        let text = format!(
            r#"{{"openapi": "3.0.3", "info": {{"title": "T", "version": "1"}}, "paths": {{"/a":
            {{"post": {{"requestBody": {{"content": {{"application/json": {{"schema": {schema}}}}}}},
            "responses": {{"200": {{"description": "ok"}}}}}}}}}}}}"#
        );
        let doc = parse(Path::new("spec.json"), &text).expect("loads");
        assert_eq!(doc.api.paths.paths.len(), 1);
    }

    #[test]
    fn a_document_read_in_parts_is_the_document_read_whole() {
        let text = r#"{
            "openapi": "3.0.3",
            "x-top": {"b": 1, "a": 2},
            "info": {"title": "T", "version": "1"},
            "servers": [{"url": "https://a.example"}],
            "paths": {
                "/z": {"get": {"responses": {"200": {"description": "ok"}}}},
                "/a": {"post": {"responses": {"default": {"description": "any"}}}}
            },
            "components": {"schemas": {"Zed": {"type": "string"}, "Alpha": {"type": "integer"}}},
            "security": [{"key": []}],
            "tags": [{"name": "t"}]
        }"#;
        let doc = parse(Path::new("spec.json"), text).expect("loads");
        let written = payments_runtime::Json::from_slice(text.as_bytes())
            .expect("JSON")
            .into_owned();
        let whole: openapiv3::OpenAPI =
            serde_json::from_str(&source::ordered_text(&doc.raw, Some(&written))).expect("reads");
        assert_eq!(read_in_parts(&doc.raw, &written), Some(whole.clone()));
        assert_eq!(doc.api, whole);
        // In the document's order, not sorted.
        let paths: Vec<&String> = doc.api.paths.paths.keys().collect();
        assert_eq!(paths, ["/z", "/a"]);
        // A part that does not read leaves the document to be read whole, which says where.
        let broken = text.replace(r#""type": "integer""#, r#""type": 7"#);
        let error = parse(Path::new("spec.json"), &broken).expect_err("refused");
        assert!(
            error.to_string().contains("/components/schemas/Alpha"),
            "{error}"
        );
        let no_paths = text.replace(r#""paths""#, r#""routes""#);
        assert!(parse(Path::new("spec.json"), &no_paths).is_err());
    }

    #[test]
    fn nodes_are_found_as_json_pointers_find_them() {
        let raw = serde_json::json!({
            "a/b": {"m~n": [10, 11, {"": 12}]},
            "": {"x": 1},
            "list": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
        });
        let doc = Document {
            path: std::path::PathBuf::from("spec.json"),
            raw: raw.clone(),
            api: serde_json::from_value(serde_json::json!({
                "openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}
            }))
            .expect("an empty API"),
        };
        for pointer in [
            "",
            "/",
            "/a~1b",
            "/a~1b/m~0n",
            "/a~1b/m~0n/2/",
            "/a~1b/m~0n/01",
            "/a~1b/m~0n/+1",
            "/a~1b/m~0n/-1",
            "/a~1b/m~0n/3",
            "/list/11",
            "/list/1a",
            "/x",
            "a",
            "//x",
            "/~2",
        ] {
            assert_eq!(doc.node(pointer), raw.pointer(pointer), "{pointer:?}");
        }
    }

    fn parse_yaml(text: &str) -> Result<Document, Error> {
        parse(Path::new("specs/test.yaml"), text)
    }

    #[test]
    fn malformed_yaml_names_file_and_line() {
        let e = parse_yaml("openapi: 3.0.3\ninfo: [unclosed\n").unwrap_err();
        assert_eq!(e.spec_file(), Path::new("specs/test.yaml"));
        assert!(e.to_string().starts_with("specs/test.yaml:"), "{e}");
        assert!(e.message().contains("not valid YAML"), "{e}");
    }

    #[test]
    fn malformed_json_names_file_and_line() {
        let e = parse(Path::new("x.json"), "{\"openapi\": \"3.0.3\",\n  oops}").unwrap_err();
        assert!(e.to_string().starts_with("x.json:2:"), "{e}");
    }

    #[test]
    fn invalid_node_is_reported_with_its_pointer() {
        let e = parse_yaml(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      required: 7\n",
        )
        .unwrap_err();
        assert_eq!(e.pointer(), Some("/components/schemas/A"), "{e}");
    }

    #[test]
    fn swagger_2_is_refused_clearly() {
        let e = parse_yaml("swagger: '2.0'\n").unwrap_err();
        assert!(e.message().contains("Swagger 2.0"), "{e}");
    }

    #[test]
    fn a_keyword_number_that_would_be_rounded_is_refused_at_its_pointer() {
        let spec = |maximum: &str| {
            format!(
                r#"{{"openapi":"3.0.3","info":{{"title":"t","version":"1"}},"paths":{{}},
                "components":{{"schemas":{{"A":{{"type":"number","maximum":{maximum}}}}}}}}}"#
            )
        };
        let e = parse(
            Path::new("x.json"),
            &spec("123456789012345678901234567890.125"),
        )
        .unwrap_err();
        assert_eq!(e.pointer(), Some("/components/schemas/A/maximum"), "{e}");
        assert!(e.message().contains("cannot be read exactly"), "{e}");
        let doc = parse(Path::new("x.json"), &spec("1234567.125")).unwrap();
        assert_eq!(
            doc.node("/components/schemas/A/maximum")
                .unwrap()
                .to_string(),
            "1234567.125"
        );
    }

    #[test]
    fn types_and_members_keep_the_document_order() {
        let doc = parse_yaml(
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Zeta:\n      type: object\n      properties: {z: {type: string}, a: {type: string}}\n    Alpha: {type: string}\n",
        )
        .unwrap();
        let components = doc.api.components.unwrap();
        let names: Vec<&String> = components.schemas.keys().collect();
        assert_eq!(names, ["Zeta", "Alpha"]);
        let Some(openapiv3::ReferenceOr::Item(zeta)) = components.schemas.get("Zeta") else {
            panic!("Zeta is inline");
        };
        let openapiv3::SchemaKind::Type(openapiv3::Type::Object(object)) = &zeta.schema_kind else {
            panic!("Zeta is an object");
        };
        let members: Vec<&String> = object.properties.keys().collect();
        assert_eq!(members, ["z", "a"]);
    }
}
