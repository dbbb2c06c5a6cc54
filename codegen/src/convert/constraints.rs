//! Rules read from a schema node. Numbers are read from the raw document so that bounds keep
//! their exact digits; every rule is checked here so that the generator never writes a rule
//! the derive would reject at compile time.

use super::{Context, Converter};
use crate::error::Error;
use crate::ir::{Bound, Constraints};
use rust_decimal::Decimal;
use serde_json::Value;

impl Converter<'_> {
    /// `minimum`, `maximum`, their exclusive forms and `multipleOf`.
    pub(super) fn numeric_rules(&self, ctx: &Context) -> Result<Constraints, Error> {
        let node = ctx.raw;
        let get = |key: &str| node.and_then(|n| n.get(key));
        let exclusive = |key: &str| get(key).and_then(Value::as_bool).unwrap_or(false);
        let mut rules = Constraints {
            minimum: self
                .decimal_text(ctx, "minimum", get("minimum"))?
                .map(|value| Bound {
                    value,
                    exclusive: exclusive("exclusiveMinimum"),
                }),
            maximum: self
                .decimal_text(ctx, "maximum", get("maximum"))?
                .map(|value| Bound {
                    value,
                    exclusive: exclusive("exclusiveMaximum"),
                }),
            multiple_of: self.decimal_text(ctx, "multipleOf", get("multipleOf"))?,
            ..Constraints::default()
        };
        if let (Some(min), Some(max)) = (&rules.minimum, &rules.maximum) {
            let (lo, hi) = (parse(&min.value), parse(&max.value));
            if lo > hi || (lo == hi && (min.exclusive || max.exclusive)) {
                return Err(self.doc.error(
                    &crate::error::push_token(&ctx.pointer, "minimum"),
                    format!(
                        "no number satisfies minimum {} and maximum {}",
                        min.value, max.value
                    ),
                ));
            }
        }
        if let Some(step) = &rules.multiple_of {
            if parse(step) <= Some(Decimal::ZERO) {
                return Err(self.doc.error(
                    &crate::error::push_token(&ctx.pointer, "multipleOf"),
                    format!("multipleOf must be above 0, found {step}"),
                ));
            }
        }
        if rules.minimum.is_none() && rules.maximum.is_none() && rules.multiple_of.is_none() {
            rules = Constraints::default();
        }
        Ok(rules)
    }

    /// `pattern`, `minLength`, `maxLength`.
    pub(super) fn string_rules(
        &self,
        ctx: &Context,
        pattern: Option<&str>,
        min_length: Option<usize>,
        max_length: Option<usize>,
    ) -> Result<Constraints, Error> {
        if let Some(pattern) = pattern {
            payments_runtime::pattern::plan(pattern).map_err(|e| {
                self.doc.error(
                    &crate::error::push_token(&ctx.pointer, "pattern"),
                    format!("pattern `{pattern}` cannot be used: {e}"),
                )
            })?;
        }
        let rules = Constraints {
            pattern: pattern.map(str::to_owned),
            min_length: min_length.map(|n| n as u64),
            max_length: max_length.map(|n| n as u64),
            ..Constraints::default()
        };
        self.check_range(
            ctx,
            "minLength",
            rules.min_length,
            "maxLength",
            rules.max_length,
        )?;
        Ok(rules)
    }

    /// `minItems`, `maxItems`.
    pub(super) fn array_rules(
        &self,
        ctx: &Context,
        min: Option<usize>,
        max: Option<usize>,
    ) -> Result<Constraints, Error> {
        let rules = Constraints {
            min_items: min.map(|n| n as u64),
            max_items: max.map(|n| n as u64),
            ..Constraints::default()
        };
        self.check_range(
            ctx,
            "minItems",
            rules.min_items,
            "maxItems",
            rules.max_items,
        )?;
        Ok(rules)
    }

    fn check_range(
        &self,
        ctx: &Context,
        lo_name: &str,
        lo: Option<u64>,
        hi_name: &str,
        hi: Option<u64>,
    ) -> Result<(), Error> {
        match (lo, hi) {
            (Some(lo), Some(hi)) if lo > hi => Err(self.doc.error(
                &crate::error::push_token(&ctx.pointer, lo_name),
                format!("{lo_name} {lo} is above {hi_name} {hi}: no value can satisfy both"),
            )),
            _ => Ok(()),
        }
    }

    fn decimal_text(
        &self,
        ctx: &Context,
        keyword: &str,
        value: Option<&Value>,
    ) -> Result<Option<String>, Error> {
        let Some(value) = value else { return Ok(None) };
        let text = match value {
            Value::Number(n) => n.to_string(),
            other => {
                return Err(self.doc.error(
                    &crate::error::push_token(&ctx.pointer, keyword),
                    format!("{keyword} must be a number, found {other}"),
                ))
            }
        };
        match parse(&text) {
            Some(d) => Ok(Some(d.normalize().to_string())),
            None => Err(self.doc.error(
                &crate::error::push_token(&ctx.pointer, keyword),
                format!("{keyword} {text} does not fit an exact decimal (28 significant digits)"),
            )),
        }
    }
}

/// Parses decimal text, plain or scientific.
pub(crate) fn parse(text: &str) -> Option<Decimal> {
    Decimal::from_str_exact(text)
        .ok()
        .or_else(|| Decimal::from_scientific(text).ok())
}

#[cfg(test)]
mod tests {
    use super::parse;
    use rust_decimal::Decimal;

    #[test]
    fn decimals_parse_exactly() {
        assert_eq!(
            parse("0.001").map(|d| d.to_string()),
            Some("0.001".to_owned())
        );
        assert_eq!(
            parse("1e-3").map(|d| d.normalize().to_string()),
            Some("0.001".to_owned())
        );
        assert_eq!(parse("1e400"), None);
        assert!(parse("0").unwrap() == Decimal::ZERO);
    }
}
