//! The `Validate` trait and its impls for the building blocks.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::{Base64, BigInt, DateTime, Location, Nullable, Violations};

/// Checks a typed value against its documented constraints.
pub trait Validate {
    /// Pushes every violation of `self`'s documented constraints found at and below `at`.
    fn validate_at(&self, at: &Location<'_>, out: &mut Violations);

    /// Validates from the root: `Ok(())` or every violation found.
    fn validate(&self) -> Result<(), Violations> {
        let mut out = Violations::new();
        self.validate_at(&Location::Root, &mut out);
        out.into_result()
    }
}

macro_rules! no_constraints {
    ($($t:ty),* $(,)?) => {$(
        impl Validate for $t {
            /// A bare value has no constraints of its own; rules come from the field.
            fn validate_at(&self, _at: &Location<'_>, _out: &mut Violations) {}
        }
    )*};
}

no_constraints!(
    String,
    bool,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    Decimal,
    BigInt,
    DateTime,
    Base64,
    serde_json::Value,
);

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, at: &Location<'_>, out: &mut Violations) {
        if let Some(value) = self {
            value.validate_at(at, out);
        }
    }
}

impl<T: Validate> Validate for Nullable<T> {
    fn validate_at(&self, at: &Location<'_>, out: &mut Violations) {
        if let Nullable::Value(value) = self {
            value.validate_at(at, out);
        }
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, at: &Location<'_>, out: &mut Violations) {
        (**self).validate_at(at, out);
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, at: &Location<'_>, out: &mut Violations) {
        for (i, item) in self.iter().enumerate() {
            item.validate_at(&at.index(i), out);
        }
    }
}

impl<T: Validate> Validate for BTreeMap<String, T> {
    fn validate_at(&self, at: &Location<'_>, out: &mut Violations) {
        for (key, item) in self {
            item.validate_at(&at.key(key), out);
        }
    }
}
