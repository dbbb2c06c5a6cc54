//! `BigInt`: a JSON integer of any size, serialized exactly as a JSON number.

use std::fmt;
use std::str::FromStr;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Error as _, Serialize, Serializer};
use serde_json::Value;

use crate::check_json::{integer_parts, wrong_type};
use crate::{CheckJson, Code, Location, Violations};

/// A JSON integer of any size (`type: integer` without a fitting width).
///
/// Deserializes from a JSON number without fraction or exponent (`1.0` and `1e3` are rejected)
/// and serializes back as a JSON number, digit for digit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BigInt(num_bigint::BigInt);

impl BigInt {
    /// Wraps a `num_bigint::BigInt`.
    pub fn new(value: num_bigint::BigInt) -> Self {
        BigInt(value)
    }

    /// The integer.
    pub fn get(&self) -> &num_bigint::BigInt {
        &self.0
    }

    /// The integer, unwrapped.
    pub fn into_inner(self) -> num_bigint::BigInt {
        self.0
    }
}

/// Why a text is not an integer `BigInt` accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseBigIntError {
    text: String,
}

impl fmt::Display for ParseBigIntError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "expected an integer without fraction or exponent, found {}",
            self.text
        )
    }
}

impl std::error::Error for ParseBigIntError {}

impl FromStr for BigInt {
    type Err = ParseBigIntError;

    /// Decimal digits with an optional leading `-` (the JSON integer grammar, leading zeros allowed).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || ParseBigIntError {
            text: text.chars().take(64).collect(),
        };
        let (negative, digits) = integer_parts(text).ok_or_else(error)?;
        let magnitude =
            num_bigint::BigUint::parse_bytes(digits.as_bytes(), 10).ok_or_else(error)?;
        let sign = if negative {
            num_bigint::Sign::Minus
        } else {
            num_bigint::Sign::Plus
        };
        Ok(BigInt(num_bigint::BigInt::from_biguint(sign, magnitude)))
    }
}

impl fmt::Display for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl From<num_bigint::BigInt> for BigInt {
    fn from(value: num_bigint::BigInt) -> Self {
        BigInt(value)
    }
}

impl From<BigInt> for num_bigint::BigInt {
    fn from(value: BigInt) -> Self {
        value.0
    }
}

macro_rules! from_primitive {
    ($($t:ty),*) => {$(
        impl From<$t> for BigInt {
            fn from(value: $t) -> Self {
                BigInt(num_bigint::BigInt::from(value))
            }
        }
    )*};
}

from_primitive!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl Serialize for BigInt {
    /// A JSON number with exactly the integer's digits.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let number = serde_json::Number::from_str(&self.0.to_string()).map_err(S::Error::custom)?;
        number.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for BigInt {
    /// A JSON number without fraction or exponent, of any size.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = serde_json::Number::deserialize(deserializer)?;
        BigInt::from_str(number.as_str()).map_err(D::Error::custom)
    }
}

impl CheckJson for BigInt {
    /// A JSON number without fraction or exponent.
    fn check_json(value: &Value, at: &Location<'_>, out: &mut Violations) {
        match value {
            Value::Number(number) => {
                if integer_parts(number.as_str()).is_none() {
                    let message = format!("expected an integer, found {}", number.as_str());
                    out.push(at, Code::Type, message);
                }
            }
            other => wrong_type("an integer", other, at, out),
        }
    }
}
