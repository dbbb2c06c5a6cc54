//! Large members are boxed: a struct holds a member whose type is large (by an estimate of its
//! Rust size) behind a `Box`, so no generated type grows to kilobytes by holding others inline.
//!
//! Values are moved by value as they are read (serde's visitor, `Option`, `Nullable`, the
//! `Box` of a recursive member), so the size of a type is paid on every move: Stripe's
//! `PaymentIntent` held an `Account` inline through a `[String, Account]` union and was 16 KB,
//! and reading it was mostly `memcpy`. Boxing happens bottom-up: a type's size counts its own
//! large members as boxed, so every type ends up at most a few of [`LARGE`] per member.

use std::collections::BTreeMap;

use crate::ir::{IntWidth, TypeKind, TypeRef, TypeSpace};

/// A member whose type is estimated above this many bytes is boxed.
pub(super) const LARGE: usize = 512;

/// Boxes every struct member whose type is larger than [`LARGE`] (held directly or nullable;
/// items and map values are behind a heap pointer already).
pub(super) fn box_large_fields(space: &mut TypeSpace) {
    let mut sizes = Sizes {
        space: &*space,
        known: BTreeMap::new(),
    };
    let mut marks = Vec::new();
    for (index, def) in space.types().iter().enumerate() {
        if let TypeKind::Struct(s) = &def.kind {
            for (f, field) in s.fields.iter().enumerate() {
                if !field.boxed && sizes.held(&field.ty) > LARGE {
                    marks.push((index, f));
                }
            }
        }
    }
    super::recursion::box_fields(space, marks);
}

/// Estimated sizes of named types (x86-64: a `String`, `Vec` or `BTreeMap` is 24 bytes, an
/// `Option` or enum tag 8), each counting its own large members as boxed.
struct Sizes<'s> {
    space: &'s TypeSpace,
    /// `None` while a type is being measured: a type met again inside itself is behind the
    /// `Box` the recursion pass put there.
    known: BTreeMap<String, Option<usize>>,
}

impl Sizes<'_> {
    /// The size of `ty` held directly (through `Nullable`), not behind a pointer.
    fn held(&mut self, ty: &TypeRef) -> usize {
        match ty {
            TypeRef::Named(name) => self.named(name),
            TypeRef::Nullable(inner) => self.held(inner) + 8,
            other => scalar(other),
        }
    }

    fn named(&mut self, name: &str) -> usize {
        if let Some(known) = self.known.get(name) {
            return known.unwrap_or(8);
        }
        self.known.insert(name.to_owned(), None);
        let space = self.space;
        let size = match space.get(name).map(|def| &def.kind) {
            Some(TypeKind::Struct(s)) => {
                let members: usize = s
                    .fields
                    .iter()
                    .map(|field| {
                        // A boxed member is a pointer (and its type is not measured: a
                        // recursive one is still being measured).
                        let held = if field.boxed {
                            8
                        } else {
                            Some(self.held(&field.ty))
                                .filter(|&held| held <= LARGE)
                                .unwrap_or(8)
                        };
                        held + if field.required { 0 } else { 8 }
                    })
                    .sum();
                // The unlisted or additional members.
                members + 24
            }
            Some(TypeKind::Enum(e)) if e.open => 24,
            Some(TypeKind::Enum(_)) => 1,
            Some(TypeKind::OneOf(o)) => {
                let largest = o
                    .variants
                    .iter()
                    .map(|v| self.held(&v.ty))
                    .max()
                    .unwrap_or(0);
                largest.max(32) + 8
            }
            Some(TypeKind::Newtype(n)) => self.held(&n.inner),
            Some(TypeKind::Alias(inner)) => self.held(inner),
            Some(TypeKind::Checked(_)) | None => 32,
        };
        self.known.insert(name.to_owned(), Some(size));
        size
    }
}

fn scalar(ty: &TypeRef) -> usize {
    match ty {
        TypeRef::Bool => 1,
        TypeRef::Integer(IntWidth::I32) => 4,
        TypeRef::Integer(_) => 8,
        TypeRef::Decimal(_) | TypeRef::DateTime => 16,
        TypeRef::String | TypeRef::Base64 | TypeRef::Array(_) | TypeRef::Map(_) => 24,
        TypeRef::BigInt | TypeRef::Json => 32,
        TypeRef::Binary => 72,
        TypeRef::Named(_) | TypeRef::Nullable(_) => 8,
    }
}
