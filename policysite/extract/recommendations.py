"""Recommendations: the author's own prescriptions and whom they address."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import ActorMention, Block, Recommendation, ThemeMention
from .vocabulary import Vocabulary

MODAL = re.compile(r"\b(should|must|needs? to|ought to|would be advisable)\b")


def find_recommendations(
    blocks: Sequence[Block],
    vocabulary: Vocabulary,
    theme_mentions: Sequence[ThemeMention],
    actor_mentions: Sequence[ActorMention],
) -> tuple[Recommendation, ...]:
    """Return the recommendations of a brief in reading order."""
    found: list[Recommendation] = []
    for block in blocks:
        for sentence in block.sentences:
            if MODAL.search(sentence.text):
                themes = tuple(sorted({m.theme_id for m in theme_mentions if m.span.sentence == sentence.anchor}))
                actors = tuple(sorted({m.actor_id for m in actor_mentions if m.span.sentence == sentence.anchor}))
                found.append(
                    Recommendation(
                        f"r{len(found) + 1}", sentence.text, sentence.anchor, None, (), False, themes, actors
                    )
                )
    return tuple(found)
