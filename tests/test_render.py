"""Tests for render: relative URLs, escaping, resolvable links, brief pages and golden pages."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from policysite.crawl import link_problems, parse_page
from policysite.errors import BuildError
from policysite.link import Site, link
from policysite.load import Project
from policysite.pipeline import BuildOptions, configure, extract, read_sources, render
from policysite.render import Pager, canonical_url, relative_url, render_pages, template_environment
from tests.factories import config, make_brief, three_briefs

REPO = Path(__file__).resolve().parent.parent
GOLDEN_PROJECT = REPO / "tests" / "fixtures" / "golden_project"
GOLDEN_DIR = REPO / "tests" / "golden"
GOLDEN_PAGES = (
    "index.html",
    "briefs/keep-the-ferries-running/index.html",
    "briefs/dredge-the-channel/index.html",
    "themes/ferries/index.html",
    "actors/northport/index.html",
    "timeline/index.html",
    "recommendations/index.html",
)
REGENERATE = os.environ.get("POLICYSITE_REGENERATE_GOLDEN") == "1"

PAGE_LINK = re.compile(r"link '[^']*/(?:#[^']*)?'")


def build_files(root: Path, base_url: str | None = None) -> tuple[Site, dict[str, bytes]]:
    """Return the linked site and every output file of a project, without writing anything."""
    project = Project.at(root)
    settings = configure(project, BuildOptions(base_url=base_url))
    site = link(settings, extract(settings, read_sources(project, settings)))
    return site, render(site, project)


def render_site(site: Site) -> dict[str, bytes]:
    """Return the rendered pages of a hand-made site with the bundled templates."""
    return render_pages(site, template_environment(Path("/nonexistent-templates")))


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("index.html", "", "./"),
        ("index.html", "themes/x/", "themes/x/"),
        ("briefs/a/index.html", "", "../../"),
        ("briefs/a/index.html", "themes/x/", "../../themes/x/"),
        ("briefs/a/index.html", "briefs/a/#s-12345678", "./#s-12345678"),
        ("themes/x/page/2/index.html", "themes/x/", "../../"),
        ("briefs/a/data/index.html", "static/css/site.css", "../../../static/css/site.css"),
        ("index.html", "briefs/b/#s-1", "briefs/b/#s-1"),
    ],
)
def test_relative_url(page: str, target: str, expected: str) -> None:
    assert relative_url(page, target) == expected


def test_canonical_url_keeps_the_base_path() -> None:
    assert (
        canonical_url("https://h.org/sub/path/", "themes/x/") == "https://h.org/sub/path/themes/x/"
    )
    assert canonical_url("https://h.org/sub", "") == "https://h.org/sub/"


def test_pager_paths() -> None:
    pager = Pager("themes/x/", 2, 3)
    assert (pager.previous, pager.next) == ("themes/x/", "themes/x/page/3/")
    assert Pager("themes/x/", 1, 1).previous is None


def test_a_title_with_script_is_escaped() -> None:
    brief = make_brief(
        "evil", "2020", ["Dialogue <b>now</b> & later."], title="<script>alert(1)</script>"
    )
    files = render_site(link(config(), (brief,)))
    for name in ("index.html", "briefs/evil/index.html"):
        html = files[name].decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>now</b>" not in files["briefs/evil/index.html"].decode()


def test_every_sentence_is_an_element_with_its_anchor() -> None:
    site = link(config(), three_briefs())
    files = render_site(site)
    for brief in site.briefs:
        ids = parse_page(files[f"briefs/{brief.slug}/index.html"]).ids
        assert {s.anchor for s in brief.sentences} <= ids


def test_a_theme_with_more_mentions_than_a_page_holds_paginates() -> None:
    brief = make_brief("many", "2020", [f"Dialogue point {i}." for i in range(7)])
    settings = config(page_size=3)
    files = render_site(link(settings, (brief,)))
    assert {"themes/dialogue/page/2/index.html", "themes/dialogue/page/3/index.html"} <= set(files)
    assert "themes/dialogue/page/4/index.html" not in files
    middle = files["themes/dialogue/page/2/index.html"].decode()
    assert 'rel="prev" href="../../"' in middle and 'rel="next" href="../3/"' in middle
    assert middle.count("Dialogue point") == 3
    problems = link_problems(files, settings.base_url, "out")[0]
    # Only templates' pages are rendered here (no assets, feeds or search page): check page links.
    page_links = [p for p in problems if PAGE_LINK.search(p.message) and "search/" not in p.message]
    assert page_links == []


def test_two_pages_claiming_one_path_name_both_sources() -> None:
    site = link(config(), three_briefs())
    clash = replace(site.briefs[0], slug="late")
    with pytest.raises(BuildError, match="content/early.md and content/late.md"):
        render_site(replace(site, briefs=(clash, *site.briefs[1:])))


def test_bundled_site_links_all_resolve_under_a_sub_path(bundled_project: Path) -> None:
    site, files = build_files(bundled_project, "https://example.org/deep/sub/path/")
    assert len(site.briefs) >= 1
    assert link_problems(files, "https://example.org/deep/sub/path/", "out")[0] == ()
    home = files["index.html"].decode()
    assert 'href="https://example.org/deep/sub/path/"' in home
    assert 'href="/' not in home


def test_brief_page_shows_its_own_recommendation_with_addressee_and_anchor(
    bundled_project: Path,
) -> None:
    site, files = build_files(bundled_project)
    brief, rec = next((b, r) for b in site.briefs for r in b.recommendations)
    html = files[f"briefs/{brief.slug}/index.html"].decode()
    from markupsafe import escape

    assert f'<a href="#{rec.anchor}">{escape(rec.text)}</a>' in html
    assert f'id="{rec.anchor}" class="s s-rec' in html
    addressee = str(escape(rec.addressee)) if rec.addressee else "no addressee named"
    item = html.split(f'<a href="#{rec.anchor}">', 1)[1].split("</li>", 1)[0]
    assert addressee in item or all(site.actor_names[i] in item for i in rec.addressee_ids)


def golden_name(page: str) -> str:
    """Return the golden file name of an output page."""
    return page.replace("/", "__")


@pytest.mark.parametrize("page", GOLDEN_PAGES)
def test_golden_pages(page: str) -> None:
    _, files = build_files(GOLDEN_PROJECT)
    golden = GOLDEN_DIR / golden_name(page)
    actual = files[page].decode("utf-8")
    if REGENERATE:
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), str(golden), page
        )
    )
    assert not diff, (
        f"rendered page differs from its golden copy (see tests/golden/README.md)\n{diff}"
    )
