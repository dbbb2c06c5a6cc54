//! The document as written: member order and exact numbers, which `serde_json::Value` does not
//! keep without serde_json's `arbitrary_precision` and `preserve_order` (features the project
//! does not turn on: they would change every crate in a user's build).
//!
//! The spec is read twice: into a `serde_json::Value` (the tree the stages query and
//! normalisation rewrites) and into the runtime's ordered, exact [`JsonValue`]. From the second:
//! - [`check_numbers`]: a number a keyword states (a bound, `multipleOf`, an `enum`, `const`
//!   or `default` value) that `Value` would round (more digits than an `f64` holds, an integer
//!   beyond 64 bits) is refused at its pointer rather than silently changed;
//! - [`ordered_text`]: the normalised `Value` written back as JSON text with each object's
//!   members in the document's order (members normalisation added come after), which is what
//!   `openapiv3` reads, so types, fields and operations come out in the order the spec has them.

use std::collections::HashSet;

use payments_runtime::{Json, JsonValue};
use serde_json::Value;

use crate::error::push_token;

/// Keywords whose numbers change what the generated code accepts or produces.
const EXACT_KEYWORDS: &[&str] = &[
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "enum",
    "const",
    "default",
];

/// The first number under a keyword of [`EXACT_KEYWORDS`] that serde_json's `Value` reads
/// differently from what is written: its pointer and text.
pub(super) fn check_numbers(source: &Json<'_>) -> Option<(String, String)> {
    let (mut tokens, number) = inexact(source, false)?;
    tokens.reverse();
    let pointer = tokens
        .iter()
        .fold(String::new(), |pointer, token| push_token(&pointer, token));
    Some((pointer, number))
}

/// The first inexact number below `node` (under a keyword of [`EXACT_KEYWORDS`] when `exact`
/// is false): the pointer's tokens from that number up to `node`, and its text. The pointer is
/// built only for the number found: the walk over the whole document allocates nothing.
fn inexact(node: &Json<'_>, exact: bool) -> Option<(Vec<String>, String)> {
    match node {
        Json::Number(text) if exact && !read_exactly(text) => Some((Vec::new(), text.to_string())),
        Json::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let (mut tokens, number) = inexact(item, exact)?;
            tokens.push(i.to_string());
            Some((tokens, number))
        }),
        Json::Object(object) => object.iter().find_map(|(key, value)| {
            let exact = exact || EXACT_KEYWORDS.contains(&key);
            let (mut tokens, number) = inexact(value, exact)?;
            tokens.push(key.to_owned());
            Some((tokens, number))
        }),
        _ => None,
    }
}

/// Whether `Value` holds the number `text` exactly: as a `u64`/`i64`, or as an `f64` whose
/// shortest text has the same value.
fn read_exactly(text: &str) -> bool {
    let Ok(number) = text.parse::<serde_json::Number>() else {
        return false;
    };
    let read = number.to_string();
    payments_runtime::schema::json_equal(
        &Json::Number(text.into()),
        &Json::Number(read.as_str().into()),
    )
}

/// `value` as compact JSON text, each object's members in the order of the object at the same
/// place in `source` (where there is one), then the members `source` lacks.
pub(super) fn ordered_text(value: &Value, source: Option<&JsonValue>) -> String {
    let mut out = String::new();
    write(value, source, &mut out);
    out
}

fn write(value: &Value, source: Option<&JsonValue>, out: &mut String) {
    match value {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let source = match source {
                    Some(Json::Array(written)) => written.get(i),
                    _ => None,
                };
                write(item, source, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            let mut first = true;
            match source.and_then(Json::as_object) {
                Some(written) => {
                    // The written members in order (each key appears once), paired with the
                    // value's: one pass, no lookup into the written object.
                    let mut placed = 0;
                    for (key, written) in written.iter() {
                        if let Some(member) = members.get(key) {
                            write_member(key, member, Some(written), &mut first, out);
                            placed += 1;
                        }
                    }
                    if placed < members.len() {
                        let keys: HashSet<&str> = written.keys().collect();
                        for (key, member) in members {
                            if !keys.contains(key.as_str()) {
                                write_member(key, member, None, &mut first, out);
                            }
                        }
                    }
                }
                None => {
                    for (key, member) in members {
                        write_member(key, member, None, &mut first, out);
                    }
                }
            }
            out.push('}');
        }
        Value::String(text) => write_string(text, out),
        scalar => {
            // Numbers, booleans, null: their JSON text, written in place.
            let _ = std::fmt::Write::write_fmt(out, format_args!("{scalar}"));
        }
    }
}

/// `,"key":value`, without the comma before the first member.
fn write_member(
    key: &str,
    member: &Value,
    source: Option<&JsonValue>,
    first: &mut bool,
    out: &mut String,
) {
    if !std::mem::take(first) {
        out.push(',');
    }
    write_string(key, out);
    out.push(':');
    write(member, source, out);
}

/// A JSON string: as it is when nothing in it needs an escape, else as serde_json writes it.
fn write_string(text: &str, out: &mut String) {
    if text.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        out.push_str(&Value::from(text).to_string());
    } else {
        out.push('"');
        out.push_str(text);
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn members_follow_the_document_then_the_added_ones() {
        let source = Json::from_slice(br#"{"z": 1, "a": {"y": [{"q": 1, "b": 2}], "c": 3}}"#)
            .unwrap()
            .into_owned();
        let value =
            json!({"z": 1, "a": {"y": [{"q": 1, "b": 2, "added": true}], "c": 3, "new": 0}});
        assert_eq!(
            ordered_text(&value, Some(&source)),
            r#"{"z":1,"a":{"y":[{"q":1,"b":2,"added":true}],"c":3,"new":0}}"#
        );
    }

    #[test]
    fn numbers_a_keyword_states_must_be_read_exactly() {
        let read = |text: &str| check_numbers(&Json::from_slice(text.as_bytes()).unwrap());
        assert_eq!(
            read(r#"{"maximum": 0.1, "enum": [1, 2.50, 1e300, -0]}"#),
            None
        );
        assert_eq!(read(r#"{"example": 123456789012345678901234567890}"#), None);
        assert_eq!(
            read(r#"{"s": {"maximum": 123456789012345678901234567890.5}}"#),
            Some((
                "/s/maximum".to_owned(),
                "123456789012345678901234567890.5".to_owned()
            ))
        );
        assert_eq!(
            read(r#"{"enum": [1, 18446744073709551617]}"#),
            Some(("/enum/1".to_owned(), "18446744073709551617".to_owned()))
        );
        assert_eq!(
            read(r#"{"multipleOf": 0.12345678901234567891}"#).map(|(p, _)| p),
            Some("/multipleOf".to_owned())
        );
        assert_eq!(
            read(r#"{"a~b": [{"c/d": {"default": [0, 1e400]}}]}"#).map(|(p, _)| p),
            Some("/a~0b/0/c~1d/default/1".to_owned())
        );
    }
}
