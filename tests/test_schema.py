"""Tests for policysite.schema: YAML read against dataclasses, every problem with its line."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from policysite.schema import SchemaProblems, documented_fields, option, parse_yaml, read_dataclass


@dataclass(frozen=True)
class Inner:
    """A nested schema."""

    name: str = option("A name.")
    count: int = option("A count.", default=1)


@dataclass(frozen=True)
class Outer:
    """A schema with every supported field type."""

    title: str = option("Title.")
    flag: bool = option("A flag.", default=False)
    items: tuple[Inner, ...] = option("Items.", default=())
    when: str | None = option("A date kept as written.", default=None)


def read(text: str) -> Outer:
    """Return an Outer read from YAML text."""
    return read_dataclass(Outer, parse_yaml(text, "x.yaml").root, "x.yaml")


def test_values_are_read_and_strings_keep_their_spelling() -> None:
    value = read("title: T\nflag: true\nwhen: 2016-05-01\nitems:\n  - name: a\n    count: 3\n")
    assert value == Outer("T", True, (Inner("a", 3),), "2016-05-01")


def test_every_problem_is_reported_at_once_with_lines() -> None:
    with pytest.raises(SchemaProblems) as raised:
        read("titel: T\nflag: maybe\nitems:\n  - count: x\n")
    found = {(problem.line, problem.message.split(":")[0]) for problem in raised.value.problems}
    assert (1, "titel") in found
    assert (2, "flag") in found
    assert (4, "items[0].count") in found
    assert (4, "items[0].name") in found
    assert any("did you mean 'title'" in p.message for p in raised.value.problems)
    assert any(p.message == "title: required key is missing" for p in raised.value.problems)


def test_a_mapping_where_a_string_belongs_is_a_type_error() -> None:
    with pytest.raises(SchemaProblems, match="title: expected a string"):
        read("title: {a: 1}\n")


def test_documented_fields_walks_nested_schemas() -> None:
    names = dict(documented_fields(Outer))
    assert names["items.count"] == "A count."
    assert all(doc for doc in names.values())


def test_mutable_defaults_are_refused() -> None:
    with pytest.raises(TypeError):
        option("bad", default=[])
