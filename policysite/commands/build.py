"""`build.py build`: build the site once and print a one-line summary."""

from __future__ import annotations

import argparse

from ..load import Project
from ..pipeline import BuildOptions, BuildResult, build


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the build subcommand."""
    command = commands.add_parser(
        "build", help="build the site into the output directory (default)"
    )
    add_build_options(command)
    command.set_defaults(run=run)


def add_build_options(command: argparse.ArgumentParser) -> None:
    """Add the options every building subcommand shares."""
    command.add_argument(
        "--base-url", help="override site.yaml's base_url (e.g. https://host/sub/path/)"
    )
    command.add_argument("--output", help="override site.yaml's output_dir")


def options_from(arguments: argparse.Namespace) -> BuildOptions:
    """Return the BuildOptions the command line asked for."""
    return BuildOptions(
        base_url=getattr(arguments, "base_url", None), output_dir=getattr(arguments, "output", None)
    )


def summary(result: BuildResult, project: Project) -> str:
    """Return the one-line summary of a build."""
    pages = sum(1 for name in result.files if name.endswith(".html"))
    return (
        f"built {len(result.site.briefs)} briefs, {pages} pages, {len(result.files)} files "
        f"into {project.relative(result.output_dir)}/ in {result.seconds:.2f}s"
    )


def run(arguments: argparse.Namespace) -> int:
    """Build the site and print one summary line."""
    project = Project.at(arguments.project)
    result = build(project, options_from(arguments))
    print(summary(result, project))
    return 0
