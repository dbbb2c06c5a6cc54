//! Parameters: path-level and operation-level lists merged (the operation's win for the same
//! name and location), `$ref`s into `#/components/parameters` followed, schemas converted as
//! request types. A `{name}` of the path template that no parameter declares becomes a string
//! path parameter, with a note.

use super::{Ops, Site};
use crate::convert::{Context, Direction};
use crate::error::{push_token, Error};
use crate::ir::{self, field_ident, type_ident, Docs, Namer, ParamLocation, ParamStyle, TypeRef};
use openapiv3::{Operation, Parameter, ParameterSchemaOrContent, PathStyle, QueryStyle};

impl<'d> Ops<'_, 'd> {
    /// The parameters of an operation, in document order (path-level first).
    pub(super) fn parameters(
        &mut self,
        site: &Site<'_>,
        operation: &Operation,
        notes: &mut Vec<String>,
    ) -> Result<Vec<ir::Parameter>, Error> {
        let mut merged: Vec<(&Parameter, String, Option<String>)> = Vec::new();
        let lists = [
            (site.item.parameters.as_slice(), site.item_pointer),
            (operation.parameters.as_slice(), site.pointer),
        ];
        for (list, owner) in lists {
            let list_pointer = push_token(owner, "parameters");
            for (index, parameter) in list.iter().enumerate() {
                let at = push_token(&list_pointer, &index.to_string());
                let resolved = self.resolve(parameter, &at, "parameters", |c| &c.parameters)?;
                let key = identity(resolved.0);
                match merged.iter_mut().find(|(p, ..)| identity(p) == key) {
                    Some(slot) => *slot = resolved,
                    None => merged.push(resolved),
                }
            }
        }
        let mut namer = Namer::new();
        let mut out = Vec::with_capacity(merged.len());
        for (parameter, pointer, component) in merged {
            out.push(self.parameter(
                parameter,
                &pointer,
                component.as_deref(),
                site.base,
                &mut namer,
            )?);
        }
        for name in placeholders(site.path) {
            let declared = out
                .iter()
                .any(|p| p.location == ParamLocation::Path && p.wire_name == name);
            if !declared {
                notes.push(format!(
                    "The path parameter `{name}` is not declared by the spec; it is taken from \
                     the path template as a string."
                ));
                out.push(ir::Parameter {
                    rust_name: namer.unique(&field_ident(&name)),
                    wire_name: name,
                    location: ParamLocation::Path,
                    docs: Docs::default(),
                    ty: TypeRef::String,
                    required: true,
                    style: ParamStyle::Simple,
                    explode: false,
                });
            }
        }
        Ok(out)
    }

    fn parameter(
        &mut self,
        parameter: &Parameter,
        pointer: &str,
        component: Option<&str>,
        base: &str,
        namer: &mut Namer,
    ) -> Result<ir::Parameter, Error> {
        let data = parameter.parameter_data_ref();
        let (location, style, explode_default) = match parameter {
            Parameter::Query { style, .. } => match style {
                QueryStyle::Form => (ParamLocation::Query, ParamStyle::Form, true),
                QueryStyle::SpaceDelimited => {
                    (ParamLocation::Query, ParamStyle::SpaceDelimited, false)
                }
                QueryStyle::PipeDelimited => {
                    (ParamLocation::Query, ParamStyle::PipeDelimited, false)
                }
                QueryStyle::DeepObject => (ParamLocation::Query, ParamStyle::DeepObject, true),
            },
            Parameter::Header { .. } => (ParamLocation::Header, ParamStyle::Simple, false),
            Parameter::Path { style, .. } => match style {
                PathStyle::Simple => (ParamLocation::Path, ParamStyle::Simple, false),
                PathStyle::Label => (ParamLocation::Path, ParamStyle::Label, false),
                PathStyle::Matrix => (ParamLocation::Path, ParamStyle::Matrix, false),
            },
            Parameter::Cookie { .. } => (ParamLocation::Cookie, ParamStyle::Form, true),
        };
        let hint = match component {
            Some(name) => format!("{}Param", type_ident(name)),
            None => format!("{base}{}", type_ident(&data.name)),
        };
        let shared = component.is_some();
        let (ty, style) = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => {
                let ctx = Context::at(
                    self.conv.doc,
                    push_token(pointer, "schema"),
                    hint,
                    Direction::Request,
                );
                (self.schema_type(schema, &ctx, shared)?, style)
            }
            ParameterSchemaOrContent::Content(content) => {
                let schema = content
                    .iter()
                    .find_map(|(media, m)| m.schema.as_ref().map(|s| (media, s)));
                let ty = match schema {
                    Some((media, schema)) => {
                        let media_pointer = push_token(&push_token(pointer, "content"), media);
                        let ctx = Context::at(
                            self.conv.doc,
                            push_token(&media_pointer, "schema"),
                            hint,
                            Direction::Request,
                        );
                        self.schema_type(schema, &ctx, shared)?
                    }
                    None => TypeRef::Json,
                };
                (ty, ParamStyle::Json)
            }
        };
        Ok(ir::Parameter {
            rust_name: namer.unique(&field_ident(&data.name)),
            wire_name: data.name.clone(),
            location,
            docs: Docs {
                title: None,
                description: data.description.clone(),
                source: super::super::schema::source_note(&data.extensions),
                deprecated: data.deprecated.unwrap_or(false),
            },
            ty,
            required: location == ParamLocation::Path || data.required,
            style,
            explode: data.explode.unwrap_or(explode_default),
        })
    }
}

/// A parameter is identified by its name and location.
fn identity(parameter: &Parameter) -> (&str, ParamLocation) {
    let location = match parameter {
        Parameter::Query { .. } => ParamLocation::Query,
        Parameter::Header { .. } => ParamLocation::Header,
        Parameter::Path { .. } => ParamLocation::Path,
        Parameter::Cookie { .. } => ParamLocation::Cookie,
    };
    (parameter.parameter_data_ref().name.as_str(), location)
}

/// The `{name}`s of a path template, in order, each once.
pub(super) fn placeholders(path: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = after[..end].to_owned();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
        rest = &after[end + 1..];
    }
    names
}
