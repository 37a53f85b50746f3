"""Tests for policysite.config: the site.yaml schema, and that every field is documented."""

from __future__ import annotations

import pytest

from policysite.config import SiteConfig, parse_config
from policysite.errors import ConfigError
from policysite.model import FrontMatter
from policysite.schema import documented_fields
from tests.conftest import MINIMAL_SITE, REPO


def test_bundled_site_yaml_is_valid_and_defines_the_core_themes() -> None:
    config = parse_config((REPO / "site.yaml").read_text(encoding="utf-8"), "site.yaml")
    ids = {theme.id for theme in config.themes}
    assert {"founding-act", "nato-russia-council", "eastern-flank"} <= ids
    assert len(config.themes) >= 10
    assert {actor.kind for actor in config.actors} == {"state", "organisation", "person", "group"}


def test_unknown_key_is_an_error_with_line_and_suggestion() -> None:
    with pytest.raises(ConfigError) as raised:
        parse_config(MINIMAL_SITE + "page_sise: 10\n", "site.yaml")
    problem = raised.value.problems[0]
    assert problem.line == MINIMAL_SITE.count("\n") + 1
    assert "did you mean 'page_size'" in problem.message


def test_wrong_types_and_values_are_errors() -> None:
    text = MINIMAL_SITE.replace("base_url: https://example.org/sub/path/", "base_url: example.org")
    with pytest.raises(ConfigError, match="base_url: must be an absolute"):
        parse_config(text + "page_size: many\n", "site.yaml")


def test_duplicate_theme_id_is_an_error() -> None:
    doubled = MINIMAL_SITE.replace("id: arms-control", "id: founding-act")
    with pytest.raises(ConfigError, match="used twice"):
        parse_config(doubled, "site.yaml")


def test_output_dir_cannot_escape_the_project() -> None:
    with pytest.raises(ConfigError, match="output_dir: must be a relative path"):
        parse_config(MINIMAL_SITE + "output_dir: ../elsewhere\n", "site.yaml")


@pytest.mark.parametrize("schema", [SiteConfig, FrontMatter])
def test_every_field_is_documented_in_the_readme(schema: type) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, doc in documented_fields(schema):
        assert doc, f"{name} has no docstring in the schema"
        assert f"`{name}`" in readme, f"{name} is not documented in README.md"


@pytest.mark.parametrize(
    ("addition", "expected"),
    [
        ('  - id: empty\n    name: Empty\n    aliases: [""]\n', "empty phrase"),
        (
            '  - id: anything\n    name: Anything\n    patterns: ["x*"]\n',
            "matches the empty string",
        ),
        ("  - id: blank\n    name: ' '\n", "name: must not be empty"),
    ],
)
def test_vocabulary_that_would_match_everywhere_is_refused(addition: str, expected: str) -> None:
    text = MINIMAL_SITE.replace("actors:\n", addition + "actors:\n")
    with pytest.raises(ConfigError, match=expected):
        parse_config(text, "site.yaml")


def test_an_empty_site_yaml_is_an_error_not_a_crash() -> None:
    with pytest.raises(ConfigError, match="title: required key is missing"):
        parse_config("", "site.yaml")
