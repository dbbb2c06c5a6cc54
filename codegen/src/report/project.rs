//! Building a [`Surface`] from a converted spec: directions from the operations, each type's
//! members, values, variants and rules, each operation's parts.

use super::surface::{
    BodySurface, Direction, MemberSurface, OperationSurface, ParameterSurface, ResponseSurface,
    Surface, TypeSurface, VariantSurface, FORMAT,
};
use crate::ir::{
    Bound, CheckedNode, Constraints, DecimalWire, IntWidth, KeyLocation, Operation, Payload,
    SchemaNode, SchemeKind, TypeKind, TypeRef, TypeSpace,
};
use std::collections::BTreeMap;

impl Surface {
    /// The generated API of a converted spec.
    pub fn of(space: &TypeSpace) -> Surface {
        let directions = directions(space);
        let mut types: Vec<TypeSurface> = space
            .types()
            .iter()
            .map(|def| {
                let direction = directions
                    .get(def.name.as_str())
                    .copied()
                    .unwrap_or(Direction::Unused);
                type_surface(def, direction, space.keeps_unlisted(def))
            })
            .collect();
        types.sort_by(|a, b| a.name.cmp(&b.name));
        let mut operations: Vec<OperationSurface> = space
            .operations()
            .iter()
            .map(|op| operation_surface(space, op))
            .collect();
        operations.sort_by(|a, b| a.module.cmp(&b.module));
        Surface {
            format: FORMAT,
            types,
            operations,
        }
    }
}

/// Each named type's direction: reached from a request body or a parameter, from a response,
/// or both (through members, alternatives and checked `$ref`s).
fn directions(space: &TypeSpace) -> BTreeMap<&str, Direction> {
    let mut sent: Vec<&TypeRef> = Vec::new();
    let mut read: Vec<&TypeRef> = Vec::new();
    for op in space.operations() {
        sent.extend(op.parameters.iter().map(|p| &p.ty));
        if let Some(ty) = op.body.as_ref().and_then(|b| b.payload.schema_type()) {
            sent.push(ty);
        }
        for response in &op.responses {
            if let Some(ty) = response.payload.as_ref().and_then(Payload::schema_type) {
                read.push(ty);
            }
        }
    }
    let sent = space.reachable(sent.into_iter(), TypeKind::held);
    let read = space.reachable(read.into_iter(), TypeKind::held);
    let mut directions = BTreeMap::new();
    for def in space.types() {
        let name = def.name.as_str();
        let direction = match (sent.contains(name), read.contains(name)) {
            (true, true) => Direction::Both,
            (true, false) => Direction::Request,
            (false, true) => Direction::Response,
            (false, false) => Direction::Unused,
        };
        directions.insert(name, direction);
    }
    directions
}

