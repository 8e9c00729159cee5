#!/usr/bin/env bash
# Preview benchmark: `checksheet serve` (release build) over a copy of the real sheet, on loopback.
#
#   Benchmarks/preview.sh                      # 20 edits, then wrk -t2 -c50 -d10s on two pages
#   EDITS=50 DURATION=30s Benchmarks/preview.sh
#   CHECKSHEET_BIN=path CONTENT_DIR=dir WRK=0 LATENCIES_OUT=file Benchmarks/preview.sh   # as compare.sh runs it
#
# 1. Edit-to-served latency: the time from writing an item page (service-hours, Japanese, newest
#    revision) to its new text being served (edit_latency.py); EDITS edits, median and p95.
# 2. Load: wrk against the whole-sheet page and an item page; requests/s, latency, errors (WRK=0 skips it).
# CHECKSHEET_BIN: this binary instead of building the checkout's release binary.
# CONTENT_DIR, THEME_DIR: the sheet and theme to copy (default: the checkout's Content/ and Site/).
# LATENCIES_OUT: also write the edit-to-served latencies there (ms, one a line).
# Everything goes under Benchmarks/work/ (git-ignored). See Benchmarks/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK="$ROOT/Benchmarks/work/preview-$$"
EDITS=${EDITS:-20}
DURATION=${DURATION:-10s}
WRK=${WRK:-1}
CONTENT_DIR=${CONTENT_DIR:-$ROOT/Content}
THEME_DIR=${THEME_DIR:-$ROOT/Site}

tools="curl"
[[ "$WRK" != 0 ]] && tools="wrk curl"
for tool in $tools; do
    if ! command -v "$tool" >/dev/null; then
        echo "== $tool is missing; installing it"
        if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq "$tool" >/dev/null; else sudo apt-get install -y -qq "$tool" >/dev/null; fi
    fi
done

if [[ -n "${CHECKSHEET_BIN:-}" ]]; then
    BIN=$(cd "$(dirname "$CHECKSHEET_BIN")" && pwd)/$(basename "$CHECKSHEET_BIN")
else
    BIN="$ROOT/.build/release/checksheet"
    echo "== scripts/release"
    (cd "$ROOT" && scripts/release 2>&1 | tail -1)
fi

mkdir -p "$WORK"
cp -R "$CONTENT_DIR" "$WORK/Content"
cp -R "$THEME_DIR" "$WORK/Site"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        local started stopped=""
        started=$(date +%s%N)
        for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || { stopped=1; break; }; sleep 0.1; done
        if [[ -n "$stopped" ]]; then
            echo "== the server stopped $(( ($(date +%s%N) - started) / 1000000 )) ms after SIGTERM"
        else
            echo "!! the server did not stop within 5 s of SIGTERM: killed"
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

cd "$WORK"
"$BIN" serve --port 0 --content Content --theme Site --output public >serve.log 2>serve.err &
SERVER_PID=$!
PORT=""
for _ in $(seq 1200); do
    PORT=$(sed -n 's|^Serving http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' serve.log | head -1)
    [[ -n "$PORT" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat serve.err; exit 1; }
    sleep 0.05
done
[[ -n "$PORT" ]] || { echo "the server did not start"; cat serve.err; exit 1; }
BASE="http://127.0.0.1:$PORT"
echo "== serving $BASE ($(head -1 serve.log))"

NEWEST=$(find Content/revisions -mindepth 1 -maxdepth 1 -type d -name '????-??-??' | sort | tail -1)
PAGE_FILE=$(find "$NEWEST/ja" -name '*-service-hours.md' | head -1)
PAGE_PATH="/ja/items/service-hours/"

# The first build must be served before the first edit, or that edit would time the first build.
for _ in $(seq 1200); do
    curl -sf -o /dev/null "$BASE$PAGE_PATH" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat serve.err; exit 1; }
    sleep 0.05
done

echo "== edit-to-served latency, $EDITS edits of $PAGE_FILE"
LATENCIES="$WORK/latencies.txt"
python3 "$ROOT/Benchmarks/edit_latency.py" "$PORT" "$PAGE_PATH" "$PAGE_FILE" "$EDITS" "$LATENCIES" || { cat serve.err; exit 1; }
[[ -n "${LATENCIES_OUT:-}" ]] && cp "$LATENCIES" "$LATENCIES_OUT"
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

if [[ "$WRK" == 0 ]]; then
    echo "== server stderr (should be empty)"
    cat serve.err
    exit 0
fi
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
