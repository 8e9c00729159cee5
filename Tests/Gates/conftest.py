"""Fixtures for the quality gates: the built site (SITE_DIR), served on loopback, and headless Chromium, as the
browser tests have them (Tests/Python/browsing.py), a build of the hostile fixture, and axe-core."""
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

GATES = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(GATES, "..", "Python"))

from browsing import ROOT, binary, browser, history_server, history_site, server, site  # noqa: E402,F401 (pytest finds the fixtures here)


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
