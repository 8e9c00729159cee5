#!/usr/bin/env bash
# Side by side with Hugo (issue 11, part 4): one command, one run, one machine.
#
#   Benchmarks/compare.sh                                  # everything (10,000 items take several minutes)
#   SIZES="49 1000" RUNS=3 Benchmarks/compare.sh           # smaller sheets only
#   PARTS="history preview" Benchmarks/compare.sh          # skip the Hugo comparison
#   CHECKSHEET_BIN=/path/to/checksheet Benchmarks/compare.sh
#
# 1. sizes:   clean builds of the real sheet and of SIZES items, checksheet and Hugo building the same
#             items (hugo-site.py), RUNS alternating runs each; seconds, peak memory and ratios. For FLOOR_SIZES
#             (default 10000), the file system's floor beside them: checksheet's output copied as it stands, which
#             no build writing those files can beat on this machine (as Benchmarks/write-floor.sh measures it).
# 2. history: the real sheet plus REVISIONS quarterly revisions (5 answers changed in each): a clean
#             build, a rebuild into the same folder with nothing changed, and one after one answer changed.
# 3. preview: one answer edited until `checksheet serve` serves the new page (preview.sh), EDITS edits,
#             on the history scenario and on the real sheet.
# Then the figures against the issue's targets. The binary is not built here: it is the release binary
# of the checkout (.build/release/checksheet, `scripts/release`) or
# CHECKSHEET_BIN, copied into Benchmarks/work/compare/ first. Everything goes under
# Benchmarks/work/compare/ (git-ignored). See Benchmarks/README.md, "Side by side with Hugo".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/Benchmarks"
WORK="$BENCH/work/compare"
SIZES=${SIZES:-"49 1000 10000"}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-1}
HISTORY_RUNS=${HISTORY_RUNS:-5}
REVISIONS=${REVISIONS:-20}
EDITS=${EDITS:-20}
PARTS=${PARTS:-"sizes history preview"}
FLOOR_SIZES=${FLOOR_SIZES:-10000}
BUILT=${CHECKSHEET_BIN:-$ROOT/.build/release/checksheet}

install_missing() {   # command package
    command -v "$1" >/dev/null && return
    echo "== $1 is missing; installing the Debian package $2"
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq "$2" >/dev/null; else sudo apt-get install -y -qq "$2" >/dev/null; fi
}
[[ -x /usr/bin/time ]] || install_missing /usr/bin/time time   # GNU time: wall time and peak RSS
install_missing hugo hugo
install_missing curl curl

if [[ ! -x "$BUILT" ]]; then
    echo "error: no checksheet binary at $BUILT" >&2
    echo "  hint: build it with 'scripts/release', or give CHECKSHEET_BIN=path" >&2
    exit 1
fi

