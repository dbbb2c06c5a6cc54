//! Depending on payments-models, or on a crate `cargo xtask codegen --spec … --out …` wrote,
//! changes nothing in the user's own code (issue 12 §1).
//!
//! A small service crate is written outside this workspace (its own `[workspace]`, so Cargo
//! unifies features the way it does for a user, not the way it does here). Its own serde code
//! reads numbers through `#[serde(flatten)]`, `#[serde(untagged)]` and an internally tagged
//! enum, and prints `serde_json::Value`s (number text, member order). It is run three times:
//! without our crates, with payments-models, and with a generated crate; its output must be
//! the same each time and what serde_json alone gives. `cargo tree -e features` of the build
//! with both must show no serde_json or rust_decimal feature that changes behaviour. The models
//! themselves still read money exactly in that build, and their literal and payload macros
//! work in a service that does not depend on the runtime itself.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn checkout() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ has a parent")
        .to_path_buf()
}

fn text(output: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// What the service's own serde code prints when nothing changes how serde_json behaves.
const SERDE_JSON_ALONE: &str = "\
flatten: Ok(1.5)
untagged: Ok(Float(2.25))
untagged integer: Ok(Int(7))
internally tagged: Ok(Pay { amount: 0.1 })
value number: 1.5
value order: {\"a\":2,\"b\":1}
";

const MAIN: &str = r##"use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct WithF {
    #[serde(flatten)]
    inner: Inner,
}

#[derive(Debug, Deserialize)]
struct Inner {
    n: f64,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Untagged {
    Int(u64),
    Float(f64),
}

#[derive(Debug, Deserialize)]
#[serde(tag = "kind")]
enum Tagged {
    Pay { amount: f64 },
}

fn main() {
    let flat = serde_json::from_str::<WithF>(r#"{"n": 1.5}"#).map(|w| w.inner.n);
    println!("flatten: {:?}", flat.map_err(|e| e.to_string()));
    let untagged = serde_json::from_str::<Untagged>("2.25");
    println!("untagged: {:?}", untagged.map_err(|e| e.to_string()));
    let integer = serde_json::from_str::<Untagged>("7");
    println!("untagged integer: {:?}", integer.map_err(|e| e.to_string()));
    let tagged = serde_json::from_str::<Tagged>(r#"{"kind": "Pay", "amount": 0.1}"#);
    println!("internally tagged: {:?}", tagged.map_err(|e| e.to_string()));
    let number: serde_json::Value = serde_json::from_str("1.50").unwrap();
    println!("value number: {number}");
    let object: serde_json::Value = serde_json::from_str(r#"{"b": 1, "a": 2}"#).unwrap();
    println!("value order: {object}");

    // The models in the same build: money stays exact.
    let payment = r#"{"amount": 1234567890.123456789, "currency": "USD", "destination_id": "inv_1",
        "destination_type": "INVOICE", "payment_method_type": "CREDITS"}"#;
    // The models' literal and payload macros need no dependency of the service's own on the
    // runtime (`models` does not bring it in).
    #[cfg(feature = "models")]
    {
        let parsed: payments_models::flexprice::CreatePaymentRequest =
            payments_models::parse(payment.as_bytes()).unwrap();
        eprintln!("models amount: {}", parsed.amount);
        eprintln!("models written: {}", serde_json::to_string(&parsed).unwrap());
        let literal = payments_models::flexprice::create_payment_request!({
            "amount": 1234567890.123456789, "currency": "USD", "destination_id": "inv_1",
            "destination_type": "INVOICE", "payment_method_type": "CREDITS"
        });
        eprintln!("models literal equals parse: {}", literal == parsed);
        eprintln!("models amount literal: {}", payments_models::papaya::amount!(1500.125).get());
    }
    #[cfg(feature = "generated")]
    {
        let parsed: acme::CreatePaymentRequest =
            payments_runtime::parse(payment.as_bytes()).unwrap();
        eprintln!("generated amount: {}", parsed.amount);
        let literal = acme::create_payment_request!({
            "amount": 1234567890.123456789, "currency": "USD", "destination_id": "inv_1",
            "destination_type": "INVOICE", "payment_method_type": "CREDITS"
        });
        eprintln!("generated literal equals parse: {}", literal == parsed);
    }
    let _ = payment;
}
"##;

fn manifest(checkout: &Path) -> String {
    let path = |p: &str| checkout.join(p).display().to_string();
    format!(
        r#"[package]
name = "user-service"
version = "0.1.0"
edition = "2021"
publish = false

[workspace]

[features]
models = ["dep:payments-models"]
generated = ["dep:acme", "dep:payments-runtime"]

[dependencies]
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
payments-models = {{ path = {models:?}, optional = true }}
payments-runtime = {{ path = {runtime:?}, optional = true }}
acme = {{ path = "../acme", optional = true }}
"#,
        models = path("payments-models"),
        runtime = path("runtime"),
    )
}

fn cargo(dir: &Path, target: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .args(args)
        .args(["--offline", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .expect("cargo runs")
}

#[test]
fn depending_on_the_models_changes_nothing_in_the_users_build() {
    let checkout = checkout();
    let base = std::env::temp_dir().join(format!("dependents-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let dir = base.join("service");
    std::fs::create_dir_all(dir.join("src")).expect("temp dir");
    std::fs::write(dir.join("Cargo.toml"), manifest(&checkout)).expect("Cargo.toml");
    std::fs::write(dir.join("src/main.rs"), MAIN).expect("main.rs");
    // Same dependency versions as this workspace, and no registry resolution in the test.
    std::fs::copy(checkout.join("Cargo.lock"), dir.join("Cargo.lock")).expect("Cargo.lock");

    // A crate generated for a spec, as a user would make one, beside the service.
    let spec = checkout.join("specs/flexprice.yaml");
    let generate = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["codegen", "--spec", spec.to_str().expect("UTF-8 path")])
        .args(["--out", "acme", "--crate-name", "acme"])
        .arg("--runtime-path")
        .arg(&checkout)
        .current_dir(&base)
        .output()
        .expect("xtask runs");
    assert!(generate.status.success(), "{}", text(&generate));

    let target = checkout.join("target/dependents-target");
    let alone = cargo(&dir, &target, &["run"]);
    assert!(alone.status.success(), "{}", text(&alone));
    assert_eq!(String::from_utf8_lossy(&alone.stdout), SERDE_JSON_ALONE);

    for features in ["models", "generated", "models,generated"] {
        let with = cargo(&dir, &target, &["run", "--features", features]);
        assert!(with.status.success(), "{features}: {}", text(&with));
        assert_eq!(
            String::from_utf8_lossy(&with.stdout),
            SERDE_JSON_ALONE,
            "with {features}"
        );
        let stderr = String::from_utf8_lossy(&with.stderr);
        for crate_name in features.split(',') {
            for expected in [
                format!("{crate_name} amount: 1234567890.123456789"),
                format!("{crate_name} literal equals parse: true"),
            ] {
                assert!(stderr.contains(&expected), "{features}: {stderr}");
            }
        }
        if features.contains("models") {
            assert!(
                stderr.contains("models amount literal: 1500.125"),
                "{stderr}"
            );
        }
        if features.contains("models") {
            assert!(
                stderr.contains(r#""amount":1234567890.123456789"#),
                "{stderr}"
            );
        }
    }

    // The features the build turns on: only additive ones of the crates users share.
    let tree = cargo(
        &dir,
        &target,
        &["tree", "-e", "features", "--features", "models,generated"],
    );
    assert!(tree.status.success(), "{}", text(&tree));
    let tree = String::from_utf8_lossy(&tree.stdout);
    let enabled = |krate: &str| -> Vec<String> {
        let prefix = format!("{krate} feature \"");
        let mut found: Vec<String> = tree
            .lines()
            .filter_map(|line| line.split_once(&prefix))
            .filter_map(|(_, rest)| rest.split_once('"').map(|(f, _)| f.to_owned()))
            .collect();
        found.sort();
        found.dedup();
        found
    };
    let serde_json = enabled("serde_json");
    assert!(serde_json.contains(&"raw_value".to_owned()), "{tree}");
    for feature in &serde_json {
        assert!(
            ["default", "std", "raw_value"].contains(&feature.as_str()),
            "serde_json feature {feature:?} is on:\n{tree}"
        );
    }
    for feature in enabled("rust_decimal") {
        assert!(
            !feature.starts_with("serde"),
            "rust_decimal feature {feature:?} is on:\n{tree}"
        );
    }
    let _ = std::fs::remove_dir_all(&base);
}
