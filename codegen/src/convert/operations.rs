//! Operations → [`ir::Operation`]s, after every component schema is converted.
//!
//! Operations are walked in document order (paths, then methods as the document lists them).
//! A module name comes from the `operationId` (snake_case), or from method and path when there
//! is none (`post /v1/payments` → `post_v1_payments`); collisions get a numeric suffix.
//! Schemas found inline in parameters, bodies and responses go through the same converter as
//! components, named after the operation (`CreatePaymentRequestBody`,
//! `CreatePaymentResponse200`, `ListPaymentsStatus`) or, when they sit in
//! `#/components/{parameters,requestBodies,responses}`, after that component (converted once
//! however many operations share it). `$ref`s into those sections are followed; a dangling one
//! is an error naming its pointer.
//!
//! What is not modelled never fails generation; it becomes a note in the operation's docs:
//! request bodies that are only `multipart/*`. A form-encoded request body
//! (`application/x-www-form-urlencoded`) is typed like a JSON one, with its `encoding`. Other
//! non-JSON bodies are bytes (`Vec<u8>`) or text (`String`).

mod params;

use super::{transport, Context, Converter, Direction};
use crate::error::{push_token, Error};
use crate::ir::{self, field_ident, type_ident, Docs, Namer, Payload, Status, TypeRef};
use openapiv3::{
    MediaType, PathItem, ReferenceOr, Schema, SchemaKind, StatusCode, StringFormat, Type,
    VariantOrUnknownOrEmpty,
};
use std::collections::BTreeMap;

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// How many `$ref` hops a parameter, body or response may take before it counts as a cycle.
const MAX_HOPS: usize = 16;

/// Converts every operation of the document into `conv.space`.
pub(super) fn convert_operations(conv: &mut Converter<'_>) -> Result<(), Error> {
    let doc = conv.doc;
    let mut ops = Ops {
        conv,
        modules: Namer::new(),
        cache: BTreeMap::new(),
    };
    for (path, item) in &doc.api.paths.paths {
        let item_pointer = push_token("/paths", path);
        let owned;
        let (item, item_pointer) = match item {
            ReferenceOr::Item(item) => (item, item_pointer),
            ReferenceOr::Reference { reference } => {
                let (resolved, target) = ops.path_item(reference, &item_pointer)?;
                owned = resolved;
                (&owned, target)
            }
        };
        for method in methods_in_order(doc.node(&item_pointer), item) {
            let Some(operation) = operation_of(item, method) else {
                continue;
            };
            let converted = ops.operation(path, method, operation, item, &item_pointer)?;
            ops.conv.space.push_operation(converted);
        }
    }
    Ok(())
}

/// Where an operation stands.
struct Site<'a> {
    /// The path template.
    path: &'a str,
    /// The path item holding the operation (for path-level parameters).
    item: &'a PathItem,
    /// The path item's pointer.
    item_pointer: &'a str,
    /// The operation's pointer.
    pointer: &'a str,
    /// The prefix of inline type names (`CreatePayment`).
    base: &'a str,
}

struct Ops<'c, 'd> {
    conv: &'c mut Converter<'d>,
    modules: Namer,
    /// Pointer of a shared component's schema → its type, so it is converted once.
    cache: BTreeMap<String, TypeRef>,
}

