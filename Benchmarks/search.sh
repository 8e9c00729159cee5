#!/usr/bin/env bash
# Search benchmark: index size, bytes fetched until the first result, and query latency in headless
# Chromium, on sheets of 49 (the real one), 1,000 and 10,000 items.
#
#   Benchmarks/search.sh                       # N = 49 1000 10000; latency at 49 and 10000
#   SIZES="49" Benchmarks/search.sh            # only the real sheet
#   SOURCE=head Benchmarks/search.sh           # an export of HEAD instead of the working tree
#   REPS=5 COLD=10 DEADLINE=1500 Benchmarks/search.sh
#
# SOURCE=auto (the default) builds the checkout; when that fails (someone is mid-edit) it falls back
# to an export of HEAD in Benchmarks/work/.src-search with its own build folder .build-search.
# Sites go to Benchmarks/work/search-N/site (git-ignored). Needs the Swift toolchain, libcmark-dev,
# Python 3 with selenium (PyPI), Debian's chromium and chromium-driver, and gzip.
# Do not run Benchmarks/build.sh at the same time: it moves Benchmarks/work/* aside, and both want the CPU.
# See the "Search" section of Benchmarks/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/Benchmarks"
WORK="$BENCH/work"
SIZES=${SIZES:-"49 1000 10000"}
SOURCE=${SOURCE:-auto}
REPS=${REPS:-5}
COLD=${COLD:-10}
DEADLINE=${DEADLINE:-1500}          # seconds for the browser part; the whole script is killed after +120 s

mkdir -p "$WORK"

# Benchmarks/build.sh moves everything in Benchmarks/work/ aside when it starts (our sites included),
# and two benchmarks on 2 cores measure each other: wait (at most WAIT_BUILD seconds) while it runs.
build_bench_running() {
    local proc cmd
    for proc in /proc/[0-9]*; do
        cmd=$( { tr '\0' ' ' < "$proc/cmdline"; } 2>/dev/null ) || continue
        [[ "$cmd" == *"Benchmarks/build.sh"* || "$cmd" == *"$BENCH/build.sh"* ]] && return 0
        [[ "$cmd" == *" build.sh"* && "$(readlink "$proc/cwd" 2>/dev/null)" == "$BENCH" ]] && return 0
    done
    return 1
}
wait_for_build_bench() {
    local waited=0
    while build_bench_running; do
        if (( waited >= ${WAIT_BUILD:-1800} )); then
            echo "!! Benchmarks/build.sh is still running after ${waited} s; try again later" >&2
            exit 1
        fi
        (( waited == 0 )) && echo "== Benchmarks/build.sh is running; waiting for it to finish"
        sleep 10
        waited=$((waited + 10))
    done
}
wait_for_build_bench

COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)

build_head() {
    SRC="$WORK/.src-search"
    echo "== exporting HEAD ($COMMIT) to ${SRC#"$ROOT"/}"
    rm -rf "$SRC"
    mkdir -p "$SRC"
    git -C "$ROOT" archive HEAD | tar -x -C "$SRC"
    [[ -f "$ROOT/Package.resolved" ]] && cp "$ROOT/Package.resolved" "$SRC/"
    echo "== scripts/release (HEAD export)"
    timeout 1800 "$ROOT/scripts/release" --package-path "$SRC" --scratch-path "$WORK/.build-search"
    BUILT="$WORK/.build-search/release/checksheet"
    USED="head ($COMMIT)"
}

case "$SOURCE" in
    auto|checkout)
        SRC="$ROOT"
        echo "== scripts/release (the checkout, as it is)"
        if (cd "$ROOT" && timeout 1800 scripts/release); then
            BUILT="$ROOT/.build/release/checksheet"
            if [[ -n "$(git -C "$ROOT" status --porcelain -- Sources Site Content Package.swift 2>/dev/null)" ]]; then
                USED="checkout ($COMMIT + uncommitted changes)"
            else
                USED="checkout ($COMMIT, no uncommitted changes in Sources/ Site/ Content/ Package.swift)"
            fi
        elif [[ "$SOURCE" == auto ]]; then
            echo "!! the checkout does not build; using an export of HEAD"
            build_head
        else
            exit 1
        fi
        ;;
    head) build_head ;;
    *) echo "SOURCE must be auto, checkout or head, not '$SOURCE'" >&2; exit 2 ;;
esac