fn type_surface(def: &crate::ir::TypeDef, direction: Direction, unlisted: bool) -> TypeSurface {
    let mut surface = TypeSurface {
        name: def.name.clone(),
        pointer: def.pointer.clone(),
        kind: String::new(),
        direction,
        rust_type: None,
        wire: None,
        members: Vec::new(),
        values: Vec::new(),
        variants: Vec::new(),
        tagging: None,
        open: false,
        rules: BTreeMap::new(),
        deprecated: def.docs.deprecated,
        unlisted: None,
        value_names: Vec::new(),
        refs: def
            .kind
            .held()
            .filter_map(TypeRef::named_within)
            .map(str::to_owned)
            .collect(),
    };
    match &def.kind {
        TypeKind::Struct(s) => {
            surface.kind = "struct".to_owned();
            surface.unlisted = unlisted.then(|| s.unlisted_field());
            surface.members = s
                .fields
                .iter()
                .map(|f| MemberSurface {
                    wire_name: f.wire_name.clone(),
                    rust_name: f.rust_name.clone(),
                    rust_type: member_rust_type(f),
                    wire: wire_form(&f.ty),
                    required: f.required,
                    rules: constraint_rules(&f.constraints),
                    deprecated: f.docs.deprecated,
                    default: f.default.as_ref().map(ToString::to_string),
                })
                .collect();
            if let Some(values) = &s.additional {
                // The members `additionalProperties` types, as one member of the struct.
                surface.members.push(MemberSurface {
                    wire_name: "(additionalProperties)".to_owned(),
                    rust_name: s.additional_field(),
                    rust_type: format!("Additional<{}>", rust_type(values)),
                    wire: format!("other members: {}", wire_form(values)),
                    required: false,
                    rules: BTreeMap::new(),
                    deprecated: false,
                    default: None,
                });
            }
            if s.deny_unknown {
                surface
                    .rules
                    .insert("/additionalProperties".to_owned(), "false".to_owned());
            }
        }
        TypeKind::Enum(e) => {
            surface.kind = "enum".to_owned();
            surface.values = e.variants.iter().map(|v| v.wire.clone()).collect();
            surface.value_names = e.variants.iter().map(|v| v.rust_name.clone()).collect();
            surface.open = e.open;
        }
        TypeKind::Newtype(n) => {
            surface.kind = "newtype".to_owned();
            surface.rust_type = Some(rust_type(&n.inner));
            surface.wire = Some(wire_form(&n.inner));
            surface.rules = constraint_rules(&n.constraints);
        }
        TypeKind::OneOf(o) => {
            surface.kind = "union".to_owned();
            surface.variants = o
                .variants
                .iter()
                .map(|v| VariantSurface {
                    rust_name: v.rust_name.clone(),
                    rust_type: rust_type(&v.ty),
                    tag: v.tag_value.clone(),
                })
                .collect();
            surface.tagging = Some(match &o.tagging {
                crate::ir::Tagging::Tagged { property } => format!("tag:{property}"),
                crate::ir::Tagging::Present { keys } => format!("present:{}", keys.join(",")),
                crate::ir::Tagging::Untagged => "untagged".to_owned(),
            });
            surface.open = o.open;
            if o.exclusive {
                surface
                    .rules
                    .insert("/oneOf".to_owned(), "exactly one".to_owned());
            }
        }
        TypeKind::Alias(ty) => {
            surface.kind = "alias".to_owned();
            surface.rust_type = Some(rust_type(ty));
            surface.wire = Some(wire_form(ty));
        }
        TypeKind::Checked(node) => {
            surface.kind = "checked".to_owned();
            schema_rules(node, "", &mut surface.rules);
        }
    }
    surface
}

/// A member's Rust type as the struct declares it (boxed where recursion needs it), without the
/// `Option` of an optional member.
fn member_rust_type(field: &crate::ir::Field) -> String {
    match (&field.ty, field.boxed) {
        (TypeRef::Nullable(inner), true) => format!("Nullable<Box<{}>>", rust_type(inner)),
        (ty, true) => format!("Box<{}>", rust_type(ty)),
        (ty, false) => rust_type(ty),
    }
}

/// The Rust spelling of a type, as the generated modules import its names.
pub(crate) fn rust_type(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(name) => name.clone(),
        TypeRef::String => "String".to_owned(),
        TypeRef::Bool => "bool".to_owned(),
        TypeRef::Integer(IntWidth::I32) => "i32".to_owned(),
        TypeRef::Integer(IntWidth::I64) => "i64".to_owned(),
        TypeRef::BigInt => "BigInt".to_owned(),
        TypeRef::Decimal(_) => "Decimal".to_owned(),
        TypeRef::DateTime => "DateTime".to_owned(),
        TypeRef::Base64 => "Base64".to_owned(),
        TypeRef::Binary => "Binary".to_owned(),
        TypeRef::Json => "JsonValue".to_owned(),
        TypeRef::Array(inner) => format!("Vec<{}>", rust_type(inner)),
        TypeRef::Map(inner) => format!("BTreeMap<String, {}>", rust_type(inner)),
        TypeRef::Nullable(inner) => format!("Nullable<{}>", rust_type(inner)),
    }
}

/// How a value of the type travels in JSON, in words.
pub(crate) fn wire_form(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(name) => format!("`{name}`"),
        TypeRef::String => "string".to_owned(),
        TypeRef::Bool => "boolean".to_owned(),
        TypeRef::Integer(IntWidth::I32) => "integer (int32)".to_owned(),
        TypeRef::Integer(IntWidth::I64) => "integer (int64)".to_owned(),
        TypeRef::BigInt => "integer (any size)".to_owned(),
        TypeRef::Decimal(DecimalWire::Number) => "number".to_owned(),
        TypeRef::Decimal(DecimalWire::String) => "decimal in a string".to_owned(),
        TypeRef::DateTime => "date-time string".to_owned(),
        TypeRef::Base64 => "base64 string".to_owned(),
        TypeRef::Binary => "bytes (a file part)".to_owned(),
        TypeRef::Json => "any JSON".to_owned(),
        TypeRef::Array(inner) => format!("array of {}", wire_form(inner)),
        TypeRef::Map(inner) => format!("object of {}", wire_form(inner)),
        TypeRef::Nullable(inner) => format!("{} or null", wire_form(inner)),
    }
}

