"""axe-core in a real browser: the script comes from PyPI's axe-selenium-python 3.0.0 wheel (axe-core 4.10), pinned
with its sha256 in Tests/requirements-axe.txt, fetched by `scripts/setup test` into .venv/wheels/ (or here, when
missing) and read out of the wheel; nothing of it is committed."""
import hashlib
import os
import re
import subprocess
import sys
import zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
REQUIREMENTS = os.path.join(ROOT, "Tests", "requirements-axe.txt")
WHEELS = os.path.join(ROOT, ".venv", "wheels")
SCRIPT_IN_WHEEL = "axe_selenium_python/node_modules/axe-core/axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pin():
    """(name, version, sha256) of the one requirement in Tests/requirements-axe.txt."""
    with open(REQUIREMENTS, encoding="utf-8") as file:
        lines = [line.strip() for line in file if line.strip() and not line.startswith("#")]
    match = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+) --hash=sha256:([0-9a-f]{64})", lines[0]) if len(lines) == 1 else None
    if match is None:
        raise RuntimeError(f"{REQUIREMENTS}: expected one line `name==version --hash=sha256:HEX`")
    return match.groups()


def wheel():
    """The pinned wheel's path in .venv/wheels/, downloaded there by pip when missing; its sha256 checked either way."""
    name, version, sha256 = pin()
    prefix = f"{name.replace('-', '_')}-{version}-"
    found = [entry for entry in os.listdir(WHEELS) if entry.startswith(prefix) and entry.endswith(".whl")] if os.path.isdir(WHEELS) else []
    if not found:
        # The wheel declares Python >= 3.12; only its JavaScript file is used, so any Python may fetch it.
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps",
                        "--only-binary=:all:", "--python-version", "3.12", "--require-hashes", "-r", REQUIREMENTS,
                        "-d", WHEELS], check=True)
        found = [entry for entry in os.listdir(WHEELS) if entry.startswith(prefix) and entry.endswith(".whl")]
    path = os.path.join(WHEELS, found[0])
    with open(path, "rb") as file:
        actual = hashlib.sha256(file.read()).hexdigest()
    if actual != sha256:
        raise RuntimeError(f"{path}: sha256 {actual}, but Tests/requirements-axe.txt pins {sha256}; delete it and run scripts/setup test")
    return path


def script_source():
    """The text of axe.min.js from the pinned wheel."""
    with zipfile.ZipFile(wheel()) as archive:
        return archive.read(SCRIPT_IN_WHEEL).decode("utf-8")


def run(driver, source, tags=TAGS):
    """Injects axe into the page open in `driver` and returns its violations (a list of axe result objects)."""
    # execute_script runs as the browser's own code, so the page's CSP (default-src 'self') does not block it.
    driver.execute_script(source)
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done({violations: r.violations, version: axe.version}), e => done({error: String(e)}));", tags)
    if "error" in results:
        raise RuntimeError("axe.run failed: " + results["error"])
    return results["violations"]


def describe(violations):
    """One line per failing node: rule, impact, selector and axe's summary."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']} ({violation.get('impact')}): {' '.join(map(str, node['target']))}: {node.get('failureSummary', '').splitlines()[-1].strip() if node.get('failureSummary') else violation['help']}")
    return lines
