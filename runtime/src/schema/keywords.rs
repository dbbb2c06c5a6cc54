//! The keywords of one [`Node`], each applied to the JSON type it concerns.

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::equal::{canonical, is_integer, json_equal};
use super::evaluated::Evaluated;
use super::{apply, check, check_evaluated, is_valid, JsonType, Node, Schema};
use crate::json::Json;
use crate::wire::parse_decimal;
use crate::{rules, Code, Location, Violations};

/// Applies every keyword of `node`; with `into`, also adds what the node evaluates of the value.
pub(super) fn check_node(
    node: &Node,
    value: &Json<'_>,
    at: &Location<'_>,
    out: &mut Violations,
    into: Option<&mut Evaluated>,
) {
    if node.nullable && value.is_null() {
        return;
    }
    if let Some(types) = node.types {
        if !types.iter().any(|t| has_type(value, *t)) {
            let listed: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
            out.push(
                at,
                Code::Type,
                format!("expected {}, found {}", listed.join(" or "), value.kind()),
            );
            return;
        }
    }
    if let Some(values) = node.enumeration {
        if !values.iter().any(|text| equals_text(value, text)) {
            out.push(
                at,
                Code::Enum,
                format!("must be one of {}", values.join(", ")),
            );
        }
    }
    if let Some(text) = node.constant {
        if !equals_text(value, text) {
            out.push(at, Code::Const, format!("must be {text}"));
        }
    }
    // What the node evaluates is collected while it is checked, when an enclosing schema
    // asks (`into`) or the node's own `unevaluated*` keywords read it.
    let own = match value {
        Json::Object(_) => node.unevaluated_properties.as_ref(),
        Json::Array(_) => node.unevaluated_items.as_ref(),
        _ => None,
    };
    let mut evaluated = (into.is_some() || own.is_some()).then(Evaluated::new);
    match value {
        Json::Number(text) => numeric(node, text, at, out),
        Json::String(text) => string(node, text, at, out),
        Json::Array(items) => array(node, items, at, out, evaluated.as_mut()),
        Json::Object(_) => object(node, value, at, out, evaluated.as_mut()),
        Json::Null | Json::Bool(_) => {}
    }
    combinators(node, value, at, out, evaluated.as_mut());
    let Some(mut evaluated) = evaluated else {
        return;
    };
    if let Some(schema) = own {
        unevaluated(schema, value, &evaluated, at, out);
        // It evaluates whatever was left.
        match value {
            Json::Object(_) => evaluated.all_members(),
            _ => evaluated.all_items(),
        }
    }
    if let Some(into) = into {
        into.merge(evaluated);
    }
}

/// Whether `value` satisfies `schema`; with `evaluated`, adds what it evaluates when it does.
fn satisfies(schema: &Schema, value: &Json<'_>, evaluated: Option<&mut Evaluated>) -> bool {
    let Some(evaluated) = evaluated else {
        return is_valid(schema, value);
    };
    let mut found = Violations::new();
    let mut part = Evaluated::new();
    check_evaluated(schema, value, &Location::Root, &mut found, &mut part);
    let holds = found.is_empty();
    if holds {
        evaluated.merge(part);
    }
    holds
}

fn has_type(value: &Json<'_>, ty: JsonType) -> bool {
    match (ty, value) {
        (JsonType::Null, Json::Null)
        | (JsonType::Boolean, Json::Bool(_))
        | (JsonType::Number, Json::Number(_))
        | (JsonType::String, Json::String(_))
        | (JsonType::Array, Json::Array(_))
        | (JsonType::Object, Json::Object(_)) => true,
        (JsonType::Integer, Json::Number(text)) => is_integer(text),
        _ => false,
    }
}

fn equals_text(value: &Json<'_>, text: &str) -> bool {
    match Json::from_slice(text.as_bytes()) {
        Ok(expected) => json_equal(value, &expected),
        Err(_) => false,
    }
}

/// A decimal bound the generator wrote; it checked the text, so a failure is not expected.
fn bound(text: &str) -> Option<Decimal> {
    parse_decimal(text).ok()
}

fn numeric(node: &Node, text: &str, at: &Location<'_>, out: &mut Violations) {
    let stated = [
        node.minimum,
        node.maximum,
        node.exclusive_minimum,
        node.exclusive_maximum,
        node.multiple_of,
    ];
    if stated.iter().all(Option::is_none) {
        return;
    }
    let Ok(value) = parse_decimal(text) else {
        return out.push(
            at,
            Code::Type,
            format!("{text} is beyond the range the numeric keywords are checked in"),
        );
    };
    if let Some(b) = node.minimum.and_then(bound) {
        rules::minimum(&value, b, at, out);
    }
    if let Some(b) = node.maximum.and_then(bound) {
        rules::maximum(&value, b, at, out);
    }
    if let Some(b) = node.exclusive_minimum.and_then(bound) {
        rules::exclusive_minimum(&value, b, at, out);
    }
    if let Some(b) = node.exclusive_maximum.and_then(bound) {
        rules::exclusive_maximum(&value, b, at, out);
    }
    if let Some(b) = node.multiple_of.and_then(bound) {
        rules::multiple_of(&value, b, at, out);
    }
}

