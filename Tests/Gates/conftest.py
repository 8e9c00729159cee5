"""Fixtures for the quality gates: the built site (SITE_DIR) and headless Chromium, as the browser tests have
them, a quiet loopback server for it, a build of the hostile fixture, and axe-core."""
import importlib.util
import os
import shutil
import subprocess
import tempfile

import pytest

import sites

GATES = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(GATES, "..", ".."))

# The site and browser fixtures are the browser tests' own (Tests/Browser/conftest.py).
_spec = importlib.util.spec_from_file_location("browser_conftest", os.path.join(ROOT, "Tests", "Browser", "conftest.py"))
browser_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(browser_conftest)
site = browser_conftest.site
history_site = browser_conftest.history_site
browser = browser_conftest.browser
binary = browser_conftest.binary


@pytest.fixture(scope="session")
def server(site):
    with sites.serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def history_server(history_site):
    with sites.serve(history_site) as url:
        yield url


@pytest.fixture
def scratch():
    """A temporary folder, removed after the test."""
    folder = tempfile.mkdtemp(prefix="checksheet-gate-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def hostile_site():
    """Tests/Gates/Fixtures/hostile built with the real binary: content written to break out of every context."""
    folder = tempfile.mkdtemp(prefix="checksheet-hostile-")
    output = os.path.join(folder, "public")
    subprocess.run([binary(), "build", "--content", os.path.join(GATES, "Fixtures", "hostile"), "--theme", os.path.join(ROOT, "Site"),
                    "--output", output], cwd=ROOT, check=True, capture_output=True)
    yield output
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def axe_source():
    """axe-core 4.x's axe.min.js, read out of PyPI's axe-selenium-python 3.0.0 wheel (Tests/requirements-axe.txt)."""
    import axe
    return axe.script_source()
