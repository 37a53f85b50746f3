"""Charts: pictures drawn at build time as inline SVG or HTML, each with a data table behind it.

Every function returns JavaScript-free markup; `url` maps a site path (e.g. 'briefs/x/#s-1a2b3c4d')
to a link relative to the page being rendered. Output is deterministic: no randomness, stable
orders, rounded coordinates. Colours are CSS custom properties with light and dark values.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from .chart_parts import (
    assign_lanes,
    brief_keys,
    chart_id,
    date_label,
    date_position,
    figure,
    num,
    svg_open,
    tick_step,
    wrap_words,
)
from .link import Site, ThemeEntry, TimelineEntry, chronological_key
from .model import Brief

UrlFor = Callable[[str], str]

CHIP = 16
CHIP_STEP = 18
MAX_STACK = 5
MAX_LANES = 4
LANE_HEIGHT = 15
CHAR_WIDTH = 6.2


@dataclass(frozen=True)
class _Event:
    """One distinct ISO date on the timeline and the mentions that cite it."""

    value: str
    position: float
    entries: tuple[TimelineEntry, ...]

    @property
    def briefs(self) -> tuple[Brief, ...]:
        """Return the briefs citing this date, each once, in order of first mention."""
        return tuple({entry.brief.slug: entry.brief for entry in self.entries}.values())


@dataclass(frozen=True)
class _Axis:
    """A horizontal time scale: first year shown, pixels per year and the left margin."""

    start: int
    end: int
    per_year: float
    left: float

    def x(self, position: float) -> float:
        """Return the x coordinate of a fractional year."""
        return self.left + (position - self.start) * self.per_year


# --- timeline ---------------------------------------------------------------------------------


def timeline_chart(entries: Sequence[TimelineEntry], briefs: Sequence[Brief], url: UrlFor) -> Markup:
    """Return an SVG time axis of dated mentions, each mark linked to its sentence."""
    events = _events(entries)
    published = [b for b in briefs if b.meta.published]
    if not events and not published:
        return Markup('<p class="ps-empty">No dated events.</p>')
    keys = brief_keys([*briefs, *(entry.brief for entry in entries)])
    axis = _timeline_axis(events, published)
    ident = chart_id("tl", [e.date.value + e.sentence.anchor for e in entries] + [b.slug for b in briefs])
    labels = _label_marks(events, axis, keys, url)
    stack_top = 8 + labels.lanes * LANE_HEIGHT + 10
    axis_y = stack_top + min(MAX_STACK, max((len(e.briefs) for e in events), default=1)) * CHIP_STEP
    body = [labels.markup(stack_top)]
    body += [_event_stack(event, axis.x(event.position), axis_y, keys, url) for event in events]
    body.append(_year_axis(axis, axis_y))
    pub_svg, pub_height = _publications(published, axis, axis_y + 30, keys, url)
    body.append(pub_svg)
    width, height = axis.x(axis.end) + 24, axis_y + 30 + pub_height + 8
    title = "Timeline of dated events"
    desc = (
        f"{len(events)} distinct dates cited by {len({e.brief.slug for e in entries})} briefs, "
        f"from {_span_text(events)}; diamonds below the axis mark when each brief was published."
    )
    svg = svg_open(ident, width, height, title, desc) + "".join(body) + "</svg>"
    legend = _legend(briefs, keys, url)
    table = _timeline_table(entries, published, keys, url)
    return figure("timeline", ident, svg, title + ". " + desc, legend + table)


def _events(entries: Sequence[TimelineEntry]) -> list[_Event]:
    """Return one event per distinct ISO date value, in time order."""
    grouped: dict[str, list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        grouped[entry.date.value].append(entry)
    events = [_Event(value, date_position(value), tuple(group)) for value, group in grouped.items()]
    return sorted(events, key=lambda event: (event.position, event.value))


def _span_text(events: Sequence[_Event]) -> str:
    """Return 'first to last' for the dates of the events."""
    if not events:
        return "no cited date"
    return f"{date_label(events[0].value)} to {date_label(events[-1].value)}"


def _timeline_axis(events: Sequence[_Event], published: Sequence[Brief]) -> _Axis:
    """Return a scale wide enough for every event and publication, denser years getting more room."""
    positions = [e.position for e in events] + [date_position(b.meta.published or "") for b in published]
    start, end = math.floor(min(positions)), math.floor(max(positions)) + 1
    per_year_count: dict[int, int] = defaultdict(int)
    for event in events:
        per_year_count[math.floor(event.position)] += 1
    crowd = max(per_year_count.values(), default=1) * 10
    per_year = min(1200.0, max(36.0, 720 / (end - start), crowd))
    return _Axis(start, end, per_year, 78.0)


@dataclass(frozen=True)
class _Labels:
    """Date labels placed in lanes above the stacks (labels that cannot fit are left out)."""

    parts: tuple[tuple[float, float, int, str], ...]
    lanes: int

    def markup(self, stack_top: float) -> str:
        """Return the labels and their leader lines."""
        out = []
        for x, width, lane, text in self.parts:
            y = stack_top - 10 - lane * LANE_HEIGHT
            out.append(
                f'<line class="ps-leader" x1="{num(x)}" y1="{num(y + 3)}" x2="{num(x)}" '
                f'y2="{num(stack_top)}"/><text class="ps-label" x="{num(x)}" y="{num(y)}" '
                f'text-anchor="middle" textLength="{num(width)}" lengthAdjust="spacingAndGlyphs">'
                f"{escape(text)}</text>"
            )
        return "".join(out)


def _label_marks(events: Sequence[_Event], axis: _Axis, keys: object, url: UrlFor) -> _Labels:
    """Return the labels of the events, staggered into lanes so none overlaps another."""
    texts = [date_label(event.value) for event in events]
    widths = [len(text) * CHAR_WIDTH for text in texts]
    xs = [axis.x(event.position) for event in events]
    lanes = assign_lanes([(x - w / 2, x + w / 2) for x, w in zip(xs, widths, strict=True)], MAX_LANES)
    parts = tuple(
        (x, width, lane, text)
        for x, width, lane, text in zip(xs, widths, lanes, texts, strict=True)
        if lane is not None
    )
    return _Labels(parts, max((part[2] + 1 for part in parts), default=0))


def _event_stack(event: _Event, x: float, axis_y: float, keys: dict[str, tuple[str, int]], url: UrlFor) -> str:
    """Return one event's mark: a stack of brief chips, one per citing brief, on the axis."""
    briefs = event.briefs
    shown = briefs if len(briefs) <= MAX_STACK else briefs[: MAX_STACK - 1]
    out = [f'<g class="ps-event" data-date="{escape(event.value)}" data-briefs="{len(briefs)}">']
    for level, brief in enumerate(shown):
        first = next(entry for entry in event.entries if entry.brief.slug == brief.slug)
        count = sum(1 for entry in event.entries if entry.brief.slug == brief.slug)
        letter, colour = keys[brief.slug]
        note = f" (and {count - 1} more sentence{'s' if count > 2 else ''})" if count > 1 else ""
        tip = f"{date_label(event.value)}, {brief.meta.title}{note}: {first.sentence.text}"
        href = url(f"briefs/{brief.slug}/#{first.sentence.anchor}")
        out.append(_chip(x, axis_y - (level + 1) * CHIP_STEP, letter, f"ps-b{colour}", tip, href))
    if len(shown) < len(briefs):
        rest = len(briefs) - len(shown)
        y = axis_y - MAX_STACK * CHIP_STEP
        out.append(
            f'<text class="ps-more" x="{num(x)}" y="{num(y + 12)}" text-anchor="middle">+{rest}'
            f"<title>{rest} more briefs cite {escape(date_label(event.value))}</title></text>"
        )
    return "".join(out) + "</g>"


