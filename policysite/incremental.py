"""Incremental rebuilds for watch mode: re-extract only changed briefs, write only changed files."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from .config import SiteConfig
from .errors import ContentError, Problem
from .link import Site, chronological_key, link
from .load import Project, content_files, read_source
from .model import Brief, Source
from .pipeline import BuildOptions, configure, extract, preview_pages, render

Stamp = tuple[int, int]


@dataclass(frozen=True)
class Snapshot:
    """The last good build held in memory: its inputs, caches and every output file's bytes."""

    config: SiteConfig
    sources: Mapping[str, tuple[Stamp, Source]]
    briefs: Mapping[str, Brief]
    site: Site
    files: Mapping[str, bytes]


@dataclass(frozen=True)
class Scope:
    """A batch of changed paths (project-relative) and whether site.yaml is among them."""

    paths: tuple[str, ...]
    config: bool


@dataclass(frozen=True)
class Refresh:
    """Sources after a change: all of them, and the briefs that had to be extracted again."""

    config: SiteConfig
    sources: Mapping[str, tuple[Stamp, Source]]
    briefs: Mapping[str, Brief]
    fresh: tuple[Brief, ...]


@dataclass(frozen=True)
class Delta:
    """Files to write and remove to turn the site on disk into the new one."""

    written: Mapping[str, bytes]
    removed: tuple[str, ...]


def scope_of(project: Project, paths: Iterable[Path]) -> Scope:
    """Return the scope of a batch of changed paths (templates and static need no special case:
    every settled build renders all files and writes only those whose bytes changed)."""
    labels = tuple(sorted({project.relative(path) for path in paths}))
    return Scope(labels, config=project.relative(project.config_path) in labels)


def stamp(path: Path) -> Stamp | None:
    """Return a file's (modification time, size), or None when it has just vanished."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size)


def read_changed(
    project: Project, config: SiteConfig, previous: Mapping[str, tuple[Stamp, Source]]
) -> dict[str, tuple[Stamp, Source]]:
    """Return every content file's Source, reading only files whose stamp changed."""
    known_themes = frozenset(theme.id for theme in config.themes)
    sources: dict[str, tuple[Stamp, Source]] = {}
    problems: list[Problem] = []
    for path in content_files(project, config):
        label, current = project.relative(path), stamp(path)
        if current is None:
            # Listed, then gone: an editor mid-save; its next event triggers another rebuild.
            problems.append(Problem(label, None, "file vanished while being read (mid-save?)"))
            continue
        known = previous.get(label)
        try:
            source = (
                known[1]
                if known and known[0] == current
                else read_source(path, label, known_themes)
            )
        except ContentError as error:
            problems.extend(error.problems)
            continue
        sources[label] = (current, source)
    if problems:
        raise ContentError(problems)
    return sources


def refresh(
    project: Project, options: BuildOptions, previous: Snapshot | None, scope: Scope
) -> Refresh:
    """Return the sources after a change, extracting only texts whose content hash is new."""
    config = configure(project, options) if previous is None or scope.config else previous.config
    reuse = previous is not None and config == previous.config
    known_sources = previous.sources if previous and reuse else {}
    cache = previous.briefs if previous and reuse else {}
    sources = read_changed(project, config, known_sources)
    missing = tuple(source for _, source in sources.values() if source.content_hash not in cache)
    fresh = extract(config, missing)
    briefs = {brief.source.content_hash: brief for brief in fresh}
    for _, source in sources.values():
        if source.content_hash not in briefs:
            briefs[source.content_hash] = located(cache[source.content_hash], source)
    return Refresh(config, sources, briefs, fresh)


def located(brief: Brief, source: Source) -> Brief:
    """Return a cached brief carrying its current source (same text, possibly a new file name)."""
    return brief if brief.source == source else replace(brief, source=source)


def current_briefs(state: Refresh) -> tuple[Brief, ...]:
    """Return the brief of every current source, in file order."""
    return tuple(state.briefs[source.content_hash] for _, source in state.sources.values())


def preview(
    previous: Snapshot, state: Refresh, project: Project, environment: jinja2.Environment
) -> dict[str, bytes]:
    """Return the pages of freshly extracted briefs, rendered against the last good site."""
    if not state.fresh or state.config != previous.config:
        return {}
    fresh_slugs = {brief.slug for brief in state.fresh}
    kept = tuple(brief for brief in previous.site.briefs if brief.slug not in fresh_slugs)
    briefs = tuple(sorted((*kept, *state.fresh), key=chronological_key))
    return preview_pages(replace(previous.site, briefs=briefs), project, state.fresh, environment)


def settle(state: Refresh, project: Project) -> Snapshot:
    """Return the new snapshot: every brief linked again and every file rendered."""
    site = link(state.config, current_briefs(state))
    return Snapshot(state.config, state.sources, state.briefs, site, render(site, project))


def cold_build(project: Project, options: BuildOptions) -> Snapshot:
    """Return the snapshot of a full build made from nothing (nothing is written)."""
    scope = Scope((), config=True)
    return settle(refresh(project, options, None, scope), project)


def delta(before: Mapping[str, bytes], after: Mapping[str, bytes]) -> Delta:
    """Return the files whose bytes changed or appeared, and the files that vanished."""
    written = {path: data for path, data in after.items() if before.get(path) != data}
    removed = tuple(sorted(path for path in before if path not in after))
    return Delta(written, removed)


def elapsed_ms(started: float) -> int:
    """Return the milliseconds since a time.perf_counter() reading."""
    return round((time.perf_counter() - started) * 1000)
