#!/usr/bin/env python3
"""Make a synthetic content folder of N check-sheet items in Japanese and English.

    Benchmarks/generate-sheet.py N OUTDIR [CONTENT]

The items are taken from the real sheet, CONTENT/revisions/2025-03-07/ (49 items); CONTENT is
the project's Content/ folder unless given:

- N == 49: the real content, copied as is.
- N <  49: the first N real items, as is.
- N >  49: the 49 real items, then the same 49 again and again. From item 50 on each copy
  gets its own number and a unique slug (`service-hours-50`, ...), its item name is marked
  with the round it belongs to, and its answer gets one extra sentence picked by a seeded
  random generator, so pages differ slightly.

Everything else (site.yml, revision.yml, sections, categories, definitions, units) is the
real text, so the output passes the same checks as the real sheet. The output does not
depend on the machine or the run: same N, same bytes. OUTDIR is replaced.

Only the Python standard library is used.
"""

import os
import random
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTENT = os.path.join(ROOT, "Content")
REVISION = "2025-03-07"
SEED = 20251126
KEYS = ["no", "slug", "section", "category", "item", "definition", "unit"]

# Extra sentences added to the answers of copied items, per language.
EXTRAS = {
    "ja": [
        "詳細は契約書を参照してください。",
        "プランにより異なる場合があります。",
        "定期的に見直しています。",
        "お問い合わせいただければご説明します。",
        "",
    ],
    "en": [
        "See the contract for details.",
        "This may differ by plan.",
        "This is reviewed regularly.",
        "Details are available on request.",
        "",
    ],
}


def read_page(path):
    """Splits an item page into its front matter (key -> raw line value) and its body."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines[0] != "---":
        sys.exit(f"{path}: expected front matter starting with ---")
    end = lines.index("---", 1)
    fields = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        if key == "keywords":
            continue  # optional, for search only: the generated sheet goes without
        if not sep or key not in KEYS:
            sys.exit(f"{path}: unexpected front matter line: {line!r}")
        fields[key] = value.strip()
    for key in KEYS:
        if key not in fields:
            sys.exit(f"{path}: front matter has no {key!r}")
    body = "\n".join(lines[end + 1:]).strip("\n")
    return fields, body


def with_suffix(value, suffix):
    """Appends text to a raw YAML scalar, inside the quotes when it is quoted."""
    if len(value) >= 2 and value[0] in "\"'" and value[-1] == value[0]:
        return value[:-1] + suffix + value[-1]
    return value + suffix


def load_real():
    """The real items as [(file slug, {lang: (fields, body)})], in sheet order."""
    folder = os.path.join(CONTENT, "revisions", REVISION)
    names = sorted(n for n in os.listdir(os.path.join(folder, "ja")) if n.endswith(".md"))
    items = []
    for name in names:
        pages = {}
        for lang in ("ja", "en"):
            path = os.path.join(folder, lang, name)
            if not os.path.exists(path):
                sys.exit(f"{path}: missing (every ja page needs an en page)")
            pages[lang] = read_page(path)
        items.append(pages)
    items.sort(key=lambda p: int(p["ja"][0]["no"]))
    return folder, items


def write_page(path, fields, body):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("---\n")
        for key in KEYS:
            f.write(f"{key}: {fields[key]}\n")
        f.write("---\n")
        f.write(body + "\n")


def main():
    global CONTENT
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: generate-sheet.py N OUTDIR [CONTENT]")
    n = int(sys.argv[1])
    out = sys.argv[2]
    if len(sys.argv) == 4:
        CONTENT = os.path.abspath(sys.argv[3])
    if n < 1:
        sys.exit("N must be at least 1")

    folder, real = load_real()
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    shutil.copyfile(os.path.join(CONTENT, "site.yml"), os.path.join(out, "site.yml"))

    if n == len(real):
        shutil.copytree(folder, os.path.join(out, "revisions", REVISION))
        return

    revision = os.path.join(out, "revisions", REVISION)
    for lang in ("ja", "en"):
        os.makedirs(os.path.join(revision, lang))
    shutil.copyfile(os.path.join(folder, "revision.yml"), os.path.join(revision, "revision.yml"))

    width = max(2, len(str(n)))
    rng = random.Random(SEED)
    for no in range(1, n + 1):
        source = real[(no - 1) % len(real)]
        round_ = (no - 1) // len(real) + 1  # 1 for the real items, 2 for the first copy, ...
        extra = rng.randrange(len(EXTRAS["ja"]))  # same choice in both languages
        slug = source["ja"][0]["slug"] if round_ == 1 else f'{source["ja"][0]["slug"]}-{no}'
        for lang in ("ja", "en"):
            fields, body = source[lang]
            fields = dict(fields)
            fields["no"] = str(no)
            fields["slug"] = slug
            if round_ > 1:
                fields["item"] = with_suffix(fields["item"], f"（{round_}）" if lang == "ja" else f" ({round_})")
                sentence = EXTRAS[lang][extra]
                if sentence:
                    if lang == "ja":
                        body = body + ("" if body.endswith("。") else "。") + sentence
                    else:
                        body = body + " " + sentence
            write_page(os.path.join(revision, lang, f"{no:0{width}d}-{slug}.md"), fields, body)


if __name__ == "__main__":
    main()
