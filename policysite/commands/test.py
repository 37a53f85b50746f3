"""`build.py test`: install what the tests need (Chromium where possible), then run pytest."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys

CHROMIUM = "/usr/bin/chromium"


def ensure_chromium() -> None:
    """Install Debian's chromium when it is missing and this user may (root, apt-get present)."""
    if shutil.which("chromium") or os.environ.get("POLICYSITE_SKIP_BROWSER_INSTALL") == "1":
        return
    if not shutil.which("apt-get") or os.geteuid() != 0:
        print(
            "policysite: chromium not installed; browser tests will be skipped "
            "(install it with: apt-get install chromium)",
            file=sys.stderr,
        )
        return
    print("policysite: installing chromium with apt-get (first run only)...", file=sys.stderr)
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=environment)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=environment)


def run(arguments: argparse.Namespace) -> int:
    """Run the test suite with pytest and return its exit status."""
    ensure_chromium()
    import pytest

    return int(pytest.main(list(arguments.pytest_args)))
