"""The downloads as a customer opens them: the workbook read back with openpyxl, the JSON against its schema."""
import csv
import io
import json
import os

import jsonschema
import openpyxl


def read_csv(path):
    raw = open(path, "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 byte order mark for Excel"
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n"), "CSV lines must end in CRLF"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_every_workbook_cell_equals_the_csv(site):
    for lang in ["ja", "en"]:
        folder = os.path.join(site, lang, "downloads")
        for name in sorted(os.listdir(folder)):
            if not (name.startswith("checksheet-") and name.endswith(".xlsx")):
                continue
            # Both languages in one workbook, the download's own language first, each sheet equal to its CSV.
            other = "en" if lang == "ja" else "ja"
            book = openpyxl.load_workbook(os.path.join(folder, name))
            assert len(book.worksheets) == 2
            assert book.sheetnames == [("チェックシート " if l == "ja" else "Check sheet ") + name[11:-5] for l in [lang, other]]
            for sheet, sheet_lang in zip(book.worksheets, [lang, other]):
                rows = read_csv(os.path.join(site, sheet_lang, "downloads", name[:-5] + ".csv"))
                assert sheet.freeze_panes == "A2"
                assert sheet.column_dimensions["E"].width == 50
                cells = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
                assert cells == rows
                assert len(rows) == 50
                assert all(sheet.cell(row=r, column=7).alignment.wrap_text for r in range(1, len(rows) + 1))
                assert sheet.cell(row=1, column=1).font.b
                # Each row ends with the revision's date and the item's permanent URL.
                assert rows[0][-2:] == (["版の日付", "固定URL"] if sheet_lang == "ja" else ["Version date", "Permanent URL"])
                assert rows[1][-2:] == [name[11:-5], f"https://checksheet.example.com/{sheet_lang}/items/service-hours/"]


def test_json_downloads_validate_against_the_published_schema(site):
    for lang in ["ja", "en"]:
        folder = os.path.join(site, lang, "downloads")
        schema = json.load(open(os.path.join(folder, "checksheet.schema.json"), encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        for name in sorted(os.listdir(folder)):
            if name.startswith("checksheet-") and name.endswith(".json"):
                sheet = json.load(open(os.path.join(folder, name), encoding="utf-8"))
                jsonschema.validate(sheet, schema, cls=jsonschema.Draft202012Validator)
                rows = read_csv(os.path.join(folder, name[:-5] + ".csv"))[1:]
                assert [[str(i["no"]), i["section"], i["category"], i["item"], i["definition"], i["unit"], i["answer"], sheet["date"], i["url"]]
                        for i in sheet["items"]] == rows
