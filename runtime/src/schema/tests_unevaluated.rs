//! `unevaluatedProperties` and `unevaluatedItems` (JSON Schema 2020-12 Core §11.2–11.3), with
//! the cases the text defines: they see what adjacent keywords and in-place subschemas
//! (`allOf`, `anyOf`, `oneOf`, `if`/`then`/`else`, `dependentSchemas`, `$ref`) evaluated; a
//! subschema the value fails contributes nothing, nor does `not`; members of child values are
//! not theirs to see.

use std::sync::LazyLock;

use super::tests_applicators::{at, codes, INTEGER, STRING};
use super::*;

const ANY: Schema = Schema::Bool(true);
const CLOSED: Option<Schema> = Some(Schema::Bool(false));

#[test]
fn adjacent_properties_are_evaluated() {
    static A: Node = Node {
        properties: &[("a", ANY)],
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    assert_eq!(codes(&A, r#"{"a": 1}"#), []);
    assert_eq!(codes(&A, "{}"), []);
    assert_eq!(
        codes(&A, r#"{"a": 1, "b": 2, "c~/": 3}"#),
        [
            at("/b", "unevaluatedProperties"),
            at("/c~0~1", "unevaluatedProperties")
        ]
    );
    assert_eq!(codes(&A, "[1]"), [], "not an object: nothing applies");
    assert_eq!(codes(&A, r#""b""#), []);
}

#[test]
fn members_all_of_parts_evaluate_are_seen_through_them() {
    // What `additionalProperties` cannot do: close an object its `allOf` parts extend.
    static EXTENDED: Node = Node {
        all_of: &[Schema::Node(&BASE)],
        properties: &[("extra", ANY)],
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    static BASE: Node = Node {
        properties: &[("id", ANY)],
        ..Node::ANY
    };
    assert_eq!(codes(&EXTENDED, r#"{"id": 1, "extra": 2}"#), []);
    assert_eq!(
        codes(&EXTENDED, r#"{"id": 1, "other": 2}"#),
        [at("/other", "unevaluatedProperties")]
    );
}

#[test]
fn only_the_alternatives_the_value_satisfies_count() {
    static CARD_OR_BANK: Node = Node {
        any_of: &[Schema::Node(&CARD), Schema::Node(&BANK)],
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    static CARD: Node = Node {
        properties: &[("pan", Schema::Node(&STRING))],
        required: &["pan"],
        ..Node::ANY
    };
    static BANK: Node = Node {
        properties: &[("iban", Schema::Node(&STRING))],
        required: &["iban"],
        ..Node::ANY
    };
    assert_eq!(codes(&CARD_OR_BANK, r#"{"pan": "4242"}"#), []);
    assert_eq!(
        codes(&CARD_OR_BANK, r#"{"pan": "4242", "iban": "DE89"}"#),
        []
    );
    // `iban` is no string: its alternative fails and evaluates nothing.
    assert_eq!(
        codes(&CARD_OR_BANK, r#"{"pan": "4242", "iban": 1}"#),
        [at("/iban", "unevaluatedProperties")]
    );
    static ONE: Node = Node {
        one_of: &[Schema::Node(&CARD), Schema::Node(&BANK)],
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    assert_eq!(codes(&ONE, r#"{"iban": "DE89"}"#), []);
    assert_eq!(
        codes(&ONE, r#"{"iban": "DE89", "pan": 1}"#),
        [at("/pan", "unevaluatedProperties")]
    );
}

#[test]
fn not_keeps_no_annotations() {
    static NOT_NOT: Node = Node {
        not: Some(Schema::Node(&NOT_A)),
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    static NOT_A: Node = Node {
        not: Some(Schema::Node(&A)),
        ..Node::ANY
    };
    static A: Node = Node {
        properties: &[("a", ANY)],
        ..Node::ANY
    };
    assert_eq!(
        codes(&NOT_NOT, r#"{"a": 1}"#),
        [at("/a", "unevaluatedProperties")]
    );
}

#[test]
fn if_evaluates_when_it_holds_and_then_or_else_as_applied() {
    static METHOD: Node = Node {
        if_schema: Some(Schema::Node(&IS_CARD)),
        then_schema: Some(Schema::Node(&PAN)),
        else_schema: Some(Schema::Node(&IBAN)),
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    static IS_CARD: Node = Node {
        properties: &[("kind", Schema::Node(&CARD_TEXT))],
        required: &["kind"],
        ..Node::ANY
    };
    static CARD_TEXT: Node = Node {
        constant: Some(r#""card""#),
        ..Node::ANY
    };
    static PAN: Node = Node {
        properties: &[("pan", ANY)],
        ..Node::ANY
    };
    static IBAN: Node = Node {
        properties: &[("iban", ANY)],
        ..Node::ANY
    };
    assert_eq!(codes(&METHOD, r#"{"kind": "card", "pan": "4242"}"#), []);
    assert_eq!(
        codes(&METHOD, r#"{"kind": "card", "iban": "DE89"}"#),
        [at("/iban", "unevaluatedProperties")]
    );
    // `if` fails, so its `kind` is not evaluated; `else` evaluates `iban`.
    assert_eq!(
        codes(&METHOD, r#"{"kind": "sepa", "iban": "DE89"}"#),
        [at("/kind", "unevaluatedProperties")]
    );
}

static X_PREFIX: LazyLock<crate::pattern::Matcher> =
    LazyLock::new(|| crate::pattern::compile("^x-").expect("a valid pattern"));

#[test]
fn pattern_additional_and_dependent_schemas_evaluate() {
    static PATTERNED: Node = Node {
        pattern_properties: &[(
            Pattern {
                source: "^x-",
                regex: &X_PREFIX,
            },
            ANY,
        )],
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    assert_eq!(codes(&PATTERNED, r#"{"x-trace": 1}"#), []);
    assert_eq!(
        codes(&PATTERNED, r#"{"trace": 1}"#),
        [at("/trace", "unevaluatedProperties")]
    );
    static OPEN: Node = Node {
        additional_properties: Some(ANY),
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    assert_eq!(codes(&OPEN, r#"{"anything": 1}"#), []);
    static DEPENDENT: Node = Node {
        properties: &[("card", ANY)],
        dependent_schemas: &[("card", Schema::Node(&EXPIRY))],
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    static EXPIRY: Node = Node {
        properties: &[("expiry", ANY)],
        ..Node::ANY
    };
    assert_eq!(codes(&DEPENDENT, r#"{"card": 1, "expiry": 2}"#), []);
    assert_eq!(
        codes(&DEPENDENT, r#"{"expiry": 2}"#),
        [at("/expiry", "unevaluatedProperties")]
    );
}

#[test]
fn a_schema_checks_what_is_left_and_children_are_not_seen_into() {
    static TYPED_REST: Node = Node {
        properties: &[("a", ANY), ("o", Schema::Node(&CHILD))],
        unevaluated_properties: Some(Schema::Node(&STRING)),
        ..Node::ANY
    };
    static CHILD: Node = Node {
        properties: &[("x", ANY)],
        ..Node::ANY
    };
    assert_eq!(codes(&TYPED_REST, r#"{"a": 1, "b": "s"}"#), []);
    assert_eq!(
        codes(&TYPED_REST, r#"{"a": 1, "b": 2}"#),
        [at("/b", "type")]
    );
    assert_eq!(codes(&TYPED_REST, r#"{"o": {"y": 1}}"#), []);
}

#[test]
fn an_inner_unevaluated_keyword_sees_its_own_schema_and_evaluates_the_rest() {
    static OUTER: Node = Node {
        all_of: &[Schema::Node(&INNER)],
        properties: &[("b", ANY)],
        ..Node::ANY
    };
    static INNER: Node = Node {
        properties: &[("a", ANY)],
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    assert_eq!(
        codes(&OUTER, r#"{"a": 1, "b": 2}"#),
        [at("/b", "unevaluatedProperties")]
    );
    static CLOSED_OVER_OPEN: Node = Node {
        all_of: &[Schema::Node(&REST_TRUE)],
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    static REST_TRUE: Node = Node {
        unevaluated_properties: Some(ANY),
        ..Node::ANY
    };
    assert_eq!(codes(&CLOSED_OVER_OPEN, r#"{"a": 1}"#), []);
}

fn id_check(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
    if value.as_object().is_none_or(|o| o.get("id").is_none()) {
        out.push(&at.key("id"), crate::Code::Required, "is required");
    }
}

fn id_check_evaluated(
    value: &Json<'_>,
    at: &Location<'_>,
    out: &mut Violations,
    into: &mut Evaluated,
) {
    id_check(value, at, out);
    into.members(&["id"]);
}

#[test]
fn a_generated_type_reports_what_it_evaluates() {
    static REFERS: Node = Node {
        all_of: &[Schema::Check(id_check, id_check_evaluated)],
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    assert_eq!(codes(&REFERS, r#"{"id": 1}"#), []);
    assert_eq!(
        codes(&REFERS, r#"{"id": 1, "x": 2}"#),
        [at("/x", "unevaluatedProperties")]
    );
    type Typed = std::collections::BTreeMap<String, i64>;
    type Untyped = std::collections::BTreeMap<String, crate::JsonValue>;
    let value = Json::from_slice(br#"{"x": 1}"#).expect("test JSON");
    let evaluated = |schema: Schema| {
        let mut into = Evaluated::new();
        let mut out = Violations::new();
        check_evaluated(&schema, &value, &Location::Root, &mut out, &mut into);
        assert!(out.is_empty(), "{out}");
        into.has_member("x")
    };
    assert!(
        evaluated(Schema::Check(
            <Typed as crate::CheckJson>::check_json,
            <Typed as crate::CheckJson>::check_json_evaluated,
        )),
        "additionalProperties evaluates"
    );
    assert!(
        !evaluated(Schema::Check(
            <Untyped as crate::CheckJson>::check_json,
            <Untyped as crate::CheckJson>::check_json_evaluated,
        )),
        "no keyword evaluates nothing"
    );
}

/// Annotations are collected in the pass that checks: a recursion through an in-place
/// subschema costs one check per level, not two (2^depth).
#[test]
fn a_recursion_through_all_of_is_checked_once_per_level() {
    // Comment: {allOf: [CommentBase], unevaluatedProperties: false};
    // CommentBase: {properties: {replies: {items: Comment}}}.
    static COMMENT: Node = Node {
        all_of: &[Schema::Node(&BASE)],
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    static BASE: Node = Node {
        properties: &[("replies", Schema::Node(&REPLIES))],
        ..Node::ANY
    };
    static REPLIES: Node = Node {
        items: Some(Schema::Node(&COMMENT)),
        ..Node::ANY
    };
    // 60 levels of an object in an array: near the JSON reader's nesting limit.
    let depth = 60;
    let nested = |leaf: &str| {
        let mut text = leaf.to_owned();
        for _ in 0..depth {
            text = format!(r#"{{"replies": [{text}]}}"#);
        }
        text
    };
    assert_eq!(codes(&COMMENT, &nested("{}")), []);
    // One violation, where the member is: the enclosing `allOf` parts fail with it, and their
    // members are not reported again as unevaluated.
    let found = codes(&COMMENT, &nested(r#"{"x": 1}"#));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, format!("{}/x", "/replies/0".repeat(depth)));
    assert_eq!(found[0].1, "unevaluatedProperties");
    // A schema that applies itself in place without end stops at the depth bound, once.
    static ITSELF: Node = Node {
        all_of: &[Schema::Node(&ITSELF)],
        any_of: &[Schema::Node(&ITSELF)],
        unevaluated_properties: CLOSED,
        ..Node::ANY
    };
    assert!(!codes(&ITSELF, "{}").is_empty());
}

#[test]
fn items_prefix_items_and_contains_are_evaluated() {
    static TUPLE: Node = Node {
        prefix_items: &[Schema::Node(&INTEGER)],
        unevaluated_items: CLOSED,
        ..Node::ANY
    };
    assert_eq!(codes(&TUPLE, "[1]"), []);
    assert_eq!(codes(&TUPLE, "[]"), []);
    assert_eq!(
        codes(&TUPLE, "[1, 2, 3]"),
        [at("/1", "unevaluatedItems"), at("/2", "unevaluatedItems")]
    );
    static ALL: Node = Node {
        items: Some(Schema::Node(&INTEGER)),
        unevaluated_items: CLOSED,
        ..Node::ANY
    };
    assert_eq!(codes(&ALL, "[1, 2, 3]"), []);
    static CONTAINS: Node = Node {
        contains: Some(Schema::Node(&STRING)),
        unevaluated_items: CLOSED,
        ..Node::ANY
    };
    assert_eq!(codes(&CONTAINS, r#"["a", "b"]"#), []);
    assert_eq!(
        codes(&CONTAINS, r#"["a", 1]"#),
        [at("/1", "unevaluatedItems")]
    );
    static THROUGH_ALL_OF: Node = Node {
        all_of: &[Schema::Node(&TWO)],
        unevaluated_items: Some(Schema::Node(&INTEGER)),
        ..Node::ANY
    };
    static TWO: Node = Node {
        prefix_items: &[ANY, ANY],
        ..Node::ANY
    };
    assert_eq!(codes(&THROUGH_ALL_OF, r#"[true, "x", 3]"#), []);
    assert_eq!(
        codes(&THROUGH_ALL_OF, r#"[true, "x", "y"]"#),
        [at("/2", "type")]
    );
    assert_eq!(codes(&THROUGH_ALL_OF, r#"{"0": 1}"#), [], "not an array");
}