impl<'d> Ops<'_, 'd> {
    fn operation(
        &mut self,
        path: &str,
        method: &str,
        operation: &openapiv3::Operation,
        item: &PathItem,
        item_pointer: &str,
    ) -> Result<ir::Operation, Error> {
        let pointer = push_token(item_pointer, method);
        let wanted = match operation.operation_id.as_deref().map(str::trim) {
            Some(id) if !id.is_empty() => field_ident(id),
            _ => field_ident(&format!("{method} {path}")),
        };
        let module = self.modules.unique(&wanted);
        let base = type_ident(module.trim_start_matches("r#"));
        let mut notes = Vec::new();
        let site = Site {
            path,
            item,
            item_pointer,
            pointer: &pointer,
            base: &base,
        };
        let parameters = self.parameters(&site, operation, &mut notes)?;
        let (body, body_required) = match &operation.request_body {
            Some(body) => self.request_body(body, &pointer, &base, &mut notes)?,
            None => (None, false),
        };
        let requires_unmodelled_body = body.is_none() && body_required;
        let own_servers = if operation.servers.is_empty() {
            &item.servers
        } else {
            &operation.servers
        };
        let servers = transport::servers(own_servers);
        let security = transport::security(self.conv, operation.security.as_deref(), &pointer);
        let mut responses = Vec::new();
        for (code, response) in &operation.responses.responses {
            let status = match code {
                StatusCode::Code(code) => Status::Code(*code),
                StatusCode::Range(class) => Status::Range(*class),
            };
            let at = push_token(&push_token(&pointer, "responses"), &status.spec_text());
            responses.push(self.response(status, response, &at, &base)?);
        }
        if let Some(default) = &operation.responses.default {
            let at = push_token(&push_token(&pointer, "responses"), "default");
            responses.push(self.response(Status::Default, default, &at, &base)?);
        }
        Ok(ir::Operation {
            module,
            method: method.to_ascii_uppercase(),
            path: path.to_owned(),
            pointer,
            docs: Docs {
                title: operation.summary.clone(),
                description: operation.description.clone(),
                source: None,
                deprecated: operation.deprecated,
            },
            parameters,
            body,
            responses,
            notes,
            servers,
            security,
            requires_unmodelled_body,
        })
    }

    fn request_body(
        &mut self,
        body: &ReferenceOr<openapiv3::RequestBody>,
        op_pointer: &str,
        base: &str,
        notes: &mut Vec<String>,
    ) -> Result<(Option<ir::RequestBody>, bool), Error> {
        let at = push_token(op_pointer, "requestBody");
        let (body, pointer, component) =
            self.resolve(body, &at, "requestBodies", |c| &c.request_bodies)?;
        let hint = match &component {
            Some(name) => format!("{}Body", type_ident(name)),
            None => format!("{base}RequestBody"),
        };
        self.warn_on_media_keys(&body.content, &pointer);
        let Some((media, content)) = pick_media(&body.content) else {
            let types: Vec<&str> = body
                .content
                .keys()
                .map(String::as_str)
                .filter(|key| is_media_type(key))
                .collect();
            if !types.is_empty() {
                notes.push(format!(
                    "The request body ({}) is not modelled: send it as the spec describes.",
                    types.join(", ")
                ));
            }
            return Ok((None, body.required));
        };
        let media_pointer = push_token(&push_token(&pointer, "content"), media);
        let payload = if media_kind(media) == MediaKind::Multipart {
            match self.multipart(media, content, &media_pointer, &hint, component.is_some())? {
                Some(payload) => payload,
                None => {
                    notes.push(format!(
                        "The request body ({media}) is not modelled: only `multipart/form-data` \
                         of an object with properties is; send it as the spec describes."
                    ));
                    return Ok((None, body.required));
                }
            }
        } else {
            self.payload(
                media,
                content,
                &media_pointer,
                &hint,
                Direction::Request,
                component.is_some(),
            )?
        };
        let modelled = ir::RequestBody {
            content_type: media.to_owned(),
            payload,
            required: body.required,
            docs: Docs {
                description: body.description.clone(),
                ..Docs::default()
            },
        };
        Ok((Some(modelled), body.required))
    }

    fn response(
        &mut self,
        status: Status,
        response: &ReferenceOr<openapiv3::Response>,
        at: &str,
        base: &str,
    ) -> Result<ir::Response, Error> {
        let (response, pointer, component) =
            self.resolve(response, at, "responses", |c| &c.responses)?;
        let hint = match &component {
            Some(name) => format!("{}Body", type_ident(name)),
            None => {
                let suffix = match status {
                    Status::Code(code) => code.to_string(),
                    Status::Range(class) => format!("{class}xx"),
                    Status::Default => "Default".to_owned(),
                };
                format!("{base}Response{suffix}")
            }
        };
        self.warn_on_media_keys(&response.content, &pointer);
        let (content_type, payload) = match pick_media(&response.content) {
            Some((media, content)) => {
                let media_pointer = push_token(&push_token(&pointer, "content"), media);
                let payload = self.payload(
                    media,
                    content,
                    &media_pointer,
                    &hint,
                    Direction::Response,
                    component.is_some(),
                )?;
                (Some(media.to_owned()), Some(payload))
            }
            None => (None, None),
        };
        Ok(ir::Response {
            status,
            rust_name: status.variant_name(),
            description: response.description.clone(),
            content_type,
            payload,
        })
    }

    /// A `content` key that is not a media type (Plaid has one named `examples`, an example
    /// map put one level too high) is left out, with a warning at its node.
    fn warn_on_media_keys(&mut self, content: &indexmap::IndexMap<String, MediaType>, owner: &str) {
        for key in content.keys().filter(|key| !is_media_type(key)) {
            let at = push_token(&push_token(owner, "content"), key);
            let warning = self.conv.doc.error(
                &at,
                format!("`{key}` is not a media type (`type/subtype`, RFC 6838): this entry is left out"),
            );
            self.conv.space.push_warning(warning);
        }
    }

    /// A `multipart/form-data` request body: its schema's struct, each member a part, a
    /// `format: binary` string of the inline schema a file ([`TypeRef::Binary`]). `None` when
    /// the schema is not a struct (nothing says what its parts are).
    fn multipart(
        &mut self,
        media: &str,
        content: &MediaType,
        pointer: &str,
        hint: &str,
        shared: bool,
    ) -> Result<Option<Payload>, Error> {
        let Some(schema) = content.schema.as_ref() else {
            return Ok(None);
        };
        let essence = media.split(';').next().unwrap_or_default().trim();
        if !essence.eq_ignore_ascii_case("multipart/form-data") {
            // OpenAPI defines the parts of `multipart/form-data` only.
            return Ok(None);
        }
        let ctx = Context::at(
            self.conv.doc,
            push_token(pointer, "schema"),
            hint.to_owned(),
            Direction::Request,
        );
        self.conv.binary_bytes = true;
        let ty = self.schema_type(schema, &ctx, shared);
        self.conv.binary_bytes = false;
        let ty = ty?;
        if !self.is_struct(&ty) {
            return Ok(None);
        }
        let types = content
            .encoding
            .iter()
            .filter_map(|(name, e)| Some((name.clone(), e.content_type.clone()?)))
            .collect();
        Ok(Some(Payload::Multipart(ty, types)))
    }

    /// Whether `ty` names a struct (through aliases).
    fn is_struct(&self, ty: &TypeRef) -> bool {
        let mut ty = ty;
        for _ in 0..32 {
            let TypeRef::Named(name) = ty else {
                return false;
            };
            match self.conv.space.get(name).map(|def| &def.kind) {
                Some(ir::TypeKind::Struct(_)) => return true,
                Some(ir::TypeKind::Alias(inner)) => ty = inner,
                _ => return false,
            }
        }
        false
    }

    /// The payload of a media type: JSON of its schema's type, bytes or text.
    fn payload(
        &mut self,
        media: &str,
        content: &MediaType,
        pointer: &str,
        hint: &str,
        direction: Direction,
        shared: bool,
    ) -> Result<Payload, Error> {
        let kind = media_kind(media);
        let schema = content.schema.as_ref();
        if kind == MediaKind::Form && direction == Direction::Request {
            if let Some(schema) = schema {
                let ctx = Context::at(
                    self.conv.doc,
                    push_token(pointer, "schema"),
                    hint.to_owned(),
                    direction,
                );
                let ty = self.schema_type(schema, &ctx, shared)?;
                let raw = self.conv.doc.node(pointer);
                return Ok(Payload::Form(ty, form_fields(content, raw)));
            }
        }
        if schema.is_some_and(is_binary) || (kind != MediaKind::Json && kind != MediaKind::Text) {
            return Ok(Payload::Bytes);
        }
        if kind == MediaKind::Text {
            return Ok(Payload::Text);
        }
        let Some(schema) = schema else {
            return Ok(if media.starts_with("application/") {
                Payload::Json(TypeRef::Json)
            } else {
                Payload::Bytes
            });
        };
        let ctx = Context::at(
            self.conv.doc,
            push_token(pointer, "schema"),
            hint.to_owned(),
            direction,
        );
        Ok(Payload::Json(self.schema_type(schema, &ctx, shared)?))
    }

    /// The type of a parameter's or body's schema; constrained scalars become named newtypes.
    fn schema_type(
        &mut self,
        schema: &ReferenceOr<Schema>,
        ctx: &Context,
        shared: bool,
    ) -> Result<TypeRef, Error> {
        if shared {
            if let Some(ty) = self.cache.get(&ctx.pointer) {
                return Ok(ty.clone());
            }
        }
        let boxed: ReferenceOr<Box<Schema>> = match schema {
            ReferenceOr::Reference { reference } => ReferenceOr::Reference {
                reference: reference.clone(),
            },
            ReferenceOr::Item(schema) => ReferenceOr::Item(Box::new(schema.clone())),
        };
        let ty = self.conv.item_type(&boxed, ctx)?;
        if shared {
            self.cache.insert(ctx.pointer.clone(), ty.clone());
        }
        Ok(ty)
    }

    /// Follows `$ref`s into `#/components/<section>/…`. Returns the object, the pointer of the
    /// node it was read from, and the component's name when it is one.
    fn resolve<'a, T>(
        &self,
        mut node: &'a ReferenceOr<T>,
        at: &str,
        section: &str,
        map: impl Fn(&'d openapiv3::Components) -> &'d indexmap::IndexMap<String, ReferenceOr<T>>,
    ) -> Result<(&'a T, String, Option<String>), Error>
    where
        'd: 'a,
        T: 'd,
    {
        let doc = self.conv.doc;
        let prefix = format!("#/components/{section}/");
        let mut pointer = at.to_owned();
        let mut component = None;
        for _ in 0..MAX_HOPS {
            let reference = match node {
                ReferenceOr::Item(item) => return Ok((item, pointer, component)),
                ReferenceOr::Reference { reference } => reference,
            };
            let ref_pointer = push_token(&pointer, "$ref");
            let Some(name) = reference.strip_prefix(&prefix) else {
                return Err(doc.error(
                    &ref_pointer,
                    format!("`$ref: {reference}`: only references to {prefix}… are supported here"),
                ));
            };
            let name = crate::error::unescape(name);
            let target = doc
                .api
                .components
                .as_ref()
                .map(&map)
                .and_then(|m| m.get(&name));
            let Some(target) = target else {
                return Err(doc.error(
                    &ref_pointer,
                    format!("dangling `$ref`: no entry named `{name}` in #/components/{section}"),
                ));
            };
            pointer = push_token(&format!("/components/{section}"), &name);
            component = Some(name);
            node = target;
        }
        Err(doc.error(
            &push_token(at, "$ref"),
            format!("`$ref` cycle in #/components/{section}"),
        ))
    }

    /// A path item behind a `$ref` into this document.
    fn path_item(&self, reference: &str, at: &str) -> Result<(PathItem, String), Error> {
        let doc = self.conv.doc;
        let ref_pointer = push_token(at, "$ref");
        let target = reference.strip_prefix('#').ok_or_else(|| {
            doc.error(
                &ref_pointer,
                format!("`$ref: {reference}`: references to other documents are not supported"),
            )
        })?;
        let node = doc
            .node(target)
            .ok_or_else(|| doc.error(&ref_pointer, format!("dangling `$ref`: `{reference}`")))?;
        let item = serde_json::from_value(node.clone())
            .map_err(|e| doc.error(target, format!("not a valid path item: {e}")))?;
        Ok((item, target.to_owned()))
    }
}

