//! A position's rules (`pattern`, lengths, bounds, `multipleOf`, item counts) applied to a
//! literal value, with the runtime's own rule functions: the same messages `parse` reports.

use super::literal::{Node, Value};
use crate::derive::literal::parse_decimal;
use crate::ir::{Bound, Constraints, DecimalWire, TypeRef};
use payments_runtime::pattern::{plan, Matcher};
use payments_runtime::rules::{self, Numeric};
use payments_runtime::{BigInt, Location, Violations};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Applies `rules` to `node` (a value that already has the position's JSON type). `Err` is a
/// rule the macro cannot apply (a pattern that does not compile, a bound that is no number):
/// conversion refuses those, so it is not expected.
pub fn apply_rules(
    rules: &Constraints,
    ty: &TypeRef,
    node: &Node,
    at: &Location<'_>,
    out: &mut Violations,
) -> Result<(), String> {
    if rules.is_empty() {
        return Ok(());
    }
    match &node.value {
        Value::String(text) if is_decimal_string(ty) => numeric(rules, text, at, out),
        Value::String(text) => strings(rules, text, at, out),
        Value::Number(text) => numeric(rules, text, at, out),
        Value::Array(items) => {
            counts(rules, items.len(), at, out);
            Ok(())
        }
        Value::Object(members) => {
            counts(rules, members.len(), at, out);
            Ok(())
        }
        Value::Null | Value::Bool(_) | Value::Expr(_) => Ok(()),
    }
}

/// Whether the position is a decimal written as a JSON string (bounds apply to its number).
fn is_decimal_string(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Decimal(DecimalWire::String) => true,
        TypeRef::Nullable(inner) => is_decimal_string(inner),
        _ => false,
    }
}

fn strings(
    rules: &Constraints,
    text: &str,
    at: &Location<'_>,
    out: &mut Violations,
) -> Result<(), String> {
    if let Some(source) = &rules.pattern {
        let matcher = plan(source)
            .and_then(|plan| Matcher::from_plan(&plan))
            .map_err(|e| format!("the pattern {source} does not compile: {}", e.message()))?;
        // The rule function quotes a `'static` source; a macro invocation lives as long.
        let source: &'static str = Box::leak(source.clone().into_boxed_str());
        rules::pattern(text, &matcher, source, at, out);
    }
    if let Some(min) = rules.min_length {
        rules::min_length(text, count(min), at, out);
    }
    if let Some(max) = rules.max_length {
        rules::max_length(text, count(max), at, out);
    }
    Ok(())
}

fn numeric(
    rules: &Constraints,
    text: &str,
    at: &Location<'_>,
    out: &mut Violations,
) -> Result<(), String> {
    // An integer of any size as a `BigInt`, anything else as a `Decimal`: both compare exactly.
    let is_integer = {
        let digits = text.strip_prefix('-').unwrap_or(text);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    };
    if is_integer {
        match BigInt::from_str(text) {
            Ok(value) => bounds(rules, &value, at, out),
            Err(e) => Err(format!("{text} is not an integer: {e}")),
        }
    } else {
        match parse_decimal(text) {
            Some(value) => bounds(rules, &value, at, out),
            None => Err(format!("{text} does not fit a Decimal")),
        }
    }
}

fn bounds(
    rules: &Constraints,
    value: &impl Numeric,
    at: &Location<'_>,
    out: &mut Violations,
) -> Result<(), String> {
    if let Some(bound) = &rules.minimum {
        let limit = decimal(bound)?;
        if bound.exclusive {
            rules::exclusive_minimum(value, limit, at, out);
        } else {
            rules::minimum(value, limit, at, out);
        }
    }
    if let Some(bound) = &rules.maximum {
        let limit = decimal(bound)?;
        if bound.exclusive {
            rules::exclusive_maximum(value, limit, at, out);
        } else {
            rules::maximum(value, limit, at, out);
        }
    }
    if let Some(step) = &rules.multiple_of {
        let step = parse_decimal(step).ok_or_else(|| format!("multipleOf {step} is no number"))?;
        rules::multiple_of(value, step, at, out);
    }
    Ok(())
}

fn decimal(bound: &Bound) -> Result<Decimal, String> {
    parse_decimal(&bound.value).ok_or_else(|| format!("the bound {} is no number", bound.value))
}

fn counts(rules: &Constraints, len: usize, at: &Location<'_>, out: &mut Violations) {
    if let Some(min) = rules.min_items {
        rules::min_items(len, count(min), at, out);
    }
    if let Some(max) = rules.max_items {
        rules::max_items(len, count(max), at, out);
    }
}

/// A count from the spec as a `usize` (saturating: no literal is that long).
fn count(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}
