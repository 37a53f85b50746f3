"""Link: cross-index the briefs by theme, actor, date and addressee, in one linear pass."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Self

from .config import SiteConfig, ThemeDef
from .errors import BuildError
from .evaluate import EvaluationReport
from .model import Brief, DateMention, Recommendation, Sentence

UNADDRESSED = "no addressee named"


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
    continued: bool = False

    @property
    def size(self) -> int:
        """Return how many listed items the group holds (what pagination counts)."""
        return len(self.mentions)

    def part(self, start: int, end: int) -> Self:
        """Return the mentions start:end; recommendations stay with the first part only."""
        recommendations = self.recommendations if start == 0 else ()
        return replace(
            self,
            mentions=self.mentions[start:end],
            recommendations=recommendations,
            continued=start > 0,
        )


@dataclass(frozen=True)
class TimelineEntry:
    """One dated mention placed on the site-wide timeline."""

    date: DateMention
    brief: Brief
    sentence: Sentence


@dataclass(frozen=True)
class ThemeEntry:
    """A theme across the site: its mentions grouped by brief, and what co-occurs with it."""

    theme: ThemeDef
    groups: tuple[BriefGroup, ...]
    related_themes: tuple[tuple[str, int], ...]
    related_actors: tuple[tuple[str, int], ...]
    timeline: tuple[TimelineEntry, ...] = ()

    @property
    def mention_count(self) -> int:
        """Return how many mentions the theme has across all briefs."""
        return sum(len(group.mentions) for group in self.groups)

    @property
    def briefs(self) -> tuple[Brief, ...]:
        """Return the briefs that mention this entry, in date order (each once)."""
        return tuple({group.brief.slug: group.brief for group in self.groups}.values())


@dataclass(frozen=True)
class ActorEntry:
    """An actor across the site: its mentions by brief and recommendations addressed to it."""

    id: str
    name: str
    kind: str
    groups: tuple[BriefGroup, ...]
    addressed: tuple[tuple[Brief, Recommendation], ...]
    timeline: tuple[TimelineEntry, ...] = ()

    @property
    def mention_count(self) -> int:
        """Return how many mentions the actor has across all briefs."""
        return sum(len(group.mentions) for group in self.groups)

    @property
    def briefs(self) -> tuple[Brief, ...]:
        """Return the briefs that mention this entry, in date order (each once)."""
        return tuple({group.brief.slug: group.brief for group in self.groups}.values())


@dataclass(frozen=True)
class RecommendationGroup:
    """Recommendations that share one addressee or one theme, in chronological order of briefs."""

    key: str
    label: str
    items: tuple[tuple[Brief, Recommendation], ...]
    link: str | None = None
    continued: bool = False

    @property
    def size(self) -> int:
        """Return how many recommendations the group holds (what pagination counts)."""
        return len(self.items)

    def part(self, start: int, end: int) -> Self:
        """Return the recommendations start:end of the group."""
        return replace(self, items=self.items[start:end], continued=start > 0)


@dataclass(frozen=True)
class Site:
    """Everything the renderer needs: settings, briefs in date order, and the cross-indices."""

    config: SiteConfig
    briefs: tuple[Brief, ...]
    themes: tuple[ThemeEntry, ...]
    actors: tuple[ActorEntry, ...]
    timeline: tuple[TimelineEntry, ...]
    by_addressee: tuple[RecommendationGroup, ...] = ()
    by_theme: tuple[RecommendationGroup, ...] = ()
    theme_names: dict[str, str] = field(default_factory=dict, compare=False)
    actor_names: dict[str, str] = field(default_factory=dict, compare=False)
    evaluation: EvaluationReport | None = None


def chronological_key(brief: Brief) -> tuple[str, str]:
    """Return the sort key that orders briefs by publication date (undated last), then slug."""
    return (brief.meta.published or "9999", brief.slug)


def link(
    config: SiteConfig, briefs: tuple[Brief, ...], evaluation: EvaluationReport | None = None
) -> Site:
    """Return the cross-linked site of a set of briefs (with the gold-set scores, if measured)."""
    check_unique_slugs(briefs)
    ordered = tuple(sorted(briefs, key=chronological_key))
    dated = timeline(ordered)
    actors = link_actors(ordered, dated)
    actor_names = {entry.id: entry.name for entry in actors}
    return Site(
        config,
        ordered,
        link_themes(config, ordered, dated),
        actors,
        dated,
        recommendations_by_addressee(ordered, actor_names),
        recommendations_by_theme(config, ordered),
        {theme.id: theme.name for theme in config.themes},
        actor_names,
        evaluation,
    )


def check_unique_slugs(briefs: Iterable[Brief]) -> None:
    """Raise BuildError naming both content files when two briefs would share one URL."""
    seen: dict[str, str] = {}
    for brief in briefs:
        if brief.slug in seen:
            raise BuildError(
                f"two briefs claim the URL briefs/{brief.slug}/: {seen[brief.slug]} and "
                f"{brief.source.path} (give one a different 'slug:' in its front matter)"
            )
        seen[brief.slug] = brief.source.path


def sentence_index(brief: Brief) -> dict[str, Sentence]:
    """Return a brief's sentences by anchor."""
    return {sentence.anchor: sentence for sentence in brief.sentences}


