"""Gate: axe-core (WCAG 2.0/2.1 A and AA rules) finds no violation on every kind of page, in both languages and both
colour schemes, in headless Chromium over loopback http: the real site's pages and the change history's (the history
fixture's)."""
import os
import shutil

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import axe
from browsing import open_page, serve

PAGES = [
    "/{lang}/index.html",
    "/{lang}/items/encryption-in-transit/index.html",
    "/{lang}/changes/index.html",
    "/{lang}/search/index.html?q={query}",
    "/{lang}/questionnaire/index.html",
]
QUERIES = {"ja": "暗号", "en": "backup"}
# The change history's page kinds, from the history fixture (three revisions; added, changed, removed, renumbered
# items; an English translation pending): the sheet with its latest-version box and badges, an item page with its
# history and former number, the changes page, one revision's changes, the changes since a version, an archived sheet,
# an archived item and a removed item.
HISTORY_PAGES = [
    "/{lang}/index.html",
    "/{lang}/items/rto/index.html",
    "/{lang}/changes/index.html",
    "/{lang}/changes/2025-06-01/index.html",
    "/{lang}/changes/since/2025-03-07/index.html",
    "/{lang}/revisions/2025-03-07/index.html",
    "/{lang}/revisions/2025-06-01/items/rto/index.html",
    "/{lang}/items/planned-outage-notice/index.html",
]
SCHEMES = ["light", "dark"]


# On a search page the results are what is checked: wait until the search script has shown them.
RESULTS_SHOWN = "return document.querySelectorAll('#search-page-results [role=option]').length > 0"


def open_checked_page(browser, url):
    open_page(browser, url, until=RESULTS_SHOWN if "?q=" in url else None)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_axe_violation(browser, server, axe_source, lang, page):
    open_checked_page(browser, server + page.format(lang=lang, query=QUERIES[lang]))
    assert axe.describe(axe.run(browser, axe_source)) == []


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_axe_violation_in_the_dark_scheme(browser, server, axe_source, lang, page):
    # The contrast rules again with prefers-color-scheme: dark, so both schemes are held to WCAG AA.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        open_checked_page(browser, server + page.format(lang=lang, query=QUERIES[lang]))
        assert browser.execute_script("return getComputedStyle(document.documentElement).backgroundColor") == "rgb(13, 17, 23)"
        assert axe.describe(axe.run(browser, axe_source)) == []
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def in_scheme(browser, scheme):
    """Emulates prefers-color-scheme for the pages opened next."""
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


PAGE_BACKGROUND = {"light": "rgb(255, 255, 255)", "dark": "rgb(13, 17, 23)"}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page", ["/index.html", "/404.html", "/en/404.html"])
def test_no_axe_violation_on_the_language_chooser_and_the_404_page(browser, server, axe_source, page, scheme):
    in_scheme(browser, scheme)
    try:
        open_page(browser, server + page)
        assert browser.execute_script("return getComputedStyle(document.documentElement).backgroundColor") == PAGE_BACKGROUND[scheme]
        assert axe.describe(axe.run(browser, axe_source)) == []
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("page", HISTORY_PAGES)
def test_no_axe_violation_on_the_history_pages(browser, history_server, axe_source, lang, page, scheme):
    in_scheme(browser, scheme)
    try:
        open_page(browser, history_server + page.format(lang=lang))
        assert browser.execute_script("return getComputedStyle(document.documentElement).backgroundColor") == PAGE_BACKGROUND[scheme]
        assert axe.describe(axe.run(browser, axe_source)) == []
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violation_with_the_renumbered_list_open_and_a_copy_confirmed(browser, history_server, axe_source, scheme):
    # The states a reader sees and makes: the "renumbered only" list (open as the page loads), a row's copy button
    # confirming.
    in_scheme(browser, scheme)
    try:
        open_page(browser, history_server + "/en/changes/2025-06-01/index.html")
        assert browser.execute_script("return document.querySelector('.renumbered').open") is True
        assert axe.describe(axe.run(browser, axe_source)) == []
        open_page(browser, history_server + "/en/index.html")
        browser.execute_cdp_cmd("Browser.grantPermissions", {"origin": history_server, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        button = browser.find_element(By.CSS_SELECTOR, "#rto .row-actions button")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        WebDriverWait(browser, 5).until(lambda b: button.text == "✓ Copied.")
        assert axe.describe(axe.run(browser, axe_source)) == []
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_no_axe_violation_with_the_search_suggestions_open(browser, server, axe_source):
    open_checked_page(browser, server + "/en/items/rto/index.html")
    box = browser.find_element(By.ID, "search-input")
    box.send_keys("encryption")
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return !document.getElementById('search-results').hidden"))
    box.send_keys(Keys.ARROW_DOWN)
    assert axe.describe(axe.run(browser, axe_source)) == []


def test_axe_reports_an_image_without_alt_and_an_input_without_label(browser, site, scratch, axe_source):
    relative = os.path.join("en", "items", "rto", "index.html")
    shutil.copytree(site, os.path.join(scratch, "public"))
    target = os.path.join(scratch, "public", relative)
    with open(target, encoding="utf-8") as file:
        text = file.read()
    with open(target, "w", encoding="utf-8") as file:
        file.write(text.replace("<h1>", '<img src="../../../assets/none.png"><input type="text" name="planted"><h1>', 1))
    with serve(os.path.join(scratch, "public")) as base:
        open_checked_page(browser, f"{base}/{relative}")
        violations = axe.run(browser, axe_source)
    assert {violation["id"] for violation in violations} == {"image-alt", "label"}
    assert all(len(violation["nodes"]) == 1 for violation in violations)
