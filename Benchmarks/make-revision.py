#!/usr/bin/env python3
"""make-revision.py CONTENT FROM TO PERCENT: adds revision TO to CONTENT as a changed copy of FROM.

Deterministic (seeded): PERCENT % of the items get a changed answer in Japanese (and half of those in
English too), 1 % are removed and as many new ones are appended, so numbers shift. For the diff benchmark.

Options, for the history scenario of compare.sh (a quarterly revision with a few answers changed):
  --changed COUNT   change exactly COUNT answers instead of PERCENT % (PERCENT may then be left out)
  --removed COUNT   remove (and append as many new) COUNT items instead of 1 %
  --english all     change the English answer of every changed item too, not of half of them
  --seed SEED       the random generator's seed (default 20250307); give each revision its own
"""
import argparse
import os
import random
import re
import shutil

parser = argparse.ArgumentParser(description="Adds revision TO to CONTENT as a changed copy of FROM.")
parser.add_argument("content")
parser.add_argument("source")
parser.add_argument("target")
parser.add_argument("percent", type=float, nargs="?", default=0.0)
parser.add_argument("--changed", type=int)
parser.add_argument("--removed", type=int)
parser.add_argument("--english", choices=("half", "all"), default="half")
parser.add_argument("--seed", type=int, default=20250307)
options = parser.parse_args()
content, source, target, percent = options.content, options.source, options.target, options.percent
rng = random.Random(options.seed)
src = os.path.join(content, "revisions", source)
dst = os.path.join(content, "revisions", target)
shutil.rmtree(dst, ignore_errors=True)
os.makedirs(os.path.join(dst, "ja"))
os.makedirs(os.path.join(dst, "en"))
y, m, d = (int(x) for x in target.split("-"))
open(os.path.join(dst, "revision.yml"), "w", encoding="utf-8").write(
    f"date: '{target}'\ntitle:\n  ja: {y}年{m}月{d}日版\n  en: Version dated {target}\n")

names = sorted(os.listdir(os.path.join(src, "ja")))
count = len(names)
removed = set(rng.sample(range(count), max(1, count // 100) if options.removed is None else options.removed))
changes = int(count * percent / 100) if options.changed is None else options.changed
changed = set(rng.sample([i for i in range(count) if i not in removed], changes))
width = len(str(count + len(removed)))
number = 0


def write(lang, index, text, no):
    slug = re.search(r"^slug: (.+)$", text, re.M).group(1)
    text = re.sub(r"^no: \d+$", f"no: {no}", text, count=1, flags=re.M)
    open(os.path.join(dst, lang, f"{no:0{width}d}-{slug}.md"), "w", encoding="utf-8").write(text)


for index, name in enumerate(names):
    if index in removed:
        continue
    number += 1
    for lang in ("ja", "en"):
        text = open(os.path.join(src, lang, name), encoding="utf-8").read()
        if index in changed and (lang == "ja" or options.english == "all" or index % 2 == 0):
            text = text.rstrip("\n") + ("（改定）\n" if lang == "ja" else " (revised)\n")
        write(lang, index, text, number)
for extra in range(len(removed)):
    number += 1
    for lang, section, category, item in (("ja", "セキュリティ", "セキュリティ", f"追加項目{extra}"), ("en", "Security", "Security", f"Added item {extra}")):
        text = (f"---\nno: {number}\nslug: added-item-{extra}\nsection: {section}\ncategory: {category}\nitem: {item}\n"
                f"definition: {item}\nunit: {'有無' if lang == 'ja' else 'Yes/No'}\n---\n{'有' if lang == 'ja' else 'Yes'}\n")
        open(os.path.join(dst, lang, f"{number:0{width}d}-added-item-{extra}.md"), "w", encoding="utf-8").write(text)
print(f"{target}: {number} items, {len(changed)} changed, {len(removed)} removed, {len(removed)} added")
