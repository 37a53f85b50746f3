"""Recommendations: the author's own prescriptions, whom they address, and reported demands."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..model import Block, Recommendation, Sentence
from . import cues
from .vocabulary import Vocabulary

CLAUSE_BREAK = re.compile(r"[;:,]\s+|\bthat\s+|\(\d+\)\s+|\bthis means\s+", re.IGNORECASE)
LEADING_WORDS = re.compile(
    r"^(?:(?:and|but|yet|so|thus|moreover|therefore|also|instead|then|above all|"
    r"first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|in addition|however)\b[\s,]*)+",
    re.IGNORECASE,
)
TRAILING_WORDS = re.compile(r"(?:\s+(?:also|thus|therefore|still|now|nevertheless|really))+$")
PARENTHETICAL = re.compile(r",\s[^,]{1,40},\s*$")
PASSIVE = re.compile(r"^\s+(?:not\s+)?be\s+(?!more\b)\w+(?:ed|en|wn|lt)\b")
PRONOUNS = frozenset({"it", "they", "this", "these"})


@dataclass(frozen=True)
class Finding:
    """What the rules say of one sentence: where the cue is, who acts, whether it is reported."""

    cue_start: int
    subject: str | None
    reported: bool


def find_recommendations(
    blocks: Sequence[Block],
    vocabulary: Vocabulary,
    themes_by_sentence: Mapping[str, tuple[str, ...]],
    actors_by_sentence: Mapping[str, tuple[str, ...]],
) -> tuple[Recommendation, ...]:
    """Return the recommendations of a brief in reading order."""
    found: list[Recommendation] = []
    section: str | None = None
    previous: str | None = None
    for block in blocks:
        if block.kind == "heading":
            section = section_addressee(block.sentences[0].text, vocabulary)
        for position, sentence in enumerate(block.sentences):
            finding = classify(sentence.text, block, position)
            if finding is None:
                previous = last_actor(
                    actors_by_sentence.get(sentence.anchor, ()), vocabulary, previous
                )
                continue
            addressee, ids = resolve(finding, sentence, section, previous, vocabulary)
            previous = addressee if ids else previous
            themes = themes_by_sentence.get(sentence.anchor, ())
            actors = actors_by_sentence.get(sentence.anchor, ())
            item = Recommendation(
                f"r{len(found) + 1}", sentence.text, sentence.anchor, addressee, ids,
                finding.reported, themes, actors,
            )  # fmt: skip
            found.append(item)
    return tuple(found)


def last_actor(
    actor_ids: Sequence[str], vocabulary: Vocabulary, fallback: str | None
) -> str | None:
    """Return the name of the last known actor of a sentence, for resolving a later pronoun."""
    for actor_id in reversed(actor_ids):
        actor = vocabulary.actors.get(actor_id)
        if actor is not None and actor.kind != "person":
            return actor.name
    return fallback


def section_addressee(heading: str, vocabulary: Vocabulary) -> str | None:
    """Return who a section's imperatives address ("Recommendations for NATO" -> NATO)."""
    match = cues.SECTION_ADDRESSEE.search(heading.rstrip(" .:"))
    return match.group("who") if match else None


def classify(text: str, block: Block, position: int) -> Finding | None:
    """Return what the prescription rules find in one sentence, or None when it is none."""
    if text.rstrip().endswith("?"):
        return None
    lead = position == 0
    if block.kind == "heading" or lead:
        imperative = imperative_cue(text)
        if imperative is not None:
            return imperative
    if block.kind == "heading":
        return None
    return next(prescriptions(text), None)


def imperative_cue(text: str) -> Finding | None:
    """Return a finding for an imperative sentence ("Establish a Military Schengen.")."""
    words = re.findall(r"[\w’'-]+", text)
    if len(words) >= 2 and words[0] in cues.IMPERATIVES:
        if words[1].lower() not in cues.NOT_AFTER_IMPERATIVE and not text.endswith(":"):
            return Finding(0, None, False)
    if cues.LET_US.match(text):
        return Finding(0, None, False)
    return None


def prescriptions(text: str) -> Iterator[Finding]:
    """Yield the author's or reported prescriptions of a sentence, first cue first."""
    for match in cues.MODAL.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        if cues.UNDERSTANDING.match(after) or cues.EMBEDDED_QUESTION.search(before):
            continue
        if cues.CONDITION.search(before):
            continue
        subject = None if cues.PASSIVE.match(after) else subject_before(before)
        yield Finding(match.start(), subject, is_reported(text, match.start()))
    for match in cues.CALL_ON.finditer(text):
        reported = subject_before(text[: match.start()]) not in (None, "we", "We", "I")
        yield Finding(match.start(), match.group("target"), reported)
    for pattern in (cues.NECESSITY, cues.PROPOSAL, cues.SUGGESTION, cues.NEED_NOUN):
        for match in pattern.finditer(text):
            if not cues.CONDITION.search(text[: match.start()]):
                yield Finding(match.start(), subject_before(text[: match.start()]), False)
    for match in cues.DO_NOT.finditer(text):
        yield Finding(match.start(), None, False)
    for match in cues.REPORTED.finditer(text):
        yield Finding(match.start(), None, True)


def is_reported(text: str, position: int) -> bool:
    """Return whether a cue stands inside a quotation or after "X said that"."""
    before = text[:position]
    inside_quote = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    return inside_quote or cues.SPEECH.search(before) is not None


def subject_before(before: str) -> str | None:
    """Return the subject phrase in front of a cue: the last clause, minus adverbials."""
    phrase = PARENTHETICAL.sub("", before.rstrip())
    parts = CLAUSE_BREAK.split(phrase)
    phrase = LEADING_WORDS.sub("", parts[-1].strip())
    phrase = TRAILING_WORDS.sub("", phrase).strip(" ,")
    if not phrase or len(phrase.split()) > 10:
        return None
    return phrase


def resolve(
    finding: Finding,
    sentence: Sentence,
    section: str | None,
    previous: str | None,
    vocabulary: Vocabulary,
) -> tuple[str | None, tuple[str, ...]]:
    """Return the addressee (canonical actor names or the phrase) and its actor ids."""
    phrase = finding.subject if finding.cue_start or finding.subject else section
    if phrase is None:
        return None, ()
    if phrase.lower() in PRONOUNS:
        phrase = previous
        if phrase is None:
            return None, ()
    if phrase.lower() in ("we", "i", "us", "you"):
        return None, ()
    return canonical(phrase, vocabulary)


def canonical(phrase: str, vocabulary: Vocabulary) -> tuple[str, tuple[str, ...]]:
    """Return a phrase as canonical actor names when every part is a known actor."""
    whole = vocabulary.actor_id_of(phrase)
    if whole is not None:
        return vocabulary.actors[whole].name, (whole,)
    parts = [p.strip() for p in re.split(r",\s*|\s+and\s+|^both\s+", phrase) if p.strip()]
    ids = [vocabulary.actor_id_of(part) for part in parts]
    if len(parts) > 1 and all(ids):
        found = tuple(dict.fromkeys(i for i in ids if i))
        return " and ".join(vocabulary.actors[i].name for i in found), found
    return phrase, ()
