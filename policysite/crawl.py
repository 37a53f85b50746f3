"""Crawl: resolve every link, fragment and asset reference of a built site held in memory."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from .errors import Problem

LINK_ATTRIBUTES = frozenset({"href", "src", "action", "poster"})
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@dataclass(frozen=True)
class Link:
    """One link or asset reference found in an output file."""

    line: int
    target: str


class _PageParser(HTMLParser):
    """Collects the ids and the links of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[Link] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the element's id (and a legacy a name) and its link attributes."""
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in LINK_ATTRIBUTES:
                self.links.append(Link(self.getpos()[0], value))


def parse_page(html: bytes) -> _PageParser:
    """Return the parsed ids and links of an HTML page."""
    parser = _PageParser()
    parser.feed(html.decode("utf-8", errors="replace"))
    parser.close()
    return parser


def css_links(css: bytes) -> tuple[Link, ...]:
    """Return the url(...) references of a stylesheet."""
    text = css.decode("utf-8", errors="replace")
    return tuple(
        Link(text.count("\n", 0, match.start()) + 1, match.group(1).strip())
        for match in CSS_URL.finditer(text)
    )


def site_target(source: str, target: str, base_url: str) -> str | None:
    """Return the output path a link points at ('' for its own page), or None when external."""
    parts = urlsplit(target)
    base = urlsplit(base_url)
    base_path = base.path.rstrip("/") + "/"
    path = unquote(parts.path)
    if parts.scheme or parts.netloc:
        same_site = (parts.scheme, parts.netloc) == (base.scheme, base.netloc)
        return under_base(path or "/", base_path) if same_site else None
    if not path:
        return ""
    if path.startswith("/"):
        return under_base(path, base_path)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    if path.endswith(("/", "/.", "/..")) or path in (".", ".."):
        return ("" if joined == "." else joined + "/") + "index.html"
    return joined


def under_base(path: str, base_path: str) -> str:
    """Return the output path of a root-relative URL path ('../…' when outside the base path)."""
    if not (path + "/").startswith(base_path) and path != base_path:
        return "../" + path.lstrip("/")
    rest = path[len(base_path) :] if path.startswith(base_path) else ""
    return rest + "index.html" if rest == "" or rest.endswith("/") else rest


def existing_file(files: Mapping[str, bytes], path: str) -> str | None:
    """Return the output file a path is served from (a directory serves its index.html)."""
    candidates = (path, path.rstrip("/") + "/index.html")
    return next((candidate for candidate in candidates if candidate in files), None)


def link_problem(
    source: str, link: Link, files: Mapping[str, bytes], ids: Mapping[str, set[str]], base_url: str
) -> str | None:
    """Return what is wrong with one link, or None when it resolves."""
    path = site_target(source, link.target, base_url)
    if path is None:
        return None
    if path.startswith("../") or path == "..":
        return f"link '{link.target}' leaves the site"
    found = source if path == "" else existing_file(files, path)
    if found is None:
        return f"link '{link.target}' points at a missing file"
    fragment = unquote(urlsplit(link.target).fragment)
    if fragment and fragment != "top" and found.endswith(".html") and fragment not in ids[found]:
        return f"link '{link.target}': no element with id '{fragment}' in {found}"
    return None


def link_problems(
    files: Mapping[str, bytes], base_url: str, label: str
) -> tuple[tuple[Problem, ...], int]:
    """Return every broken link, fragment or asset reference in the output, and the link count."""
    parsed = {path: parse_page(data) for path, data in files.items() if path.endswith(".html")}
    ids = {path: page.ids for path, page in parsed.items()}
    links = {path: tuple(page.links) for path, page in parsed.items()}
    links.update({path: css_links(data) for path, data in files.items() if path.endswith(".css")})
    problems = []
    for source in sorted(links):
        for link in links[source]:
            message = link_problem(source, link, files, ids, base_url)
            if message:
                problems.append(Problem(f"{label}/{source}", link.line, message))
    # One line may repeat a link (a card and its title); report each broken link once per line.
    return tuple(dict.fromkeys(problems)), sum(len(found) for found in links.values())
