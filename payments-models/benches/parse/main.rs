//! Untrusted input: `payments_models::parse` against the floor and what a user would otherwise
//! pick, for each provider's `CreatePaymentRequest` and `CreatePaymentResponse`.
//!
//! For every body, valid payload (the spec's example):
//! * `floor` — `serde_json::from_slice` into a hand-written plain struct, no validation;
//! * `parse` — `payments_models::parse::<T>`: typed, every constraint checked;
//! * `jsonschema+serde` — parse a `Value`, `jsonschema` `is_valid` against the same schema,
//!   then deserialize the plain struct from that `Value`;
//! * `serde+garde` — `serde_json::from_slice` into the plain struct, then `garde` `validate()`.
//!
//! Invalid payload (the example with several violations, at least one serde itself rejects):
//! * `floor` — the plain struct failing (first error only);
//! * `parse` — every violation, with its path, code and message;
//! * `jsonschema` — parse a `Value`, collect every `jsonschema` error.
//!
//! (`serde+garde` stops at serde's first error on these payloads: it is the floor.)
//!
//! Breakdowns, to explain the ratios: `b:value`, `b:is_valid`, `b:from_value` (the three steps
//! of `jsonschema+serde`) and `parse:typed`, `parse:value`, `parse:check_json` (the three steps
//! of `parse` on an invalid payload), and `scan` (reading the invalid payload to its end with
//! `IgnoredAny`, building nothing: a lower bound for reporting every violation).
//!
//! Payloads and schemas are read from `specs/*.yaml` at start; before timing, each comparison
//! is checked to accept the valid payload and reject the invalid one, and the violation counts
//! are printed. Run: `cargo bench -p payments-models --bench parse`, then
//! `python3 scripts/bench-ratios.py` for the ratios (BENCHMARKS.md).

mod plain;
mod schema;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use payments_models::{CheckJson, Validate};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// One body: its payloads and its JSON Schema validator.
struct Case {
    name: String,
    valid: Vec<u8>,
    invalid: Vec<u8>,
    /// How many violations the invalid payload has (one per edit).
    violations: usize,
    validator: jsonschema::Validator,
}

