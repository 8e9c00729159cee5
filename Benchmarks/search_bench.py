#!/usr/bin/env python3
"""Search benchmark, the measuring half (Benchmarks/search.sh builds the sites and calls this).

    python3 Benchmarks/search_bench.py --work Benchmarks/work --sizes 49 1000 10000 [--reps 5] [--cold 10]

Expects the built sites in WORK/search-N/site. Measures, per N:

1. Index bytes per language, raw and `gzip -9 -n`, and bytes per item.
2. What the browser fetches until the first result is shown (the page's search.js and the index JSON),
   read from Chromium's Resource Timing (transferSize, encodedBodySize, decodedBodySize) over loopback
   http, once from a plain static server and once from one that gzips (level 9) when the request's
   Accept-Encoding allows it.
3. Query latency in headless Chromium, timed with performance.now() inside the page:
   - engine path: `new checksheetSearch.Engine(index)` and the first `engine.search(q, 10)` on a fresh
     page (cold, --cold page loads), then QUERIES x --reps more `engine.search(q, 10)` (warm);
   - UI path: set the search box's value, dispatch 'input', wait until the results list/status changed
     (MutationObserver), on a fresh page; the first query there includes fetching the index.
4. At the largest N (and any N given with --profile), where the time goes: a step breakdown per query
   (term scan, scoresOfTerm, normalizing candidate texts, sorting, the rest) and a V8 CPU profile.

Bounded: every browser call has a timeout, --deadline bounds the whole run, and the browser, its
driver and the servers are stopped on exit (also on SIGTERM/SIGINT). Only the standard library and
selenium (PyPI) are used. Writes the figures as JSON to --json-out as well.
"""

import argparse
import functools
import gzip
import http.server
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/lib/chromium/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Realistic queries: (query, kind). Kinds: ja = Japanese word(s) (bigrams), ja1 = one Japanese character
# (matches every bigram holding it), en = whole English word (the last word is always a prefix, so
# these are prefix scans too), pre = a short prefix as typed, multi = several words, code = acronyms
# and numbers.
QUERIES = [
    ("復旧", "ja"), ("暗号", "ja"), ("暗号化要件", "ja"), ("目標復旧時間", "ja"), ("バックアップ", "ja"),
    ("ばっくあっぷ", "ja"), ("稼働率", "ja"), ("障害通知", "ja"), ("脆弱性診断", "ja"), ("キー管理", "ja"),
    ("データ消去", "ja"), ("マルチテナント", "ja"),
    ("鍵", "ja1"), ("率", "ja1"), ("時", "ja1"), ("ログ", "ja"),
    ("backup", "en"), ("encryption", "en"), ("disaster", "en"), ("retention", "en"), ("uptime", "en"),
    ("b", "pre"), ("s", "pre"), ("enc", "pre"), ("certif", "pre"), ("rec", "pre"),
    ("RTO", "code"), ("TLS", "code"), ("ＴＬＳ", "code"), ("ISMS", "code"), ("99.9", "code"), ("27001:2023", "code"),
    ("TLS 1.2", "multi"), ("recovery time", "multi"), ("support hours", "multi"), ("data residency", "multi"),
    ("障害 通知", "multi"), ("サポート 時間帯", "multi"), ("backup 世代", "multi"), ("JIS Q 27001", "multi"),
]
KINDS = ["ja", "ja1", "en", "pre", "code", "multi"]
# First query of each cold page load, in turn.
COLD_QUERIES = ["鍵", "backup", "暗号化要件", "enc", "RTO", "障害 通知", "バックアップ", "s", "recovery time", "稼働率"]
FIRST_RESULT_QUERY = "鍵"
TARGET_FETCH = 40_000          # bytes until the first result, real sheet
LEADER_FETCH = 166_000         # what a leading static search engine fetches for the same 49 items
TARGET_WARM_P95 = {49: 2.0, 10000: 30.0}   # ms


# ---------------------------------------------------------------------------------------------
# Servers

