"""Link: cross-index the briefs by theme, actor, date and addressee (one pass, no quadratic step)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .config import SiteConfig, ThemeDef
from .model import Brief, DateMention, Recommendation, Sentence


@dataclass(frozen=True)
class MentionRef:
    """A mention as other pages cite it: which brief, which sentence, what was written."""

    brief: Brief
    sentence: Sentence
    surface: str


@dataclass(frozen=True)
class BriefGroup:
    """Mentions and recommendations of one theme or actor in one brief."""

    brief: Brief
    mentions: tuple[MentionRef, ...]
    recommendations: tuple[Recommendation, ...]


@dataclass(frozen=True)
class ThemeEntry:
    """A theme across the site: its mentions grouped by brief, and what co-occurs with it."""

    theme: ThemeDef
    groups: tuple[BriefGroup, ...]
    related_themes: tuple[tuple[str, int], ...]
    related_actors: tuple[tuple[str, int], ...]

    @property
    def mention_count(self) -> int:
        """Return how many mentions the theme has across all briefs."""
        return sum(len(group.mentions) for group in self.groups)


@dataclass(frozen=True)
class ActorEntry:
    """An actor across the site: its mentions by brief and recommendations addressed to it."""

    id: str
    name: str
    kind: str
    groups: tuple[BriefGroup, ...]
    addressed: tuple[tuple[Brief, Recommendation], ...]

    @property
    def mention_count(self) -> int:
        """Return how many mentions the actor has across all briefs."""
        return sum(len(group.mentions) for group in self.groups)


@dataclass(frozen=True)
class TimelineEntry:
    """One dated mention placed on the site-wide timeline."""

    date: DateMention
    brief: Brief
    sentence: Sentence


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs: settings, briefs in date order, and the cross-indices."""

    config: SiteConfig
    briefs: tuple[Brief, ...]
    themes: tuple[ThemeEntry, ...]
    actors: tuple[ActorEntry, ...]
    timeline: tuple[TimelineEntry, ...]


def chronological_key(brief: Brief) -> tuple[str, str]:
    """Return the sort key that orders briefs by publication date (undated last), then slug."""
    return (brief.meta.published or "9999", brief.slug)


def link(config: SiteConfig, briefs: tuple[Brief, ...]) -> Site:
    """Return the cross-linked site of a set of briefs."""
    ordered = tuple(sorted(briefs, key=chronological_key))
    return Site(config, ordered, link_themes(config, ordered), link_actors(ordered), timeline(ordered))


def sentence_index(brief: Brief) -> dict[str, Sentence]:
    """Return a brief's sentences by anchor."""
    return {sentence.anchor: sentence for sentence in brief.sentences}


def link_themes(config: SiteConfig, briefs: tuple[Brief, ...]) -> tuple[ThemeEntry, ...]:
    """Return one entry per configured theme, with its mentions grouped by brief."""
    groups: dict[str, list[BriefGroup]] = defaultdict(list)
    related: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    related_actors: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for brief in briefs:
        sentences = sentence_index(brief)
        by_theme: dict[str, list[MentionRef]] = defaultdict(list)
        themes_in_sentence: dict[str, set[str]] = defaultdict(set)
        for mention in brief.theme_mentions:
            sentence = sentences[mention.span.sentence]
            by_theme[mention.theme_id].append(MentionRef(brief, sentence, mention.surface))
            themes_in_sentence[sentence.anchor].add(mention.theme_id)
        actors_in_sentence: dict[str, set[str]] = defaultdict(set)
        for actor_mention in brief.actor_mentions:
            actors_in_sentence[actor_mention.span.sentence].add(actor_mention.actor_id)
        for anchor, theme_ids in themes_in_sentence.items():
            for theme_id in theme_ids:
                for other in theme_ids - {theme_id}:
                    related[theme_id][other] += 1
                for actor_id in actors_in_sentence.get(anchor, ()):
                    related_actors[theme_id][actor_id] += 1
        for theme_id, mentions in by_theme.items():
            recs = tuple(r for r in brief.recommendations if theme_id in r.themes)
            groups[theme_id].append(BriefGroup(brief, tuple(mentions), recs))
    return tuple(
        ThemeEntry(theme, tuple(groups[theme.id]), _ranked(related[theme.id]), _ranked(related_actors[theme.id]))
        for theme in config.themes
    )


def _ranked(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """Return (id, count) pairs, most frequent first, ties by id."""
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def link_actors(briefs: tuple[Brief, ...]) -> tuple[ActorEntry, ...]:
    """Return one entry per actor mentioned anywhere, with mentions and addressed recommendations."""
    names: dict[str, tuple[str, str]] = {}
    groups: dict[str, list[BriefGroup]] = defaultdict(list)
    addressed: dict[str, list[tuple[Brief, Recommendation]]] = defaultdict(list)
    for brief in briefs:
        sentences = sentence_index(brief)
        for actor in brief.actors:
            names.setdefault(actor.id, (actor.name, actor.kind))
        by_actor: dict[str, list[MentionRef]] = defaultdict(list)
        for mention in brief.actor_mentions:
            by_actor[mention.actor_id].append(
                MentionRef(brief, sentences[mention.span.sentence], mention.surface)
            )
        for recommendation in brief.recommendations:
            for actor_id in recommendation.addressee_ids:
                addressed[actor_id].append((brief, recommendation))
        for actor_id, mentions in by_actor.items():
            recs = tuple(r for r in brief.recommendations if actor_id in r.addressee_ids)
            groups[actor_id].append(BriefGroup(brief, tuple(mentions), recs))
    return tuple(
        ActorEntry(actor_id, name, kind, tuple(groups[actor_id]), tuple(addressed[actor_id]))
        for actor_id, (name, kind) in sorted(names.items(), key=lambda item: item[1][0].casefold())
    )


def timeline(briefs: tuple[Brief, ...]) -> tuple[TimelineEntry, ...]:
    """Return every dated mention across the briefs in date order."""
    entries = []
    for brief in briefs:
        sentences = sentence_index(brief)
        for date in brief.dates:
            entries.append(TimelineEntry(date, brief, sentences[date.span.sentence]))
    return tuple(sorted(entries, key=lambda e: (e.date.value, chronological_key(e.brief), e.sentence.index)))