fn bound_rules(rules: &mut BTreeMap<String, String>, lower: bool, bound: &Option<Bound>) {
    if let Some(bound) = bound {
        let keyword = match (lower, bound.exclusive) {
            (true, false) => "/minimum",
            (true, true) => "/exclusiveMinimum",
            (false, false) => "/maximum",
            (false, true) => "/exclusiveMaximum",
        };
        rules.insert(keyword.to_owned(), bound.value.clone());
    }
}

fn constraint_rules(c: &Constraints) -> BTreeMap<String, String> {
    let mut rules = BTreeMap::new();
    let mut put = |keyword: &str, value: Option<String>| {
        if let Some(value) = value {
            rules.insert(format!("/{keyword}"), value);
        }
    };
    put("pattern", c.pattern.clone());
    put("minLength", c.min_length.map(|n| n.to_string()));
    put("maxLength", c.max_length.map(|n| n.to_string()));
    put("multipleOf", c.multiple_of.clone());
    put("minItems", c.min_items.map(|n| n.to_string()));
    put("maxItems", c.max_items.map(|n| n.to_string()));
    bound_rules(&mut rules, true, &c.minimum);
    bound_rules(&mut rules, false, &c.maximum);
    rules
}

/// Every keyword of a checked schema, keyed by its schema path.
fn schema_rules(node: &SchemaNode, at: &str, rules: &mut BTreeMap<String, String>) {
    match node {
        SchemaNode::Bool(value) => {
            rules.insert(format!("{at}/schema"), value.to_string());
        }
        SchemaNode::Ref(ty) => {
            rules.insert(format!("{at}/$ref"), rust_type(ty));
        }
        SchemaNode::Node(node) => {
            let before = rules.len();
            node_rules(node, at, rules);
            if rules.len() == before && !at.is_empty() {
                // `{}` where a schema stands (`contains: {}` asks for one item) says something.
                rules.insert(format!("{at}/schema"), "true".to_owned());
            }
        }
    }
}

fn node_rules(n: &CheckedNode, at: &str, rules: &mut BTreeMap<String, String>) {
    let mut put = |keyword: &str, value: Option<String>| {
        if let Some(value) = value {
            rules.insert(format!("{at}/{keyword}"), value);
        }
    };
    // JSON arrays, so that `rules` compares them as sets (enum values are JSON texts already).
    let names = |items: &[String]| serde_json::to_string(items).unwrap_or_default();
    let list = |items: &[String]| format!("[{}]", items.join(", "));
    put("type", (!n.types.is_empty()).then(|| names(&n.types)));
    put("nullable", n.nullable.then(|| "true".to_owned()));
    put("enum", n.enumeration.as_deref().map(list));
    put("const", n.constant.clone());
    put("minimum", n.minimum.clone());
    put("maximum", n.maximum.clone());
    put("exclusiveMinimum", n.exclusive_minimum.clone());
    put("exclusiveMaximum", n.exclusive_maximum.clone());
    put("multipleOf", n.multiple_of.clone());
    put("minLength", n.min_length.map(|v| v.to_string()));
    put("maxLength", n.max_length.map(|v| v.to_string()));
    put("pattern", n.pattern.clone());
    put("format", n.format.clone());
    put("minItems", n.min_items.map(|v| v.to_string()));
    put("maxItems", n.max_items.map(|v| v.to_string()));
    put("uniqueItems", n.unique_items.then(|| "true".to_owned()));
    put("minProperties", n.min_properties.map(|v| v.to_string()));
    put("maxProperties", n.max_properties.map(|v| v.to_string()));
    put("oneOf", n.one_of_lenient.then(|| "first match".to_owned()));
    put("minContains", n.min_contains.map(|v| v.to_string()));
    put("maxContains", n.max_contains.map(|v| v.to_string()));
    for (name, needed) in &n.dependent_required {
        let mut needed = needed.clone();
        needed.sort();
        let key = format!("dependentRequired/{}", escape(name));
        put(&key, Some(names(&needed)));
    }
    let mut required = n.required.clone();
    required.sort();
    put("required", (!required.is_empty()).then(|| names(&required)));
    if let Some(items) = &n.items {
        schema_rules(items, &format!("{at}/items"), rules);
    }
    for (name, schema) in &n.properties {
        schema_rules(schema, &format!("{at}/properties/{}", escape(name)), rules);
    }
    if let Some(extra) = &n.additional_properties {
        schema_rules(extra, &format!("{at}/additionalProperties"), rules);
    }
    for (pattern, schema) in &n.pattern_properties {
        let at = format!("{at}/patternProperties/{}", escape(pattern));
        schema_rules(schema, &at, rules);
    }
    for (name, schema) in &n.dependent_schemas {
        let at = format!("{at}/dependentSchemas/{}", escape(name));
        schema_rules(schema, &at, rules);
    }
    for (i, part) in n.prefix_items.iter().enumerate() {
        schema_rules(part, &format!("{at}/prefixItems/{i}"), rules);
    }
    for (keyword, schema) in [
        ("contains", &n.contains),
        ("propertyNames", &n.property_names),
        ("if", &n.if_schema),
        ("then", &n.then_schema),
        ("else", &n.else_schema),
        ("unevaluatedItems", &n.unevaluated_items),
        ("unevaluatedProperties", &n.unevaluated_properties),
    ] {
        if let Some(schema) = schema {
            schema_rules(schema, &format!("{at}/{keyword}"), rules);
        }
    }
    for (keyword, parts) in [
        ("allOf", &n.all_of),
        ("anyOf", &n.any_of),
        ("oneOf", &n.one_of),
    ] {
        for (i, part) in parts.iter().enumerate() {
            schema_rules(part, &format!("{at}/{keyword}/{i}"), rules);
        }
    }
    if let Some(not) = &n.not {
        schema_rules(not, &format!("{at}/not"), rules);
    }
}

