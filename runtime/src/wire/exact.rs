//! Reading a decimal text into a `Decimal` exactly, or failing.

use std::fmt;

use rust_decimal::Decimal;

/// The most decimal places a `Decimal` holds.
const MAX_SCALE: u32 = 28;

/// Why a text cannot be read as a `Decimal` exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecimalError {
    /// Not decimal number syntax (`-`, digits, optional `.digits`, optional exponent).
    Syntax(String),
    /// More decimal places than a `Decimal` holds (28); it would have to be rounded.
    TooPrecise(String),
    /// A magnitude above `Decimal::MAX` (79228162514264337593543950335).
    TooLarge(String),
}

impl DecimalError {
    /// Whether the text was well formed (a number) but cannot be held exactly.
    pub fn is_out_of_range(&self) -> bool {
        !matches!(self, DecimalError::Syntax(_))
    }
}

impl fmt::Display for DecimalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecimalError::Syntax(text) => write!(f, "expected a decimal number, found {text:?}"),
            DecimalError::TooPrecise(text) => write!(
                f,
                "{text} has more than {MAX_SCALE} decimal places and cannot be held exactly"
            ),
            DecimalError::TooLarge(text) => write!(
                f,
                "{text} is too large for a decimal (at most {} in magnitude)",
                Decimal::MAX
            ),
        }
    }
}

impl std::error::Error for DecimalError {}

/// Shortens untrusted text for messages.
fn shown(text: &str) -> String {
    const LIMIT: usize = 64;
    if text.chars().count() <= LIMIT {
        text.to_owned()
    } else {
        let head: String = text.chars().take(LIMIT).collect();
        format!("{head}…")
    }
}

