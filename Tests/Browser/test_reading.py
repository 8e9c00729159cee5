"""The sheet as a reader meets it (issue 12): answers first, answers-only view, visible search states, text that wraps
and dark mode, at a phone's, a tablet's and a desktop's width, in a real Chromium."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

WIDTHS = [390, 820, 1280]


@pytest.fixture
def width(browser, request):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": request.param, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    yield request.param
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def overflow(browser):
    """Elements wider than the window, as "tag.class" names; the page must not scroll sideways."""
    return browser.execute_script("""
        const limit = document.documentElement.clientWidth;
        return Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > limit + 1)
            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')).slice(0, 5);""")


@pytest.mark.parametrize("width", WIDTHS, indirect=True)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_nothing_overflows_and_the_answer_is_the_widest_column(browser, server, width, lang):
    browser.get(f"{server}/{lang}/index.html")
    assert overflow(browser) == []
    if width >= 768:
        widths = browser.execute_script("return ['col-no', 'col-item', 'col-definition', 'col-unit', 'col-answer'].map(c => document.querySelector('.sheet thead .' + c).getBoundingClientRect().width)")
        assert widths[4] == max(widths), widths


@pytest.mark.parametrize("width", WIDTHS, indirect=True)
def test_a_long_url_in_an_answer_wraps_and_links(browser, server, width):
    browser.get(f"{server}/en/index.html")
    # A reader's long URL in the answer of a row, as an autolinked answer renders it.
    browser.execute_script("""
        const cell = document.querySelector('#rto .col-answer');
        const url = 'https://security.example.com/documents/whitepapers/cloud-service-level-checklist/answers/2025/recovery-time-objective-and-disaster-recovery-procedures.pdf';
        cell.insertAdjacentHTML('afterbegin', '<p><a href="' + url + '">' + url + '</a></p>');""")
    assert overflow(browser) == []


@pytest.mark.parametrize("width", WIDTHS, indirect=True)
def test_answers_only_shows_number_item_and_answer_without_javascript(browser, server, width):
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(f"{server}/ja/index.html")
        before = browser.execute_script("return document.documentElement.scrollHeight")
        browser.find_element(By.CSS_SELECTOR, "label[for=answers-only]").click()
        shown = browser.execute_script("""
            const row = document.getElementById('rto');
            return Array.from(row.children).filter(c => getComputedStyle(c).display !== 'none').map(c => c.className);""")
        assert shown == ["col-no", "col-item", "col-answer"]
        after = browser.execute_script("return document.documentElement.scrollHeight")
        assert after < before * (0.7 if width < 768 else 0.9), (before, after)
        assert overflow(browser) == []
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def type_query(browser, text):
    box = browser.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys(text)
    WebDriverWait(browser, 10).until(lambda b: b.execute_script(
        "return document.getElementById('search-status').textContent !== '' && document.getElementById('search-input').value === arguments[0]", text))


def test_search_results_show_the_labelled_answer_with_the_match(browser, server):
    browser.get(f"{server}/en/items/rto/index.html")
    type_query(browser, "TLS")
    first = browser.execute_script("""
        const a = document.querySelector('#search-results [role=option]');
        const answer = a.querySelector('.result-answer');
        return [a.querySelector('.result-title').textContent, answer.querySelector('.result-label').textContent,
                Array.from(answer.querySelectorAll('mark')).map(m => m.textContent)];""")
    assert first[0] == "Communication encryption level"
    assert first[1] == "Provider's response:"
    assert first[2] == ["TLS"]


@pytest.mark.parametrize("width", WIDTHS, indirect=True)
def test_search_states_are_visible_text(browser, server, width):
    browser.get(f"{server}/ja/search/index.html")
    type_query(browser, "zzqqxx")
    status = browser.find_element(By.ID, "search-status")
    assert status.text == "該当する項目はありません。" and status.is_displayed() and status.size["height"] > 0
    type_query(browser, "暗号")
    # As many as the page lists (the CLI ranks the same index the same way: Tests/Search).
    WebDriverWait(browser, 5).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-page-results li"))
    shown = len(browser.find_elements(By.CSS_SELECTOR, "#search-page-results > li"))
    assert shown >= 3 and status.text == f"{shown}件の項目が見つかりました。"


def test_the_search_dropdown_spans_a_phones_screen(browser, server):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    try:
        browser.get(f"{server}/ja/index.html")
        type_query(browser, "暗号")
        box = browser.execute_script("const r = document.getElementById('search-results').getBoundingClientRect(); return [r.left, r.right, document.documentElement.clientWidth]")
        assert box[0] <= 12 and box[1] >= box[2] - 12, box
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_dark_mode_follows_the_system(browser, server):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        browser.get(f"{server}/ja/index.html")
        colours = browser.execute_script("return [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).color, getComputedStyle(document.querySelector('#rto td.col-answer')).backgroundColor]")
        assert colours == ["rgb(13, 17, 23)", "rgb(230, 237, 243)", "rgb(17, 28, 42)"]
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    browser.get(f"{server}/ja/index.html")
    assert browser.execute_script("return getComputedStyle(document.documentElement).backgroundColor") == "rgb(255, 255, 255)"


def test_an_index_that_cannot_load_says_so_in_visible_text(browser, site, tmp_path):
    import shutil
    copy = tmp_path / "public"
    shutil.copytree(site, copy)
    (copy / "ja" / "search-index.json").unlink()
    (copy / "ja" / "search-index.js").unlink()
    browser.get(f"file://{copy}/ja/search/index.html?q=暗号")
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "search-status").text != "")
    status = browser.find_element(By.ID, "search-status")
    assert status.text == "検索インデックスを読み込めませんでした。" and status.is_displayed()


def test_english_changes_since_show_what_the_english_pages_displayed(browser, history_server):
    """The English "changes since" page lists a Japanese change awaiting translation as the reader sees it: the
    Japanese change, with the notice (it was left out, or shown as an out-of-date English diff); a translation of a
    Japanese change the page showed is labelled as one."""
    browser.get(f"{history_server}/en/changes/since/2025-06-01/index.html")
    assert browser.find_element(By.CSS_SELECTOR, ".revision-summary").text == "0 added, 3 changed, 0 removed"
    hours = browser.find_element(By.ID, "change-1").text
    assert hours == ("1. Service hours\nDefinition\nTranslation pending: the Japanese changed in the version dated September 1, 2025. "
                     "The current Japanese text is shown.\nサービスを提供する時間帯（計画停止時間を含む）")
    rto = browser.find_element(By.ID, "change-5").text
    assert rto == ("5. Recovery time objective (RTO)\nProvider's response\nTranslation of the Japanese change in the version dated June 1, 2025: "
                   "the English replaces the Japanese shown until then.\n4時間以内 → Within 4 hours")
