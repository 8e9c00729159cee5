"""What the browser tests (Tests/Browser) and the quality gates (Tests/Gates) share: the repository's root, the built
binary, the site built once, a quiet static server on loopback, headless Chromium, and opening a page in it.
Both conftest.py files import their fixtures from here."""
import contextlib
import functools
import http.server
import os
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# Records CSP violations and script errors the page raises, so that a test can assert there are none
# (`browser.execute_script("return window.__problems") == []`).
WATCH = """
window.__problems = [];
document.addEventListener('securitypolicyviolation', e => window.__problems.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI));
window.addEventListener('error', e => window.__problems.push('error: ' + e.message));
window.addEventListener('unhandledrejection', e => window.__problems.push('rejection: ' + e.reason));
"""


def binary():
    """The `checksheet` the tests run: CHECKSHEET_BIN, or the debug build of this checkout."""
    return os.environ.get("CHECKSHEET_BIN", os.path.join(ROOT, ".build", "debug", "checksheet"))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request."""

    def log_message(self, *arguments):
        pass


@contextlib.contextmanager
def serve(folder):
    """Serves `folder` on a free loopback port for the duration of the block; yields the base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=folder))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def open_page(browser, url, until=None):
    """Loads `url`, waits until the document is complete (and `until`, a script returning true, holds), then records
    the page's CSP violations and script errors in `window.__problems`."""
    browser.get(url)
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete")
    if until is not None:
        WebDriverWait(browser, 10).until(lambda b: b.execute_script(until))
    browser.execute_script(WATCH)


def build(content, prefix):
    """Builds a content folder (the repository's own when None) with the real binary and theme; returns the site."""
    folder = tempfile.mkdtemp(prefix=prefix)
    sources = [] if content is None else ["--content", content, "--theme", os.path.join(ROOT, "Site")]
    subprocess.run([binary(), "build", *sources, "--output", folder + "/public"], cwd=ROOT, check=True, capture_output=True)
    return folder + "/public"


@pytest.fixture(scope="session")
def site():
    """The site as `checksheet build` writes it; built here unless SITE_DIR names one."""
    return os.environ.get("SITE_DIR") or build(None, "checksheet-browser-")


@pytest.fixture(scope="session")
def server(site):
    """The site on a static file server on a free loopback port."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def history_site():
    """The history fixture (three revisions: items added, changed, removed, renumbered, an English translation pending)
    built with the real binary and theme: every page kind of the change history exists in it."""
    return build(os.path.join(ROOT, "Tests", "ChecksheetKitTests", "Fixtures", "history"), "checksheet-history-")


@pytest.fixture(scope="session")
def history_server(history_site):
    """The history fixture's site on its own loopback port."""
    with serve(history_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium through Debian's chromedriver, with a fresh profile."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/lib/chromium/chromium"
    # Pages from file:// get what a reader's browser gives them: no switch that relaxes file access. (Chromium reads
    # only the presence of a switch: `--allow-file-access-from-files=false` turns file access on.)
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     f"--user-data-dir={tempfile.mkdtemp(prefix='checksheet-chromium-')}"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()
