"""Built sites as the gates handle them: served on loopback, and copied to plant a fault in."""
import contextlib
import functools
import http.server
import os
import shutil
import threading


class QuietHandler(http.server.SimpleHTTPRequestHandler):
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
