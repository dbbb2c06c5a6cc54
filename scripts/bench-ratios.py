#!/usr/bin/env python3
"""Ratios of the `parse` benchmark (payments-models/benches/parse), from criterion's results.

Reads every `criterion/*/*/new/{benchmark,estimates}.json` under the target directory
($CARGO_TARGET_DIR, else ./target) and prints, per body, the median times and the ratios of
BENCHMARKS.md, as a Markdown table. All figures come from the last `cargo bench` run.

    cargo bench -p payments-models --bench parse
    python3 scripts/bench-ratios.py            # or: scripts/bench-ratios.py TARGET_DIR
"""

import json
import os
import pathlib
import sys

BODIES = [
    f"{provider}/{body}"
    for provider in ["layer2", "formance-v1", "formance-v3", "flexprice", "papaya"]
    for body in ["request", "response"]
]


def load(target):
    root = pathlib.Path(target) / "criterion"
    times = {}
    for bench in root.glob("*/*/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        estimates = json.loads((bench.parent / "estimates.json").read_text())
        times[(meta["group_id"], meta["function_id"])] = estimates["median"]["point_estimate"]
    return times


def fmt_time(ns):
    return f"{ns / 1000:.2f} µs" if ns >= 1000 else f"{ns:.0f} ns"


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CARGO_TARGET_DIR", "target")
    times = load(target)
    if not times:
        sys.exit(f"no criterion results under {target}/criterion: run the benchmark first")

    print("Valid payloads (median; ratios to the floor of the same run):\n")
    print("| body | floor | parse | parse / floor | jsonschema+serde / parse | serde+garde / floor |")
    print("|---|---|---|---|---|---|")
    worst = {"parse/floor": 0.0, "jsonschema/parse": float("inf"), "invalid/floor": 0.0}
    for body in BODIES:
        group = f"valid/{body}"
        try:
            floor = times[(group, "floor")]
            parse = times[(group, "parse")]
            schema = times[(group, "jsonschema+serde")]
            garde = times[(group, "serde+garde")]
        except KeyError:
            continue
        worst["parse/floor"] = max(worst["parse/floor"], parse / floor)
        worst["jsonschema/parse"] = min(worst["jsonschema/parse"], schema / parse)
        print(
            f"| {body} | {fmt_time(floor)} | {fmt_time(parse)} | {parse / floor:.2f}× "
            f"| {schema / parse:.1f}× | {garde / floor:.2f}× |"
        )

    print("\nInvalid payloads (every violation reported by parse; the floor stops at its first error):\n")
    print("| body | floor (fails) | parse | parse / floor | parse / valid floor | jsonschema (all errors) / parse |")
    print("|---|---|---|---|---|---|")
    for body in BODIES:
        group = f"invalid/{body}"
        try:
            floor = times[(group, "floor")]
            parse = times[(group, "parse")]
            schema = times[(group, "jsonschema")]
            valid_floor = times[(f"valid/{body}", "floor")]
        except KeyError:
            continue
        worst["invalid/floor"] = max(worst["invalid/floor"], parse / floor)
        print(
            f"| {body} | {fmt_time(floor)} | {fmt_time(parse)} | {parse / floor:.2f}× "
            f"| {parse / valid_floor:.2f}× | {schema / parse:.2f}× |"
        )

    print(
        f"\nWorst: valid parse / floor = {worst['parse/floor']:.2f}× (target ≤ 1.2×); "
        f"jsonschema+serde / parse = {worst['jsonschema/parse']:.1f}× (target ≥ 10×); "
        f"invalid parse / floor = {worst['invalid/floor']:.2f}× (target ≤ 2×)."
    )


if __name__ == "__main__":
    main()
