//! Stage 2: an OpenAPI document becomes a [`TypeSpace`].
//!
//! Every component schema gets one named type per direction it needs (see `direction`);
//! inline objects, enums and constrained items get names derived from where they stand
//! (`PaymentInfo` + `amount` → `PaymentInfoAmount`). Names are assigned before any schema is
//! converted, so a `$ref` resolves to a name without converting its target, which makes
//! recursive schemas and forward references free.

mod checked;
mod constraints;
mod direction;
mod object;
mod operations;
mod recursion;
mod schema;
mod size;
mod transport;

pub use direction::Direction;

use crate::error::unescape;
use crate::error::{push_token, Error};
use crate::ir::{pascal, type_ident, Docs, NameRequests, TypeDef, TypeKind, TypeRef, TypeSpace};
use crate::load::Document;
use direction::{Usage, SCHEMA_PREFIX};
use openapiv3::{ReferenceOr, Schema};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Converts every component schema of a document.
pub fn convert(doc: &Document) -> Result<TypeSpace, Error> {
    let mut converter = Converter::new(doc);
    converter.run()?;
    Ok(converter.space)
}

pub(crate) struct Converter<'d> {
    doc: &'d Document,
    usage: Usage,
    space: TypeSpace,
    /// Every type name handed out so far (the components' before any inline one).
    taken: BTreeSet<String>,
    /// The names inline types asked for, settled once the whole document is converted; until
    /// then each inline type is named by a placeholder (see [`Converter::inline_name`]).
    inline: NameRequests,
    /// (component name, direction) → Rust type name.
    instances: BTreeMap<(String, Direction), String>,
    /// Components marked `nullable: true`: every reference to one is `Nullable<…>`.
    nullable: BTreeSet<String>,
    /// Set while a multipart request body's inline schema is converted: a `format: binary`
    /// string there is a file part ([`TypeRef::Binary`]), not text.
    binary_bytes: bool,
    /// Whether a schema of the document states `unevaluatedProperties` or `unevaluatedItems`:
    /// only then does a checked `$ref` need to say what its target evaluates.
    reads_evaluated: bool,
}

/// Where a schema stands while it is converted.
#[derive(Debug, Clone)]
pub(crate) struct Context<'d> {
    /// JSON Pointer of the schema node.
    pointer: String,
    /// The node at `pointer`, carried down from its parent rather than looked up again (each
    /// schema's rules are read from it: Stripe's 200,000 lookups were a sixth of converting).
    raw: Option<&'d Value>,
    /// Name to give an inline type found here.
    hint: String,
    /// The direction of the enclosing component instance.
    direction: Direction,
}

impl<'d> Context<'d> {
    /// The context of the schema at `pointer` in `doc`.
    fn at(doc: &'d Document, pointer: String, hint: String, direction: Direction) -> Self {
        Context {
            raw: doc.node(&pointer),
            pointer,
            hint,
            direction,
        }
    }

    fn child(&self, tokens: &[&str], hint_suffix: &str) -> Context<'d> {
        let pointer = tokens
            .iter()
            .fold(self.pointer.clone(), |p, t| push_token(&p, t));
        let raw = self.raw.and_then(|raw| {
            tokens
                .iter()
                .try_fold(raw, |node, token| crate::load::step(node, token))
        });
        Context {
            pointer,
            raw,
            hint: format!("{}{}", self.hint, pascal(hint_suffix)),
            direction: self.direction,
        }
    }
}

impl<'d> Converter<'d> {
    fn new(doc: &'d Document) -> Self {
        Converter {
            doc,
            usage: Usage::of(doc),
            space: TypeSpace::default(),
            taken: BTreeSet::new(),
            inline: NameRequests::new(),
            instances: BTreeMap::new(),
            nullable: BTreeSet::new(),
            binary_bytes: false,
            reads_evaluated: checked::states_unevaluated(&doc.raw, 0),
        }
    }

    fn components(&self) -> Vec<(String, &'d ReferenceOr<Schema>)> {
        self.doc
            .api
            .components
            .as_ref()
            .map(|c| c.schemas.iter().map(|(k, v)| (k.clone(), v)).collect())
            .unwrap_or_default()
    }

