//! A borrowed JSON tree for the slow path of [`crate::parse()`]: [`Json`].
//!
//! Keys, strings and numbers borrow from the input (strings with escapes are decoded into owned
//! text), numbers keep their exact text and objects are plain vectors: far fewer allocations
//! than a `serde_json::Value` with `arbitrary_precision` and `preserve_order`. Same reading as
//! `Value`: a repeated member keeps its first position and its last value.
//!
//! Reading: a strict one-pass reader (`read`) takes the texts serde_json takes (and numbers
//! beyond `f64`, which JSON allows and a `Value` refuses); for
//! any other input serde_json is asked for the syntax error, so messages and positions are
//! serde_json's. A `&Json` is also a serde [`Deserializer`](serde::Deserializer) (`de`), read
//! as serde_json reads the same text. `Json` is `Serialize` and (owned, [`JsonValue`])
//! `Deserialize` with exact numbers, without serde_json's `arbitrary_precision` (`exact`).

mod de;
pub(crate) mod exact;
mod read;
mod serde_impl;
#[cfg(test)]
mod tests;

pub use serde_impl::Borrowed;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use serde_json::Value;

/// Objects with more members than this detect repeated keys through a hash map.
const LINEAR_DEDUP: usize = 16;

/// Any JSON value, owned: numbers exactly as written (any size, any number of digits), object
/// members in the order read. What a schema that allows any JSON (`{}`, free-form metadata)
/// generates; `to_value()` and `From<serde_json::Value>` convert.
pub type JsonValue = Json<'static>;

/// A JSON value, borrowing from the text it was read from where it can.
///
/// `PartialEq` compares as written (`1` and `1.0` differ); JSON Schema's equality is
/// [`crate::schema::json_equal`].
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, exactly as written.
    Number(Cow<'a, str>),
    /// A string (borrowed when the input has no escapes).
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object.
    Object(Object<'a>),
}

/// The members of a JSON object in first-seen order, each key once (its last value).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Object<'a> {
    members: Vec<(Cow<'a, str>, Json<'a>)>,
}

impl<'a> Object<'a> {
    /// The value of member `key`, if present.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.members
            .iter()
            .find(|(k, _)| k.as_ref() == key)
            .map(|(_, v)| v)
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|(k, _)| k.as_ref())
    }

    /// The members, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Json<'a>)> {
        self.members.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// How many members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there is no member.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

impl<'a> FromIterator<(Cow<'a, str>, Json<'a>)> for Object<'a> {
    /// Collects members; a repeated key keeps its first position and takes the last value.
    fn from_iter<I: IntoIterator<Item = (Cow<'a, str>, Json<'a>)>>(iter: I) -> Self {
        let mut builder = Builder::default();
        for (key, value) in iter {
            builder.insert(key, value);
        }
        builder.finish()
    }
}

/// Builds an [`Object`] as `serde_json::Map` would: repeated keys replace the value in place.
#[derive(Default)]
struct Builder<'a> {
    members: Vec<(Cow<'a, str>, Json<'a>)>,
    /// Key → index, once the object is too large for a linear search.
    index: Option<HashMap<Cow<'a, str>, usize>>,
}

impl<'a> Builder<'a> {
    fn insert(&mut self, key: Cow<'a, str>, value: Json<'a>) {
        let found = match &self.index {
            Some(index) => index.get(key.as_ref()).copied(),
            None => self.members.iter().position(|(k, _)| *k == key),
        };
        if let Some(slot) = found.and_then(|i| self.members.get_mut(i)) {
            slot.1 = value;
            return;
        }
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), self.members.len());
        } else if self.members.len() == LINEAR_DEDUP {
            let mut index: HashMap<Cow<'a, str>, usize> = self
                .members
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (k.clone(), i))
                .collect();
            index.insert(key.clone(), self.members.len());
            self.index = Some(index);
        }
        self.members.push((key, value));
    }

    fn finish(self) -> Object<'a> {
        Object {
            members: self.members,
        }
    }
}

