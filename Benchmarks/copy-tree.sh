#!/usr/bin/env bash
# copy-tree.sh SOURCE TARGET: a built site copied on two cores, its two language trees at once and the rest beside
# them, with `cp -R`: the time the file system takes to store these files with no rendering at all (the floor that
# write-floor.sh and compare.sh print).
set -euo pipefail
mkdir "$2"
pids=()
for entry in "$1"/* "$1"/.[!.]*; do
    [[ -e "$entry" ]] || continue
    cp -R "$entry" "$2/" & pids+=($!)
    # At most two at a time: one per core.
    if (( ${#pids[@]} >= 2 )); then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
wait
