"""A small link checker over rendered files: every internal link and #fragment must resolve."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class LinkParser(HTMLParser):
    """Collects the ids an HTML page defines and the links it makes."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for name in ("href", "src"):
            value = values.get(name)
            if value is not None and tag in ("a", "link", "img", "script", "area", "use", "image"):
                self.links.append(value)


def parse(html: bytes) -> LinkParser:
    """Return the parsed ids and links of one page."""
    parser = LinkParser()
    parser.feed(html.decode("utf-8"))
    return parser


def resolve(page: str, href: str, base_path: str = "/") -> tuple[str, str] | None:
    """Return (output file, fragment) an internal link points to, or None for an external one."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:")):
        return None
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    if path.startswith("/"):
        # Root-relative links (a 404 page's) count when they stay under the site's base path.
        if not path.startswith(base_path):
            return "../" + path, parts.fragment
        page, path = "index.html", path[len(base_path) :] or "./"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.endswith("/") or target == ".":
        target = posixpath.join("" if target == "." else target, "index.html")
    return target, parts.fragment


def broken_links(
    files: dict[str, bytes], base_path: str = "/", pages_only: bool = False
) -> list[str]:
    """Return a description of every internal link or fragment that does not resolve."""
    pages = {name: parse(data) for name, data in files.items() if name.endswith(".html")}
    broken = []
    for name, parsed in sorted(pages.items()):
        for href in parsed.links:
            found = resolve(name, href, base_path)
            if found is None or (pages_only and not found[0].endswith(".html")):
                continue
            target, fragment = found
            if target.startswith("../") or target not in files:
                broken.append(f"{name}: {href} -> missing {target}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{name}: {href} -> no #{fragment} in {target}")
    return broken
