//! Whether a rule changed so that fewer values pass (tightened) or more (loosened).
//!
//! Rules are keyed by their schema path; the last segment is the JSON Schema keyword. Bounds are
//! compared as exact decimals (no float), `enum`/`type`/`required` as sets; a change that is
//! neither a subset nor a superset (a new pattern, another `multipleOf`) is `Changed`, which
//! counts as breaking on the wire: a value that passed may now fail.

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// What one rule's change does to the values that pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Fewer values pass.
    Tightened,
    /// More values pass.
    Loosened,
    /// Some that passed may fail, some that failed may pass.
    Changed,
}

impl Effect {
    /// Whether a value that passed may now fail.
    pub fn breaks(self) -> bool {
        self != Effect::Loosened
    }
}

/// The keyword of a rule key (`/properties/a/maxLength` → `maxLength`).
pub fn keyword(key: &str) -> &str {
    key.rsplit('/').next().unwrap_or(key)
}

/// The effect of a rule that was not there before.
pub fn added(key: &str, value: &str) -> Effect {
    match (keyword(key), value) {
        // A response `oneOf` that reads the first match accepts more than one that insists.
        ("oneOf", "first match") | ("nullable", "false") => Effect::Loosened,
        ("schema", "true") => Effect::Loosened,
        _ => Effect::Tightened,
    }
}

/// The effect of a rule that is gone.
pub fn removed(key: &str, value: &str) -> Effect {
    match added(key, value) {
        Effect::Tightened => match keyword(key) {
            // `nullable: true` gone: `null` no longer passes.
            "nullable" => Effect::Tightened,
            _ => Effect::Loosened,
        },
        Effect::Loosened => Effect::Tightened,
        Effect::Changed => Effect::Changed,
    }
}

/// The effect of a rule whose value changed from `before` to `after`.
pub fn changed(key: &str, before: &str, after: &str) -> Effect {
    let word = keyword(key);
    let lower = matches!(
        word,
        "minimum" | "exclusiveMinimum" | "minLength" | "minItems" | "minProperties" | "minContains"
    );
    let upper = matches!(
        word,
        "maximum" | "exclusiveMaximum" | "maxLength" | "maxItems" | "maxProperties" | "maxContains"
    );
    if lower || upper {
        return match compare_decimal(before, after) {
            Some(Ordering::Less) if lower => Effect::Tightened,
            Some(Ordering::Greater) if lower => Effect::Loosened,
            Some(Ordering::Less) => Effect::Loosened,
            Some(Ordering::Greater) => Effect::Tightened,
            _ => Effect::Changed,
        };
    }
    match word {
        "enum" | "type" | "required" => match (json_set(before), json_set(after)) {
            (Some(before), Some(after)) => {
                // For `required`, more names is tighter; for `enum`/`type`, fewer values is.
                let (narrower, wider) = if word == "required" {
                    (before.is_superset(&after), before.is_subset(&after))
                } else {
                    (before.is_subset(&after), before.is_superset(&after))
                };
                match (narrower, wider) {
                    (true, false) => Effect::Loosened,
                    (false, true) => Effect::Tightened,
                    _ => Effect::Changed,
                }
            }
            _ => Effect::Changed,
        },
        "nullable" | "uniqueItems" | "schema" => match (before, after) {
            ("true", "false") if word != "uniqueItems" => Effect::Tightened,
            ("false", "true") if word != "uniqueItems" => Effect::Loosened,
            _ => Effect::Changed,
        },
        _ => Effect::Changed,
    }
}

/// A JSON array's members as canonical JSON texts (numbers compared exactly: `1` and `1.0`
/// are one value).
fn json_set(text: &str) -> Option<BTreeSet<String>> {
    let values: Vec<serde_json::Value> = serde_json::from_str(text).ok()?;
    Some(values.iter().map(canonical).collect())
}

fn canonical(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Number(n) => match decimal_parts(&n.to_string()) {
            Some((negative, digits, exponent)) => format!("{negative}:{digits}e{exponent}"),
            None => n.to_string(),
        },
        serde_json::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(canonical).collect();
            format!("[{}]", items.join(","))
        }
        serde_json::Value::Object(members) => {
            let mut members: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("{}:{}", serde_json::Value::from(k.as_str()), canonical(v)))
                .collect();
            members.sort();
            format!("{{{}}}", members.join(","))
        }
        other => other.to_string(),
    }
}

