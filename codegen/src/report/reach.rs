//! A change inside a type is a change of every type and operation that holds it: each one that
//! reaches a changed type gets a `nested-change`, with the path that leads there.

use super::surface::{Surface, TypeSurface};
use super::{At, Changes, Kind};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// Who holds a type: a type (through a member) or an operation's part (its body, a
/// parameter, a status: a request and a response are affected apart).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Holder {
    Type(String),
    Operation(String, String),
}

/// Adds a `nested-change` at every holder of each type with changes of its own.
pub fn nested(after: &Surface, changes: &mut Changes) {
    // What each changed type's own changes break.
    let mut changed: BTreeMap<String, (bool, bool, usize)> = BTreeMap::new();
    for change in &changes.0 {
        // A new type is news for no holder: each holder reports its own new member.
        if change.kind == Kind::TypeAdded {
            continue;
        }
        if let (Some(name), None) = (&change.type_name, &change.operation) {
            if after.get(name).is_some() {
                let entry = changed.entry(name.clone()).or_default();
                entry.0 |= change.breaks_code;
                entry.1 |= change.breaks_wire;
                entry.2 += 1;
            }
        }
    }
    if changed.is_empty() {
        return;
    }
    let holders = holders(after);
    let mut nested = Changes::default();
    for (name, (code, wire, count)) in &changed {
        // Breadth first from the changed type, so each holder's path is a shortest one.
        let mut next_hop: BTreeMap<Holder, (String, String)> = BTreeMap::new();
        let mut queue = VecDeque::from([name.clone()]);
        let mut seen = BTreeSet::from([name.clone()]);
        while let Some(held) = queue.pop_front() {
            for (holder, part) in holders.get(&held).into_iter().flatten() {
                if next_hop.contains_key(holder) {
                    continue;
                }
                next_hop.insert(holder.clone(), (part.clone(), held.clone()));
                if let Holder::Type(holder_name) = holder {
                    if seen.insert(holder_name.clone()) {
                        queue.push_back(holder_name.clone());
                    }
                }
            }
        }
        let words = match (code, wire) {
            (true, _) => "breaking for code",
            (false, true) => "breaking on the wire",
            _ => "compatible",
        };
        for (holder, (part, _)) in &next_hop {
            if *holder == Holder::Type(name.clone()) {
                continue;
            }
            let path = path_from(holder, &next_hop, name);
            let (at, subject) = match holder {
                Holder::Type(holder_name) => {
                    let Some(ty) = after.get(holder_name) else {
                        continue;
                    };
                    let at = At {
                        type_name: Some(&ty.name),
                        member: Some(part),
                        pointer: &ty.pointer,
                        operation: None,
                    };
                    (at, format!("`{holder_name}`"))
                }
                Holder::Operation(module, _) => {
                    let Some(op) = after.operations.iter().find(|op| &op.module == module) else {
                        continue;
                    };
                    let at = At {
                        type_name: None,
                        member: Some(part),
                        pointer: &op.pointer,
                        operation: Some(&op.module),
                    };
                    (at, format!("operation `{module}`"))
                }
            };
            let message = format!(
                "{subject} reaches `{name}` ({path}), which has {count} change(s), {words}"
            );
            let after = Some(name.clone());
            nested
                .push(Kind::NestedChange, &at, *code, *wire, message)
                .values(None, after);
        }
    }
    changes.0.extend(nested.0);
}

/// `member → member → Type`: the parts from `holder` down to `target`.
fn path_from(
    holder: &Holder,
    next_hop: &BTreeMap<Holder, (String, String)>,
    target: &str,
) -> String {
    let mut parts = Vec::new();
    let mut at = holder.clone();
    // A path visits each type once; the bound keeps a malformed map from looping.
    for _ in 0..=next_hop.len() {
        let Some((part, held)) = next_hop.get(&at) else {
            break;
        };
        parts.push(part.clone());
        if held == target {
            break;
        }
        at = Holder::Type(held.clone());
    }
    parts.push(format!("`{target}`"));
    parts.join(" → ")
}

/// For each type, who holds it directly and through which part (`member`, `Variant`,
/// `body`, `200`, a parameter's name).
fn holders(surface: &Surface) -> BTreeMap<String, Vec<(Holder, String)>> {
    let mut holders: BTreeMap<String, Vec<(Holder, String)>> = BTreeMap::new();
    for ty in &surface.types {
        for held in &ty.refs {
            let part = part_holding(ty, held);
            holders
                .entry(held.clone())
                .or_default()
                .push((Holder::Type(ty.name.clone()), part));
        }
    }
    for op in &surface.operations {
        let mut parts: Vec<(String, &str)> = op
            .parameters
            .iter()
            .map(|p| (p.wire_name.clone(), p.rust_type.as_str()))
            .collect();
        if let Some(body) = &op.body {
            parts.push(("body".to_owned(), &body.rust_type));
        }
        for response in &op.responses {
            if let Some(ty) = &response.rust_type {
                parts.push((format!("status {}", response.status), ty));
            }
        }
        for (part, rust_type) in parts {
            for held in named_in(rust_type).filter(|name| surface.get(name).is_some()) {
                let list = holders.entry(held.to_owned()).or_default();
                let holder = Holder::Operation(op.module.clone(), part.clone());
                if !list.iter().any(|(h, _)| *h == holder) {
                    list.push((holder, part.clone()));
                }
            }
        }
    }
    holders
}

/// The identifiers of a Rust type's text (`Vec<Nullable<Card>>` → `Vec`, `Nullable`, `Card`).
fn named_in(rust_type: &str) -> impl Iterator<Item = &str> {
    rust_type
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|s| !s.is_empty())
}

/// The member, variant or keyword of `ty` through which it holds `held`.
fn part_holding(ty: &TypeSurface, held: &str) -> String {
    let holds = |rust_type: &str| named_in(rust_type).any(|name| name == held);
    if let Some(member) = ty.members.iter().find(|m| holds(&m.rust_type)) {
        return member.wire_name.clone();
    }
    if let Some(variant) = ty.variants.iter().find(|v| holds(&v.rust_type)) {
        return variant.rust_name.clone();
    }
    match ty.kind.as_str() {
        "checked" => "$ref".to_owned(),
        other => other.to_owned(),
    }
}
