//! The changes of the named types: added, removed, their members, values, variants and rules.

use super::rules::{self, Effect};
use super::surface::{MemberSurface, Surface, TypeSurface};
use super::{all_names, At, Changes, Kind};
use std::collections::BTreeMap;

/// Every type of `before` and `after` by name: removed, added, or compared.
pub fn types(before: &Surface, after: &Surface, changes: &mut Changes) {
    let names = all_names(
        before.types.iter().map(|t| t.name.as_str()),
        after.types.iter().map(|t| t.name.as_str()),
    );
    for name in names {
        match (before.get(name), after.get(name)) {
            (Some(old), None) => {
                let at = type_at(old);
                let message = format!("type `{name}` removed");
                changes.push(Kind::TypeRemoved, &at, true, false, message);
            }
            (None, Some(new)) => {
                let at = type_at(new);
                let message = format!("type `{name}` added ({})", new.kind);
                changes.push(Kind::TypeAdded, &at, false, false, message);
            }
            (Some(old), Some(new)) => one_type(old, new, changes),
            (None, None) => {}
        }
    }
}

fn type_at(ty: &TypeSurface) -> At<'_> {
    At {
        type_name: Some(&ty.name),
        pointer: &ty.pointer,
        ..At::default()
    }
}

fn one_type(old: &TypeSurface, new: &TypeSurface, changes: &mut Changes) {
    let at = type_at(new);
    let name = &new.name;
    if old.kind != new.kind {
        let message = format!("`{name}` is now a {} (was a {})", new.kind, old.kind);
        let (before, after) = (Some(old.kind.clone()), Some(new.kind.clone()));
        changes
            .push(Kind::TypeKindChanged, &at, true, true, message)
            .values(before, after);
        return;
    }
    if old.rust_type != new.rust_type || old.wire != new.wire {
        let code = old.rust_type != new.rust_type;
        let wire = old.wire != new.wire;
        let (before, after, what) = if code {
            (old.rust_type.clone(), new.rust_type.clone(), "Rust type")
        } else {
            (old.wire.clone(), new.wire.clone(), "wire form")
        };
        let message = format!(
            "`{name}`: {what} {} → {}",
            before.as_deref().unwrap_or("none"),
            after.as_deref().unwrap_or("none")
        );
        changes
            .push(Kind::TypeChanged, &at, code, wire, message)
            .values(before, after);
    }
    if new.deprecated && !old.deprecated {
        let message = format!("`{name}` is now deprecated (its uses warn)");
        changes.push(Kind::Deprecated, &at, false, false, message);
    }
    match (&old.unlisted, &new.unlisted) {
        (None, Some(field)) => {
            // Like a new optional member: `new` sets it; a struct literal must name it.
            let message =
                format!("`{name}` now keeps the members its schema does not list, in `{field}`");
            changes.push(Kind::UnlistedKept, &at, false, false, message);
        }
        (Some(field), None) => {
            let message = format!("`{name}` no longer keeps unlisted members: `{field}` is gone");
            changes.push(Kind::UnlistedDropped, &at, true, false, message);
        }
        _ => {}
    }
    members(old, new, changes);
    values(old, new, changes);
    variants(old, new, changes);
    if old.tagging != new.tagging {
        let message = format!(
            "`{name}` selects its alternative {} (was {})",
            new.tagging.as_deref().unwrap_or("-"),
            old.tagging.as_deref().unwrap_or("-")
        );
        let (before, after) = (old.tagging.clone(), new.tagging.clone());
        changes
            .push(Kind::TaggingChanged, &at, false, true, message)
            .values(before, after);
    }
    if old.open != new.open {
        let (kind, code, wire, words) = if new.open {
            (
                Kind::EnumOpened,
                false,
                false,
                "now keeps undocumented values in `Unknown`",
            )
        } else {
            (
                Kind::EnumClosed,
                true,
                true,
                "no longer has `Unknown`: undocumented values are rejected",
            )
        };
        let message = format!("`{name}` {words}");
        changes.push(kind, &at, code, wire, message);
    }
    compare_rules(&old.rules, &new.rules, &at, &format!("`{name}`"), changes);
}

