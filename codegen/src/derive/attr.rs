//! Parsing of the attributes the derives read: `#[validate(...)]` rules (also the rule list of
//! `check_literal!`), `#[wire(...)]`, and the serde attributes the expansions must agree with.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::quote;
use rust_decimal::Decimal;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, LitStr, Path, Token};

use super::errors::Errors;
use super::literal::{self, Literal};

/// What a rule constrains, which decides the field types it may sit on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Category {
    /// A string's text.
    String,
    /// A number's value.
    Number,
    /// A collection's length.
    Items,
}

macro_rules! rule_names {
    ($($variant:ident = $name:literal: $category:ident,)*) => {
        /// The name of a validation rule.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
        pub(crate) enum RuleName {
            $(#[doc = concat!("`", $name, "`")] $variant,)*
        }

        impl RuleName {
            /// Every rule, in the order the grammar lists them.
            pub(crate) const ALL: &'static [RuleName] = &[$(RuleName::$variant,)*];

            /// The rule for an attribute key.
            pub(crate) fn from_key(key: &str) -> Option<Self> {
                match key {
                    $($name => Some(RuleName::$variant),)*
                    _ => None,
                }
            }

            /// The attribute key, as written.
            pub(crate) fn as_str(self) -> &'static str {
                match self {
                    $(RuleName::$variant => $name,)*
                }
            }

            /// What the rule constrains.
            pub(crate) fn category(self) -> Category {
                match self {
                    $(RuleName::$variant => Category::$category,)*
                }
            }
        }
    };
}

rule_names! {
    Pattern = "pattern": String,
    MinLength = "min_length": String,
    MaxLength = "max_length": String,
    Format = "format": String,
    Minimum = "minimum": Number,
    Maximum = "maximum": Number,
    ExclusiveMinimum = "exclusive_minimum": Number,
    ExclusiveMaximum = "exclusive_maximum": Number,
    MultipleOf = "multiple_of": Number,
    MinItems = "min_items": Items,
    MaxItems = "max_items": Items,
}

/// The value a rule was given, already parsed.
#[derive(Clone, Debug)]
pub(crate) enum RuleValue {
    /// `pattern`/`format`: a string literal.
    Text(LitStr),
    /// Lengths and item counts.
    Count(usize),
    /// Numeric bounds, exactly.
    Number(Decimal),
}

/// One `name = value` rule.
#[derive(Clone, Debug)]
pub(crate) struct Rule {
    /// Which rule.
    pub(crate) name: RuleName,
    /// The whole `name = value`, where errors about the rule point.
    pub(crate) tokens: TokenStream,
    /// The parsed value.
    pub(crate) value: RuleValue,
}

fn expected_rules() -> String {
    let names: Vec<&str> = RuleName::ALL.iter().map(|rule| rule.as_str()).collect();
    names.join(", ")
}

/// Parses the value of rule `name` from `expr`.
fn rule_value(name: RuleName, expr: &Expr) -> syn::Result<RuleValue> {
    match name {
        RuleName::Pattern | RuleName::Format => match literal::literal(expr) {
            Some(Literal::Str(text)) => Ok(RuleValue::Text(text)),
            _ => Err(syn::Error::new(
                expr.span(),
                format!("`{}` takes a string literal", name.as_str()),
            )),
        },
        RuleName::MinLength | RuleName::MaxLength | RuleName::MinItems | RuleName::MaxItems => {
            match literal::literal(expr) {
                Some(Literal::Int(int)) if !literal::is_negative(expr) => int
                    .base10_parse::<usize>()
                    .map(RuleValue::Count)
                    .map_err(|_| syn::Error::new(int.span(), "count does not fit a usize")),
                _ => Err(syn::Error::new(
                    expr.span(),
                    format!("`{}` takes a non-negative integer literal", name.as_str()),
                )),
            }
        }
        RuleName::Minimum
        | RuleName::Maximum
        | RuleName::ExclusiveMinimum
        | RuleName::ExclusiveMaximum
        | RuleName::MultipleOf => literal::decimal(expr).map(RuleValue::Number),
    }
}

