"""Actors: states, organisations, people and groups, merged by alias, with mention counts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from slugify import slugify

from ..config import ActorKind
from ..model import Actor, ActorMention, Sentence, Span
from .gazetteer import DEMONYMS, NAME_PARTICLES, NOT_NAMES, ORGANISATION_HEADS, TITLES
from .vocabulary import Vocabulary

TOKEN = r"[A-Z][^\W\d_]*(?:-[A-Z][^\W\d_]*)?"
PARTICLE = r"(?:(?:" + "|".join(NAME_PARTICLES) + r")\s+)"
DETERMINED = re.compile(r"(?:\b(?:the|a|an|its|their|our)|['’]s)\s+$", re.IGNORECASE)
NAME = rf"(?P<name>{TOKEN}(?:\s+{PARTICLE}*{TOKEN}){{0,3}})"
NATION = r"(?:(?P<nation>" + "|".join(re.escape(d) for d in DEMONYMS) + r")\s+)?"
TITLED = re.compile(
    NATION + r"(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\s+" + NAME
)
# Bodies named by an organisational head noun ("Venice Commission", "Russia’s Central Bank").
ORGANISATION = re.compile(
    r"(?<![\w-])(?:(?P<owner>[A-Z][\w-]*)['’]s\s+)?(?P<name>(?:[A-Z][\w-]*\s+){1,4}?"
    r"(?:" + "|".join(ORGANISATION_HEADS) + r")|Organi[sz]ation\s+for(?:\s+(?:[A-Z][\w-]*|and|in))*"
    r"\s+[A-Z][\w-]*)(?![\w-])"
)
FUNCTION_WORDS = frozenset(
    {"A", "An", "And", "As", "At", "But", "By", "For", "From", "In", "Its", "On", "Or", "Our"}
    | {"The", "Their", "This", "That", "These", "Those", "With"}
)
APPOSITION = re.compile(
    rf"(?P<name>{TOKEN}\s+{PARTICLE}*{TOKEN}(?:\s+{TOKEN})?),\s+(?:the|a|an)\s+"
    r"(?:[\w.’'-]+\s+){0,8}?(?:of|for|at)\s"
)


def find_actors(sentences: Sequence[Sentence], vocabulary: Vocabulary) -> tuple[ActorMention, ...]:
    """Return every actor mention in reading order: known names, titled people, surnames."""
    mentions: list[ActorMention] = []
    for sentence in sentences:
        mentions.extend(sentence_mentions(sentence, vocabulary))
    surnames = surname_index(mentions, vocabulary)
    if surnames:
        mentions.extend(surname_mentions(sentences, mentions, surnames))
    order = {sentence.anchor: index for index, sentence in enumerate(sentences)}
    return tuple(sorted(mentions, key=lambda m: (order[m.span.sentence], m.span.start)))


def sentence_mentions(sentence: Sentence, vocabulary: Vocabulary) -> list[ActorMention]:
    """Return the mentions of one sentence: people first, then aliases not inside a name."""
    found = list(person_mentions(sentence, vocabulary))
    if vocabulary.actor_pattern is not None:
        for match in vocabulary.actor_pattern.finditer(sentence.text):
            if not any(m.span.start < match.end() and match.start() < m.span.end for m in found):
                actor = vocabulary.actor_by_alias[match.group(0)]
                found.append(ActorMention(actor, match.group(0), span_of(sentence, match, 0)))
    for mention in organisation_mentions(sentence, vocabulary):
        # The longest name wins: "European Union Monitoring Mission" is not the European Union.
        if not any(inside(mention.span, m.span) or m.span == mention.span for m in found):
            found = [m for m in found if not inside(m.span, mention.span)] + [mention]
    return found


def inside(span: Span, outer: Span) -> bool:
    """Return whether a span lies within another in the same sentence."""
    return outer.start <= span.start and span.end <= outer.end and span != outer


def organisation_mentions(sentence: Sentence, vocabulary: Vocabulary) -> Iterator[ActorMention]:
    """Yield bodies absent from site.yaml named by a head noun, not theme names such as councils."""
    for match in ORGANISATION.finditer(sentence.text):
        words = match.group("name").split()
        while len(words) > 2 and words[0] in FUNCTION_WORDS:
            words.pop(0)
        name, owner = " ".join(words), match.group("owner")
        if owner in NOT_NAMES or name.casefold() in vocabulary.theme_by_phrase:
            continue
        if vocabulary.actor_id_of(name) is not None:
            continue
        start = (
            match.start("owner") if owner else match.start("name") + match.group("name").index(name)
        )
        surface = sentence.text[start : match.end()]
        yield ActorMention(slugify(surface), surface, Span(sentence.anchor, start, match.end()))


def span_of(sentence: Sentence, match: re.Match[str], group: int | str) -> Span:
    """Return the span of one group of a match in a sentence."""
    start, end = match.span(group)
    return Span(sentence.anchor, start, end)


def person_mentions(sentence: Sentence, vocabulary: Vocabulary) -> Iterator[ActorMention]:
    """Yield people named after a title or before an apposition, and the states of titles."""
    for pattern in (TITLED, APPOSITION):
        for match in pattern.finditer(sentence.text):
            name = clean_name(match.group("name"))
            if not name:
                continue
            if pattern is APPOSITION and DETERMINED.search(sentence.text[: match.start()]):
                continue
            known = vocabulary.actor_id_of(name)
            if known is None and pattern is APPOSITION and " " not in name:
                continue
            start = match.start("name") + match.group("name").index(name)
            span = Span(sentence.anchor, start, start + len(name))
            yield ActorMention(known or slugify(name), name, span)
            nation = match.groupdict().get("nation")
            state = vocabulary.actor_id_of(DEMONYMS[nation]) if nation else None
            if nation and state:
                yield ActorMention(state, nation, span_of(sentence, match, "nation"))


def clean_name(name: str) -> str:
    """Return a captured name without edge words that cannot belong to a personal name."""
    words = name.split()
    while words and words[-1] in NOT_NAMES:
        words.pop()
    while words and words[0] in NOT_NAMES:
        words.pop(0)
    return " ".join(words)


def surname_index(mentions: Sequence[ActorMention], vocabulary: Vocabulary) -> dict[str, str]:
    """Return surname -> person id for every newly found person named in full."""
    surnames: dict[str, str] = {}
    for mention in mentions:
        if mention.actor_id not in vocabulary.actors and " " in mention.surface:
            surnames.setdefault(mention.surface.split()[-1], mention.actor_id)
    return surnames


def surname_mentions(
    sentences: Sequence[Sentence], mentions: Sequence[ActorMention], surnames: dict[str, str]
) -> Iterator[ActorMention]:
    """Yield surname-only mentions after a person's full name, outside other mentions."""
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, surnames)) + r")\b")
    taken: dict[str, list[Span]] = {}
    for mention in mentions:
        taken.setdefault(mention.span.sentence, []).append(mention.span)
    introduced: set[str] = set()
    for sentence in sentences:
        for match in pattern.finditer(sentence.text):
            spans = taken.get(sentence.anchor, [])
            if any(s.start <= match.start() < s.end for s in spans):
                introduced.add(surnames[match.group(0)])
            elif surnames[match.group(0)] in introduced:
                yield ActorMention(
                    surnames[match.group(0)], match.group(0), span_of(sentence, match, 0)
                )


def summarise_actors(mentions: Sequence[ActorMention], vocabulary: Vocabulary) -> tuple[Actor, ...]:
    """Return the actors of a brief with mention counts, most mentioned first."""
    counts = Counter(mention.actor_id for mention in mentions)
    full_names: dict[str, str] = {}
    for mention in mentions:
        if len(mention.surface) > len(full_names.get(mention.actor_id, "")):
            full_names[mention.actor_id] = mention.surface
    actors = []
    for actor_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        known = vocabulary.actors.get(actor_id)
        if known is None:
            name = full_names[actor_id]
            kind: ActorKind = "organisation" if ORGANISATION.fullmatch(name) else "person"
            actors.append(Actor(actor_id, name, kind, count, False))
        else:
            is_known = actor_id in vocabulary.known_actor_ids
            actors.append(Actor(actor_id, known.name, known.kind, count, is_known))
    return tuple(actors)
