"""`build.py serve`: not written yet."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the serve subcommand."""
    command = commands.add_parser("serve", help="(serve: coming soon)")
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Run the subcommand."""
    print("serve is not available yet")
    return 2
