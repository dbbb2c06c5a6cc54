//! Rule checks the `Validate` derive expands to, one function per JSON Schema keyword.
//!
//! Each pushes at most one violation at `at`, with a message a person understands
//! (`must be at least 0`, `must match ^[A-Z]{3}$`, `must have at most 3 characters`).

use std::cmp::Ordering;

use regex::Regex;
use rust_decimal::Decimal;

use crate::{Code, Location, Violations};

mod numeric;

pub use numeric::Numeric;

/// `pattern`: `value` must match `regex` (translated from the ECMA-262 `source`, which the
/// message quotes). Like JSON Schema, the pattern is not implicitly anchored.
pub fn pattern(
    value: &str,
    regex: &Regex,
    source: &'static str,
    at: &Location<'_>,
    out: &mut Violations,
) {
    if !regex.is_match(value) {
        out.push(at, Code::Pattern, format!("must match {source}"));
    }
}

fn characters(n: usize) -> &'static str {
    if n == 1 {
        "character"
    } else {
        "characters"
    }
}

fn items(n: usize) -> &'static str {
    if n == 1 {
        "item"
    } else {
        "items"
    }
}

/// `minLength`: at least `min` characters (Unicode code points, as JSON Schema counts).
pub fn min_length(value: &str, min: usize, at: &Location<'_>, out: &mut Violations) {
    // A string of fewer than `min` bytes has fewer than `min` code points; skip the count.
    if value.len() < min || value.chars().count() < min {
        let message = format!("must have at least {min} {}", characters(min));
        out.push(at, Code::MinLength, message);
    }
}

/// `maxLength`: at most `max` characters (Unicode code points, as JSON Schema counts).
pub fn max_length(value: &str, max: usize, at: &Location<'_>, out: &mut Violations) {
    // A string of at most `max` bytes has at most `max` code points; skip the count.
    if value.len() > max && value.chars().count() > max {
        let message = format!("must have at most {max} {}", characters(max));
        out.push(at, Code::MaxLength, message);
    }
}

/// `minimum`: `value >= bound`, compared exactly.
pub fn minimum(value: &impl Numeric, bound: Decimal, at: &Location<'_>, out: &mut Violations) {
    if value.cmp_decimal(&bound) == Ordering::Less {
        let message = format!("must be at least {}", bound.normalize());
        out.push(at, Code::Minimum, message);
    }
}

/// `maximum`: `value <= bound`, compared exactly.
pub fn maximum(value: &impl Numeric, bound: Decimal, at: &Location<'_>, out: &mut Violations) {
    if value.cmp_decimal(&bound) == Ordering::Greater {
        let message = format!("must be at most {}", bound.normalize());
        out.push(at, Code::Maximum, message);
    }
}

/// `exclusiveMinimum`: `value > bound`, compared exactly.
pub fn exclusive_minimum(
    value: &impl Numeric,
    bound: Decimal,
    at: &Location<'_>,
    out: &mut Violations,
) {
    if value.cmp_decimal(&bound) != Ordering::Greater {
        let message = format!("must be greater than {}", bound.normalize());
        out.push(at, Code::ExclusiveMinimum, message);
    }
}

/// `exclusiveMaximum`: `value < bound`, compared exactly.
pub fn exclusive_maximum(
    value: &impl Numeric,
    bound: Decimal,
    at: &Location<'_>,
    out: &mut Violations,
) {
    if value.cmp_decimal(&bound) != Ordering::Less {
        let message = format!("must be less than {}", bound.normalize());
        out.push(at, Code::ExclusiveMaximum, message);
    }
}

/// `multipleOf`: `value / step` is an integer, computed exactly. A `step` that is not
/// positive (rejected at compile time by the derive) fails every value.
pub fn multiple_of(value: &impl Numeric, step: Decimal, at: &Location<'_>, out: &mut Violations) {
    if !value.is_multiple_of_decimal(&step) {
        let message = format!("must be a multiple of {}", step.normalize());
        out.push(at, Code::MultipleOf, message);
    }
}

/// `minItems`: at least `min` items (`len` is the array's or map's length).
pub fn min_items(len: usize, min: usize, at: &Location<'_>, out: &mut Violations) {
    if len < min {
        out.push(
            at,
            Code::MinItems,
            format!("must have at least {min} {}", items(min)),
        );
    }
}

/// `maxItems`: at most `max` items (`len` is the array's or map's length).
pub fn max_items(len: usize, max: usize, at: &Location<'_>, out: &mut Violations) {
    if len > max {
        out.push(
            at,
            Code::MaxItems,
            format!("must have at most {max} {}", items(max)),
        );
    }
}

/// `format`: `date-time` (RFC 3339), `date` (RFC 3339 full-date, `2023-11-07`) and `byte`
/// (base64, as [`crate::Base64`] accepts) are checked; other formats are annotations and pass.
pub fn format(value: &str, format: &'static str, at: &Location<'_>, out: &mut Violations) {
    let (valid, message) = match format {
        "date-time" => (
            value.parse::<crate::DateTime>().is_ok(),
            crate::datetime::DATE_TIME_MESSAGE,
        ),
        "date" => (
            is_full_date(value),
            "must be an RFC 3339 full-date such as 2023-11-07",
        ),
        "byte" => (crate::base64::is_valid(value), crate::base64::BYTE_MESSAGE),
        _ => return,
    };
    if !valid {
        out.push(at, Code::Format, message);
    }
}

/// RFC 3339 `full-date`: `YYYY-MM-DD`, a real calendar day.
fn is_full_date(value: &str) -> bool {
    let b = value.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        part.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let parts = (digits(0..4), digits(5..7), digits(8..10));
    let (Some(year), Some(month), Some(day)) = parts else {
        return false;
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        i32::try_from(year),
        time::Month::try_from(u8::try_from(month).unwrap_or(0)),
        u8::try_from(day),
    ) else {
        return false;
    };
    time::Date::from_calendar_date(year, month, day).is_ok()
}
