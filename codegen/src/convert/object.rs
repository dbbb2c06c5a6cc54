//! Objects: declared properties, `allOf` merges and `oneOf`/`anyOf` unions.

use super::schema::docs_of;
use super::{Context, Converter, Direction};
use crate::error::unescape;
use crate::error::{push_token, Error};
use crate::ir::{
    field_ident, type_ident, Field, Namer, OneOf, OneOfVariant, Struct, Tagging, TypeKind, TypeRef,
    TypeSpace,
};
use openapiv3::{
    AdditionalProperties, AnySchema, ObjectType, ReferenceOr, Schema, SchemaData, SchemaKind, Type,
};
use std::collections::{BTreeMap, BTreeSet};

/// A property gathered from an object or an `allOf` part.
struct Property<'s> {
    wire: String,
    schema: &'s ReferenceOr<Box<Schema>>,
    ctx: Context<'s>,
}

#[derive(Default)]
struct Gathered<'s> {
    properties: Vec<Property<'s>>,
    required: BTreeSet<String>,
    deny_unknown: bool,
}

impl<'s> Gathered<'s> {
    fn add(&mut self, wire: &str, schema: &'s ReferenceOr<Box<Schema>>, ctx: Context<'s>) {
        let property = Property {
            wire: wire.to_owned(),
            schema,
            ctx,
        };
        match self.properties.iter_mut().find(|p| p.wire == wire) {
            Some(existing) => *existing = property,
            None => self.properties.push(property),
        }
    }
}

impl<'d> Converter<'d> {
    pub(super) fn object(
        &mut self,
        hint: &str,
        o: &ObjectType,
        ctx: &Context,
    ) -> Result<Struct, Error> {
        let mut gathered = Gathered::default();
        gather_object(
            &mut gathered,
            &o.properties,
            &o.required,
            o.additional_properties.as_ref(),
            ctx,
        );
        let mut s = self.fields(hint, gathered)?;
        s.additional = self.additional(o.additional_properties.as_ref(), ctx)?;
        Ok(s)
    }

    /// The type of the members an `additionalProperties` schema beside `properties` types.
    fn additional(
        &mut self,
        additional: Option<&AdditionalProperties>,
        ctx: &Context,
    ) -> Result<Option<TypeRef>, Error> {
        if !matches!(additional, Some(AdditionalProperties::Schema(_))) {
            return Ok(None);
        }
        Ok(match self.map_of(additional, ctx)? {
            TypeRef::Map(values) => Some(*values),
            _ => None,
        })
    }

    pub(super) fn any_object(
        &mut self,
        hint: &str,
        any: &AnySchema,
        ctx: &Context,
    ) -> Result<Struct, Error> {
        let mut gathered = Gathered::default();
        gather_object(
            &mut gathered,
            &any.properties,
            &any.required,
            any.additional_properties.as_ref(),
            ctx,
        );
        let mut s = self.fields(hint, gathered)?;
        s.additional = self.additional(any.additional_properties.as_ref(), ctx)?;
        Ok(s)
    }

    pub(super) fn all_of(
        &mut self,
        hint: &str,
        parts: &[ReferenceOr<Schema>],
        ctx: &Context,
    ) -> Result<Struct, Error> {
        let mut gathered = Gathered::default();
        let mut stack = Vec::new();
        self.gather_all_of(&mut gathered, parts, ctx, &mut stack)?;
        self.fields(hint, gathered)
    }

    /// An object with `properties` of its own beside `allOf` parts: one struct of every
    /// member, each part's `required` kept.
    pub(super) fn object_with_all_of(
        &mut self,
        hint: &str,
        schema: &Schema,
        ctx: &Context,
    ) -> Result<Struct, Error> {
        let mut gathered = Gathered::default();
        let mut stack = Vec::new();
        self.gather_schema(&mut gathered, schema, ctx, &mut stack)?;
        self.fields(hint, gathered)
    }

