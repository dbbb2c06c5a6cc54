//! Whether a rule changed so that fewer values pass (tightened) or more (loosened).
//!
//! Rules are keyed by their schema path; the last segment is the JSON Schema keyword. Bounds are
//! compared as exact decimals (no float), `enum`/`type`/`required` as sets; a change that is
//! neither a subset nor a superset (a new pattern, another `multipleOf`) is `Changed`, which
//! counts as breaking on the wire: a value that passed may now fail.

use std::cmp::Ordering;

use payments_runtime::schema::json_equal;
use payments_runtime::Json;

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

/// How a rule's effect on the whole schema follows its own effect where it sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// Tighter there is tighter for the schema (`properties/a`, `allOf/0`, `items`, …).
    Same,
    /// Under `not`: tighter there is looser for the schema.
    Reversed,
    /// Under `if`, `oneOf` or `contains`: either way (a tighter `oneOf` branch can make a value
    /// match one branch instead of two; a tighter `contains` helps `maxContains`).
    Unknown,
}

/// The keyword of a rule key and the context it sits in. Keys are schema paths: a keyword,
/// or an applicator followed by what it applies to (`properties/NAME/…`, `allOf/INDEX/…`,
/// `not/…`). `dependentRequired/NAME` is read as `required`.
fn parse(key: &str) -> (&str, Context) {
    let segments: Vec<&str> = key.split('/').filter(|s| !s.is_empty()).collect();
    let mut context = Context::Same;
    let mut i = 0;
    while i + 1 < segments.len() {
        let step = match segments[i] {
            "dependentRequired" if i + 2 == segments.len() => return ("required", context),
            "properties" | "patternProperties" | "dependentSchemas" | "allOf" | "anyOf"
            | "prefixItems" => 2,
            "oneOf" => {
                context = Context::Unknown;
                2
            }
            "not" => {
                context = match context {
                    Context::Same => Context::Reversed,
                    Context::Reversed => Context::Same,
                    Context::Unknown => Context::Unknown,
                };
                1
            }
            "if" | "contains" => {
                context = Context::Unknown;
                1
            }
            _ => 1,
        };
        i += step;
    }
    (segments.last().copied().unwrap_or(key), context)
}

/// `effect` as the whole schema sees it in `context`.
fn in_context(effect: Effect, context: Context) -> Effect {
    match (context, effect) {
        (Context::Same, effect) => effect,
        (Context::Reversed, Effect::Tightened) => Effect::Loosened,
        (Context::Reversed, Effect::Loosened) => Effect::Tightened,
        (_, _) => Effect::Changed,
    }
}

/// The effect of a rule that was not there before.
pub fn added(key: &str, value: &str) -> Effect {
    let (word, context) = parse(key);
    let effect = match (word, value) {
        // A response `oneOf` that reads the first match accepts more than one that insists.
        ("oneOf", "first match") | ("nullable", "false") => Effect::Loosened,
        ("schema", "true") => Effect::Loosened,
        _ => Effect::Tightened,
    };
    in_context(effect, context)
}

/// The effect of a rule that is gone.
pub fn removed(key: &str, value: &str) -> Effect {
    let (word, context) = parse(key);
    let effect = match (word, value) {
        ("oneOf", "first match") | ("nullable", "false") => Effect::Tightened,
        ("schema", "true") => Effect::Tightened,
        // `nullable: true` gone: `null` no longer passes.
        ("nullable", _) => Effect::Tightened,
        _ => Effect::Loosened,
    };
    in_context(effect, context)
}

/// The effect of a rule whose value text changed from `before` to `after`; `None` when both
/// mean the same (`1` and `1.0`, an enum's values reordered).
pub fn changed(key: &str, before: &str, after: &str) -> Option<Effect> {
    let (word, context) = parse(key);
    let lower = matches!(
        word,
        "minimum" | "exclusiveMinimum" | "minLength" | "minItems" | "minProperties" | "minContains"
    );
    let upper = matches!(
        word,
        "maximum" | "exclusiveMaximum" | "maxLength" | "maxItems" | "maxProperties" | "maxContains"
    );
    let effect = if lower || upper {
        match compare_decimal(before, after)? {
            Ordering::Equal => return None,
            Ordering::Less if lower => Effect::Tightened,
            Ordering::Greater if lower => Effect::Loosened,
            Ordering::Less => Effect::Loosened,
            Ordering::Greater => Effect::Tightened,
        }
    } else {
        match word {
            "enum" | "type" | "required" => match (json_list(before), json_list(after)) {
                (Some(before), Some(after)) => {
                    let (fewer, more) = (subset(&after, &before), subset(&before, &after));
                    // For `required`, more names is tighter; for `enum`/`type`, fewer values is.
                    match (fewer, more, word == "required") {
                        (true, true, _) => return None,
                        (true, false, false) | (false, true, true) => Effect::Tightened,
                        (false, true, false) | (true, false, true) => Effect::Loosened,
                        (false, false, _) => Effect::Changed,
                    }
                }
                _ => Effect::Changed,
            },
            "nullable" | "schema" => match (before, after) {
                ("true", "false") => Effect::Tightened,
                ("false", "true") => Effect::Loosened,
                _ => Effect::Changed,
            },
            "const" | "multipleOf" if equal_json(before, after) => return None,
            _ => Effect::Changed,
        }
    };
    Some(in_context(effect, context))
}

