#!/usr/bin/env bash
# Import benchmark: peak memory and time of `checksheet import` on a large export (50 MB by default).
#
#   Benchmarks/import.sh                 # a 50 MB TSV, 3 runs
#   MEGABYTES=10 RUNS=1 Benchmarks/import.sh
#
# Builds the release binary, generates the export with generate-export.py into Benchmarks/work/import/
# (git-ignored), imports it into a fresh content folder (site.yml only) per run under GNU time -v, and prints
# the peak resident set size against the file's size. The target: at most 10× the file. See Benchmarks/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK="$ROOT/Benchmarks/work/import"
MEGABYTES=${MEGABYTES:-50}
RUNS=${RUNS:-3}

if [[ ! -x /usr/bin/time ]]; then
    echo "== /usr/bin/time is missing; installing the 'time' package"
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y time; else sudo apt-get install -y time; fi
fi

echo "== scripts/release"
(cd "$ROOT" && scripts/release)
BINARY="$ROOT/.build/release/checksheet"

mkdir -p "$WORK"
EXPORT="$WORK/export-${MEGABYTES}mb.tsv"
[[ -f "$EXPORT" ]] || python3 "$ROOT/Benchmarks/generate-export.py" "$MEGABYTES" "$EXPORT"
BYTES=$(stat -c %s "$EXPORT")

printf 'run\tfile bytes\tpeak RSS KB\tpeak / file\twall s\n'
for run in $(seq 1 "$RUNS"); do
    CONTENT="$WORK/content-$run"
    # A previous run's folder is renamed aside and deleted after timing (deleting many files slows the disk).
    [[ -e "$CONTENT" ]] && mv "$CONTENT" "$WORK/.old-$run-$$"
    mkdir -p "$CONTENT"
    cp "$ROOT/Content/site.yml" "$CONTENT/site.yml"
    sync
    /usr/bin/time -v -o "$WORK/time-$run.txt" "$BINARY" import "$EXPORT" --date 2025-03-07 --content "$CONTENT" > "$WORK/output-$run.txt"
    PEAK=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time-$run.txt")
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time-$run.txt")
    RATIO=$(python3 -c "print(f'{$PEAK * 1024 / $BYTES:.2f}')")
    printf '%s\t%s\t%s\t%s×\t%s\n' "$run" "$BYTES" "$PEAK" "$RATIO" "$WALL"
    head -1 "$WORK/output-$run.txt"
done
rm -rf "$WORK"/.old-*
