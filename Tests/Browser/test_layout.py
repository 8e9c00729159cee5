"""Layout of every page kind at a phone's, a tablet's and a desktop's width (issue 12), in a real Chromium: nothing
scrolls sideways, a phone's card puts the answer right under the item, the answers-only view, the header, badges,
copy feedback, the search page's visible count, and one date style on a page."""
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

WIDTHS = [390, 820, 1280]
# (which site, path): the real sheet's pages, and the change history's from the history fixture.
PAGE_KINDS = [
    ("real", "/index.html"),
    ("real", "/404.html"),
    ("real", "/{lang}/index.html"),
    ("real", "/{lang}/items/rto/index.html"),
    ("real", "/{lang}/search/index.html?q={query}"),
    ("real", "/{lang}/questionnaire/index.html"),
    ("history", "/{lang}/index.html"),
    ("history", "/{lang}/items/rto/index.html"),
    ("history", "/{lang}/changes/index.html"),
    ("history", "/{lang}/changes/2025-06-01/index.html"),
    ("history", "/{lang}/changes/since/2025-03-07/index.html"),
    ("history", "/{lang}/revisions/2025-03-07/index.html"),
    ("history", "/{lang}/revisions/2025-06-01/items/rto/index.html"),
    ("history", "/{lang}/items/planned-outage-notice/index.html"),
]
QUERIES = {"ja": "暗号", "en": "backup"}
# Every page kind in each language it has: (which site, path, language).
PAGES = [(kind, path, lang) for kind, path in PAGE_KINDS for lang in (["ja", "en"] if "{lang}" in path else ["ja"])]


@pytest.fixture
def width(browser, request):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": request.param, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    yield request.param
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def url(server, history_server, kind, path, lang):
    return (server if kind == "real" else history_server) + path.format(lang=lang, query=QUERIES[lang])


def sideways(browser):
    """How far the page scrolls sideways, and the elements reaching past the window's right edge."""
    return browser.execute_script("""
        const root = document.documentElement, limit = root.clientWidth;
        const wide = Array.from(document.body.querySelectorAll('*')).filter(e => e.getBoundingClientRect().right > limit + 1)
            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')).slice(0, 5);
        return [root.scrollWidth - limit, wide];""")


@pytest.mark.parametrize("width", WIDTHS, indirect=True)
@pytest.mark.parametrize("kind,path,lang", PAGES)
def test_no_page_kind_scrolls_sideways(browser, server, history_server, width, kind, path, lang):
    browser.get(url(server, history_server, kind, path, lang))
    if "?q=" in path:
        WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-page-results [role=option]"))
    assert sideways(browser) == [0, []]


def cells(browser, slug):
    """The visible cells of a sheet row, as [class, top, left, width], in the order they appear on screen."""
    return browser.execute_script("""
        return Array.from(document.getElementById(arguments[0]).children).filter(c => getComputedStyle(c).display !== 'none')
            .map(c => { const r = c.getBoundingClientRect(); return [c.className, Math.round(r.top), Math.round(r.left), Math.round(r.width)]; })
            .sort((a, b) => a[1] - b[1] || a[2] - b[2]);""", slug)


@pytest.mark.parametrize("width", WIDTHS, indirect=True)
def test_a_phones_card_puts_the_answer_right_under_the_item(browser, server, width):
    browser.get(f"{server}/ja/index.html")
    shown = cells(browser, "rto")
    if width < 768:
        # Number and name on one line, then the answer, then METI's definition and unit.
        assert [c[0] for c in shown] == ["col-no", "col-item", "col-answer", "col-definition", "col-unit"]
        assert shown[0][1] == shown[1][1]
        assert shown[1][1] < shown[2][1] < shown[3][1] < shown[4][1]
    else:
        # A table row: the five columns side by side, the answer last and wider than any other.
        assert [c[0] for c in shown] == ["col-no", "col-item", "col-definition", "col-unit", "col-answer"]
        assert len({c[1] for c in shown}) == 1
        assert shown[4][3] > max(c[3] for c in shown[:4]), shown
        # English column headers break between words only ("Unit of measure" was "measu / re" at 820 px).
        browser.get(f"{server}/en/index.html")
        broken = browser.execute_script("""
            return Array.from(document.querySelectorAll('.sheet thead th')).flatMap(th => {
                const text = th.firstChild, words = [], range = document.createRange();
                for (const m of text.textContent.matchAll(/\\S+/g)) {
                    range.setStart(text, m.index); range.setEnd(text, m.index + m[0].length);
                    if (range.getClientRects().length > 1) words.push(m[0]);
                }
                return words;
            });""")
        assert broken == []


