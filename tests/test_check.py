"""Tests for check: site warnings, link and anchor crawling, feed and sitemap, HTML validation."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from policysite import check
from policysite.audit import site_warnings
from policysite.check import (
    JAVA_MISSING,
    check_project,
    html_problems,
    link_problems,
    listing_problems,
    verify_output,
)
from policysite.cli import main
from policysite.load import Project
from policysite.pipeline import build
from tests.conftest import MINIMAL_SITE, ProjectFactory
from tests.test_feeds import make_site

BOTH = (
    "---\ntitle: Both themes\npublished: 2016\n---\n"
    "NATO should honour the Founding Act and arms control.\n"
)
ONLY_ACT = "---\ntitle: Only the act\npublished: 2017\n---\nRussia cites the Founding Act.\n"
BASE = "https://h.org/sub/"
needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="java is not installed")


def messages(problems: tuple[check.Problem, ...]) -> str:
    """Return all problems as one text, for substring assertions."""
    return "\n".join(str(problem) for problem in problems)


def test_a_clean_site_has_no_warnings(make_project: ProjectFactory) -> None:
    assert site_warnings(make_site(make_project({"content/a.md": BOTH}))) == ()


def test_a_theme_never_mentioned_is_a_warning(make_project: ProjectFactory) -> None:
    warnings = site_warnings(make_site(make_project({"content/a.md": ONLY_ACT})))
    assert [str(w) for w in warnings] == [
        "site.yaml: themes: 'arms-control' is never mentioned in any brief"
    ]


def test_an_alias_claimed_by_two_actors_is_a_warning(make_project: ProjectFactory) -> None:
    site_yaml = MINIMAL_SITE + "  - name: Kremlin\n    kind: organisation\n    aliases: [Moscow]\n"
    site = make_site(make_project({"content/a.md": BOTH}, site=site_yaml))
    assert "actors: the alias 'Moscow' is claimed by Kremlin and Russia" in messages(
        site_warnings(site)
    )


def test_two_briefs_with_one_slug_are_a_warning_for_each(make_project: ProjectFactory) -> None:
    site = make_site(make_project({"content/a.md": BOTH, "content/b.md": ONLY_ACT}))
    first, second = site.briefs
    clash = replace(site, briefs=(replace(first, slug="same"), replace(second, slug="same")))
    warnings = site_warnings(clash)
    assert "content/a.md: slug 'same' is also used by content/b.md" in messages(warnings)
    assert "content/b.md: slug 'same' is also used by content/a.md" in messages(warnings)


def test_links_fragments_and_assets_are_resolved() -> None:
    files = {
        "index.html": b'<a href="briefs/x/#s-1">ok</a>\n<a href="briefs/x/#gone">bad</a>\n'
        b'<img src="static/missing.png"><a href="https://elsewhere.org/">ext</a>'
        b'<link rel="canonical" href="https://h.org/sub/briefs/x/"><a href="../../out">x</a>',
        "briefs/x/index.html": b'<p id="s-1">Text</p><a href="../../">home</a><a href="#s-1">me</a>'
        b'<link href="/sub/static/site.css" rel="stylesheet"><form action="/sub/search/"></form>',
        "static/site.css": b"body { background: url('../img/none.png'); }",
    }
    problems, count = link_problems(files, BASE, "_site")
    text = messages(problems)
    assert "_site/index.html:2: link 'briefs/x/#gone': no element with id 'gone'" in text
    assert "link 'static/missing.png' points at a missing file" in text
    assert "link '../../out' leaves the site" in text
    assert "_site/briefs/x/index.html:1: link '/sub/search/' points at a missing file" in text
    assert "_site/static/site.css:1: link '../img/none.png' points at a missing file" in text
    assert len(problems) == 5
    assert count == 11


def test_feed_and_sitemap_must_be_well_formed_and_list_existing_pages() -> None:
    files = {
        "index.html": b"<p>home</p>",
        "feed.xml": b'<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://h.org/sub/"/>'
        b'<entry><link href="https://h.org/sub/briefs/gone/"/></entry></feed>',
        "sitemap.xml": b"<urlset><url><loc>https://h.org/sub/</loc></url>",
        "robots.txt": b"User-agent: *\n",
    }
    text = messages(listing_problems(files, BASE, "_site"))
    assert (
        "_site/feed.xml: lists https://h.org/sub/briefs/gone/, which is not a page of the site"
        in text
    )
    assert "_site/sitemap.xml:1: not well-formed XML" in text
    assert "_site/robots.txt: missing or lacks 'Sitemap: https://h.org/sub/sitemap.xml'" in text


def test_missing_java_fails_with_install_instructions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(check.shutil, "which", lambda name: None)
    problems = html_problems(tmp_path, "_site")
    assert [p.message for p in problems] == [JAVA_MISSING]
    assert "apt-get install openjdk-17-jre-headless" in JAVA_MISSING


@needs_java
def test_the_validator_reports_invalid_html_with_file_and_line(tmp_path: Path) -> None:
    good = (
        '<!DOCTYPE html>\n<html lang="en"><head><title>t</title></head>'
        "<body><p>ok</p></body></html>\n"
    )
    (tmp_path / "good.html").write_text(good)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.html").write_text(
        good.replace("<p>ok</p>", "<p>ok</p>\n<div><li>x</div>")
    )
    problems = html_problems(tmp_path, "_site")
    assert problems and all(p.path == "_site/sub/bad.html" for p in problems)
    assert problems[0].line == 3
    assert problems[0].message.startswith("invalid HTML: ")


def test_check_stops_on_warnings_before_writing(make_project: ProjectFactory) -> None:
    root = make_project({"content/a.md": ONLY_ACT})
    result = check_project(Project.at(root))
    assert "never mentioned" in messages(result.problems)
    assert not (root / "_site").exists()


@needs_java
def test_check_passes_a_good_build(make_project: ProjectFactory) -> None:
    root = make_project({"content/a.md": BOTH, "content/b.md": ONLY_ACT})
    good = check_project(Project.at(root))
    assert good.problems == (), messages(good.problems)
    assert good.pages >= 5 and good.links > 50


@needs_java
def test_check_reports_each_breakage_of_the_output(make_project: ProjectFactory) -> None:
    root = make_project({"content/a.md": BOTH, "content/b.md": ONLY_ACT})
    build(Project.at(root))
    site = root / "_site"
    brief = next(site.glob("briefs/*/index.html"))
    html = brief.read_text()
    anchor = html.split('id="s-', 1)[1].split('"', 1)[0]
    brief.write_text(
        html.replace(f'id="s-{anchor}"', 'id="renamed"', 1).replace("</main>", "<main></main>", 1)
    )
    (site / "static" / "js" / "search.js").unlink()
    (site / "sitemap.xml").write_text("<urlset>")
    text = messages(verify_output(site, "https://example.org/sub/path/", "_site").problems)
    assert f"no element with id 's-{anchor}'" in text
    assert "static/js/search.js' points at a missing file" in text
    assert "invalid HTML" in text and brief.relative_to(root).as_posix() in text
    assert "_site/sitemap.xml:1: not well-formed XML" in text


def test_check_command_lists_problems_and_exits_nonzero(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project({"content/a.md": ONLY_ACT})
    assert main(["--project", str(root), "check"]) == 1
    captured = capsys.readouterr()
    assert (
        "error: site.yaml: themes: 'arms-control' is never mentioned in any brief" in captured.err
    )
    assert "check failed: 1 problem(s)" in captured.err
