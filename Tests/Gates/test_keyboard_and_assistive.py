"""Gate: the site works from the keyboard and with assistive technology: a skip link, a visible focus on every
control, search results announced, the sheet as a table with real header cells and scopes, no sideways scrolling
at phone width, and text in the other language marked with its own lang."""
import os
import re

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import pages
from browsing import open_page

JAPANESE = re.compile(r"[\u3005-\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
# Words that make a run of English a sentence rather than a name or a term (ISO/IEC 27001, Amazon Web Services).
FUNCTION_WORDS = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "is", "are", "be", "been", "was",
                  "were", "this", "that", "these", "it", "its", "as", "at", "from", "not", "no", "we", "our", "you", "your"}
# Attributes that assistive technology reads out in the page's language.
SPOKEN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "aria-description")


def tab(browser):
    """Presses Tab as a person would (to whatever has the focus) and returns the newly focused element."""
    ActionChains(browser).send_keys(Keys.TAB).perform()
    return browser.switch_to.active_element


# --- Keyboard --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["/ja/index.html", "/en/items/rto/index.html", "/ja/changes/index.html", "/en/questionnaire/index.html"])
def test_the_first_tab_shows_a_skip_link_that_moves_focus_to_the_main_content(browser, server, page):
    open_page(browser, server + page)
    link = tab(browser)
    assert link.get_attribute("class") == "skip-link"
    box = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.top, r.left, r.bottom, r.right, innerWidth, innerHeight]", link)
    assert box[0] >= 0 and box[1] >= 0 and box[2] <= box[5] and box[3] <= box[4], f"skip link off screen when focused: {box}"
    assert link.is_displayed()
    link.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda b: b.execute_script("return document.activeElement.id") == "main")
    # The next Tab continues inside the main content, not back in the header.
    inside = tab(browser)
    assert browser.execute_script("return document.getElementById('main').contains(arguments[0])", inside)


FOCUS_STYLE = """
const e = document.activeElement, s = getComputedStyle(e);
const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
const ring = s.boxShadow !== 'none';
return [e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') + ' ' + (e.textContent || '').trim().slice(0, 30), outline || ring];
"""


def focus_stops(browser, url, prepare=None):
    """(controls reached with Tab, those without a visible focus indicator): the first 40 stops, or all on a short page."""
    open_page(browser, url)
    if prepare:
        browser.execute_script(prepare)
    reached, invisible = [], []
    for _ in range(40):
        element = tab(browser)
        if element.tag_name == "body" or browser.execute_script("return arguments[0] === document.querySelector('.skip-link')", element) and reached:
            break
        name, visible = browser.execute_script(FOCUS_STYLE)
        reached.append(name)
        if not visible:
            invisible.append(name)
    return reached, invisible


@pytest.mark.parametrize("page", ["/ja/index.html", "/en/items/encryption-in-transit/index.html", "/en/changes/index.html", "/ja/search/index.html?q=暗号",
                                  "/ja/questionnaire/index.html"])
def test_every_control_reached_with_tab_shows_where_the_focus_is(browser, server, page):
    reached, invisible = focus_stops(browser, server + page)
    assert len(reached) >= 5 and invisible == []


def test_the_focus_check_sees_a_control_without_an_outline(browser, server):
    # Set through the CSSOM, which the pages' CSP allows, and above the stylesheet's :focus-visible rule.
    reached, invisible = focus_stops(browser, server + "/en/index.html", "document.querySelector('.site-title').style.outline = 'none'")
    assert len(invisible) == 1 and invisible[0].startswith("A.site-title")


