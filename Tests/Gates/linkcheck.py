"""Link checker for the built site: every internal href/src/action of every HTML page, with #fragments, and the
URLs of sitemap.xml, the Atom feeds and robots.txt, must lead to a file of the build.

Usage: python3 Tests/Gates/linkcheck.py SITE_DIR [--base-url URL]   (exit status 1 when a link is broken)
"""
import argparse
import os
import posixpath
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages  # noqa: E402

# Attributes that name another resource, per element ("*" = any element).
URL_ATTRIBUTES = {
    "href": {"a", "area", "link", "base"},
    "src": {"img", "script", "iframe", "source", "audio", "video", "track", "embed", "input"},
    "srcset": {"img", "source"},
    "action": {"form"},
    "formaction": {"button", "input"},
    "poster": {"video"},
    "data": {"object"},
    # What the search script loads: the index, as JSON over http and as a script from file://.
    "data-index": {"form"},
    "data-index-script": {"form"},
}
# Pages served only by a web server (it answers any missing path with them), so root-absolute links are right there.
SERVER_ONLY = {"404.html", "en/404.html"}
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
ATOM_NS = {"atom": "http://www.w3.org/2005/Atom"}


class Problem:
    """A broken link: the file and line it is in, what it points at, and why it fails."""

    def __init__(self, file, line, target, reason):
        self.file, self.line, self.target, self.reason = file, line, target, reason

    def __str__(self):
        place = f"{self.file}:{self.line}" if self.line else self.file
        return f"{place}: {self.target}: {self.reason}"


class Site:
    """The built folder, with each HTML page parsed once."""

    def __init__(self, root, base_url=None):
        self.root = os.path.abspath(root)
        self._pages = {}
        self.base_url = base_url or self._base_url_from_root_page()

    def page(self, relative):
        if relative not in self._pages:
            self._pages[relative] = pages.read(self.root, relative)
        return self._pages[relative]

    def _base_url_from_root_page(self):
        # The language chooser at the root is the site's own address: its canonical URL is the base URL.
        if not os.path.exists(os.path.join(self.root, "index.html")):
            return None
        for element in self.page("index.html").elements:
            if element.tag == "link" and "canonical" in (element.get("rel") or "").split():
                return element.get("href")
        return None

    def resolve_path(self, path):
        """(file, problem) for a site path such as `ja/items/rto/index.html` or `ja/`; a folder means its index.html."""
        path = urllib.parse.unquote(path)
        normalized = posixpath.normpath("/" + path).lstrip("/")
        if normalized.startswith("..") or "\x00" in path:
            return None, "leads outside the site"
        full = os.path.join(self.root, normalized)
        if os.path.isdir(full):
            index = posixpath.join(normalized, "index.html") if normalized and normalized != "." else "index.html"
            if os.path.isfile(os.path.join(self.root, index)):
                return index, None
            return None, "folder without index.html"
        if os.path.isfile(full):
            return normalized, None
        return None, "no such file"

    def fragment_problem(self, relative, fragment):
        if not fragment or not relative.endswith(".html"):
            return None
        fragment = urllib.parse.unquote(fragment)
        if fragment in self.page(relative).ids:
            return None
        return f"no element with id '{fragment}' in {relative}"

    def check_absolute(self, url):
        """None when `url` is outside the site; else the problem of the file it names under the base URL, or ""."""
        if not self.base_url or not url.startswith(self.base_url):
            return None
        parts = urllib.parse.urlsplit(url)
        relative, problem = self.resolve_path(url[len(self.base_url):].split("#")[0].split("?")[0])
        if problem:
            return problem
        return self.fragment_problem(relative, parts.fragment) or ""


def candidates(attribute, value):
    """The URLs in an attribute value (srcset holds several, each followed by a size)."""
    if attribute == "srcset":
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return [value.strip()]


def check_page(site, relative):
    """Problems of the links in one HTML page."""
    problems = []
    page = site.page(relative)
    folder = posixpath.dirname(relative)
    for element in page.elements:
        links = [(name, value) for name, value in element.attributes
                 if value is not None and element.tag in URL_ATTRIBUTES.get(name, ())]
        if element.tag == "meta" and (element.get("property") or "").startswith("og:") and element.get("content", "").startswith(("http://", "https://")):
            links.append(("content", element.get("content")))
        for name, value in links:
            for url in candidates(name, value):
                reason = check_url(site, relative, folder, url)
                if reason:
                    problems.append(Problem(relative, element.line, url or f'{name}=""', reason))
    return problems


