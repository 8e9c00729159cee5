#!/usr/bin/env python3
"""ab.py BINARY_A BINARY_B: two checksheet binaries timed against each other, their runs interleaved.

    Benchmarks/ab.py /tmp/base/checksheet .build/release/checksheet
    RUNS=5 EDITS=21 N=1000 PARTS=history Benchmarks/ab.py A B

A change that saves a few percent is lost in how a shared machine drifts between two whole runs of compare.sh;
runs of both binaries taken in turn drift together. Two parts (PARTS, default "large history"):

  large    clean builds of N items (default 10000, generate-sheet.py) into fresh folders, RUNS each (default 3),
           the binary that goes first alternating, a `sync` before each run;
  history  the real sheet + 20 quarterly revisions (as compare.sh makes them); each binary builds it into its own
           folder and cache, then for each of EDITS edits (default 15) rebuilds with nothing changed and, 0.2 s
           after the edit, with one answer changed, in alternating order.

Prints the median wall time and the mean CPU time (user + system) of each, and whether the two binaries wrote the
same bytes (the build's own record aside): a speed-up that changes the output is no speed-up. Everything goes under
Benchmarks/work/ab/ (git-ignored); the built folders are deleted only after all timing, because deleting tens of
thousands of files slows the creation of new ones on this machine's file system for minutes.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

if len(sys.argv) != 3:
    sys.exit(__doc__)
binaries = [os.path.abspath(path) for path in sys.argv[1:]]
for binary in binaries:
    if not os.access(binary, os.X_OK):
        sys.exit(f"error: no checksheet binary at {binary}\n  hint: build one with scripts/release and copy it aside")
bench = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(bench)
work = os.path.join(bench, "work", "ab")
runs, edits, size = int(os.environ.get("RUNS", 3)), int(os.environ.get("EDITS", 15)), int(os.environ.get("N", 10000))
parts = os.environ.get("PARTS", "large history").split()
theme = os.path.join(root, "Site")

# An earlier run's folders are moved aside at once and deleted after the timing, with this run's.
trash = os.path.join(work, f".trash-{os.getpid()}")
os.makedirs(trash)
for entry in os.listdir(work):
    if not entry.startswith(".trash-"):
        os.rename(os.path.join(work, entry), os.path.join(trash, entry))


def build(binary, content, output, cache):
    """Wall and CPU seconds of one `checksheet build`; stops the script with the tool's words if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([binary, "build", "--theme", theme, "--content", content, "--output", output],
                          env=dict(os.environ, XDG_CACHE_HOME=cache), capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"!! {binary} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def same(first, second):
    differ = subprocess.run(["diff", "-rq", "-x", ".checksheet-build.json", first, second], capture_output=True, text=True)
    return "same" if differ.returncode == 0 else f"DIFFERENT ({len(differ.stdout.splitlines())} paths)"


def report(title, timings, unit, scale):
    print(title)
    for label, binary in zip("AB", binaries):
        walls, cpus = [t[0] for t in timings[label]], [t[1] for t in timings[label]]
        print(f"   {label}: median wall {statistics.median(walls) * scale:8.2f} {unit}   mean CPU {statistics.mean(cpus) * scale:8.2f} {unit}"
              f"   ({len(walls)} runs, {binary})")


lines = [f"A: {binaries[0]}", f"B: {binaries[1]}", f"load average at the start: {os.getloadavg()[0]:.2f}"]
print("\n".join(lines))

if "large" in parts:
    content = os.path.join(work, f"n-{size}")
    subprocess.run([sys.executable, os.path.join(bench, "generate-sheet.py"), str(size), content, os.path.join(root, "Content")], check=True,
                   stdout=subprocess.DEVNULL)
    timings = {"A": [], "B": []}
    for run in range(runs):
        for label in ("AB" if run % 2 == 0 else "BA"):
            os.sync()
            binary = binaries["AB".index(label)]
            timings[label].append(build(binary, content, os.path.join(work, f"large-{label}-{run}"), os.path.join(work, f"cache-large-{label}-{run}")))
    report(f"1. Clean builds of {size} items into fresh folders", timings, "s", 1)
    print(f"   the two binaries' folders: {same(os.path.join(work, 'large-A-0'), os.path.join(work, 'large-B-0'))}")

if "history" in parts:
    content = os.path.join(work, "history")
    subprocess.run([sys.executable, os.path.join(bench, "generate-sheet.py"), "49", content, os.path.join(root, "Content")], check=True,
                   stdout=subprocess.DEVNULL)
    # The revisions of compare.sh's history scenario: three months apart, five answers changed in each, seeded per revision.
    dates = ["2025-03-07"] + [f"{2025 + (2 + 3 * k) // 12}-{(2 + 3 * k) % 12 + 1:02d}-07" for k in range(1, 21)]
    for k in range(1, 21):
        subprocess.run([sys.executable, os.path.join(bench, "make-revision.py"), content, dates[k - 1], dates[k], "--changed", "5", "--removed", "0",
                        "--english", "all", "--seed", str(20250307 + k)], check=True, stdout=subprocess.DEVNULL)
    folder = os.path.join(content, "revisions", dates[-1], "ja")
    page = os.path.join(folder, next(name for name in sorted(os.listdir(folder)) if name.endswith("-service-hours.md")))
    places = {label: (os.path.join(work, f"history-{label}"), os.path.join(work, f"cache-history-{label}")) for label in "AB"}
    for label in "AB":
        build(binaries["AB".index(label)], content, *places[label])
    unchanged, edited = {"A": [], "B": []}, {"A": [], "B": []}
    for edit in range(edits):
        order = "AB" if edit % 2 == 0 else "BA"
        for label in order:
            unchanged[label].append(build(binaries["AB".index(label)], content, *places[label]))
        with open(page, "a", encoding="utf-8") as text:
            text.write(f"\nab-edit-{edit}\n")
        # As a person saves, then runs the build: the sources have settled (0.2 s, past SourceStamps' 0.1 s), so both
        # rebuilds record them and the next round's "nothing changed" takes the path a person's does. Built at once, the
        # binary going first recorded nothing: half the "nothing changed" runs read every page, and with an odd count of
        # edits one binary's median fell among the fast runs and the other's among the slow (15 ms apart, same CPU).
        time.sleep(0.2)
        for label in order:
            edited[label].append(build(binaries["AB".index(label)], content, *places[label]))
    report("2. History scenario (the real sheet + 20 revisions): rebuild with nothing changed", unchanged, "ms", 1000)
    report("   rebuild after one answer changed", edited, "ms", 1000)
    print(f"   the two binaries' folders after the last edit: {same(places['A'][0], places['B'][0])}")

print("== timing done; deleting the outputs")
for entry in os.listdir(work):
    shutil.rmtree(os.path.join(work, entry), ignore_errors=True)
