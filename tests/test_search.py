"""Tests for search: Pagefind markup of brief pages and the in-memory index bundle."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from policysite.render import render_pages, template_environment
from policysite.search import filter_markup, indexable_html, search_index_files
from tests.conftest import ProjectFactory
from tests.test_feeds import make_site

ONE = (
    '---\ntitle: "First \\"quoted\\" <brief>"\nauthors: ["Ann, Author"]\n'
    'published: "2016-05"\n---\n'
    "NATO should honour the Founding Act.\n\nMoscow rejects arms control.\n"
)
TWO = '---\ntitle: Second brief\npublished: "2021"\n---\nRussia wants New START renewed.\n'


def fragments(bundle: dict[str, bytes]) -> list[dict[str, object]]:
    """Return the decoded Pagefind fragments (one per indexed page)."""
    prefix = b"pagefind_dcd"
    decoded = [
        gzip.decompress(data) for path, data in bundle.items() if path.endswith(".pf_fragment")
    ]
    return [json.loads(data[len(prefix) :]) for data in decoded]


def test_filter_markup_escapes_values_and_names_themes_and_actors(
    make_project: ProjectFactory,
) -> None:
    site = make_site(make_project({"content/one.md": ONE}))
    markup = filter_markup(site, site.briefs[0])
    assert (
        'data-pagefind-filter="theme[data-value]" data-value="NATO-Russia Founding Act"' in markup
    )
    assert 'data-pagefind-filter="actor[data-value]" data-value="Russia"' in markup
    assert 'data-value="Ann, Author"' in markup
    assert "&quot;quoted&quot; &lt;brief&gt;" in markup
    assert 'data-pagefind-sort="date[data-value]" data-value="2016-05"' in markup


def test_indexable_html_marks_main_only_when_the_template_did_not(
    make_project: ProjectFactory,
) -> None:
    site = make_site(make_project({"content/one.md": ONE}))
    brief = site.briefs[0]
    plain = '<html><body><main id="main"><p>x</p></main></body></html>'
    marked = indexable_html(plain, site, brief)
    assert '<main id="main" data-pagefind-body>' in marked
    assert marked.count("data-pagefind-filter") == len(brief.themes) + len(brief.actors) + 1
    ready = '<main data-pagefind-body><span data-pagefind-filter="theme:x"></span></main>'
    assert indexable_html(ready, site, brief) == ready
    assert indexable_html("<p>no main</p>", site, brief) == "<p>no main</p>"


def test_index_lists_every_brief_with_relative_urls_filters_and_anchors(
    make_project: ProjectFactory,
) -> None:
    site = make_site(make_project({"content/one.md": ONE, "content/two.md": TWO}))
    pages = render_pages(site, template_environment(site_root(make_project)))
    bundle = search_index_files(site, pages)
    entry = json.loads(bundle["pagefind/pagefind-entry.json"])
    assert sum(language["page_count"] for language in entry["languages"].values()) == 2
    assert {"pagefind/pagefind.js", "pagefind/pagefind-worker.js"} <= set(bundle)
    found = fragments(bundle)
    assert sorted(str(f["url"]) for f in found) == sorted(f"briefs/{b.slug}/" for b in site.briefs)
    first = next(f for f in found if f["url"] == f"briefs/{site.briefs[0].slug}/")
    filters = first["filters"]
    assert isinstance(filters, dict) and "NATO-Russia Founding Act" in filters["theme"]
    anchors = first["anchors"]
    assert isinstance(anchors, list)
    sentence_ids = {a["id"] for a in anchors if re.match(r"s-[0-9a-f]{8}", a["id"])}
    assert {s.anchor for s in site.briefs[0].sentences} <= sentence_ids


def test_index_is_byte_identical_across_runs(make_project: ProjectFactory) -> None:
    site = make_site(make_project({"content/one.md": ONE}))
    pages = render_pages(site, template_environment(site_root(make_project)))
    assert search_index_files(site, pages) == search_index_files(site, pages)


def site_root(make_project: ProjectFactory) -> Path:
    """Return the templates folder of the test project (empty: the bundled templates apply)."""
    return make_project() / "templates"
