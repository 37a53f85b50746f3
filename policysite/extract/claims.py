"""Claims: the author's central assertions, scored by cues and position, a few per brief."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Block, Claim, Recommendation

EVALUATIVE = re.compile(
    r"\b(?:important|crucial|critical|dangerous|best|key|core|central|problem|fragile|clear(?:ly)?|"
    r"significant|undoubtedly|remains?|has become|threat|challenge|failure|weak(?:ness|nesses)?|"
    r"no justification|only|anachronistic|unequivocal|vulnerab\w+|divided|worsened|"
    r"is (?:a|an|the|not|hardly)|are (?:a|an|the|not|based)|cannot|never|far from)\b",
    re.IGNORECASE,
)
CAUSAL = re.compile(
    r"\b(?:because|therefore|thus|as a result|leads? to|caus\w+|results? in|demonstrat\w+|"
    r"shows?|means|due to|so that|since)\b",
    re.IGNORECASE,
)
NARRATION = re.compile(
    r"\b(?:said|declared|stated|according to|announced|was taken|were taken|met with|"
    r"on \d{1,2} \w+|in (?:19|20)\d\d)\b",
    re.IGNORECASE,
)
UNRESOLVED_OPENING = re.compile(r"^(?:This|That|These|Those|It|They|Such)\b")
MIN_WORDS = 7


@dataclass(frozen=True)
class Candidate:
    """A sentence that could be a claim, with its score and reading position."""

    score: float
    index: int
    text: str
    anchor: str


def find_claims(
    blocks: Sequence[Block],
    recommendations: Sequence[Recommendation],
    themes_by_sentence: Mapping[str, tuple[str, ...]],
    actors_by_sentence: Mapping[str, tuple[str, ...]],
) -> tuple[Claim, ...]:
    """Return the key claims of a brief in reading order: the best-scored few sentences."""
    taken = {recommendation.anchor for recommendation in recommendations}
    candidates = [c for c in candidates_of(blocks, themes_by_sentence) if c.anchor not in taken]
    limit = claim_limit(sum(len(block.sentences) for block in blocks))
    best = sorted(candidates, key=lambda c: (-c.score, c.index))[:limit]
    chosen = sorted(best, key=lambda c: c.index)
    return tuple(
        Claim(
            f"c{number}",
            c.text,
            c.anchor,
            themes_by_sentence.get(c.anchor, ()),
            actors_by_sentence.get(c.anchor, ()),
        )  # fmt: skip
        for number, c in enumerate(chosen, start=1)
    )


def claim_limit(sentence_count: int) -> int:
    """Return how many claims a brief of this length gets: 3 to 8, about one in eight."""
    return max(3, min(8, round(sentence_count / 8)))


def candidates_of(
    blocks: Sequence[Block], themes_by_sentence: Mapping[str, tuple[str, ...]]
) -> list[Candidate]:
    """Return every claim-able sentence with its score."""
    found: list[Candidate] = []
    text_blocks = [block for block in blocks if block.kind != "heading"]
    last = text_blocks[-1].anchor if text_blocks else None
    after_heading = True
    first = True
    for block in blocks:
        if block.kind == "heading":
            after_heading = True
            continue
        for position, sentence in enumerate(block.sentences):
            if eligible(sentence.text):
                bonus = position_bonus(block, position, first, after_heading, block.anchor == last)
                themes = len(set(themes_by_sentence.get(sentence.anchor, ())))
                score = bonus + cue_score(sentence.text) + min(themes, 3) * 0.5
                found.append(Candidate(score, sentence.index, sentence.text, sentence.anchor))
            first = False
        after_heading = False
    return found


def eligible(text: str) -> bool:
    """Return whether a sentence can be a claim at all (no questions, fragments or quotes)."""
    words = text.split()
    return (
        len(words) >= MIN_WORDS
        and not text.rstrip().endswith(("?", ":"))
        and not text.startswith(("“", '"'))
    )


def position_bonus(
    block: Block, position: int, first: bool, after_heading: bool, last: bool
) -> float:
    """Return the score a sentence earns from where it stands."""
    bonus = 0.0
    if first:
        bonus += 2.5
    if position == 0:
        bonus += 1.0 + (1.0 if after_heading else 0.0) + (1.0 if block.kind == "item" else 0.0)
    if last:
        bonus += 1.0
    return bonus


def cue_score(text: str) -> float:
    """Return the score a sentence earns from evaluative and causal wording."""
    score = min(len(EVALUATIVE.findall(text)), 3) * 0.6 + min(len(CAUSAL.findall(text)), 2) * 0.6
    score -= 1.5 * len(NARRATION.findall(text))
    score -= 1.0 if UNRESOLVED_OPENING.match(text) else 0.0
    score -= 0.8 * text.count("“")
    return score
