"""The built site's files as the gates read them: every HTML page parsed with Python's own html.parser."""
import html.parser
import os

# Elements that never have an end tag, so they never enclose text.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


class Element:
    """One start tag: its name, attributes (a list of pairs, repeats kept), line, and the lang it is in."""

    def __init__(self, tag, attributes, line, lang):
        self.tag = tag
        self.attributes = attributes
        self.line = line
        self.lang = lang

    def get(self, name, default=None):
        for key, value in self.attributes:
            if key == name:
                return value if value is not None else ""
        return default


class Page(html.parser.HTMLParser):
    """A parsed HTML file: its elements in order, the ids it defines and its text with the lang each run is in."""

    def __init__(self, path, text):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.elements = []
        self.ids = set()
        self.texts = []  # (text, lang, enclosing tag names)
        self._open = []  # (tag, lang)
        self.feed(text)
        self.close()

    def _lang(self):
        return self._open[-1][1] if self._open else ""

    def handle_starttag(self, tag, attributes):
        lang = self._lang()
        for key, value in attributes:
            if key == "lang" and value is not None:
                lang = value
            if key == "id" and value:
                self.ids.add(value)
            if key == "name" and tag == "a" and value:
                self.ids.add(value)
        self.elements.append(Element(tag, attributes, self.getpos()[0], lang))
        if tag not in VOID:
            self._open.append((tag, lang))

    def handle_startendtag(self, tag, attributes):
        self.handle_starttag(tag, attributes)
        if tag not in VOID and self._open and self._open[-1][0] == tag:
            self._open.pop()

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        if data.strip():
            self.texts.append((data, self._lang(), [tag for tag, _ in self._open]))


def html_files(root):
    """Every .html file under `root`, as paths relative to it, sorted."""
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(".html"):
                found.append(os.path.relpath(os.path.join(folder, name), root))
    return sorted(found)


def read(root, relative):
    """The parsed page at `relative` under `root`."""
    with open(os.path.join(root, relative), encoding="utf-8") as file:
        return Page(relative, file.read())
