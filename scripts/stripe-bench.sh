#!/usr/bin/env bash
# Issue 11 §6: `parse` of 100 Stripe payment intents with the generated Stripe models, against
# reading the same bytes into a `serde_json::Value` (BENCHMARKS.md §5).
#
#   scripts/stripe-bench.sh [criterion arguments]
#
# Generates the Stripe crate from ../shared/real-specs/ into target/stripe-bench/models (never
# into the repository), puts the bench crate beside it (scripts/stripe-bench/parse.rs) and runs
# it in the release profile with its own target directory (the Stripe crate alone takes minutes
# to build in release the first time).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
spec=../shared/real-specs/stripe-spec3-2020-11.json
out=target/stripe-bench
[ -f "$spec" ] || { echo "$spec is needed" >&2; exit 1; }

cargo xtask codegen --spec "$spec" --out "$out/models" > /dev/null
# A member of the bench's workspace rather than a workspace of its own.
sed -i '/^\[workspace\]$/d; /^# Its own workspace/d' "$out/models/Cargo.toml"
mkdir -p "$out/bench/benches"
cp scripts/stripe-bench/parse.rs "$out/bench/benches/parse.rs"
cat > "$out/bench/Cargo.toml" <<TOML
[package]
name = "stripe-bench"
version = "0.1.0"
edition = "2021"
publish = false

[dev-dependencies]
criterion = { version = "0.7", default-features = false, features = ["cargo_bench_support"] }
payments-codegen = { path = "$root/codegen" }
payments-runtime = { path = "$root/runtime", default-features = false }
payments-tests = { path = "$root/tests" }
serde_json = "1"
stripe-spec3-2020-11-models = { path = "../models" }

[[bench]]
name = "parse"
harness = false
TOML
cat > "$out/Cargo.toml" <<TOML
[workspace]
resolver = "2"
members = ["models", "bench"]
TOML
cp Cargo.lock "$out/Cargo.lock"
CARGO_TARGET_DIR=target/stripe-bench-target \
  cargo bench --manifest-path "$out/Cargo.toml" -p stripe-bench --bench parse -- "$@"
