"""Themes: every mention of a site.yaml theme, with the sentence it sits in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import BriefTheme, Sentence, Span, ThemeMention
from .text import QUOTES_AND_DASHES
from .vocabulary import Vocabulary


def find_theme_mentions(
    sentences: Sequence[Sentence], vocabulary: Vocabulary
) -> tuple[ThemeMention, ...]:
    """Return every theme mention in reading order (overlapping matches count once)."""
    mentions: list[ThemeMention] = []
    for sentence in sentences:
        mentions.extend(mentions_in(sentence, vocabulary))
    return tuple(mentions)


def mentions_in(sentence: Sentence, vocabulary: Vocabulary) -> list[ThemeMention]:
    """Return the theme mentions of one sentence: aliases first, then patterns, no overlaps."""
    found: list[ThemeMention] = []
    # Curly quotes fold to straight ones (same length, so spans stay valid): “new” = "new".
    text = sentence.text.translate(QUOTES_AND_DASHES)
    for pattern in vocabulary.theme_patterns:
        for match in pattern.finditer(text):
            if any(overlaps(m.span, *match.span()) for m in found):
                continue
            theme_id = vocabulary.theme_by_phrase[match.group(0).casefold()]
            found.append(
                ThemeMention(
                    theme_id,
                    sentence.text[match.start() : match.end()],
                    Span(sentence.anchor, *match.span()),
                )
            )
    for theme_id, regex in vocabulary.theme_regexes:
        for match in regex.finditer(sentence.text):
            if not any(overlaps(m.span, *match.span()) for m in found):
                span = Span(sentence.anchor, *match.span())
                found.append(ThemeMention(theme_id, match.group(0), span))
    return sorted(found, key=lambda mention: mention.span.start)


def overlaps(span: Span, start: int, end: int) -> bool:
    """Return whether a span overlaps the range start..end."""
    return span.start < end and start < span.end


def summarise_themes(
    mentions: Sequence[ThemeMention], vocabulary: Vocabulary
) -> tuple[BriefTheme, ...]:
    """Return the themes of a brief with their mention counts, most mentioned first."""
    counts = Counter(mention.theme_id for mention in mentions)
    return tuple(
        BriefTheme(theme_id, vocabulary.themes[theme_id].name, count)
        for theme_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
