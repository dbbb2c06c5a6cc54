#!/usr/bin/env python3
"""The table of BENCHMARKS.md over the six official specs of ../shared/real-specs/: component
schemas, generated types and lines, whole-process generation time and peak memory of a release
`xtask`, and the debug `cargo build` of the generated crate — cold (its dependencies built, the
crate itself from nothing) and incremental (one line of its lib.rs changed).

    cargo build --release -p xtask
    python3 scripts/real-specs-table.py [--runs N] [--no-build]

Crates are written under target/real-specs-table/<crate> and built in one target directory,
target/real-specs-table-target, one after the other (one cargo build at a time). Needs PyYAML
for the YAML specs' schema count, and GNU time (/usr/bin/time) for peak memory.
"""

import json
import os
import pathlib
import re
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "real-specs"
SPECS = [
    ("Formance", "formance-stack-v3.0.json", "formance-table-models"),
    ("Flexprice", "flexprice-swagger-3-0-2025-08-04.json", "flexprice-table-models"),
    ("Stripe", "stripe-spec3-2020-11.json", "stripe-table-models"),
    ("Plaid", "plaid-2020-09-14.yaml", "plaid-table-models"),
    ("Lago", "lago-openapi-bundled.yaml", "lago-table-models"),
    ("Adyen Checkout", "adyen-checkout-v71.json", "adyen-table-models"),
]
XTASK = ROOT / "target" / "release" / "xtask"
OUT = ROOT / "target" / "real-specs-table"
TARGET = ROOT / "target" / "real-specs-table-target"


def schema_count(path):
    text = path.read_text()
    if path.suffix == ".json":
        doc = json.loads(text)
    else:
        import yaml

        doc = yaml.safe_load(text)
    return len((doc.get("components") or {}).get("schemas") or {})


def generate(spec, crate, prefix=()):
    command = [*prefix, str(XTASK), "codegen", "--spec", str(spec), "--out", str(OUT / crate),
               "--crate-name", crate]
    return subprocess.run(command, capture_output=True, text=True, check=True)


def generation(spec, crate, runs):
    """(xtask's output, median and fastest seconds of `runs` generations, peak MB)."""
    output = generate(spec, crate).stdout  # also the warm-up: file cache, crate directory
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        generate(spec, crate)
        times.append(time.perf_counter() - start)
    peak = generate(spec, crate, ("/usr/bin/time", "-f", "%M")).stderr.strip().splitlines()[-1]
    return output, statistics.median(times), min(times), int(peak) / 1024


def cargo_build(crate):
    # This workspace's dependency versions, and no registry resolution.
    lock = OUT / crate / "Cargo.lock"
    if not lock.exists():
        lock.write_text((ROOT / "Cargo.lock").read_text())
    start = time.perf_counter()
    subprocess.run(
        ["cargo", "build", "--quiet", "--offline", "--manifest-path",
         str(OUT / crate / "Cargo.toml")],
        check=True, env={**os.environ, "CARGO_TARGET_DIR": str(TARGET)},
    )
    return time.perf_counter() - start


def builds(crate):
    # Dependencies first (shared by all six), then the crate alone from nothing.
    cargo_build(crate)
    subprocess.run(
        ["cargo", "clean", "--quiet", "--offline", "-p", crate, "--manifest-path",
         str(OUT / crate / "Cargo.toml")],
        check=True, env={**os.environ, "CARGO_TARGET_DIR": str(TARGET)},
    )
    cold = cargo_build(crate)
    lib = OUT / crate / "src" / "lib.rs"
    text = lib.read_text()
    lib.write_text(text + "\n// an edit\n")
    incremental = cargo_build(crate)
    lib.write_text(text)
    return cold, incremental


def main():
    runs = 10
    if "--runs" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--runs") + 1])
    build = "--no-build" not in sys.argv
    print("| spec | component schemas | types | lines | generation, whole process (median; min) "
          "| peak memory | cold build | incremental build |")
    print("|---|---|---|---|---|---|---|---|")
    for name, file, crate in SPECS:
        spec = SHARED / file
        if not spec.is_file():
            print(f"| {name} | missing: {spec} | | | | | | |")
            continue
        output, median, fastest, peak = generation(spec, crate, runs)
        found = re.search(r"(\d+) types", output)
        types = found.group(1) if found else "?"
        lines = sum(1 for _ in (OUT / crate / "src" / "lib.rs").open())
        cold, incremental = builds(crate) if build else (float("nan"), float("nan"))
        print(f"| {name} | {schema_count(spec):,} | {types} | {lines:,} | "
              f"{median * 1000:.0f} ms; {fastest * 1000:.0f} ms | {peak:.1f} MB | "
              f"{cold:.1f} s | {incremental:.1f} s |", flush=True)


if __name__ == "__main__":
    main()
