"""The site.yaml schema: settings and the editorial vocabulary of themes and actors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from .errors import ConfigError, Problem
from .schema import SchemaProblems, option, parse_yaml, read_dataclass

ActorKind = Literal["state", "organisation", "person", "group"]
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_slug(value: str) -> str | None:
    """Return an error unless value is a lowercase hyphenated slug."""
    return None if SLUG_PATTERN.match(value) else "must be lowercase letters, digits and hyphens"


def check_base_url(value: str) -> str | None:
    """Return an error unless value is an absolute http(s) URL."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "must be an absolute http:// or https:// URL"
    return None


def _check_relative_dir(value: str) -> str | None:
    """Return an error unless value is a plain relative directory inside the project."""
    if value.startswith(("/", "\\")) or ".." in value.replace("\\", "/").split("/") or not value:
        return "must be a relative path inside the project"
    return None


def check_not_blank(value: str) -> str | None:
    """Return an error when value is empty or only white space."""
    return None if value.strip() else "must not be empty"


def _check_phrases(values: tuple[str, ...]) -> str | None:
    """Return an error when a phrase is empty (it would match everywhere)."""
    return "an empty phrase would match everywhere" if any(not v.strip() for v in values) else None


def _check_patterns(values: tuple[str, ...]) -> str | None:
    """Return an error for a pattern that does not compile or matches the empty string."""
    for pattern in values:
        try:
            if re.compile(pattern).search("") is not None:
                return f"the pattern '{pattern}' matches the empty string (so, everywhere)"
        except re.error as error:
            return f"bad pattern '{pattern}': {error}"
    return None


def _check_positive(value: int) -> str | None:
    """Return an error unless value is at least 1."""
    return None if value >= 1 else "must be 1 or more"


@dataclass(frozen=True)
class ThemeDef:
    """A recurring theme the site cross-links across briefs."""

    id: str = option("Stable identifier, used in URLs (/themes/<id>/).", check=check_slug)
    name: str = option("Display name of the theme.", check=check_not_blank)
    description: str = option("One or two sentences shown on the theme page.", default="")
    aliases: tuple[str, ...] = option(
        "Phrases that mark a mention, matched case-insensitively on word boundaries.",
        default=(),
        check=_check_phrases,
    )
    patterns: tuple[str, ...] = option(
        "Regular expressions that also mark a mention (Python syntax, case-insensitive).",
        default=(),
        check=_check_patterns,
    )


@dataclass(frozen=True)
class ActorDef:
    """A known actor: its canonical name, kind and the aliases merged into it."""

    name: str = option("Canonical name shown on the site.", check=check_not_blank)
    kind: ActorKind = option("One of state, organisation, person, group.")
    aliases: tuple[str, ...] = option(
        "Other names merged into this actor (Moscow -> Russia); matched case-sensitively.",
        default=(),
        check=_check_phrases,
    )
    id: str | None = option(
        "Identifier used in URLs; derived from the name when empty.", default=None, check=check_slug
    )


@dataclass(frozen=True)
class SiteConfig:
    """Everything site.yaml says: settings plus the editorial vocabulary."""

    title: str = option("Site title, shown in the header and feeds.")
    description: str = option(
        "What the site is; shown on the home page and in metadata.", default=""
    )
    base_url: str = option(
        "Absolute URL the site is published at; its path is the sub-path every link uses.",
        default="http://127.0.0.1:8000/",
        check=check_base_url,
    )
    output_dir: str = option(
        "Where the site is written.", default="_site", check=_check_relative_dir
    )
    content_dir: str = option(
        "Where briefs are read from.", default="content", check=_check_relative_dir
    )
    language: str = option("Language of the texts (BCP 47 tag, e.g. en).", default="en")
    page_size: int = option(
        "Most items on one listing page before it paginates.", default=50, check=_check_positive
    )
    show_build_time: bool = option(
        "Print the build time in page footers (off keeps builds byte-identical).", default=False
    )
    strict: bool = option(
        "Treat warnings as errors in every build, not only in check.", default=False
    )
    gold_dir: str = option(
        "Folder of hand-annotated gold files; when it exists, the method page shows extraction "
        "scores against it, computed at build time. Empty: no scores.",
        default="tests/gold",
    )
    themes: tuple[ThemeDef, ...] = option("The recurring themes to cross-link.", default=())
    actors: tuple[ActorDef, ...] = option("Known actors and their aliases.", default=())


def parse_config(text: str, path: str) -> SiteConfig:
    """Return the SiteConfig a site.yaml text describes, or raise ConfigError with every problem."""
    try:
        document = parse_yaml(text, path)
        config = read_dataclass(SiteConfig, document.root, path)
    except SchemaProblems as error:
        raise ConfigError(error.problems) from None
    problems = _vocabulary_problems(config, path)
    if problems:
        raise ConfigError(problems)
    return config


def _vocabulary_problems(config: SiteConfig, path: str) -> list[Problem]:
    """Return problems the schema cannot see: duplicate ids and bad patterns."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for theme in config.themes:
        if theme.id in seen:
            problems.append(Problem(path, None, f"themes: the id '{theme.id}' is used twice"))
        seen.add(theme.id)
        for pattern in theme.patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                problems.append(Problem(path, None, f"themes.{theme.id}: bad pattern: {error}"))
    names = [actor.name for actor in config.actors]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(Problem(path, None, f"actors: the name '{name}' is used twice"))
    return problems
