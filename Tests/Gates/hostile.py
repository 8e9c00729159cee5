"""Scans a built site for markup that could run code: scripts other than the site's own hashed assets, on*
event attributes, javascript:/data:/vbscript: URLs, frames, objects, embeds, SVG/MathML, refreshes and <base>;
and checks that the search index script keeps every value as data.

Usage: python3 Tests/Gates/hostile.py SITE_DIR   (exit status 1 on any finding)
"""
import json
import os
import posixpath
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages  # noqa: E402

FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base", "portal"}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background", "cite",
                  "ping", "manifest", "codebase", "archive", "lowsrc", "dynsrc", "longdesc", "icon", "content",
                  "data-url", "data-index", "data-index-script", "data-items"}
FORBIDDEN_SCHEMES = {"javascript", "data", "vbscript", "livescript", "mocha", "file", "filesystem", "blob"}
# The theme's own scripts: content-hashed files in assets/ (search.3f2a….js).
OWN_SCRIPT = re.compile(r"^(?:(?:\.\./)*|/)assets/[a-z-]+\.[0-9a-f]{8,}\.js$")


def url_scheme(value):
    """The scheme a browser's URL parser sees in an attribute value (entities already decoded by the parser)."""
    # The URL parser strips leading and trailing C0 controls and spaces, and removes tabs and newlines anywhere.
    cleaned = re.sub(r"[\t\n\r]", "", value).strip("".join(chr(code) for code in range(0x21)))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else None


def scan_page(root, page):
    """Findings in one parsed page, as 'file:line: what' strings."""
    findings = []
    folder = posixpath.dirname(page.path)
    for element in page.elements:
        where = f"{page.path}:{element.line}: <{element.tag}>"
        if element.tag in FORBIDDEN_ELEMENTS:
            findings.append(f"{where} element not allowed")
        if element.tag == "script":
            src = element.get("src")
            if src is None:
                findings.append(f"{where} inline script")
            elif not OWN_SCRIPT.match(src) or not os.path.isfile(os.path.join(root, posixpath.normpath(posixpath.join(folder, src)).lstrip("/"))):
                findings.append(f"{where} script from {src!r}, not one of the site's hashed assets")
        if element.tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            findings.append(f"{where} meta refresh")
        for name, value in element.attributes:
            if name.startswith("on"):
                findings.append(f"{where} event attribute {name}={value!r}")
            elif name in ("srcdoc", "formtarget") or (name == "style" and value and "expression" in value.lower()):
                findings.append(f"{where} attribute {name}={value!r}")
            elif name in URL_ATTRIBUTES and value:
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
                if name == "content" and element.tag != "meta":
                    continue
                for url in urls:
                    if url_scheme(url) in FORBIDDEN_SCHEMES:
                        findings.append(f"{where} {name}={value!r}: {url_scheme(url)}: URL")
    # An inline script hides in text only when html.parser sees a <script> start tag: counted above.
    return findings


def scan_site(root):
    """Findings in every HTML page of the site at `root`."""
    findings = []
    for relative in pages.html_files(root):
        findings += scan_page(root, pages.read(root, relative))
    return findings


# Runs the index script as a browser would (a classic script that assigns to window) in an empty context, and
# prints what it left there: only window.checksheetSearchIndex[lang] may appear, equal to the JSON file.
SCRIPT_CHECK = r"""
const fs = require('fs'), vm = require('vm');
const [script, json, lang] = process.argv.slice(1);
const context = {window: {}};
try { vm.runInNewContext(fs.readFileSync(script, 'utf8'), context, {timeout: 5000}); }
catch (error) { console.error('does not run: ' + String(error).split('\\n')[0]); process.exit(1); }
const globals = Object.keys(context).filter(k => k !== 'window').concat(Object.keys(context.window).filter(k => k !== 'checksheetSearchIndex'));
if (globals.length) { console.error('defines ' + globals.join(', ')); process.exit(1); }
const languages = Object.keys(context.window.checksheetSearchIndex || {});
if (languages.join() !== lang) { console.error('assigns the index of ' + (languages.join(', ') || 'no language')); process.exit(1); }
const fromScript = JSON.stringify(context.window.checksheetSearchIndex[lang]);
const fromJSON = JSON.stringify(JSON.parse(fs.readFileSync(json, 'utf8')));
if (fromScript !== fromJSON) { console.error('does not hold the same data as search-index.json'); process.exit(1); }
"""


def scan_search_index(root):
    """Findings in {lang}/search-index.json and .js: each must parse, and the script must be nothing but that data."""
    findings = []
    for lang in sorted(os.listdir(root)):
        json_path = os.path.join(root, lang, "search-index.json")
        script_path = os.path.join(root, lang, "search-index.js")
        if not os.path.isfile(json_path):
            continue
        try:
            with open(json_path, encoding="utf-8") as file:
                json.load(file)
        except ValueError as error:
            findings.append(f"{lang}/search-index.json: not JSON: {error}")
        with open(script_path, encoding="utf-8") as file:
            script = file.read()
        # Engines before ES2019 end a line at a raw U+2028/U+2029, even inside a string: they must be escaped.
        for needle, what in [("\u2028", "a raw U+2028"), ("\u2029", "a raw U+2029")]:
            if needle in script:
                findings.append(f"{lang}/search-index.js: holds {what}")
        result = subprocess.run(["node", "-e", SCRIPT_CHECK, script_path, json_path, lang], capture_output=True, text=True)
        if result.returncode != 0:
            reason = (result.stderr.strip().splitlines() or ["fails"])[-1][:300]
            findings.append(f"{lang}/search-index.js: {reason}")
    return findings


def main():
    root = sys.argv[1]
    findings = scan_site(root) + scan_search_index(root)
    for finding in findings:
        print(finding)
    print(f"{len(findings)} findings in {len(pages.html_files(root))} pages", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