fn operation_of<'a>(item: &'a PathItem, method: &str) -> Option<&'a openapiv3::Operation> {
    match method {
        "get" => item.get.as_ref(),
        "put" => item.put.as_ref(),
        "post" => item.post.as_ref(),
        "delete" => item.delete.as_ref(),
        "options" => item.options.as_ref(),
        "head" => item.head.as_ref(),
        "patch" => item.patch.as_ref(),
        "trace" => item.trace.as_ref(),
        _ => None,
    }
}

/// The methods of a path item in the order the document writes them.
fn methods_in_order(raw: Option<&serde_json::Value>, item: &PathItem) -> Vec<&'static str> {
    let written: Vec<&'static str> = raw
        .and_then(serde_json::Value::as_object)
        .map(|object| {
            object
                .keys()
                .filter_map(|key| METHODS.iter().copied().find(|m| m == key))
                .collect()
        })
        .unwrap_or_default();
    if written.is_empty() {
        item.iter()
            .filter_map(|(m, _)| METHODS.iter().copied().find(|known| *known == m))
            .collect()
    } else {
        written
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MediaKind {
    Json,
    Text,
    Bytes,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// `multipart/*`.
    Multipart,
}

fn media_kind(media: &str) -> MediaKind {
    let essence = media
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if essence == "application/json"
        || essence == "*/*"
        || essence == "application/*"
        || essence.ends_with("+json")
        || essence == "text/json"
    {
        MediaKind::Json
    } else if essence == "application/x-www-form-urlencoded" {
        MediaKind::Form
    } else if essence.starts_with("multipart/") {
        MediaKind::Multipart
    } else if essence.starts_with("text/") {
        MediaKind::Text
    } else {
        MediaKind::Bytes
    }
}

/// The media type to model: JSON first, then bytes, then text; form encodings only for
/// responses (as bytes), never for request bodies.
fn pick_media(content: &indexmap::IndexMap<String, MediaType>) -> Option<(&str, &MediaType)> {
    let order = [
        MediaKind::Json,
        MediaKind::Bytes,
        MediaKind::Text,
        MediaKind::Form,
        MediaKind::Multipart,
    ];
    order.iter().find_map(|kind| {
        content
            .iter()
            .find(|(media, _)| is_media_type(media) && media_kind(media) == *kind)
            .map(|(media, content)| (media.as_str(), content))
    })
}

/// Whether a `content` key has the form of a media type or media range: `type/subtype`, each
/// part an RFC 6838 name (or `*`), then optional `;` parameters.
fn is_media_type(key: &str) -> bool {
    let essence = key.split(';').next().unwrap_or_default().trim();
    let name = |part: &str| {
        part == "*"
            || (!part.is_empty()
                && part.len() <= 127
                && part.starts_with(|c: char| c.is_ascii_alphanumeric())
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c)))
    };
    matches!(essence.split_once('/'), Some((kind, sub)) if name(kind) && name(sub))
}

