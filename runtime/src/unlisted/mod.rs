//! [`Unlisted`]: the members of a JSON object that its schema allows but does not list, kept as
//! read and written back.
//!
//! With `additionalProperties` absent (extra members allowed), a provider may send members the
//! spec does not document. A service that stores or forwards what a provider sent must not lose
//! them: a generated response struct keeps them in a field of this type. `#[derive(Validate)]`
//! reads them through [`Capture`] (around serde's derived code; it also reads the struct from a
//! JSON object only, as [`crate::ObjectOnly`] does) and writes them after the listed members
//! through [`Append`]. Names and values are kept in the order read; values are exact
//! ([`JsonValue`]).

mod read;
mod write;

pub use read::Capture;
pub use write::{Append, AppendStruct};

use std::fmt;

use crate::JsonValue;

/// Members an object's schema allows but does not list, kept as exact JSON.
pub type Unlisted = Additional<JsonValue>;

/// Members of an object that its `properties` do not name, in the order read: those
/// `additionalProperties` types (`Additional<T>`), or those it allows untyped ([`Unlisted`]).
#[derive(Clone, PartialEq)]
pub struct Additional<T> {
    members: Vec<(String, T)>,
}

impl<T> Default for Additional<T> {
    fn default() -> Self {
        Additional {
            members: Vec::new(),
        }
    }
}

impl<T> Additional<T> {
    /// No members.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// The value of the member `name`.
    pub fn get(&self, name: &str) -> Option<&T> {
        self.members.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// Sets the member `name` (in its place if it is there, else last); returns the value it
    /// replaces. A name the struct lists is not written twice: the listed member wins.
    pub fn insert(&mut self, name: impl Into<String>, value: T) -> Option<T> {
        let name = name.into();
        match self.members.iter_mut().find(|(n, _)| *n == name) {
            Some((_, old)) => Some(std::mem::replace(old, value)),
            None => {
                self.members.push((name, value));
                None
            }
        }
    }

    /// Removes the member `name`, returning its value.
    pub fn remove(&mut self, name: &str) -> Option<T> {
        let index = self.members.iter().position(|(n, _)| n == name)?;
        Some(self.members.remove(index).1)
    }

    /// The members in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.members.iter().map(|(n, v)| (n.as_str(), v))
    }
}

impl<T: crate::CheckJson> Additional<T> {
    /// Checks each member of `object` that `listed` does not name against `T` (what
    /// `#[derive(Validate)]` calls for a struct's `additionalProperties` schema).
    pub fn check_members(
        object: &crate::json::Object<'_>,
        listed: &[&str],
        at: &crate::Location<'_>,
        out: &mut crate::Violations,
    ) {
        for (name, value) in object.iter() {
            if !listed.contains(&name) {
                T::check_json(value, &at.key(name), out);
            }
        }
    }
}

impl<T: crate::Validate> crate::Validate for Additional<T> {
    fn validate_at(&self, at: &crate::Location<'_>, out: &mut crate::Violations) {
        for (name, value) in self.iter() {
            value.validate_at(&at.key(name), out);
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Additional<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<'a, T> IntoIterator for &'a Additional<T> {
    type Item = (&'a str, &'a T);
    type IntoIter = Box<dyn Iterator<Item = (&'a str, &'a T)> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// What `#[derive(Validate)]` writes for a struct that keeps unlisted members.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(remote = "Self")]
    struct Card {
        brand: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last4: Option<String>,
        #[serde(skip)]
        unlisted: Unlisted,
    }

    impl<'de> Deserialize<'de> for Card {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let mut unlisted = Unlisted::new();
            let mut card = Card::deserialize(Capture::new(deserializer, &mut unlisted))?;
            card.unlisted = unlisted;
            Ok(card)
        }
    }

    impl Serialize for Card {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            if self.unlisted.is_empty() {
                Card::serialize(self, serializer)
            } else {
                Card::serialize(self, Append::new(serializer, &self.unlisted))
            }
        }
    }

    #[test]
    fn unlisted_members_are_kept_in_order_and_written_back_after_the_listed_ones() {
        let text = r#"{"wallet":{"type":"apple_pay"},"brand":"visa","network":"visa","fee":0.10000000000000000001}"#;
        let card: Card = serde_json::from_str(text).unwrap();
        assert_eq!(card.brand, "visa");
        assert_eq!(card.last4, None);
        let names: Vec<&str> = card.unlisted.iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["wallet", "network", "fee"]);
        assert_eq!(
            serde_json::to_string(&card.unlisted.get("fee")).unwrap(),
            "0.10000000000000000001",
            "exact numbers"
        );
        assert_eq!(
            serde_json::to_string(&card).unwrap(),
            r#"{"brand":"visa","wallet":{"type":"apple_pay"},"network":"visa","fee":0.10000000000000000001}"#
        );
    }

