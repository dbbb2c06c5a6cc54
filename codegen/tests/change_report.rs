//! The change report, category by category, from small before/after spec pairs: each pair
//! differs in one thing, and the report must name exactly that change (kind, category, type,
//! member), at every type and operation that reaches it. Then the example of the issue: the
//! official Flexprice spec of 2025-08-04 against a later version of it (edited here at test
//! time: the document is third-party data and is not copied into the repository).

use payments_codegen::report::{compare, Category, Change, Kind, ModuleReport, Report, Surface};
use payments_codegen::{convert, load};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

use Category::{BreakingCode as Code, BreakingWire as Wire, Compatible as Fine};

fn surface(doc: &Value) -> Surface {
    let text = serde_json::to_string(doc).expect("a JSON value serializes");
    let doc = load::parse(Path::new("spec.json"), &text).expect("the spec loads");
    let space = convert::convert(&doc).expect("the spec converts");
    let surface = Surface::of(&space);
    // What is compared is what the snapshot file holds.
    let read = Surface::from_json(&surface.to_json()).expect("the snapshot reads back");
    assert_eq!(read, surface, "the snapshot round-trips");
    surface
}

fn changes(before: &Value, after: &Value) -> Vec<Change> {
    compare(&surface(before), &surface(after))
}

/// (kind, category, type or operation, member) of each change that is not a `nested-change`.
fn direct(changes: &[Change]) -> Vec<(Kind, Category, String, String)> {
    changes
        .iter()
        .filter(|c| c.kind != Kind::NestedChange)
        .map(summary)
        .collect()
}

/// (holder, member through which it holds, changed type, category) of each `nested-change`.
fn nested(changes: &[Change]) -> Vec<(String, String, String, Category)> {
    changes
        .iter()
        .filter(|c| c.kind == Kind::NestedChange)
        .map(|c| {
            let holder = c
                .type_name
                .clone()
                .or(c.operation.clone())
                .unwrap_or_default();
            let member = c.member.clone().unwrap_or_default();
            (
                holder,
                member,
                c.after.clone().unwrap_or_default(),
                c.category,
            )
        })
        .collect()
}

fn summary(c: &Change) -> (Kind, Category, String, String) {
    let owner = c
        .type_name
        .clone()
        .or(c.operation.clone())
        .unwrap_or_default();
    (
        c.kind,
        c.category,
        owner,
        c.member.clone().unwrap_or_default(),
    )
}

fn row(
    kind: Kind,
    category: Category,
    owner: &str,
    member: &str,
) -> (Kind, Category, String, String) {
    (kind, category, owner.to_owned(), member.to_owned())
}

/// A spec with `POST /payments` taking `Pay` and answering `Paid`, plus `schemas`.
fn spec(schemas: Value) -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "Acme", "version": "1"},
        "paths": {"/payments": {"post": {
            "operationId": "createPayment",
            "requestBody": {"required": true, "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Pay"}}}},
            "responses": {"200": {"description": "ok", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Paid"}}}}}
        }}},
        "components": {"schemas": schemas}
    })
}

fn object(properties: Value, required: &[&str]) -> Value {
    json!({"type": "object", "properties": properties, "required": required})
}

fn base() -> Value {
    spec(json!({
        "Pay": object(json!({
            "amount": {"type": "number"},
            "reference": {"type": "string", "maxLength": 10},
            "note": {"type": "string"}
        }), &["amount"]),
        "Paid": object(json!({
            "id": {"type": "string"},
            "note": {"type": "string"}
        }), &["id"])
    }))
}

/// `doc` with `value` at `pointer`, set or inserted into the object holding it.
fn edited(mut doc: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer below the root");
    let key = key.replace("~1", "/").replace("~0", "~");
    doc.pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .expect("the parent is an object")
        .insert(key, value);
    doc
}

fn removed(mut doc: Value, parent: &str, key: &str) -> Value {
    doc.pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .and_then(|o| o.remove(key))
        .expect("the member exists");
    doc
}

const PAY: &str = "/components/schemas/Pay";
const PAID: &str = "/components/schemas/Paid";

#[test]
fn an_identical_spec_reports_nothing() {
    assert_eq!(changes(&base(), &base()), []);
}