/// Parses one `name = value` rule, reporting unknown names and malformed values.
fn parse_rule(key: &Ident, value: &Expr, errors: &mut Errors) -> Option<Rule> {
    let tokens = quote!(#key = #value);
    let key_text = key.to_string();
    let Some(name) = RuleName::from_key(key_text.trim_start_matches("r#")) else {
        errors.at(
            key.span(),
            format!(
                "unknown validation rule `{key_text}`; expected one of: {}",
                expected_rules()
            ),
        );
        return None;
    };
    match rule_value(name, value) {
        Ok(value) => Some(Rule {
            name,
            tokens,
            value,
        }),
        Err(error) => {
            errors.push(error);
            None
        }
    }
}

/// A field's `#[validate(unlisted)]` or `#[validate(unlisted(except = ["a", …]))]`: it keeps
/// the members its struct's schema allows but does not list (`payments_runtime::Unlisted`),
/// except the names given, which are read past; `additional` alike for the members an
/// `additionalProperties` schema types.
pub(crate) struct UnlistedMarker {
    pub(crate) span: Span,
    pub(crate) except: Vec<String>,
    /// `#[validate(additional)]`: the members are those an `additionalProperties` schema
    /// types (`payments_runtime::Additional<T>`), checked and validated as `T`.
    pub(crate) typed: bool,
}

/// Parses the rules of every `#[validate(...)]` in `attrs`, in order, and the
/// [`UnlistedMarker`] among them, if there is one.
pub(crate) fn validate_rules(
    attrs: &[Attribute],
    errors: &mut Errors,
) -> (Vec<Rule>, Option<UnlistedMarker>) {
    let mut rules = Vec::new();
    let mut marker = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("validate")) {
        let list = match attr.meta.require_list() {
            Ok(list) => list,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let parser = Punctuated::<syn::Meta, Token![,]>::parse_terminated;
        let metas = match parser.parse2(list.tokens.clone()) {
            Ok(metas) => metas,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        for meta in metas {
            let path = meta.path();
            if marker.is_none() && (path.is_ident("unlisted") || path.is_ident("additional")) {
                let except = match &meta {
                    syn::Meta::List(list) => unlisted_except(&list.tokens, errors),
                    _ => Vec::new(),
                };
                marker = Some(UnlistedMarker {
                    span: path.span(),
                    except,
                    typed: path.is_ident("additional"),
                });
                continue;
            }
            match meta {
                syn::Meta::NameValue(nv) => match nv.path.get_ident() {
                    Some(key) => rules.extend(parse_rule(key, &nv.value, errors)),
                    None => errors.at(nv.path.span(), "expected a rule name"),
                },
                other => errors.at(
                    other.span(),
                    format!(
                        "expected `rule = value`, where rule is one of: {}",
                        expected_rules()
                    ),
                ),
            }
        }
    }
    (rules, marker)
}

/// The names of `except = ["a", "b"]`.
fn unlisted_except(tokens: &TokenStream, errors: &mut Errors) -> Vec<String> {
    let expected = "expected `except = [\"name\", …]`";
    let nv = match syn::parse2::<syn::MetaNameValue>(tokens.clone()) {
        Ok(nv) if nv.path.is_ident("except") => nv,
        Ok(nv) => {
            errors.at(nv.path.span(), expected);
            return Vec::new();
        }
        Err(error) => {
            errors.at(error.span(), expected);
            return Vec::new();
        }
    };
    let Expr::Array(array) = &nv.value else {
        errors.at(nv.value.span(), expected);
        return Vec::new();
    };
    let mut names = Vec::new();
    for element in &array.elems {
        match element {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(name),
                ..
            }) => names.push(name.value()),
            other => errors.at(
                other.span(),
                "expected a string literal: a member's wire name",
            ),
        }
    }
    names
}

