//! The one error type of the generator: what went wrong, in which spec file, at which node.

use std::fmt;
use std::path::{Path, PathBuf};

/// A spec the generator cannot read or map. Always names the file and, where there is one,
/// the JSON Pointer (RFC 6901) of the offending node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    file: PathBuf,
    pointer: Option<String>,
    message: String,
    line: Option<(usize, usize)>,
}

impl Error {
    /// An error at a node of the document.
    pub fn at(
        file: impl AsRef<Path>,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.as_ref().to_path_buf(),
            pointer: Some(pointer.into()),
            message: message.into(),
            line: None,
        }
    }

    /// An error about the file as a whole (it cannot be read, or is not YAML/JSON).
    pub fn file(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self {
            file: file.as_ref().to_path_buf(),
            pointer: None,
            message: message.into(),
            line: None,
        }
    }

    /// Adds the 1-based line and column where the parser stopped.
    pub fn with_line(mut self, line: usize, column: usize) -> Self {
        self.line = Some((line, column));
        self
    }

    /// The spec file.
    pub fn spec_file(&self) -> &Path {
        &self.file
    }

    /// The JSON Pointer of the node, when the error is about one.
    pub fn pointer(&self) -> Option<&str> {
        self.pointer.as_deref()
    }

    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some((line, column)) = self.line {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(pointer) = &self.pointer {
            let shown = if pointer.is_empty() {
                "(root)"
            } else {
                pointer
            };
            write!(f, " at {shown}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Error {}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` (RFC 6901).
pub(crate) fn push_token(pointer: &str, token: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + token.len() + 1);
    out.push_str(pointer);
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// Decodes `~1` and `~0` in one reference token of a JSON Pointer (RFC 6901), the inverse of
/// [`push_token`]'s escaping.
pub(crate) fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_pointer() {
        let e = Error::at("specs/a.yaml", "/components/schemas/X", "dangling $ref").with_line(3, 7);
        assert_eq!(
            e.to_string(),
            "specs/a.yaml:3:7 at /components/schemas/X: dangling $ref"
        );
        assert_eq!(
            Error::at("a.json", "", "bad").to_string(),
            "a.json at (root): bad"
        );
    }

    #[test]
    fn pointer_tokens_are_escaped() {
        assert_eq!(
            push_token("/paths", "/v1/payments"),
            "/paths/~1v1~1payments"
        );
        assert_eq!(push_token("", "a~b"), "/a~0b");
    }
}
