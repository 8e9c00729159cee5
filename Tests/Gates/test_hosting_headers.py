"""Gate: served by a real nginx with the build's nginx-headers.conf, pages, hashed assets and missing paths carry
the headers of the build's _headers file: the security headers everywhere, long immutable caching for assets only,
and the site's 404 page with status 404."""
import glob
import os
import urllib.error
import urllib.request

import nginx

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


def problems_of(site, base):
    """What differs from the build's _headers on a page, a folder, both assets, the index and a missing path."""
    rules = expected_headers(site)
    found = []
    stylesheet = os.path.basename(glob.glob(os.path.join(site, "assets", "style.*.css"))[0])
    script = os.path.basename(glob.glob(os.path.join(site, "assets", "search.*.js"))[0])
    with open(os.path.join(site, "404.html"), "rb") as file:
        not_found = file.read()
    cases = [
        ("/ja/index.html", 200, rules["/*"], "text/html; charset=utf-8", None),
        ("/en/items/rto/", 200, rules["/*"], "text/html; charset=utf-8", None),
        ("/ja/search-index.json", 200, rules["/*"], "application/json; charset=utf-8", None),
        (f"/assets/{stylesheet}", 200, rules["/assets/*"], "text/css; charset=utf-8", None),
        (f"/assets/{script}", 200, rules["/assets/*"], "application/javascript; charset=utf-8", None),
        ("/ja/items/no-such-item/index.html", 404, rules["/*"], "text/html; charset=utf-8", not_found),
        ("/_headers", 404, rules["/*"], "text/html; charset=utf-8", not_found),
        ("/nginx-headers.conf", 404, rules["/*"], "text/html; charset=utf-8", not_found),
    ]
    for path, status, headers, content_type, body in cases:
        got_status, got, got_body = fetch(base + path)
        if got_status != status:
            found.append(f"{path}: status {got_status}, expected {status}")
        for name, value in list(headers.items()) + [("Content-Type", content_type)]:
            values = [v for n, v in got if n.lower() == name.lower()]
            if values != [value]:
                found.append(f"{path}: {name}: {values or 'missing'}, expected {value!r}")
        if body is not None and got_body != body:
            found.append(f"{path}: the body is not the site's 404.html")
    return found


def test_nginx_sends_the_headers_of_the_build(site):
    assert {"/*", "/assets/*"} <= set(expected_headers(site))
    assert set(SECURITY) <= set(expected_headers(site)["/assets/*"])
    assert expected_headers(site)["/assets/*"]["Cache-Control"] == "public, max-age=31536000, immutable"
    with nginx.serving(site) as base:
        assert problems_of(site, base) == []


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
