"""Tests for policysite.incremental: only changed texts are parsed again, changed files move."""

from __future__ import annotations

import os
from pathlib import Path

from policysite.incremental import cold_build, delta, preview, refresh, scope_of
from policysite.load import Project
from policysite.pipeline import BuildOptions, templates
from tests.conftest import ProjectFactory

BRIEF = """\
---
title: "{title}"
published: "{date}"
---

NATO should keep the Founding Act alive. Russia has broken arms control treaties since {date}.

Moscow and the Alliance still talk in the NATO-Russia Council about {topic}.
"""


def brief(title: str, date: str, topic: str = "risk reduction") -> str:
    """Return a small content file."""
    return BRIEF.format(title=title, date=date, topic=topic)


def project_of(make_project: ProjectFactory) -> Project:
    """Return a project of three briefs."""
    root = make_project(
        {
            "content/a.md": brief("Alpha", "2014"),
            "content/b.md": brief("Bravo", "2016"),
            "content/c.md": brief("Charlie", "2018"),
        }
    )
    return Project.at(root)


def touch(path: Path, text: str) -> None:
    """Rewrite a file and move its modification time on, so a stat sees the change."""
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_an_edit_re_extracts_only_that_brief(make_project: ProjectFactory) -> None:
    project = project_of(make_project)
    before = cold_build(project, BuildOptions())
    touch(project.root / "content/b.md", brief("Bravo", "2016", "missile defence"))
    state = refresh(project, BuildOptions(), before, scope_of(project, []))
    assert [b.slug for b in state.fresh] == ["bravo"]
    unchanged = {b.slug: b for b in state.briefs.values() if b.slug != "bravo"}
    assert all(b is before.briefs[b.source.content_hash] for b in unchanged.values())


def test_a_save_without_change_parses_nothing(make_project: ProjectFactory) -> None:
    project = project_of(make_project)
    before = cold_build(project, BuildOptions())
    touch(project.root / "content/a.md", brief("Alpha", "2014"))
    state = refresh(
        project, BuildOptions(), before, scope_of(project, [project.root / "content/a.md"])
    )
    assert state.fresh == ()


def test_a_site_yaml_change_re_extracts_everything(make_project: ProjectFactory) -> None:
    project = project_of(make_project)
    before = cold_build(project, BuildOptions())
    text = project.config_path.read_text(encoding="utf-8").replace("Test site", "Renamed site")
    touch(project.config_path, text)
    scope = scope_of(project, [project.config_path])
    assert scope.config
    state = refresh(project, BuildOptions(), before, scope)
    assert state.config.title == "Renamed site"
    assert len(state.fresh) == 3


def test_preview_renders_only_the_edited_briefs_pages(make_project: ProjectFactory) -> None:
    project = project_of(make_project)
    before = cold_build(project, BuildOptions())
    touch(project.root / "content/c.md", brief("Charlie", "2018", "the Vienna Document"))
    state = refresh(project, BuildOptions(), before, scope_of(project, []))
    pages = preview(before, state, project, templates(project))
    assert pages and all(path.startswith("briefs/charlie/") for path in pages)
    assert b"Vienna Document" in pages["briefs/charlie/index.html"]


def test_delta_lists_changed_new_and_vanished_files() -> None:
    change = delta({"a": b"1", "b": b"2", "c": b"3"}, {"a": b"1", "b": b"9", "d": b"4"})
    assert change.written == {"b": b"9", "d": b"4"}
    assert change.removed == ("c",)


def test_removing_a_file_removes_its_brief(make_project: ProjectFactory) -> None:
    project = project_of(make_project)
    before = cold_build(project, BuildOptions())
    (project.root / "content/a.md").unlink()
    state = refresh(project, BuildOptions(), before, scope_of(project, []))
    assert sorted(b.slug for b in state.briefs.values()) == ["bravo", "charlie"]
