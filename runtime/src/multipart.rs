//! `multipart/form-data` bodies (RFC 7578) as OpenAPI describes them: each top-level member of
//! the body schema is one part; a `format: binary` member is a file part ([`Binary`]),
//! another scalar is text, an object or array is JSON (OpenAPI 3.0.3, "Special Considerations
//! for multipart Content"); an `encoding` entry's `contentType` overrides the part's type.
//!
//! The boundary is derived from the content (a hash, tried again while it occurs in a part),
//! so the same body gives the same bytes: requests can be compared byte for byte and
//! replayed.

use std::fmt;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Error as _, Serialize, Serializer};

use crate::check_json::wrong_type;
use crate::json::Json;
use crate::{CheckJson, Location, Validate, Violations};

/// Raw bytes of a `format: binary` member of a multipart body: a file part, with the file
/// name and media type it is sent with.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Binary {
    /// The content.
    pub bytes: Vec<u8>,
    /// The `filename` of the part (RFC 7578 §4.2), when there is one.
    pub file_name: Option<String>,
    /// The part's media type (default: the `encoding`'s `contentType`, else
    /// `application/octet-stream`).
    pub content_type: Option<String>,
}

impl Binary {
    /// `bytes`, with no file name or media type of its own.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Binary {
        Binary {
            bytes: bytes.into(),
            file_name: None,
            content_type: None,
        }
    }

    /// The same, sent as the file `name`.
    #[must_use]
    pub fn named(mut self, name: impl Into<String>) -> Binary {
        self.file_name = Some(name.into());
        self
    }

    /// The same, sent as `content_type`.
    #[must_use]
    pub fn typed(mut self, content_type: impl Into<String>) -> Binary {
        self.content_type = Some(content_type.into());
        self
    }
}

impl fmt::Debug for Binary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Binary")
            .field("len", &self.bytes.len())
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .finish()
    }
}

impl Serialize for Binary {
    /// As JSON (a multipart body read or written as a JSON fixture): the bytes as a string
    /// when they are UTF-8; other bytes have no JSON form.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match std::str::from_utf8(&self.bytes) {
            Ok(text) => serializer.serialize_str(text),
            Err(_) => Err(S::Error::custom(
                "binary content that is not UTF-8 has no JSON form: send it as a multipart part",
            )),
        }
    }
}

impl<'de> Deserialize<'de> for Binary {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Binary::new)
    }
}

impl CheckJson for Binary {
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        if !matches!(value, Json::String(_)) {
            wrong_type("a string", value, at, out);
        }
    }
}

impl Validate for Binary {
    /// Bytes have no constraints of their own.
    fn validate_at(&self, _at: &Location<'_>, _out: &mut Violations) {}
}

struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    bytes: Vec<u8>,
}

/// The parts of a multipart body, in the order added.
#[derive(Default)]
pub struct Multipart {
    parts: Vec<Part>,
    errors: Vec<(String, String)>,
}

impl fmt::Debug for Multipart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Multipart")
            .field("parts", &self.parts.len())
            .finish_non_exhaustive()
    }
}

impl Multipart {
    /// No parts.
    pub fn new() -> Multipart {
        Multipart::default()
    }

    /// A text part (a scalar member), sent as `content_type` when the `encoding` names one
    /// (else with no `Content-Type`: RFC 7578's default, `text/plain`).
    pub fn text(&mut self, name: &str, value: String, content_type: Option<&str>) {
        self.parts.push(Part {
            name: name.to_owned(),
            file_name: None,
            content_type: content_type.map(str::to_owned),
            bytes: value.into_bytes(),
        });
    }

    /// A file part: the bytes as they are, with the file's name and media type (its own,
    /// else `content_type`, else `application/octet-stream`).
    pub fn file(&mut self, name: &str, file: &Binary, content_type: Option<&str>) {
        let content_type = file
            .content_type
            .clone()
            .or_else(|| content_type.map(str::to_owned))
            .unwrap_or_else(|| "application/octet-stream".to_owned());
        self.parts.push(Part {
            name: name.to_owned(),
            file_name: Some(file.file_name.clone().unwrap_or_else(|| name.to_owned())),
            content_type: Some(content_type),
            bytes: file.bytes.clone(),
        });
    }

