//! One schema → a named [`TypeDef`] (for components and inline objects/enums) or a
//! [`TypeRef`] plus the rules that apply to the value (for properties and items).

use super::{Context, Converter, Direction};
use crate::error::Error;
use crate::ir::{
    variant_idents, Constraints, DecimalWire, Docs, IntWidth, Newtype, StringEnum, TypeDef,
    TypeKind, TypeRef, Variant,
};
use crate::load::CONST_MARK;
use openapiv3::{
    AdditionalProperties, IntegerFormat, ReferenceOr, Schema, SchemaData, SchemaKind, StringFormat,
    Type, VariantOrUnknownOrEmpty,
};
use serde_json::Value;

/// The type of a use site and the rules its value must satisfy.
pub(super) struct Use {
    pub ty: TypeRef,
    pub rules: Constraints,
}

impl Use {
    fn plain(ty: TypeRef) -> Self {
        Use {
            ty,
            rules: Constraints::default(),
        }
    }
}

pub(super) fn docs_of(data: &SchemaData) -> Docs {
    Docs {
        title: data.title.clone(),
        description: data.description.clone(),
        source: source_note(&data.extensions),
        deprecated: data.deprecated,
    }
}

/// The `x-source` note of a node: where a fact came from when the primary document was partial.
pub(super) fn source_note(extensions: &indexmap::IndexMap<String, Value>) -> Option<String> {
    extensions
        .get("x-source")
        .and_then(Value::as_str)
        .map(str::to_owned)
}

