"""`build.py new`: not written yet."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the new subcommand."""
    command = commands.add_parser("new", help="(new: coming soon)")
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Run the subcommand."""
    print("new is not available yet")
    return 2
