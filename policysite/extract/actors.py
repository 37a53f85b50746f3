"""Actors: states, organisations, people and groups, merged by alias, with mention counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import Actor, ActorMention, Sentence, Span
from .vocabulary import Vocabulary


def find_actors(sentences: Sequence[Sentence], vocabulary: Vocabulary) -> tuple[ActorMention, ...]:
    """Return every mention of a known actor in reading order."""
    mentions: list[ActorMention] = []
    if vocabulary.actor_pattern is None:
        return ()
    for sentence in sentences:
        for match in vocabulary.actor_pattern.finditer(sentence.text):
            actor = vocabulary.actor_by_alias[match.group(0)]
            span = Span(sentence.anchor, match.start(), match.end())
            mentions.append(ActorMention(actor, match.group(0), span))
    return tuple(mentions)


def summarise_actors(mentions: Sequence[ActorMention], vocabulary: Vocabulary) -> tuple[Actor, ...]:
    """Return the actors of a brief with mention counts, most mentioned first."""
    counts = Counter(mention.actor_id for mention in mentions)
    actors = []
    for actor_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        known = vocabulary.actors.get(actor_id)
        if known is not None:
            actors.append(Actor(actor_id, known.name, known.kind, count, True))
    return tuple(actors)