def make_handler(root, compress):
    cache = {}

    def compressed(path):
        key = (path, os.path.getmtime(path))
        if key not in cache:
            with open(path, "rb") as f:
                cache[key] = gzip.compress(f.read(), compresslevel=9, mtime=0)
        return cache[key]

    class Handler(http.server.SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=root, **kwargs)

        def log_message(self, *args):
            pass

        def setup(self):
            super().setup()
            # Headers and body go out in separate writes: without this, Nagle's algorithm and delayed
            # ACKs add about 40 ms per response on loopback.
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def end_headers(self):
            # No caching between page loads; cross-origin isolation gives performance.now() 5 µs
            # resolution instead of 100 µs (everything is same-origin, so nothing is blocked).
            self.send_header("Cache-Control", "no-store")
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
            super().end_headers()

        def do_GET(self):
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                path = os.path.join(path, "index.html")
            wants_gzip = "gzip" in (self.headers.get("Accept-Encoding") or "")
            textual = path.endswith((".html", ".js", ".json", ".css", ".xml", ".txt"))
            if not (compress and wants_gzip and textual and os.path.isfile(path)):
                return super().do_GET()
            body = compressed(path)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    Handler.extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map)
    Handler.extensions_map.update({".js": "text/javascript; charset=utf-8", ".json": "application/json",
                                   ".html": "text/html; charset=utf-8"})
    Handler.compressed = staticmethod(compressed)
    return Handler


class Server:
    def __init__(self, root, compress, warm=()):
        handler = make_handler(root, compress)
        if compress:
            # Compressed before the first request, like a precompressed (gzip_static) deployment, so that
            # compressing 14 MB at level 9 does not count as time to the first result.
            for path in warm:
                handler.compressed(path)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------------------------------------
# Browser

