"""Markdown: write the body units of a pasted text as Markdown headings, lists and paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .layout import Unit, bullet_text, is_heading_at
from .rules import Role

# Pasted text is plain text: every character Markdown would read as syntax is escaped.
INLINE_SYNTAX = re.compile(r"([\\`*_\[\]<>#|~])")
ENTITY = re.compile(r"&(?=#?\w+;)")
# Line starts that open a block: "1." or "1)" lists, "+ - =" lists and setext underlines.
BLOCK_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([+\-=])")


def escape_inline(text: str) -> str:
    """Return text with Markdown's inline syntax characters and entity starts escaped."""
    return ENTITY.sub("&amp;", INLINE_SYNTAX.sub(r"\\\1", text))


def escape_block(text: str) -> str:
    """Return a paragraph's text escaped so Markdown reads it as one plain paragraph."""
    escaped = escape_inline(text)
    return BLOCK_START.sub(lambda match: block_start_escape(match), escaped, count=1)


def block_start_escape(match: re.Match[str]) -> str:
    """Return the escaped form of a block-opening line start ("1\\." or "\\+")."""
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"\\{match.group(3)}"


def body_markdown(units: Sequence[Unit], roles: Sequence[Role]) -> str:
    """Return the Markdown of the body units: "## " headings, "- " lists, plain paragraphs."""
    return "\n\n".join(body_blocks(units, roles)) + "\n"


def body_blocks(units: Sequence[Unit], roles: Sequence[Role]) -> Iterator[str]:
    """Yield one Markdown block per heading, paragraph or run of bullet lines."""
    items: list[str] = []
    for index, unit in enumerate(units):
        if roles[index] != "body":
            continue
        item = bullet_text(unit.text)
        if item is not None:
            items.append(f"- {escape_block(item)}")
            continue
        if items:
            yield "\n".join(items)
            items = []
        if is_heading_at(units, roles, index):
            yield f"## {escape_inline(unit.text)}"
        else:
            yield escape_block(unit.text)
    if items:
        yield "\n".join(items)