fn members(old: &TypeSurface, new: &TypeSurface, changes: &mut Changes) {
    let name = &new.name;
    let find = |list: &'_ [MemberSurface], wire: &str, rust: &str| {
        list.iter()
            .position(|m| m.wire_name == wire && m.rust_name == rust)
    };
    let strict = new.rules.contains_key("/additionalProperties");
    for member in &old.members {
        if find(&new.members, &member.wire_name, &member.rust_name).is_none() {
            let pointer = member_pointer(old, &member.wire_name);
            let at = member_at(new, &member.wire_name, &pointer);
            let message = format!(
                "`{name}.{}` removed{}",
                member.rust_name,
                if strict {
                    " (and `additionalProperties: false` now rejects it)"
                } else {
                    ""
                }
            );
            changes.push(Kind::MemberRemoved, &at, true, strict, message);
        }
    }
    for member in &new.members {
        let pointer = member_pointer(new, &member.wire_name);
        let at = member_at(new, &member.wire_name, &pointer);
        let subject = format!("`{name}.{}`", member.rust_name);
        let Some(index) = find(&old.members, &member.wire_name, &member.rust_name) else {
            let (code, wire, words) = match (member.required, new.direction.sent()) {
                (false, _) => (false, false, "optional"),
                (true, true) => (true, true, "required: requests must now carry it"),
                (true, false) => (
                    false,
                    true,
                    "required: a response without it is now rejected",
                ),
            };
            let message = format!("{subject} added, {words}");
            changes.push(Kind::MemberAdded, &at, code, wire, message);
            continue;
        };
        let previous = &old.members[index];
        if previous.rust_type != member.rust_type {
            let wire = previous.wire != member.wire;
            let message = format!(
                "{subject}: Rust type {} → {}",
                previous.rust_type, member.rust_type
            );
            let (before, after) = (
                Some(previous.rust_type.clone()),
                Some(member.rust_type.clone()),
            );
            changes
                .push(Kind::MemberTypeChanged, &at, true, wire, message)
                .values(before, after);
        } else if previous.wire != member.wire {
            let message = format!(
                "{subject}: wire form {} → {} (the Rust type stays {})",
                previous.wire, member.wire, member.rust_type
            );
            let (before, after) = (Some(previous.wire.clone()), Some(member.wire.clone()));
            changes
                .push(Kind::MemberWireChanged, &at, false, true, message)
                .values(before, after);
        }
        match (previous.required, member.required) {
            (false, true) => {
                let message = format!(
                    "{subject} is now required (`Option` removed; a payload without it is rejected)"
                );
                changes.push(Kind::MemberRequired, &at, true, true, message);
            }
            (true, false) => {
                let message = format!("{subject} is now optional (its type is now an `Option`)");
                changes.push(Kind::MemberOptional, &at, true, false, message);
            }
            _ => {}
        }
        if previous.default != member.default {
            let (code, wire, words) = match (&previous.default, &member.default) {
                (Some(_), None) => (
                    true,
                    false,
                    "removed (its `_or_default()` accessor is gone)",
                ),
                (None, Some(_)) => (false, false, "documented"),
                _ => (
                    false,
                    true,
                    "changed: a request without the member now means this",
                ),
            };
            let message = format!(
                "{subject}: default {} → {} {words}",
                previous.default.as_deref().unwrap_or("none"),
                member.default.as_deref().unwrap_or("none")
            );
            let (before, after) = (previous.default.clone(), member.default.clone());
            changes
                .push(Kind::DefaultChanged, &at, code, wire, message)
                .values(before, after);
        }
        if member.deprecated && !previous.deprecated {
            let message = format!("{subject} is now deprecated (its uses warn)");
            changes.push(Kind::Deprecated, &at, false, false, message);
        }
        compare_rules(&previous.rules, &member.rules, &at, &subject, changes);
    }
}

fn member_pointer(ty: &TypeSurface, wire_name: &str) -> String {
    format!(
        "{}/properties/{}",
        ty.pointer,
        wire_name.replace('~', "~0").replace('/', "~1")
    )
}

fn member_at<'a>(ty: &'a TypeSurface, wire_name: &'a str, pointer: &'a str) -> At<'a> {
    At {
        type_name: Some(&ty.name),
        member: Some(wire_name),
        pointer,
        operation: None,
    }
}