impl Converter<'_> {
    /// The definition of a named type.
    pub(super) fn define(
        &mut self,
        rust: &str,
        schema: &ReferenceOr<Schema>,
        ctx: &Context,
    ) -> Result<TypeDef, Error> {
        let def = |kind, docs| TypeDef {
            name: rust.to_owned(),
            pointer: ctx.pointer.clone(),
            docs,
            kind,
        };
        let schema = match schema {
            ReferenceOr::Reference { reference } => {
                return Ok(def(
                    TypeKind::Alias(self.reference(reference, ctx)?),
                    Docs::default(),
                ))
            }
            ReferenceOr::Item(schema) => schema,
        };
        let docs = docs_of(&schema.schema_data);
        if let Some(kind) = self.checked_kind(ctx)? {
            return Ok(def(kind, docs));
        }
        if let Some(kind) = self.named_kind(rust, schema, ctx)? {
            return Ok(def(kind, docs));
        }
        // A nullable component's `null` is added where it is referenced, not here.
        let Use { ty, rules } = self.use_of_kind(schema, ctx)?;
        let kind = if rules.is_empty() && !is_bare_decimal(&ty) {
            TypeKind::Alias(ty)
        } else {
            TypeKind::Newtype(Newtype {
                inner: ty,
                constraints: rules,
            })
        };
        Ok(def(kind, docs))
    }

    /// Kinds that need a named type of their own: string enums, objects, oneOf/anyOf.
    /// `hint` is the name the type wants; its members' inline types are named after it.
    fn named_kind(
        &mut self,
        hint: &str,
        schema: &Schema,
        ctx: &Context,
    ) -> Result<Option<TypeKind>, Error> {
        Ok(Some(match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) if !s.enumeration.is_empty() => {
                let values: Vec<&str> =
                    s.enumeration.iter().flatten().map(String::as_str).collect();
                TypeKind::Enum(self.string_enum(values, &schema.schema_data, ctx))
            }
            SchemaKind::Any(any)
                if !any.enumeration.is_empty()
                    && any.enumeration.iter().all(|v| v.is_string() || v.is_null()) =>
            {
                let values: Vec<&str> = any.enumeration.iter().filter_map(Value::as_str).collect();
                TypeKind::Enum(self.string_enum(values, &schema.schema_data, ctx))
            }
            SchemaKind::Type(Type::Object(o))
                if !o.properties.is_empty()
                    || o.additional_properties == Some(AdditionalProperties::Any(false)) =>
            {
                TypeKind::Struct(self.object(hint, o, ctx)?)
            }
            SchemaKind::Any(any) if !any.all_of.is_empty() => {
                TypeKind::Struct(self.object_with_all_of(hint, schema, ctx)?)
            }
            SchemaKind::Any(any) if !any.properties.is_empty() => {
                TypeKind::Struct(self.any_object(hint, any, ctx)?)
            }
            SchemaKind::AllOf { all_of } if !self.is_wrapper(all_of) => {
                TypeKind::Struct(self.all_of(hint, all_of, ctx)?)
            }
            SchemaKind::OneOf { one_of } => {
                TypeKind::OneOf(self.one_of("oneOf", one_of, &schema.schema_data, ctx)?)
            }
            SchemaKind::AnyOf { any_of } => {
                TypeKind::OneOf(self.one_of("anyOf", any_of, &schema.schema_data, ctx)?)
            }
            _ => return Ok(None),
        }))
    }

    fn string_enum(&self, values: Vec<&str>, data: &SchemaData, ctx: &Context) -> StringEnum {
        let mut unique: Vec<&str> = Vec::with_capacity(values.len());
        for v in values {
            if !unique.contains(&v) {
                unique.push(v);
            }
        }
        let names = variant_idents(unique.iter().copied());
        StringEnum {
            variants: unique
                .into_iter()
                .zip(names)
                .map(|(wire, rust_name)| Variant {
                    rust_name,
                    wire: wire.to_owned(),
                })
                .collect(),
            open: ctx.direction == Direction::Response,
            constant: data.extensions.get(CONST_MARK) == Some(&Value::Bool(true)),
        }
    }

    /// `allOf: [X]` with nothing else is X with extra annotations, when X is a `$ref` or not
    /// an object (`anyOf: [{type: string, format: date-time}, {type: 'null'}]` normalises to
    /// `allOf: [{type: string, …}]` with `nullable`); an inline object part stays a struct of
    /// the schema's own name.
    pub(super) fn is_wrapper(&self, all_of: &[ReferenceOr<Schema>]) -> bool {
        match all_of {
            [ReferenceOr::Reference { .. }] => true,
            [ReferenceOr::Item(part)] => match &part.schema_kind {
                SchemaKind::Type(Type::Object(_)) | SchemaKind::AllOf { .. } => false,
                SchemaKind::Any(any) => any.properties.is_empty() && any.all_of.is_empty(),
                _ => true,
            },
            _ => false,
        }
    }

    /// The type of a property, item or map value.
    pub(super) fn use_of(
        &mut self,
        schema: &ReferenceOr<Schema>,
        ctx: &Context,
    ) -> Result<Use, Error> {
        match schema {
            ReferenceOr::Reference { reference } => Ok(Use::plain(self.reference(reference, ctx)?)),
            ReferenceOr::Item(schema) => self.use_of_item(schema, ctx),
        }
    }

    pub(super) fn use_of_boxed(
        &mut self,
        schema: &ReferenceOr<Box<Schema>>,
        ctx: &Context,
    ) -> Result<Use, Error> {
        match schema {
            ReferenceOr::Reference { reference } => Ok(Use::plain(self.reference(reference, ctx)?)),
            ReferenceOr::Item(schema) => self.use_of_item(schema, ctx),
        }
    }

    fn use_of_item(&mut self, schema: &Schema, ctx: &Context) -> Result<Use, Error> {
        if let Some(kind) = self.checked_kind(ctx)? {
            // `nullable` is one of the node's keywords: no `Nullable` around it.
            let rust = self.inline_name(ctx);
            self.space.push(TypeDef {
                name: rust.clone(),
                pointer: ctx.pointer.clone(),
                docs: docs_of(&schema.schema_data),
                kind,
            });
            return Ok(Use::plain(TypeRef::Named(rust)));
        }
        let mut used = self.use_of_kind(schema, ctx)?;
        if schema.schema_data.nullable && !matches!(used.ty, TypeRef::Nullable(_) | TypeRef::Json) {
            used.ty = TypeRef::Nullable(Box::new(used.ty));
        }
        Ok(used)
    }

    fn use_of_kind(&mut self, schema: &Schema, ctx: &Context) -> Result<Use, Error> {
        let needs_name = matches!(
            &schema.schema_kind,
            SchemaKind::Type(Type::String(s)) if !s.enumeration.is_empty()
        ) || matches!(&schema.schema_kind, SchemaKind::Type(Type::Object(o)) if !o.properties.is_empty())
            || matches!(
                &schema.schema_kind,
                SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. }
            )
            || matches!(&schema.schema_kind, SchemaKind::AllOf { all_of } if !self.is_wrapper(all_of))
            || matches!(&schema.schema_kind, SchemaKind::Any(a) if !a.properties.is_empty() || !a.all_of.is_empty()
                || (!a.enumeration.is_empty() && a.enumeration.iter().all(|v| v.is_string() || v.is_null())));
        if needs_name {
            let rust = self.inline_name(ctx);
            let slot = self.space.push(TypeDef {
                name: rust.clone(),
                pointer: ctx.pointer.clone(),
                docs: Docs::default(),
                kind: TypeKind::Alias(TypeRef::Json),
            });
            let kind = self
                .named_kind(&ctx.hint, schema, ctx)?
                .unwrap_or(TypeKind::Alias(TypeRef::Json));
            let docs = docs_of(&schema.schema_data);
            self.space.set(
                slot,
                TypeDef {
                    name: rust.clone(),
                    pointer: ctx.pointer.clone(),
                    docs,
                    kind,
                },
            );
            return Ok(Use::plain(TypeRef::Named(rust)));
        }
        Ok(match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) => {
                let rules =
                    self.string_rules(ctx, s.pattern.as_deref(), s.min_length, s.max_length)?;
                let ty = match &s.format {
                    VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => TypeRef::DateTime,
                    VariantOrUnknownOrEmpty::Item(StringFormat::Byte) => TypeRef::Base64,
                    VariantOrUnknownOrEmpty::Item(StringFormat::Binary) if self.binary_bytes => {
                        TypeRef::Binary
                    }
                    VariantOrUnknownOrEmpty::Unknown(f) if f == "decimal" => {
                        TypeRef::Decimal(DecimalWire::String)
                    }
                    _ => TypeRef::String,
                };
                let rules = if matches!(ty, TypeRef::Decimal(_)) {
                    Constraints {
                        ..self.numeric_rules(ctx)?
                    }
                } else {
                    rules
                };
                Use { ty, rules }
            }
            SchemaKind::Type(Type::Number(_)) => Use {
                ty: TypeRef::Decimal(DecimalWire::Number),
                rules: self.numeric_rules(ctx)?,
            },
            SchemaKind::Type(Type::Integer(i)) => {
                let ty = match &i.format {
                    VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => {
                        TypeRef::Integer(IntWidth::I32)
                    }
                    VariantOrUnknownOrEmpty::Unknown(f) if f == "bigint" => TypeRef::BigInt,
                    _ => TypeRef::Integer(IntWidth::I64),
                };
                Use {
                    ty,
                    rules: self.numeric_rules(ctx)?,
                }
            }
            SchemaKind::Type(Type::Boolean(_)) => Use::plain(TypeRef::Bool),
            SchemaKind::Type(Type::Object(o)) => {
                Use::plain(self.map_of(o.additional_properties.as_ref(), ctx)?)
            }
            SchemaKind::Type(Type::Array(a)) => {
                let item = match &a.items {
                    Some(items) => self.item_type(items, &ctx.child(&["items"], "Item"))?,
                    None => TypeRef::Json,
                };
                Use {
                    ty: TypeRef::Array(Box::new(item)),
                    rules: self.array_rules(ctx, a.min_items, a.max_items)?,
                }
            }
            SchemaKind::AllOf { all_of } => {
                self.use_of(&all_of[0], &ctx.child(&["allOf", "0"], ""))?
            }
            SchemaKind::Any(any) => self.any_use(any, ctx)?,
            SchemaKind::Not { .. } | SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } => {
                Use::plain(TypeRef::Json)
            }
        })
    }

    /// An array item or map value: constrained scalars there become named newtypes, since a
    /// rule attribute can only sit on a field.
    pub(super) fn item_type(
        &mut self,
        schema: &ReferenceOr<Box<Schema>>,
        ctx: &Context,
    ) -> Result<TypeRef, Error> {
        let used = self.use_of_boxed(schema, ctx)?;
        Ok(self.standalone(used, ctx))
    }

    /// A type that stands outside a struct field (an array item, a map value, a union
    /// variant): rules and decimals need a named newtype there, since a rule attribute and a
    /// decimal wire adapter can only sit on a field.
    pub(super) fn standalone(&mut self, used: Use, ctx: &Context) -> TypeRef {
        let Use { ty, rules } = used;
        if let TypeRef::Nullable(inner) = ty {
            // The newtype wraps the value; `null` stays outside it.
            let inner = self.standalone(Use { ty: *inner, rules }, ctx);
            return TypeRef::Nullable(Box::new(inner));
        }
        if rules.is_empty() && !is_bare_decimal(&ty) {
            return ty;
        }
        let rust = self.inline_name(ctx);
        self.space.push(TypeDef {
            name: rust.clone(),
            pointer: ctx.pointer.clone(),
            docs: Docs::default(),
            kind: TypeKind::Newtype(Newtype {
                inner: ty,
                constraints: rules,
            }),
        });
        TypeRef::Named(rust)
    }

    pub(super) fn map_of(
        &mut self,
        additional: Option<&AdditionalProperties>,
        ctx: &Context,
    ) -> Result<TypeRef, Error> {
        Ok(match additional {
            Some(AdditionalProperties::Schema(values)) => {
                let value_ctx = ctx.child(&["additionalProperties"], "Value");
                let boxed: ReferenceOr<Box<Schema>> = match values.as_ref() {
                    ReferenceOr::Reference { reference } => ReferenceOr::Reference {
                        reference: reference.clone(),
                    },
                    ReferenceOr::Item(s) => ReferenceOr::Item(Box::new(s.clone())),
                };
                TypeRef::Map(Box::new(self.item_type(&boxed, &value_ctx)?))
            }
            _ => TypeRef::Map(Box::new(TypeRef::Json)),
        })
    }

    fn any_use(&mut self, any: &openapiv3::AnySchema, ctx: &Context) -> Result<Use, Error> {
        Ok(match any.typ.as_deref() {
            Some("null") => Use::plain(TypeRef::Json),
            _ if any.items.is_some() => {
                let items = any
                    .items
                    .as_ref()
                    .map(|i| self.item_type(i, &ctx.child(&["items"], "Item")))
                    .transpose()?;
                Use {
                    ty: TypeRef::Array(Box::new(items.unwrap_or(TypeRef::Json))),
                    rules: self.array_rules(ctx, any.min_items, any.max_items)?,
                }
            }
            _ if any.additional_properties.is_some() => {
                Use::plain(self.map_of(any.additional_properties.as_ref(), ctx)?)
            }
            _ => Use::plain(TypeRef::Json),
        })
    }
}

/// A decimal with no named type around it: its wire form lives in a serde
/// adapter, which only a field can carry.
fn is_bare_decimal(ty: &TypeRef) -> bool {
    matches!(ty, TypeRef::Decimal(_))
}
