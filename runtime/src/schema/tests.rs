//! Keyword by keyword, the cases JSON Schema Validation 2020-12 §6 defines, with the edges.

use std::sync::LazyLock;

use super::*;
use crate::Code;

fn codes(schema: &Schema, text: &str) -> Vec<(String, &'static str)> {
    let value = Json::from_slice(text.as_bytes()).expect("test JSON");
    let mut out = Violations::new();
    check(schema, &value, &Location::Root, &mut out);
    out.iter()
        .map(|v| (v.path().to_owned(), v.code().as_str()))
        .collect()
}

fn valid(schema: &Schema, text: &str) -> bool {
    codes(schema, text).is_empty()
}

fn at(path: &str, code: &'static str) -> (String, &'static str) {
    (path.to_owned(), code)
}

static MINIMUM: Node = Node {
    minimum: Some("1.1"),
    ..Node::ANY
};

#[test]
fn a_keyword_applies_to_its_own_type_only() {
    let schema = Schema::Node(&MINIMUM);
    assert!(valid(&schema, "1.1"));
    assert!(valid(&schema, "2"));
    assert_eq!(codes(&schema, "0.6"), [at("", "minimum")]);
    // Not a number: minimum says nothing.
    for other in [r#""x""#, "true", "null", "[]", "{}"] {
        assert!(valid(&schema, other), "{other}");
    }
    static MAX_LENGTH: Node = Node {
        max_length: Some(2),
        ..Node::ANY
    };
    let schema = Schema::Node(&MAX_LENGTH);
    assert_eq!(codes(&schema, r#""foo""#), [at("", "maxLength")]);
    assert!(valid(&schema, r#""💩💩""#), "code points, not bytes");
    assert!(valid(&schema, "100"));
}

#[test]
fn integer_is_a_number_without_a_fraction() {
    static INTEGER: Node = Node {
        types: Some(&[JsonType::Integer]),
        ..Node::ANY
    };
    let schema = Schema::Node(&INTEGER);
    for ok in [
        "1",
        "1.0",
        "-0",
        "1e3",
        "10e-1",
        "1.00000000000000000000000000000",
        "123456789012345678901234567890123456789",
        "1234567890123456789012345678901234567890e-1",
        "12e40",
    ] {
        assert!(valid(&schema, ok), "{ok}");
    }
    for bad in [
        "1.5",
        "1e-3",
        "0.5",
        "12345678901234567890123456789012345678901e-1",
        r#""1""#,
        "null",
    ] {
        assert_eq!(codes(&schema, bad), [at("", "type")], "{bad}");
    }
}

#[test]
fn enum_and_const_compare_by_json_equality() {
    static ENUM: Node = Node {
        enumeration: Some(&[
            "1",
            "\"a\"",
            "null",
            "[1, {\"x\": true}]",
            "{\"b\": 2, \"a\": 1}",
        ]),
        ..Node::ANY
    };
    let schema = Schema::Node(&ENUM);
    for ok in [
        "1",
        "1.0",
        "1e0",
        r#""a""#,
        "null",
        r#"[1.0, {"x": true}]"#,
        r#"{"a": 1, "b": 2.0}"#,
    ] {
        assert!(valid(&schema, ok), "{ok}");
    }
    for bad in ["4", "true", r#""A""#, "[1]", r#"{"a": 1}"#, "0"] {
        assert_eq!(codes(&schema, bad), [at("", "enum")], "{bad}");
    }
    static EMPTY: Node = Node {
        enumeration: Some(&[]),
        ..Node::ANY
    };
    assert_eq!(
        codes(&Schema::Node(&EMPTY), "1"),
        [at("", "enum")],
        "enum: [] allows nothing"
    );
    static CONST: Node = Node {
        constant: Some("2"),
        ..Node::ANY
    };
    assert!(valid(&Schema::Node(&CONST), "2.0"));
    assert_eq!(codes(&Schema::Node(&CONST), "5"), [at("", "const")]);
    static CONST_NULL: Node = Node {
        constant: Some("null"),
        ..Node::ANY
    };
    assert!(valid(&Schema::Node(&CONST_NULL), "null"));
    assert_eq!(codes(&Schema::Node(&CONST_NULL), "0"), [at("", "const")]);
}

#[test]
fn unique_items_uses_json_equality() {
    static UNIQUE: Node = Node {
        unique_items: true,
        ..Node::ANY
    };
    let schema = Schema::Node(&UNIQUE);
    assert!(valid(&schema, r#"[1, "1", true, null, [1], {"a": 1}]"#));
    assert_eq!(codes(&schema, "[1, 1.0]"), [at("/1", "uniqueItems")]);
    assert_eq!(
        codes(&schema, r#"[{"a": 1, "b": 2}, {"b": 2, "a": 1}]"#),
        [at("/1", "uniqueItems")]
    );
    assert!(valid(&schema, r#"[{"a": 1}, {"a": 2}]"#));
    assert!(valid(&schema, r#"{"not": "an array"}"#));
}

#[test]
fn object_keywords_without_type_apply_to_objects_only() {
    static OBJECT: Node = Node {
        properties: &[("a", Schema::Node(&MINIMUM))],
        required: &["a", "b"],
        min_properties: Some(2),
        max_properties: Some(3),
        additional_properties: Some(Schema::Bool(false)),
        ..Node::ANY
    };
    let schema = Schema::Node(&OBJECT);
    assert!(
        valid(&schema, "12"),
        "not an object: the keywords do not apply"
    );
    assert_eq!(
        codes(&schema, r#"{"a": 0}"#),
        [
            at("/b", "required"),
            at("", "minProperties"),
            at("/a", "minimum")
        ]
    );
    assert_eq!(
        codes(&schema, r#"{"a": 2, "b": 1, "c": 1, "d": 1}"#),
        [
            at("", "maxProperties"),
            at("/b", "additionalProperties"),
            at("/c", "additionalProperties"),
            at("/d", "additionalProperties")
        ]
    );
}

#[test]
fn combinators() {
    static SHORT: Node = Node {
        max_length: Some(2),
        ..Node::ANY
    };
    static LONG: Node = Node {
        min_length: Some(4),
        ..Node::ANY
    };
    static STRING_ANY_OF: Node = Node {
        types: Some(&[JsonType::String]),
        any_of: &[Schema::Node(&SHORT), Schema::Node(&LONG)],
        ..Node::ANY
    };
    let schema = Schema::Node(&STRING_ANY_OF);
    assert_eq!(
        codes(&schema, "3"),
        [at("", "type")],
        "type beside anyOf applies"
    );
    assert!(valid(&schema, r#""ab""#));
    assert_eq!(codes(&schema, r#""abc""#), [at("", "anyOf")]);

    static MAX_30: Node = Node {
        maximum: Some("30"),
        ..Node::ANY
    };
    static MIN_20: Node = Node {
        minimum: Some("20"),
        ..Node::ANY
    };
    static ALL_OF: Node = Node {
        all_of: &[Schema::Node(&MAX_30), Schema::Node(&MIN_20)],
        ..Node::ANY
    };
    let schema = Schema::Node(&ALL_OF);
    assert!(valid(&schema, "25"));
    assert_eq!(codes(&schema, "35"), [at("", "maximum")]);

    static ONE_OF: Node = Node {
        one_of: &[Schema::Node(&MAX_30), Schema::Node(&MIN_20)],
        ..Node::ANY
    };
    let schema = Schema::Node(&ONE_OF);
    assert!(valid(&schema, "10"));
    assert_eq!(codes(&schema, "25"), [at("", "oneOf")], "matches both");
    // In a response, a value both alternatives accept is read; one neither accepts is not.
    static ONE_OF_RESPONSE: Node = Node {
        one_of: &[Schema::Node(&MAX_30), Schema::Node(&MIN_20)],
        one_of_lenient: true,
        ..Node::ANY
    };
    static NONE_MATCH: Node = Node {
        one_of: &[Schema::Node(&MAX_30), Schema::Bool(false)],
        one_of_lenient: true,
        ..Node::ANY
    };
    assert!(valid(&Schema::Node(&ONE_OF_RESPONSE), "25"));
    assert_eq!(codes(&Schema::Node(&NONE_MATCH), "35"), [at("", "oneOf")]);

    static NOT: Node = Node {
        not: Some(Schema::Node(&MIN_20)),
        ..Node::ANY
    };
    assert!(valid(&Schema::Node(&NOT), "10"));
    assert_eq!(codes(&Schema::Node(&NOT), "20"), [at("", "not")]);
}

#[test]
fn boolean_schemas_nullable_and_references() {
    assert!(valid(&Schema::Bool(true), r#"{"any": ["thing"]}"#));
    assert_eq!(codes(&Schema::Bool(false), "null"), [at("", "false")]);
    static NULLABLE_STRING: Node = Node {
        types: Some(&[JsonType::String]),
        nullable: true,
        ..Node::ANY
    };
    assert!(valid(&Schema::Node(&NULLABLE_STRING), "null"));
    assert_eq!(
        codes(&Schema::Node(&NULLABLE_STRING), "1"),
        [at("", "type")]
    );
    static ITEMS: Node = Node {
        items: Some(Schema::Check(
            <String as crate::CheckJson>::check_json,
            <String as crate::CheckJson>::check_json_evaluated,
        )),
        ..Node::ANY
    };
    assert_eq!(
        codes(&Schema::Node(&ITEMS), r#"["a", 1]"#),
        [at("/1", "type")]
    );
}

#[test]
fn patterns_and_formats_apply_to_strings() {
    static DIGITS: LazyLock<crate::pattern::Matcher> =
        LazyLock::new(|| crate::pattern::compile("^[0-9]+$").expect("a valid pattern"));
    static STRING: Node = Node {
        pattern: Some(Pattern {
            source: "^[0-9]+$",
            regex: &DIGITS,
        }),
        format: Some("date-time"),
        ..Node::ANY
    };
    let schema = Schema::Node(&STRING);
    assert_eq!(
        codes(&schema, r#""x""#),
        [at("", "pattern"), at("", "format")]
    );
    assert!(valid(&schema, "12"));
    assert_eq!(Code::UniqueItems.as_str(), "uniqueItems");
}

#[test]
fn json_equality_of_numbers() {
    let eq = |a: &str, b: &str| {
        json_equal(
            &Json::from_slice(a.as_bytes()).unwrap(),
            &Json::from_slice(b.as_bytes()).unwrap(),
        )
    };
    assert!(eq("1", "1.0"));
    assert!(eq("-0", "0"));
    assert!(eq("12e40", "120e39"));
    assert!(eq(
        "123456789012345678901234567890123456789",
        "1.23456789012345678901234567890123456789e38"
    ));
    assert!(!eq(
        "123456789012345678901234567890123456789",
        "123456789012345678901234567890123456788"
    ));
    assert!(!eq("1", "\"1\""));
    // Longer than a decimal holds, yet equal; and exponents beyond any range kept apart.
    assert!(eq("1", "1.00000000000000000000000000000"));
    assert!(eq(
        "79228162514264337593543950335",
        "79228162514264337593543950335.0"
    ));
    assert!(eq("0.005", "5e-3"));
    assert!(!eq("0.005", "0.05"));
    assert!(!eq("1", "1e99999999999999999999"));
    assert!(eq("-0.0", "0"));
}

fn nothing(value: &Json<'_>, at: &Location<'_>, out: &mut Violations, _: &mut super::Evaluated) {
    endless(value, at, out);
}

fn endless(value: &Json<'_>, at: &Location<'_>, out: &mut Violations) {
    static SELF: Node = Node {
        not: Some(Schema::Check(endless, nothing)),
        ..Node::ANY
    };
    check(&Schema::Node(&SELF), value, at, out);
}

#[test]
fn a_schema_that_refers_to_itself_without_end_is_a_violation_not_a_stack_overflow() {
    let found = codes(&Schema::Check(endless, nothing), "1");
    assert!(!found.is_empty());
    assert!(found.iter().all(|(path, _)| path.is_empty()), "{found:?}");
    // The depth is back to zero: an ordinary check afterwards is unaffected.
    assert!(valid(&Schema::Node(&MINIMUM), "2"));
}
