#!/usr/bin/env bash
# Preview benchmark: `checksheet serve` (release build) over a copy of the real sheet, on loopback.
#
#   Benchmarks/preview.sh                      # 20 edits, then wrk -t2 -c50 -d10s on two pages
#   EDITS=50 DURATION=30s Benchmarks/preview.sh
#
# 1. Edit-to-served latency: the time from writing an item page to its new text being served, polled
#    with curl; EDITS edits, median and p95.
# 2. Load: wrk against the whole-sheet page and an item page; requests/s, latency, errors.
# Everything goes under Benchmarks/work/ (git-ignored). See Benchmarks/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK="$ROOT/Benchmarks/work/preview-$$"
EDITS=${EDITS:-20}
DURATION=${DURATION:-10s}
BIN="$ROOT/.build/release/checksheet"

for tool in wrk curl; do
    if ! command -v "$tool" >/dev/null; then
        echo "== $tool is missing; installing it"
        if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq "$tool" >/dev/null; else sudo apt-get install -y -qq "$tool" >/dev/null; fi
    fi
done

echo "== swift build -c release --product checksheet"
(cd "$ROOT" && swift build -c release --product checksheet 2>&1 | tail -1)

mkdir -p "$WORK"
cp -R "$ROOT/Content" "$WORK/Content"
cp -R "$ROOT/Site" "$WORK/Site"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

cd "$WORK"
"$BIN" serve --port 0 --content Content --theme Site --output public >serve.log 2>serve.err &
SERVER_PID=$!
PORT=""
for _ in $(seq 600); do
    PORT=$(sed -n 's|^Serving http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' serve.log | head -1)
    [[ -n "$PORT" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat serve.err; exit 1; }
    sleep 0.05
done
[[ -n "$PORT" ]] || { echo "the server did not start"; cat serve.err; exit 1; }
BASE="http://127.0.0.1:$PORT"
echo "== serving $BASE ($(head -1 serve.log))"

PAGE_FILE="Content/revisions/2025-03-07/ja/01-service-hours.md"
PAGE_URL="$BASE/ja/items/service-hours/"
ORIGINAL=$(cat "$PAGE_FILE")
now_ns() { date +%s%N; }

echo "== edit-to-served latency, $EDITS edits of $PAGE_FILE"
LATENCIES="$WORK/latencies.txt"
: > "$LATENCIES"
for i in $(seq "$EDITS"); do
    marker="bench-edit-$i-$RANDOM$RANDOM"
    start=$(now_ns)
    printf '%s\n\n%s\n' "$ORIGINAL" "$marker" > "$PAGE_FILE"
    deadline=$((start + 10000000000))
    until curl -sf "$PAGE_URL" | grep -q "$marker"; do
        if (( $(now_ns) > deadline )); then echo "edit $i was not served within 10 s"; cat serve.err; exit 1; fi
    done
    end=$(now_ns)
    echo $(( (end - start) / 1000000 )) >> "$LATENCIES"
    sleep 0.25
done
python3 - "$LATENCIES" <<'EOF'
import statistics, sys
values = sorted(int(line) for line in open(sys.argv[1]) if line.strip())
p95 = values[min(len(values) - 1, max(0, round(0.95 * len(values)) - 1))]
print(f"edits: {len(values)}  median: {statistics.median(values):.0f} ms  p95: {p95} ms  min: {values[0]} ms  max: {values[-1]} ms")
print("all (ms): " + " ".join(str(v) for v in values))
EOF
grep -E "rebuilt" serve.log | sed -n 's/.* in \([0-9]*\) ms.*/\1/p' | python3 -c '
import statistics, sys
values = [int(v) for v in sys.stdin if v.strip()]
if values: print(f"rebuild inside the server (read, build, swap): median {statistics.median(values):.0f} ms over {len(values)} builds")
'

for path in /ja/ /ja/items/service-hours/; do
    echo "== wrk -t2 -c50 -d$DURATION --latency $BASE$path"
    wrk -t2 -c50 -d"$DURATION" --latency "$BASE$path" > wrk.txt
    python3 - wrk.txt <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
def find(pattern, default="0"):
    match = re.search(pattern, text)
    return match.group(1) if match else default
requests = find(r"(\d+) requests in")
errors = find(r"Socket errors: (.*)", "none")
non2xx = find(r"Non-2xx or 3xx responses: (\d+)")
rate, transfer = find(r"Requests/sec:\s+([\d.]+)"), find(r"Transfer/sec:\s+(\S+)")
average = find(r"(?m)^\s+Latency\s+([\d.]+\S*)")
p50, p90, p99 = (find(r"(?m)^\s+%s%%\s+(\S+)" % q) for q in (50, 90, 99))
print(f"requests/s: {rate}  requests: {requests}  transfer/s: {transfer}")
print(f"latency avg: {average}  p50: {p50}  p90: {p90}  p99: {p99}")
print(f"socket errors: {errors}  non-2xx/3xx: {non2xx}")
EOF
done
echo "== server stderr (should be empty)"
cat serve.err