#[test]
fn members_added_by_direction() {
    let optional = edited(
        base(),
        &format!("{PAY}/properties/memo"),
        json!({"type": "string"}),
    );
    assert_eq!(
        direct(&changes(&base(), &optional)),
        [row(Kind::MemberAdded, Fine, "Pay", "memo")]
    );
    // Required in a request: `new` takes it and the request must carry it.
    let request = edited(
        optional.clone(),
        &format!("{PAY}/required"),
        json!(["amount", "memo"]),
    );
    assert_eq!(
        direct(&changes(&base(), &request)),
        [row(Kind::MemberAdded, Code, "Pay", "memo")]
    );
    let change = &changes(&base(), &request)[0];
    assert!(change.breaks_code && change.breaks_wire, "{change:?}");
    // Required in a response: code still compiles, a response without it is rejected.
    let response = edited(
        base(),
        &format!("{PAID}/properties/status"),
        json!({"type": "string"}),
    );
    let response = edited(
        response,
        &format!("{PAID}/required"),
        json!(["id", "status"]),
    );
    assert_eq!(
        direct(&changes(&base(), &response)),
        [row(Kind::MemberAdded, Wire, "Paid", "status")]
    );
}

#[test]
fn a_renamed_member_is_removed_and_added() {
    let doc = removed(base(), &format!("{PAY}/properties"), "note");
    let doc = edited(
        doc,
        &format!("{PAY}/properties/memo"),
        json!({"type": "string"}),
    );
    assert_eq!(
        direct(&changes(&base(), &doc)),
        [
            row(Kind::MemberRemoved, Code, "Pay", "note"),
            row(Kind::MemberAdded, Fine, "Pay", "memo"),
        ]
    );
}

#[test]
fn a_renamed_type_is_removed_and_added() {
    let card = json!({"type": "string", "enum": ["visa"]});
    let before = edited(base(), "/components/schemas/Card", card.clone());
    let before = edited(
        before,
        &format!("{PAY}/properties/card"),
        json!({"$ref": "#/components/schemas/Card"}),
    );
    let after = removed(before.clone(), "/components/schemas", "Card");
    let after = edited(after, "/components/schemas/CardBrand", card);
    let after = edited(
        after,
        &format!("{PAY}/properties/card"),
        json!({"$ref": "#/components/schemas/CardBrand"}),
    );
    assert_eq!(
        direct(&changes(&before, &after)),
        [
            row(Kind::TypeRemoved, Code, "Card", ""),
            row(Kind::TypeAdded, Fine, "CardBrand", ""),
            row(Kind::MemberTypeChanged, Code, "Pay", "card"),
        ]
    );
}

#[test]
fn member_types_and_wire_forms() {
    // A Rust type changed: code that used a `Decimal` no longer compiles.
    let text = edited(
        base(),
        &format!("{PAY}/properties/amount"),
        json!({"type": "string"}),
    );
    let found = changes(&base(), &text);
    assert_eq!(
        direct(&found),
        [row(Kind::MemberTypeChanged, Code, "Pay", "amount")]
    );
    assert!(
        found[0].breaks_wire,
        "a number is now a string on the wire too"
    );
    assert_eq!(found[0].before.as_deref(), Some("Decimal"));
    assert_eq!(found[0].after.as_deref(), Some("String"));
    // The same Rust type, another wire form: compiles, but the JSON differs.
    let decimal = edited(
        base(),
        &format!("{PAY}/properties/amount"),
        json!({"type": "string", "format": "decimal"}),
    );
    let found = changes(&base(), &decimal);
    assert_eq!(
        direct(&found),
        [row(Kind::MemberWireChanged, Wire, "Pay", "amount")]
    );
    assert_eq!(found[0].before.as_deref(), Some("number"));
    assert_eq!(found[0].after.as_deref(), Some("decimal in a string"));
}

#[test]
fn deprecation_is_reported_as_compatible() {
    let member = edited(
        base(),
        &format!("{PAY}/properties/note/deprecated"),
        json!(true),
    );
    assert_eq!(
        direct(&changes(&base(), &member)),
        [row(Kind::Deprecated, Fine, "Pay", "note")]
    );
    let ty = edited(base(), &format!("{PAID}/deprecated"), json!(true));
    assert_eq!(
        direct(&changes(&base(), &ty)),
        [row(Kind::Deprecated, Fine, "Paid", "")]
    );
    let op = edited(base(), "/paths/~1payments/post/deprecated", json!(true));
    assert_eq!(
        direct(&changes(&base(), &op)),
        [row(Kind::Deprecated, Fine, "create_payment", "")]
    );
    // No longer deprecated: nothing to act on.
    assert_eq!(direct(&changes(&member, &base())), []);
}

