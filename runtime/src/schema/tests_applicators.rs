//! The applicators of JSON Schema 2020-12 (Core §10.2–10.3: `prefixItems`, `contains`,
//! `patternProperties`, `propertyNames`, `dependentSchemas`, `if`/`then`/`else`) and the
//! validation keywords that go with them (Validation §6.4.4–6.4.5 `maxContains`/`minContains`,
//! §6.5.4 `dependentRequired`), with the cases their text defines.

use std::sync::LazyLock;

use super::*;

pub(super) fn codes(schema: &'static Node, text: &str) -> Vec<(String, &'static str)> {
    let value = Json::from_slice(text.as_bytes()).expect("test JSON");
    let mut out = Violations::new();
    check(&Schema::Node(schema), &value, &Location::Root, &mut out);
    out.iter()
        .map(|v| (v.path().to_owned(), v.code().as_str()))
        .collect()
}

pub(super) fn at(path: &str, code: &'static str) -> (String, &'static str) {
    (path.to_owned(), code)
}

pub(super) static INTEGER: Node = Node {
    types: Some(&[JsonType::Integer]),
    ..Node::ANY
};
pub(super) static STRING: Node = Node {
    types: Some(&[JsonType::String]),
    ..Node::ANY
};

#[test]
fn prefix_items_check_leading_items_and_items_the_rest() {
    static TUPLE: Node = Node {
        prefix_items: &[Schema::Node(&INTEGER), Schema::Node(&STRING)],
        items: Some(Schema::Bool(false)),
        ..Node::ANY
    };
    assert_eq!(codes(&TUPLE, r#"[1, "a"]"#), []);
    assert_eq!(
        codes(&TUPLE, "[1]"),
        [],
        "fewer items than prefixItems is valid"
    );
    assert_eq!(codes(&TUPLE, "[]"), []);
    assert_eq!(
        codes(&TUPLE, r#"["a", 1]"#),
        [at("/0", "type"), at("/1", "type")]
    );
    assert_eq!(codes(&TUPLE, r#"[1, "a", 3]"#), [at("/2", "false")]);
    assert_eq!(
        codes(&TUPLE, r#"{"0": "x"}"#),
        [],
        "not an array: nothing applies"
    );
}

#[test]
fn contains_counts_matching_items() {
    static CONTAINS: Node = Node {
        contains: Some(Schema::Node(&INTEGER)),
        ..Node::ANY
    };
    assert_eq!(codes(&CONTAINS, r#"["a", 1]"#), []);
    assert_eq!(codes(&CONTAINS, r#"["a"]"#), [at("", "contains")]);
    assert_eq!(
        codes(&CONTAINS, "[]"),
        [at("", "contains")],
        "an empty array contains nothing"
    );
    assert_eq!(codes(&CONTAINS, "1"), []);

    static BETWEEN: Node = Node {
        contains: Some(Schema::Node(&INTEGER)),
        min_contains: Some(2),
        max_contains: Some(3),
        ..Node::ANY
    };
    assert_eq!(codes(&BETWEEN, r#"[1, "a"]"#), [at("", "minContains")]);
    assert_eq!(codes(&BETWEEN, "[1, 2.0]"), [], "2.0 is an integer");
    assert_eq!(codes(&BETWEEN, "[1, 2, 3, 4]"), [at("", "maxContains")]);

    // `minContains: 0` makes `contains` always pass (§6.4.5).
    static NONE_NEEDED: Node = Node {
        contains: Some(Schema::Node(&INTEGER)),
        min_contains: Some(0),
        max_contains: Some(1),
        ..Node::ANY
    };
    assert_eq!(codes(&NONE_NEEDED, "[]"), []);
    assert_eq!(codes(&NONE_NEEDED, "[1, 2]"), [at("", "maxContains")]);

    // Without `contains`, minContains and maxContains say nothing.
    static ALONE: Node = Node {
        min_contains: Some(2),
        max_contains: Some(0),
        ..Node::ANY
    };
    assert_eq!(codes(&ALONE, "[1]"), []);
}

#[test]
fn dependent_required_and_dependent_schemas() {
    static DEPENDENT: Node = Node {
        dependent_required: &[("credit_card", &["billing_address", "cvc"])],
        ..Node::ANY
    };
    assert_eq!(codes(&DEPENDENT, "{}"), []);
    assert_eq!(codes(&DEPENDENT, r#"{"billing_address": "x"}"#), []);
    assert_eq!(
        codes(&DEPENDENT, r#"{"credit_card": 1, "cvc": 2}"#),
        [at("/billing_address", "dependentRequired")]
    );
    assert_eq!(codes(&DEPENDENT, r#"["credit_card"]"#), []);

    static NEEDS_ADDRESS: Node = Node {
        required: &["billing_address"],
        ..Node::ANY
    };
    static SCHEMAS: Node = Node {
        dependent_schemas: &[("credit_card", Schema::Node(&NEEDS_ADDRESS))],
        ..Node::ANY
    };
    assert_eq!(codes(&SCHEMAS, r#"{"name": "x"}"#), []);
    assert_eq!(
        codes(&SCHEMAS, r#"{"credit_card": 1}"#),
        [at("/billing_address", "required")]
    );
}

#[test]
fn property_names_check_each_name_as_a_string() {
    static SHORT: Node = Node {
        max_length: Some(3),
        ..Node::ANY
    };
    static NAMES: Node = Node {
        property_names: Some(Schema::Node(&SHORT)),
        ..Node::ANY
    };
    assert_eq!(codes(&NAMES, r#"{"abc": 1}"#), []);
    assert_eq!(
        codes(&NAMES, r#"{"abcd": 1, "ab": 2}"#),
        [at("/abcd", "propertyNames")]
    );
    static NO_MEMBERS: Node = Node {
        property_names: Some(Schema::Bool(false)),
        ..Node::ANY
    };
    assert_eq!(codes(&NO_MEMBERS, "{}"), []);
    assert_eq!(
        codes(&NO_MEMBERS, r#"{"a": 1}"#),
        [at("/a", "propertyNames")]
    );
}

static S_PREFIX: LazyLock<crate::pattern::Matcher> =
    LazyLock::new(|| crate::pattern::compile("^S_").expect("a valid pattern"));
static I_PREFIX: LazyLock<crate::pattern::Matcher> =
    LazyLock::new(|| crate::pattern::compile("^I_").expect("a valid pattern"));

#[test]
fn pattern_properties_and_additional_properties() {
    static ONE_CHAR: Node = Node {
        max_length: Some(1),
        ..Node::ANY
    };
    static OBJECT: Node = Node {
        properties: &[("S_a", Schema::Node(&ONE_CHAR))],
        pattern_properties: &[
            (
                Pattern {
                    source: "^S_",
                    regex: &S_PREFIX,
                },
                Schema::Node(&STRING),
            ),
            (
                Pattern {
                    source: "^I_",
                    regex: &I_PREFIX,
                },
                Schema::Node(&INTEGER),
            ),
        ],
        additional_properties: Some(Schema::Bool(false)),
        ..Node::ANY
    };
    assert_eq!(codes(&OBJECT, r#"{"S_1": "x", "I_1": 2, "S_a": "y"}"#), []);
    assert_eq!(codes(&OBJECT, r#"{"S_1": 1}"#), [at("/S_1", "type")]);
    assert_eq!(
        codes(&OBJECT, r#"{"x": 1}"#),
        [at("/x", "additionalProperties")]
    );
    // A member named by `properties` and matched by a pattern is checked against both.
    assert_eq!(
        codes(&OBJECT, r#"{"S_a": "ab"}"#),
        [at("/S_a", "maxLength")]
    );
    assert_eq!(codes(&OBJECT, r#"{"S_a": 1}"#), [at("/S_a", "type")]);
}

#[test]
fn if_then_else_apply_by_the_condition() {
    static US: Node = Node {
        constant: Some(r#""US""#),
        ..Node::ANY
    };
    static COUNTRY_US: Node = Node {
        properties: &[("country", Schema::Node(&US))],
        required: &["country"],
        ..Node::ANY
    };
    static ZIP: Node = Node {
        min_length: Some(5),
        max_length: Some(5),
        ..Node::ANY
    };
    static WITH_ZIP: Node = Node {
        properties: &[("postal", Schema::Node(&ZIP))],
        ..Node::ANY
    };
    static NO_POSTAL: Node = Node {
        max_properties: Some(1),
        ..Node::ANY
    };
    static ADDRESS: Node = Node {
        if_schema: Some(Schema::Node(&COUNTRY_US)),
        then_schema: Some(Schema::Node(&WITH_ZIP)),
        else_schema: Some(Schema::Node(&NO_POSTAL)),
        ..Node::ANY
    };
    assert_eq!(
        codes(&ADDRESS, r#"{"country": "US", "postal": "12345"}"#),
        []
    );
    assert_eq!(
        codes(&ADDRESS, r#"{"country": "US", "postal": "1234"}"#),
        [at("/postal", "minLength")],
        "the condition's own failure is no violation; then's is"
    );
    assert_eq!(codes(&ADDRESS, r#"{"country": "CA"}"#), []);
    assert_eq!(
        codes(&ADDRESS, r#"{"country": "CA", "postal": "K1A"}"#),
        [at("", "maxProperties")]
    );
    // `then` and `else` without `if` say nothing; `if` alone says nothing.
    static BRANCHES_ALONE: Node = Node {
        then_schema: Some(Schema::Bool(false)),
        else_schema: Some(Schema::Bool(false)),
        ..Node::ANY
    };
    assert_eq!(codes(&BRANCHES_ALONE, "1"), []);
    static CONDITION_ALONE: Node = Node {
        if_schema: Some(Schema::Bool(false)),
        ..Node::ANY
    };
    assert_eq!(codes(&CONDITION_ALONE, "1"), []);
}