fn values(old: &TypeSurface, new: &TypeSurface, changes: &mut Changes) {
    let name = &new.name;
    for value in &old.values {
        if !new.values.contains(value) {
            let at = member_at(new, value, &new.pointer);
            let message = if new.open {
                format!("`{name}`: value `{value}` removed (its variant is gone; the value now reads as `Unknown`)")
            } else {
                format!("`{name}`: value `{value}` removed (its variant is gone; the value is now rejected)")
            };
            let before = Some(value.clone());
            changes
                .push(Kind::EnumValueRemoved, &at, true, !new.open, message)
                .values(before, None);
        }
    }
    for (index, value) in new.values.iter().enumerate() {
        let was = old.values.iter().position(|v| v == value);
        let renamed = was.and_then(|was| {
            let (before, after) = (old.value_names.get(was)?, new.value_names.get(index)?);
            (before != after).then(|| (before.clone(), after.clone()))
        });
        if let Some((before, after)) = renamed {
            let at = member_at(new, value, &new.pointer);
            let message =
                format!("`{name}`: value `{value}` is now the variant `{after}` (was `{before}`)");
            changes
                .push(Kind::EnumValueRenamed, &at, true, false, message)
                .values(Some(before), Some(after));
        }
        if was.is_none() {
            let at = member_at(new, value, &new.pointer);
            let message = if new.open {
                format!("`{name}`: value `{value}` added (read as `Unknown` before)")
            } else {
                format!("`{name}`: value `{value}` added")
            };
            let after = Some(value.clone());
            changes
                .push(Kind::EnumValueAdded, &at, false, false, message)
                .values(None, after);
        }
    }
}

fn variants(old: &TypeSurface, new: &TypeSurface, changes: &mut Changes) {
    let name = &new.name;
    for variant in &old.variants {
        let Some(now) = new
            .variants
            .iter()
            .find(|v| v.rust_name == variant.rust_name)
        else {
            let at = member_at(new, &variant.rust_name, &new.pointer);
            let message = format!(
                "`{name}::{}` removed: a value of that shape is now rejected",
                variant.rust_name
            );
            changes.push(Kind::VariantRemoved, &at, true, true, message);
            continue;
        };
        if now.rust_type != variant.rust_type || now.tag != variant.tag {
            let at = member_at(new, &variant.rust_name, &new.pointer);
            let code = now.rust_type != variant.rust_type;
            let describe = |v: &super::VariantSurface| match &v.tag {
                Some(tag) => format!("{} (tag `{tag}`)", v.rust_type),
                None => v.rust_type.clone(),
            };
            let (before, after) = (describe(variant), describe(now));
            let message = format!("`{name}::{}`: {before} → {after}", now.rust_name);
            changes
                .push(Kind::VariantChanged, &at, code, true, message)
                .values(Some(before), Some(after));
        }
    }
    for variant in &new.variants {
        if !old
            .variants
            .iter()
            .any(|v| v.rust_name == variant.rust_name)
        {
            let at = member_at(new, &variant.rust_name, &new.pointer);
            let message = format!(
                "`{name}::{}` added ({})",
                variant.rust_name, variant.rust_type
            );
            changes.push(Kind::VariantAdded, &at, false, false, message);
        }
    }
}

/// The changes of a type's, member's or parameter's rules.
pub fn compare_rules(
    old: &BTreeMap<String, String>,
    new: &BTreeMap<String, String>,
    at: &At<'_>,
    subject: &str,
    changes: &mut Changes,
) {
    let keys = all_names(
        old.keys().map(String::as_str),
        new.keys().map(String::as_str),
    );
    for key in keys {
        let (kind, effect) = match (old.get(key), new.get(key)) {
            (Some(before), Some(after)) if before == after => continue,
            (Some(before), Some(after)) => match rules::changed(key, before, after) {
                // Another spelling of the same rule (`1.0` for `1`).
                None => continue,
                Some(Effect::Tightened) => (Kind::RuleTightened, Effect::Tightened),
                Some(Effect::Loosened) => (Kind::RuleLoosened, Effect::Loosened),
                Some(Effect::Changed) => (Kind::RuleChanged, Effect::Changed),
            },
            (None, Some(after)) => (Kind::RuleAdded, rules::added(key, after)),
            (Some(before), None) => (Kind::RuleRemoved, rules::removed(key, before)),
            (None, None) => continue,
        };
        let before = old.get(key).cloned();
        let after = new.get(key).cloned();
        let effect_words = match effect {
            Effect::Tightened => "tightened",
            Effect::Loosened => "loosened",
            Effect::Changed => "changed: a value that passed may now fail",
        };
        let message = format!(
            "{subject}: `{}` {} → {} ({effect_words})",
            key.trim_start_matches('/'),
            before.as_deref().unwrap_or("none"),
            after.as_deref().unwrap_or("none"),
        );
        changes
            .push(kind, at, false, effect.breaks(), message)
            .values(before, after);
    }
}