def _chip(x: float, y: float, letter: str, cls: str, tip: str, href: str) -> str:
    """Return a small linked square with a brief's key letter."""
    return (
        f'<a href="{escape(href)}"><title>{escape(tip)}</title>'
        f'<rect class="{cls}" x="{num(x - CHIP / 2)}" y="{num(y)}" width="{CHIP}" height="{CHIP}" rx="3"/>'
        f'<text class="ps-on" x="{num(x)}" y="{num(y + 12)}" text-anchor="middle">{escape(letter)}</text></a>'
    )


def _year_axis(axis: _Axis, y: float) -> str:
    """Return the axis line with a tick at every year boundary and labels every few years."""
    step = tick_step(axis.per_year)
    out = [f'<line class="ps-axis" x1="{num(axis.left)}" y1="{num(y)}" x2="{num(axis.x(axis.end))}" y2="{num(y)}"/>']
    for year in range(axis.start, axis.end + 1):
        x = axis.x(year)
        out.append(f'<line class="ps-tick" x1="{num(x)}" y1="{num(y)}" x2="{num(x)}" y2="{num(y + 5)}"/>')
        if year % step == 0 and (step > 1 or year < axis.end):
            label_x = axis.x(year + 0.5) if step == 1 else x
            out.append(f'<text class="ps-year" x="{num(label_x)}" y="{num(y + 17)}" text-anchor="middle">{year}</text>')
    return "".join(out)


