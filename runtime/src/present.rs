//! `#[serde(with = "::payments_runtime::present")]` on an optional member whose type holds any
//! JSON value, `null` included (a checked type, `JsonValue`): serde reads a present `null`
//! through `Option` as absent, so `{"refunded_at": null}` would come back as `{}`. Through this
//! module a present member is always `Some`, `null` or not, and is checked as its type.

use crate::{CheckJson, Json, Location, Violations};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Writes the value of `Some` (pair the field with `skip_serializing_if = "Option::is_none"`).
pub fn serialize<T: Serialize, S: Serializer>(
    value: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => value.serialize(serializer),
        None => serializer.serialize_none(),
    }
}

/// Called only for a present member (the field needs `#[serde(default)]`): `T` reads it,
/// `null` included.
pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// The field types this module serves: `Option<T>`, checked as `T` whatever the value.
pub trait PresentMember {
    /// Checks a present member's value, `null` included.
    fn check_present(value: &Json<'_>, at: &Location<'_>, out: &mut Violations);
}

impl<T: CheckJson> PresentMember for Option<T> {
    fn check_present(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        T::check_json(value, at, out);
    }
}

/// The `check_json` of a field using this module: the `Validate` derive calls it with the
/// field's type, `Option<X>`, and the value is checked as `X` (`null` is not skipped).
pub fn check_json<T: PresentMember>(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
    T::check_present(value, at, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::JsonValue;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Fee {
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            with = "crate::present"
        )]
        refunded_at: Option<JsonValue>,
    }

    #[test]
    fn a_present_null_stays_present_and_an_absent_member_absent() {
        for text in [
            r#"{"refunded_at":null}"#,
            r#"{"refunded_at":{"a":1}}"#,
            "{}",
        ] {
            let fee: Fee = serde_json::from_str(text).expect("reads");
            assert_eq!(serde_json::to_string(&fee).expect("writes"), text);
        }
        let absent: Fee = serde_json::from_str("{}").expect("reads");
        assert_eq!(absent.refunded_at, None);
        let null: Fee = serde_json::from_str(r#"{"refunded_at":null}"#).expect("reads");
        assert_eq!(null.refunded_at, Some(Json::Null));
    }

    #[test]
    fn null_is_checked_as_the_type_not_skipped() {
        let mut out = Violations::default();
        check_json::<Option<u8>>(&Json::Null, &Location::Root.key("n"), &mut out);
        assert_eq!(
            out.iter().map(|v| v.path().to_owned()).collect::<Vec<_>>(),
            ["/n"]
        );
    }
}
