"""The site's vocabulary compiled once into matchers for themes and actors."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from slugify import slugify

from ..config import ActorDef, SiteConfig, ThemeDef
from .gazetteer import STATES

ACRONYM = re.compile(r"^[A-Z0-9]{2,}$")


@dataclass(frozen=True)
class Vocabulary:
    """Themes and actors by id, with compiled patterns for fast matching."""

    themes: dict[str, ThemeDef]
    actors: dict[str, ActorDef]
    known_actor_ids: frozenset[str]
    theme_patterns: tuple[re.Pattern[str], ...]
    theme_by_phrase: dict[str, str]
    actor_pattern: re.Pattern[str] | None
    actor_by_alias: dict[str, str]
    theme_regexes: tuple[tuple[str, re.Pattern[str]], ...]

    def actor_id_of(self, phrase: str) -> str | None:
        """Return the id of the actor a phrase names exactly (an alias or name), if any."""
        bare = phrase.removeprefix("the ").removeprefix("The ")
        for candidate in (phrase, bare, f"the {bare}"):
            if candidate in self.actor_by_alias:
                return self.actor_by_alias[candidate]
        return None

    def in_site_order(self, actor_ids: Sequence[str]) -> tuple[str, ...]:
        """Return distinct actor ids in site.yaml order ("NATO and Russia", never the reverse)."""
        order = {actor_id: position for position, actor_id in enumerate(self.actors)}
        return tuple(sorted(set(actor_ids), key=lambda actor_id: order.get(actor_id, len(order))))


def actor_id(actor: ActorDef) -> str:
    """Return the URL id of an actor."""
    return actor.id or slugify(actor.name)


def alternation(phrases: list[str]) -> str:
    """Return a regex alternation of phrases, longest first, on word boundaries."""
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w-])"


def theme_patterns(phrases: list[str]) -> tuple[re.Pattern[str], ...]:
    """Return the theme matchers: acronyms ("START") case-sensitive, other phrases not."""
    acronyms = [phrase for phrase in phrases if ACRONYM.match(phrase)]
    words = [phrase for phrase in phrases if not ACRONYM.match(phrase)]
    patterns = [re.compile(alternation(words), re.IGNORECASE)] if words else []
    return tuple(patterns + ([re.compile(alternation(acronyms))] if acronyms else []))


def all_actors(config: SiteConfig) -> tuple[ActorDef, ...]:
    """Return site.yaml's actors plus every gazetteer state site.yaml does not name."""
    named = {alias for actor in config.actors for alias in (actor.name, *actor.aliases)}
    extra = tuple(ActorDef(name, "state") for name in STATES if name not in named)
    return (*config.actors, *extra)


def compile_vocabulary(config: SiteConfig) -> Vocabulary:
    """Return the compiled vocabulary of a site configuration."""
    theme_by_phrase: dict[str, str] = {}
    for theme in config.themes:
        for phrase in (theme.name, *theme.aliases):
            theme_by_phrase.setdefault(phrase.casefold(), theme.id)
    phrases = [p for theme in config.themes for p in (theme.name, *theme.aliases)]
    actors = all_actors(config)
    actor_by_alias: dict[str, str] = {}
    for actor in actors:
        for alias in (actor.name, *actor.aliases):
            actor_by_alias.setdefault(alias, actor_id(actor))
    return Vocabulary(
        themes={theme.id: theme for theme in config.themes},
        actors={actor_id(actor): actor for actor in actors},
        known_actor_ids=frozenset(actor_id(actor) for actor in config.actors),
        theme_patterns=theme_patterns(phrases),
        theme_by_phrase=theme_by_phrase,
        actor_pattern=re.compile(alternation(list(actor_by_alias))) if actor_by_alias else None,
        actor_by_alias=actor_by_alias,
        theme_regexes=tuple(
            (theme.id, re.compile(pattern, re.IGNORECASE))
            for theme in config.themes
            for pattern in theme.patterns
        ),
    )
