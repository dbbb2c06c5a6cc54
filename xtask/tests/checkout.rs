//! The xtask works on the checkout it runs in, not the one it was built from (issue 12 §3).
//!
//! Cargo's fingerprints are relocatable: a second checkout sharing `CARGO_TARGET_DIR` with this
//! one, whose sources are no newer than the shared build, reuses this checkout's xtask binary.
//! The tests copy this repository (its tracked and untracked, non-ignored files) into a
//! temporary directory with old modification times, so that `cargo xtask` in the copy runs
//! the binary built here (nothing is built from the copy, so the shared target directory keeps
//! only what this checkout built), and check that specs are read from and models written into
//! the copy while this checkout is left alone.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

/// This checkout (the one the xtask under test was built from).
fn original() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .expect("xtask/ has a parent")
        .to_path_buf()
}

/// The target directory this test was built into (the first ancestor of the xtask binary that
/// holds cargo's `CACHEDIR.TAG`).
fn shared_target() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_xtask"))
        .ancestors()
        .find(|dir| dir.join("CACHEDIR.TAG").is_file())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| original().join("target"))
}

/// A fresh directory under the system's temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir.canonicalize().expect("canonical temp dir"))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies this checkout's tracked and untracked, non-ignored files to `to`, dated 2001 (older
/// than any build).
fn copy_checkout(to: &Path) {
    let from = original();
    let listed = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(&from)
        .output()
        .expect("git runs (the test copies the checkout with `git ls-files`)");
    assert!(
        listed.status.success(),
        "git ls-files: {}",
        String::from_utf8_lossy(&listed.stderr)
    );
    for name in listed.stdout.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = std::str::from_utf8(name).expect("UTF-8 file name");
        let source = from.join(name);
        if !source.is_file() {
            continue; // tracked but deleted in the working tree
        }
        let dest = to.join(name);
        std::fs::create_dir_all(dest.parent().expect("parent")).expect("create dir");
        std::fs::copy(&source, &dest).unwrap_or_else(|e| panic!("copy {name}: {e}"));
        let file = std::fs::File::options()
            .write(true)
            .open(&dest)
            .expect("open copy");
        file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000))
            .expect("set mtime");
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn text(output: &Output) -> String {
    format!(
        "status {}\nstdout:\n{}\nstderr:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The xtask binary built from this checkout, started in `dir` with `CARGO_MANIFEST_DIR` as
/// given (`None`: not set).
fn xtask(dir: &Path, manifest_dir: Option<&Path>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command.args(args).current_dir(dir);
    match manifest_dir {
        Some(manifest_dir) => command.env("CARGO_MANIFEST_DIR", manifest_dir),
        None => command.env_remove("CARGO_MANIFEST_DIR"),
    };
    command.output().expect("xtask runs")
}

/// `cargo xtask ARGS` in `dir`, sharing this checkout's target directory.
fn cargo_xtask(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .arg("xtask")
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", shared_target())
        .env("CARGO_NET_OFFLINE", "true")
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .expect("cargo runs")
}

const MARKER: &str = "Copy-only marker for the xtask checkout test";

/// Changes the papaya spec's description (and so the generated module's docs) in `checkout`.
fn mark_papaya_spec(checkout: &Path) {
    let spec = checkout.join("specs/papaya.yaml");
    let text = std::fs::read_to_string(&spec).expect("papaya spec");
    let marked = text.replacen(
        "Papaya Global create-payment-instruction operation",
        MARKER,
        1,
    );
    assert_ne!(marked, text, "the papaya spec's description changed");
    std::fs::write(&spec, marked).expect("write spec");
}

/// Asserts (before anything is written) that `check`, a `codegen --check` run, reads the specs of
/// `checkout`: with the copy's `specs/layer2.yaml` made unreadable as YAML it must fail naming
/// that file.
fn assert_reads_specs_of(checkout: &Path, check: impl Fn() -> Output) {
    let spec = checkout.join("specs/layer2.yaml");
    let original = std::fs::read_to_string(&spec).expect("layer2 spec");
    std::fs::write(&spec, "openapi: [unclosed\n").expect("break the spec");
    let output = check();
    std::fs::write(&spec, original).expect("restore the spec");
    let missing = spec.display().to_string();
    assert!(
        !output.status.success() && String::from_utf8_lossy(&output.stderr).contains(&missing),
        "expected a failure naming {missing} (the copy's spec), got\n{}",
        text(&output)
    );
}

#[test]
fn cargo_xtask_in_a_second_checkout_sharing_the_target_dir_works_on_that_checkout() {
    let temp = TempDir::new("cargo-checkout");
    let copy = temp.0.join("checkout");
    copy_checkout(&copy);
    let original = original();
    let original_papaya = read(&original.join("payments-models/src/papaya.rs"));
    let original_layer2 = read(&original.join("payments-models/src/layer2.rs"));
    assert_reads_specs_of(&copy, || cargo_xtask(&copy, &["codegen", "--check"]));

    // The copy's models are up to date with the copy's specs (whatever the original holds).
    let generate = cargo_xtask(&copy, &["codegen"]);
    assert!(generate.status.success(), "{}", text(&generate));

    // A generated file deleted in the copy only is missing in the copy's check.
    std::fs::remove_file(copy.join("payments-models/src/layer2.rs")).expect("remove");
    let check = cargo_xtask(&copy, &["codegen", "--check"]);
    assert!(!check.status.success(), "{}", text(&check));
    assert!(
        String::from_utf8_lossy(&check.stderr).contains("payments-models/src/layer2.rs"),
        "{}",
        text(&check)
    );

    // A spec changed in the copy only changes the copy's models.
    mark_papaya_spec(&copy);
    let generate = cargo_xtask(&copy, &["codegen"]);
    assert!(generate.status.success(), "{}", text(&generate));
    let copy_papaya = std::fs::read_to_string(copy.join("payments-models/src/papaya.rs"))
        .expect("copy's papaya.rs");
    assert!(copy_papaya.contains(MARKER), "the copy's spec was not read");
    assert!(copy.join("payments-models/src/layer2.rs").is_file());
    let check = cargo_xtask(&copy, &["codegen", "--check"]);
    assert!(check.status.success(), "{}", text(&check));

    assert_eq!(
        read(&original.join("payments-models/src/papaya.rs")),
        original_papaya,
        "the original checkout's models were written"
    );
    assert_eq!(
        read(&original.join("payments-models/src/layer2.rs")),
        original_layer2
    );
}

#[test]
fn the_binary_built_here_works_on_the_checkout_it_is_started_for() {
    let temp = TempDir::new("binary-checkout");
    let copy = temp.0.join("checkout");
    copy_checkout(&copy);
    let original = original();
    let original_papaya = read(&original.join("payments-models/src/papaya.rs"));
    // As `cargo run` starts it: CARGO_MANIFEST_DIR names the copy's xtask/.
    assert_reads_specs_of(&copy, || {
        xtask(&copy, Some(&copy.join("xtask")), &["codegen", "--check"])
    });
    // Without CARGO_MANIFEST_DIR: the checkout above the current directory.
    assert_reads_specs_of(&copy, || {
        xtask(&copy.join("specs"), None, &["codegen", "--check"])
    });
    mark_papaya_spec(&copy);

    let generate = xtask(&copy, Some(&copy.join("xtask")), &["codegen"]);
    assert!(generate.status.success(), "{}", text(&generate));
    let papaya = copy.join("payments-models/src/papaya.rs");
    assert!(std::fs::read_to_string(&papaya).unwrap().contains(MARKER));

    std::fs::remove_file(&papaya).expect("remove");
    let check = xtask(&copy.join("specs"), None, &["codegen", "--check"]);
    assert!(!check.status.success(), "{}", text(&check));
    assert!(
        String::from_utf8_lossy(&check.stderr).contains("payments-models/src/papaya.rs"),
        "{}",
        text(&check)
    );
    let generate = xtask(&copy.join("payments-models"), None, &["codegen"]);
    assert!(generate.status.success(), "{}", text(&generate));
    assert!(std::fs::read_to_string(&papaya).unwrap().contains(MARKER));

    assert_eq!(
        read(&original.join("payments-models/src/papaya.rs")),
        original_papaya,
        "the original checkout's models were written"
    );
}

#[test]
fn outside_any_checkout_the_xtask_says_so() {
    let temp = TempDir::new("no-checkout");
    let output = xtask(&temp.0, None, &["codegen", "--check"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot find the workspace") && !stderr.contains("panicked"),
        "{}",
        text(&output)
    );
}

#[test]
fn a_crate_for_any_spec_names_the_runtime_relative_to_its_directory() {
    let temp = TempDir::new("standalone");
    let copy = temp.0.join("checkout");
    copy_checkout(&copy);
    let manifest_dir = copy.join("xtask");
    let spec = "checkout/specs/papaya.yaml";
    let run = |extra: &[&str]| {
        let mut args = vec!["codegen", "--spec", spec, "--out", "crates/papaya"];
        args.extend_from_slice(extra);
        xtask(&temp.0, Some(&manifest_dir), &args)
    };
    let manifest = temp.0.join("crates/papaya/Cargo.toml");
    let dependencies = || -> Vec<String> {
        std::fs::read_to_string(&manifest)
            .expect("Cargo.toml")
            .lines()
            .filter(|l| l.starts_with("payments-"))
            .map(str::to_owned)
            .collect()
    };

    // --check before anything is written: both files are stale, and nothing is created.
    let check = run(&["--check"]);
    assert!(!check.status.success(), "{}", text(&check));
    assert!(!temp.0.join("crates").exists());

    let generate = run(&[]);
    assert!(generate.status.success(), "{}", text(&generate));
    assert_eq!(
        dependencies(),
        [
            r#"payments-codegen-macros = { path = "../../checkout/codegen/macros" }"#,
            r#"payments-runtime = { path = "../../checkout/runtime", default-features = false }"#,
        ]
    );
    let check = run(&["--check"]);
    assert!(check.status.success(), "{}", text(&check));

    // Another choice of runtime is another Cargo.toml (and the same lib.rs).
    let check = run(&["--runtime-version", "0.1", "--check"]);
    assert!(!check.status.success(), "{}", text(&check));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("Cargo.toml") && !stderr.contains("lib.rs"),
        "{}",
        text(&check)
    );
    let generate = run(&["--runtime-version", "0.1"]);
    assert!(generate.status.success(), "{}", text(&generate));
    assert_eq!(
        dependencies(),
        [
            r#"payments-codegen-macros = "0.1""#,
            r#"payments-runtime = { version = "0.1", default-features = false }"#,
        ]
    );
    let generate = run(&["--runtime-path", "checkout/xtask/.."]);
    assert!(generate.status.success(), "{}", text(&generate));
    assert_eq!(
        dependencies(),
        [
            r#"payments-codegen-macros = { path = "../../checkout/codegen/macros" }"#,
            r#"payments-runtime = { path = "../../checkout/runtime", default-features = false }"#,
        ]
    );

    // A change report that cannot be written fails the run before the new snapshot is written,
    // so the next run reports against the same snapshot.
    let snapshot = temp.0.join("crates/papaya/api.json");
    std::fs::write(&snapshot, "{}").expect("snapshot");
    let failed = run(&["--report", "/dev/null/report"]);
    assert!(!failed.status.success(), "{}", text(&failed));
    assert_eq!(std::fs::read_to_string(&snapshot).expect("snapshot"), "{}");
    // The new snapshot, written beside the code, is not left behind either.
    let staged = temp.0.join("crates/papaya/api.json.new");
    assert!(!staged.exists());
    let generate = run(&[]);
    assert!(generate.status.success(), "{}", text(&generate));
    assert_ne!(std::fs::read_to_string(&snapshot).expect("snapshot"), "{}");
    assert!(!staged.exists());
}

#[test]
fn a_crate_generated_outside_the_checkout_builds_with_its_relative_paths() {
    let temp = TempDir::new("build");
    let original = original();
    let spec = original.join("specs/papaya.yaml");
    let spec = spec.to_str().expect("UTF-8 path");
    let generate = xtask(
        &temp.0,
        Some(&original.join("xtask")),
        &["codegen", "--spec", spec, "--out", "acme"],
    );
    assert!(generate.status.success(), "{}", text(&generate));
    let dir = temp.0.join("acme");
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("Cargo.toml");
    assert!(
        manifest.contains("payments-runtime = { path = \"../"),
        "{manifest}"
    );
    // Same dependency versions as this workspace, and no registry resolution in the test.
    std::fs::copy(original.join("Cargo.lock"), dir.join("Cargo.lock")).expect("Cargo.lock");
    // The target directory of tests/tests/full_specs.rs, which builds the same dependencies.
    let check = Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--offline", "--message-format=short"])
        .current_dir(&dir)
        .env(
            "CARGO_TARGET_DIR",
            original.join("target/full-specs-target"),
        )
        .output()
        .expect("cargo runs");
    assert!(check.status.success(), "{}", text(&check));
}

/// What a spec holds that is left out is a located warning on stderr; the crate is still written.
#[test]
fn an_odd_entry_of_a_real_document_is_a_located_warning_and_the_rest_generates() {
    let temp = TempDir::new("warnings");
    let spec = temp.0.join("odd.yaml");
    std::fs::write(
        &spec,
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /t:\n    post:\n      operationId: t\n      requestBody:\n        content:\n          application/json:\n            schema: {type: object, properties: {id: {type: string}}}\n          examples: {}\n      responses:\n        '204': {description: none}\n",
    )
    .expect("write spec");
    let output = xtask(
        &temp.0,
        Some(&original().join("xtask")),
        &["codegen", "--spec", "odd.yaml", "--out", "odd"],
    );
    assert!(output.status.success(), "{}", text(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.starts_with("warning: "))
            .count(),
        1,
        "{}",
        text(&output)
    );
    assert!(
        stderr.contains("warning: odd.yaml at /paths/~1t/post/requestBody/content/examples: `examples` is not a media type"),
        "{}",
        text(&output)
    );
    let lib = std::fs::read_to_string(temp.0.join("odd/src/lib.rs")).expect("lib.rs written");
    assert!(lib.contains("pub mod t {"), "{lib}");
}

/// Issue 13 §1: every regeneration prints the change report of the generated API against the
/// snapshot the previous one left (`payments-models/api/<module>.json`); `--check` prints what
/// is stale; `--report PATH` writes it as JSON and Markdown; `--spec/--out` crates get one too.
#[test]
fn regeneration_prints_the_change_report() {
    let temp = TempDir::new("change-report");
    let copy = temp.0.join("checkout");
    copy_checkout(&copy);
    let run = |args: &[&str]| xtask(&copy, Some(&copy.join("xtask")), args);
    let stdout = |output: &Output| String::from_utf8_lossy(&output.stdout).into_owned();

    let unchanged = run(&["codegen"]);
    assert!(unchanged.status.success(), "{}", text(&unchanged));
    assert!(
        stdout(&unchanged).starts_with("change report: the generated API is unchanged\n"),
        "{}",
        text(&unchanged)
    );

    let spec = copy.join("specs/papaya.yaml");
    let original = std::fs::read_to_string(&spec).expect("papaya spec");
    let edited = original
        .replacen(
            "      enum:\n        - contact\n",
            "      enum:\n        - contact\n        - vendor\n",
            1,
        )
        .replacen("      multipleOf: 0.001\n", "      multipleOf: 0.01\n", 1);
    assert!(
        edited.contains("- vendor\n") && edited.contains("multipleOf: 0.01\n"),
        "the papaya spec changed"
    );
    std::fs::write(&spec, edited).expect("write spec");
    let expected = [
        "  papaya:\n",
        "    breaking on the wire  `Amount`: `multipleOf` 0.001 → 0.01 (changed: a value that passed may now fail)\n",
        "    compatible            `TargetType`: value `vendor` added\n",
    ];

    let check = run(&["codegen", "--check"]);
    assert!(!check.status.success(), "{}", text(&check));
    for line in expected {
        assert!(
            stdout(&check).contains(line),
            "{line:?} in {}",
            text(&check)
        );
    }
    assert!(
        String::from_utf8_lossy(&check.stderr).contains("payments-models/api/papaya.json"),
        "{}",
        text(&check)
    );

    let generate = run(&["codegen", "--report", "../out/changes"]);
    assert!(generate.status.success(), "{}", text(&generate));
    for line in expected {
        assert!(
            stdout(&generate).contains(line),
            "{line:?} in {}",
            text(&generate)
        );
    }
    let json = std::fs::read_to_string(temp.0.join("out/changes.json")).expect("the JSON report");
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["summary"]["breaking_wire"], 1, "{json:#}");
    let papaya = json["modules"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["module"] == "papaya"))
        .expect("papaya's report");
    assert_eq!(papaya["changes"][0]["kind"], "rule-changed", "{papaya:#}");
    assert_eq!(
        papaya["changes"][0]["pointer"],
        "/components/schemas/Amount"
    );
    let markdown = std::fs::read_to_string(temp.0.join("out/changes.md")).expect("Markdown");
    assert!(markdown.contains("| `papaya` | 0 | 1 | "), "{markdown}");

    // The snapshot moved with the code: the next run compares with it.
    let again = run(&["codegen", "--check"]);
    assert!(again.status.success(), "{}", text(&again));
    assert!(stdout(&again).starts_with("change report: the generated API is unchanged\n"));

    // A crate for any spec keeps its snapshot as api.json.
    let standalone = |spec: &str| {
        xtask(
            &temp.0,
            Some(&copy.join("xtask")),
            &[
                "codegen",
                "--spec",
                spec,
                "--out",
                "acme",
                "--crate-name",
                "acme-models",
            ],
        )
    };
    std::fs::write(temp.0.join("before.yaml"), &original).expect("write spec");
    let first = standalone("before.yaml");
    assert!(first.status.success(), "{}", text(&first));
    assert!(stdout(&first).contains("compatible            module `acme-models` added"));
    assert!(temp.0.join("acme/api.json").is_file());
    let second = standalone("checkout/specs/papaya.yaml");
    assert!(second.status.success(), "{}", text(&second));
    assert!(stdout(&second).contains(expected[2]), "{}", text(&second));
}

