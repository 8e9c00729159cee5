"""Search in a real headless Chromium: typing into the box of the built site, over http and from file://."""
import json
import os
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browsing import ROOT, binary, open_page

QUERIES = [line.split("\t") for line in open(os.path.join(ROOT, "Tests", "Search", "queries.tsv"), encoding="utf-8").read().splitlines()
           if line and not line.startswith("#")]


def cli_ranking(site, lang, query, limit):
    out = subprocess.run([binary(), "search", query, "--lang", lang, "--json", "--limit", str(limit), "--output", site],
                         check=True, capture_output=True, text=True).stdout
    return [r["slug"] for r in json.loads(out)]


def type_query(browser, query):
    box = browser.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys(query)
    # Results are shown for the text typed so far; wait until the list and the status speak of this query.
    WebDriverWait(browser, 10).until(lambda b: b.execute_script(
        "const s = document.getElementById('search-status').textContent; return s !== '' && document.getElementById('search-input').value === arguments[0];", query))
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('#search-results a[role=option]')).map(a => a.getAttribute('href').split('/').slice(-2)[0]);")


@pytest.mark.parametrize("mode", ["http", "file"])
def test_every_query_finds_an_expected_item_in_the_top_three_and_ranks_as_the_cli(browser, server, site, mode):
    failures = []
    for lang in ["ja", "en"]:
        base = f"{server}/{lang}/index.html" if mode == "http" else f"file://{site}/{lang}/index.html"
        open_page(browser, base)
        for query_lang, query, expected, purpose in QUERIES:
            if query_lang != lang:
                continue
            shown = type_query(browser, query)
            # `=a,b`: one of them first; `-`: nothing found; else one of them in the top three (queries.tsv).
            if expected == "-":
                found = shown == []
            elif expected.startswith("="):
                found = shown[:1] != [] and shown[0] in expected[1:].split(",")
            else:
                found = any(slug in shown[:3] for slug in expected.split(","))
            if not found:
                failures.append(f"{lang} {query!r} ({purpose}): expected {expected}, shown {shown[:3]}")
            cli = cli_ranking(site, lang, query, 8)
            if shown != cli:
                failures.append(f"{lang} {query!r}: browser {shown} != cli {cli}")
        assert browser.execute_script("return window.__problems") == []
    assert failures == []


def test_pages_from_disk_may_not_read_other_files_so_the_file_tests_run_as_a_reader_opens_the_site(browser, site):
    # A reader's Chromium blocks fetch() and XHR from file:// to other files; if this browser allowed them, the search
    # tests over file:// would pass on an index loaded in a way no reader's browser allows.
    open_page(browser, f"file://{site}/ja/index.html")
    outcome = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('search-index.json').then(r => r.text()).then(t => done('read ' + t.length), e => done('blocked ' + e.name));")
    assert outcome == "blocked TypeError"


def test_results_highlight_and_open_with_the_keyboard(browser, server):
    open_page(browser, f"{server}/ja/items/rto/index.html")
    shown = type_query(browser, "暗号")
    # Both encryption items first (their keywords and synonyms say 暗号 too, so their order is the index's to decide).
    assert sorted(shown[:2]) == ["data-encryption", "encryption-in-transit"]
    marks = browser.execute_script("return Array.from(document.querySelectorAll('#search-results mark')).map(m => m.textContent)")
    assert "暗号" in marks
    status = browser.execute_script("return document.getElementById('search-status').textContent")
    assert status == f"{len(shown)}件の項目が見つかりました。"
    box = browser.find_element(By.ID, "search-input")
    assert box.get_attribute("aria-expanded") == "true"
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == "search-results-1"
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith(f"/ja/items/{shown[1]}/index.html"))
    assert browser.find_element(By.TAG_NAME, "h1").text == {"data-encryption": "33. データ保護のための暗号化要件", "encryption-in-transit": "42. 通信の暗号化レベル"}[shown[1]]


def test_a_search_can_be_linked(browser, server, site):
    for url in [f"{server}/en/search/index.html?q=backup", f"file://{site}/en/search/index.html?q=backup"]:
        open_page(browser, url)
        WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.querySelectorAll('#search-page-results [role=option]').length > 0"))
        titles = browser.execute_script("return Array.from(document.querySelectorAll('#search-page-results .result-title')).map(e => e.textContent)")
        assert titles[0] == "Backup method"
        assert browser.find_element(By.ID, "search-input").get_attribute("value") == "backup"
        # The tab says what was searched, so a kept tab or a bookmark of the results does too.
        assert browser.title == "Search results for “backup” | Security check sheet based on the METI Cloud Service Level Checklist"
        box = browser.find_element(By.ID, "search-input")
        box.send_keys(" gen")
        WebDriverWait(browser, 10).until(lambda b: "q=backup+gen" in b.current_url)
        assert browser.title == "Search results for “backup gen” | Security check sheet based on the METI Cloud Service Level Checklist"
        assert browser.execute_script("return window.__problems") == []


def test_english_query_on_the_japanese_site_shows_japanese_results(browser, server):
    open_page(browser, f"{server}/ja/index.html")
    type_query(browser, "backup")
    first = browser.execute_script("const a = document.querySelector('#search-results a[role=option]'); return [a.querySelector('.result-title').textContent, a.querySelector('.result-other').textContent, a.querySelector('.result-other').lang]")
    assert first == ["バックアップの方法", "Backup method", "en"]


