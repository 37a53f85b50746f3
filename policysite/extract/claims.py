"""Claims: the author's central assertions, scored by wording and position, a few per brief."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Block, Claim, Recommendation

# Wording cues: (feature name, pattern, most hits counted). Weights live in WEIGHTS.
CUES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    (
        "evaluative",
        re.compile(
            r"\b(?:important|crucial|critical|dangerous|best|worst|key|core|central|problem|"
            r"fragile|clear(?:ly)?|significant|undoubtedly|threat|challeng\w+|failure|"
            r"weak(?:ness|nesses)?|justification|only|anachronistic|unequivocal|vulnerab\w+|"
            r"divided|united|worsened|damaged|historic|defensive|responsibility|obligation|"
            r"worrisome|incoherent|secondary|exclusive|"
            r"illegitimate|illegal|violat\w+|guarantor|guarantee|necessary)\b",
            re.IGNORECASE,
        ),
        3,
    ),
    (
        "judgement",
        re.compile(
            r"\b(?:is|are)\s+(?:not\s+|hardly\s+|still\s+|simply\s+)?(?:a|an|the|far|no|"
            r"more|less|most|best|of|in|nothing)\b|\b(?:remains?|has become|have become|"
            r"cannot|never|run (?:its|their) course|is critical|is a party)\b",
            re.IGNORECASE,
        ),
        2,
    ),
    (
        "causal",
        re.compile(
            r"\b(?:because|therefore|thus|as a result|leads? to|caus\w+|results? in|"
            r"demonstrat\w+|shows?|showed|means|due to|so that|making|in turn|"
            r"will make|will allow|endangers?|obscures?)\b",
            re.IGNORECASE,
        ),
        2,
    ),
    (
        "stance",
        re.compile(
            r"\b(?:in reality|on the contrary|after all|in fact|indeed|simply|nothing less|"
            r"far from|in the end|what (?:will )?matters?|firmly|deeply concerned|"
            r"we (?:recognise|recognize|reiterate|remain|believe|are convinced)|"
            r"not (?:mutually|only)|the core of|the question|the cause of|taken together)\b",
            re.IGNORECASE,
        ),
        2,
    ),
    (
        "narration",
        re.compile(
            r"\b(?:said|declared|stated|according to|announced|was taken|were taken|met with|"
            r"met together|ruled|considered|put it|wonder|visited|saw|"
            r"(?:on|in|since|by) (?:\d{1,2} )?(?:January|February|March|April|May|June|July|"
            r"August|September|October|November|December)\b|in (?:19|20)\d\d)\b",
            re.IGNORECASE,
        ),
        3,
    ),
    ("unresolved", re.compile(r"^(?:This|That|These|Those|It|They|Such|He|She)\b"), 1),
    ("quotation", re.compile(r"[“]|\"\w"), 2),
)
# Tuned on all gold texts (briefs and further texts) together; see docs/extraction.md.
WEIGHTS: Mapping[str, float] = {
    "first": 2.5,
    "lead": 1.0,
    "after_heading": -1.0,
    "item_lead": 1.0,
    "conclusion": 1.0,
    "themes": 0.5,
    "evaluative": 1.5,
    "judgement": 1.5,
    "causal": -0.5,
    "stance": 2.0,
    "narration": -1.5,
    "unresolved": -1.0,
    "quotation": -1.5,
}
MIN_WORDS = 7


@dataclass(frozen=True)
class Candidate:
    """A sentence that could be a claim, with its features, score and reading position."""

    features: Mapping[str, float]
    score: float
    index: int
    section: int
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
    chosen = sorted(select(candidates, limit), key=lambda c: c.index)
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


def select(candidates: Sequence[Candidate], limit: int) -> list[Candidate]:
    """Return up to limit candidates, best first."""
    return sorted(candidates, key=lambda c: (-c.score, c.index))[:limit]


def claim_limit(sentence_count: int) -> int:
    """Return how many claims a brief of this length gets: 4 to 8, about one in five."""
    return max(4, min(8, round(sentence_count / 5)))


def candidates_of(
    blocks: Sequence[Block],
    themes_by_sentence: Mapping[str, tuple[str, ...]],
    weights: Mapping[str, float] = WEIGHTS,
) -> list[Candidate]:
    """Return every claim-able sentence with its features and score."""
    found: list[Candidate] = []
    text_blocks = [block for block in blocks if block.kind != "heading"]
    last = text_blocks[-1].anchor if text_blocks else None
    after_heading, first, section = True, True, 0
    for block in blocks:
        if block.kind == "heading":
            after_heading, section = True, section + 1
            continue
        for position, sentence in enumerate(block.sentences):
            if eligible(sentence.text):
                features = {
                    **position_features(block, position, first, after_heading),
                    "conclusion": float(block.anchor == last),
                    "themes": float(min(len(set(themes_by_sentence.get(sentence.anchor, ()))), 3)),
                    **cue_features(sentence.text),
                }
                score = sum(weights.get(name, 0.0) * value for name, value in features.items())
                found.append(
                    Candidate(
                        features, score, sentence.index, section, sentence.text, sentence.anchor
                    )
                )
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


def position_features(
    block: Block, position: int, first: bool, after_heading: bool
) -> dict[str, float]:
    """Return the features a sentence earns from where it stands."""
    lead = position == 0
    return {
        "first": float(first),
        "lead": float(lead),
        "after_heading": float(lead and after_heading),
        "item_lead": float(lead and block.kind == "item"),
    }


def cue_features(text: str) -> dict[str, float]:
    """Return the counts of each wording cue in a sentence (capped per cue)."""
    return {name: float(min(len(pattern.findall(text)), cap)) for name, pattern, cap in CUES}
