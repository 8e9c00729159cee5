"""The questionnaire page in a real headless Chromium: paste, open a file (CSV, XLSX), choose another item,
override a status, download the CSV and read it cell by cell; over http and from file://, with no CSP violation."""
import csv
import io
import json
import os
import subprocess
import tempfile
import time

import openpyxl
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from browsing import ROOT, binary, open_page

QUESTIONS = {
    "en": ["How long are backups retained?", "Is customer data encrypted at rest?", "Do you support single sign-on (SSO)?",
           "Can we export all our data when we leave the service?"],
    "ja": ["バックアップの保管期間はどのくらいですか？", "保存データは暗号化されていますか？暗号化方式を記載してください。", "多要素認証に対応していますか？"],
}


def cli_answers(lang, questions):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as file:
        file.write("\n".join(questions) + "\n")
    out = subprocess.run([binary(), "answer", file.name, "--lang", lang, "--format", "json", "--content", os.path.join(ROOT, "Content")],
                         check=True, capture_output=True, text=True).stdout
    os.unlink(file.name)
    return json.loads(out)


def shown_rows(browser):
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "questionnaire-status").text != "")
    return browser.execute_script("""
        return Array.from(document.querySelectorAll('#questionnaire-rows tbody tr')).map(tr => ({
          row: tr.cells[0].textContent, question: tr.cells[1].textContent, status: tr.querySelector('select').value,
          link: (tr.querySelector('td:nth-child(4) a') || {}).getAttribute ? tr.querySelector('td:nth-child(4) a').getAttribute('href') : null,
          answer: tr.querySelector('.questionnaire-answer').textContent,
          choices: Array.from(tr.querySelectorAll('.questionnaire-choice option')).map(o => o.textContent)}));""")


def page_url(server, site, mode, lang):
    return f"{server}/{lang}/questionnaire/index.html" if mode == "http" else f"file://{site}/{lang}/questionnaire/index.html"


