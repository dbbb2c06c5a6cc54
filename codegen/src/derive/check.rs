//! Semantic checks of parsed rules: duplicates, the type they sit on, bounds that leave no
//! valid value, `multiple_of` ≤ 0, and patterns that cannot be translated or compiled.

use std::collections::BTreeMap;

use quote::ToTokens;
use rust_decimal::Decimal;

use super::attr::{Category, Rule, RuleName, RuleValue};
use super::errors::Errors;
use super::types::ValueKind;

/// A `pattern` rule, translated from ECMA-262 to `regex` syntax and compiled once at macro time.
#[derive(Debug)]
pub(crate) struct Pattern {
    /// The pattern as documented (ECMA-262), shown in messages.
    pub(crate) source: String,
    /// The same pattern in the engine's syntax, compiled by the expansion.
    pub(crate) translated: String,
    /// Whether it needs the backtracking engine (look-around, back-references).
    pub(crate) backtracking: bool,
    /// The compiled pattern (for `check_literal!`).
    pub(crate) regex: payments_runtime::pattern::Matcher,
}

/// The rules of one field, newtype or literal, each known to be valid and applicable.
#[derive(Debug, Default)]
pub(crate) struct Checked {
    /// `pattern`
    pub(crate) pattern: Option<Pattern>,
    /// `min_length`
    pub(crate) min_length: Option<usize>,
    /// `max_length`
    pub(crate) max_length: Option<usize>,
    /// `format`
    pub(crate) format: Option<String>,
    /// `minimum`
    pub(crate) minimum: Option<Decimal>,
    /// `maximum`
    pub(crate) maximum: Option<Decimal>,
    /// `exclusive_minimum`
    pub(crate) exclusive_minimum: Option<Decimal>,
    /// `exclusive_maximum`
    pub(crate) exclusive_maximum: Option<Decimal>,
    /// `multiple_of`
    pub(crate) multiple_of: Option<Decimal>,
    /// `min_items`
    pub(crate) min_items: Option<usize>,
    /// `max_items`
    pub(crate) max_items: Option<usize>,
}

impl Checked {
    /// Whether there is no rule at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.pattern.is_none()
            && self.min_length.is_none()
            && self.max_length.is_none()
            && self.format.is_none()
            && self.minimum.is_none()
            && self.maximum.is_none()
            && self.exclusive_minimum.is_none()
            && self.exclusive_maximum.is_none()
            && self.multiple_of.is_none()
            && self.min_items.is_none()
            && self.max_items.is_none()
    }
}

/// What the rules are checked against.
pub(crate) struct Target {
    /// The kind of value the rules will see.
    pub(crate) kind: ValueKind,
    /// How to name it in a message: ``found `u32` `` or `found a number literal`.
    pub(crate) found: String,
}

fn needs(category: Category) -> (ValueKind, &'static str) {
    match category {
        Category::String => (
            ValueKind::String,
            "a string (`String`, `str` or `Cow<str>`)",
        ),
        Category::Number => (
            ValueKind::Number,
            "a number (an integer primitive, `Decimal` or `BigInt`)",
        ),
        Category::Items => (
            ValueKind::Items,
            "a collection (`Vec`, `BTreeMap`, `HashMap` or a slice)",
        ),
    }
}

/// Checks `rules` against `target`, reporting every problem to `errors`.
pub(crate) fn check(rules: &[Rule], target: &Target, errors: &mut Errors) -> Checked {
    let mut checked = Checked::default();
    let mut seen: BTreeMap<RuleName, &Rule> = BTreeMap::new();
    for rule in rules {
        if seen.contains_key(&rule.name) {
            errors.push(syn::Error::new_spanned(
                &rule.tokens,
                format!("duplicate rule `{}`", rule.name.as_str()),
            ));
            continue;
        }
        seen.insert(rule.name, rule);
        // The value is checked (and reported) even on a field of the wrong type.
        store(rule, &mut checked, errors);
        let (kind, description) = needs(rule.name.category());
        if kind != target.kind {
            errors.push(syn::Error::new_spanned(
                &rule.tokens,
                format!(
                    "rule `{}` needs {description}, found {}",
                    rule.name.as_str(),
                    target.found
                ),
            ));
        }
    }
    relations(&checked, &seen, errors);
    checked
}

