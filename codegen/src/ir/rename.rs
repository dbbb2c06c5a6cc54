//! Renaming types across a whole [`TypeSpace`]: every definition and every reference to it
//! (members, alternatives, aliases, checks, parameters, bodies, responses).

use super::{Operation, Payload, SchemaNode, TypeDef, TypeKind, TypeRef, TypeSpace};
use std::collections::BTreeMap;

impl TypeSpace {
    /// Renames the types `names` maps (old name → new name); other names stay.
    pub fn rename(&mut self, names: &BTreeMap<String, String>) {
        let rename = |name: &mut String| {
            if let Some(new) = names.get(name.as_str()) {
                new.clone_into(name);
            }
        };
        let mut defs = std::mem::take(&mut self.types);
        for def in &mut defs {
            rename_def(def, &rename);
        }
        self.by_name.clear();
        for def in defs {
            self.push(def);
        }
        for operation in &mut self.operations {
            rename_operation(operation, &rename);
        }
        for set in [
            &mut self.request_types,
            &mut self.parameter_types,
            &mut self.response_types,
        ] {
            *set = std::mem::take(set)
                .into_iter()
                .map(|mut name| {
                    rename(&mut name);
                    name
                })
                .collect();
        }
    }
}

fn rename_def(def: &mut TypeDef, rename: &impl Fn(&mut String)) {
    rename(&mut def.name);
    match &mut def.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter_mut()
            .map(|f| &mut f.ty)
            .chain(&mut s.additional)
            .for_each(|ty| rename_ref(ty, rename)),
        TypeKind::OneOf(o) => o
            .variants
            .iter_mut()
            .for_each(|v| rename_ref(&mut v.ty, rename)),
        TypeKind::Alias(ty) => rename_ref(ty, rename),
        TypeKind::Newtype(n) => rename_ref(&mut n.inner, rename),
        TypeKind::Checked(node) => rename_node(node, rename),
        TypeKind::Enum(_) => {}
    }
}

fn rename_ref(ty: &mut TypeRef, rename: &impl Fn(&mut String)) {
    match ty {
        TypeRef::Named(name) => rename(name),
        TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
            rename_ref(inner, rename)
        }
        TypeRef::String
        | TypeRef::Bool
        | TypeRef::Integer(_)
        | TypeRef::BigInt
        | TypeRef::Decimal(_)
        | TypeRef::DateTime
        | TypeRef::Base64
        | TypeRef::Binary
        | TypeRef::Json => {}
    }
}

fn rename_node(node: &mut SchemaNode, rename: &impl Fn(&mut String)) {
    match node {
        SchemaNode::Bool(_) => {}
        SchemaNode::Ref(ty) => rename_ref(ty, rename),
        SchemaNode::Node(checked) => {
            let nested = checked.children_mut();
            for child in nested {
                rename_node(child, rename);
            }
        }
    }
}

fn rename_operation(operation: &mut Operation, rename: &impl Fn(&mut String)) {
    for parameter in &mut operation.parameters {
        rename_ref(&mut parameter.ty, rename);
    }
    let payloads = operation
        .body
        .iter_mut()
        .map(|body| &mut body.payload)
        .chain(
            operation
                .responses
                .iter_mut()
                .filter_map(|r| r.payload.as_mut()),
        );
    for payload in payloads {
        if let Payload::Json(ty) | Payload::Form(ty, _) | Payload::Multipart(ty, _) = payload {
            rename_ref(ty, rename);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{CheckedNode, Docs, Field, Struct};

    #[test]
    fn a_rename_reaches_definitions_and_every_reference() {
        let mut space = TypeSpace::default();
        let field = |ty| Field {
            rust_name: "x".into(),
            wire_name: "x".into(),
            docs: Docs::default(),
            ty,
            required: true,
            default: None,
            constraints: Default::default(),
            boxed: false,
        };
        space.push(TypeDef {
            name: "Old".into(),
            pointer: "/a".into(),
            docs: Docs::default(),
            kind: TypeKind::Alias(TypeRef::String),
        });
        space.push(TypeDef {
            name: "Holder".into(),
            pointer: "/b".into(),
            docs: Docs::default(),
            kind: TypeKind::Struct(Struct {
                fields: vec![
                    field(TypeRef::Array(Box::new(TypeRef::Named("Old".into())))),
                    field(TypeRef::Nullable(Box::new(TypeRef::Map(Box::new(
                        TypeRef::Named("Old".into()),
                    ))))),
                ],
                deny_unknown: false,
                additional: None,
                left_out: Vec::new(),
            }),
        });
        space.push(TypeDef {
            name: "Check".into(),
            pointer: "/c".into(),
            docs: Docs::default(),
            kind: TypeKind::Checked(SchemaNode::Node(Box::new(CheckedNode {
                any_of: vec![SchemaNode::Node(Box::new(CheckedNode {
                    items: Some(SchemaNode::Ref(TypeRef::Named("Old".into()))),
                    ..CheckedNode::default()
                }))],
                ..CheckedNode::default()
            }))),
        });
        let names = BTreeMap::from([("Old".to_owned(), "New".to_owned())]);
        space.rename(&names);
        assert!(space.get("Old").is_none());
        assert_eq!(space.get("New").map(|d| d.pointer.as_str()), Some("/a"));
        let Some(TypeKind::Struct(holder)) = space.get("Holder").map(|d| &d.kind) else {
            panic!("Holder is a struct");
        };
        let within: Vec<_> = holder.fields.iter().map(|f| f.ty.named_within()).collect();
        assert_eq!(within, [Some("New"), Some("New")]);
        let text = format!("{:?}", space.get("Check").map(|d| &d.kind));
        assert!(
            text.contains("\"New\"") && !text.contains("\"Old\""),
            "{text}"
        );
    }
}
