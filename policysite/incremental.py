"""Incremental rebuilds for watch mode: re-extract only changed briefs, write only changed files."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2

from .config import SiteConfig
from .errors import ContentError, Problem
from .evaluate import evaluate_built
from .link import Site, chronological_key, link
from .load import Project, content_files, is_content_file, read_source
from .model import Brief, Source
from .pipeline import BuildOptions, configure, extract, preview_pages, templates
from .rerender import PageRecord, render_all, rerender, site_files
from .search import BUNDLE_DIR, search_index_files

Stamp = tuple[int, int]


@dataclass(frozen=True)
class Snapshot:
    """The last good build held in memory: its inputs, caches and every output file's bytes."""

    config: SiteConfig
    sources: Mapping[str, tuple[Stamp, Source]]
    briefs: Mapping[str, Brief]
    site: Site
    files: Mapping[str, bytes]
    records: Mapping[str, PageRecord] = field(default_factory=dict)


@dataclass(frozen=True)
class Scope:
    """A batch of changed paths (project-relative), whether site.yaml is among them, and whether
    anything but content changed (templates, static files: every page is rendered again)."""

    paths: tuple[str, ...]
    config: bool
    everything: bool = False


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
    """Return the scope of a batch of changed paths."""
    paths = tuple(paths)
    labels = tuple(sorted({project.relative(path) for path in paths}))
    config = project.relative(project.config_path) in labels
    return Scope(labels, config, config or not all(is_content_file(path) for path in paths))


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


def settle(
    state: Refresh,
    project: Project,
    previous: Snapshot | None = None,
    environment: jinja2.Environment | None = None,
) -> Snapshot:
    """Return the new snapshot: every brief linked again, the pages whose inputs changed rendered
    again (all of them after a template or site.yaml change) and the search index rebuilt."""
    return index_search(settle_pages(state, project, previous, environment))


def settle_pages(
    state: Refresh,
    project: Project,
    previous: Snapshot | None = None,
    environment: jinja2.Environment | None = None,
) -> Snapshot:
    """Return the new snapshot with every page current but the search index left as it was."""
    usable = previous if previous and previous.config == state.config else None
    briefs = current_briefs(state)
    # The gold-set scores are measured when serving starts or site.yaml changes, not per save.
    evaluation = usable.site.evaluation if usable else evaluate_built(project, state.config, briefs)
    site = link(state.config, briefs, evaluation)
    environment = environment or templates(project)
    rendered = (
        rerender(usable.site, usable.files, usable.records, site, environment)
        if usable
        else render_all(site, environment)
    )
    files = site_files(site, project, environment, rendered.files)
    if usable:  # the last index stays until index_search replaces it
        files.update((path, data) for path, data in usable.files.items() if is_search_file(path))
    return Snapshot(state.config, state.sources, state.briefs, site, files, rendered.records)


def is_search_file(path: str) -> bool:
    """Return whether an output file belongs to the Pagefind bundle."""
    return path.startswith(f"{BUNDLE_DIR}/")


def index_search(snapshot: Snapshot) -> Snapshot:
    """Return the snapshot with its Pagefind index built from its current brief pages."""
    files = {path: data for path, data in snapshot.files.items() if not is_search_file(path)}
    files.update(search_index_files(snapshot.site, files))
    return replace(snapshot, files=files)


def cold_build(project: Project, options: BuildOptions) -> Snapshot:
    """Return the snapshot of a full build made from nothing (nothing is written)."""
    scope = Scope((), config=True, everything=True)
    return settle(refresh(project, options, None, scope), project)


def delta(before: Mapping[str, bytes], after: Mapping[str, bytes]) -> Delta:
    """Return the files whose bytes changed or appeared, and the files that vanished."""
    written = {path: data for path, data in after.items() if before.get(path) != data}
    removed = tuple(sorted(path for path in before if path not in after))
    return Delta(written, removed)


def elapsed_ms(started: float) -> int:
    """Return the milliseconds since a time.perf_counter() reading."""
    return round((time.perf_counter() - started) * 1000)
