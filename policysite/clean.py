"""Clean: turn raw text pasted from a web page into a titled Markdown body, furniture removed."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ContentError
from .model import FrontMatter


@dataclass(frozen=True)
class CleanedText:
    """What cleaning a pasted page yields: inferred metadata, Markdown body, furniture lines."""

    meta: FrontMatter
    body: str
    furniture: tuple[str, ...]


def clean_pasted_text(text: str, path: str) -> CleanedText:
    """Return the metadata, body and furniture of a raw pasted text."""
    lines = [line.strip() for line in text.split("\n")]
    non_empty = [line for line in lines if line]
    if not non_empty:
        raise ContentError.at(path, 1, "file is empty")
    title = non_empty[0]
    body_lines = non_empty[1:]
    return CleanedText(FrontMatter(title=title), "\n\n".join(body_lines), ())