def _publications(
    briefs: Sequence[Brief], axis: _Axis, y: float, keys: dict[str, tuple[str, int]], url: UrlFor
) -> tuple[str, float]:
    """Return the publication marks (hollow diamonds, stacked when they share a date) and their height."""
    out = [f'<text class="ps-muted" x="4" y="{num(y + 12)}">Published</text>']
    taken: dict[int, int] = defaultdict(int)
    for brief in briefs:
        value = brief.meta.published or ""
        x = axis.x(date_position(value))
        level = taken[round(x / CHIP)]
        taken[round(x / CHIP)] += 1
        top = y + level * CHIP_STEP
        letter, colour = keys[brief.slug]
        points = f"{num(x)},{num(top)} {num(x + 9)},{num(top + 8)} {num(x)},{num(top + 16)} {num(x - 9)},{num(top + 8)}"
        out.append(
            f'<a href="{escape(url(f"briefs/{brief.slug}/"))}">'
            f"<title>Published {escape(date_label(value))}: {escape(brief.meta.title)}</title>"
            f'<polygon class="ps-pub ps-s{colour}" points="{points}"/>'
            f'<text x="{num(x)}" y="{num(top + 12)}" text-anchor="middle">{escape(letter)}</text></a>'
        )
    return "".join(out), (max(taken.values(), default=1)) * CHIP_STEP


def _legend(briefs: Sequence[Brief], keys: dict[str, tuple[str, int]], url: UrlFor) -> str:
    """Return the key: each brief's letter and colour, linked to the brief."""
    items = "".join(
        f'<li><span class="ps-key ps-k{keys[b.slug][1]}" aria-hidden="true">{escape(keys[b.slug][0])}</span> '
        f'<a href="{escape(url(f"briefs/{b.slug}/"))}">{escape(b.meta.title)}</a></li>'
        for b in briefs
    )
    return f'<ul class="ps-legend">{items}</ul>'


def _timeline_table(
    entries: Sequence[TimelineEntry], published: Sequence[Brief], keys: dict[str, tuple[str, int]], url: UrlFor
) -> str:
    """Return the data table: every dated sentence and every publication, in date order."""
    rows = [
        (e.date.value, e.brief, f'<a href="{escape(url(f"briefs/{e.brief.slug}/#{e.sentence.anchor}"))}">'
         f"{escape(e.sentence.text)}</a>")
        for e in entries
    ]
    rows += [(b.meta.published or "", b, "Publication of the brief") for b in published]
    rows.sort(key=lambda row: (date_position(row[0]), row[0]))
    body = "".join(
        f"<tr><td>{escape(date_label(value))}</td><td>{escape(keys[brief.slug][0])}: "
        f"{escape(brief.meta.title)}</td><td>{cell}</td></tr>"
        for value, brief, cell in rows
    )
    return _data_table("Dated events", ("Date", "Brief", "Sentence"), body)


def _data_table(summary: str, head: Sequence[str], body: str) -> str:
    """Return a collapsed data table listing the facts a picture shows."""
    cells = "".join(f'<th scope="col">{escape(text)}</th>' for text in head)
    return (
        f'<details class="ps-data"><summary>{escape(summary)} as a table</summary>'
        f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table></details>"
    )
