"""Tests for publish: search and 404 pages, feeds in the output, and the head metadata partials."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from policysite.load import Project
from policysite.pipeline import render
from policysite.publish import publish_files, root_path_url
from policysite.render import Page, template_environment
from tests.conftest import ProjectFactory
from tests.test_feeds import make_site

BRIEF = (
    '---\ntitle: "Breakout </script><script>alert(1)</script> & co"\nauthors: ["Ann Author"]\n'
    'publisher: "Some Institute"\npublished: "2016-05"\n---\n'
    "NATO should honour the Founding Act.\n\nMoscow rejects arms control.\n"
)


class Head(HTMLParser):
    """Collects meta tags, link tags and JSON-LD scripts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._in_json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record meta and link attributes; note when a JSON-LD script opens."""
        values = {key: value or "" for key, value in attrs}
        if tag == "meta":
            self.meta[values.get("property") or values.get("name", "")] = values.get("content", "")
        elif tag == "link":
            self.links[values.get("rel", "")] = values.get("href", "")
        self._in_json = tag == "script" and values.get("type") == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        """Leave a script."""
        self._in_json = False

    def handle_data(self, data: str) -> None:
        """Keep the text of JSON-LD scripts."""
        if self._in_json:
            self.json_ld.append(data)


def head_of(html: str) -> Head:
    """Return the parsed head metadata of a page."""
    parser = Head()
    parser.feed(html)
    return parser


def render_head(root: Path, page_path: str, with_brief: bool) -> str:
    """Return the head_meta partial rendered for the project's first brief or its home page."""
    site = make_site(root)
    environment = template_environment(root / "templates")
    values: dict[str, object] = {"site": site}
    if with_brief:
        values["brief"] = site.briefs[0]
    page = Page(page_path, "brief.html" if with_brief else "home.html", "The title", ())
    template = environment.get_template("partials/head_meta.html")
    return template.render(page=page, url=lambda target: target, **values)


def test_json_ld_is_an_article_and_cannot_break_out_of_its_script(
    make_project: ProjectFactory,
) -> None:
    html = render_head(make_project({"content/b.md": BRIEF}), "briefs/x/index.html", True)
    assert "</script><script>" not in html.split('<script type="application/ld+json">', 1)[1][:-10]
    head = head_of(html)
    assert len(head.json_ld) == 1
    article = json.loads(head.json_ld[0])
    assert article["@type"] == "Article"
    assert article["headline"].startswith("Breakout </script><script>alert(1)")
    assert article["author"] == [{"@type": "Person", "name": "Ann Author"}]
    assert article["datePublished"] == "2016-05"
    assert article["publisher"] == {"@type": "Organization", "name": "Some Institute"}
    assert {"NATO-Russia Founding Act", "Arms control"} <= {
        theme["name"] for theme in article["about"]
    }
    assert {"NATO", "Russia"} <= {actor["name"] for actor in article["mentions"]}
    assert article["url"] == "https://example.org/sub/path/briefs/x/"


def test_brief_head_has_canonical_opengraph_and_twitter(make_project: ProjectFactory) -> None:
    head = head_of(render_head(make_project({"content/b.md": BRIEF}), "briefs/x/index.html", True))
    assert head.links["canonical"] == "https://example.org/sub/path/briefs/x/"
    assert head.links["alternate"] == "feed.xml"
    assert head.meta["og:type"] == "article"
    assert head.meta["og:url"] == "https://example.org/sub/path/briefs/x/"
    assert head.meta["og:title"] == "The title"
    assert head.meta["twitter:card"] == "summary"
    assert head.meta["article:published_time"] == "2016-05"


def test_other_pages_are_websites_without_json_ld(make_project: ProjectFactory) -> None:
    head = head_of(render_head(make_project({"content/b.md": BRIEF}), "index.html", False))
    assert head.meta["og:type"] == "website"
    assert head.links["canonical"] == "https://example.org/sub/path/"
    assert head.json_ld == []


def test_publish_adds_search_404_feed_sitemap_robots_and_index(
    make_project: ProjectFactory,
) -> None:
    root = make_project({"content/b.md": BRIEF})
    files = render(make_site(root), Project.at(root))
    for path in (
        "search/index.html",
        "404.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "pagefind/pagefind.js",
        "pagefind/pagefind-entry.json",
        "static/js/search.js",
    ):
        assert path in files, path
    assert b"https://example.org/sub/path/search/" in files["sitemap.xml"]
    assert b"404.html" not in files["sitemap.xml"]


def test_search_page_reaches_the_index_and_script_relatively(make_project: ProjectFactory) -> None:
    root = make_project({"content/b.md": BRIEF})
    files = render(make_site(root), Project.at(root))
    page = files["search/index.html"].decode()
    bundle = re.search(r'data-bundle="([^"]+)"', page)
    script = re.search(r'<script src="([^"]+search\.js)"', page)
    assert bundle and bundle.group(1) == "../pagefind/"
    assert script and script.group(1) == "../static/js/search.js"
    assert '<option value="Arms control">' in page


def test_404_links_are_rooted_at_the_base_path(make_project: ProjectFactory) -> None:
    root = make_project({"content/b.md": BRIEF})
    files = render(make_site(root), Project.at(root))
    page = files["404.html"].decode()
    assert 'href="/sub/path/static/css/site.css"' in page
    assert 'action="/sub/path/search/"' in page
    assert 'name="robots" content="noindex"' in page
    assert root_path_url("https://h.org/")("search/") == "/search/"


def test_search_box_is_a_plain_get_form_to_the_search_page(make_project: ProjectFactory) -> None:
    root = make_project()
    template = template_environment(root / "templates").get_template("partials/search_box.html")
    html = template.render(url=lambda target: "../../" + target)
    assert re.search(r'<form[^>]*action="../../search/"[^>]*method="get"', html)
    assert 'name="q"' in html


def test_publish_files_returns_only_new_files(make_project: ProjectFactory) -> None:
    root = make_project({"content/b.md": BRIEF})
    site = make_site(root)
    extra = publish_files(
        site, template_environment(root / "templates"), {"index.html": b"<p>x</p>"}
    )
    assert "index.html" not in extra
    assert "https://example.org/sub/path/</loc>" in extra["sitemap.xml"].decode()