    /// A JSON part (an object or array member), `application/json` unless the `encoding`
    /// names another type.
    pub fn json<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        content_type: Option<&str>,
    ) {
        match serde_json::to_vec(value) {
            Ok(bytes) => self.parts.push(Part {
                name: name.to_owned(),
                file_name: None,
                content_type: Some(content_type.unwrap_or("application/json").to_owned()),
                bytes,
            }),
            Err(error) => self.errors.push((name.to_owned(), error.to_string())),
        }
    }

    /// The body's `Content-Type` (with its boundary) and bytes, or the members that could not
    /// be written, each a `request` violation at `/body/{name}`.
    pub fn finish(self) -> Result<(String, Vec<u8>), Violations> {
        if !self.errors.is_empty() {
            let mut violations = Violations::new();
            for (name, error) in &self.errors {
                let root = Location::Root;
                let body = root.key("body");
                violations.push(&body.key(name), crate::Code::Request, error.clone());
            }
            return Err(violations);
        }
        let boundary = self.boundary();
        let mut out = Vec::new();
        for part in &self.parts {
            out.extend_from_slice(b"--");
            out.extend_from_slice(boundary.as_bytes());
            out.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
            quoted(&part.name, &mut out);
            out.push(b'"');
            if let Some(file_name) = &part.file_name {
                out.extend_from_slice(b"; filename=\"");
                quoted(file_name, &mut out);
                out.push(b'"');
            }
            out.extend_from_slice(b"\r\n");
            if let Some(content_type) = &part.content_type {
                out.extend_from_slice(b"Content-Type: ");
                // A media type is a token/ quoted-string: no line breaks can stay.
                out.extend(content_type.bytes().filter(|b| !b.is_ascii_control()));
                out.extend_from_slice(b"\r\n");
            }
            out.extend_from_slice(b"\r\n");
            out.extend_from_slice(&part.bytes);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"--");
        out.extend_from_slice(boundary.as_bytes());
        out.extend_from_slice(b"--\r\n");
        Ok((format!("multipart/form-data; boundary={boundary}"), out))
    }

    /// A boundary no part contains (RFC 2046 §5.1.1): a hash of the content, rehashed while
    /// it occurs in a part (each try has 2^-64 odds of doing so).
    fn boundary(&self) -> String {
        let mut seed: u64 = 0xcbf2_9ce4_8422_2325;
        for part in &self.parts {
            for byte in part.name.bytes().chain(part.bytes.iter().copied()) {
                seed ^= u64::from(byte);
                seed = seed.wrapping_mul(0x0100_0000_01b3);
            }
        }
        loop {
            let boundary = format!("payments-models-{seed:016x}");
            let needle = boundary.as_bytes();
            let inside = self
                .parts
                .iter()
                .any(|part| part.bytes.windows(needle.len()).any(|w| w == needle));
            if !inside {
                return boundary;
            }
            seed = seed.wrapping_mul(0x0100_0000_01b3) ^ 0x9e37_79b9_7f4a_7c15;
        }
    }
}

/// A name in a quoted-string of `Content-Disposition`: `"`, CR and LF percent-encoded, as
/// HTML's form submission does (RFC 7578 §4.2 leaves it to the sender).
fn quoted(text: &str, out: &mut Vec<u8>) {
    for byte in text.bytes() {
        match byte {
            b'"' => out.extend_from_slice(b"%22"),
            b'\r' => out.extend_from_slice(b"%0D"),
            b'\n' => out.extend_from_slice(b"%0A"),
            other => out.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Binary, Multipart};

    #[test]
    fn parts_in_order_with_names_files_and_types() {
        let mut parts = Multipart::new();
        parts.text("purpose", "dispute_evidence".to_owned(), None);
        let file = Binary::new(vec![0x89, b'P', b'N', b'G', 0, 0xff]).named("receipt \"1\".png");
        parts.file("file", &file, Some("image/png"));
        parts.json("file_link_data", &serde_json::json!({"create": true}), None);
        let (content_type, body) = parts.finish().expect("a body");
        let boundary = content_type
            .strip_prefix("multipart/form-data; boundary=")
            .expect("a boundary");
        let mut expected = Vec::new();
        let head = |name: &str, rest: &str| {
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{rest}\r\n\r\n")
        };
        expected.extend_from_slice(head("purpose", "").as_bytes());
        expected.extend_from_slice(b"dispute_evidence\r\n");
        expected.extend_from_slice(
            head(
                "file",
                "; filename=\"receipt %221%22.png\"\r\nContent-Type: image/png",
            )
            .as_bytes(),
        );
        expected.extend_from_slice(&[0x89, b'P', b'N', b'G', 0, 0xff]);
        expected.extend_from_slice(b"\r\n");
        expected.extend_from_slice(
            head("file_link_data", "\r\nContent-Type: application/json").as_bytes(),
        );
        expected.extend_from_slice(b"{\"create\":true}\r\n");
        expected.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        assert_eq!(body, expected);
    }

    #[test]
    fn the_boundary_is_stable_and_never_inside_a_part() {
        let body = |text: &str| {
            let mut parts = Multipart::new();
            parts.text("a", text.to_owned(), None);
            parts.finish().expect("a body")
        };
        assert_eq!(body("x"), body("x"));
        let (content_type, _) = body("x");
        let boundary = content_type
            .rsplit('=')
            .next()
            .unwrap_or_default()
            .to_owned();
        // A part holding exactly that boundary gets another one.
        let (other, bytes) = body(&format!("x--{boundary}"));
        let second = other.rsplit('=').next().unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(text.matches(&format!("--{second}")).count(), 2);
    }
}
