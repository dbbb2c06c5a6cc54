//! Writing: [`Append`] around serde's derived code adds the unlisted members at the end.

use std::fmt;

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::Additional;

/// The serializer to hand serde's derived code (`#[serde(remote = "Self")]`) when there are
/// unlisted members: the struct becomes a map that ends with them; a member whose name the
/// struct wrote already is not written again. (With none, the generated code calls the derived
/// code with the serializer itself: a struct stays a struct.)
pub struct Append<'a, S, T = crate::JsonValue>(S, &'a Additional<T>);

impl<'a, S, T> Append<'a, S, T> {
    /// Wraps `serializer`; `unlisted` is written after the struct's own members.
    pub fn new(serializer: S, unlisted: &'a Additional<T>) -> Self {
        Append(serializer, unlisted)
    }
}

/// A struct being written as a map, and the members to add at its end.
pub struct AppendStruct<'a, M, T = crate::JsonValue> {
    map: M,
    unlisted: &'a Additional<T>,
    written: Vec<&'static str>,
}

impl<M: SerializeMap, V: Serialize> SerializeStruct for AppendStruct<'_, M, V> {
    type Ok = M::Ok;
    type Error = M::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        self.written.push(key);
        self.map.serialize_entry(key, value)
    }

    /// A listed member left out (`skip_serializing_if`) is still the struct's: an entry of the
    /// same name among the additional members is not written in its place.
    fn skip_field(&mut self, key: &'static str) -> Result<(), M::Error> {
        self.written.push(key);
        Ok(())
    }

    fn end(mut self) -> Result<M::Ok, M::Error> {
        for (name, value) in self.unlisted {
            if !self.written.contains(&name) {
                self.map.serialize_entry(name, value)?;
            }
        }
        self.map.end()
    }
}

/// Forwards each named `serialize_*` method of a value to the inner serializer, `self.0`.
macro_rules! forward_serialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method(self, $($arg: $ty),*) -> Result<S::Ok, S::Error> {
                self.0.$method($($arg),*)
            }
        )*
    };
}

impl<'a, S: Serializer, V: Serialize> Serializer for Append<'a, S, V> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = S::SerializeSeq;
    type SerializeTuple = S::SerializeTuple;
    type SerializeTupleStruct = S::SerializeTupleStruct;
    type SerializeTupleVariant = S::SerializeTupleVariant;
    type SerializeMap = S::SerializeMap;
    type SerializeStruct = AppendStruct<'a, S::SerializeMap, V>;
    type SerializeStructVariant = S::SerializeStructVariant;

    fn serialize_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        Ok(AppendStruct {
            map: self.0.serialize_map(Some(len + self.1.len()))?,
            unlisted: self.1,
            written: Vec::with_capacity(len),
        })
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    forward_serialize! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
        serialize_char(v: char);
        serialize_str(v: &str);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(value)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, value)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0
            .serialize_newtype_variant(name, index, variant, value)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<S::SerializeSeq, S::Error> {
        self.0.serialize_seq(len)
    }

    fn serialize_tuple(self, len: usize) -> Result<S::SerializeTuple, S::Error> {
        self.0.serialize_tuple(len)
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<S::SerializeTupleStruct, S::Error> {
        self.0.serialize_tuple_struct(name, len)
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<S::SerializeTupleVariant, S::Error> {
        self.0.serialize_tuple_variant(name, index, variant, len)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<S::SerializeMap, S::Error> {
        self.0.serialize_map(len)
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<S::SerializeStructVariant, S::Error> {
        self.0.serialize_struct_variant(name, index, variant, len)
    }

    fn collect_str<T: ?Sized + fmt::Display>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.0.collect_str(value)
    }
}
