use crate::convert::convert;
use crate::ir::{
    Operation, ParamLocation, ParamStyle, Payload, Status, TypeKind, TypeRef, TypeSpace,
};
use crate::load::parse;
use std::path::Path;

const SPEC: &str = r##"
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /v1/payments:
    post:
      operationId: createPayment
      summary: Create
      parameters:
        - {name: x-l2f-request-id, in: header, schema: {type: string}}
        - {name: Idempotency-Key, in: header, required: true, schema: {type: string}}
        - {$ref: "#/components/parameters/PageSize"}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                amount: {type: string, format: decimal}
      responses:
        "201":
          description: Created
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Payment"}
        "204": {description: nothing}
        "418": {$ref: "#/components/responses/Teapot"}
        4XX: {$ref: "#/components/responses/Error"}
        default: {$ref: "#/components/responses/Error"}
  /v1/payments/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
      - {name: verbose, in: query, schema: {type: boolean}}
    get:
      parameters:
        - {name: verbose, in: query, schema: {type: string, enum: [yes, no]}}
        - {name: tags, in: query, explode: false, schema: {type: array, items: {type: string}}}
        - {name: meta, in: query, style: deepObject, schema: {type: object, additionalProperties: {type: string}}}
        - {name: filter, in: query, content: {application/json: {schema: {type: object}}}}
        - {name: session, in: cookie, schema: {type: string}}
        - {$ref: "#/components/parameters/PageSize"}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: "#/components/schemas/Payment"}}
    post:
      requestBody:
        content:
          multipart/form-data:
            schema: {type: object, properties: {file: {type: string, format: binary}}}
      responses:
        "200":
          description: a file
          content:
            application/pdf:
              schema: {type: string, format: binary}
  /v1/payments/{id}/{part}:
    post:
      operationId: createPayment
      requestBody: {$ref: "#/components/requestBodies/Upload"}
      responses:
        "202": {description: accepted}
components:
  parameters:
    PageSize:
      name: page_size
      in: query
      schema: {type: integer, minimum: 1, maximum: 100}
  requestBodies:
    Upload:
      content:
        application/octet-stream:
          schema: {type: string}
  responses:
    Error:
      description: Error
      content:
        application/problem+json:
          schema:
            type: object
            properties:
              code: {type: string, enum: [A, B]}
    Teapot:
      description: I am a teapot
  schemas:
    Payment:
      type: object
      properties:
        id: {type: string}
"##;

fn space(text: &str) -> TypeSpace {
    let doc = parse(Path::new("ops.yaml"), text).expect("the test spec loads");
    convert(&doc).expect("the test spec converts")
}

fn op<'s>(space: &'s TypeSpace, module: &str) -> &'s Operation {
    space
        .operations()
        .iter()
        .find(|o| o.module == module)
        .unwrap_or_else(|| panic!("no operation {module}"))
}

fn named(ty: &TypeRef) -> &str {
    ty.named()
        .unwrap_or_else(|| panic!("not a named type: {ty:?}"))
}

#[test]
fn operations_in_document_order_with_collision_free_module_names() {
    let space = space(SPEC);
    let modules: Vec<&str> = space
        .operations()
        .iter()
        .map(|o| o.module.as_str())
        .collect();
    assert_eq!(
        modules,
        [
            "create_payment",
            "get_v1_payments_id",
            "post_v1_payments_id",
            "create_payment2"
        ]
    );
    let create = op(&space, "create_payment");
    assert_eq!(create.method, "POST");
    assert_eq!(create.path, "/v1/payments");
    assert_eq!(create.pointer, "/paths/~1v1~1payments/post");
    assert_eq!(create.docs.title.as_deref(), Some("Create"));
}

#[test]
fn header_names_keep_their_spelling_and_required_is_kept() {
    let space = space(SPEC);
    let params = &op(&space, "create_payment").parameters;
    let headers: Vec<(&str, &str, bool)> = params
        .iter()
        .filter(|p| p.location == ParamLocation::Header)
        .map(|p| (p.rust_name.as_str(), p.wire_name.as_str(), p.required))
        .collect();
    assert_eq!(
        headers,
        [
            ("x_l2f_request_id", "x-l2f-request-id", false),
            ("idempotency_key", "Idempotency-Key", true)
        ]
    );
}

