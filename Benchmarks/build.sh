#!/usr/bin/env bash
# Build benchmark: times `checksheet build` on sheets of 49 (the real one), 1,000 and 10,000 items.
#
#   Benchmarks/build.sh                 # N = 49 1000 10000, 5 runs each
#   SIZES="49 1000" RUNS=3 Benchmarks/build.sh
#   KEEP_OUTPUT=1 Benchmarks/build.sh   # keep the out-* folders for inspection
#   SOURCE=head Benchmarks/build.sh     # benchmark the last commit, not the working tree
#
# SOURCE=checkout (the default) builds the checkout as it is, uncommitted edits included.
# SOURCE=head builds an export of HEAD (`git archive`) under Benchmarks/work/build/.src, with its
# own build folder Benchmarks/work/build/.build-head, and takes the theme and the real sheet from it too:
# use it when the working tree is being edited, so the figures belong to exactly one commit.
#
# Everything goes under Benchmarks/work/build/ (git-ignored), and nothing else under Benchmarks/work/
# is touched: the other benchmarks keep their own folders there. See Benchmarks/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/Benchmarks"
WORK="$BENCH/work/build"
SIZES=${SIZES:-"49 1000 10000"}
RUNS=${RUNS:-5}
SOURCE=${SOURCE:-checkout}

# /usr/bin/time (GNU time) gives wall time and peak RSS of the whole process.
if [[ ! -x /usr/bin/time ]]; then
    echo "== /usr/bin/time is missing; installing the 'time' package"
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y time; else sudo apt-get install -y time; fi
fi

mkdir -p "$WORK"
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
case "$SOURCE" in
    checkout)
        SRC="$ROOT"
        echo "== scripts/release (the checkout, as it is)"
        (cd "$ROOT" && scripts/release)
        BUILT="$ROOT/.build/release/checksheet"
        ;;
    head)
        SRC="$WORK/.src"
        echo "== exporting HEAD ($COMMIT) to ${SRC#"$ROOT"/}"
        rm -rf "$SRC"
        mkdir -p "$SRC"
        git -C "$ROOT" archive HEAD | tar -x -C "$SRC"
        # Same dependency versions as the checkout (Package.resolved is not committed).
        [[ -f "$ROOT/Package.resolved" ]] && cp "$ROOT/Package.resolved" "$SRC/"
        echo "== scripts/release (HEAD)"
        (cd "$SRC" && "$ROOT/scripts/release" --scratch-path "$WORK/.build-head")
        BUILT="$WORK/.build-head/release/checksheet"
        ;;
    *)
        echo "SOURCE must be checkout or head, not '$SOURCE'" >&2
        exit 2
        ;;
esac