/// Records one applicable rule's value, translating and compiling patterns.
fn store(rule: &Rule, checked: &mut Checked, errors: &mut Errors) {
    match (&rule.value, rule.name) {
        (RuleValue::Text(lit), RuleName::Pattern) => {
            checked.pattern = pattern(lit, errors);
        }
        (RuleValue::Text(lit), RuleName::Format) => checked.format = Some(lit.value()),
        (RuleValue::Count(n), RuleName::MinLength) => checked.min_length = Some(*n),
        (RuleValue::Count(n), RuleName::MaxLength) => checked.max_length = Some(*n),
        (RuleValue::Count(n), RuleName::MinItems) => checked.min_items = Some(*n),
        (RuleValue::Count(n), RuleName::MaxItems) => checked.max_items = Some(*n),
        (RuleValue::Number(d), RuleName::Minimum) => checked.minimum = Some(*d),
        (RuleValue::Number(d), RuleName::Maximum) => checked.maximum = Some(*d),
        (RuleValue::Number(d), RuleName::ExclusiveMinimum) => checked.exclusive_minimum = Some(*d),
        (RuleValue::Number(d), RuleName::ExclusiveMaximum) => checked.exclusive_maximum = Some(*d),
        (RuleValue::Number(d), RuleName::MultipleOf) => {
            if *d <= Decimal::ZERO {
                errors.push(syn::Error::new_spanned(
                    &rule.tokens,
                    format!("`multiple_of` must be greater than zero, found {d}"),
                ));
            } else {
                checked.multiple_of = Some(*d);
            }
        }
        // `attr::rule_value` pairs every rule with its value kind; nothing else is built.
        _ => errors.push(syn::Error::new_spanned(
            &rule.tokens,
            format!("malformed value for `{}`", rule.name.as_str()),
        )),
    }
}

/// Translates an ECMA-262 pattern and compiles it, or reports why it cannot be used.
fn pattern(lit: &syn::LitStr, errors: &mut Errors) -> Option<Pattern> {
    let source = lit.value();
    let translated = match payments_runtime::pattern::translate(&source) {
        Ok(translated) => translated,
        // Look-around and back-references run on the backtracking engine.
        Err(_) => match payments_runtime::pattern::plan(&source).and_then(|plan| {
            payments_runtime::pattern::Matcher::from_plan(&plan).map(|regex| (plan, regex))
        }) {
            Ok((plan, regex)) => {
                return Some(Pattern {
                    source,
                    translated: plan.translated,
                    backtracking: plan.backtracking,
                    regex,
                });
            }
            Err(error) => {
                errors.at(
                    lit.span(),
                    format!("pattern `{source}` cannot be used: {error}"),
                );
                return None;
            }
        },
    };
    match regex::Regex::new(&translated) {
        Ok(regex) => Some(Pattern {
            source,
            translated,
            backtracking: false,
            regex: payments_runtime::pattern::Matcher::Linear(regex),
        }),
        Err(error) => {
            let reason = regex_reason(&error);
            errors.at(
                lit.span(),
                format!("pattern `{source}` is not a valid regular expression: {reason}"),
            );
            None
        }
    }
}

/// The one-line reason of a `regex` error (its syntax errors draw the pattern over several lines).
fn regex_reason(error: &regex::Error) -> String {
    let text = error.to_string();
    text.lines()
        .rev()
        .find_map(|line| line.trim().strip_prefix("error: "))
        .map_or_else(|| text.clone(), str::to_owned)
}

/// Reports pairs of bounds no value can satisfy, on the lower bound.
fn relations(checked: &Checked, seen: &BTreeMap<RuleName, &Rule>, errors: &mut Errors) {
    let mut report = |lower: RuleName, upper: RuleName, low: String, high: String, equal: bool| {
        if let Some(rule) = seen.get(&lower) {
            let relation = if equal { "equals" } else { "is above" };
            errors.push(syn::Error::new_spanned(
                rule.tokens.to_token_stream(),
                format!(
                    "`{}` ({low}) {relation} `{}` ({high}): no value is valid",
                    lower.as_str(),
                    upper.as_str()
                ),
            ));
        }
    };
    let counts = [
        (
            RuleName::MinLength,
            checked.min_length,
            RuleName::MaxLength,
            checked.max_length,
        ),
        (
            RuleName::MinItems,
            checked.min_items,
            RuleName::MaxItems,
            checked.max_items,
        ),
    ];
    for (lower, low, upper, high) in counts {
        if let (Some(low), Some(high)) = (low, high) {
            if low > high {
                report(lower, upper, low.to_string(), high.to_string(), false);
            }
        }
    }
    // (lower rule, value, upper rule, value, whether equal bounds already leave nothing)
    let bounds = [
        (
            RuleName::Minimum,
            checked.minimum,
            RuleName::Maximum,
            checked.maximum,
            false,
        ),
        (
            RuleName::ExclusiveMinimum,
            checked.exclusive_minimum,
            RuleName::Maximum,
            checked.maximum,
            true,
        ),
        (
            RuleName::Minimum,
            checked.minimum,
            RuleName::ExclusiveMaximum,
            checked.exclusive_maximum,
            true,
        ),
        (
            RuleName::ExclusiveMinimum,
            checked.exclusive_minimum,
            RuleName::ExclusiveMaximum,
            checked.exclusive_maximum,
            true,
        ),
    ];
    for (lower, low, upper, high, strict) in bounds {
        if let (Some(low), Some(high)) = (low, high) {
            if low > high || (strict && low == high) {
                report(lower, upper, low.to_string(), high.to_string(), low == high);
            }
        }
    }
}
