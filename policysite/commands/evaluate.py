"""`build.py evaluate`: not written yet."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the evaluate subcommand."""
    command = commands.add_parser("evaluate", help="(evaluate: coming soon)")
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Run the subcommand."""
    print("evaluate is not available yet")
    return 2