# A previous run's folders are moved aside at once (a rename is instant) and deleted only after the
# timing: deleting tens of thousands of files keeps the file system busy for a while.
TRASH="$WORK/.trash-$$"
mkdir "$TRASH"
shopt -s nullglob
for old in "$WORK"/* "$WORK"/.trash-*; do
    [[ "$old" != "$TRASH" ]] && mv "$old" "$TRASH/"
done
shopt -u nullglob

# Snapshot the binary and the theme, so that a rebuild or a theme edit made while the benchmark
# runs (other work goes on in this checkout) cannot change the program under test half-way.
BIN="$WORK/checksheet"
THEME="$WORK/theme"
cp "$BUILT" "$BIN"
cp -R "$SRC/Site" "$THEME"
cp -R "$SRC/Content" "$WORK/real-content"
{
    echo "commit: $COMMIT"
    echo "source: $SOURCE"
    if [[ "$SOURCE" == checkout ]]; then
        echo "uncommitted changes in Sources/ Site/ Content/ Package.swift:"
        git -C "$ROOT" status --short -- Sources Site Content Package.swift 2>/dev/null | sed 's/^/  /'
    fi
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpus: $(nproc)"
} > "$WORK/provenance.txt"
sed 's/^/   /' "$WORK/provenance.txt"

RESULTS="$WORK/results.tsv"
printf 'n\trun\twall_s\tpeak_kb\tuser_s\tsys_s\tbytes\tfiles\tload1\n' > "$RESULTS"

for n in $SIZES; do
    dir="$WORK/n-$n"
    mkdir -p "$dir"
    echo "== generating $n items (x 2 languages) into ${dir#"$ROOT"/}/content"
    python3 "$BENCH/generate-sheet.py" "$n" "$dir/content" "$WORK/real-content"

    for run in $(seq 1 "$RUNS"); do
        out="$dir/out-$run"
        sync   # start each run with no dirty pages left over from the previous one
        load=$(cut -d' ' -f1 /proc/loadavg)   # others' work on this machine shows up here
        if ! /usr/bin/time -f '%e %M %U %S' -o "$dir/time-$run.txt" \
            "$BIN" build --content "$dir/content" --theme "$THEME" --output "$out" > "$dir/log-$run.txt" 2>&1; then
            echo "!! checksheet build failed for N=$n (run $run); its diagnostics:" >&2
            cat "$dir/log-$run.txt" >&2
            tail -n 1 "$dir/time-$run.txt" >&2 || true
            exit 1
        fi
        read -r wall peak user sys < <(tail -n 1 "$dir/time-$run.txt")
        bytes=$(du -sb "$out" | cut -f1)
        files=$(find "$out" -type f | wc -l)
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$run" "$wall" "$peak" "$user" "$sys" "$bytes" "$files" "$load" >> "$RESULTS"
        printf '   run %s: %7ss wall  %7ss cpu  %7.1f MB peak  %6s files  %10s bytes  (load before: %s)\n' \
            "$run" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')" \
            "$(awk -v k="$peak" 'BEGIN{print k*1024/1e6}')" "$files" "$bytes" "$load"
    done
done

echo
python3 - "$RESULTS" <<'EOF'
import csv, statistics, sys

rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
sizes = []
for row in rows:
    if int(row["n"]) not in sizes:
        sizes.append(int(row["n"]))
summary = {}
for n in sizes:
    runs = [r for r in rows if int(r["n"]) == n]
    walls = [float(r["wall_s"]) for r in runs]
    peaks = [int(r["peak_kb"]) * 1024 / 1e6 for r in runs]
    cpus = [float(r["user_s"]) + float(r["sys_s"]) for r in runs]
    files = {int(r["files"]) for r in runs}
    size = {int(r["bytes"]) for r in runs}
    if len(files) > 1 or len(size) > 1:
        print(f"warning: N={n}: the runs wrote different outputs (files {sorted(files)}, bytes {sorted(size)})")
    summary[n] = dict(median=statistics.median(walls), min=min(walls), max=max(walls),
                      peak=statistics.median(peaks), cpu=statistics.median(cpus), out=max(size) / 1e6, files=max(files), runs=len(runs))

print(f"{'N':>6}  {'median s':>8}  {'min s':>6}  {'max s':>6}  {'peak MB':>8}  {'output MB':>9}  {'files':>6}  {'cpu s':>7}")
for n, s in summary.items():
    print(f"{n:>6}  {s['median']:>8.2f}  {s['min']:>6.2f}  {s['max']:>6.2f}  {s['peak']:>8.1f}  {s['out']:>9.1f}  {s['files']:>6}  {s['cpu']:>7.2f}")
print(f"(wall time and peak RSS of the whole process, median of {max(s['runs'] for s in summary.values())} runs; MB = 10^6 bytes;")
print(" cpu s = median user + system CPU time; far below the wall time means the process waited for the disk or for other work)")
print()

def verdict(ok):
    return "PASS" if ok else "FAIL"

print("Targets")
if 49 in summary:
    s = summary[49]
    print(f"  real sheet (49 items) under 0.2 s:            {s['median']:.2f} s  {verdict(s['median'] < 0.2)}")
if 10000 in summary:
    s = summary[10000]
    print(f"  10,000 items x 2 languages under 5 s:         {s['median']:.2f} s  {verdict(s['median'] < 5)}")
    print(f"  10,000 items x 2 languages under 500 MB peak: {s['peak']:.1f} MB  {verdict(s['peak'] < 500)}")
if 1000 in summary and 10000 in summary:
    # 10x the items should cost at most ~10x the time (less, with a fixed start-up cost).
    for what, key in (("wall", "median"), ("cpu ", "cpu")):
        a, b = summary[1000][key], summary[10000][key]
        if a > 0:
            ratio = b / a
            shape = "about linear" if ratio <= 11 else "SUPER-LINEAR"
            print(f"  {what} time(10000) / time(1000) = {b:.2f} / {a:.2f} = {ratio:.1f} (linear: <= 10)  {shape}")

import os
cores = os.cpu_count() or 1
loads = [float(r["load1"]) for r in rows]
if max(loads) >= cores - 0.5:
    print()
    print(f"warning: the machine was busy (1-minute load average before the runs: {min(loads):.1f} to {max(loads):.1f},")
    print(f"         on {cores} cores): wall times are inflated and noisy; cpu s is the steadier figure.")
EOF

echo
if [[ -n "${KEEP_OUTPUT:-}" ]]; then
    echo "== keeping the outputs under ${WORK#"$ROOT"/}/n-*/out-*"
else
    echo "== timing done; deleting the outputs"
    rm -rf "$WORK"/n-*/out-*
fi
rm -rf "$TRASH"
echo "Raw figures: ${RESULTS#"$ROOT"/}; provenance: ${WORK#"$ROOT"/}/provenance.txt"
