"""Fixtures for the browser tests: the built site (SITE_DIR), served on loopback, and headless Chromium."""
import functools
import http.server
import os
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


@pytest.fixture(scope="session")
def site():
    """The site as `checksheet build` writes it; built here unless SITE_DIR names one."""
    if os.environ.get("SITE_DIR"):
        return os.environ["SITE_DIR"]
    folder = tempfile.mkdtemp(prefix="checksheet-browser-")
    subprocess.run([binary(), "build", "--output", folder + "/public"], cwd=ROOT, check=True, capture_output=True)
    return folder + "/public"


@pytest.fixture(scope="session")
def history_site():
    """The history fixture (three revisions: items added, changed, removed, renumbered, an English translation pending)
    built with the real binary and theme: every page kind of the change history exists in it."""
    folder = tempfile.mkdtemp(prefix="checksheet-history-")
    subprocess.run([binary(), "build", "--content", os.path.join(ROOT, "Tests", "ChecksheetKitTests", "Fixtures", "history"),
                    "--theme", os.path.join(ROOT, "Site"), "--output", folder + "/public"], cwd=ROOT, check=True, capture_output=True)
    return folder + "/public"


def binary():
    return os.environ.get("CHECKSHEET_BIN", os.path.join(ROOT, ".build", "debug", "checksheet"))


@pytest.fixture(scope="session")
def server(site):
    """A static file server on a free loopback port."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=site)
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def history_server(history_site):
    """The history fixture's site on its own loopback port."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=history_site)
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


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
