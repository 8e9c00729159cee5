"""Gate: served by a real nginx with the build's nginx-headers.conf, pages, hashed assets and missing paths carry
the headers of the build's _headers file: the security headers everywhere, long immutable caching for assets only,
and with status 404 the not-found page of the path's language; the build's marker and the hosting files are not
served, at the root or below the base URL's path, and the README's upload leaves them out."""
import glob
import os
import shlex
import subprocess
import urllib.error
import urllib.request

import nginx
from browsing import ROOT, binary

SECURITY = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"]


def expected_headers(site):
    """The headers _headers (Netlify/Cloudflare Pages syntax) gives each path pattern: {pattern: {name: value}}."""
    rules, pattern = {}, None
    with open(os.path.join(site, "_headers"), encoding="utf-8") as file:
        for line in file:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line[0].isspace():
                pattern = line.strip()
                rules[pattern] = dict(rules.get("/*", {})) if pattern != "/*" else {}
            elif line.strip().startswith("!"):
                rules[pattern].pop(line.strip()[1:].strip(), None)
            else:
                name, value = line.strip().split(":", 1)
                rules[pattern][name.strip()] = value.strip()
    return rules


def fetch(url):
    """(status, headers as a list of (name, value), body) of a GET, without raising on 4xx."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.items(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.items(), error.read()


def read(path):
    with open(path, "rb") as file:
        return file.read()


def problems_of(site, base, root="/"):
    """What differs from the build's _headers on a page, a folder, both assets, the index, missing paths (each with
    the not-found page of its language) and the files that are not the site's (the build's marker, the hosting
    files), for the site served at `root`."""
    rules = expected_headers(site)
    found = []
    stylesheet = os.path.basename(glob.glob(os.path.join(site, "assets", "style.*.css"))[0])
    script = os.path.basename(glob.glob(os.path.join(site, "assets", "search.*.js"))[0])
    pages, assets = rules[root + "*"], rules[root + "assets/*"]
    japanese, english = read(os.path.join(site, "404.html")), read(os.path.join(site, "en", "404.html"))
    html = "text/html; charset=utf-8"
    cases = [
        ("ja/index.html", 200, pages, html, None),
        ("en/items/rto/", 200, pages, html, None),
        ("ja/search-index.json", 200, pages, "application/json; charset=utf-8", None),
        (f"assets/{stylesheet}", 200, assets, "text/css; charset=utf-8", None),
        (f"assets/{script}", 200, assets, "application/javascript; charset=utf-8", None),
        ("ja/items/no-such-item/index.html", 404, pages, html, japanese),
        ("no-such-page", 404, pages, html, japanese),
        ("en/items/nope/", 404, pages, html, english),
        ("en/changes/2000-01-01/index.html", 404, pages, html, english),
        ("_headers", 404, pages, html, japanese),
        ("nginx-headers.conf", 404, pages, html, japanese),
        (".checksheet-build.json", 404, pages, html, japanese),
    ]
    for path, status, headers, content_type, body in cases:
        got_status, got, got_body = fetch(base + root + path)
        if got_status != status:
            found.append(f"{root}{path}: status {got_status}, expected {status}")
        for name, value in list(headers.items()) + [("Content-Type", content_type)]:
            values = [v for n, v in got if n.lower() == name.lower()]
            if values != [value]:
                found.append(f"{root}{path}: {name}: {values or 'missing'}, expected {value!r}")
        if body is not None and got_body != body:
            found.append(f"{root}{path}: the body is not the site's {'en/404.html' if body == english else '404.html'}")
    return found


def test_nginx_sends_the_headers_of_the_build(site):
    assert {"/*", "/assets/*"} <= set(expected_headers(site))
    assert set(SECURITY) <= set(expected_headers(site)["/assets/*"])
    assert expected_headers(site)["/assets/*"]["Cache-Control"] == "public, max-age=31536000, immutable"
    with nginx.serving(site) as base:
        assert problems_of(site, base) == []


def test_nginx_reads_the_include_without_a_warning(site):
    # nginx says `[warn] duplicate MIME type "text/html"` when charset_types names text/html, which it always holds.
    assert nginx.messages(site) == []


def test_a_site_below_a_path_is_served_there_with_its_not_found_pages(scratch):
    """Built with --base-url https://example.com/trust/ and served by nginx from a root that holds it at trust/:
    the include names the site's own paths, and a dot file under en/ gets the English page too."""
    www = os.path.join(scratch, "www")
    site = os.path.join(www, "trust")
    subprocess.run([binary(), "build", "--content", os.path.join(ROOT, "Content"), "--theme", os.path.join(ROOT, "Site"),
                    "--output", site, "--base-url", "https://example.com/trust/"], cwd=scratch, check=True, capture_output=True)
    assert set(expected_headers(site)) == {"/trust/*", "/trust/assets/*"}
    assert b'<form class="search" role="search" action="/trust/en/search/index.html"' in read(os.path.join(site, "en", "404.html"))
    with open(os.path.join(site, "en", ".notes"), "w") as file:
        file.write("not the site's\n")
    headers = os.path.join(site, "nginx-headers.conf")
    assert nginx.messages(www, headers) == []
    with nginx.serving(www, headers) as base:
        assert problems_of(site, base, root="/trust/") == []
        status, _, body = fetch(base + "/trust/en/.notes")
        assert (status, body) == (404, read(os.path.join(site, "en", "404.html")))
        # Outside the site's path the include has no say: nginx's own page.
        status, _, body = fetch(base + "/en/items/nope/")
        assert status == 404 and body != read(os.path.join(site, "en", "404.html"))


