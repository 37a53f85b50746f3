"""Tests that two builds of the same input are byte-identical, search index included."""

from __future__ import annotations

from pathlib import Path

from policysite.check import read_output
from policysite.load import Project
from policysite.pipeline import BuildOptions, build


def test_two_builds_of_the_bundled_content_are_byte_identical(bundled_project: Path) -> None:
    project = Project.at(bundled_project)
    build(project, BuildOptions(output_dir="first"))
    build(project, BuildOptions(output_dir="second"))
    first, second = read_output(bundled_project / "first"), read_output(bundled_project / "second")
    assert sorted(first) == sorted(second)
    differing = [path for path in first if first[path] != second[path]]
    assert differing == []
    indexed = [path for path in first if path.startswith("pagefind/") and "filter/" in path]
    assert indexed, "the Pagefind bundle (with its filter files) is part of the comparison"
    assert {"feed.xml", "sitemap.xml", "pagefind/pagefind-entry.json"} <= set(first)
