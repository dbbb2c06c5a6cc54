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
    crate::JsonValue,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    /// A value with one rule: must be even.
    struct Even(u32);

    impl Validate for Even {
        fn validate_at(&self, at: &Location<'_>, out: &mut Violations) {
            if self.0 % 2 != 0 {
                out.push(at, Code::MultipleOf, "must be a multiple of 2");
            }
        }
    }

    #[test]
    fn containers_descend_with_paths() {
        let mut map = BTreeMap::new();
        map.insert("a/b".to_owned(), vec![Even(2), Even(3)]);
        map.insert("ok".to_owned(), vec![]);
        let err = map.validate().unwrap_err();
        assert_eq!(
            err.iter().map(|v| v.path()).collect::<Vec<_>>(),
            ["/a~1b/1"]
        );

        let nested = (
            Some(Box::new(Even(1))),
            Nullable::Value(Even(5)),
            Nullable::<Even>::Null,
        );
        let mut out = Violations::new();
        nested.0.validate_at(&Location::Root.key("x"), &mut out);
        nested.1.validate_at(&Location::Root.key("y"), &mut out);
        nested.2.validate_at(&Location::Root.key("z"), &mut out);
        assert_eq!(
            out.iter().map(|v| v.path()).collect::<Vec<_>>(),
            ["/x", "/y"]
        );
        assert!(Even(4).validate().is_ok());
    }
}
