//! Reading a big real payload with the generated Stripe models (issue 11 §6): `parse` of a list
//! of 100 payment intents against `serde_json::Value` and the models' unvalidated serde read.
//!
//! Built and run by `scripts/stripe-bench.sh`, which generates the Stripe crate from
//! `../shared/real-specs/` into `target/stripe-bench/` first: the third-party spec and the code
//! generated from it never enter the repository. The payload is assembled at start from the
//! spec's own examples, as the full-spec round-trip test assembles its payloads.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use stripe_spec3_2020_11_models::PaymentIntent;

const INTENTS: usize = 100;

fn payload() -> Vec<u8> {
    let path = payments_tests::real_spec_path("stripe-spec3-2020-11.json")
        .expect("../shared/real-specs/stripe-spec3-2020-11.json");
    let doc = payments_codegen::load::load(&path).expect("the spec loads");
    let schema = serde_json::json!({ "$ref": "#/components/schemas/payment_intent" });
    let intent = payments_tests::synth::instance(&doc.raw, &schema);
    serde_json::to_vec(&vec![intent; INTENTS]).expect("JSON")
}

fn bench(c: &mut Criterion) {
    let bytes = payload();
    // The payload is valid, and each way reads all of it.
    let read: Vec<PaymentIntent> = payments_runtime::parse(&bytes)
        .unwrap_or_else(|violations| panic!("the assembled payload is invalid:\n{violations}"));
    assert_eq!(read.len(), INTENTS);
    let mut group = c.benchmark_group(format!("stripe/{INTENTS}-payment-intents"));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&bytes)))
    });
    group.bench_function("serde", |b| {
        b.iter(|| serde_json::from_slice::<Vec<PaymentIntent>>(black_box(&bytes)))
    });
    group.bench_function("parse", |b| {
        b.iter(|| payments_runtime::parse::<Vec<PaymentIntent>>(black_box(&bytes)))
    });
    group.finish();
    println!(
        "payload: {} bytes, {INTENTS} payment intents",
        bytes.len()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
