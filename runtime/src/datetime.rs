//! `DateTime`: an RFC 3339 timestamp (`format: date-time`).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Error as _, Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::check_json::wrong_type;
use crate::json::Json;
use crate::{CheckJson, Code, Location, Violations};

/// An RFC 3339 date-time such as `2023-11-07T05:31:56Z`, kept with its offset.
///
/// A parsed value serializes back exactly as it was sent (`2021-01-01T00:00:00.000Z` keeps its
/// `.000`, `+00:00` stays `+00:00`), so responses round-trip byte for byte. A value built in
/// Rust serializes with [`Rfc3339`]: a UTC offset as `Z`, others as `+hh:mm`, the fraction of
/// a second only when it is not zero. Equality, hashing and order compare the instant (as
/// `OffsetDateTime` does), never the spelling.
#[derive(Clone, Debug)]
pub struct DateTime {
    value: OffsetDateTime,
    /// The text it was parsed from, when it was parsed.
    text: Option<Box<str>>,
}

impl PartialEq for DateTime {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl Eq for DateTime {}

impl std::hash::Hash for DateTime {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateTime {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl DateTime {
    /// Wraps an `OffsetDateTime`.
    pub fn new(value: OffsetDateTime) -> Self {
        DateTime { value, text: None }
    }

    /// The timestamp.
    pub fn get(&self) -> &OffsetDateTime {
        &self.value
    }

    /// The timestamp, unwrapped.
    pub fn into_inner(self) -> OffsetDateTime {
        self.value
    }

    /// The RFC 3339 text: as sent for a parsed value; fails only for values RFC 3339 cannot
    /// express (a year outside 0000–9999 or an offset with seconds), which parsing never
    /// produces.
    pub fn to_rfc3339(&self) -> Result<String, time::error::Format> {
        self.text().map(Cow::into_owned)
    }

    /// The RFC 3339 text, borrowed when the value was parsed (as [`DateTime::to_rfc3339`]).
    fn text(&self) -> Result<Cow<'_, str>, time::error::Format> {
        match &self.text {
            Some(text) => Ok(Cow::Borrowed(text)),
            None => self.value.format(&Rfc3339).map(Cow::Owned),
        }
    }
}

impl DateTime {
    /// A literal a `<module>::<type>!({…})` payload macro checked while compiling, with this
    /// same parser: the text is kept, as [`DateTime::from_str`] keeps it. Not a stable API.
    /// (The epoch stands in only for a text the macro refused, which never compiles.)
    #[doc(hidden)]
    pub fn __from_checked_literal(text: &'static str) -> DateTime {
        DateTime {
            value: parse_rfc3339(text).unwrap_or(OffsetDateTime::UNIX_EPOCH),
            text: Some(text.into()),
        }
    }
}

impl From<OffsetDateTime> for DateTime {
    fn from(value: OffsetDateTime) -> Self {
        DateTime::new(value)
    }
}

impl From<DateTime> for OffsetDateTime {
    fn from(value: DateTime) -> Self {
        value.value
    }
}

/// Why a text is not an RFC 3339 date-time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseDateTimeError {
    reason: String,
}

impl fmt::Display for ParseDateTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid RFC 3339 date-time: {}", self.reason)
    }
}

impl std::error::Error for ParseDateTimeError {}

impl FromStr for DateTime {
    type Err = ParseDateTimeError;

    /// Parses RFC 3339, e.g. `2023-11-07T05:31:56Z` or `2023-11-07T06:31:56.5+01:00`. The date
    /// and time must be separated by `T` (or `t`), as JSON Schema's `date-time` requires; the
    /// space RFC 3339 allows "for readability" is rejected.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_rfc3339(text).map(|value| DateTime {
            value,
            text: Some(text.into()),
        })
    }
}

/// The instant `text` denotes, checked as [`DateTime::from_str`] documents; keeps nothing, so
/// checking a date-time costs no allocation.
pub(crate) fn parse_rfc3339(text: &str) -> Result<OffsetDateTime, ParseDateTimeError> {
    if !matches!(text.as_bytes().get(10), Some(b'T' | b't')) {
        return Err(ParseDateTimeError {
            reason: "the date and the time must be separated by `T`".to_owned(),
        });
    }
    OffsetDateTime::parse(text, &Rfc3339).map_err(|e| ParseDateTimeError {
        reason: e.to_string(),
    })
}

