//! The generator on the six providers' complete official specs of `../shared/real-specs/`
//! (Formance, Flexprice, Stripe, Plaid, Lago, Adyen Checkout). Each is generated into a scratch
//! crate under target/ at test time (the third-party specs and code generated from them never
//! enter the repository), built with zero rustc and clippy warnings, and a payload for every
//! component schema, assembled from the spec's own examples, must parse and serialize back to
//! the same JSON, or be a known-invalid example rejected with exactly its violations. Stripe's
//! create-payment request goes through the form encoder byte for byte (`stripe_form`).

use payments_tests::{real_spec_path, root, synth};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "full_specs/stripe_form.rs"]
mod stripe_form;

/// Payloads built from the official specs' own examples that break the specs' own schemas: they
/// must be rejected with exactly these violations. Formance documents `V2MigrationInfo.version`
/// as `type: string` with `example: 11` (and `MigrationInfo.version` as `{type: string,
/// minimum: 0}`, which the typed view used to read as untyped, dropping the `type`), and several schemas require a member their
/// `properties` do not declare and no example carries: `Contract` requires `accounts` (it
/// declares `account`), `V3Instance` requires `udpatedAt` (it declares `updatedAt`),
/// `V2ConfigInfo` requires `config`, `CursorBase` requires `data` and `TaskBase` requires
/// `descriptor`, each left to the schemas that extend them with `allOf`.
const FORMANCE_KNOWN_INVALID: &[(&str, &[(&str, &str)])] = &[
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

/// Plaid's: `TransactionsRecurringCreateInput` requires `stream_ids`, which it does not declare
/// (it declares `transaction_ids`); `ConnectedApplication.created_at` is a `date-time` whose
/// example is the date `2020-01-01`; the Prism version schemas are `type: string` with numeric
/// enums (`enum: [4.1, 4, null]`), so every documented version but null breaks the `type`; and
/// the asset indicators are `type: string` with `enum: [true, false]`, booleans in YAML.
const PLAID_KNOWN_INVALID: &[(&str, &[(&str, &str)])] = &[
    ("TransactionsRecurringCreateRequest", &[("/inputs/0/stream_ids", "required")]),
    ("TransactionsRecurringCreateInput", &[("/stream_ids", "required")]),
    ("LinkTokenCreateRequest", &[("/cra_options/partner_insights/prism_versions/firstdetect", "type"), ("/cra_options/partner_insights/prism_versions/detect", "type"), ("/cra_options/partner_insights/prism_versions/cashscore", "type"), ("/cra_options/partner_insights/prism_versions/extend", "type"), ("/cra_options/partner_insights/prism_versions/insights", "type")]),
    ("LinkTokenCreateRequestCraOptions", &[("/partner_insights/prism_versions/firstdetect", "type"), ("/partner_insights/prism_versions/detect", "type"), ("/partner_insights/prism_versions/cashscore", "type"), ("/partner_insights/prism_versions/extend", "type"), ("/partner_insights/prism_versions/insights", "type")]),
    ("LinkTokenCreateRequestCraOptionsPartnerInsights", &[("/prism_versions/firstdetect", "type"), ("/prism_versions/detect", "type"), ("/prism_versions/cashscore", "type"), ("/prism_versions/extend", "type"), ("/prism_versions/insights", "type")]),
    ("ItemApplicationListResponse", &[("/applications/0/created_at", "format")]),
    ("ConnectedApplication", &[("/created_at", "format")]),
    ("CraCheckReportCreateRequest", &[("/partner_insights/prism_versions/firstdetect", "type"), ("/partner_insights/prism_versions/detect", "type"), ("/partner_insights/prism_versions/cashscore", "type"), ("/partner_insights/prism_versions/extend", "type"), ("/partner_insights/prism_versions/insights", "type")]),
    ("CraCheckReportPartnerInsightsGetRequest", &[("/partner_insights/prism_versions/firstdetect", "type"), ("/partner_insights/prism_versions/detect", "type"), ("/partner_insights/prism_versions/cashscore", "type"), ("/partner_insights/prism_versions/extend", "type"), ("/partner_insights/prism_versions/insights", "type"), ("/options/prism_versions/firstdetect", "type"), ("/options/prism_versions/detect", "type"), ("/options/prism_versions/cashscore", "type"), ("/options/prism_versions/extend", "type"), ("/options/prism_versions/insights", "type")]),
    ("CraCheckReportPartnerInsightsGetPartnerInsights", &[("/prism_versions/firstdetect", "type"), ("/prism_versions/detect", "type"), ("/prism_versions/cashscore", "type"), ("/prism_versions/extend", "type"), ("/prism_versions/insights", "type")]),
    ("CraCheckReportPartnerInsightsGetOptions", &[("/prism_versions/firstdetect", "type"), ("/prism_versions/detect", "type"), ("/prism_versions/cashscore", "type"), ("/prism_versions/extend", "type"), ("/prism_versions/insights", "type")]),
    ("CraCheckReportCreatePartnerInsightsOptions", &[("/prism_versions/firstdetect", "type"), ("/prism_versions/detect", "type"), ("/prism_versions/cashscore", "type"), ("/prism_versions/extend", "type"), ("/prism_versions/insights", "type")]),
    ("PrismVersionsDeprecated", &[("/firstdetect", "type"), ("/detect", "type"), ("/cashscore", "type"), ("/extend", "type"), ("/insights", "type")]),
    ("PrismVersions", &[("/firstdetect", "type"), ("/detect", "type"), ("/cashscore", "type"), ("/extend", "type"), ("/insights", "type")]),
    ("PrismFirstDetectVersion", &[("", "type")]),
    ("PrismDetectVersion", &[("", "type")]),
    ("PrismCashScoreVersion", &[("", "type")]),
    ("PrismExtendVersion", &[("", "type")]),
    ("PrismInsightsVersion", &[("", "type")]),
    ("VerificationOfAssetResponse", &[("/ASSETS/ASSET/0/ASSET_DETAIL/AssetRetirementIndicator", "type"), ("/ASSETS/ASSET/0/ASSET_DETAIL/AssetEmployerSponsoredIndicator", "type")]),
    ("Assets", &[("/ASSET/0/ASSET_DETAIL/AssetRetirementIndicator", "type"), ("/ASSET/0/ASSET_DETAIL/AssetEmployerSponsoredIndicator", "type")]),
    ("Asset", &[("/ASSET_DETAIL/AssetRetirementIndicator", "type"), ("/ASSET_DETAIL/AssetEmployerSponsoredIndicator", "type")]),
    ("AssetDetail", &[("/AssetRetirementIndicator", "type"), ("/AssetEmployerSponsoredIndicator", "type")]),
    ("AssetHoldings", &[("/ASSET_HOLDING/0/AssetHoldingRestrictedIndicator", "type")]),
    ("AssetHolding", &[("/AssetHoldingRestrictedIndicator", "type")]),
    ("CreditFreddieMacVerificationOfAsset", &[("/VERIFICATION_OF_ASSET_RESPONSE/ASSETS/ASSET/0/ASSET_HOLDINGS/ASSET_HOLDING/0/AssetHoldingRestrictedIndicator", "type")]),
    ("CreditFreddieMacVerificationOfAssetResponse", &[("/ASSETS/ASSET/0/ASSET_DETAIL/AssetRetirementIndicator", "type"), ("/ASSETS/ASSET/0/ASSET_DETAIL/AssetEmployerSponsoredIndicator", "type"), ("/ASSETS/ASSET/0/ASSET_HOLDINGS/ASSET_HOLDING/0/AssetHoldingRestrictedIndicator", "type")]),
    ("CreditFreddieMacAssets", &[("/ASSET/0/ASSET_DETAIL/AssetRetirementIndicator", "type"), ("/ASSET/0/ASSET_DETAIL/AssetEmployerSponsoredIndicator", "type"), ("/ASSET/0/ASSET_HOLDINGS/ASSET_HOLDING/0/AssetHoldingRestrictedIndicator", "type")]),
    ("CreditFreddieMacAsset", &[("/ASSET_DETAIL/AssetRetirementIndicator", "type"), ("/ASSET_DETAIL/AssetEmployerSponsoredIndicator", "type"), ("/ASSET_HOLDINGS/ASSET_HOLDING/0/AssetHoldingRestrictedIndicator", "type")]),
];

/// Lago's: `WalletObject` requires `balance`, `CustomerProjectedChargeUsageObject` `groups` and
/// `OrganizationObject` `email_settings`, none of which they declare; `WalletTransactionPaymentUrl`
/// requires at its top level the four members it declares inside
/// `wallet_transaction_payment_details`; and an event's `properties` values are `oneOf: [string,
/// integer, number]` with the example `10`, which is both an integer and a number, so exactly one
/// alternative never matches it (in requests, where `oneOf` is exact).
const LAGO_KNOWN_INVALID: &[(&str, &[(&str, &str)])] = &[
    (
        "BillableMetricEvaluateExpressionInput",
        &[("/event/properties/gb", "oneOf")],
    ),
    ("WalletObject", &[("/balance", "required")]),
    ("WalletsPaginated", &[("/wallets/0/balance", "required")]),
    ("Wallet", &[("/wallet/balance", "required")]),
    (
        "CustomerProjectedChargeUsageObject",
        &[("/groups", "required")],
    ),
    (
        "CustomerProjectedUsageObject",
        &[("/charges_usage/0/groups", "required")],
    ),
    (
        "CustomerProjectedUsage",
        &[(
            "/customer_projected_usage/charges_usage/0/groups",
            "required",
        )],
    ),
    ("EventInputObject", &[("/properties/gb", "oneOf")]),
    ("EventInput", &[("/event/properties/gb", "oneOf")]),
    ("EventBatchInput", &[("/events/0/properties/gb", "oneOf")]),
    ("OrganizationObject", &[("/email_settings", "required")]),
    (
        "Organization",
        &[("/organization/email_settings", "required")],
    ),
    (
        "WalletTransactionPaymentUrl",
        &[
            ("/lago_wallet_transaction_id", "required"),
            ("/lago_customer_id", "required"),
            ("/external_customer_id", "required"),
            ("/payment_provider", "required"),
        ],
    ),
    (
        "WalletTransactionObjectExtended",
        &[("/wallet/balance", "required")],
    ),
];

/// The six official documents of `../shared/real-specs/`, each with its known-invalid list.
const SPECS: &[Spec] = &[
    Spec {
        file: "formance-stack-v3.0.json",
        crate_name: "formance-full-models",
        known_invalid: FORMANCE_KNOWN_INVALID,
    },
    Spec {
        file: "flexprice-swagger-3-0-2025-08-04.json",
        crate_name: "flexprice-full-models",
        known_invalid: &[],
    },
    Spec {
        file: "stripe-spec3-2020-11.json",
        crate_name: "stripe-full-models",
        known_invalid: &[],
    },
    Spec {
        file: "plaid-2020-09-14.yaml",
        crate_name: "plaid-full-models",
        known_invalid: PLAID_KNOWN_INVALID,
    },
    Spec {
        file: "lago-openapi-bundled.yaml",
        crate_name: "lago-full-models",
        known_invalid: LAGO_KNOWN_INVALID,
    },
    Spec {
        file: "adyen-checkout-v71.json",
        crate_name: "adyen-full-models",
        known_invalid: &[],
    },
];

struct Spec {
    file: &'static str,
    crate_name: &'static str,
    known_invalid: &'static [(&'static str, &'static [(&'static str, &'static str)])],
}

/// A generated crate and the payloads to round-trip through it.
struct Generated {
    spec: &'static Spec,
    path: PathBuf,
    dir: PathBuf,
    type_count: usize,
    cases: Vec<(String, String)>,
}

/// The slow test of the workspace (minutes; see the README): all six crates are built by one
/// cargo invocation, through clippy's driver, so that one compile both lints and links.
#[test]
fn full_official_specs_generate_compile_cleanly_and_round_trip() {
    let scratch = root().join("target/full-specs");
    let generated: Vec<Generated> = SPECS
        .iter()
        .filter_map(|spec| Some(generate(spec, &real_spec_path(spec.file)?, &scratch)))
        .collect();
    if generated.is_empty() {
        return;
    }
    let members: Vec<String> = generated
        .iter()
        .map(|g| format!("{:?}", g.spec.crate_name))
        .collect();
    write(
        &scratch.join("Cargo.toml"),
        &format!(
            "# Written by tests/tests/full_specs.rs.\n[workspace]\nresolver = \"2\"\nmembers = [{}]\n\n# Nothing here is debugged: compile time is what counts.\n[profile.dev]\ndebug = 0\n",
            members.join(", ")
        ),
    );
    // Same dependency versions as this workspace, and no registry resolution in the test.
    write(
        &scratch.join("Cargo.lock"),
        &std::fs::read_to_string(root().join("Cargo.lock")).expect("Cargo.lock"),
    );
    let target = root().join("target/full-specs-target");
    let build = build_with_clippy(&scratch, &target);
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(
        build.status.success(),
        "the generated crates do not build:\n{stderr}"
    );
    // rustc's and clippy's warnings alike: the generated models meet the workspace's own bar.
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert!(
        warnings.is_empty(),
        "the generated crates have warnings:\n{}",
        warnings.join("\n")
    );
    let mut failures: Vec<String> = generated
        .iter()
        .filter_map(|g| round_trip(g, &target).err())
        .collect();
    if generated
        .iter()
        .any(|g| g.spec.crate_name == stripe_form::CRATE)
    {
        failures.extend(stripe_form::check(&target).err());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The generator prints the plainest items itself (`render_space`) and has prettyplease format
/// the rest: for each official spec, the text is the one prettyplease makes of the whole module
/// (`render_file`), as for the fixtures and the bundled specs (codegen's snapshot tests).
#[test]
fn official_specs_render_as_prettyplease_would() {
    use payments_codegen::{convert, emit, load, render_file, render_space, EmitOptions, Options};
    for spec in SPECS {
        let Some(path) = real_spec_path(spec.file) else {
            continue;
        };
        let options = Options {
            spec_label: spec.file.to_owned(),
            emit: EmitOptions {
                module_path: Some(String::new()),
                macro_prefix: Some(spec.crate_name.replace('-', "_")),
                ..EmitOptions::default()
            },
        };
        let doc = load::load(&path).expect("loads");
        let space = convert::convert(&doc).expect("converts");
        let whole = render_file(&doc, &space, emit::emit(&space, &options.emit), &options)
            .expect("renders");
        let parallel = render_space(&doc, &space, &options).expect("renders");
        // Not `assert_eq!`: a difference is shown as its first differing line, not 300k lines.
        if let Some((line, (a, b))) = (1..)
            .zip(parallel.source.lines().zip(whole.source.lines()))
            .find(|(_, (a, b))| a != b)
        {
            panic!(
                "{}: line {line} differs:\n  printed:  {a}\n  prettyplease: {b}",
                spec.file
            );
        }
        assert_eq!(parallel, whole, "{}", spec.file);
    }
}

/// Writes the crate of one spec under `scratch`, with a round-trip binary and its cases: a
/// payload for every component schema, assembled from the spec's own examples.
fn generate(spec: &'static Spec, path: &Path, scratch: &Path) -> Generated {
    let dir = scratch.join(spec.crate_name);
    let files = payments_codegen::standalone::crate_files(path, spec.crate_name, &root())
        .unwrap_or_else(|e| panic!("generation failed: {e}"));
    for (file, text) in &files.files {
        let text = if file == Path::new("Cargo.toml") {
            // A member of the scratch workspace rather than a workspace of its own.
            text.lines()
                .filter(|l| *l != "[workspace]" && !l.starts_with("# Its own workspace"))
                .map(|l| format!("{l}\n"))
                .collect()
        } else {
            text.clone()
        };
        write(&dir.join(file), &text);
    }
    let loaded = payments_codegen::load::load(path).expect("loads");
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
            serde_json::to_string(&synth::instance(&loaded.raw, &schema)).expect("json"),
        ));
    }
    assert!(
        cases.len() > 200,
        "{}: only {} component types",
        path.display(),
        cases.len()
    );
    write(
        &dir.join(format!("src/bin/{}-roundtrip.rs", spec.crate_name)),
        &harness(spec.crate_name, &cases),
    );
    if spec.crate_name == stripe_form::CRATE {
        write(
            &dir.join(format!("src/bin/{}-form.rs", spec.crate_name)),
            &stripe_form::binary(),
        );
    }
    Generated {
        spec,
        path: path.to_owned(),
        dir,
        type_count: files.type_count,
        cases,
    }
}

