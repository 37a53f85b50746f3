"""Render again only the pages whose inputs changed, knowing which site fields each page read."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import jinja2

from .export import export_files
from .link import Site
from .load import Project, read_static_files
from .model import Brief
from .publish import publish_pages
from .render import (
    Page,
    brief_pages,
    entry_pages,
    index_pages,
    pages,
    pygments_css,
    render_page,
    unique_paths,
)

# render.brief_text reads these outside the templates, so no template read records them.
BRIEF_TEXT_READS = frozenset({"theme_names", "actor_names"})


@dataclass(frozen=True)
class PageRecord:
    """What one rendered page was made from: its values but the site, and the site fields read."""

    values: tuple[tuple[str, Any], ...]
    reads: frozenset[str]


@dataclass(frozen=True)
class Rendered:
    """Every page of a site (output path -> bytes) and the record of what each was made from."""

    files: dict[str, bytes]
    records: dict[str, PageRecord]


class SiteReads:
    """Stands in for the Site while a page renders and notes which of its fields were read."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.names: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        """Return the site's field, noting its name."""
        self.names.add(name)
        return getattr(self.site, name)


class Changes:
    """Answers, once per field, whether a field of the site differs between two builds."""

    def __init__(self, before: Site, after: Site) -> None:
        self.before = before
        self.after = after
        self.known: dict[str, bool] = {}

    def any(self, names: Iterable[str]) -> bool:
        """Return whether any of the named fields changed."""
        return any(self.changed(name) for name in names)

    def changed(self, name: str) -> bool:
        """Return whether one field changed (compared by value; unchanged briefs are shared)."""
        if name not in self.known:
            self.known[name] = getattr(self.before, name) != getattr(self.after, name)
        return self.known[name]


def values_but_site(page: Page, site: Site) -> tuple[tuple[str, Any], ...]:
    """Return a page's values without the site itself."""
    return tuple((key, value) for key, value in page.values if value is not site)


def shown_brief(page: Page) -> Brief | None:
    """Return the brief a page is about, if it is a brief's own page."""
    return next((value for _, value in page.values if isinstance(value, Brief)), None)


def page_record(page: Page, site: Site, reads: frozenset[str]) -> PageRecord:
    """Return a page's record; a brief's own page keeps just its brief (compared by identity)."""
    brief = shown_brief(page)
    if brief is None:
        return PageRecord(values_but_site(page, site), reads)
    return PageRecord((("brief", brief),), reads | BRIEF_TEXT_READS)


def render_recorded(site: Site, environment: jinja2.Environment, plan: Iterable[Page]) -> Rendered:
    """Return the planned pages rendered, each with the record of what it was made from."""
    rendered = Rendered({}, {})
    for page in unique_paths(plan):
        reads = SiteReads(site)
        values = tuple((key, reads if value is site else value) for key, value in page.values)
        html = render_page(replace(page, values=values), environment, site)
        rendered.files[page.path] = html.encode("utf-8")
        rendered.records[page.path] = page_record(page, site, frozenset(reads.names))
    return rendered


def render_all(site: Site, environment: jinja2.Environment) -> Rendered:
    """Return every page of the site, rendered and recorded."""
    return render_recorded(site, environment, pages(site))


def rerender(
    before: Site,
    files: Mapping[str, bytes],
    records: Mapping[str, PageRecord],
    site: Site,
    environment: jinja2.Environment,
) -> Rendered:
    """Return every page of site, rendering only those whose values or read fields changed."""
    changes = Changes(before, site)
    kept = Rendered({}, {})
    touched = []
    by_slug = brief_page_paths(records)
    old = {brief.slug: brief for brief in before.briefs}
    for brief in site.briefs:
        paths = by_slug.get(brief.slug, ())
        reads = (name for path in paths for name in records[path].reads)
        if paths and old.get(brief.slug) is brief and not changes.any(reads):
            kept.files.update((path, files[path]) for path in paths)
            kept.records.update((path, records[path]) for path in paths)
        else:
            touched.append(brief)
    plan = list(own_pages(site, tuple(touched)))
    for page in itertools.chain(index_pages(site), entry_pages(site)):
        record, values = records.get(page.path), values_but_site(page, site)
        if record and record.values == values and not changes.any(record.reads):
            kept.files[page.path] = files[page.path]
            kept.records[page.path] = replace(record, values=values)  # hold current objects only
        else:
            plan.append(page)
    fresh = render_recorded(site, environment, plan)
    return Rendered({**kept.files, **fresh.files}, {**kept.records, **fresh.records})


def brief_page_paths(records: Mapping[str, PageRecord]) -> dict[str, tuple[str, ...]]:
    """Return the paths of each brief's own pages, by slug, from the last build's records."""
    found: dict[str, list[str]] = {}
    for path, record in records.items():
        brief = next((value for _, value in record.values if isinstance(value, Brief)), None)
        if brief is not None:  # the record of a brief's own page
            found.setdefault(brief.slug, []).append(path)
    return {slug: tuple(paths) for slug, paths in found.items()}


def own_pages(site: Site, briefs: tuple[Brief, ...]) -> Iterator[Page]:
    """Yield the own pages of some briefs, planned cheaply but showing the whole site."""
    narrow = replace(site, briefs=briefs)
    for page in brief_pages(narrow):
        yield replace(page, values=tuple((k, site if v is narrow else v) for k, v in page.values))


def site_files(
    site: Site, project: Project, environment: jinja2.Environment, page_files: Mapping[str, bytes]
) -> dict[str, bytes]:
    """Return every output file but the search index: static assets, pages, data, feeds."""
    files = read_static_files(project)
    files.update(page_files)
    files["static/css/pygments.css"] = pygments_css()
    files.update(export_files(site))
    files.update(publish_pages(site, environment, files))
    return files
