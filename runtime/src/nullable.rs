//! `Nullable<T>` (`nullable: true`) and the `#[serde(with)]` module for `Option<Nullable<T>>`.
//!
//! An optional, nullable field has three states: absent, `null` and a value. Write it as
//!
//! ```ignore
//! #[serde(default, skip_serializing_if = "Option::is_none", with = "::payments_runtime::nullable")]
//! pub field: Option<Nullable<T>>,
//! ```
//!
//! absent ↔ `None`, `null` ↔ `Some(Nullable::Null)`, a value ↔ `Some(Nullable::Value(v))`.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};
use serde_json::Value;

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

impl<T: CheckJson> CheckJson for Nullable<T> {
    /// JSON `null` is accepted; anything else is checked as `T`.
    fn check_json(value: &Value, at: &Location<'_>, out: &mut Violations) {
        if !value.is_null() {
            T::check_json(value, at, out);
        }
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
pub fn check_json<T: CheckJson>(value: &Value, at: &Location<'_>, out: &mut Violations) {
    if !value.is_null() {
        T::check_json(value, at, out);
    }
}
