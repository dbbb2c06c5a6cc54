//! Violations: what failed (`Code`), where (a JSON Pointer) and why (a sentence).

use std::borrow::Cow;
use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::Location;

/// The JSON Schema keyword a value failed.
///
/// [`Code::as_str`] gives the keyword's JSON Schema spelling (`"minLength"`, …).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// A required member is missing.
    Required,
    /// The JSON type is wrong, or a number does not fit the Rust type.
    Type,
    /// The value is not one of the documented values.
    Enum,
    /// The value is not the single documented value.
    Const,
    /// A string does not match the schema's regular expression.
    Pattern,
    /// A number is below the inclusive minimum.
    Minimum,
    /// A number is above the inclusive maximum.
    Maximum,
    /// A number is not above the exclusive minimum.
    ExclusiveMinimum,
    /// A number is not below the exclusive maximum.
    ExclusiveMaximum,
    /// A number is not a multiple of the step.
    MultipleOf,
    /// A string has too few characters.
    MinLength,
    /// A string has too many characters.
    MaxLength,
    /// An array has too few items.
    MinItems,
    /// An array has too many items.
    MaxItems,
    /// A string cannot be read in its declared format (`date-time`, `byte`, a decimal string, …).
    Format,
    /// An object has a member the schema does not allow.
    AdditionalProperties,
    /// A value matches none (or more than one) of the `oneOf` alternatives.
    OneOf,
    /// A value matches none of the `anyOf` alternatives.
    AnyOf,
    /// A value matches the schema of `not`.
    Not,
    /// An array repeats an item (`uniqueItems`).
    UniqueItems,
    /// An object has too few members.
    MinProperties,
    /// An object has too many members.
    MaxProperties,
    /// The schema is `false`: no value is allowed.
    False,
    /// An array has no item matching `contains`.
    Contains,
    /// An array has fewer items matching `contains` than `minContains`.
    MinContains,
    /// An array has more items matching `contains` than `maxContains`.
    MaxContains,
    /// A member `dependentRequired` requires with another one is missing.
    DependentRequired,
    /// A member's name does not satisfy `propertyNames`.
    PropertyNames,
    /// A member no schema evaluated, where `unevaluatedProperties` is `false`.
    UnevaluatedProperties,
    /// An item no schema evaluated, where `unevaluatedItems` is `false`.
    UnevaluatedItems,
    /// The input is not JSON at all.
    Syntax,
    /// A request cannot be written as HTTP: a server URL that is not an absolute `http(s)`
    /// URL, a server variable or header value a request cannot carry (a line break, a `/`
    /// in a host name). Not a JSON Schema keyword: found by `to_http`, never by `parse`.
    Request,
}

impl Code {
    /// The JSON Schema spelling of the keyword, e.g. `"exclusiveMinimum"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::Required => "required",
            Code::Type => "type",
            Code::Enum => "enum",
            Code::Const => "const",
            Code::Pattern => "pattern",
            Code::Minimum => "minimum",
            Code::Maximum => "maximum",
            Code::ExclusiveMinimum => "exclusiveMinimum",
            Code::ExclusiveMaximum => "exclusiveMaximum",
            Code::MultipleOf => "multipleOf",
            Code::MinLength => "minLength",
            Code::MaxLength => "maxLength",
            Code::MinItems => "minItems",
            Code::MaxItems => "maxItems",
            Code::Format => "format",
            Code::AdditionalProperties => "additionalProperties",
            Code::OneOf => "oneOf",
            Code::AnyOf => "anyOf",
            Code::Not => "not",
            Code::UniqueItems => "uniqueItems",
            Code::MinProperties => "minProperties",
            Code::MaxProperties => "maxProperties",
            Code::False => "false",
            Code::Contains => "contains",
            Code::MinContains => "minContains",
            Code::MaxContains => "maxContains",
            Code::DependentRequired => "dependentRequired",
            Code::PropertyNames => "propertyNames",
            Code::UnevaluatedProperties => "unevaluatedProperties",
            Code::UnevaluatedItems => "unevaluatedItems",
            Code::Syntax => "syntax",
            Code::Request => "request",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One failed constraint: where (`path`), which keyword (`code`) and a sentence (`message`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Violation {
    path: String,
    code: Code,
    // Most messages are fixed sentences (`is required`): borrowed, they cost no allocation.
    message: Cow<'static, str>,
}

impl Violation {
    /// A violation at `path`, an already escaped RFC 6901 JSON Pointer (`""` is the root).
    ///
    /// Prefer [`Violations::push`] with a [`Location`], which builds the pointer for you.
    pub fn new(path: impl Into<String>, code: Code, message: impl Into<Cow<'static, str>>) -> Self {
        Violation {
            path: path.into(),
            code,
            message: message.into(),
        }
    }

    /// The RFC 6901 JSON Pointer of wire names to the failing value; `""` is the root.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The failed keyword.
    pub fn code(&self) -> Code {
        self.code
    }

    /// A sentence a person understands, e.g. `must match ^[A-Z]{3}$`.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Violation {
    /// `/amount/currency: must match ^[A-Z]{3}$ (pattern)`; the root path shows as `(root)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        };
        write!(f, "{path}: {} ({})", self.message, self.code)
    }
}

impl Serialize for Violation {
    /// `{"path": "/a", "code": "minimum", "message": "must be at least 0"}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Violation", 3)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("message", &self.message)?;
        s.end()
    }
}

