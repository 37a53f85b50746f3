"""Tests for policysite.write: atomic swap, and no path outside the output directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from policysite.errors import BuildError
from policysite.write import safe_output_path, update_files, write_site


def test_site_is_swapped_in_whole(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    write_site(out, {"index.html": b"one", "a/b.html": b"two"})
    write_site(out, {"index.html": b"three"})
    assert (out / "index.html").read_bytes() == b"three"
    assert not (out / "a").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["_site"]


@pytest.mark.parametrize("bad", ["../x.html", "/etc/passwd", "a/../../x", "", "a\\..\\x"])
def test_paths_that_escape_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(BuildError):
        safe_output_path(tmp_path, bad)


def test_failed_write_leaves_the_previous_site(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    write_site(out, {"index.html": b"good"})
    with pytest.raises(BuildError):
        write_site(out, {"index.html": b"new", "../escape.html": b"x"})
    assert (out / "index.html").read_bytes() == b"good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site"]


def test_update_files_rewrites_and_removes_in_place(tmp_path: Path) -> None:
    write_site(tmp_path / "s", {"a.html": b"1", "b.html": b"2"})
    update_files(tmp_path / "s", {"a.html": b"9"}, removed=("b.html",))
    assert (tmp_path / "s" / "a.html").read_bytes() == b"9"
    assert not (tmp_path / "s" / "b.html").exists()
