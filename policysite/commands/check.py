"""`build.py check`: not written yet."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the check subcommand."""
    command = commands.add_parser("check", help="(check: coming soon)")
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Run the subcommand."""
    print("check is not available yet")
    return 2
