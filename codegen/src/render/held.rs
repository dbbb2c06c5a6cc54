//! What a tuple struct or a variant holds, after its name: a tuple's types, or a variant's
//! named fields, printed as prettyplease prints them (for [`super::simple`]).

use super::attributes::attributes;
use super::broken_types::{list_comma, push_type};
use super::layout::{entries, fits, type_text, without_trailing_comma, INDENT};
use proc_macro2::{Spacing, TokenTree};

/// The fields of a variant with named fields (`name: Type`, no visibility), after the line
/// `out` ends with (its name, at `indent`), then its `,`: on that line when the whole line fits
/// (its `},` included) and no field has attributes (a doc comment breaks the line), else one
/// field per line one level further in, each with a comma.
pub(super) fn named_variant(tokens: &[TokenTree], indent: &str, out: &mut String) -> Option<()> {
    // prettyplease writes its own trailing comma.
    let tokens = without_trailing_comma(tokens).0;
    let fields = entries(tokens)?;
    if fields.is_empty() {
        return None;
    }
    let named = |field: &[TokenTree]| match field {
        [TokenTree::Ident(name), TokenTree::Punct(colon), ty @ ..]
            if colon.as_char() == ':' && colon.spacing() == Spacing::Alone =>
        {
            Some((name.to_string(), ty.to_vec()))
        }
        _ => None,
    };
    let attributed = fields.iter().any(
        |field| matches!(field.first(), Some(TokenTree::Punct(hash)) if hash.as_char() == '#'),
    );
    if !attributed {
        let flat: Vec<String> = fields
            .iter()
            .map(|field| {
                let (name, ty) = named(field)?;
                Some(format!("{name}: {}", type_text(&ty)?))
            })
            .collect::<Option<_>>()?;
        let open = format!(" {{ {} ", flat.join(", "));
        if fits(out, open.len() + "},".len()).is_some() {
            out.push_str(&open);
            out.push_str("},\n");
            return Some(());
        }
    }
    out.push_str(" {\n");
    let inner = format!("{indent}{INDENT}");
    for (i, field) in fields.iter().enumerate() {
        let at = attributes(field, 0, &inner, out)?;
        let (name, ty) = named(&field[at..])?;
        out.push_str(&format!("{inner}{name}: "));
        push_type(out, &ty, &inner, (",", list_comma(i, fields.len())))?;
        out.push('\n');
    }
    out.push_str(&format!("{indent}}},\n"));
    Some(())
}

/// The types of a tuple struct or variant after the line `out` ends with (its name, at
/// `indent`), then `end` (`;` or `,`): on that line when it fits, else one type per line one
/// level further in, each with a trailing comma, as prettyplease breaks them.
pub(super) fn tuple(tokens: &[TokenTree], indent: &str, end: &str, out: &mut String) -> Option<()> {
    let types = entries(tokens)?;
    let flat: Vec<String> = types
        .iter()
        .map(|ty| type_text(ty))
        .collect::<Option<_>>()?;
    let flat = format!("({}){end}", flat.join(", "));
    if fits(out, flat.len()).is_some() {
        out.push_str(&flat);
        out.push('\n');
        return Some(());
    }
    out.push_str("(\n");
    let inner = format!("{indent}{INDENT}");
    for (i, ty) in types.iter().enumerate() {
        out.push_str(&inner);
        push_type(out, ty, &inner, (",", list_comma(i, types.len())))?;
        out.push('\n');
    }
    out.push_str(&format!("{indent}){end}\n"));
    Some(())
}