fn string(node: &Node, text: &str, at: &Location<'_>, out: &mut Violations) {
    if let Some(min) = node.min_length {
        rules::min_length(text, min, at, out);
    }
    if let Some(max) = node.max_length {
        rules::max_length(text, max, at, out);
    }
    if let Some(pattern) = node.pattern {
        rules::pattern(text, pattern.regex, pattern.source, at, out);
    }
    if let Some(format) = node.format {
        rules::format(text, format, at, out);
    }
}

fn array(
    node: &Node,
    items: &[Json<'_>],
    at: &Location<'_>,
    out: &mut Violations,
    mut evaluated: Option<&mut Evaluated>,
) {
    if let Some(min) = node.min_items {
        rules::min_items(items.len(), min, at, out);
    }
    if let Some(max) = node.max_items {
        rules::max_items(items.len(), max, at, out);
    }
    if node.unique_items {
        let mut seen = HashSet::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if !seen.insert(canonical(item)) {
                out.push(
                    &at.index(i),
                    Code::UniqueItems,
                    "repeats an earlier item (items must be unique)",
                );
            }
        }
    }
    for (i, (schema, item)) in node.prefix_items.iter().zip(items).enumerate() {
        check(schema, item, &at.index(i), out);
        if let Some(evaluated) = evaluated.as_deref_mut() {
            evaluated.item(i);
        }
    }
    if let Some(schema) = &node.items {
        let start = node.prefix_items.len();
        for (i, item) in items.iter().enumerate().skip(start) {
            check(schema, item, &at.index(i), out);
        }
        if let Some(evaluated) = evaluated.as_deref_mut() {
            evaluated.all_items();
        }
    }
    if let Some(schema) = &node.contains {
        contains(node, schema, items, at, out, evaluated);
    }
}

