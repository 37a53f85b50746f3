"""New: the text of a fresh content file, its front matter ready to complete."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from slugify import slugify

PLACEHOLDER = "Replace this paragraph with the text of the brief."


@dataclass(frozen=True)
class NewBrief:
    """A content file to create: its file name and its text."""

    filename: str
    slug: str
    text: str


def quoted(value: str) -> str:
    """Return a YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(value, ensure_ascii=False)


def new_brief(title: str, today: date) -> NewBrief:
    """Return a content file for a brief titled title, dated today, with empty fields to fill in."""
    title = " ".join(title.split())
    slug = slugify(title, max_length=80, word_boundary=True)
    if not slug:
        raise ValueError(f"the title {title!r} gives no URL slug; use letters or digits")
    front_matter = "\n".join(
        (
            "---",
            f"title: {quoted(title)}",
            f"slug: {quoted(slug)}",
            "authors: []",
            "publisher:",
            f"published: {quoted(today.isoformat())}",
            "source_note:",
            "source_url:",
            "author_bio:",
            "summary:",
            "themes: []",
            "---",
        )
    )
    return NewBrief(f"{today.year}-{slug}.md", slug, f"{front_matter}\n\n{PLACEHOLDER}\n")