def test_the_readme_upload_leaves_out_the_marker_and_the_hosting_files(site, scratch):
    """The README's rsync line, run with a local folder for the server's: every file of the site but the build's
    marker and the hosting files arrives, and nginx with the uploaded include serves the site from there."""
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as file:
        lines = [line.strip() for line in file if line.strip().startswith("rsync ")]
    assert len(lines) == 1, lines
    words = shlex.split(lines[0])
    assert words[-2:] == ["public/", "www@example.com:/srv/checksheet/"]
    upload = os.path.join(scratch, "srv")
    subprocess.run(words[:-2] + [site.rstrip("/") + "/", upload + "/"], check=True, capture_output=True)
    arrived = {os.path.relpath(os.path.join(folder, name), upload) for folder, _, names in os.walk(upload) for name in names}
    built = {os.path.relpath(os.path.join(folder, name), site) for folder, _, names in os.walk(site) for name in names}
    assert built - arrived == {".checksheet-build.json", "_headers", "nginx-headers.conf"}
    assert arrived <= built
    with nginx.serving(upload, os.path.join(site, "nginx-headers.conf")) as base:
        assert fetch(base + "/.checksheet-build.json")[0] == 404
        assert fetch(base + "/en/items/rto/")[0] == 200


def test_the_header_check_fails_when_the_configuration_misses_a_header(site, scratch):
    headers = os.path.join(scratch, "nginx-headers.conf")
    with open(os.path.join(site, "nginx-headers.conf"), encoding="utf-8") as file:
        lines = file.readlines()
    with open(headers, "w", encoding="utf-8") as file:
        # Only the server-wide line: the assets' location block keeps its own.
        file.writelines(line for line in lines if not line.startswith("add_header X-Content-Type-Options"))
    with nginx.serving(site, headers) as base:
        found = problems_of(site, base)
    assert found and all("X-Content-Type-Options: missing" in problem for problem in found)
    assert not any(problem.startswith("/assets/") for problem in found)


def test_nginx_is_stopped_even_when_the_check_fails(site):
    try:
        with nginx.serving(site) as base:
            raise RuntimeError(base)
    except RuntimeError as error:
        base = str(error)
    try:
        urllib.request.urlopen(base, timeout=2)
        assert False, "nginx still answers"
    except (urllib.error.URLError, ConnectionError):
        pass