/// The members of a JSON array text, read exactly.
fn json_list(text: &str) -> Option<Vec<Json<'_>>> {
    match Json::from_slice(text.as_bytes()).ok()? {
        Json::Array(items) => Some(items),
        _ => None,
    }
}

/// Whether every member of `a` is in `b`, by JSON equality (`1` is `1.0`, key order ignored).
fn subset(a: &[Json<'_>], b: &[Json<'_>]) -> bool {
    a.iter().all(|x| b.iter().any(|y| json_equal(x, y)))
}

/// Whether two JSON texts are one value.
fn equal_json(a: &str, b: &str) -> bool {
    match (
        Json::from_slice(a.as_bytes()),
        Json::from_slice(b.as_bytes()),
    ) {
        (Ok(a), Ok(b)) => json_equal(&a, &b),
        _ => false,
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
        assert_eq!(changed("/minimum", "1", "2"), Some(Effect::Tightened));
        assert_eq!(changed("/minimum", "2", "1.5"), Some(Effect::Loosened));
        assert_eq!(changed("/maxLength", "10", "8"), Some(Effect::Tightened));
        let items = changed("/properties/a/maxItems", "3", "4");
        assert_eq!(items, Some(Effect::Loosened));
        assert_eq!(changed("/exclusiveMaximum", "1.0", "1"), None, "one bound");
        assert_eq!(changed("/multipleOf", "0.5", "0.50"), None);
        assert_eq!(changed("/pattern", "^a$", "^b$"), Some(Effect::Changed));
    }

    #[test]
    fn sets_compare_as_sets() {
        assert_eq!(
            changed("/enum", "[1, 2]", "[1, 2, 3]"),
            Some(Effect::Loosened)
        );
        assert_eq!(changed("/enum", "[1, 2]", "[2.0]"), Some(Effect::Tightened));
        assert_eq!(changed("/enum", "[1]", "[2]"), Some(Effect::Changed));
        assert_eq!(
            changed("/enum", "[1, 2]", "[2.0, 1]"),
            None,
            "the same values"
        );
        let exact = changed("/enum", "[0.10000000000000000001]", "[0.1]");
        assert_eq!(
            exact,
            Some(Effect::Changed),
            "no float rounds them together"
        );
        let names = changed("/required", r#"["a"]"#, r#"["a","b"]"#);
        assert_eq!(names, Some(Effect::Tightened));
        let types = changed("/type", r#"["string","null"]"#, r#"["string"]"#);
        assert_eq!(types, Some(Effect::Tightened));
    }

    #[test]
    fn presence_has_an_effect_by_keyword() {
        assert_eq!(added("/maxLength", "3"), Effect::Tightened);
        assert_eq!(removed("/maxLength", "3"), Effect::Loosened);
        assert_eq!(added("/oneOf", "first match"), Effect::Loosened);
        assert_eq!(removed("/nullable", "true"), Effect::Tightened);
        assert_eq!(changed("/schema", "true", "false"), Some(Effect::Tightened));
    }

    #[test]
    fn the_context_of_a_rule_decides_its_effect() {
        // Under `not`, more values in the enum reject more.
        let not = changed("/not/enum", r#"["a"]"#, r#"["a","b"]"#);
        assert_eq!(not, Some(Effect::Tightened));
        assert_eq!(added("/not/not/maxLength", "3"), Effect::Tightened);
        assert_eq!(added("/not/maxLength", "3"), Effect::Loosened);
        // Under `if`, `oneOf` or `contains` either way.
        assert_eq!(added("/if/minimum", "1"), Effect::Changed);
        assert_eq!(added("/oneOf/1/maxLength", "3"), Effect::Changed);
        assert_eq!(
            changed("/contains/maximum", "3", "2"),
            Some(Effect::Changed)
        );
        // A member named like a keyword is a name, not a keyword.
        assert_eq!(added("/properties/not/maxLength", "3"), Effect::Tightened);
        let member = changed("/dependentRequired/enum", r#"["a"]"#, r#"["a","b"]"#);
        assert_eq!(member, Some(Effect::Tightened), "more names required");
        assert_eq!(
            parse("/properties/a/allOf/0/minimum"),
            ("minimum", Context::Same)
        );
    }
}
