"""Tests for policysite.new and `build.py new`: a fresh content file that passes the schema."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policysite.cli import main
from policysite.load import Project, parse_source
from policysite.new import new_brief
from policysite.pipeline import build
from tests.conftest import ProjectFactory

TODAY = date(2024, 3, 9)


def test_front_matter_is_filled_in_and_passes_the_schema() -> None:
    brief = new_brief("  NATO after   Madrid: “What Next?”  ", TODAY)
    source = parse_source(brief.text, f"content/{brief.filename}")
    assert brief.filename == "2024-nato-after-madrid-what-next.md"
    assert source.meta.title == "NATO after Madrid: “What Next?”"
    assert source.meta.slug == "nato-after-madrid-what-next"
    assert source.meta.published == "2024-03-09"
    assert source.meta.authors == ()
    assert source.meta.publisher is None and source.meta.source_note is None


def test_quotes_and_colons_in_a_title_stay_valid_yaml() -> None:
    brief = new_brief('He said: "no" # not a comment', TODAY)
    assert parse_source(brief.text, "content/x.md").meta.title == 'He said: "no" # not a comment'


def test_a_title_without_letters_or_digits_is_refused() -> None:
    with pytest.raises(ValueError, match="no URL slug"):
        new_brief("?!", TODAY)


def test_command_creates_the_file_prints_it_and_the_site_builds(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project()
    assert main(["--project", str(root), "new", "A Fresh Look at Arms Control"]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("content/") and printed.endswith("-a-fresh-look-at-arms-control.md")
    assert (root / printed).is_file()
    result = build(Project.at(root))
    assert [brief.slug for brief in result.site.briefs] == ["a-fresh-look-at-arms-control"]


def test_command_refuses_to_overwrite(
    make_project: ProjectFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project()
    assert main(["--project", str(root), "new", "Same Title"]) == 0
    path = root / capsys.readouterr().out.strip()
    path.write_text("edited by hand", encoding="utf-8")
    assert main(["--project", str(root), "new", "Same Title"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "edited by hand"


def test_command_rejects_an_empty_title(make_project: ProjectFactory) -> None:
    root = make_project()
    assert main(["--project", str(root), "new", "?!"]) == 1
    assert not any(Path(root / "content").iterdir())
