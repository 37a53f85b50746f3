"""Layout: split pasted text into line units and decide each unit's role from its neighbours."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .rules import Role, classify, is_site_name

BULLET = re.compile(r"^[•●◦▪‣·*+\-–—]\s+(?=\S)")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
TITLE_END_BANNED = re.compile(r"[.,;:]$")
MAX_TITLE_WORDS = 25
MAX_HEADING_WORDS = 15
# Biographies open with a person's name and a verb, then say what the person does.
NAME = (
    r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?[A-Z][\w'’.-]+"
    r"(?:\s+(?:[A-Z][\w'’.-]+|von|van|der|de|da|du|la|le|al|bin|ibn|di))*\s+[A-Z][\w'’-]+"
)
BIO_OPENING = re.compile(
    r"^(?!(?:The|This|That|These|Those|Its|Our|Their|Both|All)\b)"
    rf"({NAME})(?:,|\s+(?:is|was|serves|works|holds|has been|heads|leads|directs|teaches)\b)"
)
BIO_ROLE = re.compile(
    r"\b(head|director|professor|lecturer|fellow|researcher|research|analyst|editor|journalist"
    r"|correspondent|scholar|associate|chair|president|founder|co-founder|advisor|adviser"
    r"|consultant|manager|coordinator|officer|ambassador|doctoral|phd|candidate|student|author"
    r"|writer|expert|specialist|programme|program|senior|deputy|former|minister)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Unit:
    """One line of pasted text (hard-wrapped lines joined): its first line number and text."""

    line: int
    text: str


def units_of(text: str) -> tuple[Unit, ...]:
    """Return the non-empty lines of a text as units, joining lines a hard wrap split."""
    units: list[Unit] = []
    previous_blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        line = " ".join(raw.replace("\u00a0", " ").split())
        if not line:
            previous_blank = True
            continue
        if units and not previous_blank and continues(units[-1].text, line):
            units[-1] = Unit(units[-1].line, f"{units[-1].text} {line}")
        else:
            units.append(Unit(number, line))
        previous_blank = False
    return tuple(units)


def continues(previous: str, line: str) -> bool:
    """Return whether a line carries on the previous one (a hard wrap inside a sentence)."""
    return not BULLET.match(line) and line[0].islower() and not SENTENCE_END.search(previous)


def bullet_text(text: str) -> str | None:
    """Return a bullet line's text without its bullet, or None when it is not a bullet."""
    match = BULLET.match(text)
    return text[match.end() :] if match else None


def is_title_like(text: str, max_words: int = MAX_TITLE_WORDS) -> bool:
    """Return whether a line could be a title or heading: short, no closing period or comma."""
    return (
        bullet_text(text) is None
        and len(text.split()) <= max_words
        and not TITLE_END_BANNED.search(text)
        and not text.endswith("...")
    )


def is_bio(text: str) -> bool:
    """Return whether a paragraph reads as an author biography ("Jane Doe is a Fellow at ...")."""
    return BIO_OPENING.match(text) is not None and BIO_ROLE.search(text.split(". ")[0]) is not None


def bio_name(text: str) -> str | None:
    """Return the person a biography is about, or None when it does not open with a name."""
    match = BIO_OPENING.match(text)
    return match.group(1) if match else None


def roles_of(units: Sequence[Unit]) -> tuple[Role, ...]:
    """Return the role of every unit: rules first, then link lists, biographies and the header."""
    roles = [classify(unit.text) for unit in units]
    mark_link_lists(units, roles)
    mark_bio_sections(units, roles)
    mark_closing_bios(units, roles)
    mark_header(units, roles)
    return tuple(roles)


def next_body(roles: Sequence[Role], start: int) -> int | None:
    """Return the index of the first body unit at or after start, or None."""
    return next((i for i in range(start, len(roles)) if roles[i] == "body"), None)


def is_heading_at(units: Sequence[Unit], roles: Sequence[Role], index: int) -> bool:
    """Return whether a body unit is a section heading: short, and a paragraph follows it."""
    text = units[index].text
    if not is_title_like(text, MAX_HEADING_WORDS) or not (text[0].isupper() or text[0].isdigit()):
        return False
    following = next_body(roles, index + 1)
    return following is not None and not is_title_like(units[following].text)


def mark_link_lists(units: Sequence[Unit], roles: list[Role]) -> None:
    """Mark as furniture the short link titles that follow a "Related posts" line."""
    for start, role in enumerate(list(roles)):
        if role != "related":
            continue
        for index in range(start + 1, len(units)):
            text = bullet_text(units[index].text) or units[index].text
            if (
                roles[index] != "body"
                or not is_title_like(text)
                or is_heading_at(units, roles, index)
            ):
                break
            roles[index] = "furniture"


def mark_bio_sections(units: Sequence[Unit], roles: list[Role]) -> None:
    """Mark as biography the paragraph after "About the Author", and further bios after it."""
    for start, role in enumerate(list(roles)):
        if role != "bio_heading":
            continue
        index = next_body(roles, start + 1)
        if index is not None and index == start + 1:
            roles[index] = "bio"
            index += 1
            while index < len(units) and roles[index] == "body" and is_bio(units[index].text):
                roles[index] = "bio"
                index += 1


def mark_closing_bios(units: Sequence[Unit], roles: list[Role]) -> None:
    """Mark as biography the last body paragraphs when they describe a person's position."""
    for index in range(len(units) - 1, -1, -1):
        if roles[index] == "body":
            if not is_bio(units[index].text):
                return
            roles[index] = "bio"


def mark_header(units: Sequence[Unit], roles: list[Role]) -> None:
    """Mark the banner(s) and the title among the short lines before the first paragraph."""
    header = header_indices(units, roles)
    banners = [i for i in header[:-1] if is_site_name(units[i].text)]
    for index in banners:
        roles[index] = "banner"
    title = next((i for i in header if i not in banners), None)
    if title is not None:
        roles[title] = "title"


def header_indices(units: Sequence[Unit], roles: Sequence[Role]) -> list[int]:
    """Return the indices of the title-like body units before the first paragraph."""
    header: list[int] = []
    for index, unit in enumerate(units):
        if roles[index] != "body":
            continue
        if not is_title_like(unit.text):
            break
        header.append(index)
    return header
