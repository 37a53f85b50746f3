"""Publish: the files a published site needs beyond its pages (feeds, sitemap, search index)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

import jinja2

from .errors import BuildError
from .feeds import (
    FEED_PATH,
    NOT_FOUND_PATH,
    ROBOTS_PATH,
    SITEMAP_PATH,
    absolute_url,
    atom_feed,
    robots,
    sitemap,
)
from .link import Site
from .render import Page, render_page
from .search import search_index_files

SEARCH_PATH = "search/index.html"


def publish_files(
    site: Site, environment: jinja2.Environment, pages: dict[str, bytes]
) -> dict[str, bytes]:
    """Return the extra output files: search and 404 pages, feed, sitemap, robots.txt, index."""
    extra = publish_pages(site, environment, pages)
    extra.update(search_index_files(site, {**pages, **extra}))
    return extra


def publish_pages(
    site: Site, environment: jinja2.Environment, pages: Mapping[str, bytes]
) -> dict[str, bytes]:
    """Return the extra files but the search index (serve mode builds that off the hot path)."""
    extra = {
        SEARCH_PATH: render_page(search_page(site), environment, site).encode("utf-8"),
        NOT_FOUND_PATH: render_not_found(site, environment).encode("utf-8"),
    }
    extra[FEED_PATH] = atom_feed(site)
    extra[SITEMAP_PATH] = sitemap(site.config.base_url, [*pages, *extra])
    extra[ROBOTS_PATH] = robots(site.config.base_url)
    return extra


def search_page(site: Site) -> Page:
    """Return the search page (search/), whose script queries the Pagefind bundle."""
    return Page(SEARCH_PATH, "search.html", "Search", (("site", site),))


def not_found_page(site: Site) -> Page:
    """Return the 404 page, which hosts serve at whatever address was missing."""
    return Page(NOT_FOUND_PATH, "404.html", "Page not found", (("site", site),))


def root_path_url(base_url: str) -> Callable[[str], str]:
    """Return a url() helper giving root-relative links ('/sub/path/x/') under base_url's path."""
    prefix = urlsplit(base_url).path.rstrip("/") + "/"
    return lambda target: prefix + target.lstrip("/")


def render_not_found(site: Site, environment: jinja2.Environment) -> str:
    """Return the 404 page's HTML with links rooted at base_url's path (relative ones break)."""
    page = not_found_page(site)
    try:
        template = environment.get_template(page.template)
        url = root_path_url(site.config.base_url)
        return template.render(
            page=page, url=url, canonical=absolute_url(site.config.base_url, page.path), site=site
        )
    except jinja2.TemplateError as error:
        raise BuildError(
            f"{page.template}: template error while rendering {page.path}: {error}"
        ) from None
