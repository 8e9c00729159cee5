"""Gate: every internal link of the built site leads to a file, and every #fragment to an id in it; so do the
URLs of sitemap.xml, the Atom feeds and robots.txt under the site's base URL."""
import os
import re

import linkcheck
import sites
from sites import plant as edit


def test_no_link_of_the_site_is_broken(site):
    assert [str(problem) for problem in linkcheck.check_site(site)] == []


def test_the_checker_reads_every_kind_of_link(site):
    checked = linkcheck.Site(site)
    assert checked.base_url == "https://checksheet.example.com/"
    page = checked.page(os.path.join("ja", "items", "rto", "index.html"))
    urls = {value for element in page.elements for name, value in element.attributes if element.tag in linkcheck.URL_ATTRIBUTES.get(name, ())}
    assert {"../../index.html#rto", "#main", "https://checksheet.example.com/ja/items/rto/"} <= urls


def test_the_checker_reports_broken_links_and_fragments_with_file_and_target(site, scratch):
    broken = sites.copy(site, scratch)
    page = os.path.join(broken, "ja", "items", "rto", "index.html")
    with open(page, encoding="utf-8") as file:
        text = file.read()
    next_link = re.search(r'rel="next" href="([^"]+)"', text).group(1)
    edit(page, f'href="{next_link}"', 'href="../no-such-item/index.html"')
    edit(page, 'href="../../index.html#rto"', 'href="../../index.html#no-such-row"')
    edit(page, 'href="#main"', 'href="#nowhere"')
    edit(os.path.join(broken, "en", "index.html"), 'href="items/rto/index.html"', 'href="items/rto/"')
    edit(os.path.join(broken, "sitemap.xml"), "<loc>https://checksheet.example.com/en/</loc>", "<loc>https://checksheet.example.com/en/gone/</loc>")
    edit(os.path.join(broken, "ja", "feed.xml"), 'href="https://checksheet.example.com/ja/changes/"', 'href="https://checksheet.example.com/ja/changes/gone.html"')
    problems = {(problem.file, problem.target, problem.reason) for problem in linkcheck.check_site(broken)}
    item = os.path.join("ja", "items", "rto", "index.html")
    assert problems == {
        (item, "../no-such-item/index.html", "no such file"),
        (item, "../../index.html#no-such-row", f"no element with id 'no-such-row' in {os.path.join('ja', 'index.html')}"),
        (item, "#nowhere", f"no element with id 'nowhere' in {item}"),
        (os.path.join("en", "index.html"), "items/rto/", "link to a folder: name its index.html so that it works from file://"),
        ("sitemap.xml", "https://checksheet.example.com/en/gone/", "no such file"),
        (os.path.join("ja", "feed.xml"), "https://checksheet.example.com/ja/changes/gone.html", "no such file"),
    }
