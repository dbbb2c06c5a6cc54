//! The entry point: JSON bytes → a validated value, or every violation.

use serde::de::DeserializeOwned;

use crate::{CheckJson, Code, Location, Validate, Violation, Violations};

/// Parses and validates `json` as `T`.
///
/// Fast path: `serde_json::from_slice` then [`Validate::validate`]. Only when serde fails, the
/// slow path parses a `serde_json::Value` (not JSON at all → one `syntax` violation at `""`
/// with serde's message and position) and runs [`CheckJson::check_json`] to collect every
/// violation. Should that find nothing although serde failed, one `type` violation with serde's
/// message is reported at the path serde stopped at: a payload serde rejects is never `Ok`.
pub fn parse<T: DeserializeOwned + Validate + CheckJson>(json: &[u8]) -> Result<T, Violations> {
    let error = match serde_json::from_slice::<T>(json) {
        Ok(value) => return value.validate().map(|()| value),
        Err(error) => error,
    };
    let value: serde_json::Value = match serde_json::from_slice(json) {
        Ok(value) => value,
        Err(syntax) => {
            return Err(Violation::new("", Code::Syntax, syntax.to_string()).into());
        }
    };
    let mut out = Violations::new();
    T::check_json(&value, &Location::Root, &mut out);
    if out.is_empty() {
        out.push_violation(serde_violation::<T>(json, error));
    }
    Err(out)
}

/// The violation for a serde error `CheckJson` did not explain, at the path serde stopped at.
fn serde_violation<T: DeserializeOwned>(json: &[u8], error: serde_json::Error) -> Violation {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(e) => Violation::new(pointer(e.path()), Code::Type, e.inner().to_string()),
        Ok(_) => Violation::new("", Code::Type, error.to_string()),
    }
}

/// The JSON Pointer of a `serde_path_to_error` path.
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                out.push('/');
                out.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                out.push('/');
                crate::location::escape_into(key, &mut out);
            }
            // An externally tagged variant is an object key on the wire.
            Segment::Enum { variant } => {
                out.push('/');
                crate::location::escape_into(variant, &mut out);
            }
            // Later segments would be relative to an unknown place: stop at the known part.
            Segment::Unknown => break,
        }
    }
    out
}
