//! `#[derive(OneOf)]`, read and checked: how the alternatives of a `oneOf` / `anyOf` are told
//! apart (the enum's `#[one_of(…)]`) and what selects each one (its variants' `#[one_of(…)]`).

use std::collections::BTreeMap;

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, DataEnum, DeriveInput, Fields, Ident, LitStr, Type};

use super::errors::Errors;

/// How a JSON value selects its alternative.
pub(crate) enum Mode {
    /// `#[one_of(tag = "property")]`: by the value of a discriminator member.
    Tagged(LitStr),
    /// `#[one_of(present)]`: by a member only that alternative requires.
    Present,
    /// `#[one_of(untagged)]`: each alternative tried in order; with `exactly_one`, a value
    /// two alternatives accept is a `oneOf` violation, and with `overlapping` (alternatives a
    /// Rust value may satisfy together) `Validate` checks the value's JSON against each.
    Untagged {
        exactly_one: bool,
        overlapping: bool,
    },
}

/// One alternative: a one-field tuple variant.
pub(crate) struct Alternative<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) ty: &'a Type,
    /// The discriminator value (tagged) or the member (present) that selects it.
    pub(crate) select: Option<LitStr>,
}

/// The enum, read.
pub(crate) struct OneOf<'a> {
    pub(crate) mode: Mode,
    pub(crate) alternatives: Vec<Alternative<'a>>,
    /// `#[one_of(unknown)]`: keeps a value whose discriminator is not documented, as JSON.
    pub(crate) unknown: Option<&'a Ident>,
}

/// Reads the enum, recording every misuse in `errors`.
pub(crate) fn read<'a>(
    input: &'a DeriveInput,
    data: &'a DataEnum,
    errors: &mut Errors,
) -> OneOf<'a> {
    if !input.generics.params.is_empty() {
        errors.push(syn::Error::new_spanned(
            &input.generics,
            "derive(OneOf) does not support generic parameters",
        ));
    }
    let mode = mode(input, errors);
    let mut alternatives = Vec::new();
    let mut unknown = None;
    let mut selected: BTreeMap<String, &Ident> = BTreeMap::new();
    for variant in &data.variants {
        let ident = &variant.ident;
        let ty = match &variant.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => &fields.unnamed[0].ty,
            fields => {
                errors.push(syn::Error::new(
                    fields
                        .span()
                        .join(ident.span())
                        .unwrap_or_else(|| ident.span()),
                    format!("alternative `{ident}` must hold one value: `{ident}(Type)`"),
                ));
                continue;
            }
        };
        let choice = variant_choice(&variant.attrs, errors);
        match (choice, mode.as_ref()) {
            (VariantChoice::Unknown(span), Some(Mode::Tagged(_))) => {
                if let Some(first) = unknown {
                    errors.at(span, format!("only one alternative may be `#[one_of(unknown)]`; `{first}` already is"));
                }
                unknown = Some(ident);
            }
            (VariantChoice::Unknown(span), Some(_)) => {
                errors.at(span, "`#[one_of(unknown)]` needs a discriminator: `#[one_of(tag = \"…\")]` on the enum");
            }
            (VariantChoice::Tag(value), Some(Mode::Tagged(_)))
            | (VariantChoice::Present(value), Some(Mode::Present)) => {
                if let Some(first) = selected.get(&value.value()) {
                    errors.at(
                        value.span(),
                        format!("{:?} already selects `{first}`", value.value()),
                    );
                }
                selected.insert(value.value(), ident);
                alternatives.push(Alternative { ident, ty, select: Some(value) });
            }
            (VariantChoice::None, Some(Mode::Untagged { .. })) => {
                alternatives.push(Alternative { ident, ty, select: None });
            }
            (VariantChoice::None, Some(Mode::Tagged(_))) => errors.at(
                ident.span(),
                format!("alternative `{ident}` has no discriminator value: add `#[one_of(tag = \"VALUE\")]`"),
            ),
            (VariantChoice::None, Some(Mode::Present)) => errors.at(
                ident.span(),
                format!("alternative `{ident}` has no selecting member: add `#[one_of(present = \"member\")]`"),
            ),
            (VariantChoice::Tag(value) | VariantChoice::Present(value), Some(_)) => errors.at(
                value.span(),
                "this alternative's selector does not match the enum's `#[one_of(…)]`",
            ),
            // The enum's own `#[one_of]` is wrong (reported): its selectors cannot be judged.
            (_, None) | (VariantChoice::Invalid, _) => {}
        }
    }
    if data.variants.is_empty() {
        errors.at(
            input.ident.span(),
            "derive(OneOf) needs at least one alternative",
        );
    }
    OneOf {
        mode: mode.unwrap_or(Mode::Untagged {
            exactly_one: false,
            overlapping: false,
        }),
        alternatives,
        unknown,
    }
}

