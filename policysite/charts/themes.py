"""Theme charts: the briefs x themes map and the per-theme trend of mentions over time."""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

from ..link import Site, ThemeEntry, chronological_key
from ..model import Brief
from .kit import (
    LEVELS,
    UrlFor,
    brief_keys,
    chart_id,
    data_table,
    figure,
    level,
    link,
    num,
    svg_open,
)


def theme_matrix(site: Site, url: UrlFor, shown: Sequence[Brief] | None = None) -> Markup:
    """Return a briefs x themes table shaded by number of mentions, cells linked to mentions.

    shown limits the rows to some briefs (one page of a long list), so the table stays bounded.
    """
    briefs = sorted(site.briefs if shown is None else shown, key=chronological_key)
    # Each brief's own theme counts: the work grows with the rows shown, not with the corpus.
    counts = {(theme.id, brief.slug): theme.mentions for brief in briefs for theme in brief.themes}
    highest = max(counts.values(), default=0)
    ident = chart_id("tm", [f"{t}/{s}/{n}" for (t, s), n in sorted(counts.items())])
    head = "".join(
        f'<th scope="col">{link(url(f"themes/{e.theme.id}/"), e.theme.name)}</th>'
        for e in site.themes
    )
    rows = "".join(matrix_row(brief, site.themes, counts, highest, url) for brief in briefs)
    totals = "".join(f"<td>{entry.mention_count}</td>" for entry in site.themes)
    table = (
        f'<table aria-labelledby="{ident}-c"><thead><tr><td></td>{head}</tr></thead>'
        f'<tbody>{rows}</tbody><tfoot><tr><th scope="row">All briefs</th>{totals}</tr>'
        "</tfoot></table>"
    )
    caption = (
        f"Theme map: mentions of {len(site.themes)} themes in {len(briefs)} briefs, "
        "briefs in order of publication; stronger shading means more mentions."
    )
    return figure("matrix", ident, caption, table, level_key(ident, highest))


def matrix_row(
    brief: Brief,
    themes: Sequence[ThemeEntry],
    counts: dict[tuple[str, str], int],
    highest: int,
    url: UrlFor,
) -> str:
    """Return one brief's row: its title, then one shaded, linked cell per theme."""
    cells = []
    for entry in themes:
        count = counts.get((entry.theme.id, brief.slug), 0)
        if count == 0:
            cells.append('<td><span class="ps-vh">none</span></td>')
            continue
        tip = f"{entry.theme.name} in {brief.meta.title}: {count} mention{'s' if count > 1 else ''}"
        href = url(f"themes/{entry.theme.id}/#brief-{brief.slug}")
        cells.append(f'<td class="ps-q{level(count, highest)}">{link(href, str(count), tip)}</td>')
    year = escape((brief.meta.published or "undated")[:4])
    title = link(url(f"briefs/{brief.slug}/"), brief.meta.title)
    return f'<tr><th scope="row">{title} <small>({year})</small></th>{"".join(cells)}</tr>'


def level_key(ident: str, highest: int) -> str:
    """Return the colour key of the shades as a small SVG picture (it holds no links)."""
    bounds = [
        (math.floor(highest * (i - 1) / LEVELS) + 1, math.floor(highest * i / LEVELS))
        for i in range(1, LEVELS + 1)
    ]
    shown = [(i, low, high) for i, (low, high) in enumerate(bounds, start=1) if low <= high]
    parts = [
        f'<rect class="ps-q{i}" x="{n * 64}" y="0" width="24" height="16"/>'
        f'<text x="{n * 64 + 28}" y="12">{low if low == high else f"{low}–{high}"}</text>'
        for n, (i, low, high) in enumerate(shown)
    ]
    text = ", ".join(f"shade {i}: {low} to {high} mentions" for i, low, high in shown)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{ident}-k" '
        f'width="{max(1, len(shown)) * 64}" height="18"><title id="{ident}-k">Colour key: '
        f"{escape(text or 'no mentions')}</title>{''.join(parts)}</svg>"
    )


