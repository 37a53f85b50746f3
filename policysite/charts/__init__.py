"""Charts: pictures drawn at build time as inline SVG or HTML, each with a data table behind it.

Every function returns JavaScript-free markup; `url` maps a site path (e.g. 'briefs/x/#s-1a2b3c4d')
to a link relative to the page being rendered. Output is deterministic (no randomness, stable
orders, rounded coordinates); colours are CSS custom properties with light and dark values.
"""

from __future__ import annotations

from .kit import UrlFor
from .network import theme_network
from .themes import theme_matrix, theme_trend
from .timeline import timeline_chart

__all__ = ["UrlFor", "theme_matrix", "theme_network", "theme_trend", "timeline_chart"]
