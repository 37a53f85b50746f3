"""Tests for feeds: the Atom feed, sitemap.xml and robots.txt (content, order, well-formedness)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import replace
from pathlib import Path

from policysite.feeds import absolute_url, atom_feed, newest_first, robots, site_path, sitemap
from policysite.link import Site, link
from policysite.load import Project, read_sources
from policysite.pipeline import BuildOptions, configure, extract
from tests.conftest import ProjectFactory

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
OLD = (
    '---\ntitle: "Old <brief> & co"\nauthors: ["Ann Author"]\npublished: "2010"\n---\n'
    "NATO should talk to Russia.\n"
)
NEW = '---\ntitle: New brief\npublished: "2021-03-04"\n---\nThe Founding Act matters to Moscow.\n'
MID = '---\ntitle: Middle brief\npublished: "2016-05"\n---\nArms control needs New START.\n'
UNDATED = "---\ntitle: Undated brief\n---\nRussia should respect the Founding Act.\n"


def make_site(root: Path) -> Site:
    """Return the linked site of a project, as a build makes it."""
    project = Project.at(root)
    config = configure(project, BuildOptions())
    return link(config, extract(config, read_sources(project, config)))


def test_site_path_and_absolute_url_drop_index_html() -> None:
    assert site_path("index.html") == ""
    assert site_path("briefs/x/index.html") == "briefs/x/"
    assert site_path("feed.xml") == "feed.xml"
    assert absolute_url("https://h.org/sub", "briefs/x/index.html") == "https://h.org/sub/briefs/x/"
    assert absolute_url("https://h.org/sub/", "index.html") == "https://h.org/sub/"


def test_feed_lists_briefs_newest_first_with_absolute_urls(make_project: ProjectFactory) -> None:
    site = make_site(make_project({"content/a.md": OLD, "content/b.md": NEW, "content/c.md": MID}))
    root = ElementTree.fromstring(atom_feed(site))
    entries = root.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles == ["New brief", "Middle brief", "Old <brief> & co"]
    ids = [entry.findtext(f"{ATOM}id") or "" for entry in entries]
    assert all(
        i.startswith("https://example.org/sub/path/briefs/") and i.endswith("/") for i in ids
    )
    assert entries[2].findtext(f"{ATOM}author/{ATOM}name") == "Ann Author"
    self_link = [e.get("href") for e in root.findall(f"{ATOM}link") if e.get("rel") == "self"]
    assert self_link == ["https://example.org/sub/path/feed.xml"]


def test_feed_dates_come_from_the_briefs_not_the_clock(make_project: ProjectFactory) -> None:
    site = make_site(make_project({"content/a.md": OLD, "content/b.md": NEW}))
    root = ElementTree.fromstring(atom_feed(site))
    assert root.findtext(f"{ATOM}updated") == "2021-03-04T00:00:00+00:00"
    assert root.findtext(f"{ATOM}generator") == "policysite"
    published = [e.findtext(f"{ATOM}published") for e in root.findall(f"{ATOM}entry")]
    assert published == ["2021-03-04T00:00:00+00:00", "2010-01-01T00:00:00+00:00"]
    assert atom_feed(site) == atom_feed(site)


def test_undated_briefs_come_last_and_borrow_the_newest_date(make_project: ProjectFactory) -> None:
    site = make_site(make_project({"content/u.md": UNDATED, "content/c.md": MID}))
    assert [b.meta.title for b in newest_first(site.briefs)] == ["Middle brief", "Undated brief"]
    entries = ElementTree.fromstring(atom_feed(site)).findall(f"{ATOM}entry")
    assert entries[1].findtext(f"{ATOM}updated") == "2016-05-01T00:00:00+00:00"
    assert entries[1].find(f"{ATOM}published") is None


def test_feed_without_dated_briefs_uses_a_fixed_date(make_project: ProjectFactory) -> None:
    site = make_site(make_project({"content/u.md": UNDATED}))
    root = ElementTree.fromstring(atom_feed(site))
    assert root.findtext(f"{ATOM}updated") == "1970-01-01T00:00:00+00:00"


def test_sitemap_lists_html_pages_except_404_and_escapes() -> None:
    paths = ["index.html", "briefs/a&b/index.html", "404.html", "static/css/site.css", "feed.xml"]
    root = ElementTree.fromstring(sitemap("https://h.org/sub/", paths))
    locations = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert locations == ["https://h.org/sub/briefs/a&b/", "https://h.org/sub/"]


def test_robots_points_at_the_sitemap() -> None:
    text = robots("https://h.org/sub/").decode()
    assert "User-agent: *" in text
    assert "Sitemap: https://h.org/sub/sitemap.xml" in text.splitlines()


def test_feed_follows_a_changed_base_url(make_project: ProjectFactory) -> None:
    site = make_site(make_project({"content/b.md": NEW}))
    moved = replace(site, config=replace(site.config, base_url="https://other.net/x/y"))
    root = ElementTree.fromstring(atom_feed(moved))
    assert root.findtext(f"{ATOM}id") == "https://other.net/x/y/"
    assert (root.findtext(f"{ATOM}entry/{ATOM}id") or "").startswith(
        "https://other.net/x/y/briefs/"
    )
