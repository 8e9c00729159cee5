"""Fixtures for the browser tests: the built site (SITE_DIR), served on loopback, and headless Chromium, all from
Tests/Python/browsing.py, which the quality gates share."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Python"))

from browsing import ROOT, binary, browser, history_server, history_site, server, site  # noqa: E402,F401 (pytest finds the fixtures here)