#[test]
fn defaults_enum_variant_names_and_additional_members() {
    // A documented default: its accessor comes and goes; another value changes what an
    // omitted member means.
    let with_default = |value: Value| {
        edited(
            base(),
            &format!("{PAY}/properties/note"),
            json!({"type": "string", "default": value}),
        )
    };
    let found = changes(&base(), &with_default(json!("x")));
    assert_eq!(
        direct(&found),
        [row(Kind::DefaultChanged, Fine, "Pay", "note")]
    );
    let found = changes(&with_default(json!("x")), &with_default(json!("y")));
    assert_eq!(
        direct(&found),
        [row(Kind::DefaultChanged, Wire, "Pay", "note")]
    );
    let found = changes(&with_default(json!("x")), &base());
    assert_eq!(
        direct(&found),
        [row(Kind::DefaultChanged, Code, "Pay", "note")]
    );

    // A new value can take an existing value's Rust name: that variant is renamed.
    let before = with_status(json!(["card_present"]));
    let after = with_status(json!(["card-present", "card_present"]));
    let found = direct(&changes(&before, &after));
    assert!(
        found.contains(&row(Kind::EnumValueRenamed, Code, "Status", "card_present")),
        "{found:#?}"
    );

    // The type of the members `additionalProperties` types is one member of the struct.
    let typed = |values: Value| edited(base(), &format!("{PAID}/additionalProperties"), values);
    let found = changes(
        &typed(json!({"type": "string"})),
        &typed(json!({"type": "integer"})),
    );
    assert_eq!(
        direct(&found),
        [row(
            Kind::MemberTypeChanged,
            Code,
            "Paid",
            "(additionalProperties)"
        )]
    );
    // `contains: {}` asks for one item: a rule even with no keyword inside.
    let tags = |schema: Value| edited(base(), &format!("{PAY}/properties/tags"), schema);
    let found = changes(
        &tags(json!({"minItems": 0, "uniqueItems": true})),
        &tags(json!({"minItems": 0, "uniqueItems": true, "contains": {}})),
    );
    assert_eq!(direct(&found), [row(Kind::RuleAdded, Wire, "PayTags", "")]);
}

#[test]
fn required_and_optional() {
    let required = edited(
        base(),
        &format!("{PAY}/required"),
        json!(["amount", "note"]),
    );
    let found = changes(&base(), &required);
    assert_eq!(
        direct(&found),
        [row(Kind::MemberRequired, Code, "Pay", "note")]
    );
    assert!(found[0].breaks_wire);
    let optional = edited(base(), &format!("{PAY}/required"), json!([]));
    let found = changes(&base(), &optional);
    assert_eq!(
        direct(&found),
        [row(Kind::MemberOptional, Code, "Pay", "amount")]
    );
    assert!(
        !found[0].breaks_wire,
        "a payload valid before is still valid"
    );
}

/// `Pay.status` and `Paid.status` hold the component `Status`: the request side is a closed
/// enum, the response side its open twin `StatusResponse`.
fn with_status(values: Value) -> Value {
    let doc = edited(
        base(),
        "/components/schemas/Status",
        json!({"type": "string", "enum": values}),
    );
    let status = json!({"$ref": "#/components/schemas/Status"});
    let doc = edited(doc, &format!("{PAY}/properties/status"), status.clone());
    edited(doc, &format!("{PAID}/properties/status"), status)
}

#[test]
fn enum_values_by_direction() {
    let before = with_status(json!(["PENDING", "PAID"]));
    let added = with_status(json!(["PENDING", "PAID", "REFUNDED"]));
    assert_eq!(
        direct(&changes(&before, &added)),
        [
            row(Kind::EnumValueAdded, Fine, "Status", "REFUNDED"),
            row(Kind::EnumValueAdded, Fine, "StatusResponse", "REFUNDED"),
        ]
    );
    let found = changes(&before, &with_status(json!(["PENDING"])));
    assert_eq!(
        direct(&found),
        [
            row(Kind::EnumValueRemoved, Code, "Status", "PAID"),
            row(Kind::EnumValueRemoved, Code, "StatusResponse", "PAID"),
        ]
    );
    // A request can no longer carry it; a response carrying it reads as `Unknown`.
    assert!(found[0].breaks_wire);
    assert!(!found[1].breaks_wire);
}

