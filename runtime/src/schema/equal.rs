//! JSON equality as JSON Schema defines it (§4.2.2 of the core spec): numbers by mathematical
//! value (`1` equals `1.0` and `1e0`), objects by members whatever their order, arrays item by
//! item.

use crate::json::Json;

/// Whether two JSON values are equal in JSON Schema's sense.
pub fn json_equal(a: &Json<'_>, b: &Json<'_>) -> bool {
    match (a, b) {
        (Json::Null, Json::Null) => true,
        (Json::Bool(x), Json::Bool(y)) => x == y,
        (Json::String(x), Json::String(y)) => x == y,
        (Json::Number(x), Json::Number(y)) => number_key(x) == number_key(y),
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_equal(a, b))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, value)| y.get(key).is_some_and(|other| json_equal(value, other)))
        }
        _ => false,
    }
}

/// A JSON number's value in one canonical form: sign, significant digits (no leading or
/// trailing zeros) and the power of ten just above the first digit, so that `1`, `1.0`,
/// `1.000…0` and `10e-1` are one value, whatever their length. `None` for zero.
pub(super) struct NumberParts<'a> {
    negative: bool,
    significant: std::borrow::Cow<'a, str>,
    magnitude: i128,
}

pub(super) fn number_parts(text: &str) -> Option<NumberParts<'_>> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], exponent(&rest[i + 1..])),
        None => (rest, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let leading_zeros = whole.len() - whole.trim_start_matches('0').len();
    let significant = if fraction.is_empty() {
        std::borrow::Cow::Borrowed(whole.trim_matches('0'))
    } else {
        std::borrow::Cow::Owned(format!("{whole}{fraction}").trim_matches('0').to_owned())
    };
    if significant.is_empty() {
        return None;
    }
    // Zeros right after the point (`0.005`) lower the magnitude too.
    let fraction_zeros = if whole.trim_start_matches('0').is_empty() {
        (fraction.len() - fraction.trim_start_matches('0').len()) as i128
    } else {
        0
    };
    let magnitude = whole.len() as i128 - leading_zeros as i128 - fraction_zeros + exponent;
    Some(NumberParts {
        negative,
        significant,
        magnitude,
    })
}

/// An exponent's value, saturated far beyond any decimal's range.
fn exponent(text: &str) -> i128 {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let value = digits.parse::<i64>().map_or(i64::MAX, i64::from) as i128;
    if negative {
        -value
    } else {
        value
    }
}

/// Whether a JSON number has no fractional part (`1.0`, `1e3`, `10e-1` have none).
pub(super) fn is_integer(text: &str) -> bool {
    number_parts(text).is_none_or(|n| n.significant.len() as i128 <= n.magnitude)
}

/// A key equal for two numbers exactly when their values are.
fn number_key(text: &str) -> String {
    match number_parts(text) {
        None => "0".to_owned(),
        Some(n) => {
            let sign = if n.negative { '-' } else { '+' };
            format!("{sign}{}e{}", n.significant, n.magnitude)
        }
    }
}

/// A text that is the same for exactly the values `json_equal` calls equal (members sorted,
/// numbers normalised), to find repeated items in one pass.
pub(super) fn canonical(value: &Json<'_>) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Json<'_>, out: &mut String) {
    match value {
        Json::Null => out.push('n'),
        Json::Bool(b) => out.push(if *b { 't' } else { 'f' }),
        Json::Number(text) => {
            out.push('#');
            out.push_str(&number_key(text));
        }
        Json::String(text) => {
            out.push('"');
            for c in text.chars() {
                if matches!(c, '"' | '\\') {
                    out.push('\\');
                }
                out.push(c);
            }
            out.push('"');
        }
        Json::Array(items) => {
            out.push('[');
            for item in items {
                write_canonical(item, out);
                out.push(',');
            }
            out.push(']');
        }
        Json::Object(members) => {
            let mut sorted: Vec<(&str, &Json<'_>)> = members.iter().collect();
            sorted.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (key, member) in sorted {
                write_canonical(&Json::String(key.into()), out);
                out.push(':');
                write_canonical(member, out);
                out.push(',');
            }
            out.push('}');
        }
    }
}
