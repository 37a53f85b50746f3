"""Tests for policysite.load: front matter, encodings and clear errors with file and line."""

from __future__ import annotations

import pytest

from policysite.errors import ContentError
from policysite.load import parse_source, read_source
from tests.conftest import ProjectFactory

BRIEF = """---
title: A brief
authors: [Ann Author]
published: 2016-05
themes: [founding-act]
---
NATO should revise the Founding Act.
"""


def test_front_matter_is_read_with_partial_date_kept_as_written() -> None:
    source = parse_source(BRIEF, "content/a.md", frozenset({"founding-act"}))
    assert source.meta.title == "A brief"
    assert source.meta.authors == ("Ann Author",)
    assert source.meta.published == "2016-05"
    assert source.body.strip() == "NATO should revise the Founding Act."
    assert source.body_line == 7


def test_unknown_front_matter_key_names_line_and_suggests() -> None:
    text = BRIEF.replace("authors:", "author:")
    with pytest.raises(ContentError) as raised:
        parse_source(text, "content/a.md", frozenset({"founding-act"}))
    problem = raised.value.problems[0]
    assert (problem.path, problem.line) == ("content/a.md", 3)
    assert "did you mean 'authors'" in problem.message


def test_malformed_yaml_names_its_line() -> None:
    text = "---\ntitle: ok\nauthors: [unclosed\n---\nBody.\n"
    with pytest.raises(ContentError) as raised:
        parse_source(text, "content/bad.md")
    assert raised.value.problems[0].line is not None
    assert raised.value.problems[0].line >= 3
    assert "malformed YAML" in raised.value.problems[0].message


def test_unknown_theme_in_front_matter_is_an_error_with_its_line() -> None:
    with pytest.raises(ContentError) as raised:
        parse_source(
            BRIEF.replace("[founding-act]", "[founding-akt]"),
            "content/a.md",
            frozenset({"founding-act"}),
        )
    problem = raised.value.problems[0]
    assert problem.line == 5
    assert "did you mean 'founding-act'" in problem.message


def test_bad_date_is_rejected() -> None:
    with pytest.raises(ContentError, match="published: must be YYYY"):
        parse_source(
            BRIEF.replace("2016-05", "May 2016"), "content/a.md", frozenset({"founding-act"})
        )


def test_empty_file_is_an_error() -> None:
    with pytest.raises(ContentError, match="file is empty"):
        parse_source("  \n\n", "content/empty.md")


def test_not_utf8_names_the_line(make_project: ProjectFactory) -> None:
    root = make_project({"content/latin1.md": b"---\ntitle: x\n---\nline one\ncaf\xe9\n"})
    with pytest.raises(ContentError) as raised:
        read_source(root / "content/latin1.md", "content/latin1.md")
    assert raised.value.problems[0].line == 5
    assert "not valid UTF-8" in raised.value.problems[0].message
