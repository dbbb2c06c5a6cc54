//! `servers` and `security` → [`ir::Server`]s, [`ir::SecurityScheme`]s and each operation's
//! [`ir::Security`].
//!
//! Nothing here fails generation: a requirement naming a scheme the document does not
//! define, or a scheme given as a `$ref`, is left out with a warning at its node.

use super::Converter;
use crate::error::push_token;
use crate::ir::{self, field_ident, type_ident, Docs, KeyLocation, Namer, SchemeKind, Variant};
use openapiv3::{APIKeyLocation, ReferenceOr, SecurityRequirement, SecurityScheme};

/// A `servers` list, each named `Server{index}`.
pub(super) fn servers(list: &[openapiv3::Server]) -> Vec<ir::Server> {
    list.iter()
        .enumerate()
        .map(|(index, server)| {
            let mut fields = Namer::new();
            let variables = server
                .variables
                .iter()
                .flatten()
                .map(|(name, variable)| {
                    let mut variants = Namer::new();
                    let mut values: Vec<Variant> = Vec::new();
                    for value in &variable.enumeration {
                        if values.iter().any(|v| &v.wire == value) {
                            continue;
                        }
                        values.push(Variant {
                            rust_name: variants.unique(&type_ident(value)),
                            wire: value.clone(),
                        });
                    }
                    ir::ServerVariable {
                        name: name.clone(),
                        rust_name: fields.unique(&field_ident(name)),
                        default: variable.default.clone(),
                        values,
                        description: variable.description.clone(),
                    }
                })
                .collect();
            ir::Server {
                rust_name: format!("Server{index}"),
                url: server.url.clone(),
                description: server.description.clone(),
                variables,
            }
        })
        .collect()
}

/// Every scheme of `components.securitySchemes`, in document order.
pub(super) fn convert_security_schemes(conv: &mut Converter<'_>) {
    let Some(components) = &conv.doc.api.components else {
        return;
    };
    let mut names = Namer::new();
    let mut schemes = Vec::new();
    for (key, scheme) in &components.security_schemes {
        let pointer = push_token("/components/securitySchemes", key);
        let scheme = match scheme {
            ReferenceOr::Item(scheme) => scheme,
            ReferenceOr::Reference { .. } => {
                let warning = conv.doc.error(
                    &pointer,
                    "a security scheme given as a `$ref` is not followed: operations that \
                     name it are generated without it",
                );
                conv.space.push_warning(warning);
                continue;
            }
        };
        let (kind, description) = match scheme {
            SecurityScheme::APIKey {
                location,
                name,
                description,
                ..
            } => (
                SchemeKind::ApiKey {
                    location: match location {
                        APIKeyLocation::Header => KeyLocation::Header,
                        APIKeyLocation::Query => KeyLocation::Query,
                        APIKeyLocation::Cookie => KeyLocation::Cookie,
                    },
                    name: name.clone(),
                },
                description,
            ),
            SecurityScheme::HTTP {
                scheme,
                description,
                ..
            } => (
                // RFC 9110: the scheme name is case-insensitive.
                match scheme.to_ascii_lowercase().as_str() {
                    "bearer" => SchemeKind::Bearer {
                        origin: "An HTTP bearer token",
                    },
                    "basic" => SchemeKind::Basic,
                    _ => SchemeKind::Authorization {
                        scheme: scheme.clone(),
                    },
                },
                description,
            ),
            SecurityScheme::OAuth2 { description, .. } => (
                SchemeKind::Bearer {
                    origin: "An OAuth 2 access token",
                },
                description,
            ),
            SecurityScheme::OpenIDConnect { description, .. } => (
                SchemeKind::Bearer {
                    origin: "An OpenID Connect access token",
                },
                description,
            ),
        };
        schemes.push(ir::SecurityScheme {
            key: key.clone(),
            rust_name: names.unique(&type_ident(key)),
            docs: Docs {
                description: description.clone(),
                ..Docs::default()
            },
            kind,
        });
    }
    conv.space.set_security_schemes(schemes);
}

/// The document's `security` (converted once, before the operations).
pub(super) fn document_security(conv: &mut Converter<'_>) -> ir::Security {
    match &conv.doc.api.security {
        Some(document) => requirements(conv, document, "/security"),
        None => ir::Security::default(),
    }
}

/// An operation's security: its own `security` (at `pointer`), else the document's.
pub(super) fn security(
    conv: &mut Converter<'_>,
    own: Option<&[SecurityRequirement]>,
    pointer: &str,
) -> ir::Security {
    match own {
        Some(own) => requirements(conv, own, &push_token(pointer, "security")),
        None => conv.space.document_security().clone(),
    }
}

/// A list of security requirements at `at`, each an alternative.
fn requirements(
    conv: &mut Converter<'_>,
    requirements: &[SecurityRequirement],
    at: &str,
) -> ir::Security {
    let mut alternatives = Vec::new();
    'alternatives: for (index, requirement) in requirements.iter().enumerate() {
        let mut keys = Vec::new();
        for key in requirement.keys() {
            if conv.space.security_scheme(key).is_none() {
                let node = push_token(&push_token(at, &index.to_string()), key);
                let warning = conv.doc.error(
                    &node,
                    format!(
                        "`{key}` is not a security scheme of `components.securitySchemes`: \
                         this alternative is left out"
                    ),
                );
                conv.space.push_warning(warning);
                continue 'alternatives;
            }
            keys.push(key.clone());
        }
        if !alternatives.contains(&keys) {
            alternatives.push(keys);
        }
    }
    ir::Security { alternatives }
}