/// A JSON Pointer token (RFC 6901).
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn operation_surface(space: &TypeSpace, op: &Operation) -> OperationSurface {
    OperationSurface {
        module: op.module.clone(),
        pointer: op.pointer.clone(),
        method: op.method.clone(),
        path: op.path.clone(),
        deprecated: op.docs.deprecated,
        parameters: op
            .parameters
            .iter()
            .map(|p| ParameterSurface {
                wire_name: p.wire_name.clone(),
                location: p.location.as_str().to_owned(),
                rust_name: p.rust_name.clone(),
                rust_type: rust_type(&p.ty),
                wire: format!(
                    "{}, {:?}{}",
                    wire_form(&p.ty),
                    p.style,
                    if p.explode { ", exploded" } else { "" }
                ),
                required: p.required,
            })
            .collect(),
        body: op.body.as_ref().map(|b| BodySurface {
            content_type: b.content_type.clone(),
            rust_type: payload_type(&b.payload),
            required: b.required,
            encoding: match &b.payload {
                Payload::Form(_, fields) => fields
                    .iter()
                    .map(|f| {
                        let explode = if f.explode { ", exploded" } else { "" };
                        format!("{}: {:?}{explode}", f.name, f.style)
                    })
                    .collect(),
                _ => Vec::new(),
            },
        }),
        responses: op
            .responses
            .iter()
            .map(|r| ResponseSurface {
                status: r.status.spec_text(),
                rust_name: r.rust_name.clone(),
                content_type: r.content_type.clone(),
                rust_type: r.payload.as_ref().map(payload_type),
            })
            .collect(),
        security: op
            .security
            .alternatives
            .iter()
            .filter(|_| !op.security.is_none())
            .map(|keys| keys.iter().map(|key| scheme_text(space, key)).collect())
            .collect(),
        servers: if op.servers.is_empty() {
            space.servers()
        } else {
            &op.servers
        }
        .iter()
        .map(|server| server.url.clone())
        .collect(),
    }
}

/// A scheme as the change report names it: its Rust name and how its credentials travel.
fn scheme_text(space: &TypeSpace, key: &str) -> String {
    let Some(scheme) = space.security_scheme(key) else {
        return key.to_owned();
    };
    let how = match &scheme.kind {
        SchemeKind::ApiKey { location, name } => {
            let place = match location {
                KeyLocation::Header => "header",
                KeyLocation::Query => "query",
                KeyLocation::Cookie => "cookie",
            };
            format!("API key in {place} {name}")
        }
        SchemeKind::Bearer { .. } => "bearer token".to_owned(),
        SchemeKind::Basic => "basic".to_owned(),
        SchemeKind::Authorization { scheme } => format!("authorization {scheme}"),
    };
    format!("{}: {how}", scheme.rust_name)
}

fn payload_type(payload: &Payload) -> String {
    match payload {
        Payload::Json(ty) => rust_type(ty),
        Payload::Form(ty, _) => format!("{} (form)", rust_type(ty)),
        Payload::Multipart(ty, _) => format!("{} (multipart)", rust_type(ty)),
        Payload::Bytes => "bytes".to_owned(),
        Payload::Text => "text".to_owned(),
    }
}
