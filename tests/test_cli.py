"""Tests for the command line: exit codes and messages for a person, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, ProjectFactory

GOOD = "---\ntitle: Good brief\npublished: 2016\n---\nNATO should talk to Russia.\n"


def run_cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    """Run build.py in a subprocess (no bootstrap: this interpreter already has the project)."""
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), *arguments],
        capture_output=True,
        text=True,
        env={"POLICYSITE_NO_BOOTSTRAP": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_help_lists_every_subcommand() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("build", "serve", "new", "evaluate", "check", "test"):
        assert command in result.stdout


def test_build_prints_one_summary_line(make_project: ProjectFactory) -> None:
    root = make_project({"content/good.md": GOOD})
    result = run_cli("--project", str(root))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("built 1 briefs")
    assert (root / "_site" / "index.html").is_file()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("bad.md", b"---\ntitle: [unclosed\n---\nBody.\n", "content/bad.md:2"),
        ("latin.md", b"---\ntitle: x\n---\ncaf\xe9\n", "content/latin.md:4"),
        ("empty.md", b"", "content/empty.md:1: file is empty"),
        ("theme.md", b"---\ntitle: x\nthemes: [nope]\n---\nBody.\n", "content/theme.md:3"),
    ],
)
def test_bad_content_names_file_and_line_and_keeps_the_old_site(
    make_project: ProjectFactory, name: str, data: bytes, expected: str
) -> None:
    root = make_project({"content/good.md": GOOD})
    assert run_cli("--project", str(root)).returncode == 0
    before = (root / "_site" / "index.html").read_bytes()
    (root / "content" / name).write_bytes(data)
    result = run_cli("--project", str(root))
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert (root / "_site" / "index.html").read_bytes() == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith((".", "_"))) == ["_site"]


def test_bad_site_yaml_is_reported_with_its_line(make_project: ProjectFactory) -> None:
    root = make_project({"content/good.md": GOOD})
    with (root / "site.yaml").open("a") as site:
        site.write("colour: blue\n")
    result = run_cli("--project", str(root))
    assert result.returncode == 1
    assert "site.yaml:" in result.stderr and "colour: unknown key" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_project_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("--project", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "site.yaml" in result.stderr and "not found" in result.stderr


def test_strict_site_fails_on_warnings_and_writes_nothing(make_project: ProjectFactory) -> None:
    root = make_project({"content/good.md": GOOD})
    with (root / "site.yaml").open("a") as site:
        site.write("strict: true\n")
    result = run_cli("--project", str(root))
    assert result.returncode == 1
    assert "'founding-act' is never mentioned in any brief" in result.stderr
    assert not (root / "_site").exists()


@pytest.mark.parametrize(
    ("arguments", "site_line", "expected"),
    [
        ((), "output_dir: .\n", "would replace"),
        ((), "output_dir: content\n", "would replace"),
        (("build", "--output", ".."), "", "--output: output_dir '..' would replace"),
        (("build", "--output", "site.yaml"), "", "would replace site.yaml"),
        (("build", "--base-url", "foo"), "", "--base-url: must be an absolute"),
    ],
)
def test_output_and_base_url_that_would_do_harm_are_refused(
    make_project: ProjectFactory, arguments: tuple[str, ...], site_line: str, expected: str
) -> None:
    root = make_project({"content/good.md": GOOD})
    with (root / "site.yaml").open("a") as site:
        site.write(site_line)
    before = sorted(p.name for p in root.iterdir())
    result = run_cli("--project", str(root), *arguments)
    assert result.returncode == 1
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in root.iterdir()) == before
    assert (root / "content" / "good.md").read_text(encoding="utf-8") == GOOD


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\n---\nBody.\n", "title: required key is missing"),
        ("---\ntitle: x\npublished: 2016-02-30\n---\nBody.\n", "is not a real date"),
        ('---\ntitle: "  "\n---\nBody.\n', "title: must not be empty"),
        ('---\ntitle: x\nslug: "../../x"\n---\nBody.\n', "slug: must be lowercase"),
        ("---\ntitle: x\ntitle: y\n---\nBody.\n", "title: key given twice"),
        ("---\ntitle: x\ncorrections:\n  add_claims: [{}]\n---\nBody.\n", "exactly one of"),
    ],
)
def test_front_matter_mistakes_are_clear_errors(
    make_project: ProjectFactory, text: str, expected: str
) -> None:
    root = make_project({"content/x.md": text})
    result = run_cli("--project", str(root))
    assert result.returncode == 1
    assert "content/x.md:" in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr


def test_a_template_that_is_not_utf8_is_a_clear_error(make_project: ProjectFactory) -> None:
    root = make_project({"content/good.md": GOOD, "templates/home.html": b"\xff{{ x }}"})
    result = run_cli("--project", str(root))
    assert result.returncode == 1
    assert "not valid UTF-8" in result.stderr and "Traceback" not in result.stderr
