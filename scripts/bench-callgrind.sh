#!/usr/bin/env bash
# Instruction counts of one `parse` benchmark under callgrind: repeatable on a shared machine,
# where wall-clock times are not. Prints the instructions per call of each function given (its
# inclusive cost divided by the calls criterion's loop made), then the top inclusive costs.
#
#   scripts/bench-callgrind.sh 'valid/papaya/request/parse' payments_runtime::parse::parse
#   scripts/bench-callgrind.sh 'invalid/papaya/request/parse' payments_runtime::parse::parse \
#       'serde_json::value::de::<impl serde_core::de::Deserialize for serde_json::value::Value>::deserialize'
#
# Needs valgrind (Debian package `valgrind`). The callgrind file is left in $OUT (default
# /tmp/callgrind.<bench>.out) for `callgrind_annotate --inclusive=yes --tree=caller`.
set -euo pipefail
cd "$(dirname "$0")/.."

bench_id=${1:?usage: $0 BENCH_ID [FUNCTION...]}
shift
target=${CARGO_TARGET_DIR:-target}
binary=$(cargo bench -p payments-models --bench parse --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "parse" and m.get("executable"):
        print(m["executable"])')
out=${OUT:-/tmp/callgrind.$(echo "$bench_id" | tr '/+:' '___').out}
valgrind --tool=callgrind --callgrind-out-file="$out" "$binary" --bench --profile-time 2 \
    "^${bench_id}\$" >/dev/null 2>"$out.log"

# The calls of a function made from criterion's timing loop, and its inclusive cost.
per_call() {
    callgrind_annotate --tree=caller --inclusive=yes "$out" 2>/dev/null | python3 -c '
import re, sys
name = sys.argv[1]
lines = sys.stdin.read().splitlines()
for i, line in enumerate(lines):
    m = re.match(r"\s*([\d,]+) \([^)]*\)\s+\*\s+\S*?:(.*) \[", line)
    if not m or m.group(2) != name:
        continue
    total = int(m.group(1).replace(",", ""))
    calls = 0
    j = i - 1
    while j >= 0 and "<" in lines[j]:
        c = re.search(r"\(([\d,]+)x\)", lines[j])
        if c:
            calls += int(c.group(1).replace(",", ""))
        j -= 1
    if calls:
        print(f"{total // calls:>10,} instructions/call  {calls:>7,} calls  {name}")
    break
else:
    print(f"not found: {name}")
' "$1"
}

for function in "$@"; do
    per_call "$function"
done
echo "--- top inclusive costs ($out)"
callgrind_annotate --inclusive=yes "$out" 2>/dev/null | grep -E '^\s*[0-9,]+ \(' | sed -n '2,40p' | cut -c1-200