/// Exact comparison of two JSON number texts (`1e2` = `100` = `100.0`), `None` when either
/// is no number.
pub fn compare_decimal(a: &str, b: &str) -> Option<Ordering> {
    let (a_negative, a_digits, a_exponent) = decimal_parts(a)?;
    let (b_negative, b_digits, b_exponent) = decimal_parts(b)?;
    let a_zero = a_digits.is_empty();
    let b_zero = b_digits.is_empty();
    let sign = |negative: bool, zero: bool| match (zero, negative) {
        (true, _) => 0,
        (false, true) => -1,
        (false, false) => 1,
    };
    let (a_sign, b_sign) = (sign(a_negative, a_zero), sign(b_negative, b_zero));
    if a_sign != b_sign || a_sign == 0 {
        return Some(a_sign.cmp(&b_sign));
    }
    // Same sign, both non-zero: compare magnitudes, then flip for negatives.
    let a_magnitude = a_digits.len() as i64 + a_exponent;
    let b_magnitude = b_digits.len() as i64 + b_exponent;
    let magnitude = a_magnitude.cmp(&b_magnitude).then_with(|| {
        let width = a_digits.len().max(b_digits.len());
        format!("{a_digits:0<width$}").cmp(&format!("{b_digits:0<width$}"))
    });
    Some(if a_negative {
        magnitude.reverse()
    } else {
        magnitude
    })
}

/// `(negative, significant digits without leading or trailing zeros, exponent)` of a JSON
/// number text: the value is `digits × 10^exponent`; zero has no digits.
fn decimal_parts(text: &str) -> Option<(bool, String, i64)> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => {
            let exponent = rest[at + 1..].strip_prefix('+').unwrap_or(&rest[at + 1..]);
            if exponent.trim_start_matches('-').len() > 15 {
                return None;
            }
            (&rest[..at], exponent.parse::<i64>().ok()?)
        }
        None => (rest, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty()
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut exponent = exponent - fraction.len() as i64;
    let digits = format!("{whole}{fraction}");
    let digits = digits.trim_start_matches('0');
    let trimmed = digits.trim_end_matches('0');
    exponent += (digits.len() - trimmed.len()) as i64;
    Some((negative, trimmed.to_owned(), exponent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_compare_exactly() {
        let cases = [
            ("1", "1.0", Ordering::Equal),
            ("1e2", "100", Ordering::Equal),
            ("0.1", "0.10000000000000000000001", Ordering::Less),
            ("-0", "0", Ordering::Equal),
            ("-2", "-10", Ordering::Greater),
            ("-1.5", "1", Ordering::Less),
            (
                "12345678901234567890123",
                "12345678901234567890122",
                Ordering::Greater,
            ),
            ("2.5E-1", "0.25", Ordering::Equal),
            ("9", "10", Ordering::Less),
        ];
        for (a, b, expected) in cases {
            assert_eq!(compare_decimal(a, b), Some(expected), "{a} vs {b}");
            assert_eq!(
                compare_decimal(b, a),
                Some(expected.reverse()),
                "{b} vs {a}"
            );
        }
        assert_eq!(compare_decimal("abc", "1"), None);
        assert_eq!(compare_decimal("1e99999999999999999", "1"), None);
    }

    #[test]
    fn bounds_tighten_and_loosen_by_direction() {
        assert_eq!(changed("/minimum", "1", "2"), Effect::Tightened);
        assert_eq!(changed("/minimum", "2", "1.5"), Effect::Loosened);
        assert_eq!(changed("/maxLength", "10", "8"), Effect::Tightened);
        assert_eq!(
            changed("/properties/a/maxItems", "3", "4"),
            Effect::Loosened
        );
        assert_eq!(changed("/exclusiveMaximum", "1.0", "1"), Effect::Changed);
        assert_eq!(changed("/pattern", "^a$", "^b$"), Effect::Changed);
    }

    #[test]
    fn sets_compare_as_sets() {
        assert_eq!(changed("/enum", "[1, 2]", "[1, 2, 3]"), Effect::Loosened);
        assert_eq!(changed("/enum", "[1, 2]", "[2.0]"), Effect::Tightened);
        assert_eq!(changed("/enum", "[1]", "[2]"), Effect::Changed);
        assert_eq!(
            changed("/required", r#"["a"]"#, r#"["a","b"]"#),
            Effect::Tightened
        );
        assert_eq!(
            changed("/type", r#"["string","null"]"#, r#"["string"]"#),
            Effect::Tightened
        );
    }

    #[test]
    fn presence_has_an_effect_by_keyword() {
        assert_eq!(added("/maxLength", "3"), Effect::Tightened);
        assert_eq!(removed("/maxLength", "3"), Effect::Loosened);
        assert_eq!(added("/oneOf", "first match"), Effect::Loosened);
        assert_eq!(removed("/nullable", "true"), Effect::Tightened);
        assert_eq!(changed("/schema", "true", "false"), Effect::Tightened);
    }
}
