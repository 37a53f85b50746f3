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
PASSIVE = re.compile(r"^\s+(?:not\s+)?be\s+(?!more\b)\w+(?:ed|en|wn|lt|ood|ept|ught|one|ade)\b")
# "The goal must be to …" names an aim, not an agent.
AIM = re.compile(r"^\s+(?:\w+\s+)?be\s+to\s")
PURPOSE = re.compile(r"^in order (?:for [^,]+ )?to \w+ (?:this|that|them|it)\s+", re.IGNORECASE)
OWN_VOICE = re.compile(r"^\W*$|\b(?:we|our|us|I)\b", re.IGNORECASE)
PRONOUNS = frozenset({"it", "they", "this", "these"})


@dataclass(frozen=True)
class Finding:
    """What the rules say of one sentence: where the cue is, who acts, whether it is reported."""

    cue_start: int
    subject: str | None
    reported: bool
    imperative: bool = False
    nominal: bool = False


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
    if cues.LET_US.match(text):
        return Finding(0, None, False)
    return next(prescriptions(text), None)


def imperative_cue(text: str) -> Finding | None:
    """Return a finding for an imperative sentence ("Establish a Military Schengen.")."""
    words = re.findall(r"[\w’'-]+", text)
    verb_first = len(words) >= 2 and words[0] in cues.IMPERATIVES
    if verb_first and words[1].lower() not in cues.NOT_AFTER_IMPERATIVE and text[-1:] != ":":
        return Finding(0, None, False, imperative=True)
    return None


def prescriptions(text: str) -> Iterator[Finding]:
    """Yield the author's or reported prescriptions of a sentence, first cue first."""
    for match in cues.MODAL.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        if cues.UNDERSTANDING.match(after) or cues.EMBEDDED_QUESTION.search(before):
            continue
        if cues.CONDITION.search(before) or cues.BELIEF.search(before):
            continue
        if cues.NEGATED_PAST.search(before) or cues.NEGATED_MODAL.search(before):
            continue
        agentless = PASSIVE.match(after) or AIM.match(after)
        subject = None if agentless else subject_before(before)
        yield Finding(match.start(), subject, is_reported(text, match.start()))
    for match in cues.CALL_ON.finditer(text):
        verb = match.group("verb").split()[0]
        past = verb.endswith("ed") or verb == "tasks"
        reported = past and OWN_VOICE.search(text[: match.start()]) is None
        yield Finding(match.start(), match.group("target"), reported)
    for pattern in (cues.NECESSITY, cues.PROPOSAL, cues.NEED_NOUN):
        for match in pattern.finditer(text):
            if not cues.CONDITION.search(text[: match.start()]):
                yield Finding(match.start(), agent_phrase(text, match), False, nominal=True)
    for match in (*cues.SUGGESTION.finditer(text), *cues.AGENT_PROPOSAL.finditer(text)):
        yield Finding(match.start(), subject_before(text[: match.start()]), False)
    for match in cues.DO_NOT.finditer(text):
        yield Finding(match.start(), None, False)
    for match in cues.REPORTED.finditer(text):
        # Whoever the reported demand names after its verb is asked to act (guide §4, rule 6).
        yield Finding(match.start(), text[match.end() :], True, nominal=True)


def is_reported(text: str, position: int) -> bool:
    """Return whether a cue stands inside a quotation or after "X said that"."""
    before = text[:position]
    inside_quote = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    return inside_quote or cues.SPEECH.search(before) is not None


def agent_phrase(text: str, match: re.Match[str]) -> str | None:
    """Return where a necessity's agent is named: "requires that X …" or the subject before."""
    after = re.match(r"\s+that\s+((?:\S+\s+){1,4})", text[match.end() :])
    return after.group(1) if after else re.split(r"[;:]\s", text[: match.start()])[-1]


def subject_before(before: str) -> str | None:
    """Return the subject phrase in front of a cue: the last clause, minus adverbials."""
    phrase = PARENTHETICAL.sub("", before.rstrip())
    parts = CLAUSE_BREAK.split(phrase)
    phrase = PURPOSE.sub("", LEADING_WORDS.sub("", parts[-1].strip()))
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
    phrase = section if finding.imperative else finding.subject
    if phrase is None:
        return None, ()
    if phrase.lower() in PRONOUNS:
        phrase = previous
        if phrase is None:
            return None, ()
    if phrase.lower() in ("we", "i", "us", "you"):
        return None, ()
    if finding.nominal:
        return actors_named(phrase, vocabulary)
    return canonical(phrase, vocabulary)


def actors_named(phrase: str, vocabulary: Vocabulary) -> tuple[str | None, tuple[str, ...]]:
    """Return the actors a nominal agent names ("common NATO-Russia action"), or None."""
    if vocabulary.actor_pattern is None:
        return None, ()
    spaced = phrase.replace("-", " ")
    found = [
        vocabulary.actor_by_alias[m.group(0)] for m in vocabulary.actor_pattern.finditer(spaced)
    ]
    ids = vocabulary.in_site_order(found)
    if not ids:
        return None, ()
    return " and ".join(vocabulary.actors[i].name for i in ids), ids


def canonical(phrase: str, vocabulary: Vocabulary) -> tuple[str, tuple[str, ...]]:
    """Return a phrase as canonical actor names when every part is a known actor."""
    whole = vocabulary.actor_id_of(phrase)
    if whole is not None:
        return vocabulary.actors[whole].name, (whole,)
    parts = [p.strip() for p in re.split(r",\s*|\s+and\s+|^both\s+", phrase) if p.strip()]
    ids = [vocabulary.actor_id_of(part) for part in parts]
    if len(parts) > 1 and all(ids):
        found = vocabulary.in_site_order([i for i in ids if i])
        return " and ".join(vocabulary.actors[i].name for i in found), found
    return phrase, ()
