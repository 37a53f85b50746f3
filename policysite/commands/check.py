"""`build.py check`: build in strict mode, verify every link, page, feed and sitemap, report."""

from __future__ import annotations

import argparse
import sys

from ..check import check_project, sorted_problems
from ..load import Project
from .build import add_build_options, options_from


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the check subcommand."""
    command = commands.add_parser(
        "check",
        help="build strictly, then verify links, anchors, assets, HTML validity, feed and sitemap",
        description="Build the site with warnings as errors, then verify the output: every "
        "internal link, fragment and asset resolves, every page passes the Nu Html Checker "
        "(needs Java 17+), and the feed and sitemap are well-formed and list only existing "
        "pages. Exits 1 on any problem.",
    )
    add_build_options(command)
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Check the site, print each problem (or one OK line) and return the exit status."""
    project = Project.at(arguments.project)
    result = check_project(project, options_from(arguments))
    if result.problems:
        for problem in sorted_problems(result.problems):
            print(f"error: {problem}", file=sys.stderr)
        print(f"check failed: {len(result.problems)} problem(s)", file=sys.stderr)
        return 1
    print(
        f"check OK: {result.pages} pages valid, {result.links} links and anchors resolve, "
        "feed and sitemap well-formed, no warnings"
    )
    return 0
