"""The site's vocabulary compiled once into matchers for themes and actors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from slugify import slugify

from ..config import ActorDef, SiteConfig, ThemeDef


@dataclass(frozen=True)
class Vocabulary:
    """Themes and actors by id, with one compiled pattern each for fast matching."""

    themes: dict[str, ThemeDef]
    actors: dict[str, ActorDef]
    theme_pattern: re.Pattern[str] | None
    theme_by_phrase: dict[str, str]
    actor_pattern: re.Pattern[str] | None
    actor_by_alias: dict[str, str]
    theme_regexes: tuple[tuple[str, re.Pattern[str]], ...]


def actor_id(actor: ActorDef) -> str:
    """Return the URL id of a known actor."""
    return actor.id or slugify(actor.name)


def alternation(phrases: list[str]) -> str:
    """Return a regex alternation of phrases, longest first, on word boundaries."""
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w-])"


def compile_vocabulary(config: SiteConfig) -> Vocabulary:
    """Return the compiled vocabulary of a site configuration."""
    theme_by_phrase: dict[str, str] = {}
    for theme in config.themes:
        for phrase in (theme.name, *theme.aliases):
            theme_by_phrase.setdefault(phrase.casefold(), theme.id)
    actor_by_alias: dict[str, str] = {}
    for actor in config.actors:
        for alias in (actor.name, *actor.aliases):
            actor_by_alias.setdefault(alias, actor_id(actor))
    return Vocabulary(
        themes={theme.id: theme for theme in config.themes},
        actors={actor_id(actor): actor for actor in config.actors},
        theme_pattern=(
            re.compile(alternation(list(theme_by_phrase)), re.IGNORECASE) if theme_by_phrase else None
        ),
        theme_by_phrase=theme_by_phrase,
        actor_pattern=re.compile(alternation(list(actor_by_alias))) if actor_by_alias else None,
        actor_by_alias=actor_by_alias,
        theme_regexes=tuple(
            (theme.id, re.compile(pattern, re.IGNORECASE))
            for theme in config.themes
            for pattern in theme.patterns
        ),
    )
