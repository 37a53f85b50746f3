"""Tests for policysite.incremental: only changed texts are parsed again, changed files move."""

from __future__ import annotations

import os
from pathlib import Path

from policysite.incremental import cold_build, delta, preview, refresh, scope_of, settle
from policysite.livereload import Broker, LiveSite
from policysite.load import Project
from policysite.pipeline import BuildOptions, templates
from policysite.write import write_site
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


def files_under(root: Path) -> dict[str, bytes]:
    """Return every file below root (path relative to root -> bytes)."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_an_edited_text_re_renders_its_pages_and_keeps_unrelated_ones(
    make_project: ProjectFactory,
) -> None:
    project = project_of(make_project)
    before = cold_build(project, BuildOptions())
    edited = brief("Bravo", "2016") + "\nThe Vienna Document needs an update.\n"
    touch(project.root / "content/b.md", edited)
    after = settle(refresh(project, BuildOptions(), before, scope_of(project, [])), project, before)
    assert b"Vienna Document needs an update" in after.files["briefs/bravo/index.html"]
    # Bytes carried over from the last build are the very same objects: not rendered again.
    assert after.files["briefs/alpha/index.html"] is before.files["briefs/alpha/index.html"]
    assert after.files["briefs/bravo/index.html"] is not before.files["briefs/bravo/index.html"]
    assert after.files == cold_build(project, BuildOptions()).files


def test_incremental_output_equals_a_full_build_after_a_sequence_of_edits(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    project = project_of(make_project)
    content = project.root / "content"
    options = BuildOptions(base_url="http://127.0.0.1:8000/")
    served = tmp_path / "served"
    live = LiveSite(project, options, served, Broker())
    live.start()
    edits = [
        lambda: touch(content / "b.md", brief("Bravo", "2016", "the Alliance in 1997")),
        lambda: touch(content / "d.md", brief("Delta", "2012", "New START with Moscow")),
        lambda: (content / "a.md").unlink(),
        lambda: touch(content / "c.md", brief("Charlie renamed", "2010", "Founding Act")),
        lambda: touch(content / "b.md", brief("Bravo", "2016", "the Founding Act")),
    ]
    for edit in edits:
        edit()
        lines = live.rebuild(frozenset({content / "x.md"}))
        assert not lines[0].startswith("error"), lines
    fresh = tmp_path / "fresh"
    write_site(fresh, cold_build(project, options).files)
    assert files_under(served) == files_under(fresh)


def test_a_template_change_renders_every_page_again(make_project: ProjectFactory) -> None:
    project = project_of(make_project)
    before = cold_build(project, BuildOptions())
    override = project.root / "templates" / "method.html"
    override.parent.mkdir()
    override.write_text('{% extends "default/method.html" %}', encoding="utf-8")
    scope = scope_of(project, [override])
    assert scope.everything and not scope.config
    after = settle(refresh(project, BuildOptions(), before, scope), project)
    assert after.files["briefs/alpha/index.html"] is not before.files["briefs/alpha/index.html"]
    assert after.files == before.files