# Snapshot binary and theme, so a rebuild or an edit while the benchmark runs changes nothing here.
TOOLS="$WORK/search-tools"
rm -rf "$TOOLS"
mkdir -p "$TOOLS"
cp "$BUILT" "$TOOLS/checksheet"
cp -R "$SRC/Site" "$TOOLS/theme"
cp -R "$SRC/Content" "$TOOLS/real-content"
{
    echo "commit: $COMMIT"
    echo "source: $USED"
    if [[ "$SRC" == "$ROOT" ]]; then
        changes=$(git -C "$ROOT" status --short -- Sources Site Content Package.swift 2>/dev/null | sed 's/^/  /')
        [[ -n "$changes" ]] && printf 'uncommitted changes in Sources/ Site/ Content/ Package.swift:\n%s\n' "$changes"
    fi
    echo "search code (search.js + Search/*.swift) sha256: $(cd "$SRC" && cat Site/assets/search.js Sources/ChecksheetKit/Search/*.swift | sha256sum | cut -c1-16)"
    if [[ "$SRC" == "$ROOT" ]]; then
        git -C "$ROOT" diff --quiet HEAD -- Site/assets/search.js Sources/ChecksheetKit/Search \
            && echo "search code: as in HEAD" || echo "search code: differs from HEAD (see git diff)"
    fi
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpus: $(nproc)"
    echo "chromium: $(/usr/lib/chromium/chromium --version 2>/dev/null || echo unknown)"
} > "$TOOLS/provenance.txt"
sed 's/^/   /' "$TOOLS/provenance.txt"

# Cleanup on any exit: previous sites renamed aside are deleted, and whatever still names our own
# Chromium profile folder (after a kill) is stopped by process id.
TRASH="$WORK/.trash-search-$$"
PROFILE=$(mktemp -d /tmp/checksheet-search-bench-XXXXXX)
cleanup() {
    local proc pid cmd
    for proc in /proc/[0-9]*; do
        pid=${proc#/proc/}
        [[ "$pid" == "$$" ]] && continue
        cmd=$( { tr '\0' ' ' < "$proc/cmdline"; } 2>/dev/null ) || continue
        if [[ "$cmd" == *"--user-data-dir=$PROFILE"* ]]; then kill -9 "$pid" 2>/dev/null || true; fi
    done
    rm -rf "$PROFILE"
    [[ -d "$TRASH" ]] && rm -rf "$TRASH"
    return 0
}
trap cleanup EXIT

# A site is rebuilt only when the binary, the theme, the real content, the generator or N changed
# (the 10,000-item build takes minutes); REBUILD=1 forces it.
INPUTS=$( { sha256sum "$TOOLS/checksheet" "$BENCH/generate-sheet.py"
            (cd "$TOOLS" && find theme real-content -type f | LC_ALL=C sort | xargs -d '\n' sha256sum); } | sha256sum | cut -c1-16)
for n in $SIZES; do
    dir="$WORK/search-$n"
    if [[ "${REBUILD:-0}" != 1 && -f "$dir/site/ja/search-index.json" && "$(cat "$dir/stamp" 2>/dev/null)" == "$INPUTS $n" ]]; then
        echo "== N=$n: the site in ${dir#"$ROOT"/}/site is up to date ($(cat "$dir/build-seconds" 2>/dev/null || echo ?) s to build)"
        continue
    fi
    # Renamed aside (instant); deleted at exit, not in the middle of measuring.
    if [[ -e "$dir" ]]; then mkdir -p "$TRASH"; mv "$dir" "$TRASH/search-$n"; fi
    mkdir -p "$dir"
    echo "== N=$n: generating content and building the site into ${dir#"$ROOT"/}/site"
    python3 "$BENCH/generate-sheet.py" "$n" "$dir/content" "$TOOLS/real-content"
    t0=$(date +%s.%N)
    if ! timeout 3600 "$TOOLS/checksheet" build --content "$dir/content" --theme "$TOOLS/theme" --output "$dir/site" > "$dir/build.log" 2>&1; then
        echo "!! checksheet build failed for N=$n:" >&2
        cat "$dir/build.log" >&2
        exit 1
    fi
    awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f\n", b-a}' > "$dir/build-seconds"
    echo "$INPUTS $n" > "$dir/stamp"
    echo "   $(tail -n 1 "$dir/build.log" | cut -d';' -f1) in $(cat "$dir/build-seconds") s"
done

wait_for_build_bench
for n in $SIZES; do
    [[ -f "$WORK/search-$n/site/ja/search-index.json" ]] || { echo "!! Benchmarks/work/search-$n was moved away; run again" >&2; exit 1; }
done

echo "== measuring (bounded: ${DEADLINE} s, killed at $((DEADLINE + 120)) s)"
# shellcheck disable=SC2086
timeout -k 10 $((DEADLINE + 120)) python3 "$BENCH/search_bench.py" --work "$WORK" --sizes $SIZES \
    --reps "$REPS" --cold "$COLD" --deadline "$DEADLINE" --profile-dir "$PROFILE" \
    --json-out "$WORK/search-results.json" | tee "$WORK/search-report.txt"
echo
sed 's/^/   /' "$TOOLS/provenance.txt"
echo "   raw figures: ${WORK#"$ROOT"/}/search-results.json; report: ${WORK#"$ROOT"/}/search-report.txt"
