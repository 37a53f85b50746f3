"""Case files for the extraction tests: title, input text, expected items, with line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from policysite.config import SiteConfig, parse_config
from policysite.extract import compile_vocabulary, extract_brief
from policysite.model import Brief, FrontMatter, Source

CASES = Path(__file__).parent / "fixtures" / "extraction"
SITE = """\
title: Extraction cases
themes:
  - id: founding-act
    name: NATO-Russia Founding Act
    aliases: ["Founding Act"]
  - id: arms-control
    name: Arms control
    aliases: ["arms control", "New START", "START"]
  - id: summits
    name: Summits
    aliases: ["summit"]
actors:
  - name: NATO
    kind: organisation
    aliases: ["the Alliance", "Allies", "NATO member states"]
  - name: Russia
    kind: state
    aliases: ["Moscow", "Russian Federation"]
  - name: United States
    kind: state
    aliases: ["US", "U.S.", "Washington"]
  - name: European allies
    kind: group
    aliases: ["European allies"]
  - name: Jens Stoltenberg
    kind: person
    aliases: ["Stoltenberg"]
  - name: Joe Biden
    kind: person
    aliases: ["Biden"]
"""


@dataclass(frozen=True)
class Case:
    """One case: where it stands in its file, its input and what extraction must find."""

    file: str
    line: int
    title: str
    text: str
    published: str | None
    expect: Any

    def __str__(self) -> str:
        return f"{self.file}:{self.line} {self.title}"


class LineLoader(yaml.SafeLoader):
    """A YAML loader that records each mapping's line as '__line__'."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def load_cases(name: str) -> list[Case]:
    """Return the cases of one case file in tests/fixtures/extraction/."""
    path = CASES / name
    items = yaml.load(path.read_text(encoding="utf-8"), Loader=LineLoader)
    return [
        Case(name, i["__line__"], i["title"], i["text"], i.get("published"), i["expect"])
        for i in items
    ]


def site_config() -> SiteConfig:
    """Return the small site configuration every case is extracted with."""
    return parse_config(SITE, "cases-site.yaml")


def extract(text: str, published: str | None = None, meta: FrontMatter | None = None) -> Brief:
    """Return the brief extracted from a Markdown body."""
    config = site_config()
    front = meta or FrontMatter(title="Case", published=published)
    source = Source("content/case.md", "markdown", front, text, 1, "")
    return extract_brief(source, config, compile_vocabulary(config))


def strip_lines(value: Any) -> Any:
    """Return value with the '__line__' keys the loader added removed."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value