#[test]
fn component_parameters_are_converted_once_as_request_types() {
    let space = space(SPEC);
    let a = &op(&space, "create_payment").parameters[2];
    let b = op(&space, "get_v1_payments_id")
        .parameters
        .iter()
        .find(|p| p.wire_name == "page_size")
        .expect("page_size");
    assert_eq!(a.ty, b.ty);
    let def = space.get(named(&a.ty)).expect("a defined type");
    assert_eq!(def.name, "PageSizeParam");
    assert!(matches!(&def.kind, TypeKind::Newtype(n) if n.constraints.maximum.is_some()));
    assert_eq!(def.pointer, "/components/parameters/PageSize/schema");
}

#[test]
fn path_level_parameters_merge_and_styles_are_read() {
    let space = space(SPEC);
    let params = &op(&space, "get_v1_payments_id").parameters;
    let names: Vec<&str> = params.iter().map(|p| p.wire_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "id",
            "verbose",
            "tags",
            "meta",
            "filter",
            "session",
            "page_size"
        ]
    );
    assert!(params[0].required && params[0].location == ParamLocation::Path);
    // The operation's `verbose` replaces the path item's: a strict request enum.
    let verbose = space.get(named(&params[1].ty)).expect("verbose enum");
    assert_eq!(verbose.name, "GetV1PaymentsIdVerbose");
    assert!(matches!(&verbose.kind, TypeKind::Enum(e) if !e.open));
    assert_eq!(
        (params[2].style, params[2].explode),
        (ParamStyle::Form, false)
    );
    assert_eq!(params[3].style, ParamStyle::DeepObject);
    assert_eq!(params[3].ty, TypeRef::Map(Box::new(TypeRef::String)));
    assert_eq!(params[4].style, ParamStyle::Json);
    assert_eq!(params[5].location, ParamLocation::Cookie);
}

#[test]
fn bodies_inline_and_shared_get_deterministic_names() {
    let space = space(SPEC);
    let create = op(&space, "create_payment");
    let body = create.body.as_ref().expect("a body");
    assert!(body.required);
    let Payload::Json(ty) = &body.payload else {
        panic!("{body:?}")
    };
    assert_eq!(named(ty), "CreatePaymentRequestBody");
    let upload = op(&space, "create_payment2")
        .body
        .as_ref()
        .expect("octet-stream body");
    assert_eq!(
        (upload.content_type.as_str(), &upload.payload),
        ("application/octet-stream", &Payload::Bytes)
    );
}

#[test]
fn responses_map_every_status_and_default_last() {
    let space = space(SPEC);
    let responses = &op(&space, "create_payment").responses;
    let statuses: Vec<(Status, &str)> = responses
        .iter()
        .map(|r| (r.status, r.rust_name.as_str()))
        .collect();
    assert_eq!(
        statuses,
        [
            (Status::Code(201), "Created"),
            (Status::Code(204), "NoContent"),
            (Status::Code(418), "Status418"),
            (Status::Range(4), "ClientError"),
            (Status::Default, "Default"),
        ]
    );
    assert_eq!(
        responses[0].payload,
        Some(Payload::Json(TypeRef::Named("Payment".into())))
    );
    assert_eq!(responses[1].payload, None);
    assert_eq!(responses[2].description, "I am a teapot");
    // The shared `Error` response is one open (response) type, named after the component.
    let (Some(Payload::Json(a)), Some(Payload::Json(b))) =
        (&responses[3].payload, &responses[4].payload)
    else {
        panic!("{responses:?}")
    };
    assert_eq!(a, b);
    assert_eq!(named(a), "ErrorBody");
    let error = space.get("ErrorBody").expect("ErrorBody");
    let TypeKind::Struct(s) = &error.kind else {
        panic!("{error:?}")
    };
    let code = space.get(named(&s.fields[0].ty)).expect("code enum");
    assert!(matches!(&code.kind, TypeKind::Enum(e) if e.open));
}

