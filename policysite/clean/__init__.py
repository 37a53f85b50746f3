"""Clean: turn raw text pasted from a web page into a titled Markdown body, furniture removed.

Every non-empty line gets a role (rules.py: pattern tables; layout.py: position). Body lines
become Markdown (markdown.py); title, byline, dateline, biography and provenance lines become
front matter (meta.py); every other removed line is furniture. The title line is the only
removed line not listed as furniture. A "Policy Brief: Title" line yields the title without
its genre label, and `inferred` records the label.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ContentError
from ..model import FrontMatter
from .layout import roles_of, units_of
from .markdown import body_markdown
from .meta import infer_meta

__all__ = ["CleanedText", "clean_pasted_text"]


@dataclass(frozen=True)
class CleanedText:
    """What cleaning a pasted page yields: inferred metadata, Markdown body, furniture lines."""

    meta: FrontMatter
    body: str
    furniture: tuple[str, ...]


def clean_pasted_text(text: str, path: str) -> CleanedText:
    """Return the metadata, body and furniture of a raw pasted text."""
    units = units_of(text)
    if not units:
        raise ContentError.at(path, 1, "file is empty")
    roles = roles_of(units)
    if "body" not in roles:
        line = units[-1].line
        raise ContentError.at(path, line, "no body text is left once web-page furniture is removed")
    furniture = tuple(
        unit.raw for unit, role in zip(units, roles, strict=True) if role not in ("body", "title")
    )
    return CleanedText(infer_meta(units, roles), body_markdown(units, roles), furniture)
