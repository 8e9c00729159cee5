#!/usr/bin/env python3
"""make-revision.py CONTENT FROM TO PERCENT: adds revision TO to CONTENT as a changed copy of FROM.

Deterministic (seeded): PERCENT % of the items get a changed answer in Japanese (and half of those in
English too), 1 % are removed and as many new ones are appended, so numbers shift. For the diff benchmark.
"""
import os
import random
import re
import shutil
import sys

content, source, target, percent = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
rng = random.Random(20250307)
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
removed = set(rng.sample(range(count), max(1, count // 100)))
changed = set(rng.sample([i for i in range(count) if i not in removed], int(count * percent / 100)))
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
        if index in changed and (lang == "ja" or index % 2 == 0):
            text = text.rstrip("\n") + ("（改定）\n" if lang == "ja" else " (revised)\n")
        write(lang, index, text, number)
for extra in range(len(removed)):
    number += 1
    for lang, section, category, item in (("ja", "セキュリティ", "セキュリティ", f"追加項目{extra}"), ("en", "Security", "Security", f"Added item {extra}")):
        text = (f"---\nno: {number}\nslug: added-item-{extra}\nsection: {section}\ncategory: {category}\nitem: {item}\n"
                f"definition: {item}\nunit: {'有無' if lang == 'ja' else 'Yes/No'}\n---\n{'有' if lang == 'ja' else 'Yes'}\n")
        open(os.path.join(dst, lang, f"{number:0{width}d}-added-item-{extra}.md"), "w", encoding="utf-8").write(text)
print(f"{target}: {number} items, {len(changed)} changed, {len(removed)} removed, {len(removed)} added")