/// Parses `rule = value,` pairs from the front of `input` (for `check_literal!`), stopping at
/// the first token that does not start `ident =`.
pub(crate) fn leading_rules(input: ParseStream<'_>, errors: &mut Errors) -> syn::Result<Vec<Rule>> {
    let mut rules = Vec::new();
    while input.peek(Ident) && input.peek2(Token![=]) && !input.peek2(Token![==]) {
        let key: Ident = input.parse()?;
        input.parse::<Token![=]>()?;
        let value: Expr = input.parse()?;
        rules.extend(parse_rule(&key, &value, errors));
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(rules)
}

/// Skips the value of a nested meta this crate does not read (`= expr` or `(...)`).
fn skip_value(input: ParseStream<'_>) -> syn::Result<()> {
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
    }
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

fn string_value(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<LitStr> {
    meta.value()?.parse()
}

/// The serde field attributes the derive must agree with.
#[derive(Default)]
pub(crate) struct SerdeField {
    /// `rename = "..."` (or the `deserialize` half of `rename(...)`).
    pub(crate) rename: Option<String>,
    /// `alias = "..."`, every one.
    pub(crate) aliases: Vec<String>,
    /// `default` or `default = "..."`.
    pub(crate) default: bool,
    /// `with = "module"`.
    pub(crate) with: Option<Path>,
    /// `deserialize_with = "module::function"`.
    pub(crate) deserialize_with: Option<Path>,
    /// `skip` or `skip_deserializing`: the member is not read from the wire.
    pub(crate) skip: bool,
    /// Where `flatten` was written, which the derive cannot follow.
    pub(crate) flatten: Option<Span>,
}

impl SerdeField {
    /// The module whose `check_json` checks this field's JSON value, if any.
    pub(crate) fn check_module(&self) -> Option<Path> {
        if let Some(with) = &self.with {
            return Some(with.clone());
        }
        let function = self.deserialize_with.as_ref()?;
        let mut module = function.clone();
        module.segments.pop()?;
        module.segments.pop_punct();
        (!module.segments.is_empty()).then_some(module)
    }
}

fn parse_path(lit: &LitStr) -> syn::Result<Path> {
    lit.parse::<Path>()
        .map_err(|_| syn::Error::new(lit.span(), "expected a path in this string"))
}

/// Reads the serde attributes of a field. Keys the derive does not need are skipped; malformed
/// values of the keys it needs are reported.
pub(crate) fn serde_field(attrs: &[Attribute], errors: &mut Errors) -> SerdeField {
    let mut field = SerdeField::default();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                if meta.input.peek(Token![=]) {
                    field.rename = Some(string_value(&meta)?.value());
                } else {
                    meta.parse_nested_meta(|inner| {
                        if inner.path.is_ident("deserialize") {
                            field.rename = Some(string_value(&inner)?.value());
                        } else {
                            skip_value(inner.input)?;
                        }
                        Ok(())
                    })?;
                }
            } else if meta.path.is_ident("alias") {
                field.aliases.push(string_value(&meta)?.value());
            } else if meta.path.is_ident("default") {
                field.default = true;
                skip_value(meta.input)?;
            } else if meta.path.is_ident("with") {
                field.with = Some(parse_path(&string_value(&meta)?)?);
            } else if meta.path.is_ident("deserialize_with") {
                field.deserialize_with = Some(parse_path(&string_value(&meta)?)?);
            } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_deserializing") {
                field.skip = true;
            } else if meta.path.is_ident("flatten") {
                field.flatten = Some(meta.path.span());
            } else {
                skip_value(meta.input)?;
            }
            Ok(())
        });
        if let Err(error) = result {
            errors.push(error);
        }
    }
    field
}

/// How serde's `rename_all` turns a field name into a wire name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RenameAll {
    /// `lowercase`
    Lower,
    /// `UPPERCASE`
    Upper,
    /// `PascalCase`
    Pascal,
    /// `camelCase`
    Camel,
    /// `snake_case`
    Snake,
    /// `SCREAMING_SNAKE_CASE`
    ScreamingSnake,
    /// `kebab-case`
    Kebab,
    /// `SCREAMING-KEBAB-CASE`
    ScreamingKebab,
}

