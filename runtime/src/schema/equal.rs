//! JSON equality as JSON Schema defines it (§4.2.2 of the core spec): numbers by mathematical
//! value (`1` equals `1.0` and `1e0`), objects by members whatever their order, arrays item by
//! item.

use crate::json::Json;
use crate::wire::parse_decimal;

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

/// A number's value as text that is equal exactly when the values are: the normalised decimal
/// (`1.0` → `1`), or for a number beyond a decimal's range its text with the exponent folded in.
fn number_key(text: &str) -> String {
    match parse_decimal(text) {
        Ok(value) => value.normalize().to_string(),
        Err(_) => big_number_key(text),
    }
}

/// Significant digits and the power of ten of the first one, e.g. `12e40` → `+12e41`.
fn big_number_key(text: &str) -> String {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().unwrap_or(0)),
        None => (rest, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    let leading = digits.len() - digits.trim_start_matches('0').len();
    let significant = digits.trim_matches('0');
    if significant.is_empty() {
        return "0".to_owned();
    }
    let magnitude = whole.len() as i64 - leading as i64 + exponent;
    let sign = if negative { '-' } else { '+' };
    format!("{sign}{significant}e{magnitude}")
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
