#!/usr/bin/env python3
"""Make a Hugo project that builds the same items as a checksheet content folder.

    Benchmarks/hugo-site.py CONTENT OUTDIR [THEME]

CONTENT is a content folder as `generate-sheet.py` writes it (site.yml and revisions/DATE/{ja,en});
the newest revision is used. OUTDIR (replaced) becomes a Hugo 0.111 project doing roughly the work
of `checksheet build` on it:

- two languages in one build, ja (the default, under /ja/) and en (under /en/);
- one page per item and language at /LANG/items/SLUG/, with the same fields (no, section, category,
  item, definition, unit) and the answer rendered from Markdown, links to the other language's page
  and to the previous and next item;
- one list page per language (/LANG/) rendering the whole sheet as a table, answers included;
- one JSON search index per language (/LANG/search-index.json): every item's fields and plain answer;
- Hugo's default RSS feed and sitemap, and THEME/assets (checksheet's CSS and JS) copied as static files.

Front matter is written as JSON, so Hugo's YAML 1.1 cannot turn the key `no` into a boolean. The
output does not depend on the machine or the run. Only the Python standard library is used.
"""

import importlib.util
import json
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LANGUAGES = ("ja", "en")

# The labels the templates print, per language (Hugo's i18n files).
LABELS = {
    "ja": {"no": "項番", "section": "区分", "category": "種別", "item": "サービスレベル項目",
           "definition": "規定内容", "unit": "測定単位", "answer": "回答", "previous": "前の項目",
           "next": "次の項目", "sheet": "チェックシート", "otherLanguage": "English"},
    "en": {"no": "No.", "section": "Section", "category": "Category", "item": "Service level item",
           "definition": "Definition", "unit": "Unit", "answer": "Answer", "previous": "Previous item",
           "next": "Next item", "sheet": "Check sheet", "otherLanguage": "日本語"},
}

CONFIG = """\
baseURL = {base_url}
defaultContentLanguage = "ja"
defaultContentLanguageInSubdir = true
disableKinds = ["section", "taxonomy", "term"]
enableRobotsTXT = false

[outputFormats.SearchIndex]
mediaType = "application/json"
baseName = "search-index"
isPlainText = true
notAlternative = true

[outputs]
home = ["HTML", "RSS", "SearchIndex"]
page = ["HTML"]

[languages.ja]
weight = 1
languageName = "日本語"
title = {title_ja}
contentDir = "content/ja"
hasCJKLanguage = true

[languages.en]
weight = 2
languageName = "English"
title = {title_en}
contentDir = "content/en"
"""

BASEOF = """\
<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Site.Title }}{{ end }}</title>
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ i18n "otherLanguage" }}</a>{{ end }}
<form role="search"><input type="search" name="q" data-index="{{ "search-index.json" | relLangURL }}"></form>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<script src="{{ "assets/search.js" | relURL }}" defer></script>
</body>
</html>
"""

SINGLE = """\
{{ define "title" }}{{ .Params.no }}. {{ .Params.item }} | {{ .Site.Title }}{{ end }}
{{ define "main" }}
<nav class="breadcrumb"><ol><li><a href="{{ .Site.Home.RelPermalink }}">{{ i18n "sheet" }}</a></li><li>{{ .Params.section }}</li><li>{{ .Params.category }}</li></ol></nav>
<article class="item" id="item-{{ .Params.slug }}">
<h1><span class="item-no">{{ .Params.no }}.</span> {{ .Params.item }}</h1>
<dl class="fields">
<div class="field"><dt>{{ i18n "definition" }}</dt><dd>{{ .Params.definition }}</dd></div>
<div class="field"><dt>{{ i18n "unit" }}</dt><dd>{{ .Params.unit }}</dd></div>
<div class="field field-answer"><dt>{{ i18n "answer" }}</dt><dd class="answer">{{ .Content }}</dd></div>
<div class="field"><dt>{{ i18n "category" }}</dt><dd>{{ .Params.section }} / {{ .Params.category }}</dd></div>
</dl>
<p class="item-links"><a href="{{ .Site.Home.RelPermalink }}#{{ .Params.slug }}">{{ i18n "sheet" }}</a>
{{ range .Translations }} · <a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ i18n "otherLanguage" }}: <span lang="{{ .Language.Lang }}">{{ .Params.item }}</span></a>{{ end }}</p>
</article>
<nav class="pager">
{{ with .Next }}<a rel="prev" href="{{ .RelPermalink }}">{{ i18n "previous" }} {{ .Params.no }}. {{ .Params.item }}</a>{{ end }}
{{ with .Prev }}<a rel="next" href="{{ .RelPermalink }}">{{ i18n "next" }} {{ .Params.no }}. {{ .Params.item }}</a>{{ end }}
</nav>
{{ end }}
"""

