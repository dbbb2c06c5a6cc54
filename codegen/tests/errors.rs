//! What the generator cannot map is an error naming the spec file and the JSON Pointer of the
//! node — never a panic, never code that does not parse.

use payments_codegen::{convert, emit, load, EmitOptions, Error};
use std::path::Path;

fn generate(text: &str) -> Result<String, Error> {
    let doc = load::parse(Path::new("specs/acme.yaml"), text)?;
    let space = convert::convert(&doc)?;
    Ok(emit::emit(&space, &EmitOptions::default()).to_string())
}

fn with_schemas(schemas: &str) -> String {
    format!("openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}")
}

fn error_of(schemas: &str) -> Error {
    generate(&with_schemas(schemas)).expect_err("must not map")
}

#[test]
fn dangling_ref_names_the_file_and_the_ref_node() {
    let e = error_of("    A:\n      type: object\n      properties:\n        b: {$ref: '#/components/schemas/Nope'}\n");
    assert_eq!(e.spec_file(), Path::new("specs/acme.yaml"));
    assert_eq!(e.pointer(), Some("/components/schemas/A/properties/b/$ref"));
    assert!(
        e.message().contains("dangling `$ref`") && e.message().contains("Nope"),
        "{e}"
    );
    assert!(
        e.to_string()
            .starts_with("specs/acme.yaml at /components/schemas/A/properties/b/$ref: "),
        "{e}"
    );
}

#[test]
fn ref_cycle_without_an_object_is_an_error() {
    let e = error_of(
        "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n",
    );
    assert_eq!(e.pointer(), Some("/components/schemas/A/$ref"));
    assert!(
        e.message()
            .contains("cycle with no object in between: A → B → A"),
        "{e}"
    );
}

#[test]
fn all_of_cycle_is_an_error() {
    let e = error_of(
        "    A:\n      allOf: [{$ref: '#/components/schemas/B'}, {type: object}]\n    B:\n      allOf: [{$ref: '#/components/schemas/A'}, {type: object}]\n",
    );
    assert!(e.message().contains("cycle through allOf"), "{e}");
    assert!(e.pointer().is_some_and(|p| p.ends_with("/$ref")), "{e}");
}

#[test]
fn all_of_over_a_non_object_is_checked_not_refused() {
    // An object and "a string or an integer": JSON Schema's allOf of the two, which no
    // value satisfies; it is a checked type, not an error.
    let code = generate(&with_schemas(
        "    A:\n      allOf:\n        - {type: object, properties: {a: {type: string}}}\n        - oneOf: [{type: string}, {type: integer}]\n",
    ))
    .expect("maps to a checked type");
    assert!(code.contains("pub struct A (pub JsonValue)"), "{code}");
    assert!(code.contains("one_of"), "{code}");
}

#[test]
fn external_refs_and_impossible_rules_are_errors() {
    let e = error_of(
        "    A:\n      type: object\n      properties:\n        b: {$ref: 'other.yaml#/B'}\n",
    );
    assert!(
        e.message().contains("other documents are not supported"),
        "{e}"
    );
    let e = error_of("    A: {type: integer, minimum: 5, maximum: 1}\n");
    assert_eq!(
        e.pointer(),
        Some("/components/schemas/A/minimum"),
        "node and keyword"
    );
    assert!(
        e.message()
            .contains("no number satisfies minimum 5 and maximum 1"),
        "{e}"
    );
    let e = error_of("    A: {type: string, pattern: '^(?=a)(b'}\n");
    assert!(
        e.message().contains("pattern `^(?=a)(b` cannot be used"),
        "{e}"
    );
    assert_eq!(e.pointer(), Some("/components/schemas/A/pattern"), "{e}");
    // Look-around is JSON Schema's (ECMA-262's) to allow: it generates.
    generate(&with_schemas(
        "    A: {type: string, pattern: '^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$'}\n",
    ))
    .expect("a look-ahead pattern runs on the backtracking engine");
    let e = error_of("    A: {type: number, multipleOf: 0}\n");
    assert!(e.message().contains("multipleOf must be above 0"), "{e}");
    assert_eq!(e.pointer(), Some("/components/schemas/A/multipleOf"), "{e}");
    let e = error_of("    A: {type: array, minItems: 3, maxItems: 1}\n");
    assert!(
        e.message().contains("minItems 3 is above maxItems 1"),
        "{e}"
    );
    assert_eq!(e.pointer(), Some("/components/schemas/A/minItems"), "{e}");
}

