//! The generator on the providers' complete official specs (Formance: 486 schemas, Flexprice:
//! 227). Each is generated into a scratch crate under target/ at test time (the third-party
//! specs and code generated from them never enter the repository), built with zero rustc and
//! clippy warnings, and a payload for every component schema, assembled from the spec's own
//! examples, must parse and serialize back to the same JSON.

use payments_tests::{real_spec_path, root, synth};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Payloads built from the official specs' own examples that break the specs' own schemas: they
/// must be rejected with exactly these violations. Formance documents `V2MigrationInfo.version`
/// as `type: string` with `example: 11` (and `MigrationInfo.version` as `{type: string,
/// minimum: 0}`, which the typed view used to read as untyped, dropping the `type`), and several schemas require a member their
/// `properties` do not declare and no example carries: `Contract` requires `accounts` (it
/// declares `account`), `V3Instance` requires `udpatedAt` (it declares `updatedAt`),
/// `V2ConfigInfo` requires `config`, `CursorBase` requires `data` and `TaskBase` requires
/// `descriptor`, each left to the schemas that extend them with `allOf`.
const KNOWN_INVALID: &[(&str, &[(&str, &str)])] = &[
    ("V2MigrationInfo", &[("/version", "type")]),
    ("MigrationInfo", &[("/version", "type")]),
    ("LedgerInfo", &[("/storage/migrations/0/version", "type")]),
    (
        "LedgerInfoResponse",
        &[("/data/storage/migrations/0/version", "type")],
    ),
    ("Contract", &[("/accounts", "required")]),
    ("Mapping", &[("/contracts/0/accounts", "required")]),
    (
        "MappingResponse",
        &[("/data/contracts/0/accounts", "required")],
    ),
    ("V2ConfigInfo", &[("/config", "required")]),
    ("V2ConfigInfoResponse", &[("/config", "required")]),
    ("CursorBase", &[("/data", "required")]),
    ("TaskBase", &[("/descriptor", "required")]),
    ("V3Instance", &[("/udpatedAt", "required")]),
    (
        "V3ConnectorScheduleInstancesCursorResponse",
        &[("/cursor/data/0/udpatedAt", "required")],
    ),
    ("V2LedgerInfo", &[("/storage/migrations/0/version", "type")]),
    (
        "V2LedgerInfoResponse",
        &[("/data/storage/migrations/0/version", "type")],
    ),
];

const SPECS: &[(&str, &str)] = &[
    ("formance-stack-v3.0.json", "formance-full-models"),
    (
        "flexprice-swagger-3-0-2025-08-04.json",
        "flexprice-full-models",
    ),
];

#[test]
fn full_official_specs_generate_compile_cleanly_and_round_trip() {
    for (file, crate_name) in SPECS {
        let Some(spec) = real_spec_path(file) else {
            continue;
        };
        check_spec(&spec, crate_name);
    }
}

