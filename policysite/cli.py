"""The command line: subcommands, messages and exit codes (the library itself never prints)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .commands import build, check, evaluate, new, serve
from .errors import PolicysiteError, ProblemsError

COMMANDS = (build, serve, new, evaluate, check)


def parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand."""
    main = argparse.ArgumentParser(
        prog="build.py",
        description="policysite: turn a folder of policy briefs into one cross-linked static site.",
        epilog="With no command, build.py builds the site. "
        "`build.py COMMAND --help` explains each command's options.",
    )
    main.add_argument(
        "--project",
        type=Path,
        default=Path("."),
        help="project folder holding site.yaml (default: .)",
    )
    main.set_defaults(run=build.run, base_url=None, output=None)
    commands = main.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands)
    tests = commands.add_parser(
        "test", help="run the test suite (sets up .venv with the test tools and Chromium first)"
    )
    tests.add_argument("pytest_args", nargs=argparse.REMAINDER, help="arguments passed to pytest")
    return main


def report(error: PolicysiteError) -> None:
    """Print an error for a person: one line per problem, no traceback."""
    if isinstance(error, ProblemsError):
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
    else:
        print(f"error: {error}", file=sys.stderr)
    print("aborted: nothing was written; the previous site, if any, is unchanged.", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    arguments = parser().parse_args(argv)
    if arguments.command == "test":
        from .commands.test import run as run_tests

        return run_tests(arguments)
    try:
        return int(arguments.run(arguments))
    except PolicysiteError as error:
        report(error)
        return 1
    except KeyboardInterrupt:
        return 130
