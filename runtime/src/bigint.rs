//! `BigInt`: a JSON integer of any size, serialized exactly as a JSON number.

use std::fmt;
use std::str::FromStr;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Serialize, Serializer};

use crate::check_json::{integer_parts, wrong_type};
use crate::json::Json;
use crate::{CheckJson, Code, Location, Violations};

/// A JSON integer of any size (`type: integer` without a fitting width).
///
/// Deserializes from a JSON number without fraction or exponent (`1.0` and `1e3` are rejected)
/// and serializes back as a JSON number, digit for digit.
///
/// Reading is limited to [`BigInt::MAX_DIGITS`] digits: converting decimal text to a binary
/// integer takes time quadratic in its length (a million digits take seconds), so an unbounded
/// number would let one request burn CPU. Values built in code are not limited.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BigInt(num_bigint::BigInt);

impl BigInt {
    /// The most digits (sign and leading zeros not counted) parsing accepts, as in Python's
    /// integer-string conversion limit; far beyond any amount or identifier.
    pub const MAX_DIGITS: usize = 4300;

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
    too_long: bool,
}

impl fmt::Display for ParseBigIntError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.too_long {
            write!(
                f,
                "an integer of more than {} digits is not accepted, found {}…",
                BigInt::MAX_DIGITS,
                self.text
            )
        } else {
            write!(
                f,
                "expected an integer without fraction or exponent, found {}",
                self.text
            )
        }
    }
}

/// Sign and digits of `text` when it is an integer of at most `MAX_DIGITS` significant digits.
fn checked_parts(text: &str) -> Result<(bool, &str), ParseBigIntError> {
    let error = |too_long| ParseBigIntError {
        text: text.chars().take(64).collect(),
        too_long,
    };
    let (negative, digits) = integer_parts(text).ok_or_else(|| error(false))?;
    let digits = digits.trim_start_matches('0');
    if digits.len() > BigInt::MAX_DIGITS {
        return Err(error(true));
    }
    Ok((negative, digits))
}

impl std::error::Error for ParseBigIntError {}

impl FromStr for BigInt {
    type Err = ParseBigIntError;

    /// Decimal digits with an optional leading `-` (the JSON integer grammar, leading zeros
    /// allowed), at most [`BigInt::MAX_DIGITS`] of them.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (negative, digits) = checked_parts(text)?;
        // `digits` is ASCII digits only; it is empty for zero, which `parse_bytes` refuses.
        let magnitude = num_bigint::BigUint::parse_bytes(digits.as_bytes(), 10).unwrap_or_default();
        let sign = if negative {
            num_bigint::Sign::Minus
        } else {
            num_bigint::Sign::Plus
        };
        Ok(BigInt(num_bigint::BigInt::from_biguint(sign, magnitude)))
    }
}

impl BigInt {
    /// The value of a literal a `<module>::<type>!({…})` payload macro checked while compiling:
    /// its sign and magnitude (big-endian bytes). Not a stable API.
    #[doc(hidden)]
    pub fn __from_checked_literal(negative: bool, magnitude: &[u8]) -> BigInt {
        let sign = if negative {
            num_bigint::Sign::Minus
        } else {
            num_bigint::Sign::Plus
        };
        let magnitude = num_bigint::BigUint::from_bytes_be(magnitude);
        BigInt(num_bigint::BigInt::from_biguint(sign, magnitude))
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
        crate::json::exact::serialize_number(&self.0.to_string(), serializer)
    }
}

impl<'de> Deserialize<'de> for BigInt {
    /// A JSON number without fraction or exponent, of any size.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = crate::json::exact::number_text(deserializer)?;
        BigInt::from_str(&text).map_err(D::Error::custom)
    }
}

impl CheckJson for BigInt {
    /// A JSON number without fraction or exponent.
    fn check_json(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
        match value {
            Json::Number(number) => match checked_parts(number) {
                Ok(_) => {}
                Err(e) if e.too_long => out.push(at, Code::Type, e.to_string()),
                Err(_) => {
                    let message = format!("expected an integer, found {number}");
                    out.push(at, Code::Type, message);
                }
            },
            other => wrong_type("an integer", other, at, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    const HUGE: &str = "123456789012345678901234567890123456789";

    #[test]
    fn round_trips_exactly_as_a_json_number() {
        let value: BigInt = serde_json::from_str(HUGE).unwrap();
        assert_eq!(value.to_string(), HUGE);
        assert_eq!(serde_json::to_string(&value).unwrap(), HUGE);
        let negative: BigInt = serde_json::from_str(&format!("-{HUGE}")).unwrap();
        assert_eq!(
            serde_json::to_string(&negative).unwrap(),
            format!("-{HUGE}")
        );
        // Through the runtime's exact tree as well.
        let tree: crate::JsonValue = serde_json::from_str(HUGE).unwrap();
        assert_eq!(tree.to_string(), HUGE);
        assert_eq!(BigInt::deserialize(&tree).unwrap(), value);
    }

    #[test]
    fn rejects_fractions_exponents_and_strings() {
        for text in ["1.0", "1e3", "-2.5E-1"] {
            let e = serde_json::from_str::<BigInt>(text).unwrap_err();
            // serde_json may normalise the exponent's spelling (`1e3` → `1e+3`).
            assert!(
                e.to_string()
                    .starts_with("expected an integer without fraction or exponent, found "),
                "{e}"
            );
        }
        let e = serde_json::from_str::<BigInt>(r#""12""#).unwrap_err();
        assert!(e.to_string().contains("invalid type: string"), "{e}");
    }

    #[test]
    fn from_str_and_conversions() {
        assert_eq!("-0".parse::<BigInt>().unwrap(), BigInt::from(0));
        assert!("".parse::<BigInt>().is_err());
        assert!("+1".parse::<BigInt>().is_err());
        assert_eq!(BigInt::from(u128::MAX).to_string(), u128::MAX.to_string());
        let inner: num_bigint::BigInt = BigInt::from(-5i8).into_inner();
        assert_eq!(inner, num_bigint::BigInt::from(-5));
    }

    #[test]
    fn digits_are_limited() {
        let longest = "9".repeat(BigInt::MAX_DIGITS);
        assert_eq!(longest.parse::<BigInt>().unwrap().to_string(), longest);
        let padded = format!("-000{longest}");
        assert!(
            padded.parse::<BigInt>().is_ok(),
            "leading zeros are not counted"
        );
        let too_long = format!("{longest}9");
        let e = serde_json::from_str::<BigInt>(&too_long).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("an integer of more than 4300 digits is not accepted"),
            "{e}"
        );
        let mut out = Violations::new();
        let value = Json::from_slice(too_long.as_bytes()).unwrap();
        BigInt::check_json(&value, &Location::Root, &mut out);
        assert_eq!(out.iter().next().unwrap().code(), Code::Type);
    }

    #[test]
    fn check_json_reports_type() {
        let check = |value: &Value| {
            let mut out = Violations::new();
            BigInt::check_json(&Json::from(value), &Location::Root, &mut out);
            out.into_iter()
                .map(|v| (v.code(), v.message().to_owned()))
                .collect::<Vec<_>>()
        };
        let huge = Json::from_slice(HUGE.as_bytes()).unwrap();
        let mut out = Violations::new();
        BigInt::check_json(&huge, &Location::Root, &mut out);
        assert!(out.is_empty());
        assert_eq!(
            check(&json!(1.5)),
            [(Code::Type, "expected an integer, found 1.5".to_owned())]
        );
        assert_eq!(
            check(&json!("1")),
            [(Code::Type, "expected an integer, found a string".to_owned())]
        );
    }
}
