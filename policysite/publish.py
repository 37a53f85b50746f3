"""Publish: the files a published site needs beyond its pages (feeds, sitemap, search index)."""

from __future__ import annotations

import jinja2

from .link import Site


def publish_files(site: Site, environment: jinja2.Environment, pages: dict[str, bytes]) -> dict[str, bytes]:
    """Return the extra output files derived from the rendered pages (stub: none yet)."""
    return {}