impl RenameAll {
    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "lowercase" => RenameAll::Lower,
            "UPPERCASE" => RenameAll::Upper,
            "PascalCase" => RenameAll::Pascal,
            "camelCase" => RenameAll::Camel,
            "snake_case" => RenameAll::Snake,
            "SCREAMING_SNAKE_CASE" => RenameAll::ScreamingSnake,
            "kebab-case" => RenameAll::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameAll::ScreamingKebab,
            _ => return None,
        })
    }

    /// The wire name of a (snake_case) field under this rule, as serde computes it.
    pub(crate) fn apply(self, field: &str) -> String {
        let pascal = || {
            let mut out = String::with_capacity(field.len());
            let mut upper_next = true;
            for c in field.chars() {
                if c == '_' {
                    upper_next = true;
                } else if upper_next {
                    out.push(c.to_ascii_uppercase());
                    upper_next = false;
                } else {
                    out.push(c);
                }
            }
            out
        };
        match self {
            RenameAll::Lower | RenameAll::Snake => field.to_owned(),
            RenameAll::Upper | RenameAll::ScreamingSnake => field.to_ascii_uppercase(),
            RenameAll::Pascal => pascal(),
            RenameAll::Camel => {
                let pascal = pascal();
                let mut chars = pascal.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => pascal,
                }
            }
            RenameAll::Kebab => field.replace('_', "-"),
            RenameAll::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }
}

/// The serde container attributes the derive must agree with.
#[derive(Default)]
pub(crate) struct SerdeContainer {
    /// `deny_unknown_fields`.
    pub(crate) deny_unknown_fields: bool,
    /// `default`: no field is required.
    pub(crate) default: bool,
    /// `rename_all = "..."` (or its `deserialize` half).
    pub(crate) rename_all: Option<RenameAll>,
    /// `remote = "Self"`: serde's derives wrote inherent `serialize`/`deserialize` functions, and
    /// this derive implements the traits over them, reading the struct from an object only.
    pub(crate) remote_self: Option<Span>,
}

/// Reads the serde attributes of a struct.
pub(crate) fn serde_container(attrs: &[Attribute], errors: &mut Errors) -> SerdeContainer {
    let mut container = SerdeContainer::default();
    let rename_all = |lit: LitStr, container: &mut SerdeContainer| {
        match RenameAll::from_name(&lit.value()) {
            Some(rule) => container.rename_all = Some(rule),
            None => return Err(syn::Error::new(lit.span(), "unknown rename_all rule")),
        }
        Ok(())
    };
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("deny_unknown_fields") {
                container.deny_unknown_fields = true;
            } else if meta.path.is_ident("remote") {
                let remote = string_value(&meta)?;
                if remote.value() != "Self" {
                    return Err(syn::Error::new(
                        remote.span(),
                        "derive(Validate) takes `remote = \"Self\"` only: it validates this type",
                    ));
                }
                container.remote_self = Some(remote.span());
            } else if meta.path.is_ident("default") {
                container.default = true;
                skip_value(meta.input)?;
            } else if meta.path.is_ident("rename_all") {
                if meta.input.peek(Token![=]) {
                    rename_all(string_value(&meta)?, &mut container)?;
                } else {
                    meta.parse_nested_meta(|inner| {
                        if inner.path.is_ident("deserialize") {
                            rename_all(string_value(&inner)?, &mut container)?;
                        } else {
                            skip_value(inner.input)?;
                        }
                        Ok(())
                    })?;
                }
            } else {
                skip_value(meta.input)?;
            }
            Ok(())
        });
        if let Err(error) = result {
            errors.push(error);
        }
    }
    container
}

/// A variant's `#[wire(...)]`.
pub(crate) enum Wire {
    /// `#[wire("VALUE")]`: the documented wire value.
    Value(LitStr),
    /// `#[wire(other)]`: the catch-all of an open enum.
    Other(Span),
}

/// Reads the `#[wire(...)]` attributes of a variant (every one, so duplicates can be reported).
pub(crate) fn wire(attrs: &[Attribute], errors: &mut Errors) -> Vec<(Wire, Span)> {
    let mut found = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("wire")) {
        let span = attr.span();
        let parsed = attr.parse_args_with(|input: ParseStream<'_>| {
            let wire = if input.peek(LitStr) {
                Wire::Value(input.parse()?)
            } else {
                let ident: Ident = input.parse()?;
                if ident != "other" {
                    return Err(syn::Error::new(
                        ident.span(),
                        "expected a string literal (`#[wire(\"VALUE\")]`) or `other`",
                    ));
                }
                Wire::Other(ident.span())
            };
            if !input.is_empty() {
                return Err(input.error("expected only one wire value"));
            }
            Ok(wire)
        });
        match parsed {
            Ok(wire) => found.push((wire, span)),
            Err(error) => errors.push(error),
        }
    }
    found
}