@pytest.mark.parametrize("width", WIDTHS, indirect=True)
def test_answers_only_gives_the_item_name_room(browser, server, width):
    browser.get(f"{server}/ja/index.html")
    browser.find_element(By.CSS_SELECTOR, "label[for=answers-only]").click()
    shown = cells(browser, "sudden-discontinuation")
    assert [c[0] for c in shown] == ["col-no", "col-item", "col-answer"]
    if width < 768:
        # The name takes the card's width beside its number (it was squeezed into 30 % of it), the answer the whole card.
        row = browser.execute_script("const r = document.getElementById('sudden-discontinuation'); return r.clientWidth - parseFloat(getComputedStyle(r).paddingLeft) - parseFloat(getComputedStyle(r).paddingRight)")
        assert shown[1][3] >= row - shown[0][3] - 10, (shown, row)
        assert browser.find_element(By.CSS_SELECTOR, "#sudden-discontinuation .col-item a").size["height"] < 60
    else:
        table = browser.find_element(By.CSS_SELECTOR, "table.sheet").size["width"]
        assert abs(shown[1][3] / table - 0.30) < 0.01, (shown, table)
        assert shown[2][3] > shown[1][3] > shown[0][3]
    assert sideways(browser) == [0, []]


@pytest.mark.parametrize("width", WIDTHS, indirect=True)
def test_the_header_names_the_sheet_and_keeps_search_and_language_in_reach(browser, server, width):
    browser.get(f"{server}/en/items/rto/index.html")
    box = lambda selector: browser.execute_script("const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]", selector)
    title, search, language = box(".site-title"), box("form.search"), box(".language-switch a")
    assert browser.find_element(By.CSS_SELECTOR, ".site-title").text == "Security check sheet"
    if width < 768:
        # Name and language on the first line; the search box across the screen below them.
        assert language[1] < search[1] and title[1] < search[1]
        inner = browser.execute_script("const e = document.querySelector('.site-header-inner'), s = getComputedStyle(e); return e.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)")
        assert search[2] - search[0] == pytest.approx(inner, abs=1)
    else:
        # One line: name, search, language.
        assert title[0] < search[0] < language[0]
        assert abs((title[1] + title[3]) / 2 - (search[1] + search[3]) / 2) < 8


@pytest.mark.parametrize("width", WIDTHS, indirect=True)
def test_badges_mark_what_the_latest_version_added_or_changed(browser, history_server, width):
    expected = {"ja": {"service-hours": "更新", "encryption-in-transit": "更新"},
                # The English of service-hours awaits the translation of a Japanese change: its page shows that change, so
                # it counts. The English of rto translates the Japanese change its page showed since June: "Translated".
                "en": {"service-hours": "Updated", "encryption-in-transit": "Updated", "rto": "Translated"}}
    formerly = {"ja": {"encryption-in-transit": "旧No. 5", "rto": "旧No. 4"}, "en": {"encryption-in-transit": "formerly No. 5", "rto": "formerly No. 4"}}
    for lang in ["ja", "en"]:
        browser.get(f"{history_server}/{lang}/index.html")
        badges = browser.execute_script("""
            return Array.from(document.querySelectorAll('.item-row')).flatMap(row => Array.from(row.querySelectorAll('.badge-new'))
                .filter(b => b.getBoundingClientRect().width > 0 && b.getBoundingClientRect().right <= document.documentElement.clientWidth)
                .map(b => [row.id, b.textContent]));""")
        assert dict(badges) == expected[lang] and len(badges) == len(expected[lang])
        assert dict(browser.execute_script("return Array.from(document.querySelectorAll('.item-row .formerly')).map(f => [f.closest('tr').id, f.textContent])")) == formerly[lang]
        assert browser.find_element(By.ID, "latest-heading").text == {"ja": "この版の変更点", "en": "What changed in this version"}[lang]
    browser.get(f"{history_server}/en/items/rto/index.html")
    status = browser.find_element(By.CSS_SELECTOR, ".item-status")
    assert status.text == "Translated formerly No. 4" and status.is_displayed()
    # The content changed with the Japanese, in June, as the Japanese page says; September only translated it.
    assert browser.find_element(By.CSS_SELECTOR, ".answer-changed").text == "Response last changed: June 1, 2025"
    # The archived sheet says nothing is new: it is not the latest version.
    browser.get(f"{history_server}/en/revisions/2025-06-01/index.html")
    assert browser.find_elements(By.CSS_SELECTOR, ".badge-new, .latest") == []