def test_search_results_are_announced_through_a_live_region(browser, server):
    open_page(browser, server + "/en/items/rto/index.html")
    status = browser.find_element(By.ID, "search-status")
    # A live region must exist, empty, before it speaks: assistive technology only reads changes to regions it knows.
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert status.text == "" and browser.execute_script("const s = getComputedStyle(arguments[0]); return s.display !== 'none' && s.visibility !== 'hidden'", status)
    form = browser.find_element(By.CSS_SELECTOR, "form[data-search]")
    assert form.get_attribute("data-status") == "search-status"
    box = browser.find_element(By.ID, "search-input")
    box.send_keys("backup")
    WebDriverWait(browser, 10).until(lambda b: status.get_attribute("textContent") != "")
    count = len(browser.find_elements(By.CSS_SELECTOR, "#search-results [role=option]"))
    assert status.get_attribute("textContent") == (f"{count} items found." if count != 1 else "1 item found.")
    box.send_keys("zzzz")
    WebDriverWait(browser, 10).until(lambda b: status.get_attribute("textContent") == "No items match.")
    # The box names the list it controls and the option the arrow keys select.
    box.clear()
    box.send_keys("backup")
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results [role=option]"))
    box.send_keys(Keys.ARROW_DOWN)
    active = box.get_attribute("aria-activedescendant")
    assert browser.find_element(By.ID, active).get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-controls") == "search-results"


def test_the_search_page_announces_the_results_of_a_linked_search(browser, server):
    open_page(browser, server + "/ja/search/index.html?q=暗号")
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "search-status").get_attribute("textContent") != "")
    count = len(browser.find_elements(By.CSS_SELECTOR, "#search-page-results [role=option]"))
    assert count > 0
    assert browser.find_element(By.ID, "search-status").get_attribute("textContent") == f"{count}件の項目が見つかりました。"


# --- The sheet as a table --------------------------------------------------------------------------------------

def table_rows(page):
    """The sheet table's rows: (kind, [(tag, attributes)]) where kind is 'head' or 'body'."""
    rows, part, inside, current = [], None, False, None
    for element in page.elements:
        if element.tag == "table" and "sheet" in (element.get("class") or "").split():
            inside = True
        if not inside:
            continue
        if element.tag in ("thead", "tbody"):
            part = element.tag
        elif element.tag == "tr":
            current = (part, element.get("class") or "", [])
            rows.append(current)
        elif element.tag in ("th", "td") and current is not None:
            current[2].append((element.tag, dict(element.attributes)))
        elif element.tag == "table":
            pass
    return rows


def table_problems(page):
    """How the sheet table of a parsed page falls short of real header cells with the right scopes."""
    problems = []
    if not any(element.tag == "caption" for element in page.elements):
        problems.append("no caption")
    rows = table_rows(page)
    head = [row for row in rows if row[0] == "thead"]
    if len(head) != 1 or [(tag, cell.get("scope")) for tag, cell in head[0][2]] != [("th", "col")] * 5:
        problems.append("the head row is not five th scope=col")
    has_colgroup = any(element.tag == "colgroup" for element in page.elements)
    for part, kind, cells in rows:
        if part != "tbody":
            continue
        shape = [(tag, cell.get("scope")) for tag, cell in cells]
        if "item-row" in kind:
            if shape != [("td", None), ("th", "row"), ("td", None), ("td", None), ("td", None)]:
                problems.append(f"item row {shape}: the item's name must be its th scope=row")
            continue
        # Section and category rows: one header cell across the row.
        if [tag for tag, _ in cells] != ["th"] or cells[0][1].get("colspan") != "5":
            problems.append(f"{kind} {shape}: one th across the row")
        scope = cells[0][1].get("scope")
        # HTML: a colgroup scope needs a column group, a rowgroup scope a row group (each section is a tbody).
        if scope == "colgroup" and not has_colgroup:
            problems.append(f"{kind}: scope=colgroup without a <colgroup>")
        if "section-row" in kind and scope != "rowgroup":
            problems.append(f"{kind}: the section's th heads its tbody: scope=rowgroup")
    return problems


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sheet_is_a_table_with_real_header_cells_and_scopes(site, lang):
    for relative in [os.path.join(lang, "index.html"), os.path.join(lang, "revisions", "2025-03-07", "index.html")]:
        page = pages.read(site, relative)
        assert table_problems(page) == [], relative
        assert sum("item-row" in kind for _, kind, _ in table_rows(page)) == 49


def test_the_table_check_finds_missing_and_wrong_scopes(site):
    with open(os.path.join(site, "en", "index.html"), encoding="utf-8") as file:
        text = file.read()
    text = text.replace('<th scope="rowgroup"', '<th scope="colgroup"', 1).replace('<th scope="row"', '<td', 1)
    problems = table_problems(pages.Page("en/index.html", text))
    assert len(problems) == 3, problems


