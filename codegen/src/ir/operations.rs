//! The operations of a spec: method, path template, typed parameters, request body and the
//! responses by status. Types are [`TypeRef`]s into the same [`TypeSpace`](super::TypeSpace)
//! the models live in.

use super::{Docs, Security, Server, TypeRef};

/// One HTTP operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The Rust module name (snake_case, unique among the operations).
    pub module: String,
    /// The HTTP method, upper case (`POST`).
    pub method: String,
    /// The path template exactly as the spec writes it (`/v1/payments/{id}`).
    pub path: String,
    /// The JSON Pointer of the operation object.
    pub pointer: String,
    /// Summary (as title) and description.
    pub docs: Docs,
    /// Path, query, header and cookie parameters; path-level ones merged in.
    pub parameters: Vec<Parameter>,
    /// The request body, when the operation documents one that can be modelled.
    pub body: Option<RequestBody>,
    /// The documented responses in document order, `default` last.
    pub responses: Vec<Response>,
    /// What the spec documents that the generated code does not model, one sentence each.
    pub notes: Vec<String>,
    /// The operation's own `servers` (its own, else its path item's); empty when the
    /// document's apply.
    pub servers: Vec<Server>,
    /// What it needs to authenticate (its own `security`, else the document's).
    pub security: Security,
    /// Whether it requires a request body the generator does not model (form-encoded,
    /// multipart): no `Request::to_http` is generated, since it could not send the body.
    pub requires_unmodelled_body: bool,
}

/// Where a parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ParamLocation {
    /// A `{name}` of the path template.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
}

impl ParamLocation {
    /// The spelling of `in`.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
            ParamLocation::Cookie => "cookie",
        }
    }
}

/// How a parameter value is written as text (OpenAPI `style`, `explode`, or `content`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamStyle {
    /// `simple` (path, header): arrays comma-separated.
    Simple,
    /// `label` (path): a leading `.`.
    Label,
    /// `matrix` (path): a leading `;name=`.
    Matrix,
    /// `form` (query, cookie): arrays repeat the name when exploded, else comma-separated.
    Form,
    /// `spaceDelimited` (query arrays).
    SpaceDelimited,
    /// `pipeDelimited` (query arrays).
    PipeDelimited,
    /// `deepObject` (query objects): `name[key]=value`.
    DeepObject,
    /// `content` instead of `schema`: the value is sent as JSON text.
    Json,
}

/// One parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    /// The Rust field name (snake_case, unique within the operation).
    pub rust_name: String,
    /// The name on the wire, exactly as the spec spells it.
    pub wire_name: String,
    /// Where it travels.
    pub location: ParamLocation,
    /// Its description.
    pub docs: Docs,
    /// Its type (without the `Option` that `required: false` adds).
    pub ty: TypeRef,
    /// Whether it must be sent (path parameters always are).
    pub required: bool,
    /// How it is written as text.
    pub style: ParamStyle,
    /// `explode`, with the style's default applied.
    pub explode: bool,
}

/// What a request or response body holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// JSON (`application/json`, `*/*`, `…+json`) of a schema's type.
    Json(TypeRef),
    /// Raw bytes (`application/octet-stream`, `format: binary`, other non-text media).
    Bytes,
    /// Text (`text/*`).
    Text,
    /// `application/x-www-form-urlencoded` of a schema's type, each member written as its
    /// `encoding` entry says (members without one: `form`, exploded).
    Form(TypeRef, Vec<FormField>),
    /// `multipart/form-data` of a struct: each member one part (see
    /// `payments_runtime::multipart`), an `encoding` entry's `contentType` kept by name.
    Multipart(TypeRef, Vec<(String, String)>),
}

impl Payload {
    /// The schema's type of a JSON or form payload.
    pub fn schema_type(&self) -> Option<&TypeRef> {
        match self {
            Payload::Json(ty) | Payload::Form(ty, _) | Payload::Multipart(ty, _) => Some(ty),
            Payload::Bytes | Payload::Text => None,
        }
    }
}

/// How one member of a form body is written (its `encoding` entry).
#[derive(Debug, Clone, PartialEq)]
pub struct FormField {
    /// The member name.
    pub name: String,
    /// `form`, `spaceDelimited`, `pipeDelimited` or `deepObject`.
    pub style: ParamStyle,
    /// `explode`, with the style's default applied.
    pub explode: bool,
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestBody {
    /// The media type the body is sent as.
    pub content_type: String,
    /// What it holds.
    pub payload: Payload,
    /// Whether the body must be sent.
    pub required: bool,
    /// Its description.
    pub docs: Docs,
}

/// A documented response status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// One status code (`200`).
    Code(u16),
    /// A class of statuses (`4XX` is `Range(4)`).
    Range(u16),
    /// `default`: every status not documented otherwise.
    Default,
}

impl Status {
    /// The Rust variant name: `Ok`, `BadRequest`, … `Status418` for a code without a common
    /// name, `ClientError` for `4XX`, `Default`.
    pub fn variant_name(self) -> String {
        match self {
            Status::Code(code) => match code_name(code) {
                Some(name) => name.to_owned(),
                None => format!("Status{code}"),
            },
            Status::Range(class) => match class {
                1 => "Informational".to_owned(),
                2 => "Success".to_owned(),
                3 => "Redirection".to_owned(),
                4 => "ClientError".to_owned(),
                5 => "ServerError".to_owned(),
                other => format!("Status{other}xx"),
            },
            Status::Default => "Default".to_owned(),
        }
    }

    /// How the spec writes it: `200`, `4XX`, `default`.
    pub fn spec_text(self) -> String {
        match self {
            Status::Code(code) => code.to_string(),
            Status::Range(class) => format!("{class}XX"),
            Status::Default => "default".to_owned(),
        }
    }
}

/// One documented response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// Its status.
    pub status: Status,
    /// The `Response` enum variant (see [`Status::variant_name`]).
    pub rust_name: String,
    /// The response's description.
    pub description: String,
    /// The media type of the body, when there is one.
    pub content_type: Option<String>,
    /// The body, `None` when the response documents none.
    pub payload: Option<Payload>,
}

fn code_name(code: u16) -> Option<&'static str> {
    Some(match code {
        100 => "Continue",
        101 => "SwitchingProtocols",
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritativeInformation",
        204 => "NoContent",
        205 => "ResetContent",
        206 => "PartialContent",
        207 => "MultiStatus",
        300 => "MultipleChoices",
        301 => "MovedPermanently",
        302 => "Found",
        303 => "SeeOther",
        304 => "NotModified",
        307 => "TemporaryRedirect",
        308 => "PermanentRedirect",
        400 => "BadRequest",
        401 => "Unauthorized",
        402 => "PaymentRequired",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        408 => "RequestTimeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "LengthRequired",
        412 => "PreconditionFailed",
        413 => "ContentTooLarge",
        415 => "UnsupportedMediaType",
        422 => "UnprocessableEntity",
        423 => "Locked",
        424 => "FailedDependency",
        425 => "TooEarly",
        428 => "PreconditionRequired",
        429 => "TooManyRequests",
        451 => "UnavailableForLegalReasons",
        500 => "InternalServerError",
        501 => "NotImplemented",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_variant_names() {
        assert_eq!(Status::Code(200).variant_name(), "Ok");
        assert_eq!(Status::Code(422).variant_name(), "UnprocessableEntity");
        assert_eq!(Status::Code(418).variant_name(), "Status418");
        assert_eq!(Status::Range(4).variant_name(), "ClientError");
        assert_eq!(Status::Default.variant_name(), "Default");
        assert_eq!(Status::Range(5).spec_text(), "5XX");
    }
}
