#!/usr/bin/env python3
"""Make a large Excel-style TSV export of the check sheet for the import benchmark.

    Benchmarks/generate-export.py MEGABYTES OUTFILE

The real export (Tests/ChecksheetKitTests/Fixtures/import/checksheet-2025-03-07.tsv) is repeated, with its
irregular rows as they are (section header rows, blank categories, rows whose category cell is missing, blank
rows), until the file holds at least MEGABYTES × 1,000,000 bytes. Items are numbered on from 1; each copy marks
its item names with its round (`サービス時間（2）`) so that names stay unique. Deterministic: the same size
always gives the same bytes. Only the Python standard library is used.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "Tests", "ChecksheetKitTests", "Fixtures", "import", "checksheet-2025-03-07.tsv")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    target = int(float(sys.argv[1]) * 1_000_000)
    lines = open(SEED, encoding="utf-8").read().split("\n")
    header = next(i for i, line in enumerate(lines) if line.startswith("No.\t"))
    head, body = lines[: header + 1], [line for line in lines[header + 1 :] if line != ""]
    out = ["\n".join(head) + "\n"]
    size = len(out[0].encode("utf-8"))
    number = 0
    round_ = 0
    while size < target:
        round_ += 1
        for line in body:
            cells = line.split("\t")
            if cells[0].isdigit():
                number += 1
                cells[0] = str(number)
                # The item's name is the third cell, or the second when the category cell is missing.
                name = 2 if len(cells) == 6 and (cells[1] == "" or cells[5] != "") else 1
                if round_ > 1:
                    cells[name] += f"（{round_}）"
            text = "\t".join(cells) + "\n"
            out.append(text)
            size += len(text.encode("utf-8"))
    with open(sys.argv[2], "w", encoding="utf-8", newline="") as file:
        file.write("".join(out))
    print(f"{sys.argv[2]}: {size} bytes, {number} items")


main()
