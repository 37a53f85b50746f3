"""Audit: what is legal but almost surely a mistake in a site's vocabulary and content."""

from __future__ import annotations

from collections import defaultdict

from .errors import Problem
from .link import Site


def site_warnings(site: Site, config_label: str = "site.yaml") -> tuple[Problem, ...]:
    """Return what is legal but almost surely a mistake in the site's vocabulary and content."""
    return (
        *alias_clashes(site, config_label),
        *duplicate_slugs(site),
        *unused_themes(site, config_label),
    )


def alias_clashes(site: Site, config_label: str) -> tuple[Problem, ...]:
    """Return one problem per actor name or alias that two actors claim."""
    claims: dict[str, set[str]] = defaultdict(set)
    for actor in site.config.actors:
        for alias in (actor.name, *actor.aliases):
            claims[alias].add(actor.name)
    return tuple(
        Problem(
            config_label,
            None,
            f"actors: the alias '{alias}' is claimed by {' and '.join(sorted(owners))}",
        )
        for alias, owners in sorted(claims.items())
        if len(owners) > 1
    )


def duplicate_slugs(site: Site) -> tuple[Problem, ...]:
    """Return one problem per brief whose slug another brief also has."""
    paths: dict[str, list[str]] = defaultdict(list)
    for brief in site.briefs:
        paths[brief.slug].append(brief.source.path)
    return tuple(
        Problem(
            path,
            None,
            f"slug '{slug}' is also used by {', '.join(p for p in sorted(owners) if p != path)}",
        )
        for slug, owners in sorted(paths.items())
        if len(owners) > 1
        for path in sorted(owners)
    )


def unused_themes(site: Site, config_label: str) -> tuple[Problem, ...]:
    """Return one problem per configured theme that no brief mentions."""
    return tuple(
        Problem(config_label, None, f"themes: '{entry.theme.id}' is never mentioned in any brief")
        for entry in site.themes
        if not entry.groups
    )