#[test]
fn unmodelled_bodies_are_notes_and_other_media_are_bytes() {
    // A multipart/form-data body of an object: one part per member, a binary member a file.
    let space_of_form_data = space(SPEC);
    let post = op(&space_of_form_data, "post_v1_payments_id");
    let Some(Payload::Multipart(ty, types)) = post.body.as_ref().map(|b| &b.payload) else {
        panic!("{:?}", post.body)
    };
    assert!(
        types.is_empty() && post.notes.is_empty(),
        "{:?}",
        post.notes
    );
    let body = space_of_form_data.get(named(ty)).expect("the body type");
    let TypeKind::Struct(s) = &body.kind else {
        panic!("{body:?}")
    };
    assert_eq!(s.fields[0].ty, TypeRef::Binary);
    // Another multipart subtype has no parts OpenAPI defines: a note, no body.
    let space = space(&SPEC.replace("multipart/form-data:", "multipart/mixed:"));
    let post = op(&space, "post_v1_payments_id");
    assert_eq!(post.body, None);
    assert!(
        post.notes[0].contains("multipart/mixed"),
        "{:?}",
        post.notes
    );
    assert_eq!(post.responses[0].payload, Some(Payload::Bytes));
    let part = op(&space, "create_payment2");
    assert!(part.notes[0].contains("`id`"), "{:?}", part.notes);
    assert_eq!(part.parameters.len(), 2);
    assert!(part
        .parameters
        .iter()
        .all(|p| p.required && p.ty == TypeRef::String));
}

#[test]
fn dangling_references_name_the_file_and_pointer() {
    let spec = SPEC.replace(
        "{$ref: \"#/components/responses/Teapot\"}",
        "{$ref: \"#/components/responses/Nope\"}",
    );
    let doc = parse(Path::new("ops.yaml"), &spec).expect("loads");
    let error = convert(&doc).expect_err("a dangling $ref");
    assert_eq!(
        error.pointer(),
        Some("/paths/~1v1~1payments/post/responses/418/$ref")
    );
    assert!(error.to_string().starts_with("ops.yaml at "), "{error}");
    assert!(error.message().contains("`Nope`"), "{error}");

    let spec = SPEC.replace(
        "{$ref: \"#/components/parameters/PageSize\"}\n      requestBody",
        "{$ref: \"#/components/schemas/Payment\"}\n      requestBody",
    );
    let doc = parse(Path::new("ops.yaml"), &spec).expect("loads");
    let error = convert(&doc).expect_err("a $ref into the wrong section");
    assert_eq!(
        error.pointer(),
        Some("/paths/~1v1~1payments/post/parameters/2/$ref")
    );
}

#[test]
fn a_spec_without_paths_has_no_operations() {
    let space = space("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
    assert!(space.operations().is_empty());
}

/// Plaid's `/transfer/originator/get` has a request-body `content` key named `examples`: the
/// JSON body is still modelled, the odd key is a warning at its node, and nothing else warns.
#[test]
fn a_content_key_that_is_not_a_media_type_is_a_located_warning() {
    let spec = r##"
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /transfers:
    post:
      operationId: getTransfer
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {id: {type: string}}}
          examples: {}
      responses:
        "200":
          description: ok
          content:
            "application/json; charset=utf-8":
              schema: {type: object, properties: {id: {type: string}}}
            not a type: {}
        "204": {description: none, content: {"*/*": {}}}
"##;
    let space = space(spec);
    let operation = op(&space, "get_transfer");
    let body = operation.body.as_ref().expect("the JSON body is modelled");
    assert_eq!(body.content_type, "application/json");
    assert_eq!(
        operation.responses[0].content_type.as_deref(),
        Some("application/json; charset=utf-8")
    );
    let warnings: Vec<String> = space.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].starts_with("ops.yaml at /paths/~1transfers/post/requestBody/content/examples: `examples` is not a media type"),
        "{warnings:?}"
    );
    assert_eq!(
        space.warnings()[1].pointer(),
        Some("/paths/~1transfers/post/responses/200/content/not a type")
    );
}

#[test]
fn media_types_and_ranges_are_told_from_other_keys() {
    for key in [
        "application/json",
        "application/vnd.api+json",
        "text/plain; charset=utf-8",
        "*/*",
        "image/*",
        "multipart/form-data",
    ] {
        assert!(super::is_media_type(key), "{key}");
    }
    for key in [
        "examples",
        "",
        "/",
        "application/",
        "/json",
        "json",
        "a/b/c",
        "app lication/json",
    ] {
        assert!(!super::is_media_type(key), "{key:?}");
    }
}
