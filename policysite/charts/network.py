"""Theme network: themes that meet in the same sentences, laid out on a circle at build time."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from markupsafe import Markup, escape

from ..link import Site, ThemeEntry
from .kit import UrlFor, chart_id, data_table, figure, link, num, svg_open, wrap_words

MAX_PASSES = 8  # swap passes; each pass is quadratic in themes, which stay few


def theme_edges(themes: Sequence[ThemeEntry]) -> dict[tuple[str, str], int]:
    """Return shared-sentence counts of theme pairs (first id < second id) among the themes."""
    present = {entry.theme.id for entry in themes}
    edges: dict[tuple[str, str], int] = {}
    for entry in themes:
        for other, count in entry.related_themes:
            if other in present and other != entry.theme.id:
                pair = (min(entry.theme.id, other), max(entry.theme.id, other))
                edges[pair] = max(edges.get(pair, 0), count)
    return edges


def circular_order(ids: Sequence[str], edges: dict[tuple[str, str], int]) -> list[str]:
    """Return the ids in ring order: a greedy chain, then swaps that shorten the weighted edges."""
    order = greedy_chain(ids, edges)
    best = ring_cost(order, edges)
    for _ in range(MAX_PASSES):
        improved = False
        for i in range(len(order)):
            for j in range(i + 1, len(order)):
                order[i], order[j] = order[j], order[i]
                cost = ring_cost(order, edges)
                if cost < best:
                    best, improved = cost, True
                else:
                    order[i], order[j] = order[j], order[i]
        if not improved:
            break
    return order


def greedy_chain(ids: Sequence[str], edges: dict[tuple[str, str], int]) -> list[str]:
    """Return the ids as a chain: the best-connected first, then each most tied to the last."""
    weight: dict[str, dict[str, int]] = defaultdict(dict)
    for (a, b), count in edges.items():
        weight[a][b], weight[b][a] = count, count
    rank = {theme_id: index for index, theme_id in enumerate(ids)}
    order = [min(ids, key=lambda i: (-sum(weight[i].values()), rank[i]))]
    while len(order) < len(ids):
        last = order[-1]
        rest = (i for i in ids if i not in order)
        order.append(min(rest, key=lambda i: (-weight[i].get(last, 0), -len(weight[i]), rank[i])))
    return order


def ring_cost(order: Sequence[str], edges: dict[tuple[str, str], int]) -> int:
    """Return the sum over edges of weight times the steps between the two ends around the ring."""
    place = {theme_id: n for n, theme_id in enumerate(order)}
    total = 0
    for (a, b), count in edges.items():
        steps = abs(place[a] - place[b])
        total += count * min(steps, len(order) - steps)
    return total


def theme_network(site: Site, url: UrlFor) -> Markup:
    """Return an SVG network of themes that share sentences, nodes linked to theme pages."""
    themes = [entry for entry in site.themes if entry.mention_count > 0]
    if not themes:
        return Markup('<p class="ps-empty">No theme is mentioned yet.</p>')
    edges = theme_edges(themes)
    order = circular_order([entry.theme.id for entry in themes], edges)
    radius = max(90.0, len(order) * 11.0)
    cx, cy = radius + 150, radius + 44
    places = {
        theme_id: (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
        for n, theme_id in enumerate(order)
        for angle in [-math.pi / 2 + 2 * math.pi * n / len(order)]
    }
    ident = chart_id("tn", [f"{a}/{b}/{c}" for (a, b), c in sorted(edges.items())] + order)
    title = "Theme connections"
    desc = (
        f"{len(themes)} themes; {len(edges)} pairs of themes meet in the same sentences. Circle "
        "size follows mentions, line width follows how many sentences two themes share."
    )
    lines = network_edges(edges, places, (cx, cy), {e.theme.id: e.theme.name for e in themes})
    nodes = "".join(network_node(e, places, (cx, cy), themes, url) for e in themes)
    svg = svg_open(ident, 2 * cx, 2 * cy, title, desc) + lines + nodes + "</svg>"
    return figure("network", ident, f"{title}: {desc}", svg, network_table(themes, url))


def network_edges(
    edges: dict[tuple[str, str], int],
    places: dict[str, tuple[float, float]],
    centre: tuple[float, float],
    names: dict[str, str],
) -> str:
    """Return the edges as curves bowed toward the centre, wider for more shared sentences."""
    highest = max(edges.values(), default=1)
    out = ['<g class="ps-edges">']
    for (a, b), count in sorted(edges.items(), key=lambda item: (item[1], item[0])):
        (x1, y1), (x2, y2) = places[a], places[b]
        qx = (x1 + x2) / 4 + centre[0] / 2
        qy = (y1 + y2) / 4 + centre[1] / 2
        out.append(
            f'<path class="ps-edge" data-edge="{a} {b}" '
            f'stroke-width="{num(1 + 5 * count / highest)}" '
            f'd="M{num(x1)} {num(y1)}Q{num(qx)} {num(qy)} {num(x2)} {num(y2)}"><title>'
            f"{escape(names[a])} and {escape(names[b])}: {count} shared sentence"
            f"{'s' if count > 1 else ''}</title></path>"
        )
    return "".join(out) + "</g>"


def network_node(
    entry: ThemeEntry,
    places: dict[str, tuple[float, float]],
    centre: tuple[float, float],
    themes: Sequence[ThemeEntry],
    url: UrlFor,
) -> str:
    """Return one theme's circle, sized by mentions, with its name outside the ring."""
    x, y = places[entry.theme.id]
    highest = max(other.mention_count for other in themes)
    r = 5 + 13 * math.sqrt(entry.mention_count / highest)
    dx, dy = x - centre[0], y - centre[1]
    far = math.hypot(dx, dy) or 1.0
    lx, ly = x + dx / far * (r + 6), y + dy / far * (r + 6)
    anchor = "start" if dx > far * 0.2 else "end" if dx < -far * 0.2 else "middle"
    lines = wrap_words(entry.theme.name, 20, 3)
    top = ly + 4 - (len(lines) - 1) * 12 * (0.5 if anchor != "middle" else (1.0 if dy < 0 else 0.0))
    spans = "".join(
        f'<tspan x="{num(lx)}" y="{num(top + 12 * n)}">{escape(line)}</tspan>'
        for n, line in enumerate(lines)
    )
    return (
        f'<a href="{escape(url(f"themes/{entry.theme.id}/"))}" data-node="{entry.theme.id}">'
        f"<title>{escape(entry.theme.name)}: {entry.mention_count} mentions</title>"
        f'<circle class="ps-node ps-b0" cx="{num(x)}" cy="{num(y)}" r="{num(r)}"/>'
        f'<text text-anchor="{anchor}">{spans}</text></a>'
    )


def network_table(themes: Sequence[ThemeEntry], url: UrlFor) -> str:
    """Return the data table: each theme, its mentions, and the themes it shares sentences with."""
    names = {entry.theme.id: entry.theme.name for entry in themes}
    rows = [
        (
            link(url(f"themes/{e.theme.id}/"), e.theme.name),
            str(e.mention_count),
            escape(
                ", ".join(f"{names[o]} ({c})" for o, c in e.related_themes if o in names) or "none"
            ),
        )
        for e in themes
    ]
    return data_table("Theme connections", ("Theme", "Mentions", "Shares sentences with"), rows)
