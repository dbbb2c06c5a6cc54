//! trybuild UI tests: compile-fail cases with their expected diagnostics (`*.stderr`) and pass
//! cases that must compile and run.
//!
//! One `#[test]` per area, each with its own folder under `tests/ui/`. Regenerate the `.stderr`
//! files with `TRYBUILD=overwrite cargo test -p payments-tests --test ui`.

/// The `Validate`/`WireEnum` derives and `check_literal!`: every attribute misuse, and uses that
/// must compile and behave.
#[test]
fn derive_ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("ui/derive/pass/*.rs");
    cases.compile_fail("ui/derive/*.rs");
}

/// The generated models: a missing required field, an undocumented variant and literals that
/// break their documented rules do not compile; valid literals do and build their values.
#[test]
fn models_ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("ui/models/pass/*.rs");
    cases.compile_fail("ui/models/*.rs");
}

/// `include_spec!`: bundled and fixture specs expand to working models and operations; a
/// dangling `$ref` is a compile error naming the file and the JSON Pointer at the macro call.
#[test]
fn include_ui() {
    // trybuild builds the cases as a crate in <target>/tests/trybuild/payments-tests, which is
    // then the CARGO_MANIFEST_DIR `include_spec!` resolves paths against: put the specs there,
    // at the paths the cases give (relative to this crate, as they would be here).
    let project =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../tests/trybuild/payments-tests");
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for spec in [
        "../specs/papaya.yaml",
        "ui/include/operations.yaml",
        "ui/include/dangling_ref.yaml",
    ] {
        let target = project.join(spec);
        let parent = target.parent().expect("a file path");
        std::fs::create_dir_all(parent).expect("the trybuild project folder");
        std::fs::copy(here.join(spec), &target).expect("the spec is copied");
    }
    let cases = trybuild::TestCases::new();
    cases.pass("ui/include/pass/*.rs");
    cases.compile_fail("ui/include/*.rs");
}

/// The payload macros (`papaya::create_payment_request!({…})`, `include_payload!`): literals and
/// fixtures that break their schema do not compile, every violation at its token with the JSON
/// Pointer and keyword `parse` reports; valid ones expand to the value `parse` reads.
#[test]
fn payload_ui() {
    // Fixture paths are relative to the trybuild project's Cargo.toml (see `include_ui`).
    let project =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../tests/trybuild/payments-tests");
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for fixture in [
        "ui/payload/fixtures/create.json",
        "ui/payload/fixtures/bad_create.json",
    ] {
        let target = project.join(fixture);
        let parent = target.parent().expect("a file path");
        std::fs::create_dir_all(parent).expect("the trybuild project folder");
        std::fs::copy(here.join(fixture), &target).expect("the fixture is copied");
    }
    let cases = trybuild::TestCases::new();
    cases.pass("ui/payload/pass/*.rs");
    cases.compile_fail("ui/payload/*.rs");
}
