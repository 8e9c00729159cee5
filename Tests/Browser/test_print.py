"""The printed sheet: headless Chromium prints /ja/ to PDF; pdftotext must find every item and answer."""
import os
import re
import subprocess
import tempfile

from browsing import ROOT

SEED = os.path.join(ROOT, "Tests", "ChecksheetKitTests", "Fixtures", "import", "glossary.tsv")


def printed(page):
    """The text of `page` (a file in a built site) as headless Chromium prints it to PDF."""
    folder = tempfile.mkdtemp(prefix="checksheet-print-")
    pdf = os.path.join(folder, "printed.pdf")
    subprocess.run(["/usr/lib/chromium/chromium", "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    f"--user-data-dir={folder}/profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    f"file://{page}"], check=True, capture_output=True, timeout=120)
    return subprocess.run(["pdftotext", "-raw", pdf, "-"], check=True, capture_output=True, text=True).stdout


def test_the_printed_sheet_holds_every_item_and_answer(site):
    text = printed(f"{site}/ja/index.html")
    flat = re.sub(r"\s+", "", text)
    names = [line.split("\t")[5] for line in open(SEED, encoding="utf-8").read().splitlines()[1:]]
    assert len(names) == 49
    missing = [name for name in names if re.sub(r"\s+", "", name) not in flat]
    # Without a Japanese font Chromium prints kanji and kana in a font without them, and their text is lost.
    assert missing == [], f"{len(missing)} item names not in the PDF; Japanese fonts (fc-list :lang=ja): {japanese_fonts() or 'none, run scripts/setup test'}"
    for answer in ["24時間365日（計画停止／定期保守を除く）", "有。TLS1.2", "有。ISMS（JISQ27001:2023）", "72時間"]:
        assert answer in flat
    # No navigation or search box in print.
    assert "チェックシートを検索" not in text and "English" not in text.split("\n")[0]
    # Rows hold the item, not its URL (it doubled every row's height and showed slugs); the paper keeps the sentence
    # that says which version is authoritative.
    assert "https://checksheet.example.com/ja/items/rto/" not in flat
    assert "日本語版が正本です。英語版はその翻訳です。" in flat
    # Every page's margins: the site and version at the top, the sheet's permanent URL and "page / pages" at the bottom.
    pages = text.split("\f")[:-1]
    assert len(pages) >= 4
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines()]
        assert "クラウドサービスレベルのチェックリスト（経済産業省）に基づくセキュリティチェックシート—2025年3月7日版" in [l.replace(" ", "") for l in lines], number
        assert "https://checksheet.example.com/ja/" in lines, number
        assert f"{number}/{len(pages)}" in [l.replace(" ", "") for l in lines], number


def japanese_fonts():
    """A few font families fontconfig offers for Japanese (fc-list comes with Debian's fontconfig)."""
    try:
        listed = subprocess.run(["fc-list", ":lang=ja", "family"], capture_output=True, text=True).stdout
    except OSError:
        return []
    return sorted({line.split(",")[0] for line in listed.splitlines() if line})[:3]


def test_a_printed_changes_page_lists_the_items_whose_number_alone_changed(history_site):
    """The renumbered list is folded behind its count on screen; Chromium printed only the count."""
    text = printed(f"{history_site}/en/changes/2025-06-01/index.html")
    assert "Items whose number alone changed" in text
    assert "Communication encryption level" in text.split("Items whose number alone changed")[1]
