#!/usr/bin/env bash
# Questionnaire benchmark: 200 questions answered by `checksheet answer` (release build, the whole process:
# reading Content/, building the index, answering, writing JSON) and by the questionnaire page in headless
# Chromium (from the click to the last row, the index fetch included), on the real sheet and, with
# SIZES="49 10000", on a generated sheet of 10,000 items.
#
#   Benchmarks/questionnaire.sh                 # N = 49; 5 runs each, medians
#   SIZES="49 10000" RUNS=3 Benchmarks/questionnaire.sh
#
# Questions: Tests/Search/questions.tsv (answerable and uncovered, both languages), repeated to 200 per language.
# Work goes to Benchmarks/work/questionnaire (git-ignored). Needs the Swift toolchain, libcmark-dev, Python 3
# with selenium, Debian's chromium and chromium-driver. Figures: Benchmarks/README.md, "Questionnaire".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK="$ROOT/Benchmarks/work/questionnaire"
SIZES=${SIZES:-"49"}
RUNS=${RUNS:-5}
mkdir -p "$WORK"

(cd "$ROOT" && scripts/release >/dev/null)
BIN="$ROOT/.build/release/checksheet"

for lang in ja en; do
    python3 - "$ROOT/Tests/Search/questions.tsv" "$lang" > "$WORK/questions-$lang.txt" <<'PY'
import sys
rows = [line.split("\t") for line in open(sys.argv[1], encoding="utf-8").read().splitlines() if line and not line.startswith("#")]
questions = [r[2] for r in rows if r[0] == sys.argv[2]]
print("\n".join((questions * (200 // len(questions) + 1))[:200]))
PY
done

for n in $SIZES; do
    dir="$WORK/n-$n"
    rm -rf "$dir" && mkdir -p "$dir"
    if [ "$n" = 49 ]; then
        content="$ROOT/Content"
    else
        # generate-sheet.py reads the seven schema keys only: it gets the real pages without their `keywords`.
        mkdir -p "$dir/seed" && cp -r "$ROOT/Content/." "$dir/seed/"
        find "$dir/seed" -name '*.md' -exec sed -i '/^keywords: /d' {} +
        python3 "$ROOT/Benchmarks/generate-sheet.py" "$n" "$dir/content" "$dir/seed" >/dev/null
        cp "$ROOT/Content/synonyms.yml" "$dir/content/" 2>/dev/null || true
        content="$dir/content"
    fi
    (cd "$ROOT" && "$BIN" build --content "$content" --output "$dir/site" >/dev/null)
    for lang in ja en; do
        times=()
        for run in $(seq "$RUNS"); do
            start=$(date +%s.%N)
            "$BIN" answer "$WORK/questions-$lang.txt" --lang "$lang" --format json --content "$content" > "$dir/answers-$lang.json"
            end=$(date +%s.%N)
            times+=("$(echo "$end - $start" | bc)")
        done
        median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
        statuses=$(python3 -c "import json,collections,sys; print(dict(collections.Counter(r['status'] for r in json.load(open(sys.argv[1])))))" "$dir/answers-$lang.json")
        echo "N=$n $lang CLI: 200 questions in ${median} s (median of $RUNS; runs ${times[*]}) $statuses"
    done
    python3 - "$dir/site" "$WORK" "$RUNS" "$n" <<'PY'
import functools, http.server, statistics, sys, tempfile, threading
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
site, work, runs, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
handler = functools.partial(Quiet, directory=site)
httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=httpd.serve_forever, daemon=True).start()
options = webdriver.ChromeOptions()
options.binary_location = "/usr/lib/chromium/chromium"
for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--user-data-dir={tempfile.mkdtemp()}"]:
    options.add_argument(a)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    for lang in ["ja", "en"]:
        questions = open(f"{work}/questions-{lang}.txt", encoding="utf-8").read()
        times = []
        for _ in range(runs):
            driver.get(f"http://127.0.0.1:{httpd.server_address[1]}/{lang}/questionnaire/index.html")
            elapsed = driver.execute_async_script("""
                const done = arguments[arguments.length - 1];
                document.getElementById('questionnaire-text').value = arguments[0];
                const status = document.getElementById('questionnaire-status');
                const start = performance.now();
                new MutationObserver(() => { if (status.textContent) done([performance.now() - start, document.querySelectorAll('#questionnaire-rows tbody tr').length]); })
                  .observe(status, {childList: true, characterData: true, subtree: true});
                document.querySelector('#questionnaire button[type=submit]').click();
            """, questions)
            assert elapsed[1] == 200, elapsed
            times.append(elapsed[0] / 1000)
        print(f"N={n} {lang} Chromium: 200 questions in {statistics.median(times):.3f} s (median of {runs}; runs {' '.join(f'{t:.3f}' for t in times)}), index fetch included")
finally:
    driver.quit()
    httpd.shutdown()
PY
done
