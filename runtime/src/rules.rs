//! Rule checks the `Validate` derive expands to, one function per JSON Schema keyword.
//!
//! Each pushes at most one violation at `at`, with a message a person understands
//! (`must be at least 0`, `must match ^[A-Z]{3}$`, `must have at most 3 characters`).

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::pattern::Matcher;
use crate::{Code, Location, Violations};

mod numeric;

pub use numeric::Numeric;

/// `pattern`: `value` must match `regex` (translated from the ECMA-262 `source`, which the
/// message quotes). Like JSON Schema, the pattern is not implicitly anchored. A backtracking
/// pattern whose budget runs out on `value` is a `pattern` violation saying so.
pub fn pattern(
    value: &str,
    regex: &Matcher,
    source: &'static str,
    at: &Location<'_>,
    out: &mut Violations,
) {
    match regex.is_match(value) {
        Some(true) => {}
        // `concat`, not `format!`: one allocation, no formatting machinery.
        Some(false) => out.push(at, Code::Pattern, ["must match ", source].concat()),
        None => out.push(
            at,
            Code::Pattern,
            [
                "could not be checked against ",
                source,
                ": the pattern ran out of its backtracking budget",
            ]
            .concat(),
        ),
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
            crate::datetime::parse_rfc3339(value).is_ok(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn run(f: impl FnOnce(&Location<'_>, &mut Violations)) -> Vec<(String, Code, String)> {
        let root = Location::Root;
        let at = root.key("field");
        let mut out = Violations::new();
        f(&at, &mut out);
        out.into_iter()
            .map(|v| (v.path().to_owned(), v.code(), v.message().to_owned()))
            .collect()
    }

    fn one(code: Code, message: &str) -> Vec<(String, Code, String)> {
        vec![("/field".to_owned(), code, message.to_owned())]
    }

    #[test]
    fn pattern_quotes_the_source() {
        let re = crate::pattern::compile("^[A-Z]{3}$").unwrap();
        assert!(run(|at, out| pattern("USD", &re, "^[A-Z]{3}$", at, out)).is_empty());
        assert_eq!(
            run(|at, out| pattern("usd", &re, "^[A-Z]{3}$", at, out)),
            one(Code::Pattern, "must match ^[A-Z]{3}$")
        );
    }

    /// A real provider's decimal-string pattern, with a negative look-ahead.
    #[test]
    fn look_around_runs_on_the_backtracking_engine() {
        const SOURCE: &str = r"^(?!^[-+.]*$)[+-]?0*\d*\.?\d*$";
        let re = crate::pattern::compile(SOURCE).unwrap();
        assert!(matches!(re, Matcher::Backtracking(_)));
        for ok in ["1.50", "-0.5", "+12", ".5"] {
            assert!(
                run(|at, out| pattern(ok, &re, SOURCE, at, out)).is_empty(),
                "{ok}"
            );
        }
        for bad in ["", "-", "+.", "1.2.3", "abc"] {
            assert_eq!(
                run(|at, out| pattern(bad, &re, SOURCE, at, out)),
                one(Code::Pattern, &format!("must match {SOURCE}")),
                "{bad:?}"
            );
        }
    }

    /// Catastrophic backtracking (`(a|a)+` before a look-ahead, on `aaa…b`) ends at the budget
    /// with a violation.
    #[test]
    fn an_exhausted_backtracking_budget_is_a_violation_not_a_hang() {
        const SOURCE: &str = r"^(a|a)+(?!b)\1c$";
        let re = crate::pattern::compile(SOURCE).unwrap();
        let text = format!("{}b", "a".repeat(64));
        assert_eq!(
            run(|at, out| pattern(&text, &re, SOURCE, at, out)),
            one(
                Code::Pattern,
                &format!("could not be checked against {SOURCE}: the pattern ran out of its backtracking budget")
            )
        );
    }

    #[test]
    fn lengths_count_code_points() {
        // "€€€" is 9 bytes but 3 characters.
        assert!(run(|at, out| max_length("€€€", 3, at, out)).is_empty());
        assert_eq!(
            run(|at, out| max_length("€€€€", 3, at, out)),
            one(Code::MaxLength, "must have at most 3 characters")
        );
        assert!(run(|at, out| min_length("€€", 2, at, out)).is_empty());
        assert_eq!(
            run(|at, out| min_length("€", 2, at, out)),
            one(Code::MinLength, "must have at least 2 characters")
        );
        assert_eq!(
            run(|at, out| min_length("", 1, at, out)),
            one(Code::MinLength, "must have at least 1 character")
        );
    }

    #[test]
    fn bounds_are_inclusive_or_exclusive() {
        assert!(run(|at, out| minimum(&0u32, d("0"), at, out)).is_empty());
        assert_eq!(
            run(|at, out| minimum(&-1i64, d("0"), at, out)),
            one(Code::Minimum, "must be at least 0")
        );
        assert!(run(|at, out| maximum(&d("100.00"), d("100"), at, out)).is_empty());
        assert_eq!(
            run(|at, out| maximum(&d("100.01"), d("100.00"), at, out)),
            one(Code::Maximum, "must be at most 100")
        );
        assert_eq!(
            run(|at, out| exclusive_minimum(&d("0.00"), d("0"), at, out)),
            one(Code::ExclusiveMinimum, "must be greater than 0")
        );
        assert!(run(|at, out| exclusive_minimum(&d("0.001"), d("0"), at, out)).is_empty());
        assert_eq!(
            run(|at, out| exclusive_maximum(&10u8, d("10"), at, out)),
            one(Code::ExclusiveMaximum, "must be less than 10")
        );
        assert!(run(|at, out| exclusive_maximum(&9u8, d("9.5"), at, out)).is_empty());
    }

    #[test]
    fn bigint_bounds_beyond_decimal() {
        let huge: crate::BigInt = "123456789012345678901234567890123456789".parse().unwrap();
        assert_eq!(
            run(|at, out| maximum(&huge, Decimal::MAX, at, out)),
            one(
                Code::Maximum,
                "must be at most 79228162514264337593543950335"
            )
        );
        assert!(run(|at, out| minimum(&huge, d("0.5"), at, out)).is_empty());
    }

    #[test]
    fn multiple_of_is_exact_decimal_arithmetic() {
        assert!(run(|at, out| multiple_of(&d("19.99"), d("0.01"), at, out)).is_empty());
        assert!(run(|at, out| multiple_of(&d("0.3"), d("0.1"), at, out)).is_empty());
        assert_eq!(
            run(|at, out| multiple_of(&d("1.0005"), d("0.001"), at, out)),
            one(Code::MultipleOf, "must be a multiple of 0.001")
        );
        assert_eq!(
            run(|at, out| multiple_of(&7i32, d("2.0"), at, out)),
            one(Code::MultipleOf, "must be a multiple of 2")
        );
    }

    #[test]
    fn items() {
        assert!(run(|at, out| min_items(1, 1, at, out)).is_empty());
        assert_eq!(
            run(|at, out| min_items(0, 1, at, out)),
            one(Code::MinItems, "must have at least 1 item")
        );
        assert_eq!(
            run(|at, out| max_items(4, 3, at, out)),
            one(Code::MaxItems, "must have at most 3 items")
        );
    }

    #[test]
    fn formats() {
        assert!(run(|at, out| format("2023-11-07T05:31:56Z", "date-time", at, out)).is_empty());
        assert_eq!(
            run(|at, out| format("2023-11-07", "date-time", at, out)),
            one(
                Code::Format,
                "must be an RFC 3339 date-time such as 2023-11-07T05:31:56Z"
            )
        );
        assert!(run(|at, out| format("2024-02-29", "date", at, out)).is_empty());
        for bad in [
            "2023-02-29",
            "2023-1-07",
            "2023-11-07T00:00:00Z",
            "+023-11-07",
            "2023/11/07",
            "٢٠٢٣-11-07",
        ] {
            assert_eq!(
                run(|at, out| format(bad, "date", at, out)),
                one(
                    Code::Format,
                    "must be an RFC 3339 full-date such as 2023-11-07"
                ),
                "{bad}"
            );
        }
        assert!(run(|at, out| format("aSDinaTvuI8gbWludGxpZnk=", "byte", at, out)).is_empty());
        assert_eq!(
            run(|at, out| format("%%%", "byte", at, out)),
            one(Code::Format, "must be base64 (standard alphabet)")
        );
        assert!(run(|at, out| format("not an email", "email", at, out)).is_empty());
    }
}
