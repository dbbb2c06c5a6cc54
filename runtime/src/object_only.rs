//! [`ObjectOnly`]: a deserializer that reads a struct from a JSON object only.
//!
//! serde's derived `Deserialize` for a struct accepts a sequence as well as a map
//! (`[10.25, "USD", …]` fills the fields in declaration order). JSON Schema's `type: object`
//! admits only an object, and [`crate::CheckJson`] reports an array there as a `type` violation,
//! so `parse` and `validate` could disagree. A generated struct derives serde's impls with
//! `#[serde(remote = "Self")]`, and `#[derive(Validate)]` implements `Deserialize` by handing the
//! derived code this wrapper: `deserialize_struct` becomes `deserialize_map`, so any other JSON
//! type is serde's "invalid type" error. Everything else is forwarded unchanged, so numbers,
//! strings and the decimal adapters read exactly as before.

use serde::de::{Deserializer, Visitor};

/// Wraps a deserializer so that a struct can only be read from a map (a JSON object).
#[derive(Debug)]
pub struct ObjectOnly<D>(pub D);

/// Forwards each named `deserialize_*` method (with its extra arguments) to the inner
/// deserializer, `self.0`.
macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            #[inline]
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                self.0.$method($($arg,)* visitor)
            }
        )*
    };
}

pub(crate) use forward_deserialize;

/// Every `deserialize_*` method of a value, which a wrapper leaves to the inner deserializer:
/// all but the six the wrappers of this crate take over (`any`, `str`, `string`, `struct`,
/// `identifier`, `ignored_any`), each of which a wrapper forwards or takes over itself.
macro_rules! forward_values {
    () => {
        $crate::object_only::forward_deserialize! {
            deserialize_bool();
            deserialize_i8();
            deserialize_i16();
            deserialize_i32();
            deserialize_i64();
            deserialize_i128();
            deserialize_u8();
            deserialize_u16();
            deserialize_u32();
            deserialize_u64();
            deserialize_u128();
            deserialize_f32();
            deserialize_f64();
            deserialize_char();
            deserialize_bytes();
            deserialize_byte_buf();
            deserialize_option();
            deserialize_unit();
            deserialize_unit_struct(name: &'static str);
            deserialize_newtype_struct(name: &'static str);
            deserialize_seq();
            deserialize_tuple(len: usize);
            deserialize_tuple_struct(name: &'static str, len: usize);
            deserialize_map();
            deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        }
    };
}

pub(crate) use forward_values;

/// Every `deserialize_*` method but `deserialize_struct`, forwarded.
macro_rules! forward_all_but_struct {
    () => {
        $crate::object_only::forward_values!();
        $crate::object_only::forward_deserialize! {
            deserialize_any();
            deserialize_str();
            deserialize_string();
            deserialize_identifier();
            deserialize_ignored_any();
        }
    };
}

pub(crate) use forward_all_but_struct;

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    forward_all_but_struct!();
}

#[cfg(test)]
mod tests {
    use super::ObjectOnly;
    use serde::{Deserialize, Serialize};
    use serde_json::json;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(remote = "Self")]
    struct Pair {
        a: u8,
        b: String,
    }

    impl<'de> Deserialize<'de> for Pair {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            Pair::deserialize(ObjectOnly(deserializer))
        }
    }

    #[test]
    fn an_object_reads_and_an_array_is_an_invalid_type() {
        let pair = Pair {
            a: 1,
            b: "x".into(),
        };
        assert_eq!(
            serde_json::from_str::<Pair>(r#"{"a":1,"b":"x"}"#).unwrap(),
            pair
        );
        assert_eq!(
            serde_json::from_value::<Pair>(json!({"a": 1, "b": "x"})).unwrap(),
            pair
        );
        for text in [r#"[1,"x"]"#, "1", r#""x""#, "null", "true"] {
            let error = serde_json::from_str::<Pair>(text).expect_err(text);
            assert!(
                error.to_string().starts_with("invalid type"),
                "{text}: {error}"
            );
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert!(
                serde_json::from_value::<Pair>(value).is_err(),
                "{text} as a Value"
            );
        }
    }

    #[test]
    fn nested_reads_go_through_unchanged() {
        let pairs: Vec<Pair> = serde_json::from_str(r#"[{"a":2,"b":"y"}]"#).unwrap();
        assert_eq!(pairs[0].a, 2);
        let error = serde_json::from_str::<Vec<Pair>>(r#"[[2,"y"]]"#).unwrap_err();
        assert!(error.to_string().starts_with("invalid type"), "{error}");
    }
}
