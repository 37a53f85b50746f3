"""Shared fixtures: a throwaway project built under tmp_path, and the repository's paths."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"

MINIMAL_SITE = """\
title: Test site
base_url: https://example.org/sub/path/
themes:
  - id: founding-act
    name: NATO-Russia Founding Act
    aliases: ["Founding Act"]
  - id: arms-control
    name: Arms control
    aliases: ["arms control", "New START"]
actors:
  - name: NATO
    kind: organisation
    aliases: ["the Alliance"]
  - name: Russia
    kind: state
    aliases: ["Moscow"]
"""

ProjectFactory = Callable[..., Path]


@pytest.fixture
def make_project(tmp_path: Path) -> ProjectFactory:
    """Return a function that writes a project (site.yaml + content files) and returns its root."""

    def factory(files: dict[str, str | bytes] | None = None, site: str = MINIMAL_SITE) -> Path:
        root = tmp_path / "project"
        (root / "content").mkdir(parents=True, exist_ok=True)
        (root / "site.yaml").write_text(site, encoding="utf-8")
        for name, text in (files or {}).items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        return root

    return factory


@pytest.fixture
def bundled_project(tmp_path: Path) -> Path:
    """Return a copy of the repository's own project (site.yaml, content, templates, static)."""
    root = tmp_path / "bundled"
    root.mkdir()
    for name in ("site.yaml",):
        shutil.copy(REPO / name, root / name)
    for name in ("content", "templates", "static"):
        shutil.copytree(REPO / name, root / name)
    return root