@pytest.mark.parametrize("width", WIDTHS, indirect=True)
def test_a_rows_copy_button_says_it_copied_at_every_width(browser, server, width):
    browser.execute_cdp_cmd("Browser.grantPermissions", {"origin": server, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    browser.get(f"{server}/ja/index.html")
    button = browser.find_element(By.CSS_SELECTOR, "#rpo .row-actions button")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    assert button.text == "回答をコピー"
    button.click()
    WebDriverWait(browser, 5).until(lambda b: button.text == "✓ コピーしました。")
    assert button.is_displayed() and sideways(browser) == [0, []]


@pytest.mark.parametrize("width", WIDTHS, indirect=True)
def test_the_search_pages_count_stands_between_the_heading_and_the_results(browser, server, width):
    browser.get(f"{server}/en/search/index.html?q=backup")
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "search-status").text != "")
    status = browser.find_element(By.ID, "search-status")
    count = len(browser.find_elements(By.CSS_SELECTOR, "#search-page-results [role=option]"))
    assert status.text == f"{count} items found." and count == 5
    top = lambda selector: browser.execute_script("return document.querySelector(arguments[0]).getBoundingClientRect().top", selector)
    assert top("main h1") < top("#search-status") < top("#search-page-results [role=option]")
    # Only one status on the page, the one the form names.
    assert len(browser.find_elements(By.CSS_SELECTOR, ".search-status")) == 1


@pytest.mark.parametrize("width", WIDTHS, indirect=True)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_long_url_wraps_on_the_item_page_and_in_the_answers_only_view(browser, server, width, lang):
    long_url = "https://security.example.com/documents/whitepapers/cloud-service-level-checklist/answers/2025/recovery-time-objective-and-disaster-recovery-procedures.pdf"
    browser.get(f"{server}/{lang}/items/rto/index.html")
    browser.execute_script("document.querySelector('.answer').insertAdjacentHTML('afterbegin', '<p><a href=\"' + arguments[0] + '\">' + arguments[0] + '</a></p>')", long_url)
    assert sideways(browser) == [0, []]
    browser.get(f"{server}/{lang}/index.html")
    browser.find_element(By.CSS_SELECTOR, "label[for=answers-only]").click()
    browser.execute_script("document.querySelector('#rto .col-answer').insertAdjacentHTML('afterbegin', '<p><a href=\"' + arguments[0] + '\">' + arguments[0] + '</a></p>')", long_url)
    assert sideways(browser) == [0, []]


ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
WRITTEN_DATE = {"ja": re.compile(r"\d{4}年\d{1,2}月\d{1,2}日"),
                "en": re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}")}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("kind,path", [k for k in PAGE_KINDS if "{lang}" in k[1]])
def test_one_date_style_on_a_page(browser, server, history_server, lang, kind, path):
    browser.get(url(server, history_server, kind, path, lang))
    # What a reader sees, without the URLs written out (permanent links of archived pages carry their date).
    text = " ".join(word for word in browser.execute_script("return document.body.innerText").split() if "://" not in word)
    assert ISO_DATE.findall(text) == []
    other = WRITTEN_DATE["en" if lang == "ja" else "ja"]
    # A Japanese page writes no English dates and the other way round (items quoted in the other language aside).
    quoted = browser.execute_script("return Array.from(document.querySelectorAll('main [lang]')).map(e => e.innerText).join(' ')")
    assert [d for d in other.findall(text) if d not in quoted] == []


@pytest.mark.parametrize("lang,version,items", [("ja", "2025年9月1日版", "5項目"), ("en", "Version dated September 1, 2025", "5 items")])
def test_the_current_sheet_says_its_version_once_above_the_table(browser, history_server, lang, version, items):
    browser.get(f"{history_server}/{lang}/index.html")
    above = browser.execute_script("""
        const table = document.querySelector('table.sheet');
        return Array.from(document.querySelectorAll('main > *')).filter(e => e.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING)
            .map(e => e.innerText).join('\\n');""")
    assert browser.find_element(By.CSS_SELECTOR, ".revision-line").text == f"{version} · {items} · {'変更履歴' if lang == 'ja' else 'Change history'}"
    assert len(WRITTEN_DATE[lang].findall(above)) == 1


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_diff_keeps_the_lines_of_the_text_it_compares(browser, history_server, lang):
    """Diffs compare the plain text of an answer, one line per paragraph or list item; the lines ran together
    ("…(major failures) • Production: 4 hours • Staging…")."""
    browser.get(f"{history_server}/{lang}/changes/2025-06-01/index.html")
    styles = browser.execute_script("return Array.from(document.querySelectorAll('.diff-text')).map(function (e) { return getComputedStyle(e).whiteSpace; })")
    assert styles and set(styles) == {"pre-wrap"}
