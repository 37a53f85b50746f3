#!/usr/bin/env python3
"""policysite's command line: `python build.py --help` lists every subcommand.

On a fresh machine the first run creates `.venv/` beside this file, installs the
project into it, and re-runs itself there; later runs start at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
VENV_PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".policysite-installed"
NEEDS_TESTS = {"test"}


def inside_project_venv() -> bool:
    """Return whether this interpreter is the project's own virtual environment."""
    return Path(sys.prefix).resolve() == VENV.resolve()


def ensure_environment(with_tests: bool) -> None:
    """Create .venv and install the project (with test extras when asked) unless already done."""
    version = str((HERE / "pyproject.toml").stat().st_mtime_ns)
    installed = STAMP.read_text().split(":") if STAMP.exists() else []
    if installed[:1] == [version] and (not with_tests or "test" in installed):
        return
    if not VENV_PYTHON.exists():
        print("policysite: creating .venv (first run only)...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f"{HERE}[test]" if with_tests else str(HERE)
    print("policysite: installing dependencies into .venv...", file=sys.stderr)
    pip = [str(VENV_PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-e", target], check=True, cwd=HERE)
    STAMP.write_text(f"{version}:test" if with_tests else version)


def main() -> int:
    """Set up the environment when needed, then run the command line inside it."""
    wants_tests = bool(NEEDS_TESTS & set(sys.argv[1:2]))
    if os.environ.get("POLICYSITE_NO_BOOTSTRAP") != "1":
        ensure_environment(wants_tests)
        if not inside_project_venv():
            os.execv(
                str(VENV_PYTHON), [str(VENV_PYTHON), str(Path(__file__).resolve()), *sys.argv[1:]]
            )
    sys.path.insert(0, str(HERE))
    from policysite.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
