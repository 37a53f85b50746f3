"""The command line: subcommands, messages and exit codes (the library itself never prints)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import PolicysiteError, ProblemsError
from .load import Project
from .pipeline import BuildOptions, build

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def parser() -> argparse.ArgumentParser:
    """Return the argument parser with every subcommand."""
    main = argparse.ArgumentParser(
        prog="build.py",
        description="policysite: turn a folder of policy briefs into one cross-linked static site.",
    )
    main.add_argument("--project", type=Path, default=Path("."), help="project folder (default: .)")
    commands = main.add_subparsers(dest="command", metavar="COMMAND")
    build_command = commands.add_parser("build", help="build the site (the default command)")
    add_build_options(build_command)
    return main


def add_build_options(command: argparse.ArgumentParser) -> None:
    """Add the options every building subcommand shares."""
    command.add_argument("--base-url", help="override site.yaml's base_url")
    command.add_argument("--output", help="override site.yaml's output_dir")


def run_build(arguments: argparse.Namespace) -> int:
    """Build the site and print one summary line."""
    project = Project.at(arguments.project)
    options = BuildOptions(base_url=getattr(arguments, "base_url", None),
                           output_dir=getattr(arguments, "output", None))
    result = build(project, options)
    pages = sum(1 for name in result.files if name.endswith(".html"))
    print(
        f"built {len(result.site.briefs)} briefs, {pages} pages, {len(result.files)} files "
        f"into {project.relative(result.output_dir)}/ in {result.seconds:.2f}s"
    )
    return EXIT_OK


def report(error: PolicysiteError) -> None:
    """Print an error for a person: one line per problem, no traceback."""
    if isinstance(error, ProblemsError):
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
    else:
        print(f"error: {error}", file=sys.stderr)
    print("build aborted; the previous site, if any, is left as it was.", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    arguments = parser().parse_args(argv)
    command = arguments.command or "build"
    handlers = {"build": run_build}
    try:
        return handlers[command](arguments)
    except PolicysiteError as error:
        report(error)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
