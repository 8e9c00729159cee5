#!/usr/bin/env bash
# The diff of two revisions of N items (default 10,000): whole-process time and peak memory of
# `checksheet diff FROM TO --format json` (reading and checking both revisions included), release build.
# Usage: Benchmarks/diff.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
runs=${2:-5}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
scripts/release >/dev/null
work=Benchmarks/work/diff-$n
rm -rf "$work" && mkdir -p "$work"
python3 Benchmarks/generate-sheet.py "$n" "$work/content" >/dev/null
python3 Benchmarks/make-revision.py "$work/content" 2025-03-07 2025-09-01 5
times=()
for run in $(seq "$runs"); do
  /usr/bin/time -f '%e %M' -o "$work/time" .build/release/checksheet diff 2025-03-07 2025-09-01 --format json --content "$work/content" > "$work/diff.json"
  times+=("$(cat "$work/time")")
done
python3 - "$n" "$work/diff.json" "${times[@]}" <<'PY'
import json, statistics, sys
n, path, runs = int(sys.argv[1]), sys.argv[2], [tuple(map(float, r.split())) for r in sys.argv[3:]]
diff = json.load(open(path))
wall = [r[0] for r in runs]
peak = [r[1] / 1000 for r in runs]
print(f"items per revision: {n}; added {len(diff['added'])}, removed {len(diff['removed'])}, changed {len(diff['changed'])}, renumbered {len(diff['renumbered'])}")
print(f"checksheet diff (whole process): median {statistics.median(wall):.2f} s, min {min(wall):.2f} s, max {max(wall):.2f} s; peak {statistics.median(peak):.0f} MB")
print(f"target: under 1 s -> {'met' if statistics.median(wall) < 1 else 'missed by %.2f s' % (statistics.median(wall) - 1)}")
PY