fn contains(
    node: &Node,
    schema: &Schema,
    items: &[Json<'_>],
    at: &Location<'_>,
    out: &mut Violations,
    mut evaluated: Option<&mut Evaluated>,
) {
    let mut matching = 0;
    for (i, item) in items.iter().enumerate() {
        if is_valid(schema, item) {
            matching += 1;
            // `contains` evaluates the items that match it.
            if let Some(evaluated) = evaluated.as_deref_mut() {
                evaluated.item(i);
            }
        }
    }
    match node.min_contains {
        None if matching == 0 => out.push(at, Code::Contains, "has no item matching `contains`"),
        Some(min) if matching < min => out.push(
            at,
            Code::MinContains,
            format!("has {matching} items matching `contains`; at least {min} must"),
        ),
        _ => {}
    }
    if let Some(max) = node.max_contains {
        if matching > max {
            out.push(
                at,
                Code::MaxContains,
                format!("has {matching} items matching `contains`; at most {max} may"),
            );
        }
    }
}

fn object(
    node: &Node,
    value: &Json<'_>,
    at: &Location<'_>,
    out: &mut Violations,
    mut evaluated: Option<&mut Evaluated>,
) {
    let Some(members) = value.as_object() else {
        return;
    };
    for name in node.required {
        if members.get(name).is_none() {
            out.push(&at.key(name), Code::Required, "is required");
        }
    }
    if let Some(min) = node.min_properties {
        if members.len() < min {
            out.push(
                at,
                Code::MinProperties,
                format!("must have at least {min} members"),
            );
        }
    }
    if let Some(max) = node.max_properties {
        if members.len() > max {
            out.push(
                at,
                Code::MaxProperties,
                format!("must have at most {max} members"),
            );
        }
    }
    for (name, needed) in node.dependent_required {
        if members.get(name).is_some() {
            for other in needed.iter().filter(|other| members.get(other).is_none()) {
                out.push(
                    &at.key(other),
                    Code::DependentRequired,
                    format!("is required when `{name}` is present"),
                );
            }
        }
    }
    for (key, member) in members.iter() {
        let at = at.key(key);
        let mut named = false;
        if let Some((_, schema)) = node.properties.iter().find(|(name, _)| *name == key) {
            check(schema, member, &at, out);
            named = true;
        }
        for (pattern, schema) in node.pattern_properties {
            match pattern.regex.is_match(key) {
                Some(true) => {
                    check(schema, member, &at, out);
                    named = true;
                }
                Some(false) => {}
                None => {
                    let message = [
                        "the member name could not be checked against ",
                        pattern.source,
                        " (patternProperties): the pattern ran out of its backtracking budget",
                    ];
                    out.push(&at, Code::Pattern, message.concat());
                    named = true;
                }
            }
        }
        if !named {
            match &node.additional_properties {
                Some(Schema::Bool(false)) => {
                    out.push(&at, Code::AdditionalProperties, "is not allowed")
                }
                Some(schema) => check(schema, member, &at, out),
                None => {}
            }
        }
        if named || node.additional_properties.is_some() {
            if let Some(evaluated) = evaluated.as_deref_mut() {
                evaluated.member(key);
            }
        }
        if let Some(schema) = &node.property_names {
            let mut found = Violations::new();
            check(
                schema,
                &Json::String(key.into()),
                &Location::Root,
                &mut found,
            );
            if let Some(first) = found.iter().next() {
                out.push(
                    &at,
                    Code::PropertyNames,
                    format!(
                        "the member name breaks propertyNames: {} ({})",
                        first.message(),
                        first.code()
                    ),
                );
            }
        }
    }
    for (name, schema) in node.dependent_schemas {
        if members.get(name).is_some() {
            apply(schema, value, at, out, evaluated.as_deref_mut());
        }
    }
}

fn combinators(
    node: &Node,
    value: &Json<'_>,
    at: &Location<'_>,
    out: &mut Violations,
    mut evaluated: Option<&mut Evaluated>,
) {
    // A part that must hold (as `then`/`else` and a dependent schema): should it fail, the
    // value fails with it whatever else is found, so what it evaluates is kept and its members
    // are not reported again as unevaluated. The violations say what is wrong, once.
    for schema in node.all_of {
        apply(schema, value, at, out, evaluated.as_deref_mut());
    }
    if !node.any_of.is_empty() {
        // Every alternative the value satisfies evaluates; without annotations to collect,
        // the first one decides.
        let mut any = false;
        for schema in node.any_of {
            if satisfies(schema, value, evaluated.as_deref_mut()) {
                any = true;
                if evaluated.is_none() {
                    break;
                }
            }
        }
        if !any {
            out.push(at, Code::AnyOf, "matches none of the anyOf alternatives");
        }
    }
    if !node.one_of.is_empty() {
        let matching = node
            .one_of
            .iter()
            .filter(|s| satisfies(s, value, evaluated.as_deref_mut()))
            .count();
        match matching {
            1 => {}
            0 => out.push(at, Code::OneOf, "matches none of the oneOf alternatives"),
            _ if node.one_of_lenient => {}
            n => out.push(
                at,
                Code::OneOf,
                format!("matches {n} of the oneOf alternatives; exactly one must match"),
            ),
        }
    }
    if let Some(schema) = &node.not {
        if is_valid(schema, value) {
            out.push(at, Code::Not, "matches the schema it must not match");
        }
    }
    if let Some(condition) = &node.if_schema {
        let branch = if satisfies(condition, value, evaluated.as_deref_mut()) {
            &node.then_schema
        } else {
            &node.else_schema
        };
        if let Some(schema) = branch {
            apply(schema, value, at, out, evaluated);
        }
    }
}

/// `unevaluatedProperties` and `unevaluatedItems`: the members and items that neither this
/// node's other keywords nor the in-place subschemas the value satisfies evaluated.
fn unevaluated(
    schema: &Schema,
    value: &Json<'_>,
    evaluated: &Evaluated,
    at: &Location<'_>,
    out: &mut Violations,
) {
    match value {
        Json::Object(object) => {
            for (key, member) in object.iter().filter(|(key, _)| !evaluated.has_member(key)) {
                rest(
                    schema,
                    member,
                    &at.key(key),
                    Code::UnevaluatedProperties,
                    out,
                );
            }
        }
        Json::Array(items) => {
            let left = items
                .iter()
                .enumerate()
                .filter(|(i, _)| !evaluated.has_item(*i));
            for (index, item) in left {
                rest(schema, item, &at.index(index), Code::UnevaluatedItems, out);
            }
        }
        _ => {}
    }
}

/// A member or item no schema evaluated, against the `unevaluated*` schema; against `false`,
/// a violation of that keyword.
fn rest(schema: &Schema, value: &Json<'_>, at: &Location<'_>, code: Code, out: &mut Violations) {
    match schema {
        Schema::Bool(false) => out.push(at, code, "is not allowed: no schema here evaluates it"),
        schema => check(schema, value, at, out),
    }
}