HOME = """\
{{ define "main" }}
<h1 class="sheet-title">{{ .Site.Title }}</h1>
<table class="sheet">
<thead>
<tr><th scope="col">{{ i18n "no" }}</th><th scope="col">{{ i18n "item" }}</th><th scope="col">{{ i18n "definition" }}</th><th scope="col">{{ i18n "unit" }}</th><th scope="col">{{ i18n "answer" }}</th></tr>
</thead>
<tbody>
{{ range .Site.RegularPages.ByWeight }}
<tr id="{{ .Params.slug }}" class="item-row">
<td class="col-no">{{ .Params.no }}</td>
<th scope="row" class="col-item"><a href="{{ .RelPermalink }}">{{ .Params.item }}</a><br><small>{{ .Params.section }} / {{ .Params.category }}</small></th>
<td class="col-definition">{{ .Params.definition }}</td>
<td class="col-unit">{{ .Params.unit }}</td>
<td class="col-answer">{{ .Content }}</td>
</tr>
{{ end }}
</tbody>
</table>
{{ end }}
"""

# Linear: one jsonify per item (appending to a slice in a loop would copy it every time).
SEARCH_INDEX = """\
{{- $items := .Site.RegularPages.ByWeight -}}
{"language":{{ .Site.Language.Lang | jsonify }},"items":[
{{- range $i, $p := $items -}}
{{- if $i }},{{ end -}}
{{- dict "no" $p.Params.no "slug" $p.Params.slug "section" $p.Params.section "category" $p.Params.category "item" $p.Params.item "definition" $p.Params.definition "unit" $p.Params.unit "answer" $p.Plain "url" $p.RelPermalink | jsonify -}}
{{- end -}}
]}
"""


def load_generator():
    """generate-sheet.py as a module: its front-matter reader is the one the generated pages follow."""
    spec = importlib.util.spec_from_file_location("generate_sheet", os.path.join(HERE, "generate-sheet.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scalar(raw):
    """The value of a one-line YAML scalar as generate-sheet.py and the real content write them."""
    if len(raw) >= 2 and raw[0] == raw[-1] == '"':
        return json.loads(raw)
    if len(raw) >= 2 and raw[0] == raw[-1] == "'":
        return raw[1:-1].replace("''", "'")
    return raw


def site_titles(content):
    """The site title per language from site.yml (its `title:` block)."""
    text = open(os.path.join(content, "site.yml"), encoding="utf-8").read()
    block = re.search(r"^title:\n((?:[ \t]+.*\n)+)", text, re.M)
    if not block:
        sys.exit(f"{content}/site.yml: no title block")
    titles = dict(re.findall(r"^\s+(ja|en):\s*(.+)$", block.group(1), re.M))
    base = re.search(r"^baseURL:\s*(.+)$", text, re.M)
    return {lang: scalar(titles[lang].strip()) for lang in LANGUAGES}, scalar(base.group(1).strip()) if base else "/"


def toml_string(value):
    return json.dumps(value, ensure_ascii=False)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: hugo-site.py CONTENT OUTDIR [THEME]")
    content, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    theme = os.path.abspath(sys.argv[3]) if len(sys.argv) == 4 else None
    generator = load_generator()

    revisions = sorted(d for d in os.listdir(os.path.join(content, "revisions")) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d))
    if not revisions:
        sys.exit(f"{content}/revisions: no revision")
    revision = os.path.join(content, "revisions", revisions[-1])
    titles, base_url = site_titles(content)

    if os.path.exists(out):
        shutil.rmtree(out)
    for path in ("layouts/_default", "i18n", "static/assets"):
        os.makedirs(os.path.join(out, path))

    def write(path, text):
        with open(os.path.join(out, path), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)

    write("config.toml", CONFIG.format(base_url=toml_string(base_url), title_ja=toml_string(titles["ja"]),
                                       title_en=toml_string(titles["en"])))
    write("layouts/_default/baseof.html", BASEOF)
    write("layouts/_default/single.html", SINGLE)
    write("layouts/index.html", HOME)
    write("layouts/index.searchindex.json", SEARCH_INDEX)
    for lang in LANGUAGES:
        write(f"i18n/{lang}.toml", "".join(f"{key} = {toml_string(value)}\n" for key, value in LABELS[lang].items()))
    if theme:
        for name in sorted(os.listdir(os.path.join(theme, "assets"))):
            shutil.copyfile(os.path.join(theme, "assets", name), os.path.join(out, "static/assets", name))

    count = 0
    for lang in LANGUAGES:
        folder = os.path.join(out, "content", lang, "items")
        os.makedirs(folder)
        for name in sorted(n for n in os.listdir(os.path.join(revision, lang)) if n.endswith(".md")):
            fields, body = generator.read_page(os.path.join(revision, lang, name))
            values = {key: scalar(value) for key, value in fields.items()}
            no = int(values["no"])
            front = {"title": values["item"], "weight": no, "no": no, "slug": values["slug"],
                     "section": values["section"], "category": values["category"], "item": values["item"],
                     "definition": values["definition"], "unit": values["unit"]}
            # Same file name in both languages: Hugo links the two as translations of one page.
            write(os.path.join(folder, f"{values['slug']}.md"),
                  json.dumps(front, ensure_ascii=False, indent=1) + "\n\n" + body + "\n")
            count += 1
    print(f"hugo-site.py: {count // len(LANGUAGES)} items x {len(LANGUAGES)} languages from {os.path.relpath(revision)} into {os.path.relpath(out)}")


if __name__ == "__main__":
    main()
