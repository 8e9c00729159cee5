#!/usr/bin/python3
"""The translator's step, done by a real CAT library: translate-toolkit (Debian `translate-toolkit`) reads the
XLIFF 1.2 that `checksheet translations export` wrote, fills in the English of each unit from a JSON table
(id -> English), marks it translated and saves the file as the tool writes it: over FILE, or as OUT, the file the
translators send back.

Usage: translate_xliff.py FILE.xlf TABLE.json [OUT.xlf]  (prints one line per unit: id, the context the tool read, state)
"""
import json
import sys

from translate.storage import xliff


def main(path, table_path, out=None):
    with open(table_path, encoding="utf-8") as handle:
        table = json.load(handle)
    store = xliff.xlifffile.parsefile(path)
    for unit in store.units:
        unit_id = unit.xmlelement.get("id")
        contexts = dict(pair for group in unit.getcontextgroups(unit_id) for pair in group)
        previous = [alt.target for alt in unit.getalttrans()]
        if unit_id in table:
            unit.target = table[unit_id]
            unit.markfuzzy(False)
        print(f"{unit_id}\tNo. {contexts.get('x-item-number')} {contexts.get('x-item-name')}\t{contexts.get('x-field')}"
              f"\tprevious: {previous[0] if previous else '-'}\tstate: {unit.xmlelement.find(unit.namespaced('target')).get('state') if unit.target else 'new'}")
    store.savefile(out or path)


if __name__ == "__main__":
    main(*sys.argv[1:4])