def check_url(site, relative, folder, url):
    """Why `url`, written in page `relative`, is broken; None when it is fine or outside the site."""
    if url == "":
        return "empty link (it points at the page itself)"
    scheme = SCHEME.match(url)
    if scheme:
        name = scheme.group(1).lower()
        if name in ("http", "https"):
            problem = site.check_absolute(url)
            return problem or None
        if name in ("mailto", "tel"):
            return None
        return f"'{name}:' URL"
    if url.startswith("//"):
        return None  # another host
    parts = urllib.parse.urlsplit(url)
    if not parts.path:
        return site.fragment_problem(relative, parts.fragment)
    if parts.path.startswith("/"):
        if relative not in SERVER_ONLY:
            return "root-absolute link: it breaks when the site is read from disk or served below a path"
        path = parts.path
    else:
        path = posixpath.join(folder, parts.path)
    target, problem = site.resolve_path(path)
    if problem:
        return problem
    if parts.path.endswith("/") and relative not in SERVER_ONLY:
        return "link to a folder: name its index.html so that it works from file://"
    return site.fragment_problem(target, parts.fragment)


def check_sitemap(site):
    problems = []
    path = os.path.join(site.root, "sitemap.xml")
    if not os.path.exists(path):
        return [Problem("sitemap.xml", 0, "sitemap.xml", "no such file")]
    tree = ElementTree.parse(path)
    urls = [element.text or "" for element in tree.iterfind(".//sm:url/sm:loc", SITEMAP_NS)]
    urls += [element.get("href", "") for element in tree.iterfind(".//xhtml:link", SITEMAP_NS)]
    if not urls:
        problems.append(Problem("sitemap.xml", 0, "sitemap.xml", "lists no URL"))
    for url in urls:
        problem = site.check_absolute(url.strip())
        if problem is None:
            problems.append(Problem("sitemap.xml", 0, url, f"not under the base URL {site.base_url}"))
        elif problem:
            problems.append(Problem("sitemap.xml", 0, url, problem))
    return problems


def check_feeds(site):
    problems = []
    feeds = []
    for folder, _, names in os.walk(site.root):
        feeds += [os.path.relpath(os.path.join(folder, name), site.root) for name in names if name == "feed.xml"]
    for feed in sorted(feeds):
        tree = ElementTree.parse(os.path.join(site.root, feed))
        for link in tree.iterfind(".//atom:link", ATOM_NS):
            url = link.get("href", "")
            problem = site.check_absolute(url)
            if problem is None:
                problems.append(Problem(feed, 0, url, f"not under the base URL {site.base_url}"))
            elif problem:
                problems.append(Problem(feed, 0, url, problem))
    return problems


def check_robots(site):
    path = os.path.join(site.root, "robots.txt")
    if not os.path.exists(path):
        return []
    problems = []
    for line in open(path, encoding="utf-8"):
        if line.lower().startswith("sitemap:"):
            url = line.split(":", 1)[1].strip()
            problem = site.check_absolute(url)
            if problem is None or problem:
                problems.append(Problem("robots.txt", 0, url, problem or f"not under the base URL {site.base_url}"))
    return problems


def check_site(root, base_url=None):
    """Every broken link of the site at `root`."""
    site = Site(root, base_url)
    problems = []
    if not site.base_url:
        problems.append(Problem("index.html", 0, "canonical", "no base URL: the root page has no canonical link and none was given"))
    for relative in pages.html_files(site.root):
        problems += check_page(site, relative)
    problems += check_sitemap(site) + check_feeds(site) + check_robots(site)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--base-url")
    arguments = parser.parse_args()
    problems = check_site(arguments.site, arguments.base_url)
    for problem in problems:
        print(problem)
    count = len(pages.html_files(arguments.site))
    print(f"{len(problems)} broken links in {count} pages, sitemap.xml and the feeds", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
