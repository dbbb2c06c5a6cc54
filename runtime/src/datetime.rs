//! `DateTime`: an RFC 3339 timestamp (`format: date-time`).

use std::fmt;
use std::str::FromStr;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Error as _, Serialize, Serializer};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::check_json::wrong_type;
use crate::{CheckJson, Code, Location, Violations};

/// An RFC 3339 date-time such as `2023-11-07T05:31:56Z`, kept with its offset.
///
/// Serializes with [`Rfc3339`]: a UTC offset is written `Z`, others as `+hh:mm`, and the
/// fraction of a second only when it is not zero. Equality, hashing and order compare the
/// instant (as `OffsetDateTime` does).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime(OffsetDateTime);

impl DateTime {
    /// Wraps an `OffsetDateTime`.
    pub fn new(value: OffsetDateTime) -> Self {
        DateTime(value)
    }

    /// The timestamp.
    pub fn get(&self) -> &OffsetDateTime {
        &self.0
    }

    /// The timestamp, unwrapped.
    pub fn into_inner(self) -> OffsetDateTime {
        self.0
    }

    /// The RFC 3339 text; fails only for values RFC 3339 cannot express (a year outside
    /// 0000–9999 or an offset with seconds), which parsing never produces.
    pub fn to_rfc3339(&self) -> Result<String, time::error::Format> {
        self.0.format(&Rfc3339)
    }
}

impl From<OffsetDateTime> for DateTime {
    fn from(value: OffsetDateTime) -> Self {
        DateTime(value)
    }
}

impl From<DateTime> for OffsetDateTime {
    fn from(value: DateTime) -> Self {
        value.0
    }
}

impl FromStr for DateTime {
    type Err = time::error::Parse;

    /// Parses RFC 3339, e.g. `2023-11-07T05:31:56Z` or `2023-11-07T06:31:56.5+01:00`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        OffsetDateTime::parse(text, &Rfc3339).map(DateTime)
    }
}

impl fmt::Display for DateTime {
    /// RFC 3339; a value RFC 3339 cannot express falls back to `OffsetDateTime`'s `Display`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_rfc3339() {
            Ok(text) => f.write_str(&text),
            Err(_) => fmt::Display::fmt(&self.0, f),
        }
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.to_rfc3339().map_err(S::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        DateTime::from_str(&text)
            .map_err(|e| D::Error::custom(format_args!("invalid RFC 3339 date-time: {e}")))
    }
}

/// The message of a `format: date-time` violation.
pub(crate) const DATE_TIME_MESSAGE: &str =
    "must be an RFC 3339 date-time such as 2023-11-07T05:31:56Z";

impl CheckJson for DateTime {
    /// A string in RFC 3339 form; otherwise `type` or `format`.
    fn check_json(value: &Value, at: &Location<'_>, out: &mut Violations) {
        match value {
            Value::String(text) => {
                if DateTime::from_str(text).is_err() {
                    out.push(at, Code::Format, DATE_TIME_MESSAGE);
                }
            }
            other => wrong_type("a string", other, at, out),
        }
    }
}