impl<'a> Object<'a> {
    /// The object of `members` in the order read; repeated keys (rare: serde rejects them for
    /// every model) are merged as [`Builder`] merges them.
    fn from_members(members: Vec<(Cow<'a, str>, Json<'a>)>) -> Object<'a> {
        let repeated = if members.len() <= LINEAR_DEDUP {
            members
                .iter()
                .enumerate()
                .any(|(i, (key, _))| members[..i].iter().any(|(k, _)| k == key))
        } else {
            let mut keys: Vec<&str> = members.iter().map(|(k, _)| k.as_ref()).collect();
            keys.sort_unstable();
            keys.windows(2).any(|pair| pair[0] == pair[1])
        };
        if repeated {
            members.into_iter().collect()
        } else {
            Object { members }
        }
    }
}

impl<'a> Json<'a> {
    /// Reads JSON text; the error is serde_json's (message, line and column).
    pub fn from_slice(json: &'a [u8]) -> Result<Json<'a>, serde_json::Error> {
        // `Value`, not `IgnoredAny`: only a `Value` checks the escapes of every string.
        read::read(json).ok_or_else(|| match serde_json::from_slice::<Value>(json) {
            Err(e) => e,
            // Never seen: the reader takes what serde_json takes (a fuzz target compares them).
            Ok(_) => serde::de::Error::custom("JSON text the reader declines"),
        })
    }

    /// The same value, owning its text.
    pub fn into_owned(self) -> Json<'static> {
        match self {
            Json::Null => Json::Null,
            Json::Bool(b) => Json::Bool(b),
            Json::Number(text) => Json::Number(Cow::Owned(text.into_owned())),
            Json::String(text) => Json::String(Cow::Owned(text.into_owned())),
            Json::Array(items) => Json::Array(items.into_iter().map(Json::into_owned).collect()),
            Json::Object(object) => Json::Object(Object {
                members: object
                    .members
                    .into_iter()
                    .map(|(k, v)| (Cow::Owned(k.into_owned()), v.into_owned()))
                    .collect(),
            }),
        }
    }

    /// How the value's type is named in messages: `a string`, `a number`, `null`, …
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// Whether the value is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// The members of an object.
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Json::Object(object) => Some(object),
            _ => None,
        }
    }

    /// Member `key` of an object (`None` for other values, as `serde_json::Value::get`).
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.as_object().and_then(|object| object.get(key))
    }

    /// The same value as a `serde_json::Value`, as serde_json reads the text: a number that
    /// is no `u64` or `i64` becomes an `f64` (rounded), one beyond `f64`'s range `null`. To
    /// deserialize a member exactly, deserialize from the `&Json` itself: it is a serde
    /// `Deserializer`.
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(text) => text.parse().map_or(Value::Null, Value::Number),
            Json::String(text) => Value::String(text.to_string()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(object) => Value::Object(
                object
                    .iter()
                    .map(|(k, v)| (k.to_owned(), v.to_value()))
                    .collect(),
            ),
        }
    }
}

impl fmt::Display for Json<'_> {
    /// Compact JSON text, numbers as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = serde_json::to_string(self).map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }
}

impl From<Value> for Json<'static> {
    fn from(value: Value) -> Self {
        Json::from(&value).into_owned()
    }
}

impl<'a> From<&'a Value> for Json<'a> {
    /// Borrows a `serde_json::Value`'s strings; numbers as serde_json writes them.
    fn from(value: &'a Value) -> Self {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(Cow::Owned(n.to_string())),
            Value::String(s) => Json::String(Cow::Borrowed(s)),
            Value::Array(items) => Json::Array(items.iter().map(Json::from).collect()),
            Value::Object(members) => Json::Object(
                members
                    .iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Json::from(v)))
                    .collect(),
            ),
        }
    }
}
