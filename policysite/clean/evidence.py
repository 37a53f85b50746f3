"""Evidence: read author names and publication dates from bylines and datelines."""

from __future__ import annotations

import datetime
import re

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH = r"(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?"
DATE_FORMS = (
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH},?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b{MONTH}\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
NAME_WORD = r"(?:[A-Z][\w'’-]*\.?|von|van|der|den|de|da|du|la|le|al|bin|ibn|di)"
PERSON = rf"[A-Z][\w'’-]*\.?(?:\s+{NAME_WORD}){{0,3}}\s+[A-Z][\w'’-]+"
PEOPLE = re.compile(rf"^{PERSON}(?:(?:,\s+|,?\s+(?:and|&)\s+){PERSON})*$")
SPLIT_PEOPLE = re.compile(r",?\s+(?:and|&)\s+|,\s+")
# "by Jane Doe", "Written by Jane Doe and John Roe", "Author: Jane Doe".
BYLINE = re.compile(
    r"^(?:(?:written|words|text|story)\s+)?(?:by|authors?:)\s*(?P<names>.+?)\.?$", re.I
)
# "Posted on 3 May 2016 by Jane Doe in News | Leave a comment": the byline inside a post line.
POSTED_BY = re.compile(rf"\bby\s+(?P<names>{PERSON}(?:(?:,\s+|,?\s+(?:and|&)\s+){PERSON})*)")
# Pieces of a dateline: "Analysis | 14 February 2023 | 5 min read".
DATELINE_SEPARATOR = re.compile(r"\s*[|•·]\s*")
MAX_DATELINE_WORDS = 4
DATELINE_PREFIX = re.compile(r"^(?:(?:published|posted|date|dated)(?:\s+on)?:?\s*)?", re.I)


def people(text: str) -> tuple[str, ...]:
    """Return the names in a list of people ("A, B and C"), or () when it is not one."""
    text = text.strip()
    if not PEOPLE.match(text):
        return ()
    return tuple(name.strip() for name in SPLIT_PEOPLE.split(text) if name.strip())


def byline_authors(text: str) -> tuple[str, ...]:
    """Return the authors a byline line names, or () when the line is not a byline."""
    match = BYLINE.match(text)
    return people(match.group("names")) if match else ()


def posted_authors(text: str) -> tuple[str, ...]:
    """Return the authors named by "by ..." inside a post line, or ()."""
    match = POSTED_BY.search(text)
    return people(match.group("names")) if match else ()


def first_date(text: str) -> str | None:
    """Return the first calendar date in a text as ISO (YYYY, YYYY-MM or YYYY-MM-DD), or None."""
    for form in DATE_FORMS:
        match = form.search(text)
        if match:
            return iso_date(match.groupdict())
    return None


def iso_date(parts: dict[str, str | None]) -> str | None:
    """Return ISO text for matched year, month (name or number) and day, or None if invalid."""
    year, month_text, day = parts["year"], parts["month"], parts.get("day")
    if year is None or month_text is None:
        return None
    month = month_number(month_text)
    if month == 0:
        return None
    try:
        datetime.date(int(year), month, int(day) if day else 1)
    except ValueError:
        return None
    return f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"


def month_number(text: str) -> int:
    """Return the number of a month given by name, abbreviation or digits (0 when unknown)."""
    if text.isdigit():
        return int(text)
    key = text.lower().rstrip(".")
    return next((i for i, name in enumerate(MONTHS, start=1) if name.startswith(key)), 0)


def is_dateline(text: str) -> bool:
    """Return whether a line only dates the text ("Analysis | Posted on 3 May 2016")."""
    parts = [part for part in DATELINE_SEPARATOR.split(text) if part]
    short = all(len(part.split()) <= MAX_DATELINE_WORDS for part in parts)
    return short and any(is_date_part(part) for part in parts)


def is_date_part(text: str) -> bool:
    """Return whether a piece of a line is a date, perhaps after "Published" or "Posted on"."""
    rest = DATELINE_PREFIX.sub("", text, count=1).strip()
    return bool(rest) and first_date(rest) is not None and len(rest.split()) <= MAX_DATELINE_WORDS