/// An edit of the valid example: the member at the pointer set to a value, or removed.
type Edit = (&'static str, Option<Value>);

fn load_spec(stem: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs")
        .join(format!("{stem}.yaml"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The spec's one operation (each bundled spec documents one `post`).
fn operation(spec: &Value) -> &Value {
    let paths = spec["paths"].as_object().expect("paths");
    &paths.values().next().expect("one path")["post"]
}

fn request_example(spec: &Value) -> Value {
    let media = &operation(spec)["requestBody"]["content"]["application/json"];
    match media.get("example") {
        Some(example) => example.clone(),
        // formance-v3 keeps the document's (invalid) example and a valid one beside it.
        None => media["examples"]["valid"]["value"].clone(),
    }
}

fn response_example(spec: &Value) -> Value {
    let responses = operation(spec)["responses"].as_object().expect("responses");
    let (_, ok) = responses
        .iter()
        .find(|(code, _)| code.starts_with('2'))
        .expect("a 2xx response");
    ok["content"]["application/json"]["example"].clone()
}

/// `value` with `edits` applied.
fn edited(value: &Value, edits: &[Edit]) -> Value {
    let mut value = value.clone();
    for (pointer, new) in edits {
        let (parent, last) = pointer.rsplit_once('/').expect("a pointer");
        let parent = value
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no parent for {pointer}"));
        match (parent, new) {
            (Value::Object(members), Some(new)) => {
                members.insert(last.to_owned(), new.clone());
            }
            (Value::Object(members), None) => {
                members.retain(|key, _| key != last);
            }
            (Value::Array(items), Some(new)) => items[last.parse::<usize>().unwrap()] = new.clone(),
            _ => panic!("cannot edit {pointer}"),
        }
    }
    value
}

fn case(spec: &Value, name: String, body: &str, example: Value, edits: &[Edit]) -> Case {
    Case {
        name,
        valid: serde_json::to_vec(&example).unwrap(),
        invalid: serde_json::to_vec(&edited(&example, edits)).unwrap(),
        violations: edits.len(),
        validator: schema::validator(&schema::body_schema(spec, body)),
    }
}

/// The ten bodies: `(request, response)` cases of each provider.
fn cases(stem: &str, request: &[Edit], response: &[Edit]) -> (Case, Case) {
    let spec = load_spec(stem);
    (
        case(
            &spec,
            format!("{stem}/request"),
            "CreatePaymentRequest",
            request_example(&spec),
            request,
        ),
        case(
            &spec,
            format!("{stem}/response"),
            "CreatePaymentResponse",
            response_example(&spec),
            response,
        ),
    )
}

/// Checks what is about to be timed, so that every comparison does the work it claims to.
fn check<T, P>(case: &Case)
where
    T: DeserializeOwned + Validate + CheckJson,
    P: DeserializeOwned + garde::Validate<Context = ()>,
{
    let name = &case.name;
    // Valid: every path accepts it.
    if let Err(violations) = payments_models::parse::<T>(&case.valid) {
        panic!("{name}: parse rejects the valid payload:\n{violations}");
    }
    let plain: P = serde_json::from_slice(&case.valid)
        .unwrap_or_else(|e| panic!("{name}: the plain struct rejects the valid payload: {e}"));
    if let Err(report) = plain.validate() {
        panic!("{name}: garde rejects the valid payload: {report}");
    }
    let value: Value = serde_json::from_slice(&case.valid).unwrap();
    if let Err(error) = case.validator.validate(&value) {
        panic!("{name}: jsonschema rejects the valid payload: {error}");
    }
    P::deserialize(&value).unwrap_or_else(|e| panic!("{name}: from the Value: {e}"));

    // Invalid: parse reports every violation; the floor fails.
    let violations = match payments_models::parse::<T>(&case.invalid) {
        Ok(_) => panic!("{name}: parse accepts the invalid payload"),
        Err(violations) => violations,
    };
    assert_eq!(
        violations.len(),
        case.violations,
        "{name}: parse should report one violation per edit:\n{violations}"
    );
    let floor = serde_json::from_slice::<P>(&case.invalid)
        .err()
        .unwrap_or_else(|| panic!("{name}: the floor accepts the invalid payload"));
    let value: Value = serde_json::from_slice(&case.invalid).unwrap();
    let schema_errors = case.validator.iter_errors(&value).count();
    eprintln!(
        "{name}: invalid payload: parse {} violations, jsonschema {schema_errors} errors, \
         floor stops at: {floor}",
        violations.len()
    );
}

fn bench<T, P>(c: &mut Criterion, case: &Case)
where
    T: DeserializeOwned + Validate + CheckJson,
    P: DeserializeOwned + garde::Validate<Context = ()>,
{
    check::<T, P>(case);

    let mut group = c.benchmark_group(format!("valid/{}", case.name));
    let json = case.valid.as_slice();
    group.bench_function("floor", |b| {
        b.iter(|| serde_json::from_slice::<P>(black_box(json)))
    });
    group.bench_function("parse", |b| {
        b.iter(|| payments_models::parse::<T>(black_box(json)))
    });
    group.bench_function("jsonschema+serde", |b| {
        b.iter(|| {
            let value: Value = serde_json::from_slice(black_box(json)).unwrap();
            if case.validator.is_valid(&value) {
                Some(P::deserialize(&value))
            } else {
                None
            }
        })
    });
    // Where (b)'s time goes: the three steps, each on its own.
    let value: Value = serde_json::from_slice(json).unwrap();
    group.bench_function("b:value", |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(json)))
    });
    group.bench_function("b:is_valid", |b| {
        b.iter(|| case.validator.is_valid(black_box(&value)))
    });
    group.bench_function("b:from_value", |b| {
        b.iter(|| P::deserialize(black_box(&value)))
    });
    group.bench_function("serde+garde", |b| {
        b.iter(|| {
            let plain = serde_json::from_slice::<P>(black_box(json)).unwrap();
            let report = plain.validate();
            (plain, report)
        })
    });
    group.finish();

    let mut group = c.benchmark_group(format!("invalid/{}", case.name));
    let json = case.invalid.as_slice();
    group.bench_function("floor", |b| {
        b.iter(|| serde_json::from_slice::<P>(black_box(json)))
    });
    group.bench_function("parse", |b| {
        b.iter(|| payments_models::parse::<T>(black_box(json)))
    });
    group.bench_function("jsonschema", |b| {
        b.iter(|| {
            let value: Value = serde_json::from_slice(black_box(json)).unwrap();
            let errors: Vec<_> = case.validator.iter_errors(&value).collect();
            errors.len()
        })
    });
    // Where parse's time goes on an invalid payload: the typed attempt that fails, the borrowed
    // `Json` tree (`parse:value`), and `check_json` collecting the violations (paths and
    // messages included).
    let value = payments_models::Json::from_slice(json).unwrap();
    // The least any all-violations parser does: read the whole payload, building nothing.
    group.bench_function("scan", |b| {
        b.iter(|| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(json)))
    });
    group.bench_function("parse:typed", |b| {
        b.iter(|| serde_json::from_slice::<T>(black_box(json)))
    });
    group.bench_function("parse:value", |b| {
        b.iter(|| payments_models::Json::from_slice(black_box(json)))
    });
    group.bench_function("parse:check_json", |b| {
        b.iter(|| {
            let mut out = payments_models::Violations::new();
            T::check_json(
                black_box(&value),
                &payments_models::Location::Root,
                &mut out,
            );
            out
        })
    });
    group.finish();
}