#[test]
fn malformed_documents_are_errors_with_positions() {
    let e = generate("openapi: 3.0.3\ninfo: [\n").expect_err("malformed YAML");
    assert!(e.message().starts_with("not valid YAML"), "{e}");
    let e = load::parse(Path::new("acme.json"), "{\"openapi\": \"3.0.3\",}")
        .expect_err("malformed JSON");
    assert!(e.to_string().starts_with("acme.json:1:"), "{e}");
    let e = generate("openapi: 4.0.0\n").expect_err("unknown version");
    assert_eq!(e.pointer(), Some("/openapi"));
}

/// Deterministic mutations of real documents (a node removed, or replaced by a value of
/// another JSON type): the generator returns `Ok` with code that parses as Rust, or an `Err` —
/// it never panics.
#[test]
fn mutated_documents_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut seeds = Vec::new();
    for stem in [
        "layer2",
        "formance-v1",
        "formance-v3",
        "flexprice",
        "papaya",
    ] {
        let text = std::fs::read_to_string(root.join(format!("specs/{stem}.yaml"))).expect("spec");
        seeds.push(serde_norway::from_str::<serde_json::Value>(&text).expect("yaml"));
    }
    let text = std::fs::read_to_string(root.join("codegen/tests/fixtures/constructs.yaml"))
        .expect("fixture");
    seeds.push(serde_norway::from_str(&text).expect("yaml"));

    let replacements = [
        serde_json::Value::Null,
        serde_json::json!(7),
        serde_json::json!("x"),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!({"$ref": "#/components/schemas/Missing"}),
    ];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let (mut ok, mut err) = (0, 0);
    for round in 0..1500 {
        let mut doc = seeds[round % seeds.len()].clone();
        let mut pointers = Vec::new();
        collect_pointers(&doc, String::new(), &mut pointers);
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let target = &pointers[(state as usize) % pointers.len()];
        let replacement = replacements[(state >> 32) as usize % replacements.len()].clone();
        if let Some(node) = doc.pointer_mut(target) {
            *node = replacement;
        }
        let text = serde_json::to_string(&doc).expect("json");
        let outcome = std::panic::catch_unwind(|| {
            let doc = load::parse(Path::new("mutated.json"), &text)?;
            let space = convert::convert(&doc)?;
            Ok::<_, Error>(emit::emit(&space, &EmitOptions::default()))
        });
        match outcome {
            Ok(Ok(tokens)) => {
                syn::parse2::<syn::File>(tokens)
                    .unwrap_or_else(|e| panic!("mutation at {target}: code does not parse: {e}"));
                ok += 1;
            }
            Ok(Err(e)) => {
                assert_eq!(e.spec_file(), Path::new("mutated.json"));
                err += 1;
            }
            Err(_) => panic!("the generator panicked on a mutation at {target}"),
        }
    }
    assert!(
        ok > 0 && err > 0,
        "mutations should both pass and fail: {ok} ok, {err} errors"
    );
}

fn collect_pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                collect_pointers(
                    child,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                collect_pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// JSON Schema keywords no generated check applies are refused at their own pointer, naming
/// the keyword — in a component, inline in a property, and in a 3.1 document.
#[test]
fn keywords_without_a_check_are_refused_at_their_pointer() {
    {
        let (keyword, name) = ("$dynamicRef: '#meta'", "$dynamicRef");
        let e = error_of(&format!(
            "    A:\n      type: object\n      properties:\n        b: {{{keyword}}}\n"
        ));
        assert_eq!(
            e.pointer(),
            Some(
                format!(
                    "/components/schemas/A/properties/b/{}",
                    name.replace('/', "~1")
                )
                .as_str()
            ),
            "{keyword}: {e}"
        );
        assert!(
            e.message().contains(&format!("`{name}` is not supported")),
            "{e}"
        );
        let e = error_of(&format!("    A: {{{keyword}}}\n"));
        assert_eq!(
            e.pointer(),
            Some(format!("/components/schemas/A/{name}").as_str()),
            "{e}"
        );
    }
    let doc = r##"{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
        "components": {"schemas": {"A": {"type": ["array", "null"], "items": {"$dynamicRef": "#item"}}}}}"##;
    let e = payments_codegen::load::parse(Path::new("specs/acme.json"), doc)
        .and_then(|doc| convert::convert(&doc))
        .expect_err("$dynamicRef is refused");
    assert_eq!(
        e.pointer(),
        Some("/components/schemas/A/items/$dynamicRef"),
        "{e}"
    );
}

/// `unevaluatedProperties` and `unevaluatedItems` are enforced (tests/constructs.rs); a value
/// that is no schema is refused at the keyword.
#[test]
fn unevaluated_keywords_are_checked_and_malformed_ones_refused_at_their_pointer() {
    let code = generate(&with_schemas(
        "    A:\n      properties: {a: {type: string}}\n      unevaluatedProperties: false\n    B:\n      prefixItems: [{type: string}]\n      unevaluatedItems: {type: integer}\n",
    ))
    .expect("maps to checked types");
    assert!(code.contains("unevaluated_properties"), "{code}");
    assert!(code.contains("unevaluated_items"), "{code}");
    for keyword in ["unevaluatedProperties", "unevaluatedItems"] {
        let e = error_of(&format!("    A:\n      {keyword}: 3\n"));
        assert_eq!(
            e.pointer(),
            Some(format!("/components/schemas/A/{keyword}").as_str()),
            "{e}"
        );
        assert!(
            e.message().contains("must be an object or a boolean"),
            "{e}"
        );
    }
}