    fn run(&mut self) -> Result<(), Error> {
        let components = self.components();
        self.nullable = components
            .iter()
            .filter(|(_, schema)| matches!(schema, ReferenceOr::Item(s) if s.schema_data.nullable))
            .map(|(name, _)| name.clone())
            .collect();
        // Names first: every instance, settled among the components that want the same name
        // (see `NameRequests`); request instances keep the plain name, the open twin of a
        // shared enum-holding schema gets `Response` appended (ranked after a component the
        // spec itself names so).
        let mut requests = NameRequests::new();
        let mut instances = Vec::new();
        for (name, _) in &components {
            let directions = self.usage.instances(name);
            let twin = directions.len() > 1;
            for direction in directions {
                let base = type_ident(name);
                let (wanted, rank) = if twin && direction == Direction::Response {
                    (format!("{base}Response"), 1)
                } else {
                    (base, 0)
                };
                requests.request(&wanted, rank, name);
                instances.push((name.clone(), direction));
            }
        }
        let settled = requests.settle(&mut self.taken);
        self.instances = instances.into_iter().zip(settled).collect();
        for (name, schema) in components {
            for direction in self.usage.instances(&name) {
                let rust = self.instances[&(name.clone(), direction)].clone();
                let ctx = Context::at(
                    self.doc,
                    push_token("/components/schemas", &name),
                    rust.clone(),
                    direction,
                );
                self.named_component(&rust, schema, &ctx)?;
            }
        }
        // Operations after every component, so their inline types never take a component's name.
        self.space
            .set_servers(transport::servers(&self.doc.api.servers));
        transport::convert_security_schemes(self);
        let document = transport::document_security(self);
        self.space.set_document_security(document);
        operations::convert_operations(self)?;
        self.settle_inline_names();
        self.check_alias_cycles()?;
        recursion::box_recursive_fields(&mut self.space);
        size::box_large_fields(&mut self.space);
        object::select_by_member(&mut self.space);
        self.space.mark_request_types();
        Ok(())
    }

    /// Converts a component into the type named `rust`.
    fn named_component(
        &mut self,
        rust: &str,
        schema: &ReferenceOr<Schema>,
        ctx: &Context,
    ) -> Result<(), Error> {
        let slot = self.space.push(TypeDef {
            name: rust.to_owned(),
            pointer: ctx.pointer.clone(),
            docs: Docs::default(),
            kind: TypeKind::Alias(TypeRef::Json),
        });
        let def = self.define(rust, schema, ctx)?;
        self.space.set(slot, def);
        Ok(())
    }

    /// The name of the type a `$ref` leads to, from a given direction.
    fn reference(&self, reference: &str, ctx: &Context) -> Result<TypeRef, Error> {
        let Some(token) = reference.strip_prefix(SCHEMA_PREFIX) else {
            let message = if reference.starts_with('#') {
                format!("`$ref: {reference}`: only references to #/components/schemas/… are supported for schemas")
            } else {
                format!("`$ref: {reference}`: references to other documents are not supported")
            };
            return Err(self.doc.error(&push_token(&ctx.pointer, "$ref"), message));
        };
        let name = unescape(token);
        let direction = self.usage.resolve(&name, ctx.direction);
        match self.instances.get(&(name.clone(), direction)) {
            Some(rust) if self.nullable.contains(&name) => {
                Ok(TypeRef::Nullable(Box::new(TypeRef::Named(rust.clone()))))
            }
            Some(rust) => Ok(TypeRef::Named(rust.clone())),
            None => Err(self.doc.error(
                &push_token(&ctx.pointer, "$ref"),
                format!("dangling `$ref`: no schema named `{name}` in #/components/schemas"),
            )),
        }
    }

    /// A placeholder name for an inline type that wants the name `ctx.hint`: the real name is
    /// settled at the end, among the schemas that want the same one, by their JSON Pointers
    /// ([`Converter::settle_inline_names`]). No spec name can hold the NUL in it.
    fn inline_name(&mut self, ctx: &Context) -> String {
        let index = self.inline.request(&ctx.hint, 0, &ctx.pointer);
        placeholder(&ctx.hint, index)
    }

    /// Gives every inline type its settled name, in its definition and every reference.
    fn settle_inline_names(&mut self) {
        let requests = std::mem::take(&mut self.inline);
        let settled = requests.settle(&mut self.taken);
        let names: BTreeMap<String, String> = settled
            .into_iter()
            .enumerate()
            .map(|(index, name)| (placeholder(requests.wanted(index), index), name))
            .collect();
        self.space.rename(&names);
    }

    /// An alias chain that comes back to itself has no object in between: no Rust type can
    /// represent it.
    fn check_alias_cycles(&self) -> Result<(), Error> {
        for def in self.space.types() {
            let mut seen = vec![def.name.as_str()];
            let mut current = def;
            while let TypeKind::Alias(TypeRef::Named(next)) = &current.kind {
                if seen.contains(&next.as_str()) {
                    return Err(self.doc.error(
                        &push_token(&def.pointer, "$ref"),
                        format!(
                            "`$ref` cycle with no object in between: {} → {next}",
                            seen.join(" → ")
                        ),
                    ));
                }
                seen.push(next);
                match self.space.get(next) {
                    Some(target) => current = target,
                    None => break,
                }
            }
        }
        Ok(())
    }
}

/// The placeholder of the inline name request `index` wanting `hint`.
fn placeholder(hint: &str, index: usize) -> String {
    format!("{hint}\u{0}{index}")
}

/// The name a type asked for: an inline type's [`placeholder`] without its request index
/// (conversion runs before names are settled), a component's name as it is.
fn wanted_name(name: &str) -> &str {
    name.split('\u{0}').next().unwrap_or(name)
}
