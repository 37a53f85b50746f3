"""Themes: every mention of a site.yaml theme, with the sentence it sits in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import BriefTheme, Sentence, Span, ThemeMention
from .vocabulary import Vocabulary


def find_theme_mentions(sentences: Sequence[Sentence], vocabulary: Vocabulary) -> tuple[ThemeMention, ...]:
    """Return every theme mention in reading order."""
    mentions: list[ThemeMention] = []
    for sentence in sentences:
        if vocabulary.theme_pattern is not None:
            for match in vocabulary.theme_pattern.finditer(sentence.text):
                theme_id = vocabulary.theme_by_phrase[match.group(0).casefold()]
                span = Span(sentence.anchor, match.start(), match.end())
                mentions.append(ThemeMention(theme_id, match.group(0), span))
        for theme_id, regex in vocabulary.theme_regexes:
            for match in regex.finditer(sentence.text):
                span = Span(sentence.anchor, match.start(), match.end())
                mentions.append(ThemeMention(theme_id, match.group(0), span))
    return tuple(mentions)


def summarise_themes(mentions: Sequence[ThemeMention], vocabulary: Vocabulary) -> tuple[BriefTheme, ...]:
    """Return the themes of a brief with their mention counts, most mentioned first."""
    counts = Counter(mention.theme_id for mention in mentions)
    return tuple(
        BriefTheme(theme_id, vocabulary.themes[theme_id].name, count)
        for theme_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
