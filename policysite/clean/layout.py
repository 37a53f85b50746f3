"""Layout: split pasted text into line units and decide each unit's role from its neighbours."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .evidence import byline_authors, is_dateline
from .rules import Role, classify, is_site_name

BULLET = re.compile(r"^[•●◦▪‣·*\-–—]\s+(?=\S)")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
TITLE_END_BANNED = re.compile(r"[.,;:]$")
MAX_TITLE_WORDS = 25
MAX_HEADING_WORDS = 15
MAX_BIO_WORDS = 80
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
# ... and where: "at the Center for ...", "with Example Institute", "of Policy and Analysis".
BIO_AFFILIATION = re.compile(r"\b(?:at|with|of|for|in)\s+(?:the\s+)?[A-Z]")


@dataclass(frozen=True)
class Unit:
    """One line of pasted text (hard-wrapped lines joined): first line number, text as pasted."""

    line: int
    raw: str

    @property
    def text(self) -> str:
        """Return the unit's text with runs of spaces (no-break spaces too) folded to one."""
        return " ".join(self.raw.replace("\u00a0", " ").split())


def units_of(text: str) -> tuple[Unit, ...]:
    """Return the non-empty lines of a text as units, joining lines a hard wrap split."""
    units: list[Unit] = []
    previous_blank = True
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            previous_blank = True
        elif units and not previous_blank and continues(units[-1].text, line):
            units[-1] = Unit(units[-1].line, f"{units[-1].raw} {line}")
            previous_blank = False
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
    )


def is_bio(text: str) -> bool:
    """Return whether a paragraph reads as an author biography ("Jane Doe is a Fellow at ...")."""
    if len(text.split()) > MAX_BIO_WORDS:
        return False
    return bool(BIO_OPENING.match(text) and BIO_ROLE.search(text) and BIO_AFFILIATION.search(text))


def bio_name(text: str) -> str | None:
    """Return the person a biography is about, or None when it does not open with a name."""
    match = BIO_OPENING.match(text)
    return match.group(1) if match else None


def roles_of(units: Sequence[Unit]) -> tuple[Role, ...]:
    """Return the role of every unit: rules first, then link lists, biographies and the header."""
    roles = tuple(own_role(unit.text) for unit in units)
    for mark in (mark_link_lists, mark_bio_sections, mark_closing_bios, mark_header):
        roles = mark(units, roles)
    return roles


def own_role(text: str) -> Role:
    """Return the role a line plays on its own: a rule's, a byline's, a dateline's or body."""
    role = classify(text)
    if role == "body" and byline_authors(text):
        return "byline"
    if role == "body" and is_dateline(text):
        return "posted"
    return role


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


def mark_link_lists(units: Sequence[Unit], given: Sequence[Role]) -> tuple[Role, ...]:
    """Return roles with the short link titles after a "Related posts" line marked furniture."""
    roles = list(given)
    for start in (i for i, role in enumerate(given) if role == "related"):
        for index in range(start + 1, len(units)):
            text = bullet_text(units[index].text) or units[index].text
            if roles[index] != "body" or not is_title_like(text):
                break
            if is_heading_at(units, roles, index):
                break
            roles[index] = "furniture"
    return tuple(roles)


def mark_bio_sections(units: Sequence[Unit], given: Sequence[Role]) -> tuple[Role, ...]:
    """Return roles with the paragraph after "About the Author" (and bios after it) marked bio."""
    roles = list(given)
    for start in (i for i, role in enumerate(given) if role == "bio_heading"):
        index = start + 1
        while index < len(units) and roles[index] == "body":
            if index > start + 1 and not is_bio(units[index].text):
                break
            roles[index] = "bio"
            index += 1
    return tuple(roles)


def mark_closing_bios(units: Sequence[Unit], given: Sequence[Role]) -> tuple[Role, ...]:
    """Return roles with the closing body paragraphs that describe a person marked bio."""
    roles = list(given)
    for index in range(len(units) - 1, -1, -1):
        if roles[index] == "body":
            if not is_bio(units[index].text):
                break
            roles[index] = "bio"
    return tuple(roles)


def mark_header(units: Sequence[Unit], given: Sequence[Role]) -> tuple[Role, ...]:
    """Return roles with the banner(s) and title among the lines before the first paragraph."""
    roles = list(given)
    header = header_indices(units, given)
    # The last header line is never a banner: a banner always stands above something.
    banners = [i for i in header[:-1] if is_site_name(units[i].text)]
    for index in banners:
        roles[index] = "banner"
    title = next((i for i in header if i not in banners), None)
    if title is not None:
        roles[title] = "title"
    return tuple(roles)


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