/// Issue 13 §3: a provider is one spec file. In a copy of the checkout, a new
/// `specs/acme-pay.yaml` gets its module, Cargo feature, `lib.rs` wiring and README row from
/// `cargo xtask codegen`; the feature builds on its own; a second spec states its names under
/// `x-payments-models`; removing the specs and regenerating restores every file.
#[test]
fn a_new_provider_is_one_spec_file() {
    let temp = TempDir::new("new-provider");
    let copy = temp.0.join("checkout");
    copy_checkout(&copy);
    let wired = [
        "payments-models/Cargo.toml",
        "payments-models/src/lib.rs",
        "README.md",
    ];
    let before: Vec<Vec<u8>> = wired.iter().map(|f| read(&copy.join(f))).collect();
    let spec = "openapi: 3.0.3\ninfo: {title: Acme Pay, version: '1'}\nservers: [{url: 'https://api.acme.test/v2'}]\npaths:\n  /charges:\n    post:\n      operationId: createCharge\n      requestBody:\n        required: true\n        content: {application/json: {schema: {$ref: '#/components/schemas/Charge'}}}\n      responses:\n        '201': {description: created}\ncomponents:\n  schemas:\n    Charge:\n      type: object\n      required: [amount]\n      properties:\n        amount: {type: string, pattern: '^[0-9]+$'}\n";
    std::fs::write(copy.join("specs/acme-pay.yaml"), spec).expect("write spec");
    let named = spec.replacen(
        "openapi: 3.0.3\n",
        "openapi: 3.0.3\nx-payments-models: {module: zeta, feature: zeta-pay}\n",
        1,
    );
    std::fs::write(copy.join("specs/zeta.json.yaml"), named).expect("write spec");
    let run = |args: &[&str]| xtask(&copy, Some(&copy.join("xtask")), args);

    let stale = run(&["codegen", "--check"]);
    assert!(!stale.status.success(), "{}", text(&stale));
    for file in wired {
        assert!(
            String::from_utf8_lossy(&stale.stderr).contains(file),
            "{}",
            text(&stale)
        );
    }
    let generate = run(&["codegen"]);
    assert!(generate.status.success(), "{}", text(&generate));
    let printed = String::from_utf8_lossy(&generate.stdout);
    assert!(
        printed.contains("compatible            module `acme_pay` added with 1 types"),
        "{}",
        text(&generate)
    );
    assert!(copy.join("payments-models/api/acme_pay.json").is_file());
    let manifest = std::fs::read_to_string(copy.join(wired[0])).expect("manifest");
    assert!(manifest.contains("\nacme-pay = []\n") && manifest.contains("\nzeta-pay = []\n"));
    assert!(
        manifest.contains("\"acme-pay\", \"flexprice\","),
        "{manifest}"
    );
    let lib = std::fs::read_to_string(copy.join(wired[1])).expect("lib.rs");
    assert!(
        lib.contains("#[cfg(feature = \"acme-pay\")]\npub mod acme_pay;\n"),
        "{lib}"
    );
    assert!(
        lib.contains("#[cfg(feature = \"zeta-pay\")]\npub mod zeta;\n"),
        "{lib}"
    );
    let readme = std::fs::read_to_string(copy.join(wired[2])).expect("README");
    assert!(
        readme.contains("| `acme_pay` | Acme Pay | `POST /v2/charges` | `acme-pay` | [`specs/acme-pay.yaml`](specs/acme-pay.yaml) |"),
        "{readme}"
    );
    assert!(copy.join("payments-models/src/acme_pay.rs").is_file());
    assert!(copy.join("payments-models/src/zeta.rs").is_file());
    let check = run(&["codegen", "--check"]);
    assert!(check.status.success(), "{}", text(&check));

    // The copy's sources are dated 2001, older than any earlier build of this checkout's crates
    // in that target directory: without cleaning them, cargo would take a build of older
    // sources (say, of the macros crate before a change) as fresh. Dependencies stay built.
    let clean = Command::new(env!("CARGO"))
        .args(["clean", "--quiet"])
        .args(["-p", "payments-models", "-p", "payments-runtime"])
        .args(["-p", "payments-codegen", "-p", "payments-codegen-macros"])
        .current_dir(&copy)
        .env("CARGO_TARGET_DIR", shared_target().join("new-provider"))
        .env("CARGO_NET_OFFLINE", "true")
        .output()
        .expect("cargo runs");
    assert!(clean.status.success(), "{}", text(&clean));
    let build = Command::new(env!("CARGO"))
        .args([
            "check",
            "--quiet",
            "-p",
            "payments-models",
            "--no-default-features",
        ])
        .args(["--features", "acme-pay"])
        .current_dir(&copy)
        .env("CARGO_TARGET_DIR", shared_target().join("new-provider"))
        .env("CARGO_NET_OFFLINE", "true")
        .output()
        .expect("cargo runs");
    assert!(build.status.success(), "{}", text(&build));

    std::fs::remove_file(copy.join("specs/acme-pay.yaml")).expect("remove spec");
    std::fs::remove_file(copy.join("specs/zeta.json.yaml")).expect("remove spec");
    let generate = run(&["codegen"]);
    assert!(generate.status.success(), "{}", text(&generate));
    let printed = String::from_utf8_lossy(&generate.stdout);
    assert!(
        printed.contains("breaking for code     module `acme_pay` removed: its spec is gone"),
        "{}",
        text(&generate)
    );
    assert!(!copy.join("payments-models/src/acme_pay.rs").exists());
    assert!(!copy.join("payments-models/src/zeta.rs").exists());
    assert!(!copy.join("payments-models/api/acme_pay.json").exists());
    for (file, before) in wired.iter().zip(&before) {
        assert_eq!(&read(&copy.join(file)), before, "{file} is restored");
    }
}
