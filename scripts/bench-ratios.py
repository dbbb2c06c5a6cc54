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

    def get(group, function):
        return times.get((group, function))

    print("Valid payloads (median; ratios within the same run):\n")
    print(
        "| body | floor | parse | parse / floor | (b) jsonschema+serde / parse "
        "| (c) serde+garde / floor | (b)'s `Value` alone / parse |"
    )
    print("|---|---|---|---|---|---|---|")
    worst = {
        "parse/floor": 0.0,
        "jsonschema/parse": float("inf"),
        "invalid/floor": 0.0,
        "invalid/valid floor": 0.0,
    }
    for body in BODIES:
        group = f"valid/{body}"
        floor, parse = get(group, "floor"), get(group, "parse")
        schema, garde = get(group, "jsonschema+serde"), get(group, "serde+garde")
        value = get(group, "b:value")
        if None in (floor, parse, schema, garde):
            continue
        worst["parse/floor"] = max(worst["parse/floor"], parse / floor)
        worst["jsonschema/parse"] = min(worst["jsonschema/parse"], schema / parse)
        value_ratio = f"{value / parse:.2f}×" if value else "–"
        print(
            f"| {body} | {fmt_time(floor)} | {fmt_time(parse)} | {parse / floor:.2f}× "
            f"| {schema / parse:.1f}× | {garde / floor:.2f}× | {value_ratio} |"
        )

    print(
        "\nInvalid payloads (parse reports every violation; the floor stops at its first "
        "error. Bounds: what only reading the whole payload costs (`scan`, `IgnoredAny`) and "
        "what the floor costs on the whole valid payload, each over the failing floor):\n"
    )
    print(
        "| body | floor (fails) | parse | parse / floor | bound: scan / floor "
        "| bound: valid floor / floor | parse / valid floor "
        "| of parse: typed + tree + check_json | jsonschema (all errors) / parse |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for body in BODIES:
        group = f"invalid/{body}"
        floor, parse = get(group, "floor"), get(group, "parse")
        schema, valid_floor = get(group, "jsonschema"), get(f"valid/{body}", "floor")
        if None in (floor, parse, schema, valid_floor):
            continue
        parts = [get(group, f"parse:{step}") for step in ("typed", "value", "check_json")]
        split = (
            " + ".join(f"{100 * part / parse:.0f}%" for part in parts)
            if None not in parts
            else "–"
        )
        scan = get(group, "scan")
        scan_ratio = f"{scan / floor:.2f}×" if scan else "–"
        worst["invalid/floor"] = max(worst["invalid/floor"], parse / floor)
        worst["invalid/valid floor"] = max(worst["invalid/valid floor"], parse / valid_floor)
        print(
            f"| {body} | {fmt_time(floor)} | {fmt_time(parse)} | {parse / floor:.2f}× "
            f"| {scan_ratio} | {valid_floor / floor:.2f}× | {parse / valid_floor:.2f}× | {split} "
            f"| {schema / parse:.2f}× |"
        )

    print(
        f"\nWorst: valid parse / floor = {worst['parse/floor']:.2f}× (target ≤ 1.2×); "
        f"jsonschema+serde / parse = {worst['jsonschema/parse']:.1f}× (target ≥ 10×); "
        f"invalid parse / floor = {worst['invalid/floor']:.2f}× (target ≤ 2×); "
        f"invalid parse / valid floor = {worst['invalid/valid floor']:.2f}×."
    )


if __name__ == "__main__":
    main()
