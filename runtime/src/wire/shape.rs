//! `DecimalShape`: the field types the decimal adapters work on.

use std::marker::PhantomData;

use rust_decimal::Decimal;
use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

use crate::Nullable;

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
}

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
}

/// Walks a member checked by a decimal adapter whatever its shape: `null` (the `Option` and
/// `Nullable` shapes), an array (the `Vec` shapes, recursively), else one decimal handed to
/// `scalar`. Not knowing the field's shape, it accepts `null` and arrays for every shape; when
/// serde rejects such a value for a shape that does not take it, [`crate::parse()`] still fails.
pub(crate) fn check_shapes(
    value: &crate::Json<'_>,
    at: &crate::Location<'_>,
    out: &mut crate::Violations,
    scalar: fn(&crate::Json<'_>, &crate::Location<'_>, &mut crate::Violations),
) {
    match value {
        crate::Json::Null => {}
        crate::Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_shapes(item, &at.index(i), out, scalar);
            }
        }
        one => scalar(one, at, out),
    }
}
