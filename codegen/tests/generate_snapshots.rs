//! Snapshots of generated code: the construct fixtures (3.0 YAML and 3.1 JSON). The bundled
//! provider specs are snapshotted by `cargo xtask codegen --check` against payments-models/src.
//! Regenerate after an intended change with `EXPECTORATE=overwrite cargo test -p payments-codegen --test generate_snapshots`.

use payments_codegen::{generate_file, EmitOptions, Options};
use std::path::Path;

fn snapshot(fixture: &str, snapshot: &str) {
    snapshot_in(fixture, snapshot, "constructs");
}

/// The fixture's code as the module `module` of a crate would hold it.
fn snapshot_in(fixture: &str, snapshot: &str, module: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let options = Options {
        spec_label: format!("codegen/tests/fixtures/{fixture}"),
        emit: EmitOptions {
            module_path: Some(module.into()),
            macro_prefix: Some(module.into()),
            ..EmitOptions::default()
        },
    };
    let generated =
        generate_file(&dir.join("fixtures").join(fixture), &options).expect("fixture generates");
    expectorate::assert_contents(
        dir.join("snapshots/generated").join(snapshot),
        &generated.source,
    );
}

#[test]
fn openapi_30_constructs() {
    snapshot("constructs.yaml", "constructs.rs");
}

#[test]
fn servers_security_and_parameter_styles() {
    snapshot_in("transport.yaml", "transport.rs", "transport");
}

#[test]
fn openapi_31_constructs() {
    snapshot("openapi-31.json", "openapi_31.rs");
}

/// Carriage returns, U+2028, control characters, backticks, `*/` and quotes in every position
/// a spec holds a string: the rendered text is what rustc compiles (tests/tests/constructs.rs
/// includes this snapshot), so a bare carriage return in a `///` line would fail the build.
#[test]
fn hostile_strings() {
    snapshot_in("hostile-strings.json", "hostile_strings.rs", "hostile");
}

/// One schema per validation keyword: the checked any-JSON types as they are written.
#[test]
fn keyword_schemas() {
    snapshot_in("keywords.json", "keywords.rs", "keywords");
}

#[test]
fn generation_is_deterministic() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/constructs.yaml");
    let options = Options::default();
    let first = generate_file(&spec, &options).expect("generates");
    let second = generate_file(&spec, &options).expect("generates");
    assert_eq!(first.source, second.source);
}

/// `generate_file` renders the parts of a module on several threads; the text is the one the
/// whole token stream formats to in one piece, for the fixtures and every bundled spec.
#[test]
fn parallel_rendering_matches_rendering_in_one_piece() {
    use payments_codegen::{convert, emit, load, render_file, render_space};

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut specs = vec![
        root.join("tests/fixtures/constructs.yaml"),
        root.join("tests/fixtures/openapi-31.json"),
    ];
    for provider in [
        "layer2",
        "formance-v1",
        "formance-v3",
        "flexprice",
        "papaya",
    ] {
        specs.push(root.join("../specs").join(format!("{provider}.yaml")));
    }
    let options = Options {
        spec_label: "spec".into(),
        emit: EmitOptions {
            module_path: Some("models".into()),
            macro_prefix: Some("models".into()),
            ..EmitOptions::default()
        },
    };
    for spec in specs {
        let doc = load::load(&spec).expect("loads");
        let space = convert::convert(&doc).expect("converts");
        let whole = render_file(&doc, &space, emit::emit(&space, &options.emit), &options)
            .expect("renders");
        let parallel = render_space(&doc, &space, &options).expect("renders");
        assert_eq!(parallel, whole, "{}", spec.display());
        assert!(whole.source.contains("pub struct"), "{}", spec.display());
    }
}