# A previous run's folders are moved aside at once and deleted only after all timing: deleting
# thousands of files slows the creation of new ones on this file system for minutes.
mkdir -p "$WORK"
TRASH="$WORK/.trash-$$"
mkdir "$TRASH"
shopt -s nullglob
for old in "$WORK"/* "$WORK"/.trash-*; do
    [[ "$old" != "$TRASH" ]] && mv "$old" "$TRASH/"
done
shopt -u nullglob

# The binary, theme and real sheet are snapshotted, so that a rebuild or an edit made in the checkout
# while the benchmark runs cannot change what is measured half-way.
BIN="$WORK/checksheet"
THEME="$WORK/theme"
REAL="$WORK/real-content"
cp "$BUILT" "$BIN"
cp -R "$ROOT/Site" "$THEME"
cp -R "$ROOT/Content" "$REAL"
{
    echo "scripts: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown) ($ROOT)"
    # The checkout the binary was built in (…/CHECKOUT/.build/release/checksheet), and its HEAD then.
    built_in=$(git -C "$(dirname "$BUILT")/../.." rev-parse --show-toplevel 2>/dev/null || true)
    [[ -n "$built_in" ]] && echo "binary's checkout: $built_in, HEAD $(git -C "$built_in" log -1 --format='%h of %cI' 2>/dev/null)"
    echo "binary: $BUILT ($(date -u -r "$BUILT" +%Y-%m-%dT%H:%M:%SZ), sha256 $(sha256sum "$BIN" | cut -c1-16))"
    if [[ -z "${CHECKSHEET_BIN:-}" ]]; then
        stale=$(find "$ROOT/Sources" "$ROOT/Package.swift" -newer "$BUILT" -type f 2>/dev/null | wc -l)
        [[ "$stale" -gt 0 ]] && echo "warning: $stale source files are newer than the binary"
    fi
    echo "hugo: $(hugo version | cut -d' ' -f1-2)"
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpus: $(nproc); load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$WORK/provenance.txt"
sed 's/^/   /' "$WORK/provenance.txt"

RESULTS="$WORK/results.tsv"
mkdir -p "$WORK/logs"
printf 'part\tcase\ttool\trun\twall_s\tpeak_kb\tuser_s\tsys_s\tfiles\tbytes\tload1\n' > "$RESULTS"

# measure PART CASE TOOL RUN OUTPUT command...: runs the command under GNU time, appends a row.
measure() {
    local part=$1 case=$2 tool=$3 run=$4 out=$5
    shift 5
    sync   # no dirty pages left over from the previous run
    local load log="$WORK/logs/$part-$case-$tool-$run.txt" time="$WORK/logs/time.txt"
    load=$(cut -d' ' -f1 /proc/loadavg)
    if ! /usr/bin/time -f '%e %M %U %S' -o "$time" "$@" > "$log" 2>&1; then
        echo "!! $tool failed ($part $case, run $run): $*" >&2
        tail -n 40 "$log" >&2
        exit 1
    fi
    local wall peak user sys files bytes
    read -r wall peak user sys < <(tail -n 1 "$time")
    files=$(find "$out" -type f | wc -l)
    bytes=$(du -sb "$out" | cut -f1)
    [[ "$run" == warm-up ]] && return
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$part" "$case" "$tool" "$run" "$wall" "$peak" "$user" "$sys" "$files" "$bytes" "$load" >> "$RESULTS"
    printf '   %-10s %-9s run %s: %7ss wall %7ss cpu %8.1f MB peak %7s files  (load before: %s)\n' "$tool" "$case" "$run" "$wall" \
        "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')" "$(awk -v k="$peak" 'BEGIN{print k*1024/1e6}')" "$files" "$load"
}

# The two commands measured (arrays: GNU time runs programs, not shell functions).
CHECKSHEET_BUILD=("$BIN" build --theme "$THEME" --content)   # then CONTENT --output OUTPUT
# checksheet keeps the pages it parsed and the stamps of what it wrote under $XDG_CACHE_HOME/checksheet, as Hugo keeps
# its file cache under --cacheDir: both caches live here, warmed by each tool's untimed run. The history scenario's
# clean builds start from an empty cache (see below).
export XDG_CACHE_HOME="$WORK/checksheet-cache"
rm -rf "$XDG_CACHE_HOME"
HUGO_BUILD=(hugo --quiet --noBuildLock --cacheDir "$WORK/hugo-cache" --source)   # then PROJECT --destination OUTPUT

# Both tools must have written every item page in both languages, or the comparison is void.
check_items() {   # TOOL OUTPUT N
    local lang count
    for lang in ja en; do
        count=$(find "$2/$lang/items" -mindepth 2 -maxdepth 2 -name index.html | wc -l)
        if [[ "$count" -ne "$3" ]]; then
            echo "!! $1 wrote $count item pages in $lang, not $3 ($2)" >&2
            exit 1
        fi
    done
}

run_tool() {   # TOOL N RUN
    local dir="$WORK/n-$2"
    case "$1" in
        checksheet) measure sizes "$2" checksheet "$3" "$dir/checksheet-$3" "${CHECKSHEET_BUILD[@]}" "$dir/content" --output "$dir/checksheet-$3" ;;
        hugo) measure sizes "$2" hugo "$3" "$dir/hugo-$3" "${HUGO_BUILD[@]}" "$dir/hugo-site" --destination "$dir/hugo-$3" ;;
        # The first run's output, copied: the same files every run, whichever binary wrote them.
        floor) measure sizes "$2" floor "$3" "$dir/floor-$3" "$BENCH/copy-tree.sh" "$dir/checksheet-1" "$dir/floor-$3" ;;
    esac
    [[ "$1" == floor ]] && return 0
    [[ "$3" == 1 ]] && check_items "$1" "$dir/$1-$3" "$2"
    return 0
}

if [[ " $PARTS " == *" sizes "* ]]; then
    for n in $SIZES; do
        dir="$WORK/n-$n"
        echo "== $n items: checksheet and Hugo, $RUNS alternating runs (+ $WARMUP warm-up each) into fresh folders"
        python3 "$BENCH/generate-sheet.py" "$n" "$dir/content" "$REAL"
        python3 "$BENCH/hugo-site.py" "$dir/content" "$dir/hugo-site" "$THEME" >/dev/null
        for warm in $(seq 1 "$WARMUP"); do
            run_tool checksheet "$n" warm-up
            run_tool hugo "$n" warm-up
        done
        for run in $(seq 1 "$RUNS"); do
            # Alternate which tool goes first, so neither always runs after the other's writes.
            if (( run % 2 )); then order="checksheet hugo"; else order="hugo checksheet"; fi
            for tool in $order; do run_tool "$tool" "$n" "$run"; done
            if [[ " $FLOOR_SIZES " == *" $n "* ]]; then run_tool floor "$n" "$run"; fi
        done
    done
fi

if [[ " $PARTS " == *" history "* || " $PARTS " == *" preview "* ]]; then
    # The history scenario: the real sheet, then REVISIONS revisions three months apart, each a copy
    # of the previous one with 5 answers changed in both languages (seeded per revision).
    hist="$WORK/history"
    mkdir -p "$hist"
    python3 "$BENCH/generate-sheet.py" 49 "$hist/pristine" "$REAL"
    previous=2025-03-07
    for k in $(seq 1 "$REVISIONS"); do
        date=$(date -u -d "2025-03-07 + $((3 * k)) months" +%F)
        python3 "$BENCH/make-revision.py" "$hist/pristine" "$previous" "$date" --changed 5 --removed 0 --english all --seed $((20250307 + k)) >/dev/null
        previous=$date
    done
    echo "== history scenario: the real sheet + $REVISIONS quarterly revisions (2025-03-07 to $previous), 5 answers changed in each"
fi

if [[ " $PARTS " == *" history "* ]]; then
    echo "== history: clean build, rebuild with nothing changed, rebuild after one answer changed; $HISTORY_RUNS runs"
    cp -R "$hist/pristine" "$hist/content"
    page=$(find "$hist/content/revisions/$previous/ja" -name '*-service-hours.md')
    for run in $(seq 1 "$HISTORY_RUNS"); do
        out="$hist/out-$run"
        # Clean: no output folder and no cache of earlier builds; the rebuilds then have what the clean build left.
        rm -rf "$XDG_CACHE_HOME"
        measure history clean checksheet "$run" "$out" "${CHECKSHEET_BUILD[@]}" "$hist/content" --output "$out"
        measure history unchanged checksheet "$run" "$out" "${CHECKSHEET_BUILD[@]}" "$hist/content" --output "$out"
        printf '\nhistory-edit-%s\n' "$run" >> "$page"
        measure history one-answer checksheet "$run" "$out" "${CHECKSHEET_BUILD[@]}" "$hist/content" --output "$out"
        if ! grep -q "history-edit-$run" "$out/ja/items/service-hours/index.html"; then
            echo "!! the rebuild after the edit does not show it in ja/items/service-hours/" >&2
            exit 1
        fi
    done
    # The rebuilt folder must equal a clean build of the same content (the build's own record aside).
    "${CHECKSHEET_BUILD[@]}" "$hist/content" --output "$hist/clean-check" > /dev/null 2>&1
    if diff -rq -x .checksheet-build.json "$hist/clean-check" "$hist/out-$HISTORY_RUNS" > "$WORK/history-diff.txt"; then
        echo "same" > "$WORK/history-identical.txt"
    else
        echo "DIFFERENT ($(wc -l < "$WORK/history-diff.txt") paths, see ${WORK#"$ROOT"/}/history-diff.txt)" > "$WORK/history-identical.txt"
    fi
fi

if [[ " $PARTS " == *" preview "* ]]; then
    for scenario in history real; do
        if [[ "$scenario" == history ]]; then content="$hist/pristine"; else content="$REAL"; fi
        echo "== preview, $scenario: $EDITS edits (Benchmarks/preview.sh)"
        CHECKSHEET_BIN="$BIN" CONTENT_DIR="$content" THEME_DIR="$THEME" EDITS="$EDITS" WRK=0 \
            LATENCIES_OUT="$WORK/preview-$scenario.txt" bash "$BENCH/preview.sh" 2>&1 | awk '!seen[$0]++ { print "   " $0 }'
        [[ -s "$WORK/preview-$scenario.txt" ]] || { echo "!! preview.sh gave no figures for $scenario" >&2; exit 1; }
    done
fi

echo
python3 - "$WORK" "$RUNS" "$REVISIONS" <<'EOF' | tee "$WORK/report.txt"
import csv, os, statistics, sys

work, runs, revisions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = list(csv.DictReader(open(os.path.join(work, "results.tsv")), delimiter="\t"))
median = statistics.median
targets = []

def pick(part, case, tool):
    return [r for r in rows if r["part"] == part and r["case"] == case and r["tool"] == tool]

def figures(selected):
    return dict(wall=median(float(r["wall_s"]) for r in selected),
                cpu=median(float(r["user_s"]) + float(r["sys_s"]) for r in selected),
                peak=median(int(r["peak_kb"]) * 1024 / 1e6 for r in selected),
                files=max(int(r["files"]) for r in selected), runs=len(selected))

def target(name, value, limit, shown):
    targets.append((name, shown, "met" if value <= limit else "MISSED"))

sizes, floors = [], {}
for r in rows:
    if r["part"] == "sizes" and int(r["case"]) not in sizes:
        sizes.append(int(r["case"]))
if sizes:
    print(f"1. Clean builds, checksheet against Hugo on the same items (median of {runs} alternating runs)")
    print(f"{'items':>6} | {'checksheet s':>12} {'Hugo s':>7} {'ratio':>6} | {'cpu s':>6} {'Hugo cpu':>8} {'ratio':>6} | {'checksheet MB':>13} {'Hugo MB':>8} {'ratio':>6} | {'files':>13}")
    for n in sizes:
        c, h = figures(pick("sizes", str(n), "checksheet")), figures(pick("sizes", str(n), "hugo"))
        time_ratio, cpu_ratio, peak_ratio = c["wall"] / h["wall"], c["cpu"] / h["cpu"], c["peak"] / h["peak"]
        print(f"{n:>6} | {c['wall']:>12.2f} {h['wall']:>7.2f} {time_ratio:>6.2f} | {c['cpu']:>6.2f} {h['cpu']:>8.2f} {cpu_ratio:>6.2f} | "
              f"{c['peak']:>13.1f} {h['peak']:>8.1f} {peak_ratio:>6.2f} | {c['files']:>6}/{h['files']:<6}")
        if n == 49:
            target("real sheet, clean: time ratio <= 1.0", time_ratio, 1.0, f"{time_ratio:.2f} ({c['wall']:.2f} s / {h['wall']:.2f} s)")
        floor = pick("sizes", str(n), "floor")
        if floor:
            f = figures(floor)
            floors[n] = f["wall"] / h["wall"]
            print(f"{'':>6} | file-system floor: copying checksheet's output as it stands takes {f['wall']:.2f} s, so no build writing "
                  f"these files gets below a ratio of {floors[n]:.2f} here")
        if n == 10000:
            shown = f"{time_ratio:.2f} ({c['wall']:.2f} s / {h['wall']:.2f} s)" + (f"; floor {floors[n]:.2f}" if n in floors else "")
            target("10,000 items: time ratio <= 0.5", time_ratio, 0.5, shown)
            target("10,000 items: peak memory ratio <= 0.5", peak_ratio, 0.5, f"{peak_ratio:.2f} ({c['peak']:.0f} MB / {h['peak']:.0f} MB)")
    print("   ratio = checksheet / Hugo; wall time and peak RSS of the whole process (GNU time %e, %M); MB = 10^6 bytes;")
    print("   cpu = user + system time over all threads; files = regular files written (checksheet/Hugo)")
    if floors:
        print("   floor = checksheet's first output copied with cp -R on both cores (median of the runs), over Hugo's build: the time")
        print("   the file system alone takes to store these files, which varies with its state (Benchmarks/README.md)")
    print()

clean = pick("history", "clean", "checksheet")
if clean:
    c = figures(clean)
    print(f"2. History scenario: the real sheet + {revisions} quarterly revisions (median of {c['runs']} runs)")
    print(f"   {'clean build:':<30}{c['wall']:6.2f} s  {c['cpu']:6.2f} s cpu  {c['peak']:6.1f} MB  {c['files']} files")
    target("history: clean build <= 1 s", c["wall"], 1.0, f"{c['wall']:.2f} s")
    for case, name in (("unchanged", "rebuild, nothing changed"), ("one-answer", "rebuild, one answer changed")):
        r = figures(pick("history", case, "checksheet"))
        share = r["wall"] / c["wall"] * 100
        print(f"   {name + ':':<30}{r['wall']:6.2f} s  {r['cpu']:6.2f} s cpu  {r['peak']:6.1f} MB  {share:5.1f} % of the clean build")
        target(f"history: {name} <= 10 % of clean", share, 10, f"{share:.1f} % ({r['wall']:.2f} s)")
    identical = os.path.join(work, "history-identical.txt")
    if os.path.exists(identical):
        print(f"   the rebuilt folder against a clean build of the same content: {open(identical).read().strip()}")
    print()

def percentile(values, p):   # nearest rank
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values)) - 1))]

previews = [(s, os.path.join(work, f"preview-{s}.txt")) for s in ("history", "real")]
previews = [(s, [int(v) for v in open(p) if v.strip()]) for s, p in previews if os.path.exists(p)]
if previews:
    print("3. Preview: one answer edited until `checksheet serve` serves the new page (ms)")
    for scenario, values in previews:
        name = "history scenario" if scenario == "history" else "real sheet"
        p95 = percentile(values, 95)
        print(f"   {name + ':':<18} p50 {median(values):6.0f}  p95 {p95:6d}  min {min(values):6d}  max {max(values):6d}  ({len(values)} edits)")
        limit = 150 if scenario == "history" else 100
        target(f"preview p95, {name} <= {limit} ms", p95, limit, f"{p95} ms")
    print()

if targets:
    print("Targets (issue 11, part 4)")
    for name, shown, verdict in targets:
        print(f"   {name:<54} {shown:<30} {verdict}")
    print()

loads = [float(r["load1"]) for r in rows]
if loads:
    cores = os.cpu_count() or 1
    print(f"Machine: {cores} cores; 1-minute load average before the runs {min(loads):.1f} to {max(loads):.1f}"
          + (" (busy: wall times are inflated; cpu s is the steadier figure)" if max(loads) >= cores - 0.5 else ""))
EOF

echo
if [[ -n "${KEEP_OUTPUT:-}" ]]; then
    echo "== keeping the outputs under ${WORK#"$ROOT"/}"
else
    echo "== timing done; deleting the outputs"
    rm -rf "$WORK"/n-*/checksheet-* "$WORK"/n-*/hugo-[0-9w]* "$WORK"/n-*/floor-* "$WORK"/history/out-* "$WORK"/history/clean-check
fi
rm -rf "$TRASH"
echo "Report: ${WORK#"$ROOT"/}/report.txt; raw figures: ${WORK#"$ROOT"/}/results.tsv; provenance: ${WORK#"$ROOT"/}/provenance.txt"
