"""Tests for export: JSON data files match their schemas and are identical across builds."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from policysite.export import export_files
from policysite.link import link
from policysite.load import Project
from policysite.pipeline import BuildOptions, configure, extract, read_sources, render
from tests.factories import config, three_briefs

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def schema(name: str) -> dict[str, object]:
    """Return one of the bundled JSON Schemas."""
    loaded: dict[str, object] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def build_all(root: Path) -> dict[str, bytes]:
    """Return every output file of a project, without writing anything."""
    project = Project.at(root)
    settings = configure(project, BuildOptions())
    return render(link(settings, extract(settings, read_sources(project, settings))), project)


@pytest.fixture
def bundled_files(bundled_project: Path) -> dict[str, bytes]:
    """Return the output files of the repository's own content."""
    return build_all(bundled_project)


def test_briefs_export_matches_its_schema(bundled_files: dict[str, bytes]) -> None:
    document = json.loads(bundled_files["data/briefs.json"])
    jsonschema.validate(document, schema("briefs.schema.json"))
    assert len(document["briefs"]) == len(
        list((Path(__file__).parent.parent / "content").glob("*.md"))
    )


def test_themes_export_matches_its_schema(bundled_files: dict[str, bytes]) -> None:
    jsonschema.validate(json.loads(bundled_files["data/themes.json"]), schema("themes.schema.json"))


def test_a_malformed_export_is_rejected() -> None:
    document = json.loads(export_files(link(config(), three_briefs()))["data/briefs.json"])
    document["briefs"][0]["recommendations"][0]["reported"] = "no"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema("briefs.schema.json"))


def test_export_content_follows_the_briefs() -> None:
    site = link(config(), three_briefs())
    briefs = json.loads(export_files(site)["data/briefs.json"])["briefs"]
    assert [b["slug"] for b in briefs] == ["early", "middle", "late"]
    late = briefs[2]
    assert late["url"] == "briefs/late/" and late["source"] == "content/late.md"
    assert late["recommendations"][0]["addressee"] == "NATO"
    assert late["recommendations"][0]["anchor"] == site.briefs[2].recommendations[0].anchor
    assert late["dates"] == [
        {
            "anchor": site.briefs[2].sentences[1].anchor,
            "origin": "extracted",
            "precision": "year",
            "relative": False,
            "text": "2014",
            "value": "2014",
        }
    ]
    themes = json.loads(export_files(site)["data/themes.json"])["themes"]
    dialogue = next(t for t in themes if t["id"] == "dialogue")
    assert [b["slug"] for b in dialogue["briefs"]] == ["early", "late"]
    assert dialogue["mentions"] == 3


def test_two_builds_are_byte_identical(bundled_project: Path) -> None:
    first, second = build_all(bundled_project), build_all(bundled_project)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []
    text = first["data/briefs.json"].decode()
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
