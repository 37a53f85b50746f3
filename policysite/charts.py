"""Charts: pictures drawn at build time as inline SVG (timeline, theme map, theme network, trends).

Interface stub: every function returns accessible, JavaScript-free markup; `url` maps a site path
(e.g. 'briefs/x/#s-1a2b3c4d') to a link relative to the page being rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup

from .link import Site, ThemeEntry, TimelineEntry
from .model import Brief

UrlFor = Callable[[str], str]


def timeline_chart(entries: Sequence[TimelineEntry], briefs: Sequence[Brief], url: UrlFor) -> Markup:
    """Return an SVG time axis of dated mentions, each mark linked to its sentence."""
    return Markup("")


def theme_matrix(site: Site, url: UrlFor) -> Markup:
    """Return a briefs x themes table shaded by number of mentions, cells linked to mentions."""
    return Markup("")


def theme_network(site: Site, url: UrlFor) -> Markup:
    """Return an SVG network of themes that share sentences, nodes linked to theme pages."""
    return Markup("")


def theme_trend(entry: ThemeEntry, briefs: Sequence[Brief], url: UrlFor) -> Markup:
    """Return a small chart of one theme's mentions per brief over time."""
    return Markup("")