def theme_trend(entry: ThemeEntry, briefs: Sequence[Brief], url: UrlFor) -> Markup:
    """Return a small chart of one theme's mentions per brief over time."""
    ordered = sorted(briefs, key=chronological_key)
    if not ordered:
        return Markup("")
    counts = {group.brief.slug: len(group.mentions) for group in entry.groups}
    keys = brief_keys(ordered)
    highest = max([1, *counts.values()])
    slot = min(44.0, max(6.0, 560 / len(ordered)))
    plot_top, plot_height, left = 14.0, 90.0, 30.0
    base = plot_top + plot_height
    ident = chart_id(
        "tt", [entry.theme.id] + [f"{b.slug}/{counts.get(b.slug, 0)}" for b in ordered]
    )
    title = f"{entry.theme.name}: mentions per brief over time"
    desc = ", ".join(
        f"{(b.meta.published or 'undated')[:4]} {b.meta.title}: {counts.get(b.slug, 0)}"
        for b in ordered
    )
    grid = (
        f'<line class="ps-base" x1="{num(left)}" y1="{num(base)}" '
        f'x2="{num(left + slot * len(ordered))}" y2="{num(base)}"/>'
        f'<text class="ps-muted" x="{num(left - 6)}" y="{num(plot_top + 4)}" '
        f'text-anchor="end">{highest}</text><text class="ps-muted" x="{num(left - 6)}" '
        f'y="{num(base + 4)}" text-anchor="end">0</text>'
    )
    every = math.ceil(34 / slot)
    bars = "".join(
        trend_bar(
            entry,
            brief,
            counts.get(brief.slug, 0),
            keys[brief.slug][1],
            (left + slot * n, slot, base, plot_height / highest),
            n % every == 0,
            url,
        )
        for n, brief in enumerate(ordered)
    )
    svg = svg_open(ident, left + slot * len(ordered) + 8, base + 20, title, desc) + grid + bars
    table = data_table(
        "Mentions per brief",
        ("Published", "Brief", "Mentions"),
        [trend_row(entry, brief, counts.get(brief.slug, 0), url) for brief in ordered],
    )
    return figure("trend", ident, title, svg + "</svg>", table)


def trend_bar(
    entry: ThemeEntry,
    brief: Brief,
    count: int,
    colour: int,
    frame: tuple[float, float, float, float],
    labelled: bool,
    url: UrlFor,
) -> str:
    """Return one brief's bar (linked to its group on the theme page) and its year below."""
    x, slot, base, unit = frame
    mid, width = x + slot / 2, slot * 0.7
    year = (brief.meta.published or "n.d.")[:4]
    out = (
        f'<text class="ps-muted" x="{num(mid)}" y="{num(base + 14)}" '
        f'text-anchor="middle">{escape(year)}</text>'
        if labelled
        else ""
    )
    if count == 0:
        return out
    top = base - count * unit
    value = (
        f'<text x="{num(mid)}" y="{num(top - 3)}" text-anchor="middle">{count}</text>'
        if slot >= 14
        else ""
    )
    return out + (
        f'<a href="{escape(url(f"themes/{entry.theme.id}/#brief-{brief.slug}"))}"><title>'
        f"{escape(brief.meta.title)} ({escape(year)}): {count} mention"
        f'{"s" if count > 1 else ""}</title><rect class="ps-b{colour}" '
        f'x="{num(mid - width / 2)}" y="{num(top)}" width="{num(width)}" '
        f'height="{num(count * unit)}"/>{value}</a>'
    )


def trend_row(entry: ThemeEntry, brief: Brief, count: int, url: UrlFor) -> tuple[str, str, str]:
    """Return one row of the trend's data table."""
    cell = link(url(f"themes/{entry.theme.id}/#brief-{brief.slug}"), str(count)) if count else "0"
    return (escape(brief.meta.published or "undated"), escape(brief.meta.title), cell)
