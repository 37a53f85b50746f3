"""Corrections: apply an editor's front-matter corrections to what extraction found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from slugify import slugify

from ..errors import ContentError
from ..model import (
    Actor,
    Brief,
    Claim,
    DateMention,
    ItemSelector,
    Precision,
    Recommendation,
    RecommendationOverride,
    Sentence,
    Span,
)
from .recommendations import canonical
from .text import fold
from .vocabulary import Vocabulary

PRECISIONS: dict[int, Precision] = {4: "year", 7: "month", 10: "day"}


class Selectable(Protocol):
    """Anything a selector can pick: it has an anchor and a text."""

    @property
    def anchor(self) -> str: ...

    @property
    def text(self) -> str: ...


S = TypeVar("S", bound=Selectable)
Selector = ItemSelector | RecommendationOverride


def selects(selector: Selector, item: Selectable) -> bool:
    """Return whether a selector picks an item: same anchor, or its text contains the words."""
    if selector.anchor is not None:
        return item.anchor == selector.anchor
    return selector.text is not None and fold(selector.text) in fold(item.text)


def describe(selector: Selector) -> str:
    """Return how a selector is shown in an error message."""
    return f"anchor '{selector.anchor}'" if selector.anchor else f"text '{selector.text}'"


def pick(items: Sequence[S], selector: Selector, path: str, what: str) -> S:
    """Return the first item a selector picks, or raise a ContentError naming the file."""
    for item in items:
        if selects(selector, item):
            return item
    raise ContentError.at(path, None, f"corrections.{what}: no {describe(selector)} in the brief")


def apply_corrections(brief: Brief, vocabulary: Vocabulary) -> Brief:
    """Return the brief with every editor correction of its front matter applied."""
    corrections = brief.meta.corrections
    path = brief.source.path
    recommendations = correct_recommendations(brief, vocabulary)
    claims = list(brief.claims)
    for selector in corrections.remove_claims:
        claims.remove(pick(claims, selector, path, "remove_claims"))
    for selector in corrections.add_claims:
        sentence = pick(brief.sentences, selector, path, "add_claims")
        claims.append(Claim("", sentence.text, sentence.anchor, (), (), "editor"))
    return replace(
        brief,
        recommendations=numbered(recommendations, brief.sentences, "r"),
        claims=numbered(claims, brief.sentences, "c"),
        actors=correct_actors(brief, vocabulary),
        actor_mentions=tuple(
            m for m in brief.actor_mentions if not removed_actor(brief, m.actor_id)
        ),
        dates=correct_dates(brief),
    )


def correct_recommendations(brief: Brief, vocabulary: Vocabulary) -> list[Recommendation]:
    """Return the recommendations after removals, relabellings and additions."""
    corrections, path = brief.meta.corrections, brief.source.path
    found = list(brief.recommendations)
    for selector in corrections.remove_recommendations:
        found.remove(pick(found, selector, path, "remove_recommendations"))
    for override in corrections.relabel_recommendations:
        item = pick(found, override, path, "relabel_recommendations")
        found[found.index(item)] = relabel(item, override, vocabulary)
    for override in corrections.add_recommendations:
        sentence = pick(brief.sentences, override, path, "add_recommendations")
        found = [item for item in found if item.anchor != sentence.anchor]
        new = Recommendation("", sentence.text, sentence.anchor, None, (), False, (), ())
        found.append(relabel(new, override, vocabulary))
    return found


def relabel(
    item: Recommendation, override: RecommendationOverride, vocabulary: Vocabulary
) -> Recommendation:
    """Return a recommendation with the override's addressee and reported flag, by the editor."""
    addressee, ids = item.addressee, item.addressee_ids
    if override.addressee is not None:
        addressee, ids = canonical(override.addressee, vocabulary)
    reported = item.reported if override.reported is None else override.reported
    return replace(item, addressee=addressee, addressee_ids=ids, reported=reported, origin="editor")


N = TypeVar("N", Recommendation, Claim)


def numbered(items: Sequence[N], sentences: Sequence[Sentence], prefix: str) -> tuple[N, ...]:
    """Return items in reading order with fresh ids (r1, r2, … or c1, c2, …)."""
    order = {sentence.anchor: sentence.index for sentence in sentences}
    ordered = sorted(items, key=lambda item: order.get(item.anchor, 0))
    return tuple(replace(item, id=f"{prefix}{n}") for n, item in enumerate(ordered, start=1))


def removed_actor(brief: Brief, actor_id: str) -> bool:
    """Return whether the editor removed an actor (by name) from the brief."""
    names = {fold(name) for name in brief.meta.corrections.remove_actors}
    return any(a.id == actor_id and fold(a.name) in names for a in brief.actors)


def correct_actors(brief: Brief, vocabulary: Vocabulary) -> tuple[Actor, ...]:
    """Return the actors after the editor's removals and additions."""
    actors = list(brief.actors)
    for name in brief.meta.corrections.remove_actors:
        match = [a for a in actors if fold(a.name) == fold(name)]
        if not match:
            raise ContentError.at(
                brief.source.path, None, f"corrections.remove_actors: no actor '{name}'"
            )
        actors.remove(match[0])
    for override in brief.meta.corrections.add_actors:
        actor_id = vocabulary.actor_id_of(override.name) or slugify(override.name)
        mentions = sum(s.text.count(override.name) for s in brief.sentences)
        known = actor_id in vocabulary.known_actor_ids
        actors = [a for a in actors if a.id != actor_id]
        actors.append(Actor(actor_id, override.name, override.kind, mentions, known, "editor"))
    return tuple(actors)


def correct_dates(brief: Brief) -> tuple[DateMention, ...]:
    """Return the dates after the editor's removals, corrections and additions."""
    path, corrections = brief.source.path, brief.meta.corrections
    dates = list(brief.dates)
    for text in corrections.remove_dates:
        kept = [d for d in dates if fold(d.text) != fold(text)]
        if len(kept) == len(dates):
            raise ContentError.at(path, None, f"corrections.remove_dates: no date '{text}'")
        dates = kept
    for override in corrections.add_dates:
        spans = text_spans(brief.sentences, override.text)
        if not spans:
            raise ContentError.at(
                path, None, f"corrections.add_dates: '{override.text}' is not in the brief"
            )
        dates = [d for d in dates if fold(d.text) != fold(override.text)]
        precision = PRECISIONS[len(override.value)]
        dates += [
            DateMention(override.text, override.value, precision, s, False, "editor") for s in spans
        ]
    order = {sentence.anchor: sentence.index for sentence in brief.sentences}
    return tuple(sorted(dates, key=lambda d: (order.get(d.span.sentence, 0), d.span.start)))


def text_spans(sentences: Sequence[Sentence], text: str) -> list[Span]:
    """Return a span for every sentence that contains text exactly."""
    found = ((sentence, sentence.text.find(text)) for sentence in sentences)
    return [Span(s.anchor, start, start + len(text)) for s, start in found if start >= 0]