#[test]
fn rules_tightened_loosened_and_changed() {
    let reference = format!("{PAY}/properties/reference");
    let cases = [
        (
            json!({"type": "string", "maxLength": 8}),
            Kind::RuleTightened,
            Wire,
            "8",
        ),
        (
            json!({"type": "string", "maxLength": 12}),
            Kind::RuleLoosened,
            Fine,
            "12",
        ),
        (json!({"type": "string"}), Kind::RuleRemoved, Fine, ""),
    ];
    for (schema, kind, category, after) in cases {
        let found = changes(&base(), &edited(base(), &reference, schema.clone()));
        assert_eq!(
            direct(&found),
            [row(kind, category, "Pay", "reference")],
            "{schema}"
        );
        assert_eq!(found[0].before.as_deref(), Some("10"));
        assert_eq!(
            found[0].after.as_deref(),
            (!after.is_empty()).then_some(after)
        );
    }
    let pattern = |p: &str| {
        edited(
            base(),
            &reference,
            json!({"type": "string", "maxLength": 10, "pattern": p}),
        )
    };
    assert_eq!(
        direct(&changes(&base(), &pattern("^[A-Z]+$"))),
        [row(Kind::RuleAdded, Wire, "Pay", "reference")]
    );
    assert_eq!(
        direct(&changes(&pattern("^[A-Z]+$"), &pattern("^[A-Z0-9]+$"))),
        [row(Kind::RuleChanged, Wire, "Pay", "reference")]
    );
    // Bounds are exact decimals: 1 and 1.0 are one bound, 0.01 → 0.001 loosens a minimum.
    let amount = format!("{PAY}/properties/amount");
    let minimum = |m: Value| edited(base(), &amount, json!({"type": "number", "minimum": m}));
    assert_eq!(changes(&minimum(json!(1)), &minimum(json!(1.0))), []);
    assert_eq!(
        direct(&changes(&minimum(json!(0.01)), &minimum(json!(0.001)))),
        [row(Kind::RuleLoosened, Fine, "Pay", "amount")]
    );
    let exclusive = edited(
        base(),
        &amount,
        json!({"type": "number", "minimum": 0, "exclusiveMinimum": true}),
    );
    assert_eq!(
        direct(&changes(&minimum(json!(0)), &exclusive)),
        [
            row(Kind::RuleAdded, Wire, "Pay", "amount"),
            row(Kind::RuleRemoved, Fine, "Pay", "amount"),
        ],
        "`minimum: 0` became `exclusiveMinimum: 0`"
    );
    // `additionalProperties: false` on a type.
    let strict = edited(base(), &format!("{PAY}/additionalProperties"), json!(false));
    assert_eq!(
        direct(&changes(&base(), &strict)),
        [row(Kind::RuleAdded, Wire, "Pay", "")]
    );
    // On a response type it also takes away the field of unlisted members.
    let closed = edited(
        base(),
        &format!("{PAID}/additionalProperties"),
        json!(false),
    );
    assert_eq!(
        direct(&changes(&base(), &closed)),
        [
            row(Kind::UnlistedDropped, Code, "Paid", ""),
            row(Kind::RuleAdded, Wire, "Paid", ""),
        ]
    );
    assert_eq!(
        direct(&changes(&closed, &base())),
        [
            row(Kind::UnlistedKept, Fine, "Paid", ""),
            row(Kind::RuleRemoved, Fine, "Paid", ""),
        ]
    );
}

#[test]
fn a_change_deep_inside_is_reported_at_every_holder() {
    // Pay.card → Card (inline object) → Card.brand → Brand ($ref); Paid.cards → [Card].
    let before = edited(
        base(),
        "/components/schemas/Brand",
        json!({"type": "string", "maxLength": 20}),
    );
    let card = json!({"type": "object", "properties": {
        "brand": {"$ref": "#/components/schemas/Brand"}}});
    let before = edited(before, "/components/schemas/Card", card);
    let before = edited(
        before,
        &format!("{PAY}/properties/card"),
        json!({"$ref": "#/components/schemas/Card"}),
    );
    let before = edited(
        before,
        &format!("{PAID}/properties/cards"),
        json!({"type": "array", "items": {"$ref": "#/components/schemas/Card"}}),
    );
    let after = edited(
        before.clone(),
        "/components/schemas/Brand/maxLength",
        json!(12),
    );
    let found = changes(&before, &after);
    assert_eq!(
        direct(&found),
        [row(Kind::RuleTightened, Wire, "Brand", "")]
    );
    let mut holders = nested(&found);
    holders.sort();
    let holder = |h: &str, m: &str| (h.to_owned(), m.to_owned(), "Brand".to_owned(), Wire);
    assert_eq!(
        holders,
        [
            holder("Card", "brand"),
            holder("Paid", "cards"),
            holder("Pay", "card"),
            holder("create_payment", "body"),
            holder("create_payment", "status 200"),
        ]
    );
    let via = found
        .iter()
        .find(|c| c.type_name.as_deref() == Some("Paid"))
        .expect("Paid holds Brand");
    assert!(
        via.message.contains("cards → brand → `Brand`"),
        "the path is named: {}",
        via.message
    );
}

