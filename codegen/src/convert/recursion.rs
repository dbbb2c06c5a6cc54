//! The pass that boxes the fields which would otherwise make a type contain itself.
//!
//! A field of `A` holding `B` directly must be boxed exactly when `B` reaches `A` again through
//! types held directly: when `A` and `B` are in the same strongly connected component of the
//! "holds directly" graph (a type holding itself is such a component). The components are found
//! once, in time linear in the types and fields (Tarjan's algorithm, iterative, so a deep chain
//! of types cannot overflow the stack); asking "does `B` reach `A`" per field was a quarter of
//! converting Stripe's spec.

use crate::ir::{TypeKind, TypeRef, TypeSpace};
use std::collections::HashMap;

/// Marks struct fields whose type would contain itself without a `Box`.
pub(super) fn box_recursive_fields(space: &mut TypeSpace) {
    let types = space.types();
    let index: HashMap<&str, usize> = types
        .iter()
        .enumerate()
        .map(|(i, def)| (def.name.as_str(), i))
        .collect();
    let edges: Vec<Vec<usize>> = types
        .iter()
        .map(|def| {
            direct_targets(&def.kind)
                .filter_map(|name| index.get(name).copied())
                .collect()
        })
        .collect();
    let component = components(&edges);
    let mut marks = Vec::new();
    for (at, def) in types.iter().enumerate() {
        if let TypeKind::Struct(s) = &def.kind {
            for (f, field) in s.fields.iter().enumerate() {
                let target = field.ty.named().and_then(|name| index.get(name));
                if target.is_some_and(|&target| component[target] == component[at]) {
                    marks.push((at, f));
                }
            }
        }
    }
    box_fields(space, marks);
}

/// Boxes these fields: (index of the struct among the space's types, index of the field).
pub(super) fn box_fields(space: &mut TypeSpace, fields: Vec<(usize, usize)>) {
    for (index, f) in fields {
        if let TypeKind::Struct(s) = &mut space.types_mut()[index].kind {
            s.fields[f].boxed = true;
        }
    }
}

/// The types a kind holds directly (not as items or values, which are behind a heap pointer:
/// a struct's `additionalProperties` members are in a `Vec`).
fn direct_targets(kind: &TypeKind) -> Box<dyn Iterator<Item = &str> + '_> {
    let refs: Box<dyn Iterator<Item = &TypeRef>> = match kind {
        TypeKind::Struct(s) => Box::new(s.fields.iter().map(|f| &f.ty)),
        other => other.refs(),
    };
    Box::new(refs.filter_map(TypeRef::named))
}

/// The strongly connected component of each node of the graph `edges` (node `i`'s successors
/// are `edges[i]`), as a number shared by the nodes of one component.
fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let count = edges.len();
    // Tarjan's algorithm: `order` is when a node was first seen, `low` the earliest node on the
    // stack it reaches; a node whose `low` is its own `order` roots a component.
    let mut order = vec![UNSEEN; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut stack = Vec::new();
    let mut component = vec![UNSEEN; count];
    let mut seen = 0;
    let mut found = 0;
    // The depth-first walk: (node, how many of its successors are done).
    let mut walk: Vec<(usize, usize)> = Vec::new();
    for root in 0..count {
        if order[root] != UNSEEN {
            continue;
        }
        walk.push((root, 0));
        while let Some(&mut (node, ref mut next)) = walk.last_mut() {
            if *next == 0 && order[node] == UNSEEN {
                order[node] = seen;
                low[node] = seen;
                seen += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&successor) = edges[node].get(*next) {
                *next += 1;
                if order[successor] == UNSEEN {
                    walk.push((successor, 0));
                } else if on_stack[successor] {
                    low[node] = low[node].min(order[successor]);
                }
                continue;
            }
            walk.pop();
            if let Some(&(parent, _)) = walk.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = found;
                    if member == node {
                        break;
                    }
                }
                found += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Components as sorted groups of nodes, for comparing.
    fn groups(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
        let component = components(edges);
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for c in 0..edges.len() {
            let group: Vec<usize> = (0..edges.len()).filter(|&n| component[n] == c).collect();
            if !group.is_empty() {
                groups.push(group);
            }
        }
        groups.sort();
        groups
    }

    /// Whether `from` reaches `to` (at least one edge), walked naively.
    fn reaches(edges: &[Vec<usize>], from: usize, to: usize) -> bool {
        let mut seen = vec![false; edges.len()];
        let mut stack = edges[from].clone();
        while let Some(node) = stack.pop() {
            if node == to {
                return true;
            }
            if !std::mem::replace(&mut seen[node], true) {
                stack.extend(&edges[node]);
            }
        }
        false
    }

    #[test]
    fn components_group_the_nodes_that_reach_each_other() {
        // 0 ⇄ 1 → 2 → 3 → 2; 4 holds itself; 5 alone; 6 → 0.
        let edges = vec![
            vec![1],
            vec![0, 2],
            vec![3],
            vec![2],
            vec![4],
            vec![],
            vec![0],
        ];
        assert_eq!(
            groups(&edges),
            vec![vec![0, 1], vec![2, 3], vec![4], vec![5], vec![6]]
        );
    }

    #[test]
    fn components_agree_with_reachability_on_every_small_graph() {
        // Every graph on 4 nodes (each of the 16 possible edges present or not): two nodes
        // share a component exactly when each reaches the other.
        for bits in 0u32..(1 << 16) {
            let edges: Vec<Vec<usize>> = (0..4)
                .map(|from| {
                    (0..4)
                        .filter(|to| bits & (1 << (from * 4 + to)) != 0)
                        .collect()
                })
                .collect();
            let component = components(&edges);
            for a in 0..4 {
                for b in 0..4 {
                    let mutual = a == b || (reaches(&edges, a, b) && reaches(&edges, b, a));
                    assert_eq!(component[a] == component[b], mutual, "{edges:?}: {a}, {b}");
                }
            }
        }
    }

    #[test]
    fn a_long_chain_back_to_its_start_is_one_component_without_deep_recursion() {
        let count = 200_000;
        let edges: Vec<Vec<usize>> = (0..count).map(|i| vec![(i + 1) % count]).collect();
        let component = components(&edges);
        assert!(component.iter().all(|&c| c == component[0]));
    }
}
