"""Gate: the W3C Nu HTML checker finds no error in any page of the built site."""
import os
import shutil

import validate


def planted(site, scratch, page, old, new):
    """A copy of one page of the site, with `old` replaced by `new`; its path relative to `scratch`."""
    target = os.path.join(scratch, page)
    os.makedirs(os.path.dirname(target))
    shutil.copy(os.path.join(site, page), target)
    with open(target, encoding="utf-8") as file:
        text = file.read()
    assert old in text
    with open(target, "w", encoding="utf-8") as file:
        file.write(text.replace(old, new, 1))
    return page


def test_every_page_of_the_site_is_valid_html(site):
    errors, _ = validate.errors(site)
    assert [str(error) for error in errors] == []


def test_every_page_of_the_history_fixture_is_valid_html(history_site):
    # The change history's page kinds (changes since a version, archived and removed items, renumbered lists) exist
    # only in a sheet with several revisions.
    errors, _ = validate.errors(history_site)
    assert [str(error) for error in errors] == []
    assert os.path.exists(os.path.join(history_site, "ja", "changes", "since", "2025-03-07", "index.html"))


def test_the_checker_fails_on_a_stray_end_tag(site, scratch):
    page = planted(site, scratch, os.path.join("ja", "items", "rto", "index.html"), "<h1>", "</div><h1>")
    errors, _ = validate.errors(scratch, [page])
    assert [(error.file, error.message) for error in errors] == [(os.path.join("ja", "items", "rto", "index.html"), "Stray end tag 'div'.")]


def test_only_the_search_box_is_excused_from_the_outdated_combobox_rule(site, scratch):
    page = planted(site, scratch, os.path.join("en", "index.html"), "<main", '<input type="search" role="combobox" aria-expanded="false" aria-label="x"><main')
    errors, _ = validate.errors(scratch, [page])
    assert {error.message for error in errors} == validate.OUTDATED_RULES
    assert {error.file for error in errors} == {os.path.join("en", "index.html")}