/// Runs one crate's round-trip binary; a list of what failed, if anything did.
fn round_trip(generated: &Generated, target: &Path) -> Result<(), String> {
    let Generated {
        spec,
        path,
        dir,
        type_count,
        cases,
    } = generated;
    let cases_file = dir.join("cases.json");
    write(&cases_file, &serde_json::to_string(cases).expect("json"));
    let run = Command::new(target.join(format!("debug/{}-roundtrip", spec.crate_name)))
        .arg(&cases_file)
        .output()
        .expect("harness runs");
    if !run.status.success() {
        return Err(format!(
            "{}: harness failed: {}",
            path.display(),
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    let results: Vec<(String, Result<String, String>)> =
        serde_json::from_slice(&run.stdout).expect("harness output");
    assert_eq!(results.len(), cases.len());
    let mut failures = Vec::new();
    let mut matched = std::collections::BTreeSet::new();
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
                match spec.known_invalid.iter().find(|(name, _)| name == ty) {
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
                        matched.insert(ty.as_str());
                    }
                    None => {
                        failures.push(format!("{ty}: rejected {sent}\n  {}", listed.join("\n  ")))
                    }
                }
            }
        }
    }
    // A listed example that now round-trips (or a listed name no type has) is stale.
    for (name, _) in spec.known_invalid {
        if !matched.contains(name) {
            failures.push(format!(
                "{name}: listed as known-invalid, but no payload of that type was rejected"
            ));
        }
    }
    if !failures.is_empty() {
        return Err(format!(
            "{}: {} of {} component payloads failed:\n{}",
            path.display(),
            failures.len(),
            cases.len(),
            failures.join("\n")
        ));
    }
    eprintln!(
        "{}: {type_count} types generated, {} component payloads round-tripped, {} known-invalid rejected exactly",
        path.display(),
        cases.len() - matched.len(),
        matched.len()
    );
    Ok(())
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

/// `cargo build --bins` of the scratch workspace with clippy's driver as the compiler of its
/// members (what `cargo clippy` does for `cargo check`), so one compile gives clippy's lints
/// and the binaries.
fn build_with_clippy(workspace: &Path, target: &Path) -> Output {
    let clippy = Path::new(env!("CARGO")).with_file_name("clippy-driver");
    assert!(
        clippy.is_file(),
        "{} is needed (rustup component add clippy)",
        clippy.display()
    );
    Command::new(env!("CARGO"))
        .args(["build", "--workspace", "--bins", "--offline", "--quiet"])
        .args(["--message-format=short", "--manifest-path"])
        .arg(workspace.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target)
        .env("RUSTC_WORKSPACE_WRAPPER", clippy)
        .output()
        .expect("cargo runs")
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
// Deprecated types are round-tripped too.
#![allow(deprecated)]
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
