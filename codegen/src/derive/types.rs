//! Syntactic reading of field types: the `Option`/`Nullable`/`Box` wrappers a rule looks
//! through, and which rules the value underneath can take.

use quote::ToTokens;
use syn::{GenericArgument, PathArguments, Type};

/// A wrapper a rule looks through to reach the value it constrains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Wrapper {
    /// `Option<T>`: the rule applies to `Some`.
    Option,
    /// `payments_runtime::Nullable<T>`: the rule applies to `Value`.
    Nullable,
    /// `Box<T>`: the rule applies to the boxed value.
    Box,
}

/// What kind of value a type is, as far as rules are concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ValueKind {
    /// `String`, `str` or `Cow<str>`: takes `pattern`, `min_length`, `max_length`, `format`.
    String,
    /// An integer primitive, `Decimal` or `BigInt`: takes the numeric bounds and `multiple_of`.
    Number,
    /// `Vec`, `BTreeMap`, `HashMap`, a slice or an array: takes `min_items`, `max_items`.
    Items,
    /// Anything else; no rule applies.
    Other,
}

const INTEGERS: &[&str] = &[
    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
];

/// The single type argument of `ty` when its last path segment is `name<T>`.
fn single_arg<'t>(ty: &'t Type, name: &str) -> Option<&'t Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let mut types = args.args.iter().filter_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    });
    let first = types.next()?;
    types.next().is_none().then_some(first)
}

/// Looks through parentheses and invisible groups.
fn ungroup(mut ty: &Type) -> &Type {
    loop {
        match ty {
            Type::Group(group) => ty = &group.elem,
            Type::Paren(paren) => ty = &paren.elem,
            _ => return ty,
        }
    }
}

/// Whether `ty` is syntactically `Option<…>`.
pub(crate) fn is_option(ty: &Type) -> bool {
    single_arg(ungroup(ty), "Option").is_some()
}

/// Splits `ty` into the wrappers rules look through (outermost first) and the value type.
pub(crate) fn unwrap(ty: &Type) -> (Vec<Wrapper>, &Type) {
    let mut wrappers = Vec::new();
    let mut ty = ungroup(ty);
    loop {
        let (wrapper, inner) = if let Some(inner) = single_arg(ty, "Option") {
            (Wrapper::Option, inner)
        } else if let Some(inner) = single_arg(ty, "Nullable") {
            (Wrapper::Nullable, inner)
        } else if let Some(inner) = single_arg(ty, "Box") {
            (Wrapper::Box, inner)
        } else {
            return (wrappers, ty);
        };
        wrappers.push(wrapper);
        ty = ungroup(inner);
    }
}

/// Classifies a value type (already unwrapped) by its last path segment.
pub(crate) fn classify(ty: &Type) -> ValueKind {
    match ungroup(ty) {
        Type::Reference(reference) => classify(&reference.elem),
        Type::Slice(_) | Type::Array(_) => ValueKind::Items,
        Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return ValueKind::Other;
            };
            let name = last.ident.to_string();
            match name.as_str() {
                "String" | "str" => ValueKind::String,
                "Cow" => match single_arg(ty, "Cow").map(ungroup) {
                    Some(Type::Path(inner)) if inner.path.is_ident("str") => ValueKind::String,
                    _ => ValueKind::Other,
                },
                "Decimal" | "BigInt" => ValueKind::Number,
                "Vec" | "BTreeMap" | "HashMap" => ValueKind::Items,
                other if INTEGERS.contains(&other) => ValueKind::Number,
                _ => ValueKind::Other,
            }
        }
        _ => ValueKind::Other,
    }
}

/// Whether a value type is exactly `String` (for `FromStr`/`as_str` on newtypes).
pub(crate) fn is_string(ty: &Type) -> bool {
    match ungroup(ty) {
        Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "String" && last.arguments.is_empty()),
        _ => false,
    }
}

/// `ty` as a person writes it, for messages: `Vec<u8>` rather than `Vec < u8 >`.
pub(crate) fn display(ty: &Type) -> String {
    let raw = ty.to_token_stream().to_string();
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let prev = out.chars().last();
            let next = chars.peek().copied();
            let tight_before = matches!(next, Some('<' | '>' | ',' | ':' | ']' | ')' | ';'));
            let tight_after = matches!(prev, Some('<' | ':' | '&' | '[' | '(' | '\''));
            if tight_before || tight_after {
                continue;
            }
        }
        out.push(c);
    }
    out
}