    fn gather_all_of<'g>(
        &self,
        into: &mut Gathered<'g>,
        parts: &'g [ReferenceOr<Schema>],
        ctx: &Context<'g>,
        stack: &mut Vec<String>,
    ) -> Result<(), Error>
    where
        'd: 'g,
    {
        for (index, part) in parts.iter().enumerate() {
            let part_ctx = ctx.child(&["allOf", &index.to_string()], "");
            let (schema, part_ctx) = match part {
                ReferenceOr::Item(schema) => (schema, part_ctx),
                ReferenceOr::Reference { reference } => {
                    let name = reference
                        .strip_prefix(super::direction::SCHEMA_PREFIX)
                        .map(unescape)
                        .ok_or_else(|| {
                            self.doc.error(
                                &push_token(&part_ctx.pointer, "$ref"),
                                format!(
                                    "`$ref: {reference}` in allOf must name a component schema"
                                ),
                            )
                        })?;
                    if stack.contains(&name) {
                        return Err(self.doc.error(
                            &push_token(&part_ctx.pointer, "$ref"),
                            format!("`$ref` cycle through allOf: {} → {name}", stack.join(" → ")),
                        ));
                    }
                    let target = self.component(&name).ok_or_else(|| {
                        self.doc.error(
                            &push_token(&part_ctx.pointer, "$ref"),
                            format!(
                                "dangling `$ref`: no schema named `{name}` in #/components/schemas"
                            ),
                        )
                    })?;
                    let ReferenceOr::Item(schema) = target else {
                        return Err(self.doc.error(
                            &push_token(&part_ctx.pointer, "$ref"),
                            format!("`{name}` is itself only a `$ref`; allOf needs an object"),
                        ));
                    };
                    stack.push(name.clone());
                    let target_ctx = Context::at(
                        self.doc,
                        push_token("/components/schemas", &name),
                        ctx.hint.clone(),
                        ctx.direction,
                    );
                    self.gather_schema(into, schema, &target_ctx, stack)?;
                    stack.pop();
                    continue;
                }
            };
            self.gather_schema(into, schema, &part_ctx, stack)?;
        }
        Ok(())
    }

    fn gather_schema<'g>(
        &self,
        into: &mut Gathered<'g>,
        schema: &'g Schema,
        ctx: &Context<'g>,
        stack: &mut Vec<String>,
    ) -> Result<(), Error>
    where
        'd: 'g,
    {
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(o)) => {
                gather_object(into, &o.properties, &o.required, o.additional_properties.as_ref(), ctx);
                Ok(())
            }
            // Members of its own and of its `allOf` parts apply together.
            SchemaKind::Any(any) => {
                gather_object(into, &any.properties, &any.required, any.additional_properties.as_ref(), ctx);
                self.gather_all_of(into, &any.all_of, ctx, stack)
            }
            SchemaKind::AllOf { all_of } => self.gather_all_of(into, all_of, ctx, stack),
            // At the keyword that makes the part no object.
            other => Err(self.doc.error(
                &shape_keyword(other).map_or_else(|| ctx.pointer.clone(), |k| push_token(&ctx.pointer, k)),
                "allOf part is not an object: only objects can be merged (a oneOf/anyOf or scalar part has no single Rust shape)",
            )),
        }
    }

    /// Whether a member is `readOnly` and whether it is `writeOnly`, marked on itself or on the
    /// component its `$ref` names.
    fn member_access(&self, member: &ReferenceOr<Box<Schema>>) -> (bool, bool) {
        let data = match member {
            ReferenceOr::Item(schema) => Some(&schema.schema_data),
            ReferenceOr::Reference { reference } => reference
                .strip_prefix(super::direction::SCHEMA_PREFIX)
                .and_then(|name| self.component(&unescape(name)))
                .and_then(|target| match target {
                    ReferenceOr::Item(schema) => Some(&schema.schema_data),
                    ReferenceOr::Reference { .. } => None,
                }),
        };
        data.map_or((false, false), |d| (d.read_only, d.write_only))
    }

    fn component(&self, name: &str) -> Option<&'d ReferenceOr<Schema>> {
        self.doc
            .api
            .components
            .as_ref()
            .and_then(|c| c.schemas.get(name))
    }

    fn fields(&mut self, hint: &str, gathered: Gathered<'_>) -> Result<Struct, Error> {
        let mut namer = Namer::new();
        let mut fields = Vec::with_capacity(gathered.properties.len());
        let mut left_out = Vec::new();
        for property in gathered.properties {
            let (read_only, write_only) = self.member_access(property.schema);
            if read_only && write_only {
                // Where the marks are: on the member, or on the component its `$ref` names.
                let marked = match property.schema {
                    ReferenceOr::Reference { reference } => {
                        reference.strip_prefix('#').unwrap_or(reference).to_owned()
                    }
                    ReferenceOr::Item(_) => property.ctx.pointer.clone(),
                };
                return Err(self.doc.error(
                    &push_token(&marked, "writeOnly"),
                    "a property MUST NOT be marked as both readOnly and writeOnly (OpenAPI 3.0.3, Schema Object)",
                ));
            }
            let absent = match property.ctx.direction {
                Direction::Request => read_only,
                Direction::Response => write_only,
            };
            // Left out of this direction's type; a response that may not carry unknown members
            // still reads one a provider sends anyway, as an optional member.
            if absent && !(property.ctx.direction == Direction::Response && gathered.deny_unknown) {
                left_out.push(property.wire);
                continue;
            }
            let hint_ctx = Context {
                hint: format!("{hint}{}", type_ident(&property.wire)),
                ..property.ctx.clone()
            };
            let used = self.use_of_boxed(property.schema, &hint_ctx)?;
            let (mut docs, default) = match property.schema {
                ReferenceOr::Item(s) => (docs_of(&s.schema_data), s.schema_data.default.clone()),
                ReferenceOr::Reference { .. } => (Default::default(), None),
            };
            if absent {
                let note =
                    "`writeOnly`: a provider should not send it; read, optional, when one does.";
                docs.description = Some(match docs.description.take() {
                    Some(d) => format!("{d}\n\n{note}"),
                    None => note.to_owned(),
                });
            }
            fields.push(Field {
                rust_name: namer.unique(&field_ident(&property.wire)),
                required: !absent && gathered.required.contains(&property.wire),
                wire_name: property.wire,
                docs,
                ty: used.ty,
                default,
                constraints: used.rules,
                boxed: false,
            });
        }
        Ok(Struct {
            fields,
            deny_unknown: gathered.deny_unknown,
            additional: None,
            left_out,
        })
    }

    pub(super) fn one_of(
        &mut self,
        keyword: &str,
        branches: &[ReferenceOr<Schema>],
        data: &SchemaData,
        ctx: &Context,
    ) -> Result<OneOf, Error> {
        let mut namer = Namer::new();
        let mut variants = Vec::with_capacity(branches.len());
        let mapping: BTreeMap<&str, &str> = data
            .discriminator
            .as_ref()
            .map(|d| {
                d.mapping
                    .iter()
                    .map(|(tag, target)| (target.as_str(), tag.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        for (index, branch) in branches.iter().enumerate() {
            let title = match branch {
                ReferenceOr::Item(schema) => schema.schema_data.title.clone(),
                ReferenceOr::Reference { .. } => None,
            };
            let suffix = title
                .clone()
                .unwrap_or_else(|| format!("Variant{}", index + 1));
            let branch_ctx = ctx.child(&[keyword, &index.to_string()], &suffix);
            let (ty, wanted, tag) = match branch {
                ReferenceOr::Reference { reference } => {
                    let ty = self.reference(reference, &branch_ctx)?;
                    let component = reference
                        .rsplit('/')
                        .next()
                        .map(unescape)
                        .unwrap_or_default();
                    let tag = mapping
                        .get(reference.as_str())
                        .map(|t| (*t).to_owned())
                        .unwrap_or(component.clone());
                    (ty, type_ident(&component), tag)
                }
                ReferenceOr::Item(_) => {
                    let title = title.as_deref().map(type_ident);
                    let used = self.use_of(branch, &branch_ctx)?;
                    let wanted = title.unwrap_or_else(|| variant_name_for(&used.ty, index));
                    (self.standalone(used, &branch_ctx), wanted, String::new())
                }
            };
            variants.push(OneOfVariant {
                rust_name: namer.unique(&wanted),
                ty,
                tag_value: data.discriminator.as_ref().map(|_| tag),
            });
        }
        if variants.is_empty() {
            return Err(self.doc.error(
                &push_token(&ctx.pointer, keyword),
                format!("`{keyword}` with no alternatives"),
            ));
        }
        // Each discriminator value selects one alternative: two with one value (an inline
        // alternative has none of its own, so two of them share the empty one; the same `$ref`
        // twice; a `mapping` naming another alternative's component) cannot be told apart.
        if data.discriminator.is_some() {
            let mut selects: BTreeMap<&str, &str> = BTreeMap::new();
            for variant in &variants {
                let tag = variant.tag_value.as_deref().unwrap_or_default();
                if let Some(first) = selects.insert(tag, &variant.rust_name) {
                    return Err(self.doc.error(
                        &push_token(&ctx.pointer, "discriminator"),
                        format!(
                            "discriminator value {tag:?} selects both `{first}` and `{}`; \
                             each alternative needs a value of its own (a `$ref` to a component, \
                             or a `mapping` entry)",
                            variant.rust_name
                        ),
                    ));
                }
            }
        }
        let tagging = match &data.discriminator {
            Some(d) => Tagging::Tagged {
                property: d.property_name.clone(),
            },
            None => Tagging::Untagged,
        };
        Ok(OneOf {
            variants,
            tagging,
            // Strict requests, lenient responses: a provider's response that two alternatives
            // accept is read as the first, as an undocumented enum value is kept.
            exclusive: keyword == "oneOf" && ctx.direction == Direction::Request,
            open: data.discriminator.is_some() && ctx.direction == Direction::Response,
        })
    }
}

fn gather_object<'g>(
    into: &mut Gathered<'g>,
    properties: &'g indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
    required: &[String],
    additional: Option<&AdditionalProperties>,
    ctx: &Context<'g>,
) {
    for (wire, schema) in properties {
        // No hint: `fields` names a property's inline type after the struct it ends up in.
        into.add(wire, schema, ctx.child(&["properties", wire], ""));
    }
    into.required.extend(required.iter().cloned());
    if additional == Some(&AdditionalProperties::Any(false)) {
        into.deny_unknown = true;
    }
}

fn variant_name_for(ty: &TypeRef, index: usize) -> String {
    match ty {
        TypeRef::Named(n) => super::wanted_name(n).to_owned(),
        TypeRef::String => "String".to_owned(),
        TypeRef::Bool => "Bool".to_owned(),
        TypeRef::Integer(_) | TypeRef::BigInt => "Integer".to_owned(),
        TypeRef::Decimal(_) => "Number".to_owned(),
        TypeRef::Array(_) => "Array".to_owned(),
        TypeRef::Map(_) => "Map".to_owned(),
        _ => format!("Variant{}", index + 1),
    }
}

/// Turns an untagged union into one selected by member presence when every variant is an
/// object with a required member that no other variant declares.
pub(super) fn select_by_member(space: &mut TypeSpace) {
    let mut updates = Vec::new();
    for (index, def) in space.types().iter().enumerate() {
        let TypeKind::OneOf(o) = &def.kind else {
            continue;
        };
        if o.tagging != Tagging::Untagged || o.variants.len() < 2 {
            continue;
        }
        let structs: Option<Vec<&Struct>> = o
            .variants
            .iter()
            .map(
                |v| match v.ty.named().and_then(|n| space.get(n)).map(|d| &d.kind) {
                    Some(TypeKind::Struct(s)) if !matches!(v.ty, TypeRef::Nullable(_)) => Some(s),
                    _ => None,
                },
            )
            .collect();
        let Some(structs) = structs else { continue };
        let keys: Option<Vec<String>> = structs
            .iter()
            .enumerate()
            .map(|(i, s)| {
                s.fields
                    .iter()
                    .filter(|f| f.required)
                    .find(|f| {
                        structs.iter().enumerate().all(|(j, other)| {
                            i == j || other.fields.iter().all(|g| g.wire_name != f.wire_name)
                        })
                    })
                    .map(|f| f.wire_name.clone())
            })
            .collect();
        if let Some(keys) = keys {
            updates.push((index, keys));
        }
    }
    for (index, keys) in updates {
        if let TypeKind::OneOf(o) = &mut space.types_mut()[index].kind {
            o.tagging = Tagging::Present { keys };
        }
    }
}

/// The keyword that gives a schema its shape, for an error about that shape: `type` for a
/// typed schema, else the combinator; none for a schema of other keywords (the node itself).
fn shape_keyword(kind: &SchemaKind) -> Option<&'static str> {
    match kind {
        SchemaKind::Type(_) => Some("type"),
        SchemaKind::OneOf { .. } => Some("oneOf"),
        SchemaKind::AnyOf { .. } => Some("anyOf"),
        SchemaKind::AllOf { .. } => Some("allOf"),
        SchemaKind::Not { .. } => Some("not"),
        SchemaKind::Any(_) => None,
    }
}
