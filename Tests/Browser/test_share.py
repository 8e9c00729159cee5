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
    assert clipboard(browser) == "https://checksheet.example.com/ja/items/encryption-in-transit/"
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
    assert '<a href="https://checksheet.example.com/ja/items/rto/" class="permalink-url">https://checksheet.example.com/ja/items/rto/</a>' in page
    assert '<p class="share-actions" data-share' in page and " hidden><button" in page