#[test]
fn operations_parameters_and_statuses() {
    let op = "/paths/~1payments/post";
    let with_parameter = |required: bool| {
        edited(
            base(),
            &format!("{op}/parameters"),
            json!([{"name": "Idempotency-Key", "in": "header", "required": required,
                    "schema": {"type": "string"}}]),
        )
    };
    assert_eq!(
        direct(&changes(&base(), &with_parameter(false))),
        [row(
            Kind::ParameterAdded,
            Fine,
            "create_payment",
            "Idempotency-Key"
        )]
    );
    assert_eq!(
        direct(&changes(&base(), &with_parameter(true))),
        [row(
            Kind::ParameterAdded,
            Code,
            "create_payment",
            "Idempotency-Key"
        )]
    );
    assert_eq!(
        direct(&changes(&with_parameter(false), &with_parameter(true))),
        [row(
            Kind::ParameterRequired,
            Code,
            "create_payment",
            "Idempotency-Key"
        )]
    );
    assert_eq!(
        direct(&changes(&with_parameter(true), &base())),
        [row(
            Kind::ParameterRemoved,
            Code,
            "create_payment",
            "Idempotency-Key"
        )]
    );

    let status = edited(
        base(),
        &format!("{op}/responses/409"),
        json!({"description": "conflict"}),
    );
    assert_eq!(
        direct(&changes(&base(), &status)),
        [row(Kind::StatusAdded, Fine, "create_payment", "409")]
    );
    assert_eq!(
        direct(&changes(&status, &base())),
        [row(Kind::StatusRemoved, Code, "create_payment", "409")]
    );

    let moved = removed(base(), "/paths", "/payments");
    let moved = edited(
        moved,
        "/paths/~1v2~1payments",
        base()["paths"]["/payments"].clone(),
    );
    let found = changes(&base(), &moved);
    assert_eq!(
        direct(&found),
        [row(Kind::OperationMoved, Wire, "create_payment", "")]
    );
    assert_eq!(found[0].after.as_deref(), Some("POST /v2/payments"));

    let mut added = base();
    added["paths"]["/payments/{id}"] = json!({"get": {
        "operationId": "getPayment",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "ok"}}
    }});
    assert_eq!(
        direct(&changes(&base(), &added)),
        [row(Kind::OperationAdded, Fine, "get_payment", "")]
    );
    assert_eq!(
        direct(&changes(&added, &base())),
        [row(Kind::OperationRemoved, Code, "get_payment", "")]
    );
}

#[test]
fn unions_and_checked_types() {
    let union = |alternatives: Value| {
        edited(
            base(),
            &format!("{PAY}/properties/method"),
            json!({"oneOf": alternatives}),
        )
    };
    let card =
        json!({"type": "object", "properties": {"card": {"type": "string"}}, "required": ["card"]});
    let bank =
        json!({"type": "object", "properties": {"iban": {"type": "string"}}, "required": ["iban"]});
    let wallet = json!({"type": "object", "properties": {"wallet": {"type": "string"}}, "required": ["wallet"]});
    let found = changes(
        &union(json!([card, bank])),
        &union(json!([card, bank, wallet])),
    );
    let kinds: Vec<Kind> = direct(&found).iter().map(|r| r.0).collect();
    assert!(kinds.contains(&Kind::VariantAdded), "{found:#?}");
    assert!(
        kinds.contains(&Kind::TypeAdded),
        "the new alternative's type: {found:#?}"
    );
    assert!(
        found
            .iter()
            .filter(|c| c.kind != Kind::NestedChange)
            .all(|c| !c.breaks_code),
        "{found:#?}"
    );

    // A schema without `type`: a checked type, keyword by keyword.
    let checked = |maximum: u32| {
        edited(
            base(),
            &format!("{PAY}/properties/extra"),
            json!({"maximum": maximum, "minLength": 2}),
        )
    };
    let found = changes(&checked(5), &checked(3));
    assert_eq!(direct(&found).len(), 1, "{found:#?}");
    assert_eq!(found[0].kind, Kind::RuleTightened);
    assert_eq!(found[0].category, Wire);
    assert_eq!(found[0].type_name.as_deref(), Some("PayExtra"));
    assert!(
        found[0].message.contains("`maximum` 5 → 3"),
        "{}",
        found[0].message
    );
    // The applicators' counts compare like the other bounds.
    let contains = |min: u32| {
        edited(
            base(),
            &format!("{PAY}/properties/tags"),
            json!({"contains": {"type": "integer"}, "minContains": min}),
        )
    };
    let found = changes(&contains(1), &contains(2));
    assert_eq!(
        direct(&found),
        [row(Kind::RuleTightened, Wire, "PayTags", "")]
    );
}