class Browser:
    def __init__(self, profile):
        self.profile = profile
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                         f"--user-data-dir={profile}", "--disable-crash-reporter", "--disable-breakpad",
                         "--no-first-run", "--disable-extensions", "--disable-background-networking"]:
            options.add_argument(argument)
        # chromedriver in a session of its own: the browser it starts is in its process group.
        self.service = Service(CHROMEDRIVER, popen_kw={"start_new_session": True})
        self.driver = webdriver.Chrome(service=self.service, options=options)
        self.driver.set_page_load_timeout(120)
        self.driver.set_script_timeout(300)
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})

    def stop(self):
        pid = getattr(getattr(self.service, "process", None), "pid", None)
        try:
            self.driver.quit()
        except Exception:
            pass
        if pid:
            try:
                os.killpg(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        kill_by_profile(self.profile)


def kill_by_profile(profile):
    """Stops what is left of our Chromium (zygotes, renderers after a failed quit): processes started with
    our own profile folder. (Its crash handlers exit by themselves when the browser is gone.)"""
    profile = f"--user-data-dir={profile}"
    me = os.getpid()
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == me:
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().decode("utf-8", "replace")
        except OSError:
            continue
        if profile in cmdline:
            try:
                os.kill(int(entry), signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


# ---------------------------------------------------------------------------------------------
# In-page scripts

JS_FIRST_RESULT = """
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const form = document.querySelector('form[data-search]');
const input = form.querySelector('input[type=search]');
const list = document.getElementById(form.getAttribute('data-results'));
const status = document.getElementById(form.getAttribute('data-status'));
const t0 = performance.now();
const observer = new MutationObserver(() => {
  if (status.textContent === '') return;
  observer.disconnect();
  const t1 = performance.now();
  const entries = performance.getEntriesByType('resource')
    .filter(e => /\\/assets\\/search\\.[^/]*\\.js$/.test(e.name) || /search-index\\.json$/.test(e.name))
    .map(e => ({name: e.name, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize,
                decodedBodySize: e.decodedBodySize, duration: e.duration}));
  done({ms: t1 - t0, results: list.querySelectorAll('[role=option]').length, entries: entries,
        isolated: self.crossOriginIsolated});
});
observer.observe(status, {childList: true, characterData: true, subtree: true});
input.value = query;
input.dispatchEvent(new Event('input', {bubbles: true}));
setTimeout(() => { observer.disconnect(); done({error: 'no result within 60 s'}); }, 60000);
"""

JS_COLD = """
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const form = document.querySelector('form[data-search]');
const t0 = performance.now();
fetch(form.getAttribute('data-index')).then(r => r.text()).then(text => {
  const t1 = performance.now();
  const index = JSON.parse(text);
  const t2 = performance.now();
  const engine = new checksheetSearch.Engine(index);
  const t3 = performance.now();
  const results = engine.search(query, 10);
  const t4 = performance.now();
  window.__engine = engine;
  done({fetch: t1 - t0, parse: t2 - t1, construct: t3 - t2, first: t4 - t3, results: results.length,
        isolated: self.crossOriginIsolated});
}).catch(e => done({error: String(e)}));
"""

JS_WARM = """
const queries = arguments[0];
const engine = window.__engine;
const times = [], counts = [];
for (const q of queries) {
  const t0 = performance.now();
  const r = engine.search(q, 10);
  times.push(performance.now() - t0);
  counts.push(r.length);
}
return {times: times, counts: counts};
"""

JS_UI = """
const [queries, done] = [arguments[0], arguments[arguments.length - 1]];
const form = document.querySelector('form[data-search]');
const input = form.querySelector('input[type=search]');
const list = document.getElementById(form.getAttribute('data-results'));
const status = document.getElementById(form.getAttribute('data-status'));
const times = [], layout = [], counts = [];
function one(i) {
  if (i === queries.length) return done({times: times, layout: layout, counts: counts});
  const q = queries[i];
  let t0 = 0;
  const timer = setTimeout(() => { observer.disconnect(); done({error: 'no update for ' + q}); }, 60000);
  const observer = new MutationObserver(() => {
    observer.disconnect();
    clearTimeout(timer);
    const t1 = performance.now();
    void list.getBoundingClientRect().height;   // style and layout of the new list
    const t2 = performance.now();
    times.push(t1 - t0); layout.push(t2 - t0); counts.push(list.querySelectorAll('[role=option]').length);
    setTimeout(() => one(i + 1), 0);
  });
  observer.observe(list, {childList: true, subtree: true});
  observer.observe(status, {childList: true, characterData: true, subtree: true});
  t0 = performance.now();
  input.value = q;
  input.dispatchEvent(new Event('input', {bubbles: true}));
}
one(0);
"""

# Step breakdown: wraps the engine's steps with timers for one pass over the queries.
JS_BREAKDOWN = """
const queries = arguments[0];
const E = checksheetSearch.Engine.prototype;
const engine = window.__engine;
const saved = {m: E.matchingTerms, s: E.scoresOfTerm, n: E.normalizedText, sort: Array.prototype.sort};
let acc;
const now = () => performance.now();
E.matchingTerms = function (token, prefix) {
  const t = now(); const r = saved.m.call(this, token, prefix); acc.terms += now() - t; acc.matched += r.length; return r;
};
E.scoresOfTerm = function (n) {
  const t = now(); const r = saved.s.call(this, n); acc.scores += now() - t; acc.postings += this.index.post[n].length; return r;
};
E.normalizedText = function (text) {
  const t = now(); const hit = this.normalizedCache.has(text); const r = saved.n.call(this, text);
  acc.normalize += now() - t; acc.normalizeCalls += 1; if (!hit) acc.normalizeMisses += 1; return r;
};
Array.prototype.sort = function (f) {
  const t = now(); const r = saved.sort.call(this, f);
  if (this.length > 0 && this[0] && this[0].slug !== undefined) { acc.sort += now() - t; acc.candidates = this.length; }
  return r;
};
const out = [];
try {
  for (const q of queries) {
    acc = {terms: 0, matched: 0, scores: 0, postings: 0, normalize: 0, normalizeCalls: 0, normalizeMisses: 0, sort: 0, candidates: 0};
    const t0 = now();
    engine.search(q, 10);
    acc.total = now() - t0;
    acc.rest = acc.total - acc.terms - acc.scores - acc.normalize - acc.sort;
    acc.query = q;
    out.push(acc);
  }
} finally {
  E.matchingTerms = saved.m; E.scoresOfTerm = saved.s; E.normalizedText = saved.n; Array.prototype.sort = saved.sort;
}
return out;
"""

JS_RUN_PASS = """
const queries = arguments[0];
for (const q of queries) window.__engine.search(q, 10);
return window.__engine.index.terms.length;
"""


# ---------------------------------------------------------------------------------------------
# Figures

def pct(values, p):
    """Nearest-rank percentile."""
    s = sorted(values)
    if not s:
        return float("nan")
    k = max(1, -(-len(s) * p // 100))
    return s[int(k) - 1]


def med(values):
    return statistics.median(values) if values else float("nan")


def json_bytes(value):
    """(raw, gzip -9) bytes of a value written as compact JSON."""
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return [len(data), len(gzip.compress(data, compresslevel=9, mtime=0))]


def gap_encoded(postings):
    """Postings with each (document × 5 + field) stored as the gap to the previous one."""
    out = []
    for entries in postings:
        previous, gaps = 0, []
        for entry in entries:
            gaps.append((entry // 8 - previous) * 8 + entry % 8)
            previous = entry // 8
        out.append(gaps)
    return out


def gzip_len(path, level):
    return len(subprocess.run(["gzip", f"-{level}", "-n", "-c", path], check=True, capture_output=True).stdout)


def gzip9(path):
    # gzip -9 -n: what a server stores precompressed (no name, no time stamp in the header).
    return len(subprocess.run(["gzip", "-9", "-n", "-c", path], check=True, capture_output=True).stdout)


def find_search_js(site):
    names = [n for n in os.listdir(os.path.join(site, "assets")) if n.startswith("search.") and n.endswith(".js")]
    if len(names) != 1:
        sys.exit(f"expected one assets/search.*.js in {site}, found {names}")
    return os.path.join(site, "assets", names[0])


def first_item_page(site, lang):
    """The first item's page (small at every N; the top page lists all items)."""
    index = json.load(open(os.path.join(site, lang, "search-index.json"), encoding="utf-8"))
    first = min(index["docs"], key=lambda d: d[0])
    return f"{lang}/items/{first[1]}/index.html"


def log(message):
    print(message, file=sys.stderr, flush=True)


class Deadline(Exception):
    pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--sizes", nargs="+", type=int, default=[49, 1000, 10000])
    parser.add_argument("--latency-sizes", nargs="+", type=int, default=None,
                        help="sizes to time queries at (default: 49 and 10000 when built, else all)")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--cold", type=int, default=10)
    parser.add_argument("--deadline", type=float, default=1500, help="seconds for the whole run")
    parser.add_argument("--profile", nargs="*", type=int, default=None, help="sizes to break down (default: largest)")
    parser.add_argument("--json-out", default=None)
    parser.add_argument("--profile-dir", default=None, help="Chromium profile folder (created when missing)")
    args = parser.parse_args()

    started = time.monotonic()

    def check_deadline():
        if time.monotonic() - started > args.deadline:
            raise Deadline(f"deadline of {args.deadline:.0f} s passed")

    def on_signal(signum, frame):
        raise SystemExit(f"stopped by signal {signum}")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    work = os.path.abspath(args.work)
    sizes = args.sizes
    latency_sizes = args.latency_sizes or ([n for n in sizes if n in (49, 10000)] or sizes)
    profile_sizes = args.profile if args.profile is not None else [max(sizes)]
    sites = {n: os.path.join(work, f"search-{n}", "site") for n in sizes}
    for n, site in sites.items():
        if not os.path.isfile(os.path.join(site, "ja", "search-index.json")):
            sys.exit(f"no built site for N={n} at {site}; run Benchmarks/search.sh")

    figures = {"sizes": {}, "fetch": {}, "latency": {}, "breakdown": {}, "profile": {},
               "load_before": open("/proc/loadavg").read().split()[:3]}

    # 1. Sizes.
    for n, site in sites.items():
        row = {}
        for lang in ["ja", "en"]:
            path = os.path.join(site, lang, "search-index.json")
            row[lang] = {"raw": os.path.getsize(path), "gzip": gzip9(path)}
        js = find_search_js(site)
        row["search.js"] = {"raw": os.path.getsize(js), "gzip": gzip9(js)}
        index = json.load(open(os.path.join(site, "ja", "search-index.json"), encoding="utf-8"))
        row["docs"] = len(index["docs"])
        row["terms"] = len(index["terms"])
        row["postings"] = sum(len(p) for p in index["post"])
        # What the parts of the index weigh (ja), and what the postings would weigh as gaps.
        row["parts"] = {part: json_bytes(index[part]) for part in ["docs", "terms", "post"]}
        row["parts"]["docs.keys"] = json_bytes([d[9] for d in index["docs"]])
        row["parts"]["docs.other-language texts"] = json_bytes([d[5:8] for d in index["docs"]])
        row["parts"]["post as gaps"] = json_bytes(gap_encoded(index["post"]))
        path = os.path.join(site, "ja", "search-index.json")
        row["gzip_levels"] = {level: gzip_len(path, level) for level in (1, 6, 9)}
        row["gzip_levels_js"] = {level: gzip_len(js, level) for level in (1, 6, 9)}
        figures["sizes"][n] = row

    profile = args.profile_dir or tempfile.mkdtemp(prefix="checksheet-search-bench-")
    os.makedirs(profile, exist_ok=True)
    servers = {}
    browser = None
    try:
        warm = [p for site in sites.values() for p in
                [find_search_js(site)] + [os.path.join(site, lang, "search-index.json") for lang in ["ja", "en"]]]
        servers = {"plain": Server(work, compress=False), "gzip": Server(work, compress=True, warm=warm)}
        browser = Browser(profile)
        d = browser.driver

        # 2. Bytes until the first result, from Resource Timing.
        for n, site in sites.items():
            page = first_item_page(site, "ja")
            figures["fetch"][n] = {}
            for mode, server in servers.items():
                check_deadline()
                d.get(f"{server.url}/search-{n}/site/{page}")
                r = d.execute_async_script(JS_FIRST_RESULT, FIRST_RESULT_QUERY)
                if "error" in r:
                    raise RuntimeError(f"N={n} {mode}: {r['error']}")
                figures["fetch"][n][mode] = r
                log(f"   fetch N={n} {mode}: {sum(e['transferSize'] for e in r['entries'])} bytes, first result {r['ms']:.1f} ms")

        # 3. Latency (gzip server: what a deployed site sends; the timings are in-page, after the fetch).
        server = servers["gzip"]
        queries = [q for q, _ in QUERIES]
        for n in latency_sizes:
            site = sites[n]
            url = f"{server.url}/search-{n}/site/{first_item_page(site, 'ja')}"
            lat = {"cold": [], "warm": [], "warm_first_pass": [], "warm_by_kind": {k: [] for k in KINDS},
                   "ui": [], "ui_layout": [], "ui_first": [], "ui_by_kind": {k: [] for k in KINDS}}
            for i in range(args.cold):
                check_deadline()
                d.get(url)
                r = d.execute_async_script(JS_COLD, COLD_QUERIES[i % len(COLD_QUERIES)])
                if "error" in r:
                    raise RuntimeError(f"N={n} cold: {r['error']}")
                r["query"] = COLD_QUERIES[i % len(COLD_QUERIES)]
                lat["cold"].append(r)
            # Warm: on the engine of the last cold load, every query, --reps passes.
            for rep in range(args.reps):
                check_deadline()
                r = d.execute_script(JS_WARM, queries)
                lat["warm"].extend(r["times"])
                if rep == 0:
                    lat["warm_first_pass"].extend(r["times"])
                    lat["counts"] = dict(zip(queries, r["counts"]))
                for (q, kind), t in zip(QUERIES, r["times"]):
                    lat["warm_by_kind"][kind].append(t)
            # UI path on a fresh page: the first input fetches the index; then every query, --reps passes.
            d.get(url)
            r = d.execute_async_script(JS_FIRST_RESULT, FIRST_RESULT_QUERY)
            if "error" in r:
                raise RuntimeError(f"N={n} ui first: {r['error']}")
            lat["ui_first"].append(r["ms"])
            for rep in range(args.reps):
                check_deadline()
                r = d.execute_async_script(JS_UI, queries)
                if "error" in r:
                    raise RuntimeError(f"N={n} ui: {r['error']}")
                lat["ui"].extend(r["times"])
                lat["ui_layout"].extend(r["layout"])
                for (q, kind), t in zip(QUERIES, r["times"]):
                    lat["ui_by_kind"][kind].append(t)
            figures["latency"][n] = lat
            log(f"   latency N={n}: warm p95 {pct(lat['warm'], 95):.3f} ms, ui p95 {pct(lat['ui'], 95):.3f} ms")

        # 4. Where the time goes.
        for n in profile_sizes:
            if n not in sites:
                continue
            check_deadline()
            site = sites[n]
            d.get(f"{server.url}/search-{n}/site/{first_item_page(site, 'ja')}")
            r = d.execute_async_script(JS_COLD, "鍵")
            cold_pass = d.execute_script(JS_BREAKDOWN, queries)     # fresh engine: normalizing cache empty
            warm_pass = d.execute_script(JS_BREAKDOWN, queries)     # the cache filled
            figures["breakdown"][n] = {"first_pass": cold_pass, "second_pass": warm_pass}
            # V8 sampling profile of two warm passes.
            d.execute_cdp_cmd("Profiler.enable", {})
            d.execute_cdp_cmd("Profiler.setSamplingInterval", {"interval": 100})
            d.execute_cdp_cmd("Profiler.start", {})
            d.execute_script(JS_RUN_PASS, queries)
            d.execute_script(JS_RUN_PASS, queries)
            prof = d.execute_cdp_cmd("Profiler.stop", {})["profile"]
            d.execute_cdp_cmd("Profiler.disable", {})
            figures["profile"][n] = self_times(prof)
    finally:
        if browser:
            browser.stop()
        else:
            kill_by_profile(profile)
        for s in servers.values():
            s.stop()

    figures["load_after"] = open("/proc/loadavg").read().split()[:3]
    figures["seconds"] = round(time.monotonic() - started, 1)
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(figures, f, ensure_ascii=False, indent=1)
    report(figures, sizes, latency_sizes, args)


def self_times(profile):
    """Self time per function (ms) from a V8 CPU profile."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    deltas = profile.get("timeDeltas", [])
    per_node = {}
    for sample, delta in zip(profile.get("samples", []), deltas):
        per_node[sample] = per_node.get(sample, 0) + delta
    totals = {}
    for node_id, micros in per_node.items():
        frame = nodes[node_id]["callFrame"]
        name = frame["functionName"] or "(anonymous)"
        url = frame.get("url", "")
        where = f"{name} ({os.path.basename(url)}:{frame['lineNumber'] + 1})" if url else name
        totals[where] = totals.get(where, 0) + micros / 1000
    total = sum(totals.values())
    top = sorted(totals.items(), key=lambda kv: -kv[1])[:15]
    return {"total_ms": total, "top": top}


# ---------------------------------------------------------------------------------------------
# Report

def kb(b):
    return f"{b / 1000:,.1f} KB"


def report(f, sizes, latency_sizes, args):
    out = print
    out()
    out(f"Search benchmark  (load average before {' '.join(f['load_before'])}, after {' '.join(f['load_after'])}; "
        f"{f['seconds']} s; KB = 1,000 bytes)")
    out()
    out("1. Index size (one language's search-index.json; both languages' text is in each)")
    out(f"{'N':>6} {'lang':>4} {'terms':>6} {'raw bytes':>11} {'gzip -9':>10} {'raw B/item':>10} {'gz B/item':>9}")
    for n in sizes:
        s = f["sizes"][n]
        for lang in ["ja", "en"]:
            raw, gz = s[lang]["raw"], s[lang]["gzip"]
            out(f"{n:>6} {lang:>4} {s['terms']:>6} {raw:>11,} {gz:>10,} {raw / s['docs']:>10,.0f} {gz / s['docs']:>9,.0f}")
    for n in sizes:
        js = f["sizes"][n]["search.js"]
        out(f"{n:>6} search.js (assets/search.*.js): {js['raw']:,} bytes raw, {js['gzip']:,} gzip -9")
    out("   what the ja index is made of, raw / gzip -9 bytes (each part compressed alone):")
    for n in sizes:
        s = f["sizes"][n]
        parts = "; ".join(f"{name} {raw:,} / {gz:,}" for name, (raw, gz) in s["parts"].items())
        out(f"{n:>6} {parts}; {s['postings']:,} postings, {s['parts']['post'][0] / s['postings']:.2f} raw bytes each")
    for n in sizes[:1]:
        s = f["sizes"][n]
        out(f"   N={n} by gzip level (nginx's default gzip_comp_level is 1): index "
            + ", ".join(f"-{k} {v:,}" for k, v in s["gzip_levels"].items()) + "; search.js "
            + ", ".join(f"-{k} {v:,}" for k, v in s["gzip_levels_js"].items()))
    if 1000 in sizes and 10000 in sizes:
        a, b = f["sizes"][1000]["ja"], f["sizes"][10000]["ja"]
        out(f"   linearity: bytes(10000)/bytes(1000) = {b['raw'] / a['raw']:.2f} raw, {b['gzip'] / a['gzip']:.2f} gzip "
            f"(10.00 = exactly linear); bytes/item 1000 -> 10000: raw {a['raw'] / 1000:,.0f} -> {b['raw'] / 10000:,.0f}, "
            f"gzip {a['gzip'] / 1000:,.0f} -> {b['gzip'] / 10000:,.0f}")
    out()
    out("2. Bytes fetched until the first result (ja item page, query '鍵'; Chromium Resource Timing, loopback http)")
    out(f"{'N':>6} {'server':>6} {'search.js':>10} {'index.json':>11} {'transfer total':>15} {'body total':>11} {'first result':>13}")
    for n in sizes:
        for mode in ["plain", "gzip"]:
            r = f["fetch"][n][mode]
            js = [e for e in r["entries"] if e["name"].endswith(".js")]
            ix = [e for e in r["entries"] if e["name"].endswith(".json")]
            t_js = sum(e["transferSize"] for e in js)
            t_ix = sum(e["transferSize"] for e in ix)
            body = sum(e["encodedBodySize"] for e in r["entries"])
            out(f"{n:>6} {mode:>6} {t_js:>10,} {t_ix:>11,} {t_js + t_ix:>15,} {body:>11,} {r['ms']:>10.1f} ms")
    if 49 in sizes:
        out(f"   target for N=49: at most {TARGET_FETCH:,} bytes (40 KB) until the first result; a leading static search "
            f"engine fetches about {LEADER_FETCH:,} bytes")
        for mode in ["plain", "gzip"]:
            r = f["fetch"][49][mode]
            total = sum(e["transferSize"] for e in r["entries"])
            body = sum(e["encodedBodySize"] for e in r["entries"])
            verdict = "MEETS" if total <= TARGET_FETCH else "MISSES"
            out(f"   {mode:>5}: {total:,} bytes transferred ({body:,} body + headers) -> {verdict} the target by "
                f"{abs(TARGET_FETCH - total):,} bytes ({total / TARGET_FETCH:.0%} of it; {total / LEADER_FETCH:.0%} of the "
                f"leading engine's {LEADER_FETCH // 1000} KB); with 40 KiB = 40,960 bytes: "
                f"{'meets' if total <= 40960 else 'misses'}")
        out(f"   resource timing ran cross-origin isolated: {f['fetch'][49]['gzip'].get('isolated')}")
    out()
    out(f"3. Query latency in headless Chromium, ms (performance.now() in the page; {len(QUERIES)} queries x {args.reps} "
        f"passes warm, {args.cold} fresh page loads cold)")
    out(f"{'N':>6} {'what':<44} {'median':>8} {'p95':>8} {'max':>8} {'samples':>7}")
    for n in latency_sizes:
        lat = f["latency"][n]
        rows = [
            ("fetch index (gzip, loopback)", [c["fetch"] for c in lat["cold"]]),
            ("JSON.parse", [c["parse"] for c in lat["cold"]]),
            ("new Engine(index)", [c["construct"] for c in lat["cold"]]),
            ("first engine.search(q,10) (cold)", [c["first"] for c in lat["cold"]]),
            ("new Engine + first search (cold)", [c["construct"] + c["first"] for c in lat["cold"]]),
            ("later engine.search(q,10) (warm)", lat["warm"]),
            ("  of which the first pass over the queries", lat["warm_first_pass"]),
            ("UI: input -> first results, incl. fetch", lat["ui_first"]),
            ("UI: input -> results list updated (warm)", lat["ui"]),
            ("UI: ... plus style/layout of the list", lat["ui_layout"]),
        ]
        for name, values in rows:
            out(f"{n:>6} {name:<44} {med(values):>8.3f} {pct(values, 95):>8.3f} {max(values):>8.3f} {len(values):>7}")
    out()
    out("   cold loads, new Engine + first search (ms) per first query:")
    for n in latency_sizes:
        out(f"{n:>6} " + ", ".join(f"{c['query']} {c['construct'] + c['first']:.1f}" for c in f["latency"][n]["cold"]))
    out()
    out("   warm engine.search by kind of query, median / p95 ms")
    out(f"{'N':>6} " + " ".join(f"{k:>15}" for k in KINDS))
    for n in latency_sizes:
        lat = f["latency"][n]
        out(f"{n:>6} " + " ".join(f"{med(lat['warm_by_kind'][k]):>7.2f}/{pct(lat['warm_by_kind'][k], 95):<7.2f}" for k in KINDS))
    out(f"   kinds: {', '.join(f'{k}: ' + ' '.join(q for q, kk in QUERIES if kk == k) for k in KINDS)}")
    out()
    out("   targets (later queries, engine path, p95):")
    for n, target in TARGET_WARM_P95.items():
        if n in f["latency"]:
            p = pct(f["latency"][n]["warm"], 95)
            ui = pct(f["latency"][n]["ui"], 95)
            out(f"   N={n}: p95 {p:.3f} ms vs target {target} ms -> {'MEETS' if p <= target else 'MISSES'} "
                f"({'%.1fx under' % (target / p) if p <= target else '%.1fx over' % (p / target)}); UI path p95 {ui:.3f} ms "
                f"({'meets' if ui <= target else 'misses'})")
    for n, b in f["breakdown"].items():
        out()
        out(f"4. Where the time goes at N={n} (one pass per row set; ms; wrappers add overhead, compare the columns)")
        for label, rows in [("first pass (fresh engine)", b["first_pass"]), ("second pass", b["second_pass"])]:
            out(f"   {label}")
            out(f"   {'query':<16} {'total':>8} {'termscan':>8} {'terms':>6} {'scores':>8} {'postings':>8} "
                f"{'normalize':>9} {'misses':>6} {'sort':>7} {'cands':>6} {'rest':>7}")
            for r in sorted(rows, key=lambda r: -r["total"])[:14]:
                out(f"   {r['query']:<16} {r['total']:>8.2f} {r['terms']:>8.2f} {r['matched']:>6} {r['scores']:>8.2f} "
                    f"{r['postings']:>8} {r['normalize']:>9.2f} {r['normalizeMisses']:>6} {r['sort']:>7.2f} "
                    f"{r['candidates']:>6} {r['rest']:>7.2f}")
            tot = {k: sum(r[k] for r in rows) for k in ["total", "terms", "scores", "normalize", "sort", "rest"]}
            out(f"   {'sum':<16} {tot['total']:>8.2f} {tot['terms']:>8.2f} {'':>6} {tot['scores']:>8.2f} {'':>8} "
                f"{tot['normalize']:>9.2f} {'':>6} {tot['sort']:>7.2f} {'':>6} {tot['rest']:>7.2f}")
        p = f["profile"].get(n)
        if p:
            out(f"   V8 CPU profile, two warm passes, self time ({p['total_ms']:.0f} ms sampled):")
            for name, ms in p["top"]:
                out(f"     {ms:>8.1f} ms  {ms / p['total_ms']:>5.1%}  {name}")


if __name__ == "__main__":
    try:
        main()
    except Deadline as e:
        sys.exit(f"search_bench: {e}")