def focused_outside(browser, selector):
    return browser.execute_script("return !document.querySelector(arguments[0]).contains(document.activeElement)", selector)


def test_the_results_pop_up_closes_when_keyboard_focus_leaves_the_search_form(browser, server):
    # At 360 px the pop-up spans the page under the header: left open, it covers the element focus moves to (WCAG 2.4.11).
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": False})
    try:
        open_page(browser, f"{server}/ja/items/rto/index.html")
        shown = type_query(browser, "暗号")
        box = browser.find_element(By.ID, "search-input")
        pop_up = "return [document.getElementById('search-results').hidden, document.getElementById('search-input').getAttribute('aria-expanded')]"
        assert browser.execute_script(pop_up) == [False, "true"]
        # Arrow keys move through the list while focus stays in the box: the pop-up stays open.
        box.send_keys(Keys.ARROW_DOWN)
        box.send_keys(Keys.ARROW_DOWN)
        assert box.get_attribute("aria-activedescendant") == "search-results-1"
        assert browser.execute_script(pop_up) == [False, "true"]
        # Tab to the form's own button: focus is still inside the form, so the pop-up stays.
        box.send_keys(Keys.TAB)
        assert browser.execute_script("return document.activeElement.getAttribute('type')") == "submit"
        assert browser.execute_script(pop_up) == [False, "true"]
        # Tab on, out of the form, and through the links of the page: the pop-up is closed and covers none of them.
        for _ in range(4):
            browser.switch_to.active_element.send_keys(Keys.TAB)
            assert focused_outside(browser, "form.search")
            assert browser.execute_script(pop_up) == [True, "false"]
            assert box.get_attribute("aria-activedescendant") is None
            covered = browser.execute_script(
                "const e = document.activeElement, r = e.getBoundingClientRect();"
                "const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                "return top !== null && !e.contains(top) && document.getElementById('search-results').contains(top);")
            assert covered is False
        # Back in the box (Shift+Tab into the form): the results come back and the arrow keys work again.
        box.click()
        WebDriverWait(browser, 10).until(lambda b: b.execute_script(pop_up) == [False, "true"])
        box.send_keys(Keys.ARROW_DOWN)
        assert box.get_attribute("aria-activedescendant") == "search-results-0"
        # Shift+Tab out of the form, before it: closed too.
        box.send_keys(Keys.SHIFT, Keys.TAB)
        assert browser.execute_script("return document.activeElement.className") == "site-title"
        assert browser.execute_script(pop_up) == [True, "false"]
        assert browser.execute_script("return window.__problems") == []
        # A result clicked with the mouse still opens: focus moving onto it stays inside the form.
        box.click()
        WebDriverWait(browser, 10).until(lambda b: b.execute_script(pop_up) == [False, "true"])
        browser.find_element(By.ID, "search-results-0").click()
        WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith(f"/ja/items/{shown[0]}/index.html"))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("mode", ["http", "file"])
def test_the_language_switch_of_the_search_page_keeps_the_query(browser, server, site, mode):
    base = server if mode == "http" else f"file://{site}"
    open_page(browser, f"{base}/ja/search/index.html?q=%E6%9A%97%E5%8F%B7%E5%8C%96")
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.querySelectorAll('#search-page-results [role=option]').length > 0"))
    link = "return document.querySelector('.language-switch a').getAttribute('href')"
    assert browser.execute_script(link) == "../../en/search/index.html?q=%E6%9A%97%E5%8F%B7%E5%8C%96"
    # Typing changes the query the link carries, encoded as the page's own address encodes it; an empty box drops it.
    box = browser.find_element(By.ID, "search-input")
    box.send_keys(" TLS&1")
    WebDriverWait(browser, 10).until(lambda b: "TLS" in b.current_url)
    assert browser.execute_script(link) == "../../en/search/index.html?q=%E6%9A%97%E5%8F%B7%E5%8C%96+TLS%261"
    box.send_keys(Keys.BACKSPACE * 6)
    WebDriverWait(browser, 10).until(lambda b: b.current_url.endswith("?q=%E6%9A%97%E5%8F%B7%E5%8C%96"))
    assert browser.execute_script(link) == "../../en/search/index.html?q=%E6%9A%97%E5%8F%B7%E5%8C%96"
    assert browser.execute_script("return window.__problems") == []
    # Following it lands on the same search in English.
    browser.find_element(By.CSS_SELECTOR, ".language-switch a").click()
    WebDriverWait(browser, 10).until(lambda b: "/en/search/index.html" in b.current_url and
                                     b.execute_script("return document.querySelectorAll('#search-page-results [role=option]').length > 0"))
    assert browser.find_element(By.ID, "search-input").get_attribute("value") == "暗号化"
    assert browser.execute_script("return document.querySelector('.language-switch a').getAttribute('href')") == \
        "../../ja/search/index.html?q=%E6%9A%97%E5%8F%B7%E5%8C%96"
    box = browser.find_element(By.ID, "search-input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    WebDriverWait(browser, 10).until(lambda b: "q=" not in b.current_url)
    assert browser.execute_script("return document.querySelector('.language-switch a').getAttribute('href')") == "../../ja/search/index.html"
