//! The fast reader: one pass over the bytes into a [`Json`], with keys, strings and numbers
//! borrowed from the input.
//!
//! It accepts what serde_json accepts, and numbers too large for an `f64` that serde_json's
//! `Value` refuses (JSON allows them; the tree keeps their text) (RFC 8259: the four whitespace
//! bytes, no trailing commas, no leading zeros, valid UTF-8, no control characters or lone
//! surrogates in strings, nothing after the value) and reads it as serde_json's `Value` would.
//! Whatever it declines — anything malformed, nesting deeper than [`MAX_DEPTH`] — returns
//! `None`, and the caller asks serde_json for the syntax error.

use std::borrow::Cow;

use super::{Json, Object};

/// Deepest nesting of arrays and objects read here: serde_json's own limit (it refuses the
/// 128th open bracket), so that this reader and serde_json accept the same texts.
const MAX_DEPTH: usize = 127;

/// Reads the whole of `input` as one JSON value, or `None` (see the module docs).
pub(super) fn read(input: &[u8]) -> Option<Json<'_>> {
    // One UTF-8 check of the whole input instead of one per string: JSON outside strings is
    // ASCII, so input that is not UTF-8 is not JSON serde_json accepts either.
    let text = std::str::from_utf8(input).ok()?;
    let mut reader = Reader {
        text,
        at: 0,
        depth: 0,
    };
    let value = reader.value()?;
    reader.skip_whitespace();
    (reader.at == input.len()).then_some(value)
}

struct Reader<'a> {
    text: &'a str,
    /// The next byte to read.
    at: usize,
    /// Arrays and objects open around `at`.
    depth: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// The text from `start` to the current position (both next to ASCII bytes, so on
    /// character boundaries).
    fn text_from(&self, start: usize) -> Option<&'a str> {
        self.text.get(start..self.at)
    }

    fn value(&mut self) -> Option<Json<'a>> {
        self.skip_whitespace();
        match self.peek()? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => self.string().map(Json::String),
            b't' => self.word(b"true", Json::Bool(true)),
            b'f' => self.word(b"false", Json::Bool(false)),
            b'n' => self.word(b"null", Json::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn word(&mut self, word: &[u8], value: Json<'a>) -> Option<Json<'a>> {
        let end = self.at + word.len();
        if self.bytes().get(self.at..end)? != word {
            return None;
        }
        self.at = end;
        Some(value)
    }

    /// A number, exactly as written.
    fn number(&mut self) -> Option<Json<'a>> {
        let start = self.at;
        let end = scan_number(self.bytes(), start)?;
        self.at = end;
        Some(Json::Number(Cow::Borrowed(self.text_from(start)?)))
    }

    /// Skips to the next `"`, `\` or control character (or the end).
    fn skip_plain(&mut self) {
        let rest = self.bytes().get(self.at..).unwrap_or_default();
        self.at += rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len());
    }

    /// A string at its opening quote: borrowed when it has no escapes.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.at += 1;
        let start = self.at;
        self.skip_plain();
        match self.peek()? {
            b'"' => {
                let text = self.text_from(start)?;
                self.at += 1;
                Some(Cow::Borrowed(text))
            }
            b'\\' => self.escaped_string(start).map(Cow::Owned),
            // A control character.
            _ => None,
        }
    }

    /// The rest of a string with escapes, from its first byte at `start`; `at` is on a `\`.
    fn escaped_string(&mut self, start: usize) -> Option<String> {
        let mut out = String::from(self.text_from(start)?);
        loop {
            // A run of plain characters, copied as one slice.
            let run = self.at;
            self.skip_plain();
            out.push_str(self.text_from(run)?);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escape = self.peek()?;
                    self.at += 1;
                    let decoded = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    };
                    out.push(decoded);
                }
                // A control character.
                _ => return None,
            }
        }
    }

    /// Four hex digits after `\u`.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes().get(self.at..self.at + 4)?;
        let mut code = 0;
        for &digit in digits {
            code = code * 16 + char::from(digit).to_digit(16)?;
        }
        self.at += 4;
        Some(code)
    }

    /// The character of a `\uXXXX` escape (a surrogate pair takes two); `None` for a lone
    /// surrogate, which serde_json rejects.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        match first {
            0xD800..=0xDBFF => {
                if self.bytes().get(self.at..self.at + 2)? != b"\\u" {
                    return None;
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return None;
                }
                char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            }
            0xDC00..=0xDFFF => None,
            _ => char::from_u32(first),
        }
    }

    /// Steps into an array or object at its opening bracket; `true` when `close` follows at
    /// once (`[]`, `{}`), which is then stepped over too.
    fn open(&mut self, close: u8) -> Option<bool> {
        self.depth += 1;
        self.at += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.skip_whitespace();
        let empty = self.peek() == Some(close);
        if empty {
            self.at += 1;
            self.depth -= 1;
        }
        Some(empty)
    }

    /// After an item: `,` (more to come, `true`) or the closing `close` (`false`).
    fn next_or_close(&mut self, close: u8) -> Option<bool> {
        self.skip_whitespace();
        let byte = self.peek()?;
        self.at += 1;
        if byte == b',' {
            Some(true)
        } else if byte == close {
            self.depth -= 1;
            Some(false)
        } else {
            None
        }
    }

    fn array(&mut self) -> Option<Json<'a>> {
        if self.open(b']')? {
            return Some(Json::Array(Vec::new()));
        }
        let mut items = Vec::new();
        loop {
            items.push(self.value()?);
            if !self.next_or_close(b']')? {
                return Some(Json::Array(items));
            }
        }
    }

    fn object(&mut self) -> Option<Json<'a>> {
        if self.open(b'}')? {
            return Some(Json::Object(Object::default()));
        }
        let mut members = Vec::new();
        loop {
            self.skip_whitespace();
            if self.peek()? != b'"' {
                return None;
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek()? != b':' {
                return None;
            }
            self.at += 1;
            let value = self.value()?;
            members.push((key, value));
            if !self.next_or_close(b'}')? {
                return Some(Json::Object(Object::from_members(members)));
            }
        }
    }
}

/// Where the JSON number starting at `start` ends:
/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` (RFC 8259); `None` when there is none.
pub(super) fn scan_number(bytes: &[u8], start: usize) -> Option<usize> {
    let digits = |at: usize| {
        let end = at
            + bytes
                .get(at..)?
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        (end > at).then_some(end)
    };
    let mut at = start + usize::from(bytes.get(start) == Some(&b'-'));
    at = match bytes.get(at)? {
        b'0' => at + 1,
        b'1'..=b'9' => digits(at)?,
        _ => return None,
    };
    if bytes.get(at) == Some(&b'.') {
        at = digits(at + 1)?;
    }
    if !matches!(bytes.get(at), Some(b'e' | b'E')) {
        return Some(at);
    }
    at += 1 + usize::from(matches!(bytes.get(at + 1), Some(b'+' | b'-')));
    digits(at)
}
