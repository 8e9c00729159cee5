"""axe-core in a real browser: the script comes from PyPI's axe-selenium-python 3.0.0 wheel (axe-core 4.10),
fetched by pip with a pinned hash and unpacked into a temporary folder; nothing of it is committed."""
import os
import subprocess
import sys
import tempfile
import zipfile

WHEEL = "axe-selenium-python==3.0.0"
# The wheel's sha256: pip refuses anything else, so a changed upload cannot slip in.
WHEEL_SHA256 = "847e3925861133a523609ff27d0fef387e7588a26f23a27c208a30682b8e9240"
SCRIPT_IN_WHEEL = "axe_selenium_python/node_modules/axe-core/axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def fetch_script(folder=None):
    """Downloads the wheel (pip caches it) and returns the path of axe.min.js extracted into `folder`."""
    folder = folder or tempfile.mkdtemp(prefix="checksheet-axe-")
    requirements = os.path.join(folder, "requirements.txt")
    with open(requirements, "w") as file:
        file.write(f"{WHEEL} --hash=sha256:{WHEEL_SHA256}\n")
    # The wheel declares Python >= 3.12; only its JavaScript file is used, so any Python may fetch it.
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps",
                    "--only-binary=:all:", "--python-version", "3.12", "--require-hashes", "-r", requirements,
                    "-d", folder], check=True)
    wheel = next(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".whl"))
    with zipfile.ZipFile(wheel) as archive:
        archive.extract(SCRIPT_IN_WHEEL, folder)
    return os.path.join(folder, SCRIPT_IN_WHEEL)


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