/// The enum's `#[one_of(…)]`: exactly one attribute naming one mode.
fn mode(input: &DeriveInput, errors: &mut Errors) -> Option<Mode> {
    let attrs: Vec<&Attribute> = input
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("one_of"))
        .collect();
    let [attr] = attrs.as_slice() else {
        let span = attrs.get(1).map_or(input.ident.span(), |attr| attr.span());
        errors.at(
            span,
            "derive(OneOf) needs one `#[one_of(tag = \"…\")]`, `#[one_of(present)]` or `#[one_of(untagged)]` on the enum",
        );
        return None;
    };
    let (mut tag, mut present, mut untagged, mut exactly_one, mut overlapping) =
        (None, false, false, false, false);
    let parsed = attr.parse_nested_meta(|meta| {
        let flag = if meta.path.is_ident("tag") {
            if tag.is_some() {
                return Err(meta.error("`tag` is given twice"));
            }
            tag = Some(meta.value()?.parse::<LitStr>()?);
            return Ok(());
        } else if meta.path.is_ident("present") {
            &mut present
        } else if meta.path.is_ident("untagged") {
            &mut untagged
        } else if meta.path.is_ident("exactly_one") {
            &mut exactly_one
        } else if meta.path.is_ident("overlapping") {
            &mut overlapping
        } else {
            return Err(meta.error(
                "expected `tag = \"…\"`, `present`, `untagged`, `exactly_one` or `overlapping`",
            ));
        };
        *flag = true;
        Ok(())
    });
    if let Err(error) = parsed {
        errors.push(error);
        return None;
    }
    let misuse = |errors: &mut Errors, message: &str| {
        errors.push(syn::Error::new_spanned(attr, message));
        None
    };
    if usize::from(tag.is_some()) + usize::from(present) + usize::from(untagged) != 1 {
        return misuse(
            errors,
            "expected exactly one of `tag = \"…\"`, `present` and `untagged`",
        );
    }
    match tag {
        _ if (exactly_one || overlapping) && !untagged => misuse(
            errors,
            "`exactly_one` and `overlapping` apply to `untagged` alternatives only",
        ),
        Some(tag) => Some(Mode::Tagged(tag)),
        None if present => Some(Mode::Present),
        None if overlapping && !exactly_one => misuse(errors, "`overlapping` needs `exactly_one`"),
        None => Some(Mode::Untagged {
            exactly_one,
            overlapping,
        }),
    }
}

/// What a variant's `#[one_of(…)]` says.
enum VariantChoice {
    None,
    Tag(LitStr),
    Present(LitStr),
    Unknown(Span),
    /// Malformed (already reported).
    Invalid,
}

fn variant_choice(attrs: &[Attribute], errors: &mut Errors) -> VariantChoice {
    let mut choice = VariantChoice::None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("one_of")) {
        if !matches!(choice, VariantChoice::None) {
            errors.push(syn::Error::new_spanned(
                attr,
                "more than one `#[one_of]` on an alternative",
            ));
            return VariantChoice::Invalid;
        }
        let parsed = attr.parse_nested_meta(|meta| {
            if !matches!(choice, VariantChoice::None) {
                return Err(meta.error("one selector per alternative"));
            }
            if meta.path.is_ident("tag") {
                choice = VariantChoice::Tag(meta.value()?.parse()?);
            } else if meta.path.is_ident("present") {
                choice = VariantChoice::Present(meta.value()?.parse()?);
            } else if meta.path.is_ident("unknown") {
                choice = VariantChoice::Unknown(meta.path.span());
            } else {
                return Err(meta.error("expected `tag = \"…\"`, `present = \"…\"` or `unknown`"));
            }
            Ok(())
        });
        if let Err(error) = parsed {
            errors.push(error);
            return VariantChoice::Invalid;
        }
    }
    choice
}
