//! `Nullable<T>` (`nullable: true`) and the `#[serde(with)]` module for `Option<Nullable<T>>`.
//!
//! An optional, nullable field has three states: absent, `null` and a value. Write it as
//!
//! ```
//! use payments_runtime::Nullable;
//! # use serde::{Deserialize, Serialize};
//!
//! #[derive(Serialize, Deserialize)]
//! struct Patch {
//!     #[serde(default, skip_serializing_if = "Option::is_none", with = "::payments_runtime::nullable")]
//!     note: Option<Nullable<String>>,
//! }
//!
//! let patch: Patch = serde_json::from_str(r#"{"note": null}"#).unwrap();
//! assert_eq!(patch.note, Some(Nullable::Null));
//! assert_eq!(serde_json::to_string(&patch).unwrap(), r#"{"note":null}"#);
//! ```
//!
//! absent ↔ `None`, `null` ↔ `Some(Nullable::Null)`, a value ↔ `Some(Nullable::Value(v))`.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

use crate::json::Json;
use crate::{CheckJson, Location, Violations};

/// A value that may be JSON `null` (`nullable: true`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Nullable<T> {
    /// JSON `null`.
    #[default]
    Null,
    /// A value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Whether this is `Null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// Whether this holds a value.
    pub fn is_value(&self) -> bool {
        matches!(self, Nullable::Value(_))
    }

    /// The value, if any, by reference.
    pub fn as_ref(&self) -> Nullable<&T> {
        match self {
            Nullable::Null => Nullable::Null,
            Nullable::Value(v) => Nullable::Value(v),
        }
    }

    /// The value, if any.
    pub fn value(&self) -> Option<&T> {
        match self {
            Nullable::Null => None,
            Nullable::Value(v) => Some(v),
        }
    }

    /// The value as an `Option` (`Null` → `None`).
    pub fn into_option(self) -> Option<T> {
        match self {
            Nullable::Null => None,
            Nullable::Value(v) => Some(v),
        }
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    fn from(value: Option<T>) -> Self {
        match value {
            None => Nullable::Null,
            Some(v) => Nullable::Value(v),
        }
    }
}

impl<T> From<Nullable<T>> for Option<T> {
    fn from(value: Nullable<T>) -> Self {
        value.into_option()
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    /// `Null` → JSON `null`; a value as `T` serializes it.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Null => serializer.serialize_none(),
            Nullable::Value(v) => serializer.serialize_some(v),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    /// JSON `null` → `Null`; anything else as `T` deserializes it.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Nullable::from)
    }
}

/// `#[serde(deserialize_with = "::payments_runtime::nullable::required")]` on a required
/// nullable member (`Nullable<T>` without `Option`). serde hands an absent member to
/// `deserialize_option` as if it were `null`, so without this an absent required member would
/// read as `Null`; through a `deserialize_with` function serde reports it missing instead.
pub fn required<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Nullable<T>, D::Error> {
    Nullable::deserialize(deserializer)
}

impl<T: CheckJson> CheckJson for Nullable<T> {
    /// JSON `null` is accepted; anything else is checked as `T`.
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        if !value.is_null() {
            T::check_json(value, at, out);
        }
    }

    /// As `Option<T>`: `null` evaluates nothing.
    fn evaluated(value: &Json<'_>, into: &mut crate::schema::Evaluated) {
        <Option<T> as CheckJson>::evaluated(value, into);
    }

    fn check_json_evaluated(
        value: &Json<'_>,
        at: &Location<'_>,
        out: &mut Violations,
        into: &mut crate::schema::Evaluated,
    ) {
        <Option<T> as CheckJson>::check_json_evaluated(value, at, out, into);
    }
}

/// `#[serde(with)]` serializer for `Option<Nullable<T>>`: `None` and `Some(Null)` write `null`
/// (pair the field with `skip_serializing_if = "Option::is_none"` so `None` is left out).
pub fn serialize<T: Serialize, S: Serializer>(
    value: &Option<Nullable<T>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        None | Some(Nullable::Null) => serializer.serialize_none(),
        Some(Nullable::Value(v)) => serializer.serialize_some(v),
    }
}

/// `#[serde(with)]` deserializer for `Option<Nullable<T>>`: called only for a present member
/// (the field needs `#[serde(default)]` so an absent one is `None`), so `null` → `Some(Null)`.
pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Nullable<T>>, D::Error> {
    Nullable::<T>::deserialize(deserializer).map(Some)
}

/// The `check_json` of a field using this module, for a present member: `null` is accepted,
/// anything else is checked as `T`.
///
/// The `Validate` derive calls it as `::payments_runtime::nullable::check_json::<T>(value, at, out)`
/// with `T` the field's type `Option<Nullable<X>>`; `Nullable<X>` or `X` give the same result,
/// since `Option` and `Nullable` only add acceptance of `null`.
pub fn check_json<T: CheckJson>(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
    if !value.is_null() {
        T::check_json(value, at, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;
    use serde::{Deserialize, Serialize};
    use serde_json::{json, Value};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Patch {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::nullable"
        )]
        note: Option<Nullable<String>>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::nullable"
        )]
        count: Option<Nullable<u8>>,
    }

    #[test]
    fn absent_null_and_value_are_distinct() {
        let cases = [
            (r#"{}"#, None),
            (r#"{"note":null}"#, Some(Nullable::Null)),
            (r#"{"note":"hi"}"#, Some(Nullable::Value("hi".to_owned()))),
        ];
        for (text, note) in cases {
            let patch: Patch = serde_json::from_str(text).unwrap();
            assert_eq!(patch, Patch { note, count: None }, "{text}");
            assert_eq!(serde_json::to_string(&patch).unwrap(), text);
        }
    }

    #[test]
    fn inner_errors_propagate() {
        let e = serde_json::from_str::<Patch>(r#"{"count":300}"#).unwrap_err();
        assert!(e.to_string().contains("300"), "{e}");
    }

    #[test]
    fn plain_nullable_maps_null() {
        let v: Vec<Nullable<i32>> = serde_json::from_str("[1,null]").unwrap();
        assert_eq!(v, [Nullable::Value(1), Nullable::Null]);
        assert_eq!(serde_json::to_string(&v).unwrap(), "[1,null]");
        assert_eq!(Option::from(Nullable::Value(3)), Some(3));
        assert_eq!(Nullable::<i32>::from(None), Nullable::Null);
        assert!(Nullable::<i32>::default().is_null());
    }

    #[test]
    fn check_json_accepts_null_and_checks_values() {
        let check = |value: Value| {
            let value = Json::from(&value);
            let mut out = Violations::new();
            check_json::<Option<Nullable<u8>>>(&value, &Location::Root.key("count"), &mut out);
            // The inner type alone gives the same answer.
            let mut inner = Violations::new();
            check_json::<u8>(&value, &Location::Root.key("count"), &mut inner);
            assert_eq!(out, inner);
            out.into_iter()
                .map(|v| (v.path().to_owned(), v.code()))
                .collect::<Vec<_>>()
        };
        assert!(check(json!(null)).is_empty());
        assert!(check(json!(7)).is_empty());
        assert_eq!(check(json!("7")), [("/count".to_owned(), Code::Type)]);
        let mut out = Violations::new();
        Nullable::<String>::check_json(&Json::from(&json!(1)), &Location::Root, &mut out);
        assert_eq!(
            out.iter().next().unwrap().message(),
            "expected a string, found a number"
        );
    }
}