/// An ordered list of [`Violation`]s, in the order they were found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Violations {
    list: Vec<Violation>,
}

impl Violations {
    /// An empty list.
    pub const fn new() -> Self {
        Violations { list: Vec::new() }
    }

    /// Records a violation at `at` (the pointer is built only now, when something failed).
    pub fn push(&mut self, at: &Location<'_>, code: Code, message: impl Into<Cow<'static, str>>) {
        self.list.push(Violation::new(at.pointer(), code, message));
    }

    /// Records an already built violation.
    pub fn push_violation(&mut self, violation: Violation) {
        self.list.push(violation);
    }

    /// The violations, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.list.iter()
    }

    /// How many violations there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether nothing failed.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The violations as a vector, in order.
    pub fn into_vec(self) -> Vec<Violation> {
        self.list
    }

    /// `Ok(())` when empty, otherwise `Err(self)`.
    pub fn into_result(self) -> Result<(), Violations> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl Extend<Violation> for Violations {
    fn extend<I: IntoIterator<Item = Violation>>(&mut self, iter: I) {
        self.list.extend(iter);
    }
}

impl FromIterator<Violation> for Violations {
    fn from_iter<I: IntoIterator<Item = Violation>>(iter: I) -> Self {
        Violations {
            list: iter.into_iter().collect(),
        }
    }
}

impl From<Violation> for Violations {
    fn from(violation: Violation) -> Self {
        Violations {
            list: vec![violation],
        }
    }
}

impl fmt::Display for Violations {
    /// One line per violation, as [`Violation`]'s `Display`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.list.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

impl Serialize for Violations {
    /// A JSON array of violations.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_json_schema_spelling() {
        assert_eq!(Code::ExclusiveMinimum.as_str(), "exclusiveMinimum");
        assert_eq!(Code::AdditionalProperties.as_str(), "additionalProperties");
        assert_eq!(Code::MultipleOf.to_string(), "multipleOf");
        assert_eq!(Code::OneOf.as_str(), "oneOf");
    }

    #[test]
    fn display_shows_path_message_and_code() {
        let root = Location::Root;
        let amount = root.key("amount");
        let currency = amount.key("currency");
        let mut out = Violations::new();
        out.push(&currency, Code::Pattern, "must match ^[A-Z]{3}$");
        out.push(&root, Code::Required, "missing member `id`");
        assert_eq!(
            out.to_string(),
            "/amount/currency: must match ^[A-Z]{3}$ (pattern)\n(root): missing member `id` (required)"
        );
        let first = out.iter().next().unwrap();
        assert_eq!(first.path(), "/amount/currency");
        assert_eq!(first.code(), Code::Pattern);
        assert_eq!(first.message(), "must match ^[A-Z]{3}$");
    }

    #[test]
    fn into_result_and_iteration() {
        assert_eq!(Violations::new().into_result(), Ok(()));
        let mut out = Violations::new();
        out.push(
            &Location::Root,
            Code::Type,
            "expected a string, found a number",
        );
        out.push(
            &Location::Root.index(3),
            Code::Minimum,
            "must be at least 0",
        );
        assert_eq!(out.len(), 2);
        assert!(!out.is_empty());
        let paths: Vec<&str> = (&out).into_iter().map(Violation::path).collect();
        assert_eq!(paths, ["", "/3"]);
        let err = out.clone().into_result().unwrap_err();
        assert_eq!(err, out);
        let codes: Vec<Code> = out.into_iter().map(|v| v.code()).collect();
        assert_eq!(codes, [Code::Type, Code::Minimum]);
    }

    #[test]
    fn serializes_as_json() {
        let out = Violations::from(Violation::new(
            "/a~1b",
            Code::MaxLength,
            "must have at most 3 characters",
        ));
        assert_eq!(
            serde_json::to_string(&out).unwrap(),
            r#"[{"path":"/a~1b","code":"maxLength","message":"must have at most 3 characters"}]"#
        );
    }
}