impl fmt::Display for DateTime {
    /// RFC 3339; a value RFC 3339 cannot express falls back to `OffsetDateTime`'s `Display`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.text() {
            Ok(text) => f.write_str(&text),
            Err(_) => fmt::Display::fmt(&self.value, f),
        }
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A parsed value writes the text it was read from, without copying it.
        let text = self.text().map_err(S::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let value = parse_rfc3339(&text).map_err(D::Error::custom)?;
        Ok(DateTime {
            value,
            text: Some(text.into_boxed_str()),
        })
    }
}

/// The message of a `format: date-time` violation.
pub(crate) const DATE_TIME_MESSAGE: &str =
    "must be an RFC 3339 date-time such as 2023-11-07T05:31:56Z";

impl CheckJson for DateTime {
    /// A string in RFC 3339 form; otherwise `type` or `format`.
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        match value {
            Json::String(text) => {
                if parse_rfc3339(text).is_err() {
                    out.push(at, Code::Format, DATE_TIME_MESSAGE);
                }
            }
            other => wrong_type("a string", other, at, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn utc_round_trips_exactly() {
        let text = r#""2023-11-07T05:31:56Z""#;
        let value: DateTime = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_string(&value).unwrap(), text);
        assert_eq!(value.to_string(), "2023-11-07T05:31:56Z");
        assert_eq!(value.get().unix_timestamp(), 1_699_335_116);
    }

    #[test]
    fn offsets_and_fractions_are_kept() {
        for text in [
            "2023-11-07T06:31:56+01:00",
            "2023-11-07T05:31:56.123Z",
            "2023-11-07T00:01:56.5-05:30",
        ] {
            let value: DateTime = text.parse().unwrap();
            assert_eq!(value.to_string(), text);
        }
    }

    #[test]
    fn equality_and_order_compare_instants() {
        let utc: DateTime = "2023-11-07T05:31:56Z".parse().unwrap();
        let paris: DateTime = "2023-11-07T06:31:56+01:00".parse().unwrap();
        let later: DateTime = "2023-11-07T05:31:57Z".parse().unwrap();
        assert_eq!(utc, paris);
        assert!(later > paris);
        assert_eq!(DateTime::from(utc.clone().into_inner()), utc);
    }

    #[test]
    fn parsed_values_serialize_exactly_as_sent() {
        for text in [
            "2021-01-01T00:00:00.000Z",
            "2021-01-01T00:00:00+00:00",
            "2021-01-01t00:00:00.100z",
        ] {
            let json = format!("\"{text}\"");
            let value: DateTime = serde_json::from_str(&json).unwrap();
            assert_eq!(serde_json::to_string(&value).unwrap(), json);
        }
        let built = DateTime::new(OffsetDateTime::UNIX_EPOCH);
        assert_eq!(
            serde_json::to_string(&built).unwrap(),
            "\"1970-01-01T00:00:00Z\""
        );
    }

    #[test]
    fn bad_strings_are_errors() {
        for text in [
            "2023-11-07",
            "2023-11-07 05:31:56Z",
            "2023-02-30T00:00:00Z",
            "yesterday",
        ] {
            assert!(text.parse::<DateTime>().is_err(), "{text}");
        }
        let e = serde_json::from_str::<DateTime>(r#""2023-13-01T00:00:00Z""#).unwrap_err();
        assert!(
            e.to_string().starts_with("invalid RFC 3339 date-time"),
            "{e}"
        );
    }

    #[test]
    fn unformattable_values_fail_to_serialize_without_panicking() {
        let ancient = OffsetDateTime::UNIX_EPOCH.replace_year(-5).unwrap();
        let value = DateTime::from(ancient);
        assert!(serde_json::to_string(&value).is_err());
        assert!(!value.to_string().is_empty());
    }

    #[test]
    fn check_json_reports_type_and_format() {
        let check = |value: Value| {
            let mut out = Violations::new();
            DateTime::check_json(&Json::from(&value), &Location::Root.key("at"), &mut out);
            out.into_iter()
                .map(|v| (v.path().to_owned(), v.code()))
                .collect::<Vec<_>>()
        };
        assert!(check(json!("2023-11-07T05:31:56Z")).is_empty());
        assert_eq!(
            check(json!("2023-11-07")),
            [("/at".to_owned(), Code::Format)]
        );
        assert_eq!(check(json!(1699335116)), [("/at".to_owned(), Code::Type)]);
    }
}
