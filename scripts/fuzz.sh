#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with coverage instrumentation on the stable toolchain
# (the flags cargo-fuzz passes, without a sanitizer) and runs one of them.
#
#   scripts/fuzz.sh parse_models -runs=10000000
#   scripts/fuzz.sh generator -max_total_time=600
#   scripts/fuzz.sh parse_models --pack     # minimize the working corpus into fuzz/corpus/
#
# Inputs: the committed corpus fuzz/corpus/TARGET.b64 (one base64 input per line, unpacked into
# the working corpus target/fuzz/corpus/TARGET) plus seeds made from the repository's own
# corpora and specs (target/fuzz/seeds/TARGET). New inputs go to the working corpus; `--pack`
# minimizes it (edge coverage, `-merge=1`) and writes fuzz/corpus/TARGET.b64, which
# tests/tests/fuzz_corpus.rs replays in CI. A crash is written to fuzz/artifacts/TARGET/; copy it
# to fuzz/regressions/TARGET/ with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."
target_name=${1:?usage: $0 TARGET [LIBFUZZER_ARGS...]}
shift
triple=$(rustc -vV | sed -n 's/^host: //p')
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
(cd fuzz && cargo build --release --quiet --target "$triple" --target-dir ../target/fuzz --bin "$target_name")
binary=target/fuzz/$triple/release/$target_name

work=target/fuzz/corpus/$target_name
packed=fuzz/corpus/$target_name.b64
if [ "${1:-}" = "--pack" ]; then
    minimized=target/fuzz/minimized/$target_name
    rm -rf "$minimized" && mkdir -p "$minimized"
    "$binary" -merge=1 -use_counters=0 -use_cmp=0 "$minimized" "$work" 2>&1 | tail -1
    python3 - "$minimized" "$packed" <<'PY'
import base64, pathlib, sys
inputs = sorted(p.read_bytes() for p in pathlib.Path(sys.argv[1]).iterdir())
pathlib.Path(sys.argv[2]).write_text("".join(base64.b64encode(i).decode() + "\n" for i in inputs))
print(f"{len(inputs)} inputs in {sys.argv[2]}")
PY
    exit 0
fi
mkdir -p "$work"
if [ -f "$packed" ]; then
    python3 - "$packed" "$work" <<'PY'
import base64, hashlib, pathlib, sys
for line in pathlib.Path(sys.argv[1]).read_text().split():
    data = base64.b64decode(line)
    (pathlib.Path(sys.argv[2]) / hashlib.sha1(data).hexdigest()).write_bytes(data)
PY
fi
seeds=target/fuzz/seeds/$target_name
rm -rf "$seeds" && mkdir -p "$seeds" "fuzz/artifacts/$target_name"
python3 - "$target_name" "$seeds" <<'PY'
import json, pathlib, sys
target, out = sys.argv[1], pathlib.Path(sys.argv[2])
models = ["layer2::CreatePaymentRequest", "layer2::CreatePaymentResponse", "layer2::ErrorResponse",
          "formance_v1::CreatePaymentRequest", "formance_v1::CreatePaymentResponse", "formance_v1::ErrorResponse",
          "formance_v3::CreatePaymentRequest", "formance_v3::CreatePaymentResponse", "formance_v3::ErrorResponse",
          "flexprice::CreatePaymentRequest", "flexprice::CreatePaymentResponse", "flexprice::ErrorResponse",
          "papaya::CreatePaymentRequest", "papaya::CreatePaymentResponse"]
n = 0
if target in ("parse_models", "json_and_wire_forms"):
    for path in sorted(pathlib.Path("tests/corpus").glob("*/*.json")):
        text = path.read_text()
        case = json.loads(text)
        # The payload's text as written (numbers digit for digit), cut out of the file.
        payload = case.get("payload_text")
        if payload is None:
            # The value's own text: raw_decode says where it ends.
            start = text.index(":", text.index('"payload"')) + 1
            start += len(text[start:]) - len(text[start:].lstrip())
            _, end = json.JSONDecoder().raw_decode(text, start)
            payload = text[start:end]
        module = path.parent.name.replace("-", "_")
        name = f'{module}::{case["type"]}'
        data = payload.encode()
        if target == "parse_models":
            data = bytes([models.index(name) if name in models else 0]) + data
        (out / f"seed-{n}").write_bytes(data); n += 1
else:
    for path in sorted(pathlib.Path("specs").glob("*.yaml")) + sorted(pathlib.Path("codegen/tests/fixtures").glob("*")):
        data = path.read_bytes()
        (out / f"seed-{n}").write_bytes((b"\x00" if path.suffix == ".json" else b"\x01") + data); n += 1
print(f"{n} seeds in {out}", file=sys.stderr)
PY
exec "$binary" "$work" "$seeds" -artifact_prefix="fuzz/artifacts/$target_name/" \
    -max_len=65536 -timeout=10 -rss_limit_mb=4096 "$@"
