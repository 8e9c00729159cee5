"""Built sites as the gates handle them: copied to plant a fault in (served with browsing.serve)."""
import os
import shutil


def copy(site, folder):
    """A copy of the whole built site inside `folder`; returns its path."""
    target = os.path.join(folder, "public")
    shutil.copytree(site, target)
    return target


def plant(path, old, new):
    """Replaces the first `old` in the file at `path` by `new` (which must be there: a plant that misses is a bug)."""
    with open(path, encoding="utf-8") as file:
        text = file.read()
    assert old in text, f"{old!r} not in {path}"
    with open(path, "w", encoding="utf-8") as file:
        file.write(text.replace(old, new, 1))
