//! `DecimalShape`: the field types the decimal adapters work on.

use std::marker::PhantomData;

use rust_decimal::Decimal;
use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

use crate::check_json::wrong_type;
use crate::{Json, Location, Nullable, Violations};

pub(crate) mod form {
    use rust_decimal::Decimal;
    use serde::de::Deserializer;
    use serde::ser::Serializer;

    /// How one `Decimal` is written on the wire (a JSON number or a JSON string).
    ///
    /// Public but unnameable outside the crate: it seals [`super::DecimalShape`].
    pub trait Form {
        /// Writes one decimal.
        fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error>;
        /// Reads one decimal.
        fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error>;
    }
}

use form::Form;

/// A field type the `wire::decimal_*` adapters (de)serialize: `Decimal` and any nesting of
/// `Option`, [`Nullable`] and `Vec` around it.
///
/// Sealed: the methods are called by the adapters only.
pub trait DecimalShape: Sized {
    /// Whether the shape itself reads JSON `null` (`Option`, `Nullable`).
    #[doc(hidden)]
    const READS_NULL: bool;

    /// Writes `self` with each decimal in form `F`.
    #[doc(hidden)]
    fn serialize_as<F: Form, S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// Reads `Self` with each decimal in form `F`.
    #[doc(hidden)]
    fn deserialize_as<'de, F: Form, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error>;

    /// Reports every violation of the untrusted `value` against this shape, each decimal
    /// checked by `scalar`.
    #[doc(hidden)]
    fn check_as(value: &Json<'_>, at: &Location<'_>, out: &mut Violations, scalar: Scalar);
}

/// The check of one decimal in a wire form.
pub(crate) type Scalar = fn(&Json<'_>, &Location<'_>, &mut Violations);

/// Serializes a borrowed shape in form `F`.
struct Out<'a, T, F>(&'a T, PhantomData<F>);

impl<T: DecimalShape, F: Form> Serialize for Out<'_, T, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_as::<F, S>(serializer)
    }
}

/// Deserializes an owned shape in form `F`.
struct In<T, F>(T, PhantomData<F>);

impl<'de, T: DecimalShape, F: Form> Deserialize<'de> for In<T, F> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize_as::<F, D>(deserializer).map(|v| In(v, PhantomData))
    }
}

impl DecimalShape for Decimal {
    const READS_NULL: bool = false;

    fn serialize_as<F: Form, S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        F::serialize(self, serializer)
    }

    fn deserialize_as<'de, F: Form, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        F::deserialize(deserializer)
    }

    fn check_as(value: &Json<'_>, at: &Location<'_>, out: &mut Violations, scalar: Scalar) {
        scalar(value, at, out);
    }
}

impl<T: DecimalShape> DecimalShape for Option<T> {
    const READS_NULL: bool = true;

    /// `None` writes `null` (use `skip_serializing_if = "Option::is_none"` to leave it out).
    fn serialize_as<F: Form, S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            None => serializer.serialize_none(),
            Some(v) => serializer.serialize_some(&Out::<T, F>(v, PhantomData)),
        }
    }

    /// `null` → `None`, unless `T` reads `null` itself (`Option<Nullable<_>>`): then the
    /// member is present, and `null` → `Some(T's null)`.
    fn deserialize_as<'de, F: Form, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        if T::READS_NULL {
            T::deserialize_as::<F, D>(deserializer).map(Some)
        } else {
            Option::<In<T, F>>::deserialize(deserializer).map(|v| v.map(|In(v, _)| v))
        }
    }

    /// `null` is `None` (or `T`'s own null).
    fn check_as(value: &Json<'_>, at: &Location<'_>, out: &mut Violations, scalar: Scalar) {
        if !matches!(value, Json::Null) {
            T::check_as(value, at, out, scalar);
        }
    }
}

impl<T: DecimalShape> DecimalShape for Nullable<T> {
    const READS_NULL: bool = true;

    fn serialize_as<F: Form, S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Null => serializer.serialize_none(),
            Nullable::Value(v) => serializer.serialize_some(&Out::<T, F>(v, PhantomData)),
        }
    }

    fn deserialize_as<'de, F: Form, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        Option::<In<T, F>>::deserialize(deserializer).map(|v| Nullable::from(v.map(|In(v, _)| v)))
    }

    fn check_as(value: &Json<'_>, at: &Location<'_>, out: &mut Violations, scalar: Scalar) {
        if !matches!(value, Json::Null) {
            T::check_as(value, at, out, scalar);
        }
    }
}

impl<T: DecimalShape> DecimalShape for Vec<T> {
    const READS_NULL: bool = false;

    fn serialize_as<F: Form, S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(|v| Out::<T, F>(v, PhantomData)))
    }

    fn deserialize_as<'de, F: Form, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        Vec::<In<T, F>>::deserialize(deserializer)
            .map(|items| items.into_iter().map(|In(v, _)| v).collect())
    }

    fn check_as(value: &Json<'_>, at: &Location<'_>, out: &mut Violations, scalar: Scalar) {
        match value {
            Json::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    T::check_as(item, &at.index(i), out, scalar);
                }
            }
            other => wrong_type("an array", other, at, out),
        }
    }
}
