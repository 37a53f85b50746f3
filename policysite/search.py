"""Search: a Pagefind index of every brief, built in memory and returned as output files."""

from __future__ import annotations

import asyncio
import concurrent.futures
import re
from collections.abc import Coroutine, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any, TypeVar

from pagefind.service import PagefindService

from .errors import BuildError
from .feeds import brief_path, site_path
from .link import Site
from .model import Brief
from .pagefind_bundle import canonical_bundle

BUNDLE_DIR = "pagefind"
T = TypeVar("T")
MAIN_TAG = re.compile(r"<main\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class IndexedPage:
    """One page to index: the URL results link to (relative to the site root) and its HTML."""

    url: str
    html: str


def filter_markup(site: Site, brief: Brief) -> str:
    """Return empty elements carrying a brief's Pagefind filters, meta and sort keys."""
    actor_names = {entry.id: entry.name for entry in site.actors}
    marks = [("filter", "theme", theme.name) for theme in brief.themes]
    marks += [("filter", "actor", actor_names.get(actor.id, actor.name)) for actor in brief.actors]
    marks += [("filter", "author", author) for author in brief.meta.authors]
    marks.append(("meta", "title", brief.meta.title))
    if brief.meta.published:
        marks += [("meta", "date", brief.meta.published), ("sort", "date", brief.meta.published)]
    # Values sit in an attribute so that commas and colons in names survive and stay unindexed.
    return "".join(
        f'<span data-pagefind-{kind}="{key}[data-value]" data-value="{escape(value)}"></span>'
        for kind, key, value in marks
    )


def indexable_html(html: str, site: Site, brief: Brief) -> str:
    """Return a brief page marked up for Pagefind, adding body and filter marks only if absent."""
    match = MAIN_TAG.search(html)
    if match is None:
        return html
    opening = match.group(0)
    if "data-pagefind-body" not in html:
        opening = opening[:-1] + " data-pagefind-body>"
    extra = "" if "data-pagefind-filter" in html else filter_markup(site, brief)
    return html[: match.start()] + opening + extra + html[match.end() :]


def pages_to_index(site: Site, files: Mapping[str, bytes]) -> tuple[IndexedPage, ...]:
    """Return every brief page, marked up for indexing, with its site-relative URL."""
    pages = []
    for brief in site.briefs:
        path = brief_path(brief)
        if path in files:
            html = files[path].decode("utf-8")
            pages.append(IndexedPage(site_path(path), indexable_html(html, site, brief)))
    return tuple(pages)


async def _index(pages: tuple[IndexedPage, ...], language: str) -> dict[str, bytes]:
    """Return the Pagefind bundle for pages, run through Pagefind's backing service."""
    service = await PagefindService().launch()
    try:
        index = await service.create_index({"force_language": language})
        for page in pages:
            # Relative URLs let Pagefind prefix them with wherever its bundle is served from.
            await index.add_html_file(content=page.html, url=page.url)
        bundle = await index.get_files()
        await index.delete_index()
    finally:
        await service.close()
    return {str(file["path"]): bytes(file["content"]) for file in bundle}


def run_coroutine(coroutine: Coroutine[Any, Any, T]) -> T:
    """Return a coroutine's result, on a worker thread when this thread already runs a loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    # A caller inside an event loop (an async test harness, a browser driver) cannot nest
    # asyncio.run, so the indexer gets a fresh loop on its own thread.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def search_index_files(site: Site, files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Return the Pagefind search bundle (output path -> bytes) indexing every brief page."""
    pages = pages_to_index(site, files)
    language = site.config.language.split("-")[0].lower()
    try:
        bundle = canonical_bundle(run_coroutine(_index(pages, language)))
    except FileNotFoundError as error:
        raise BuildError(
            f"search index: the Pagefind binary is missing ({error}); "
            "install it with: pip install 'pagefind[extended]'"
        ) from None
    except Exception as error:  # Pagefind reports its failures as bare Exceptions.
        raise BuildError(f"search index: Pagefind failed: {error}") from None
    return {f"{BUNDLE_DIR}/{path}": data for path, data in sorted(bundle.items())}
