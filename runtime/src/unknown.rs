//! The error of a strict wire enum's `FromStr`.

use std::fmt;

/// A string that is not one of an enum's documented wire values
/// (`Err` of the `FromStr` that `#[derive(WireEnum)]` generates).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct UnknownValue {
    value: String,
    expected: &'static [&'static str],
}

impl UnknownValue {
    /// `value` was given; `expected` are the documented wire values (the enum's `VALUES`).
    pub fn new(value: impl Into<String>, expected: &'static [&'static str]) -> Self {
        UnknownValue {
            value: value.into(),
            expected,
        }
    }

    /// The string that was given.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The documented wire values.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for UnknownValue {
    /// `unknown value "X", expected one of "A", "B"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown value {:?}", self.value)?;
        match self.expected {
            [] => f.write_str(", no values are documented"),
            [one] => write!(f, ", expected {one:?}"),
            many => {
                f.write_str(", expected one of ")?;
                for (i, v) in many.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{v:?}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for UnknownValue {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_documented_values() {
        let e = UnknownValue::new("PAY", &["PAY-IN", "PAY-OUT"]);
        assert_eq!(
            e.to_string(),
            r#"unknown value "PAY", expected one of "PAY-IN", "PAY-OUT""#
        );
        assert_eq!(e.value(), "PAY");
        assert_eq!(e.expected(), ["PAY-IN", "PAY-OUT"]);
        assert_eq!(
            UnknownValue::new("x", &["only"]).to_string(),
            r#"unknown value "x", expected "only""#
        );
    }
}