@pytest.mark.parametrize("mode", ["http", "file"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_pasted_questions_get_the_cli_statuses_and_items(browser, server, site, mode, lang):
    open_page(browser, page_url(server, site, mode, lang))
    browser.find_element(By.ID, "questionnaire-text").send_keys("\n".join(QUESTIONS[lang]))
    browser.find_element(By.CSS_SELECTOR, "#questionnaire button[type=submit]").click()
    rows = shown_rows(browser)
    cli = cli_answers(lang, QUESTIONS[lang])
    assert [r["question"] for r in rows] == QUESTIONS[lang]
    assert [r["status"] for r in rows] == [c["status"] for c in cli]
    for row, answer in zip(rows, cli):
        assert len(row["choices"]) == len(answer["matches"])
        if answer["status"] == "none":
            assert row["link"] is None
        else:
            assert row["link"].endswith(f"items/{answer['matches'][0]['slug']}/index.html")
            assert row["answer"] == answer["matches"][0]["answer"]
    assert "none" in [r["status"] for r in rows]
    assert browser.execute_script("return window.__problems") == []


def test_a_csv_file_and_an_xlsx_file_are_read_in_the_browser(browser, server, site):
    folder = tempfile.mkdtemp(prefix="questionnaire-")
    with open(os.path.join(folder, "customer.csv"), "w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows([["No", "Area", "Question"], ["1", "Backup", "How long are backups retained?"],
                                    ["2", "Identity", "Do you support single sign-on (SSO)?"]])
    book = openpyxl.Workbook()
    book.active.append(["No.", "質問"])
    book.active.append([1, "保存データは暗号化されていますか？"])
    book.active.append([2, "多要素認証に対応していますか？"])
    book.save(os.path.join(folder, "customer.xlsx"))

    open_page(browser, page_url(server, site, "http", "en"))
    browser.find_element(By.ID, "questionnaire-file").send_keys(os.path.join(folder, "customer.csv"))
    rows = shown_rows(browser)
    assert [(r["row"], r["question"], r["status"]) for r in rows] == [("2", "How long are backups retained?", "answered"),
                                                                       ("3", "Do you support single sign-on (SSO)?", "none")]
    open_page(browser, page_url(server, site, "file", "ja"))
    browser.find_element(By.ID, "questionnaire-file").send_keys(os.path.join(folder, "customer.xlsx"))
    rows = shown_rows(browser)
    assert [(r["row"], r["question"]) for r in rows] == [("2", "保存データは暗号化されていますか？"), ("3", "多要素認証に対応していますか？")]
    assert [r["status"] for r in rows] == [c["status"] for c in cli_answers("ja", [r["question"] for r in rows])]
    assert browser.execute_script("return window.__problems") == []


def test_shift_jis_csv_and_unicode_text_are_read_as_the_cli_reads_them(browser, server, site):
    """Excel's CSV on Japanese Windows (Shift_JIS) and its "Unicode text" (UTF-16LE, with and without a byte order mark)."""
    folder = tempfile.mkdtemp(prefix="questionnaire-")
    files = {
        "excel.csv": "No.,質問,回答欄\r\n1,保存データは暗号化されていますか？,\r\n2,多要素認証①に対応していますか？,\r\n".encode("cp932"),
        "unicode.txt": "\ufeffQuestion\tResponse\r\nIs customer data encrypted at rest?\t\r\nHow long are backups retained?\t\r\n".encode("utf-16-le"),
        "unicode-no-bom.txt": "Question\tResponse\r\nIs customer data encrypted at rest?\t\r\nHow long are backups retained?\t\r\n".encode("utf-16-le"),
    }
    for name, data in files.items():
        path = os.path.join(folder, name)
        with open(path, "wb") as file:
            file.write(data)
        cli = json.loads(subprocess.run([binary(), "answer", path, "--lang", "ja", "--format", "json", "--content", os.path.join(ROOT, "Content")],
                                        check=True, capture_output=True, text=True).stdout)
        open_page(browser, page_url(server, site, "http", "ja"))
        browser.find_element(By.ID, "questionnaire-file").send_keys(path)
        rows = shown_rows(browser)
        assert [(r["row"], r["question"]) for r in rows] == [(str(c["row"]), c["question"]) for c in cli], name
        assert len(rows) == 2, name
    assert browser.execute_script("return window.__problems") == []


def test_a_workbook_with_a_title_above_its_header_is_read_as_the_cli_reads_it(browser, server, site):
    """A cover sheet first; then a title merged over row 1, a blank row, the header on row 3, a heading merged across
    the table and one in the question column: only the questions are answered, on the rows the CLI gives."""
    folder = tempfile.mkdtemp(prefix="questionnaire-")
    path = os.path.join(folder, "titled.xlsx")
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "表紙"
    cover["A1"] = "クラウドサービス セキュリティ確認書"
    cover["A3"] = "Please answer every question on the Security sheet."
    sheet = book.create_sheet("Security")
    sheet["A1"] = "Cloud vendor security questionnaire"
    sheet.merge_cells("A1:D1")
    sheet.append([])
    for row in [["No.", "Question", "Answer", "Remarks"], ["Backup policy"], [1, "How long are backups retained?"],
                [2, "Is customer data encrypted at rest?"], [None, "Access control"], [3, "Do you support single sign-on (SSO)?"]]:
        sheet.append(row)
    sheet.merge_cells("A4:D4")
    book.save(path)
    cli = json.loads(subprocess.run([binary(), "answer", path, "--lang", "en", "--format", "json", "--content", os.path.join(ROOT, "Content")],
                                    check=True, capture_output=True, text=True).stdout)
    assert [c["row"] for c in cli] == [5, 6, 8]
    open_page(browser, page_url(server, site, "http", "en"))
    browser.find_element(By.ID, "questionnaire-file").send_keys(path)
    rows = shown_rows(browser)
    assert [(r["row"], r["question"], r["status"]) for r in rows] == [(str(c["row"]), c["question"], c["status"]) for c in cli]
    assert browser.execute_script("return window.__problems") == []

    # The workbook the CLI answered comes back a quarter later: its header (`Item No.` reads like a sentence) is still
    # found, by the CLI and the browser alike, and the items the first answer added are no questions.
    answered = os.path.join(folder, "answered.xlsx")
    subprocess.run([binary(), "answer", path, "--lang", "en", "--format", "xlsx", "--out", answered, "--content", os.path.join(ROOT, "Content")],
                   check=True, capture_output=True)
    again = json.loads(subprocess.run([binary(), "answer", answered, "--lang", "en", "--format", "json", "--content", os.path.join(ROOT, "Content")],
                                      check=True, capture_output=True, text=True).stdout)
    assert [(c["row"], c["question"], c["status"]) for c in again] == [(c["row"], c["question"], c["status"]) for c in cli]
    open_page(browser, page_url(server, site, "http", "en"))
    browser.find_element(By.ID, "questionnaire-file").send_keys(answered)
    rows = shown_rows(browser)
    assert [(r["row"], r["question"], r["status"]) for r in rows] == [(str(c["row"]), c["question"], c["status"]) for c in cli]
    assert browser.execute_script("return window.__problems") == []


def test_a_deep_header_a_name_of_its_own_and_sub_questions_are_read_as_the_cli_reads_them(browser, server, site):
    """A cover, then a title and 24 rows of instructions above a header (row 26) whose question column is `Assessment Question`, with
    enumerated sub-questions under a numbered question and a heading without a number: the browser finds the same
    sheet, rows and texts as the CLI."""
    folder = tempfile.mkdtemp(prefix="questionnaire-")
    path = os.path.join(folder, "deep.xlsx")
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "表紙"
    cover["B2"] = "クラウドサービスに関する情報セキュリティ確認書"
    sheet = book.create_sheet("確認書")
    sheet["A1"] = "Vendor security assessment"
    for row in range(2, 26):
        sheet.cell(row, 1, f"{row - 1}. Read the instructions of section {row - 1} before you answer.")
    for row in [["Ref", "Domain", "Assessment Question", "Yes/No/N.A."],
                ["BC-1", "Business Continuity Management", "How long are backups retained?"],
                ["BC-2", "Business Continuity Management", "Which of these do you encrypt?"],
                [None, None, "(a) Customer data at rest"], [None, None, "(b) Backups"],
                [None, None, "Identity and access"],
                ["IA-1", "Identity & Access Management", "Do you support single sign-on (SSO)?"]]:
        sheet.append(row)
    book.save(path)
    cli = json.loads(subprocess.run([binary(), "answer", path, "--lang", "en", "--format", "json", "--content", os.path.join(ROOT, "Content")],
                                    check=True, capture_output=True, text=True).stdout)
    assert [(c["row"], c["question"]) for c in cli] == [(27, "How long are backups retained?"), (28, "Which of these do you encrypt?"),
                                                         (29, "(a) Customer data at rest"), (30, "(b) Backups"),
                                                         (32, "Do you support single sign-on (SSO)?")]
    open_page(browser, page_url(server, site, "http", "en"))
    browser.find_element(By.ID, "questionnaire-file").send_keys(path)
    rows = shown_rows(browser)
    assert [(r["row"], r["question"], r["status"]) for r in rows] == [(str(c["row"]), c["question"], c["status"]) for c in cli]
    assert browser.execute_script("return window.__problems") == []


def test_choose_another_item_override_a_status_and_download_the_csv(browser, server, site):
    downloads = tempfile.mkdtemp(prefix="questionnaire-downloads-")
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    open_page(browser, page_url(server, site, "http", "en"))
    questions = ["How long are backups retained?", "Do you support single sign-on (SSO)?"]
    browser.find_element(By.ID, "questionnaire-text").send_keys("\n".join(questions))
    browser.find_element(By.CSS_SELECTOR, "#questionnaire button[type=submit]").click()
    rows = shown_rows(browser)
    cli = cli_answers("en", questions)
    # The first question: the second candidate chosen instead of the first.
    Select(browser.find_element(By.ID, "questionnaire-item-0")).select_by_value("1") if len(cli[0]["matches"]) > 1 else None
    first = cli[0]["matches"][1] if len(cli[0]["matches"]) > 1 else cli[0]["matches"][0]
    # The second question, not covered: a reader marks it for review, which fills in its first candidate.
    Select(browser.find_element(By.ID, "questionnaire-status-1")).select_by_value("review")
    second = cli[1]["matches"][0]
    rows = shown_rows(browser)
    assert rows[0]["link"].endswith(f"items/{first['slug']}/index.html")
    assert rows[1]["status"] == "review" and rows[1]["link"].endswith(f"items/{second['slug']}/index.html")

    browser.find_element(By.ID, "questionnaire-download").click()
    path = os.path.join(downloads, "questionnaire-en.csv")
    for _ in range(100):
        if os.path.exists(path):
            break
        time.sleep(0.05)
    data = open(path, "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 3 and data.replace(b"\r\n", b"").count(b"\n") == 0
    cells = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    # An answer to review names the item to check, as the CLI's status column does.
    first_status = f"Review: candidate item No. {first['no']}" if cli[0]["status"] == "review" else cli[0]["status"]
    assert cells == [
        ["Question", "Status", "No.", "Matched item", "Answer", "Revision", "URL"],
        [questions[0], first_status, str(first["no"]), first["title"], first["answer"], "2025-03-07", first["url"]],
        [questions[1], f"Review: candidate item No. {second['no']}", str(second["no"]), second["title"], second["answer"], "2025-03-07", second["url"]],
    ]
    assert browser.execute_script("return window.__problems") == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_axe_violation_with_answers_shown(browser, server, lang):
    import sys
    sys.path.insert(0, os.path.join(ROOT, "Tests", "Gates"))
    import axe
    source = axe.script_source()
    open_page(browser, f"{server}/{lang}/questionnaire/index.html")
    browser.find_element(By.ID, "questionnaire-text").send_keys("\n".join(QUESTIONS[lang]))
    browser.find_element(By.CSS_SELECTOR, "#questionnaire button[type=submit]").click()
    shown_rows(browser)
    assert axe.describe(axe.run(browser, source)) == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_whole_question_set_gets_the_cli_statuses_and_items_in_chromium(browser, server, lang):
    lines = open(os.path.join(ROOT, "Tests", "Search", "questions.tsv"), encoding="utf-8").read().splitlines()
    questions = [line.split("\t")[2] for line in lines if line and not line.startswith("#") and line.split("\t")[0] == lang]
    open_page(browser, f"{server}/{lang}/questionnaire/index.html")
    browser.execute_script("document.getElementById('questionnaire-text').value = arguments[0];", "\n".join(questions))
    browser.find_element(By.CSS_SELECTOR, "#questionnaire button[type=submit]").click()
    rows = shown_rows(browser)
    cli = cli_answers(lang, questions)
    assert [(r["question"], r["status"], r["choices"]) for r in rows] == [
        (c["question"], c["status"], [f"{m['no']}. {m['title']}" for m in c["matches"]]) for c in cli]


def test_a_header_named_on_two_rows_and_files_of_other_kinds(browser, server, site):
    """A workbook whose header group `事業者記入欄` names `回答 | 補足` on the row under it: the same questions as the CLI.
    A password-protected workbook and a Word document named .xlsx: the status says what the CLI says, in the page's language."""
    import zipfile
    fixtures = os.path.join(ROOT, "Tests", "ChecksheetKitTests", "Fixtures", "questionnaires")
    folder = tempfile.mkdtemp(prefix="questionnaire-")
    path = os.path.join(folder, "form.xlsx")
    source = os.path.join(fixtures, "group-header-workbook")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for base, _, files in os.walk(source):
            for name in sorted(files):
                package.write(os.path.join(base, name), os.path.relpath(os.path.join(base, name), source))
    cli = json.loads(subprocess.run([binary(), "answer", path, "--lang", "ja", "--format", "json", "--content", os.path.join(ROOT, "Content")],
                                    check=True, capture_output=True, text=True).stdout)
    assert [c["row"] for c in cli] == [5, 6, 7]
    open_page(browser, page_url(server, site, "http", "ja"))
    browser.find_element(By.ID, "questionnaire-file").send_keys(path)
    rows = shown_rows(browser)
    assert [(r["row"], r["question"], r["status"]) for r in rows] == [(str(c["row"]), c["question"], c["status"]) for c in cli]

    for fixture, lang, expected in [
        ("encrypted.xlsx", "en", "The workbook is encrypted (password-protected). Open it in Excel with its password, save an unprotected copy "
                                 "(File > Info > Protect Workbook > Encrypt with Password, cleared) and answer that copy."),
        ("word-document.xlsx", "ja", "このファイルは名前に関わらず Word 文書（.docx）で、Excelのブックではありません。質問の表をExcelに貼り付け、.xlsx か CSV UTF-8（.csv）で保存してください。"),
    ]:
        open_page(browser, page_url(server, site, "http", lang))
        browser.find_element(By.ID, "questionnaire-file").send_keys(os.path.join(fixtures, "other-formats", fixture))
        WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "questionnaire-status").text != "")
        assert browser.find_element(By.ID, "questionnaire-status").text == expected
    assert browser.execute_script("return window.__problems") == []