    #[test]
    fn listed_members_are_not_kept_and_a_struct_without_unlisted_stays_a_struct() {
        let text = r#"{"brand":"visa","last4":"4242"}"#;
        let card: Card = serde_json::from_str(text).unwrap();
        assert!(card.unlisted.is_empty());
        assert_eq!(serde_json::to_string(&card).unwrap(), text);
        // An escaped key is compared by its text.
        let card: Card = serde_json::from_str(r#"{"br\u0061nd":"visa","x\u0079":1}"#).unwrap();
        assert_eq!(card.brand, "visa");
        assert_eq!(
            card.unlisted.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            ["xy"]
        );
    }

    #[test]
    fn a_listed_name_in_unlisted_is_written_once() {
        let mut card = Card {
            brand: "visa".into(),
            last4: None,
            unlisted: Unlisted::new(),
        };
        card.unlisted
            .insert("brand", JsonValue::from_slice(br#""amex""#).unwrap());
        // A listed member that is absent (`None`, skipped) is still not written from here.
        card.unlisted
            .insert("last4", JsonValue::from_slice(br#""0000""#).unwrap());
        card.unlisted
            .insert("extra", JsonValue::from_slice(b"1").unwrap());
        assert_eq!(
            serde_json::to_string(&card).unwrap(),
            r#"{"brand":"visa","extra":1}"#
        );
        assert_eq!(
            card.unlisted.remove("extra").map(|v| v.to_string()),
            Some("1".into())
        );
        assert_eq!(card.unlisted.len(), 2);
    }

    #[test]
    fn only_an_object_is_a_struct() {
        for text in [r#"["visa"]"#, "1", "null", r#""visa""#] {
            let error = serde_json::from_str::<Card>(text).expect_err(text);
            assert!(
                error.to_string().starts_with("invalid type"),
                "{text}: {error}"
            );
        }
        let error = serde_json::from_str::<Card>(r#"{"last4":"1"}"#).unwrap_err();
        assert!(
            error.to_string().contains("missing field `brand`"),
            "{error}"
        );
        let error = serde_json::from_str::<Card>(r#"{"brand":"visa","x":}"#).unwrap_err();
        assert!(error.is_syntax(), "{error}");
    }

    #[test]
    fn nested_and_through_a_value() {
        let cards: Vec<Card> =
            serde_json::from_str(r#"[{"brand":"visa","a":[1,2]},{"brand":"mc"}]"#).unwrap();
        assert_eq!(cards[0].unlisted.len(), 1);
        assert!(cards[1].unlisted.is_empty());
        let value = serde_json::json!({"brand": "visa", "b": {"c": true}});
        let card: Card = serde_json::from_value(value).unwrap();
        assert_eq!(
            card.unlisted.get("b").map(|v| v.to_string()),
            Some(r#"{"c":true}"#.into())
        );
    }

    /// An `additionalProperties` schema beside `properties`: the other members are typed.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(remote = "Self")]
    struct Limits {
        currency: String,
        #[serde(skip)]
        additional: Additional<u32>,
    }

    impl<'de> Deserialize<'de> for Limits {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let mut additional = Additional::new();
            let mut limits = Limits::deserialize(Capture::new(deserializer, &mut additional))?;
            limits.additional = additional;
            Ok(limits)
        }
    }

    impl Serialize for Limits {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            Limits::serialize(self, Append::new(serializer, &self.additional))
        }
    }

    #[test]
    fn additional_members_are_typed() {
        let text = r#"{"currency":"EUR","daily":100,"monthly":2000}"#;
        let limits: Limits = serde_json::from_str(text).unwrap();
        assert_eq!(limits.additional.get("monthly"), Some(&2000));
        assert_eq!(serde_json::to_string(&limits).unwrap(), text);
        let error =
            serde_json::from_str::<Limits>(r#"{"currency":"EUR","daily":"x"}"#).unwrap_err();
        assert!(
            error.to_string().starts_with("invalid type: string"),
            "{error}"
        );
    }
}
