"""`build.py new "Title"`: create a content file with its front matter filled in."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from ..load import Project, parse_source, read_config
from ..new import new_brief


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the new subcommand."""
    command = commands.add_parser(
        "new", help="create a content file for a new brief, its front matter ready to complete"
    )
    command.add_argument("title", help='title of the brief, e.g. "NATO after Madrid"')
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Create the file (never overwriting one) and print its path."""
    project = Project.at(arguments.project)
    config = read_config(project)
    try:
        brief = new_brief(arguments.title, date.today())
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    target = project.root / config.content_dir / brief.filename
    label = project.relative(target)
    # Checked before writing: a file that would not build is never created.
    parse_source(brief.text, label, frozenset(theme.id for theme in config.themes))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as stream:
            stream.write(brief.text)
    except FileExistsError:
        print(
            f"error: {label} already exists; not overwriting it (choose another title)",
            file=sys.stderr,
        )
        return 1
    print(label)
    return 0
