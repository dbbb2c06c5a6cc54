//! A borrowed JSON tree for the slow path of [`crate::parse()`]: [`Json`].
//!
//! Keys, strings and numbers borrow from the input (strings with escapes are decoded into owned
//! text), numbers keep their exact text and objects are plain vectors: far fewer allocations
//! than a `serde_json::Value` with `arbitrary_precision` and `preserve_order`. Same reading as
//! `Value`: a repeated member keeps its first position and its last value.
//!
//! Reading: a strict one-pass reader ([`read`]) takes well-formed input; whatever it declines
//! (not JSON, nesting deeper than it goes, serde_json's private number form) is read by
//! serde_json ([`serde_build`]), so syntax errors, their messages and positions are
//! serde_json's. A `&Json` is also a serde [`Deserializer`](serde::Deserializer) ([`de`]), read
//! as serde_json reads the same `Value`.

mod de;
mod read;
mod serde_build;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::Value;

/// The key serde_json (with `arbitrary_precision`) hands a number under, as a one-member map.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Objects with more members than this detect repeated keys through a hash map.
const LINEAR_DEDUP: usize = 16;

/// An untrusted JSON value, borrowing from the text it was read from where it can.
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
        match read::read(json) {
            Some(value) => Ok(value),
            None => serde_json::from_slice(json),
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

    /// The same value as a `serde_json::Value` (as serde_json would have read it). To
    /// deserialize a member, deserialize from the `&Json` itself: it is a serde `Deserializer`.
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            // The text came from serde_json's parser (or was checked by it), so it parses;
            // `null` is never reached.
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

impl<'a> From<&'a Value> for Json<'a> {
    /// Borrows a `serde_json::Value` (handy in tests).
    fn from(value: &'a Value) -> Self {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(Cow::Borrowed(n.as_str())),
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
