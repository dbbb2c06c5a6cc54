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