# --- Phone width -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["/ja/index.html", "/en/index.html", "/ja/items/encryption-in-transit/index.html",
                                  "/en/items/encryption-in-transit/index.html", "/ja/changes/index.html", "/en/changes/index.html",
                                  "/en/search/index.html?q=backup", "/ja/questionnaire/index.html", "/404.html", "/en/404.html"])
def test_nothing_scrolls_sideways_at_390_pixels(browser, server, page):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True})
    try:
        open_page(browser, server + page)
        width, wide = browser.execute_script(
            "return [document.documentElement.scrollWidth,"
            " Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 390.5 && getComputedStyle(e).position !== 'fixed')"
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40))]")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert width <= 390, wide


def test_the_overflow_check_sees_a_wide_element(browser, server):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        open_page(browser, server + "/en/index.html")
        browser.execute_script("const p = document.createElement('p'); p.textContent = 'x'.repeat(200); p.style.whiteSpace = 'nowrap'; document.querySelector('main').appendChild(p)")
        width = browser.execute_script("return document.documentElement.scrollWidth")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert width > 390


# --- Language of parts -----------------------------------------------------------------------------------------

def unmarked_language(page, page_lang):
    """Text and spoken attributes of a parsed page in the other language without a lang saying so."""
    found = []
    if page_lang == "en":
        # Text in <body>: the <title> cannot mark a part of itself (see the README's Quality gates).
        for text, lang, tags in page.texts:
            if JAPANESE.search(text) and not lang.startswith("ja") and "body" in tags and "script" not in tags and "style" not in tags:
                found.append(f"{page.path}: Japanese in lang={lang!r}: {text.strip()[:60]!r}")
        for element in page.elements:
            for name in SPOKEN_ATTRIBUTES:
                value = element.get(name)
                if value and JAPANESE.search(value) and not element.lang.startswith("ja"):
                    found.append(f"{page.path}:{element.line}: <{element.tag} {name}> Japanese in lang={element.lang!r}: {value[:60]!r}")
    else:
        for text, lang, tags in page.texts:
            if lang.startswith("ja") and english_sentence(text):
                found.append(f"{page.path}: an English sentence in lang={lang!r}: {text.strip()[:60]!r}")
    return found


def english_sentence(text):
    """True for a run of at least six English words, two of them function words, in text without Japanese."""
    if JAPANESE.search(text):
        return False
    words = re.findall(r"[A-Za-z]+(?:['’][a-z]+)?", text)
    return len(words) >= 6 and sum(word.lower() in FUNCTION_WORDS for word in words) >= 2


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_text_in_the_other_language_carries_its_lang(site, hostile_site, lang):
    found = []
    # The hostile fixture has an English page whose translation is pending, so it shows the Japanese; its Japanese
    # pages hold code-like English on purpose, so only the real site is read for English inside Japanese.
    for root in [site, hostile_site] if lang == "en" else [site]:
        for relative in pages.html_files(root):
            page = pages.read(root, relative)
            page_lang = next((element.lang for element in page.elements if element.tag == "html"), "")
            if page_lang == lang:
                found += unmarked_language(page, lang)
    assert found == []


def test_the_language_check_finds_unmarked_text():
    english = pages.Page("en/x.html", '<html lang="en"><body><p>回答 <span lang="ja">暗号</span></p><input placeholder="例：復旧"></body></html>')
    assert len(unmarked_language(english, "en")) == 2
    japanese = pages.Page("ja/x.html", '<html lang="ja"><body><p>This is the answer of the provider to the item.</p>'
                                       '<p>ISO/IEC 27001 Amazon Web Services Tokyo Region</p><p lang="en">This is marked as English text here.</p></body></html>')
    assert [finding.split(": ")[1] for finding in unmarked_language(japanese, "ja")] == ["an English sentence in lang='ja'"]


def test_search_results_in_the_other_language_carry_their_lang(browser, server):
    found = []
    for url, lang in [("/en/search/index.html?q=暗号", "en"), ("/ja/search/index.html?q=backup", "ja")]:
        open_page(browser, server + url)
        WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-page-results [role=option]"))
        page = pages.Page(url, browser.execute_script("return document.documentElement.outerHTML"))
        found += unmarked_language(page, lang)
        assert browser.find_elements(By.CSS_SELECTOR, ".result-other")
    assert found == []
