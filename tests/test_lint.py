"""The style gate: ruff (lint and format) and mypy strict are clean, as pyproject configures."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def tool(name: str) -> str:
    """Return the path of a tool installed beside this interpreter, or skip when it is absent."""
    path = shutil.which(name, path=str(Path(sys.executable).parent))
    if path is None:
        pytest.skip(f"{name} is not installed (python3 build.py test installs it)")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "policysite", "tests", "bench", "build.py"],
        ["ruff", "format", "--check", "policysite", "tests", "bench", "build.py"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_is_clean(command: list[str]) -> None:
    result = subprocess.run(
        [tool(command[0]), *command[1:]], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