fn check_spec(spec: &Path, crate_name: &str) {
    let dir = root().join("target/full-specs").join(crate_name);
    let generated = payments_codegen::standalone::crate_files(spec, crate_name, &root())
        .unwrap_or_else(|e| panic!("generation failed: {e}"));
    for (path, text) in &generated.files {
        write(&dir.join(path), text);
    }
    // Same dependency versions as this workspace, and no registry resolution in the test.
    write(
        &dir.join("Cargo.lock"),
        &std::fs::read_to_string(root().join("Cargo.lock")).expect("Cargo.lock"),
    );

    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(spec).expect("spec")).expect("JSON spec");
    let loaded = payments_codegen::load::load(spec).expect("loads");
    let space = payments_codegen::convert::convert(&loaded).expect("converts");
    let mut cases = Vec::new();
    for def in space.types() {
        let Some(name) = def.pointer.strip_prefix("/components/schemas/") else {
            continue;
        };
        if name.contains('/') {
            continue; // an inline type; covered through its component
        }
        let schema = serde_json::json!({ "$ref": format!("#/components/schemas/{name}") });
        cases.push((
            def.name.clone(),
            serde_json::to_string(&synth::instance(&doc, &schema)).expect("json"),
        ));
    }
    assert!(
        cases.len() > 200,
        "{}: only {} component types",
        spec.display(),
        cases.len()
    );
    write(
        &dir.join("src/bin/roundtrip.rs"),
        &harness(crate_name, &cases),
    );

    let target = root().join("target/full-specs-target");
    let build = cargo(&dir, &target, &["build", "--bins"], &[]);
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(
        build.status.success(),
        "{}: generated crate does not build:\n{stderr}",
        spec.display()
    );
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert!(
        warnings.is_empty(),
        "{}: generated crate has warnings:\n{}",
        spec.display(),
        warnings.join("\n")
    );
    // The generated models meet the workspace's own bar: clippy with warnings denied.
    let clippy = cargo(&dir, &target, &["clippy", "--lib"], &["-D", "warnings"]);
    assert!(
        clippy.status.success(),
        "{}: clippy warns about the generated crate:\n{}",
        spec.display(),
        String::from_utf8_lossy(&clippy.stderr)
    );

    let cases_file = dir.join("cases.json");
    write(&cases_file, &serde_json::to_string(&cases).expect("json"));
    let run = Command::new(target.join("debug/roundtrip"))
        .arg(&cases_file)
        .output()
        .expect("harness runs");
    assert!(
        run.status.success(),
        "harness failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let results: Vec<(String, Result<String, String>)> =
        serde_json::from_slice(&run.stdout).expect("harness output");
    assert_eq!(results.len(), cases.len());
    let mut failures = Vec::new();
    let mut known = 0;
    for ((ty, sent), (_, result)) in cases.iter().zip(&results) {
        let sent: Value = serde_json::from_str(sent).expect("json");
        match result {
            Ok(back) => {
                let back: Value = serde_json::from_str(back).expect("json");
                if back != sent {
                    failures.push(format!(
                        "{ty}: round trip changed the payload\n  sent {sent}\n  back {back}"
                    ));
                }
            }
            Err(violations) => {
                let listed: Vec<String> = violations.lines().map(str::to_owned).collect();
                match KNOWN_INVALID.iter().find(|(name, _)| name == ty) {
                    Some((_, expected)) => {
                        let paths_and_codes: Vec<(String, String)> =
                            listed.iter().map(|l| path_and_code(l)).collect();
                        let expected: Vec<(String, String)> = expected
                            .iter()
                            .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
                            .collect();
                        if paths_and_codes != expected {
                            failures.push(format!(
                                "{ty}: expected {expected:?}, got {paths_and_codes:?}"
                            ));
                        }
                        known += 1;
                    }
                    None => {
                        failures.push(format!("{ty}: rejected {sent}\n  {}", listed.join("\n  ")))
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}: {} of {} component payloads failed:\n{}",
        spec.display(),
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    eprintln!(
        "{}: {} types generated, {} component payloads round-tripped, {known} known-invalid rejected exactly",
        spec.display(),
        generated.type_count,
        cases.len() - known
    );
}

/// `(path, code)` of a violation's display line `/a/b: message (code)`.
fn path_and_code(line: &str) -> (String, String) {
    let path = line.split(": ").next().unwrap_or_default();
    let path = if path == "(root)" { "" } else { path };
    let code = line
        .rsplit('(')
        .next()
        .unwrap_or_default()
        .trim_end_matches(')');
    (path.to_owned(), code.to_owned())
}

/// `cargo COMMAND --quiet --message-format=short` on the generated crate in `dir`, then
/// `-- TOOL_ARGS` when there are any.
fn cargo(dir: &Path, target: &Path, command: &[&str], tool_args: &[&str]) -> Output {
    let mut cargo = Command::new(env!("CARGO"));
    cargo
        .args(command)
        .args(["--quiet", "--message-format=short", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target);
    if !tool_args.is_empty() {
        cargo.arg("--").args(tool_args);
    }
    cargo.output().expect("cargo runs")
}

fn write(path: &PathBuf, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("scratch dir");
    }
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).expect("scratch file");
    }
}

/// A binary that parses each (type, payload) case as that type and prints what serializing it
/// back gives, or the violations.
fn harness(crate_name: &str, cases: &[(String, String)]) -> String {
    let krate = crate_name.replace('-', "_");
    let mut arms = String::new();
    let mut seen = std::collections::BTreeSet::new();
    for (ty, _) in cases {
        if seen.insert(ty) {
            arms.push_str(&format!(
                "        \"{ty}\" => rt::<{krate}::{ty}>(&json),\n"
            ));
        }
    }
    format!(
        r#"//! Generated by the full-spec test: round-trips payloads through the generated types.
use serde::{{de::DeserializeOwned, Serialize}};

fn rt<T: DeserializeOwned + Serialize + payments_runtime::Validate + payments_runtime::CheckJson>(json: &str) -> Result<String, String> {{
    let value: T = payments_runtime::parse(json.as_bytes()).map_err(|e| e.to_string())?;
    serde_json::to_string(&value).map_err(|e| e.to_string())
}}

fn main() {{
    let path = std::env::args().nth(1).expect("cases file");
    let cases: Vec<(String, String)> = serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("cases");
    let mut out = Vec::new();
    for (ty, json) in cases {{
        let result = match ty.as_str() {{
{arms}            _ => Err(format!("no type {{ty}}")),
        }};
        out.push((ty, result));
    }}
    println!("{{}}", serde_json::to_string(&out).expect("json"));
}}
"#
    )
}
