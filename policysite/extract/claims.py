"""Claims: the author's central assertions."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ActorMention, Block, Claim, Recommendation, ThemeMention


def find_claims(
    blocks: Sequence[Block],
    recommendations: Sequence[Recommendation],
    theme_mentions: Sequence[ThemeMention],
    actor_mentions: Sequence[ActorMention],
) -> tuple[Claim, ...]:
    """Return the key claims of a brief in reading order."""
    taken = {recommendation.anchor for recommendation in recommendations}
    claims: list[Claim] = []
    for block in blocks:
        if block.kind == "paragraph" and block.sentences and block.sentences[0].anchor not in taken:
            sentence = block.sentences[0]
            claims.append(Claim(f"c{len(claims) + 1}", sentence.text, sentence.anchor, (), ()))
    return tuple(claims[:6])
