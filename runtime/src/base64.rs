//! `Base64`: `format: byte`, kept exactly as sent.

use std::fmt;
use std::str::FromStr;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, Engine as _};
use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Serialize, Serializer};

use crate::check_json::wrong_type;
use crate::json::Json;
use crate::{CheckJson, Code, Location, Violations};

/// The decoder: RFC 4648 standard alphabet (`+`, `/`); `=` padding may be present (no longer
/// than what completes the last group) or left out; no URL-safe alphabet, no whitespace, no
/// non-zero trailing bits.
const DECODER: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The decoder for the pieces before the last: whole 4-character groups, no padding.
const DECODER_NO_PADDING: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

/// Characters checked at a time: a multiple of 4, decoded into a stack buffer.
const PIECE: usize = 1024;

/// Each byte's 6-bit value in the standard alphabet; `NOT_BASE64` for every other byte.
const SEXTETS: [u8; 256] = {
    let mut table = [NOT_BASE64; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < alphabet.len() {
        table[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    table
};
const NOT_BASE64: u8 = 0xFF;

/// Whether `text` decodes under [`DECODER`]'s rules, read once without decoding: symbols from
/// the alphabet, then `=` padding no longer than what completes the last group, never a
/// lone symbol in the last group, and zero bits below the last symbol's share of the last byte.
/// The hot path of every `format: byte` value; [`check`] gives the reason when it fails.
fn decodes(text: &[u8]) -> bool {
    let symbols = text
        .iter()
        .rposition(|&b| b != b'=')
        .map_or(0, |last| last + 1);
    let padding = text.len() - symbols;
    let (body, _) = text.split_at(symbols);
    if body.iter().any(|&b| SEXTETS[usize::from(b)] == NOT_BASE64) {
        return false;
    }
    let last = body.last().map_or(0, |&b| SEXTETS[usize::from(b)]);
    // The engine (padding `Indifferent`) also takes part of the padding.
    let padding_ok = padding <= 4 - symbols % 4;
    match symbols % 4 {
        0 => padding == 0,
        1 => false,
        2 => padding_ok && last & 0x0F == 0,
        _ => padding_ok && last & 0x03 == 0,
    }
}

/// Checks that `text` decodes, without allocating: [`decodes`], or for the reason why not,
/// the engine piece by piece into a stack buffer.
fn check(text: &[u8]) -> Result<(), base64::DecodeError> {
    if decodes(text) {
        return Ok(());
    }
    check_with_engine(text)
}

/// [`check`] through the `base64` engine, which names the offending offset.
fn check_with_engine(text: &[u8]) -> Result<(), base64::DecodeError> {
    let mut buffer = [0u8; PIECE / 4 * 3];
    let mut start = 0;
    while text.len() - start > PIECE {
        DECODER_NO_PADDING
            .decode_slice(&text[start..start + PIECE], &mut buffer)
            .map_err(|e| at_offset(e, start))?;
        start += PIECE;
    }
    DECODER
        .decode_slice(&text[start..], &mut buffer)
        .map_err(|e| at_offset(e, start))?;
    Ok(())
}

/// A piece's error with offsets counted from the start of the whole text.
fn at_offset(error: base64::DecodeSliceError, start: usize) -> base64::DecodeError {
    use base64::DecodeError;
    match error {
        base64::DecodeSliceError::DecodeError(DecodeError::InvalidByte(i, b)) => {
            DecodeError::InvalidByte(start + i, b)
        }
        base64::DecodeSliceError::DecodeError(DecodeError::InvalidLastSymbol(i, b)) => {
            DecodeError::InvalidLastSymbol(start + i, b)
        }
        base64::DecodeSliceError::DecodeError(other) => other,
        // A piece of at most PIECE characters decodes to at most PIECE / 4 * 3 bytes.
        base64::DecodeSliceError::OutputSliceTooSmall => DecodeError::InvalidLength(start),
    }
}

/// Base64 data (`format: byte`), kept as the exact string that was sent.
///
/// Accepted: the standard alphabet (`A–Z a–z 0–9 + /`), with `=` padding up to the end of the
/// last group, or none.
/// Rejected: the URL-safe alphabet (`-`, `_`), whitespace, wrong padding and non-canonical
/// trailing bits. [`Base64::encode`] writes the standard alphabet with padding.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Base64(String);

impl Base64 {
    /// Checks that `text` decodes and keeps it unchanged.
    pub fn new(text: impl Into<String>) -> Result<Self, base64::DecodeError> {
        let text = text.into();
        check(text.as_bytes())?;
        Ok(Base64(text))
    }

    /// A literal a `<module>::<type>!({…})` payload macro checked while compiling (with
    /// [`Base64::new`]'s check), kept unchanged. Not a stable API.
    #[doc(hidden)]
    pub fn __from_checked_literal(text: &'static str) -> Self {
        Base64(text.to_owned())
    }

    /// Encodes `bytes` (standard alphabet, padded).
    pub fn encode(bytes: &[u8]) -> Self {
        Base64(base64::engine::general_purpose::STANDARD.encode(bytes))
    }

    /// The decoded bytes.
    pub fn decode(&self) -> Vec<u8> {
        // The text was checked to decode when `self` was built; an empty result cannot happen.
        DECODER.decode(self.0.as_bytes()).unwrap_or_default()
    }

    /// The text exactly as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text exactly as sent, unwrapped.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Base64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Base64 {
    type Err = base64::DecodeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Base64::new(text)
    }
}

impl TryFrom<String> for Base64 {
    type Error = base64::DecodeError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Base64::new(text)
    }
}

impl AsRef<str> for Base64 {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for Base64 {
    /// The string exactly as sent (or as encoded).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Base64 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Base64::new(text).map_err(|e| D::Error::custom(format_args!("invalid base64: {e}")))
    }
}

/// Whether `text` is base64 this crate accepts (no reason needed: the one-pass check alone).
pub(crate) fn is_valid(text: &str) -> bool {
    decodes(text.as_bytes())
}

/// The message of a `format: byte` violation.
pub(crate) const BYTE_MESSAGE: &str = "must be base64 (standard alphabet)";

impl CheckJson for Base64 {
    /// A string that decodes; otherwise `type` or `format`.
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        match value {
            Json::String(text) => {
                if !is_valid(text) {
                    out.push(at, Code::Format, BYTE_MESSAGE);
                }
            }
            other => wrong_type("a string", other, at, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const SAMPLE: &str = "aSDinaTvuI8gbWludGxpZnk=";

    #[test]
    fn long_text_is_checked_piece_by_piece_like_the_whole() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
        let long = Base64::encode(&bytes);
        assert!(long.as_str().len() > 2 * PIECE);
        assert_eq!(
            Base64::new(long.as_str()).map(|b| b.decode()),
            Ok(bytes.clone())
        );
        let unpadded = long.as_str().trim_end_matches('=');
        assert!(Base64::new(unpadded).is_ok());
        // Padding inside the text (at a piece boundary or elsewhere) is refused, as by the
        // whole-text decoder.
        let mut padded_inside = long.as_str().to_owned();
        padded_inside.replace_range(PIECE - 1..PIECE, "=");
        assert!(Base64::new(padded_inside.as_str()).is_err());
        assert!(DECODER.decode(padded_inside.as_bytes()).is_err());
        let mut bad_byte = long.as_str().to_owned();
        bad_byte.replace_range(PIECE + 5..PIECE + 6, "-");
        assert_eq!(
            Base64::new(bad_byte),
            Err(base64::DecodeError::InvalidByte(PIECE + 5, b'-'))
        );
    }

    /// The one-pass check accepts exactly what the engine decodes: every string of up to four
    /// symbols over a small alphabet of edge cases, and mutations of longer texts.
    #[test]
    fn quick_check_agrees_with_the_engine() {
        let symbols: &[u8] = b"AQgw/+=-_ \n\x80";
        let mut texts: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..5 {
            let longer: Vec<Vec<u8>> = texts
                .iter()
                .filter(|t| t.len() == texts.last().map_or(0, Vec::len))
                .flat_map(|t| {
                    symbols.iter().map(move |&s| {
                        let mut t = t.clone();
                        t.push(s);
                        t
                    })
                })
                .collect();
            texts.extend(longer);
        }
        let long = Base64::encode(b"payments-models: exact money, every violation").into_string();
        for at in 0..long.len() {
            for &s in symbols {
                let mut t = long.clone().into_bytes();
                t[at] = s;
                texts.push(t.clone());
                t.truncate(at + 1);
                texts.push(t);
            }
        }
        let mut accepted = 0;
        for text in &texts {
            let engine = check_with_engine(text).is_ok();
            assert_eq!(decodes(text), engine, "{:?}", String::from_utf8_lossy(text));
            assert_eq!(DECODER.decode(text).is_ok(), engine, "{text:?}");
            accepted += usize::from(engine);
        }
        assert!(
            accepted > 1000 && accepted < texts.len() / 2,
            "{accepted} of {}",
            texts.len()
        );
    }

    #[test]
    fn keeps_the_string_as_sent_and_decodes() {
        let value: Base64 = serde_json::from_str(&format!("\"{SAMPLE}\"")).unwrap();
        assert_eq!(value.as_str(), SAMPLE);
        assert_eq!(value.decode(), "i \u{2764}\u{FE0F} mintlify".as_bytes());
        assert_eq!(
            serde_json::to_string(&value).unwrap(),
            format!("\"{SAMPLE}\"")
        );
        assert_eq!(Base64::encode(&value.decode()), value);
    }

    #[test]
    fn padding_is_optional_but_must_be_right() {
        let unpadded = Base64::new("aSDinaTvuI8gbWludGxpZnk").unwrap();
        assert_eq!(unpadded.as_str(), "aSDinaTvuI8gbWludGxpZnk");
        assert_eq!(unpadded.decode(), Base64::new(SAMPLE).unwrap().decode());
        assert!(Base64::new("aSDinaTvuI8gbWludGxpZnk==").is_err());
        assert!(Base64::new("").is_ok());
    }

    #[test]
    fn url_safe_alphabet_and_whitespace_are_rejected() {
        assert!(Base64::new("+/8=").is_ok());
        assert!(Base64::new("-_8=").is_err());
        assert!(Base64::new("aSDi naTv").is_err());
        assert!(Base64::new("aSDinaTv\n").is_err());
        let e = serde_json::from_str::<Base64>(r#""-_8=""#).unwrap_err();
        assert!(e.to_string().starts_with("invalid base64"), "{e}");
    }

    #[test]
    fn check_json_reports_type_and_format() {
        let check = |value: Value| {
            let mut out = Violations::new();
            Base64::check_json(&Json::from(&value), &Location::Root, &mut out);
            out.into_iter()
                .map(|v| (v.code(), v.message().to_owned()))
                .collect::<Vec<_>>()
        };
        assert!(check(json!(SAMPLE)).is_empty());
        assert_eq!(
            check(json!("not base64!")),
            [(Code::Format, BYTE_MESSAGE.to_owned())]
        );
        assert_eq!(
            check(json!([1])),
            [(Code::Type, "expected a string, found an array".to_owned())]
        );
    }
}
