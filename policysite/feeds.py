"""Feeds: the Atom feed of briefs, sitemap.xml and robots.txt, all with absolute URLs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from feedgen.feed import FeedGenerator

from .link import Site
from .model import Brief

FEED_PATH = "feed.xml"
SITEMAP_PATH = "sitemap.xml"
ROBOTS_PATH = "robots.txt"
NOT_FOUND_PATH = "404.html"
# Used only when no brief carries a date, so that feeds never depend on the clock.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def site_path(output_path: str) -> str:
    """Return the URL path of an output file: 'briefs/x/index.html' -> 'briefs/x/'."""
    if output_path == "index.html":
        return ""
    if output_path.endswith("/index.html"):
        return output_path[: -len("index.html")]
    return output_path


def absolute_url(base_url: str, output_path: str) -> str:
    """Return the absolute URL of an output file under base_url."""
    return base_url.rstrip("/") + "/" + site_path(output_path)


def brief_path(brief: Brief) -> str:
    """Return the output path of a brief's page."""
    return f"briefs/{brief.slug}/index.html"


def published_datetime(brief: Brief) -> datetime | None:
    """Return a brief's publication date as a UTC datetime (a partial date at its start)."""
    value = brief.meta.published
    if not value:
        return None
    parts = [int(part) for part in value.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], tzinfo=UTC)


def newest_date(briefs: Iterable[Brief]) -> datetime:
    """Return the newest publication date of the briefs (the epoch when none is dated)."""
    dates = [date for date in map(published_datetime, briefs) if date is not None]
    return max(dates, default=EPOCH)


def newest_first(briefs: Iterable[Brief]) -> tuple[Brief, ...]:
    """Return briefs newest first: dated ones by date, undated ones last, ties by slug."""
    dated = sorted((b for b in briefs if b.meta.published), key=lambda b: b.slug)
    ordered = sorted(dated, key=lambda b: b.meta.published or "", reverse=True)
    return tuple(ordered) + tuple(
        sorted((b for b in briefs if not b.meta.published), key=lambda b: b.slug)
    )


def atom_feed(site: Site) -> bytes:
    """Return the Atom feed of every brief, newest first, dated from the briefs, never the clock."""
    config = site.config
    updated = newest_date(site.briefs)
    feed = FeedGenerator()
    feed.id(absolute_url(config.base_url, "index.html"))
    feed.title(config.title)
    feed.subtitle(config.description or config.title)
    feed.author({"name": config.title})
    feed.link(href=absolute_url(config.base_url, FEED_PATH), rel="self")
    feed.link(href=absolute_url(config.base_url, "index.html"), rel="alternate")
    feed.language(config.language)
    feed.generator("policysite")
    feed.updated(updated)
    for brief in newest_first(site.briefs):
        add_entry(feed, config.base_url, brief, published_datetime(brief) or updated)
    return bytes(feed.atom_str(pretty=True))


def add_entry(feed: FeedGenerator, base_url: str, brief: Brief, date: datetime) -> None:
    """Append one brief to the feed as an entry."""
    url = absolute_url(base_url, brief_path(brief))
    entry = feed.add_entry(order="append")
    entry.id(url)
    entry.title(brief.meta.title)
    entry.link(href=url, rel="alternate")
    entry.summary(brief.summary or brief.meta.title)
    for author in brief.meta.authors:
        entry.author({"name": author})
    if brief.meta.published:
        entry.published(date)
    entry.updated(date)
    for theme in brief.themes:
        entry.category(term=theme.id, label=theme.name)


def sitemap(base_url: str, output_paths: Iterable[str]) -> bytes:
    """Return sitemap.xml listing every HTML page except the 404 page, in path order."""
    pages = sorted(p for p in output_paths if p.endswith(".html") and p != NOT_FOUND_PATH)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    lines += [f"  <url><loc>{escape(absolute_url(base_url, page))}</loc></url>" for page in pages]
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(base_url: str) -> bytes:
    """Return robots.txt allowing every crawler and pointing at the sitemap."""
    text = f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url(base_url, SITEMAP_PATH)}\n"
    return text.encode("utf-8")