/// The applicators and their validation keywords are enforced (tests/constructs.rs); a value
/// they cannot take is refused at the node that holds it.
#[test]
fn malformed_applicator_keywords_are_refused_at_their_pointer() {
    for (keyword, pointer, words) in [
        (
            "minContains: -1",
            "minContains",
            "`minContains` must be a non-negative integer",
        ),
        (
            "maxContains: 1.5",
            "maxContains",
            "`maxContains` must be a non-negative integer",
        ),
        (
            "prefixItems: {type: string}",
            "prefixItems",
            "`prefixItems` must be an array of schemas",
        ),
        (
            "dependentRequired: {a: b}",
            "dependentRequired",
            "must be an object of arrays of member names",
        ),
        (
            "dependentSchemas: [a]",
            "dependentSchemas",
            "`dependentSchemas` must be an object",
        ),
        (
            "patternProperties: {'(a': {}}",
            "patternProperties/(a",
            "pattern `(a` cannot be used",
        ),
        (
            "contains: 3",
            "contains",
            "a schema must be an object or a boolean",
        ),
        ("if: [1]", "if", "a schema must be an object or a boolean"),
    ] {
        let e = error_of(&format!("    A: {{{keyword}}}\n"));
        assert_eq!(
            e.pointer(),
            Some(format!("/components/schemas/A/{pointer}").as_str()),
            "{keyword}: {e}"
        );
        assert!(e.message().contains(words), "{keyword}: {e}");
    }
}

#[test]
fn a_member_both_read_only_and_write_only_is_refused_at_the_keyword() {
    let e = error_of("    A:\n      type: object\n      properties:\n        b: {type: string, readOnly: true, writeOnly: true}\n");
    assert_eq!(
        e.pointer(),
        Some("/components/schemas/A/properties/b/writeOnly")
    );
    assert!(e.message().contains("both readOnly and writeOnly"), "{e}");
    // Marked on the component the member's `$ref` names: the error is there.
    let e = error_of("    A:\n      type: object\n      properties:\n        b: {$ref: '#/components/schemas/B'}\n    B: {type: string, readOnly: true, writeOnly: true}\n");
    assert_eq!(e.pointer(), Some("/components/schemas/B/writeOnly"), "{e}");
}

/// Each error names the node and the keyword at fault, not the schema around it.
#[test]
fn errors_point_at_the_keyword() {
    for (schemas, pointer, words) in [
        (
            "    A:\n      type: object\n      properties:\n        b: {$ref: '#/definitions/B'}\n",
            "/components/schemas/A/properties/b/$ref",
            "only references to #/components/schemas/",
        ),
        (
            "    A:\n      type: object\n      properties:\n        b: {$ref: 'other.yaml#/B'}\n",
            "/components/schemas/A/properties/b/$ref",
            "references to other documents are not supported",
        ),
        (
            "    A:\n      type: object\n      properties:\n        b: {oneOf: []}\n",
            "/components/schemas/A/properties/b/oneOf",
            "`oneOf` with no alternatives",
        ),
        (
            "    A: {anyOf: []}\n",
            "/components/schemas/A/anyOf",
            "`anyOf` with no alternatives",
        ),
        // Two alternatives one discriminator value selects: two inline ones (neither has a
        // value of its own), or a `mapping` giving one's value to another component.
        (
            "    A:\n      oneOf:\n        - {type: object, properties: {kind: {type: string}}}\n        - {type: object, properties: {name: {type: string}}}\n      discriminator: {propertyName: kind}\n",
            "/components/schemas/A/discriminator",
            "discriminator value \"\" selects both",
        ),
        (
            "    A:\n      oneOf: [{$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Puppy'}]\n      discriminator: {propertyName: kind, mapping: {Dog: '#/components/schemas/Puppy'}}\n    Dog: {type: object, properties: {kind: {type: string}}}\n    Puppy: {type: object, properties: {kind: {type: string}}}\n",
            "/components/schemas/A/discriminator",
            "discriminator value \"Dog\" selects both `Dog` and `Puppy`",
        ),
    ] {
        let e = error_of(schemas);
        assert_eq!(e.pointer(), Some(pointer), "{schemas}: {e}");
        assert!(e.message().contains(words), "{schemas}: {e}");
    }
}
