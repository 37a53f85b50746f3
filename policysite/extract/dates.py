"""Dates: explicit date expressions, found by our own patterns and normalised to ISO."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from ..model import DateMention, Precision, Sentence, Span

MONTH_NAMES = tuple(calendar.month_name[1:])
MONTH = "(?P<month>" + "|".join(MONTH_NAMES) + ")"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
PART = r"(?:(?:early|mid|late|the end of|the beginning of|the middle of|the start of)[\s-]+)"
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
RELATIVE_DAY = (
    r"(?P<word>[Yy]esterday|(?<![\w'’])today|(?:two|three|four|five|six|seven|\d) days ago)"
)
AFTER_PREPOSITION = "|".join(rf"(?<=\b{word} )" for word in ("in", "since", "until", "by", "the"))
Value = tuple[str, Precision, bool]
Normaliser = Callable[[re.Match[str], str | None], list[Value]]


def month_number(match: re.Match[str]) -> int:
    """Return the month number of a match's month group."""
    return MONTH_NAMES.index(match.group("month")) + 1


def iso_day(year: int, month: int, day: int) -> str | None:
    """Return YYYY-MM-DD, or None when the day does not exist."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def full_days(match: re.Match[str], published: str | None) -> list[Value]:
    """Return the day of a complete date (a range counts as its first day)."""
    value = iso_day(int(match.group("year")), month_number(match), int(match.group("day")))
    return [(value, "day", False)] if value else []


def paired_days(match: re.Match[str], published: str | None) -> list[Value]:
    """Return both days of "November 19 and 20", the year stated or the publication year."""
    year = match.group("year") or (published[:4] if published else None)
    if year is None:
        return []
    days = (match.group("day"), match.group("day2"))
    values = [iso_day(int(year), month_number(match), int(day)) for day in days]
    relative = match.group("year") is None
    return [(value, "day", relative) for value in values if value]


def bare_day(match: re.Match[str], published: str | None) -> list[Value]:
    """Return a day-month without a year, in the publication year (skipped when unknown)."""
    if published is None:
        return []
    value = iso_day(int(published[:4]), month_number(match), int(match.group("day")))
    return [(value, "day", True)] if value else []


def month_of_year(match: re.Match[str], published: str | None) -> list[Value]:
    """Return YYYY-MM of "August 2008" or "early August 2008"."""
    return [(f"{match.group('year')}-{month_number(match):02d}", "month", False)]


def bare_month(match: re.Match[str], published: str | None) -> list[Value]:
    """Return YYYY-MM of "this September" or "mid-April", in the publication year."""
    if published is None:
        return []
    return [(f"{published[:4]}-{month_number(match):02d}", "month", True)]


def year_only(match: re.Match[str], published: str | None) -> list[Value]:
    """Return the year of a bare year."""
    return [(match.group("year"), "year", False)]


def relative_year(match: re.Match[str], published: str | None) -> list[Value]:
    """Return the year "this year", "last year" or "next year" means."""
    if published is None:
        return []
    shift = {"this": 0, "last": -1, "next": 1}[match.group("which").lower()]
    return [(str(int(published[:4]) + shift), "year", True)]


def relative_day(match: re.Match[str], published: str | None) -> list[Value]:
    """Return the day "today", "yesterday" or "two days ago" means, from a day-precise date."""
    if published is None or len(published) < 10:
        return []
    word = match.group("word").lower()
    if word.endswith("ago"):
        back = NUMBERS.get(word.split()[0], 0) or int(word.split()[0])
    else:
        back = 1 if word == "yesterday" else 0
    return [((date.fromisoformat(published) - timedelta(days=back)).isoformat(), "day", True)]


EXPRESSIONS: tuple[tuple[re.Pattern[str], Normaliser], ...] = (
    (re.compile(rf"\b{DAY}\s*[-–]\s*[0-3]?\d\s+{MONTH},?\s+{YEAR}\b"), full_days),
    (re.compile(rf"\b{MONTH}\s+{DAY}\s*[-–]\s*[0-3]?\d,?\s+{YEAR}\b"), full_days),
    (
        re.compile(rf"\b{MONTH}\s+{DAY}\s+and\s+(?P<day2>[0-3]?\d)\b(?:,?\s+{YEAR}\b)?"),
        paired_days,
    ),
    (re.compile(rf"\b{DAY}\s+{MONTH},?\s+{YEAR}\b"), full_days),
    (re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b"), full_days),
    (re.compile(rf"\b{PART}?{MONTH},?\s+{YEAR}\b"), month_of_year),
    (re.compile(rf"\b{DAY}\s+{MONTH}\b"), bare_day),
    (re.compile(rf"\b{MONTH}\s+{DAY}\b(?![\d,.]*\d)"), bare_day),
    (
        re.compile(rf"(?:\b(?:this|next|last)\s+|{PART}|{AFTER_PREPOSITION}){MONTH}\b"),
        bare_month,
    ),
    (re.compile(rf"(?:{PART}|(?<![\w$.,/–-])){YEAR}(?![\w%–-]|\.\d|\s*per ?cent)"), year_only),
    (re.compile(r"\b(?P<which>[Tt]his|[Ll]ast|[Nn]ext) year\b"), relative_year),
    (
        re.compile(rf"(?:\b(?:earlier|later) )?{RELATIVE_DAY}\b"),
        relative_day,
    ),
)


def find_dates(sentences: Sequence[Sentence], published: str | None) -> tuple[DateMention, ...]:
    """Return every date expression in reading order, each linked to its sentence."""
    found: list[DateMention] = []
    for sentence in sentences:
        found.extend(dates_in(sentence, published))
    return tuple(found)


def dates_in(sentence: Sentence, published: str | None) -> list[DateMention]:
    """Return the date expressions of one sentence; a longer, earlier-listed pattern wins."""
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    for pattern, normalise in EXPRESSIONS:
        for match in pattern.finditer(sentence.text):
            start, end = match.span()
            if any(start < stop and begin < end for begin, stop in taken):
                continue
            values = normalise(match, published)
            if values:
                taken.append((start, end))
            span = Span(sentence.anchor, start, end)
            text = match.group(0).strip()
            mentions.extend(DateMention(text, v, p, span, r) for v, p, r in values)
    return sorted(mentions, key=lambda mention: mention.span.start)