fn parse_benches(c: &mut Criterion) {
    use payments_models::{flexprice, formance_v1, formance_v3, layer2, papaya};

    // layer2's response has two members that can be wrong (`data.id`, `data.status`).
    let (request, response) = cases(
        "layer2",
        &[
            ("/payment_source", Some(json!("bank"))),
            ("/payment_info/amount", Some(json!("12,50"))),
            ("/payment_info/description", None),
        ],
        &[("/data/id", None), ("/data/status", Some(json!(7)))],
    );
    bench::<layer2::CreatePaymentRequest, plain::layer2::CreatePaymentRequest>(c, &request);
    bench::<layer2::CreatePaymentResponse, plain::layer2::CreatePaymentResponse>(c, &response);

    let (request, response) = cases(
        "formance-v1",
        &[
            ("/amount", Some(json!(-5))),
            ("/type", Some(json!("PAYIN"))),
            ("/createdAt", Some(json!("yesterday"))),
            ("/connectorID", None),
            ("/scheme", Some(json!(3))),
        ],
        &[
            ("/data/initialAmount", Some(json!(-1))),
            ("/data/createdAt", Some(json!("2023-11-07 05:31"))),
            ("/data/adjustments/0/amount", Some(json!(-3))),
            ("/data/adjustments/0/raw", None),
            ("/data/status", Some(json!(5))),
        ],
    );
    bench::<formance_v1::CreatePaymentRequest, plain::formance_v1::CreatePaymentRequest>(
        c, &request,
    );
    bench::<formance_v1::CreatePaymentResponse, plain::formance_v1::CreatePaymentResponse>(
        c, &response,
    );

    let (request, response) = cases(
        "formance-v3",
        &[
            ("/asset", Some(json!("usd"))),
            ("/connectorID", Some(json!("not base64!"))),
            ("/adjustments/0/asset", Some(json!("USD"))),
            ("/adjustments/0/status", Some(json!("NOPE"))),
            ("/createdAt", Some(json!("2023-11-07"))),
            ("/initialAmount", None),
        ],
        &[
            ("/data/connectorID", Some(json!("%%%"))),
            ("/data/createdAt", Some(json!("tomorrow"))),
            ("/data/adjustments/0/raw", None),
            ("/data/initialAmount", Some(json!("123"))),
        ],
    );
    bench::<formance_v3::CreatePaymentRequest, plain::formance_v3::CreatePaymentRequest>(
        c, &request,
    );
    bench::<formance_v3::CreatePaymentResponse, plain::formance_v3::CreatePaymentResponse>(
        c, &response,
    );

    let (request, response) = cases(
        "flexprice",
        &[
            ("/amount", Some(json!("10"))),
            ("/currency", None),
            ("/destination_type", Some(json!("BILL"))),
            ("/payment_method_type", Some(json!("CASH"))),
        ],
        &[
            ("/amount", Some(json!("x"))),
            ("/attempts/0/attempt_number", Some(json!(1.5))),
            ("/track_attempts", Some(json!("yes"))),
            ("/metadata", Some(json!({"a": 1}))),
        ],
    );
    bench::<flexprice::CreatePaymentRequest, plain::flexprice::CreatePaymentRequest>(c, &request);
    bench::<flexprice::CreatePaymentResponse, plain::flexprice::CreatePaymentResponse>(
        c, &response,
    );

    let (request, response) = cases(
        "papaya",
        &[
            ("/purpose", Some(json!("sala"))),
            ("/amount/amount", Some(json!(2500.1255))),
            ("/amount/currency", Some(json!("eur"))),
            ("/execution/date", Some(json!("tomorrow"))),
            ("/source/type", Some(json!("person"))),
            ("/target/id", None),
        ],
        &[
            ("/purpose", Some(json!("sala"))),
            ("/amount/currency", Some(json!("EU"))),
            ("/info/fees", Some(json!("2.5"))),
            ("/execution/date", Some(json!("2024-03-25"))),
            ("/info/funding/currency", Some(json!("eur"))),
        ],
    );
    bench::<papaya::CreatePaymentRequest, plain::papaya::CreatePaymentRequest>(c, &request);
    bench::<papaya::CreatePaymentResponse, plain::papaya::CreatePaymentResponse>(c, &response);
}

criterion_group! {
    name = parse;
    // Short by default (a shared 2-core machine); `--warm-up-time`/`--measurement-time` override.
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = parse_benches
}
criterion_main!(parse);
