"""Write: put rendered pages into the output directory atomically (the only writer)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from .errors import BuildError


def safe_output_path(root: Path, relative: str) -> Path:
    """Return root/relative, refusing any path that would leave root."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in relative:
        raise BuildError(f"refusing to write outside the output directory: {relative!r}")
    target = (root / pure).resolve()
    if not target.is_relative_to(root.resolve()):
        raise BuildError(f"refusing to write outside the output directory: {relative!r}")
    return target


def write_tree(root: Path, files: Mapping[str, bytes]) -> None:
    """Write files (relative POSIX path -> bytes) under root."""
    for relative in sorted(files):
        target = safe_output_path(root, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[relative])


def write_site(output_dir: Path, files: Mapping[str, bytes]) -> None:
    """Write a whole site to a temporary sibling directory, then swap it into place."""
    output_dir = output_dir.resolve()
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.new-", dir=output_dir.parent))
    try:
        write_tree(staging, files)
        staging.chmod(0o755)
        swap_into_place(staging, output_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap_into_place(staging: Path, output_dir: Path) -> None:
    """Replace output_dir by staging with two renames, removing the old site afterwards."""
    retired = output_dir.with_name(f".{output_dir.name}.old-{os.getpid()}")
    if output_dir.exists():
        shutil.rmtree(retired, ignore_errors=True)
        output_dir.rename(retired)
    staging.rename(output_dir)
    shutil.rmtree(retired, ignore_errors=True)


def update_files(
    output_dir: Path, files: Mapping[str, bytes], removed: tuple[str, ...] = ()
) -> None:
    """Rewrite only the given files of an existing site in place (watch mode), each atomically."""
    for relative in sorted(files):
        target = safe_output_path(output_dir, relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(files[relative])
        temporary.replace(target)
    for relative in removed:
        safe_output_path(output_dir, relative).unlink(missing_ok=True)
