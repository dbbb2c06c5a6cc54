//! Reading: [`Capture`] around serde's derived code keeps what its fields do not name.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::Additional;
use crate::object_only::{forward_all_but_struct, forward_deserialize, forward_values};
use crate::JsonValue;

/// The deserializer to hand serde's derived code (`#[serde(remote = "Self")]`): a struct is
/// read from a map only, and the members its fields do not name are put in `sink`.
pub struct Capture<'a, D, T = JsonValue>(D, Sink<'a, T>);

/// Where kept members go, and the names that are read past instead.
struct Sink<'a, T> {
    unlisted: &'a mut Additional<T>,
    except: &'static [&'static str],
}

impl<'a, D, T> Capture<'a, D, T> {
    /// Wraps `deserializer`; members the struct's fields do not name go to `sink`, each read
    /// as a `T` (exact JSON for [`Unlisted`](super::Unlisted), an `additionalProperties` type otherwise).
    #[inline]
    pub fn new(deserializer: D, sink: &'a mut Additional<T>) -> Self {
        Capture(
            deserializer,
            Sink {
                unlisted: sink,
                except: &[],
            },
        )
    }

    /// Members named here are read past, not kept (a response type's `writeOnly` members: a
    /// secret a provider echoes is not stored or forwarded).
    #[inline]
    pub fn except(mut self, names: &'static [&'static str]) -> Self {
        self.1.except = names;
        self
    }
}

impl<'de, D: Deserializer<'de>, T: Deserialize<'de>> Deserializer<'de> for Capture<'_, D, T> {
    type Error = D::Error;

    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(CaptureVisitor {
            visitor,
            sink: self.1,
        })
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    forward_all_but_struct!();
}

struct CaptureVisitor<'a, V, T> {
    visitor: V,
    sink: Sink<'a, T>,
}

impl<'de, V: Visitor<'de>, T: Deserialize<'de>> Visitor<'de> for CaptureVisitor<'_, V, T> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(CaptureMap {
            map,
            sink: self.sink,
            key: None,
        })
    }
}

/// The map serde's derived code reads. Each key's text is noted on the way to the derived
/// code; a value the derived code skips (it asks for `deserialize_ignored_any`: its fields do
/// not name the key) is read instead, exactly, and kept under that key. The derived code
/// decides what is listed, so no list of names is searched here.
struct CaptureMap<'a, 'de, A, T> {
    map: A,
    sink: Sink<'a, T>,
    key: Option<Cow<'de, str>>,
}

impl<'de, A: MapAccess<'de>, T: Deserialize<'de>> MapAccess<'de> for CaptureMap<'_, 'de, A, T> {
    type Error = A::Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.key = None;
        self.map.next_key_seed(KeySeed {
            seed,
            slot: &mut self.key,
        })
    }

    #[inline]
    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.map.next_value_seed(ValueSeed {
            seed,
            key: &mut self.key,
            sink: &mut self.sink,
        })
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// The derived code's key seed, noting the key's text in `slot`.
struct KeySeed<'s, 'de, K> {
    seed: K,
    slot: &'s mut Option<Cow<'de, str>>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, 'de, K> {
    type Value = K::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        self.seed
            .deserialize(KeyDeserializer(deserializer, self.slot))
    }
}

/// A key's deserializer: a string read as an identifier or a string is noted.
struct KeyDeserializer<'s, 'de, D>(D, &'s mut Option<Cow<'de, str>>);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeyDeserializer<'_, 'de, D> {
    type Error = D::Error;

    #[inline]
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_identifier(KeyVisitor(visitor, self.1))
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_str(KeyVisitor(visitor, self.1))
    }

    #[inline]
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_string(KeyVisitor(visitor, self.1))
    }

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(KeyVisitor(visitor, self.1))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    forward_values!();
    forward_deserialize! {
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_ignored_any();
    }
}

/// The derived code's key visitor, noting the text of a string key (borrowed when the input
/// lends it: no allocation for a plain JSON key).
struct KeyVisitor<'s, 'de, V>(V, &'s mut Option<Cow<'de, str>>);

/// Forwards each named `visit_*` method of one argument to the inner visitor, `self.0`.
macro_rules! forward_visit {
    ($($method:ident($ty:ty);)*) => {
        $(
            #[inline]
            fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
                self.0.$method(v)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeyVisitor<'_, 'de, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        *self.1 = Some(Cow::Borrowed(v));
        self.0.visit_borrowed_str(v)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        *self.1 = Some(Cow::Owned(v.to_owned()));
        self.0.visit_str(v)
    }

    #[inline]
    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        *self.1 = Some(Cow::Owned(v.clone()));
        self.0.visit_string(v)
    }

    forward_visit! {
        visit_bool(bool);
        visit_i64(i64);
        visit_i128(i128);
        visit_u64(u64);
        visit_u128(u128);
        visit_f64(f64);
        visit_char(char);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }
}

/// The derived code's value seed: a value it skips is kept under the noted key.
struct ValueSeed<'s, 'a, 'de, S, T> {
    seed: S,
    key: &'s mut Option<Cow<'de, str>>,
    sink: &'s mut Sink<'a, T>,
}

impl<'de, S: DeserializeSeed<'de>, T: Deserialize<'de>> DeserializeSeed<'de>
    for ValueSeed<'_, '_, 'de, S, T>
{
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.seed
            .deserialize(ValueDeserializer(deserializer, self.key, self.sink))
    }
}

/// A value's deserializer: everything is the inner one's, except skipping, which keeps it.
struct ValueDeserializer<'s, 'a, 'de, D, T>(D, &'s mut Option<Cow<'de, str>>, &'s mut Sink<'a, T>);

impl<'de, D: Deserializer<'de>, T: Deserialize<'de>> Deserializer<'de>
    for ValueDeserializer<'_, '_, 'de, D, T>
{
    type Error = D::Error;

    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        match self.1.take() {
            Some(key) if !self.2.except.contains(&key.as_ref()) => {
                let value = T::deserialize(self.0)?;
                self.2.unlisted.insert(key.into_owned(), value);
            }
            _ => {
                de::IgnoredAny::deserialize(self.0)?;
            }
        }
        visitor.visit_unit()
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    forward_values!();
    forward_deserialize! {
        deserialize_any();
        deserialize_str();
        deserialize_string();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_identifier();
    }
}
