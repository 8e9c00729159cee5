"""Copying an item's link and answer with one click, in a real Chromium with clipboard access."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def grant_clipboard(browser, origin):
    browser.execute_cdp_cmd("Browser.grantPermissions", {"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})


def clipboard(browser):
    return browser.execute_async_script("const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));")


def test_copy_link_and_answer_on_an_item_page(browser, server):
    grant_clipboard(browser, server)
    browser.get(f"{server}/ja/items/encryption-in-transit/index.html")
    buttons = browser.find_elements(By.CSS_SELECTOR, ".share-actions button")
    assert [b.text for b in buttons] == ["リンクをコピー", "回答をコピー"]
    buttons[0].click()
    WebDriverWait(browser, 5).until(lambda b: b.find_element(By.CSS_SELECTOR, ".share-status").text == "コピーしました。")
    # The link to send opens in the reader's language; the citation names the page the answer was copied from.
    assert clipboard(browser) == "https://checksheet.example.com/items/encryption-in-transit/"
    buttons[1].click()
    WebDriverWait(browser, 5).until(lambda b: clipboard(b).startswith("有。"))
    assert clipboard(browser) == "有。TLS 1.2\n— No. 42 通信の暗号化レベル（2025年3月7日版）https://checksheet.example.com/ja/items/encryption-in-transit/"


def test_copy_from_a_row_of_the_sheet(browser, server):
    grant_clipboard(browser, server)
    browser.get(f"{server}/en/index.html")
    row = browser.find_element(By.ID, "rto")
    buttons = row.find_elements(By.CSS_SELECTOR, ".row-actions button")
    # One control per row: the answer with its citation, which carries the permanent link.
    assert [b.get_attribute("aria-label") for b in buttons] == ["Copy answer: Recovery time objective (RTO)"]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", buttons[0])
    buttons[0].click()
    WebDriverWait(browser, 5).until(lambda b: clipboard(b).startswith("Not disclosed"))
    assert clipboard(browser) == "Not disclosed\n— No. 11 Recovery time objective (RTO) (Version dated March 7, 2025) https://checksheet.example.com/en/items/rto/"
    # The button itself shows that it copied; the next row's button that copies takes that over.
    WebDriverWait(browser, 5).until(lambda b: buttons[0].text == "✓ Copied.")
    other = browser.find_element(By.CSS_SELECTOR, "#rpo .row-actions button")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", other)
    other.click()
    WebDriverWait(browser, 5).until(lambda b: other.text == "✓ Copied.")
    assert buttons[0].text == "Copy answer"


def test_without_javascript_the_link_and_answer_stay_as_text(site):
    page = open(f"{site}/ja/items/rto/index.html", encoding="utf-8").read()
    assert '<a href="https://checksheet.example.com/items/rto/" class="permalink-url">https://checksheet.example.com/items/rto/</a>' in page
    assert '<p class="share-actions" data-share' in page and " hidden><button" in page


def test_the_link_to_send_opens_in_the_readers_language(browser, server, site):
    # The item's link in no language (`items/SLUG/`) opens the item in the first of the browser's languages the site
    # has, English for any other, keeping the #fragment; sent from either language's page, it is the same link.
    original = ",".join(browser.execute_script("return navigator.languages"))
    for accept, expected in [("ja-JP,ja", "ja"), ("en-US,en", "en"), ("de-DE,en;q=0.8,ja;q=0.5", "en"), ("fr-FR", "en"), ("zh-TW,ja;q=0.9", "ja")]:
        browser.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": browser.execute_script("return navigator.userAgent"), "acceptLanguage": accept})
        browser.get(f"{server}/items/rto/index.html#history-heading")
        WebDriverWait(browser, 5).until(lambda b: f"/{expected}/items/rto/index.html" in b.current_url, f"{accept}: {browser.current_url}")
        assert browser.current_url == f"{server}/{expected}/items/rto/index.html#history-heading", accept
    browser.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": browser.execute_script("return navigator.userAgent"), "acceptLanguage": original})
    # Without scripts it offers both, Japanese first; removed items keep theirs too (every slug ever published).
    page = open(f"{site}/items/rto/index.html", encoding="utf-8").read()
    assert '<li lang="ja"><a href="../../ja/items/rto/index.html" hreflang="ja" data-language="ja">' in page
    assert '<li lang="en"><a href="../../en/items/rto/index.html" hreflang="en" data-language="en">' in page
    assert '<link rel="alternate" hreflang="x-default" href="https://checksheet.example.com/items/rto/">' in open(f"{site}/en/items/rto/index.html", encoding="utf-8").read()


def test_copying_without_the_clipboard_api_leaves_focus_on_the_button(browser, server):
    # Over plain http there is no Clipboard API: the copy goes through a selected text area, and focus must come back to
    # the button, or a keyboard user is sent to the top of the page after every copy.
    from selenium.webdriver.common.keys import Keys
    browser.get(f"{server}/ja/items/encryption-in-transit/index.html")
    browser.execute_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    button = browser.find_elements(By.CSS_SELECTOR, ".share-actions button")[1]
    browser.execute_script("arguments[0].focus()", button)
    button.send_keys(Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda b: b.find_element(By.CSS_SELECTOR, ".share-status").text != "")
    assert browser.find_element(By.CSS_SELECTOR, ".share-status").text == "コピーしました。"
    assert browser.execute_script("return document.activeElement === arguments[0]", button)