/// Reads `-?digits(.digits)?([eE][+-]?digits)?` into a `Decimal` without rounding.
///
/// Leading zeros are allowed. The scale of the text is kept (`12.50` stays `12.50`); an
/// exponent moves the point (`1.5e3` → `1500`, `15e-4` → `0.0015`).
pub fn parse_decimal(text: &str) -> Result<Decimal, DecimalError> {
    let syntax = || DecimalError::Syntax(shown(text));
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((int, frac)) => (int, frac),
        None => (mantissa, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int_part.is_empty()
        || !all_digits(int_part)
        || (mantissa.contains('.') && frac_part.is_empty())
        || !all_digits(frac_part)
    {
        return Err(syntax());
    }
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => parse_exponent(e).ok_or_else(syntax)?,
    };

    // value = digits × 10^-(frac_len - exponent)
    // The digits without leading zeros, read in place (no concatenated copy).
    let significant = || {
        int_part
            .bytes()
            .chain(frac_part.bytes())
            .skip_while(|&b| b == b'0')
    };
    let significant_len = significant().count();
    let frac_len =
        i64::try_from(frac_part.len()).map_err(|_| DecimalError::TooPrecise(shown(text)))?;
    let scale = frac_len.saturating_sub(exponent);
    // Zero times any power of ten is zero.
    let scale = if scale < 0 && significant_len == 0 {
        0
    } else {
        scale
    };
    // Checked first: `scale` can be near `i64::MIN` (the exponent saturates), too far to add to.
    if scale < -(i64::from(MAX_SCALE) + 2) {
        return Err(DecimalError::TooLarge(shown(text)));
    }
    if scale > i64::from(MAX_SCALE) {
        return Err(DecimalError::TooPrecise(shown(text)));
    }
    // A Decimal's mantissa has at most 29 digits (Decimal::MAX has 29); this also bounds the
    // scaling loop below.
    if significant_len as i64 + (-scale).max(0) > 29 {
        return Err(DecimalError::TooLarge(shown(text)));
    }
    let mut mantissa: i128 = 0;
    for b in significant() {
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    for _ in scale..0 {
        mantissa *= 10;
    }
    let scale = u32::try_from(scale.max(0)).map_err(|_| DecimalError::TooPrecise(shown(text)))?;
    let mut value = Decimal::try_from_i128_with_scale(mantissa, scale)
        .map_err(|_| DecimalError::TooLarge(shown(text)))?;
    value.set_sign_negative(negative);
    Ok(value)
}

/// `[+-]?digits` as an `i64`, saturating far beyond any useful exponent.
fn parse_exponent(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut value: i64 = 0;
    for b in digits.bytes() {
        value = value.saturating_mul(10).saturating_add(i64::from(b - b'0'));
    }
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn ok(text: &str) -> String {
        parse_decimal(text).unwrap().to_string()
    }

    #[test]
    fn keeps_digits_and_scale() {
        assert_eq!(ok("0.1"), "0.1");
        assert_eq!(ok("12.50"), "12.50");
        assert_eq!(ok("1234567890.123456789"), "1234567890.123456789");
        assert_eq!(ok("-7"), "-7");
        assert_eq!(ok("007.10"), "7.10");
        assert_eq!(
            ok("79228162514264337593543950335"),
            "79228162514264337593543950335"
        );
        assert_eq!(
            ok("-79228162514264337593543950335"),
            "-79228162514264337593543950335"
        );
        assert_eq!(
            ok("0.0000000000000000000000000001"),
            "0.0000000000000000000000000001"
        );
    }

    #[test]
    fn exponents_move_the_point() {
        assert_eq!(ok("1.5e3"), "1500");
        assert_eq!(ok("15E-4"), "0.0015");
        assert_eq!(ok("1e+2"), "100");
        assert_eq!(ok("0e999999999999999999999"), "0");
        assert_eq!(
            ok("7922816251426433759354395033.5e1"),
            "79228162514264337593543950335"
        );
    }

    #[test]
    fn never_rounds() {
        // rust_decimal's own `from_str` rounds the 29th decimal place away silently:
        assert_eq!(
            Decimal::from_str("0.30000000000000000000000000001")
                .unwrap()
                .to_string(),
            "0.3000000000000000000000000000"
        );
        // parse_decimal refuses instead.
        let e = parse_decimal("0.30000000000000000000000000001").unwrap_err();
        assert!(matches!(e, DecimalError::TooPrecise(_)));
        assert_eq!(
            e.to_string(),
            "0.30000000000000000000000000001 has more than 28 decimal places and cannot be held exactly"
        );
        assert!(matches!(
            parse_decimal("1e-29"),
            Err(DecimalError::TooPrecise(_))
        ));
        assert!(matches!(
            parse_decimal("1.00000000000000000000000000000"),
            Err(DecimalError::TooPrecise(_))
        ));
    }

    #[test]
    fn too_large_is_an_error() {
        let e = parse_decimal("79228162514264337593543950336").unwrap_err();
        assert_eq!(
            e.to_string(),
            "79228162514264337593543950336 is too large for a decimal (at most 79228162514264337593543950335 in magnitude)"
        );
        assert!(matches!(
            parse_decimal("123456789012345678901234567890123456789"),
            Err(DecimalError::TooLarge(_))
        ));
        assert!(matches!(
            parse_decimal("1e29"),
            Err(DecimalError::TooLarge(_))
        ));
        assert!(matches!(
            parse_decimal("1e999999999999999999999"),
            Err(DecimalError::TooLarge(_))
        ));
        // 29 significant digits spread over the point still fit when the mantissa does.
        assert_eq!(
            ok("7.9228162514264337593543950335"),
            "7.9228162514264337593543950335"
        );
    }

    #[test]
    fn malformed_text_is_a_syntax_error() {
        for text in [
            "", "-", "abc", "1.", ".5", "1e", "1e+", "+1", "1,5", " 1", "1 ", "0x10", "NaN",
            "1.2.3",
        ] {
            let e = parse_decimal(text).unwrap_err();
            assert!(matches!(e, DecimalError::Syntax(_)), "{text:?}: {e}");
            assert!(!e.is_out_of_range());
        }
        assert_eq!(
            parse_decimal("abc").unwrap_err().to_string(),
            r#"expected a decimal number, found "abc""#
        );
    }

    #[test]
    fn negative_zero_keeps_its_sign() {
        assert_eq!(ok("-0.0"), "-0.0");
    }
}