def _ids_by_sentence(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Return the set of ids mentioned in each sentence, from (sentence anchor, id) pairs."""
    index: dict[str, set[str]] = defaultdict(set)
    for anchor, item_id in pairs:
        index[anchor].add(item_id)
    return index


def _dates_by_id(
    entries: Sequence[TimelineEntry], ids_in: dict[tuple[str, str], set[str]]
) -> dict[str, list[TimelineEntry]]:
    """Return the timeline entries whose sentence mentions each id (input already date-ordered)."""
    found: dict[str, list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        for item_id in sorted(ids_in.get((entry.brief.slug, entry.sentence.anchor), ())):
            found[item_id].append(entry)
    return found


def link_themes(
    config: SiteConfig, briefs: tuple[Brief, ...], dated: Sequence[TimelineEntry] = ()
) -> tuple[ThemeEntry, ...]:
    """Return one entry per configured theme, with its mentions grouped by brief."""
    groups: dict[str, list[BriefGroup]] = defaultdict(list)
    related: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    related_actors: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    themes_at: dict[tuple[str, str], set[str]] = {}
    for brief in briefs:
        sentences = sentence_index(brief)
        by_theme: dict[str, list[MentionRef]] = defaultdict(list)
        for mention in brief.theme_mentions:
            sentence = sentences[mention.span.sentence]
            by_theme[mention.theme_id].append(MentionRef(brief, sentence, mention.surface))
        in_sentence = _ids_by_sentence((m.span.sentence, m.theme_id) for m in brief.theme_mentions)
        actors_in = _ids_by_sentence((m.span.sentence, m.actor_id) for m in brief.actor_mentions)
        for anchor, theme_ids in in_sentence.items():
            themes_at[(brief.slug, anchor)] = theme_ids
            for theme_id in theme_ids:
                for other in theme_ids - {theme_id}:
                    related[theme_id][other] += 1
                for actor_id in actors_in.get(anchor, ()):
                    related_actors[theme_id][actor_id] += 1
        for theme_id, mentions in by_theme.items():
            recs = tuple(r for r in brief.recommendations if theme_id in r.themes)
            groups[theme_id].append(BriefGroup(brief, tuple(mentions), recs))
    dates = _dates_by_id(dated, themes_at)
    return tuple(
        ThemeEntry(
            theme,
            tuple(groups[theme.id]),
            _ranked(related[theme.id]),
            _ranked(related_actors[theme.id]),
            tuple(dates[theme.id]),
        )
        for theme in config.themes
    )


def _ranked(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """Return (id, count) pairs, most frequent first, ties by id."""
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def link_actors(
    briefs: tuple[Brief, ...], dated: Sequence[TimelineEntry] = ()
) -> tuple[ActorEntry, ...]:
    """Return one entry per actor mentioned anywhere, with mentions and recommendations to it."""
    names: dict[str, tuple[str, str]] = {}
    groups: dict[str, list[BriefGroup]] = defaultdict(list)
    addressed: dict[str, list[tuple[Brief, Recommendation]]] = defaultdict(list)
    actors_at: dict[tuple[str, str], set[str]] = {}
    for brief in briefs:
        sentences = sentence_index(brief)
        for actor in brief.actors:
            names.setdefault(actor.id, (actor.name, actor.kind))
        by_actor: dict[str, list[MentionRef]] = defaultdict(list)
        for mention in brief.actor_mentions:
            ref = MentionRef(brief, sentences[mention.span.sentence], mention.surface)
            by_actor[mention.actor_id].append(ref)
        for anchor, ids in _ids_by_sentence(
            (m.span.sentence, m.actor_id) for m in brief.actor_mentions
        ).items():
            actors_at[(brief.slug, anchor)] = ids
        for recommendation in brief.recommendations:
            for actor_id in recommendation.addressee_ids:
                addressed[actor_id].append((brief, recommendation))
        for actor_id, mentions in by_actor.items():
            recs = tuple(r for r in brief.recommendations if actor_id in r.addressee_ids)
            groups[actor_id].append(BriefGroup(brief, tuple(mentions), recs))
    dates = _dates_by_id(dated, actors_at)
    return tuple(
        ActorEntry(
            actor_id,
            name,
            kind,
            tuple(groups[actor_id]),
            tuple(addressed[actor_id]),
            tuple(dates[actor_id]),
        )
        for actor_id, (name, kind) in sorted(
            names.items(), key=lambda item: (item[1][0].casefold(), item[0])
        )
    )


def timeline(briefs: tuple[Brief, ...]) -> tuple[TimelineEntry, ...]:
    """Return every dated mention across the briefs in date order."""
    entries = []
    for brief in briefs:
        sentences = sentence_index(brief)
        for date in brief.dates:
            entries.append(TimelineEntry(date, brief, sentences[date.span.sentence]))
    return tuple(
        sorted(entries, key=lambda e: (e.date.value, chronological_key(e.brief), e.sentence.index))
    )


def recommendations_by_addressee(
    briefs: tuple[Brief, ...], actor_names: dict[str, str]
) -> tuple[RecommendationGroup, ...]:
    """Return recommendations by addressed actor, then by phrase as written, unaddressed last."""
    grouped: dict[tuple[int, str], list[tuple[Brief, Recommendation]]] = defaultdict(list)
    for brief in briefs:
        for recommendation in brief.recommendations:
            keys = [(0, actor_id) for actor_id in recommendation.addressee_ids]
            keys = keys or [(1, recommendation.addressee) if recommendation.addressee else (2, "")]
            for key in keys:
                grouped[key].append((brief, recommendation))

    def label(key: tuple[int, str]) -> str:
        """Return the heading of one group."""
        return actor_names.get(key[1], key[1]) if key[0] == 0 else key[1] or UNADDRESSED

    ordered = sorted(grouped, key=lambda key: (key[0] == 2, label(key).casefold(), key))
    return tuple(
        RecommendationGroup(
            key[1],
            label(key),
            tuple(grouped[key]),
            link=f"actors/{key[1]}/" if key[0] == 0 else None,
        )
        for key in ordered
    )


def recommendations_by_theme(
    config: SiteConfig, briefs: tuple[Brief, ...]
) -> tuple[RecommendationGroup, ...]:
    """Return every recommendation under each theme it touches, in site.yaml's theme order."""
    grouped: dict[str, list[tuple[Brief, Recommendation]]] = defaultdict(list)
    for brief in briefs:
        for recommendation in brief.recommendations:
            for theme_id in recommendation.themes:
                grouped[theme_id].append((brief, recommendation))
    return tuple(
        RecommendationGroup(
            theme.id, theme.name, tuple(grouped[theme.id]), link=f"themes/{theme.id}/"
        )
        for theme in config.themes
        if grouped[theme.id]
    )
