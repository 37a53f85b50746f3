"""Dates: explicit date expressions normalised to ISO at their own precision."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import DateMention, Sentence, Span

YEAR = re.compile(r"(?<![\w-])(19[5-9]\d|20[0-4]\d)(?![\w-])")


def find_dates(sentences: Sequence[Sentence], published: str | None) -> tuple[DateMention, ...]:
    """Return every date expression in reading order."""
    found: list[DateMention] = []
    for sentence in sentences:
        for match in YEAR.finditer(sentence.text):
            span = Span(sentence.anchor, match.start(), match.end())
            found.append(DateMention(match.group(0), match.group(0), "year", span))
    return tuple(found)
