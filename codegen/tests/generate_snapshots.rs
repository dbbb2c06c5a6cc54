//! Snapshots of generated code: the construct fixtures (3.0 YAML and 3.1 JSON). The bundled
//! provider specs are snapshotted by `cargo xtask codegen --check` against payments-models/src.
//! Regenerate after an intended change with `EXPECTORATE=overwrite cargo test -p payments-codegen --test generate_snapshots`.

use payments_codegen::{generate_file, EmitOptions, Options};
use std::path::Path;

fn snapshot(fixture: &str, snapshot: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let options = Options {
        spec_label: format!("codegen/tests/fixtures/{fixture}"),
        emit: EmitOptions {
            module_path: Some("constructs".into()),
            macro_prefix: Some("constructs".into()),
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
fn openapi_31_constructs() {
    snapshot("openapi-31.json", "openapi_31.rs");
}

#[test]
fn generation_is_deterministic() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/constructs.yaml");
    let options = Options::default();
    let first = generate_file(&spec, &options).expect("generates");
    let second = generate_file(&spec, &options).expect("generates");
    assert_eq!(first.source, second.source);
}