/// The `encoding` entries of a form body, in document order: `style` (default `form`) and
/// `explode` (default `true` for `form`, else `false`), as for query parameters. `raw` is the
/// media type object as written: openapiv3 reads an absent `explode` as `false`.
fn form_fields(content: &MediaType, raw: Option<&serde_json::Value>) -> Vec<ir::FormField> {
    content
        .encoding
        .iter()
        .map(|(name, encoding)| {
            let style = match encoding.style {
                Some(openapiv3::QueryStyle::SpaceDelimited) => ir::ParamStyle::SpaceDelimited,
                Some(openapiv3::QueryStyle::PipeDelimited) => ir::ParamStyle::PipeDelimited,
                Some(openapiv3::QueryStyle::DeepObject) => ir::ParamStyle::DeepObject,
                Some(openapiv3::QueryStyle::Form) | None => ir::ParamStyle::Form,
            };
            ir::FormField {
                name: name.clone(),
                style,
                explode: raw
                    .and_then(|media| media.get("encoding")?.get(name)?.get("explode")?.as_bool())
                    .unwrap_or(style == ir::ParamStyle::Form),
            }
        })
        .collect()
}

/// `type: string, format: binary`: raw bytes whatever the media type says.
fn is_binary(schema: &ReferenceOr<Schema>) -> bool {
    matches!(schema, ReferenceOr::Item(Schema { schema_kind: SchemaKind::Type(Type::String(s)), .. })
        if matches!(s.format, VariantOrUnknownOrEmpty::Item(StringFormat::Binary)))
}

#[cfg(test)]
mod tests;