#[test]
fn credentials_servers_and_form_encoding() {
    let schemes = json!({
        "key": {"type": "apiKey", "in": "header", "name": "x-api-key"},
        "other_key": {"type": "apiKey", "in": "header", "name": "x-other-key"},
        "token": {"type": "http", "scheme": "bearer"}
    });
    let with = |security: Value| {
        let doc = edited(base(), "/components/securitySchemes", schemes.clone());
        edited(doc, "/security", security)
    };
    let key = with(json!([{"key": []}]));
    // Credentials needed where none were: code and wire.
    assert_eq!(
        direct(&changes(&base(), &key)),
        [row(Kind::SecurityChanged, Code, "create_payment", "")]
    );
    // The key moved to another header: what callers send is no longer what the spec asks.
    let moved = with(json!([{"other_key": []}]));
    let found = changes(&key, &moved);
    assert_eq!(
        direct(&found),
        [row(Kind::SecurityChanged, Code, "create_payment", "")]
    );
    assert!(found[0].breaks_wire && found[0].breaks_code);
    assert_eq!(
        found[0].before.as_deref(),
        Some("Key: API key in header x-api-key")
    );
    // A second way to authenticate: the wire still takes the key, but `Credentials` is now an
    // enum of the two.
    let either = with(json!([{"key": []}, {"token": []}]));
    let found = changes(&key, &either);
    assert_eq!(
        direct(&found),
        [row(Kind::SecurityChanged, Code, "create_payment", "")]
    );
    assert!(!found[0].breaks_wire);
    // A third alternative beside two: compatible.
    let any = with(json!([{"key": []}, {"token": []}, {}]));
    assert_eq!(
        direct(&changes(&either, &any)),
        [row(Kind::SecurityChanged, Fine, "create_payment", "")]
    );

    // Servers: one added at the end is compatible; one removed renames the `ServerN` after it.
    let servers = |urls: &[&str]| {
        let list: Vec<Value> = urls.iter().map(|url| json!({"url": url})).collect();
        edited(base(), "/servers", Value::Array(list))
    };
    let one = servers(&["https://api.example.com"]);
    let two = servers(&["https://api.example.com", "https://sandbox.example.com"]);
    assert_eq!(
        direct(&changes(&one, &two)),
        [row(Kind::ServersChanged, Fine, "create_payment", "")]
    );
    assert_eq!(
        direct(&changes(&two, &servers(&["https://sandbox.example.com"]))),
        [row(Kind::ServersChanged, Code, "create_payment", "")]
    );

    // A form body's encoding: the same type, written differently on the wire.
    let form = |style: &str| {
        let media = json!({
            "schema": {"$ref": "#/components/schemas/Pay"},
            "encoding": {"note": {"style": style, "explode": true}}
        });
        edited(
            base(),
            "/paths/~1payments/post/requestBody/content",
            json!({"application/x-www-form-urlencoded": media}),
        )
    };
    let found = changes(&form("form"), &form("deepObject"));
    assert_eq!(
        direct(&found),
        [row(Kind::BodyChanged, Wire, "create_payment", "")]
    );
    assert_eq!(
        found[0].after.as_deref(),
        Some("note: DeepObject, exploded")
    );
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The official Flexprice spec of 2025-08-04 and a later version: `CreatePaymentRequest.amount`
/// a JSON string, `CUSTOMER` a destination type, two more payment method types and two more
/// payment statuses.
fn flexprice() -> (Value, Value) {
    let path = root().join("../shared/real-specs/flexprice-swagger-3-0-2025-08-04.json");
    let text = std::fs::read_to_string(&path).expect("../shared/real-specs is beside the checkout");
    let before: Value = serde_json::from_str(&text).expect("the spec is JSON");
    let schemas = "/components/schemas";
    let mut after = before.clone();
    let mut set = |pointer: &str, value: Value| {
        *after.pointer_mut(pointer).expect("the schema exists") = value;
    };
    set(
        &format!("{schemas}/dto.CreatePaymentRequest/properties/amount"),
        json!({"type": "string", "format": "decimal"}),
    );
    set(
        &format!("{schemas}/types.PaymentDestinationType/enum"),
        json!(["INVOICE", "CUSTOMER"]),
    );
    set(
        &format!("{schemas}/types.PaymentMethodType/enum"),
        json!([
            "CARD",
            "ACH",
            "OFFLINE",
            "CREDITS",
            "SEPA_DEBIT",
            "PAYMENT_LINK"
        ]),
    );
    set(
        &format!("{schemas}/types.PaymentStatus/enum"),
        json!([
            "PENDING",
            "PROCESSING",
            "SUCCEEDED",
            "FAILED",
            "REFUNDED",
            "PARTIALLY_REFUNDED",
            "INITIATED",
            "DISPUTED"
        ]),
    );
    (before, after)
}

#[test]
fn flexprice_of_2025_08_04_against_a_later_version() {
    let (before, after) = flexprice();
    let found = changes(&before, &after);
    let added = |ty: &str, value: &str| row(Kind::EnumValueAdded, Fine, ty, value);
    assert_eq!(
        direct(&found),
        [
            // The amount is still a `Decimal` in Rust, but travels as a JSON string.
            row(
                Kind::MemberWireChanged,
                Wire,
                "DtoCreatePaymentRequest",
                "amount"
            ),
            added("TypesPaymentDestinationType", "CUSTOMER"),
            added("TypesPaymentDestinationTypeResponse", "CUSTOMER"),
            added("TypesPaymentMethodType", "SEPA_DEBIT"),
            added("TypesPaymentMethodType", "PAYMENT_LINK"),
            added("TypesPaymentMethodTypeResponse", "SEPA_DEBIT"),
            added("TypesPaymentMethodTypeResponse", "PAYMENT_LINK"),
            // `types.PaymentStatus` is in requests too (invoices), and in responses.
            added("TypesPaymentStatus", "INITIATED"),
            added("TypesPaymentStatus", "DISPUTED"),
            added("TypesPaymentStatusResponse", "INITIATED"),
            added("TypesPaymentStatusResponse", "DISPUTED"),
        ]
    );
    let holders = nested(&found);
    let at = |holder: &str, member: &str, held: &str, category| {
        (
            holder.to_owned(),
            member.to_owned(),
            held.to_owned(),
            category,
        )
    };
    for expected in [
        at("post_payments", "body", "DtoCreatePaymentRequest", Wire),
        at(
            "DtoPaymentResponse",
            "payment_status",
            "TypesPaymentStatusResponse",
            Fine,
        ),
        at(
            "DtoListPaymentsResponse",
            "items",
            "TypesPaymentStatusResponse",
            Fine,
        ),
        at(
            "get_payments_id",
            "status 200",
            "TypesPaymentStatusResponse",
            Fine,
        ),
        at(
            "DtoCreatePaymentRequest",
            "payment_method_type",
            "TypesPaymentMethodType",
            Fine,
        ),
    ] {
        assert!(holders.contains(&expected), "{expected:?} in {holders:#?}");
    }

    let report = Report::new(vec![ModuleReport::new(
        "flexprice",
        Some(Some(&surface(&before))),
        Some(&surface(&after)),
    )]);
    let text = report.to_text();
    assert!(
        text.starts_with(
            "change report: 0 breaking for code, 1 breaking on the wire, 10 compatible ("
        ),
        "{text}"
    );
    assert!(text.contains(
        "breaking on the wire  `DtoCreatePaymentRequest.amount`: wire form number → decimal in a \
         string (the Rust type stays Decimal)"
    ));
    let markdown = report.to_markdown();
    assert!(
        markdown.contains("| `flexprice` | 0 | 1 | 10 |"),
        "{markdown}"
    );
    assert!(markdown.contains(
        "**Breaking on the wire**\n\n- `DtoCreatePaymentRequest.amount`: wire form number → \
         decimal in a string (the Rust type stays Decimal) — \
         `#/components/schemas/dto.CreatePaymentRequest/properties/amount`\n"
    ));
}

/// The fields docs/CHANGE-REPORT.md documents, and no others.
#[test]
fn the_json_form_has_the_documented_fields() {
    let (before, after) = flexprice();
    let (before, after) = (surface(&before), surface(&after));
    let report = Report::new(vec![
        ModuleReport::new("flexprice", Some(Some(&before)), Some(&after)),
        ModuleReport::new("gone", Some(Some(&before)), None),
        ModuleReport::new("new", None, Some(&after)),
        ModuleReport::new("old", Some(None), Some(&after)),
    ]);
    let json: Value = serde_json::from_str(&report.to_json()).expect("the report is JSON");
    let keys =
        |v: &Value| -> Vec<String> { v.as_object().expect("an object").keys().cloned().collect() };
    assert_eq!(keys(&json), ["format", "modules", "summary"]);
    assert_eq!(json["format"], 2);
    assert_eq!(
        json["summary"],
        json!({"breaking_code": 1, "breaking_wire": 1, "compatible": 11, "nested": 49})
    );
    let modules = json["modules"].as_array().expect("modules");
    let statuses: Vec<&str> = modules
        .iter()
        .map(|m| m["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["changed", "removed", "added", "unknown"]);
    assert_eq!(
        modules[3]["changes"],
        json!([]),
        "nothing to compare: no changes claimed"
    );
    let documented = [
        "category",
        "breaks_code",
        "breaks_wire",
        "kind",
        "type",
        "member",
        "operation",
        "pointer",
        "before",
        "after",
        "message",
    ];
    for change in modules
        .iter()
        .flat_map(|m| m["changes"].as_array().unwrap())
    {
        for key in keys(change) {
            assert!(
                documented.contains(&key.as_str()),
                "undocumented field {key}"
            );
        }
        for key in [
            "category",
            "breaks_code",
            "breaks_wire",
            "kind",
            "pointer",
            "message",
        ] {
            assert!(change.get(key).is_some(), "{key} missing in {change}");
        }
    }
    let amount = &modules[0]["changes"][0];
    assert_eq!(
        *amount,
        json!({
            "category": "breaking-wire",
            "breaks_code": false,
            "breaks_wire": true,
            "kind": "member-wire-changed",
            "type": "DtoCreatePaymentRequest",
            "member": "amount",
            "pointer": "/components/schemas/dto.CreatePaymentRequest/properties/amount",
            "before": "number",
            "after": "decimal in a string",
            "message": "`DtoCreatePaymentRequest.amount`: wire form number → decimal in a string \
                        (the Rust type stays Decimal)"
        })
    );
    assert_eq!(modules[1]["changes"][0]["kind"], "module-removed");
    assert_eq!(modules[1]["changes"][0]["category"], "breaking-code");
}

#[test]
fn a_snapshot_of_another_format_is_not_compared() {
    let mut snapshot: Value =
        serde_json::from_str(&surface(&base()).to_json()).expect("the snapshot is JSON");
    assert!(Surface::from_json(&snapshot.to_string()).is_some());
    // Format 1 snapshots had no `security` and `servers`: compared, they would report
    // credentials and servers added everywhere.
    for other in [1, 3] {
        snapshot["format"] = json!(other);
        assert_eq!(Surface::from_json(&snapshot.to_string()), None);
    }
    assert_eq!(Surface::from_json("not json"), None);
}

/// Every bundled and every official spec: the snapshot reads back as written, is the same
/// for the same spec, and compares with itself as unchanged.
#[test]
fn snapshots_of_real_specs_round_trip_and_compare_equal() {
    let mut specs: Vec<PathBuf> = Vec::new();
    for dir in [root().join("specs"), root().join("../shared/real-specs")] {
        let entries = std::fs::read_dir(&dir).expect("the spec directory is readable");
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("json" | "yaml" | "yml")
            ) {
                specs.push(path);
            }
        }
    }
    specs.sort();
    assert!(
        specs.len() >= 11,
        "5 bundled and 6 official specs: {specs:?}"
    );
    for path in specs {
        let doc = load::load(&path).expect("the spec loads");
        let space = convert::convert(&doc).expect("the spec converts");
        let surface = Surface::of(&space);
        let text = surface.to_json();
        let read = Surface::from_json(&text).expect("the snapshot reads back");
        assert_eq!(read, surface, "{}", path.display());
        assert_eq!(Surface::of(&space).to_json(), text, "{}", path.display());
        assert_eq!(compare(&read, &surface), [], "{}", path.display());
    }
}
