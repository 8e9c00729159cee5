#!/usr/bin/env bash
# The least time any build of the N-item site can take on this machine: the time the file system takes to store the
# files checksheet writes, measured by copying a finished build with `cp -R` on both cores (the ja/ and en/ trees
# at once), with no rendering at all. Hugo's whole build of the same items, and the copy of its output, are measured
# beside it. The floor divided by Hugo's build time is the lowest time ratio any renderer could reach with this
# site's files (issue 11: the 10,000-item target is a ratio of at most 0.5).
#
#   Benchmarks/write-floor.sh                 # N = 10000, 3 runs of each
#   N=1000 RUNS=5 Benchmarks/write-floor.sh
#   CHECKSHEET_BIN=/path/to/checksheet Benchmarks/write-floor.sh
#
# Everything goes under Benchmarks/work/floor/ (git-ignored). See Benchmarks/README.md, "The file system's floor".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/Benchmarks"
WORK="$BENCH/work/floor"
N=${N:-10000}
RUNS=${RUNS:-3}
BIN=${CHECKSHEET_BIN:-$ROOT/.build/release/checksheet}

[[ -x /usr/bin/time ]] || { echo "error: GNU time is missing at /usr/bin/time" >&2; echo "  hint: apt-get install time" >&2; exit 1; }
command -v hugo >/dev/null || { echo "error: hugo is missing" >&2; echo "  hint: apt-get install hugo" >&2; exit 1; }
if [[ ! -x "$BIN" ]]; then
    echo "error: no checksheet binary at $BIN" >&2
    echo "  hint: build it with 'scripts/release', or give CHECKSHEET_BIN=path" >&2
    exit 1
fi

rm -rf "$WORK"
mkdir -p "$WORK"
echo "== $N items: generating the content and the Hugo site; one build of each"
python3 "$BENCH/generate-sheet.py" "$N" "$WORK/content" "$ROOT/Content"
python3 "$BENCH/hugo-site.py" "$WORK/content" "$WORK/hugo-site" "$ROOT/Site" > /dev/null
export XDG_CACHE_HOME="$WORK/cache"
"$BIN" build --theme "$ROOT/Site" --content "$WORK/content" --output "$WORK/checksheet-site" > /dev/null
hugo --quiet --noBuildLock --cacheDir "$WORK/hugo-cache" --source "$WORK/hugo-site" --destination "$WORK/hugo-out" > /dev/null

# seconds COMMAND...: wall seconds of the command, after writing back every dirty page of earlier work.
seconds() {
    sync
    /usr/bin/time -f '%e' -o "$WORK/time.txt" "$@" > /dev/null 2>&1
    tail -n 1 "$WORK/time.txt"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ours=() theirs=() hugo=()
for run in $(seq 1 "$RUNS"); do
    ours+=("$(seconds "$BENCH/copy-tree.sh" "$WORK/checksheet-site" "$WORK/copy-ours-$run")")
    theirs+=("$(seconds "$BENCH/copy-tree.sh" "$WORK/hugo-out" "$WORK/copy-hugo-$run")")
    hugo+=("$(seconds hugo --quiet --noBuildLock --cacheDir "$WORK/hugo-cache" --source "$WORK/hugo-site" --destination "$WORK/hugo-$run")")
    echo "   run $run: copy of checksheet's output ${ours[-1]} s, of Hugo's ${theirs[-1]} s; Hugo's build ${hugo[-1]} s"
done

files_ours=$(find "$WORK/checksheet-site" -type f | wc -l) folders_ours=$(find "$WORK/checksheet-site" -type d | wc -l)
files_hugo=$(find "$WORK/hugo-out" -type f | wc -l) folders_hugo=$(find "$WORK/hugo-out" -type d | wc -l)
bytes_ours=$(du -sb "$WORK/checksheet-site" | cut -f1) bytes_hugo=$(du -sb "$WORK/hugo-out" | cut -f1)
floor=$(printf '%s\n' "${ours[@]}" | median) copy_hugo=$(printf '%s\n' "${theirs[@]}" | median) build_hugo=$(printf '%s\n' "${hugo[@]}" | median)
echo
echo "$N items, median of $RUNS runs:"
printf '   %-34s %8s s   %6d files, %6d folders, %5d MB\n' "copy of checksheet's output" "$floor" "$files_ours" "$folders_ours" $((bytes_ours / 1000000))
printf '   %-34s %8s s   %6d files, %6d folders, %5d MB\n' "copy of Hugo's output" "$copy_hugo" "$files_hugo" "$folders_hugo" $((bytes_hugo / 1000000))
printf '   %-34s %8s s\n' "Hugo's whole build" "$build_hugo"
awk -v f="$floor" -v h="$build_hugo" 'BEGIN { printf "   lowest time ratio any build of these files can reach: %.2f (copy of checksheet'"'"'s output / Hugo'"'"'s build)\n", f / h }'

# Deleted last: removing tens of thousands of files slows the creation of new ones for minutes.
rm -rf "$WORK"/copy-* "$WORK"/hugo-[0-9]*
