"""Timeline chart: every dated mention on one time axis, shared dates stacked, briefs keyed."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..link import TimelineEntry
from ..model import Brief
from .kit import (
    CHAR_WIDTH,
    CHIP,
    CHIP_STEP,
    LANE_HEIGHT,
    MAX_LANES,
    MAX_PLOT_WIDTH,
    MAX_STACK,
    Keys,
    UrlFor,
    assign_lanes,
    brief_keys,
    chart_id,
    data_table,
    date_label,
    date_position,
    figure,
    link,
    num,
    svg_open,
    tick_step,
)


@dataclass(frozen=True)
class Event:
    """One distinct ISO date on the timeline and the mentions that cite it."""

    value: str
    entries: tuple[TimelineEntry, ...]

    @property
    def briefs(self) -> tuple[Brief, ...]:
        """Return the briefs citing this date, each once, in order of first mention."""
        return tuple({entry.brief.slug: entry.brief for entry in self.entries}.values())


@dataclass(frozen=True)
class Axis:
    """A horizontal time scale: first and last year boundary, pixels per year, left margin."""

    start: int
    end: int
    per_year: float
    left: float = 64.0

    def x(self, value: str) -> float:
        """Return the x coordinate of an ISO partial date."""
        return self.left + (date_position(value) - self.start) * self.per_year


@dataclass(frozen=True)
class Layout:
    """Where the timeline's parts sit: scale, axis line, stack tops, label lanes, mark columns."""

    axis: Axis
    axis_y: float
    stack_top: float
    lanes: dict[str, int]
    columns: dict[str, float]


def timeline_chart(
    entries: Sequence[TimelineEntry], briefs: Sequence[Brief], url: UrlFor
) -> Markup:
    """Return an SVG time axis of dated mentions, each mark linked to its sentence."""
    events = timeline_events(entries)
    published = [brief for brief in briefs if brief.meta.published]
    if not events and not published:
        return Markup('<p class="ps-empty">No dated events.</p>')
    keys = brief_keys([*briefs, *(entry.brief for entry in entries)])
    layout = timeline_layout(
        events, timeline_axis(events, [b.meta.published or "" for b in published])
    )
    pubs, pub_height = publication_marks(published, layout, keys, url)
    marks = "".join(event_mark(event, layout, keys, url) for event in events)
    right = max(
        [
            layout.axis.x(str(layout.axis.end - 1)) + layout.axis.per_year / 2,
            *layout.columns.values(),
        ]
    )
    ident = chart_id(
        "tl", [e.date.value + e.sentence.anchor for e in entries] + [b.slug for b in briefs]
    )
    title = "Timeline of dated events"
    desc = (
        f"{len(events)} distinct dates cited in {len({e.brief.slug for e in entries})} briefs"
        f"{span_text(events)}; diamonds below the axis mark when each brief was published."
    )
    svg = svg_open(ident, right + 24, layout.axis_y + 28 + pub_height, title, desc)
    svg += marks + year_axis(layout.axis, layout.axis_y) + pubs + "</svg>"
    after = timeline_legend(briefs, keys, url) + timeline_table(entries, published, keys, url)
    return figure("timeline", ident, f"{title}: {desc}", svg, after)


def timeline_layout(events: Sequence[Event], axis: Axis) -> Layout:
    """Return the layout: marks dodged into columns, labels in lanes, the axis below the stacks."""
    # Dates too close to stand apart spread around their mean; a slanted stem keeps the truth.
    xs = dodge([axis.x(event.value) for event in events], CHIP + 2)
    columns = {event.value: x for event, x in zip(events, xs, strict=True)}
    lanes = event_labels(events, columns)
    stack_top = 12 + max((lane + 1 for lane in lanes.values()), default=0) * LANE_HEIGHT
    tallest = min(MAX_STACK, max((len(event.briefs) for event in events), default=1))
    return Layout(axis, stack_top + tallest * CHIP_STEP, stack_top, lanes, columns)


def dodge(xs: Sequence[float], step: float) -> list[float]:
    """Return sorted positions moved apart to at least `step`, each cluster centred on its mean."""
    clusters: list[tuple[float, list[float]]] = []  # (first position, true positions)
    for x in xs:
        start, members = x, [x]
        while clusters and clusters[-1][0] + len(clusters[-1][1]) * step > start:
            _, before = clusters.pop()
            members = before + members
            start = sum(members) / len(members) - (len(members) - 1) * step / 2
        clusters.append((start, members))
    return [start + n * step for start, members in clusters for n in range(len(members))]


def timeline_events(entries: Sequence[TimelineEntry]) -> list[Event]:
    """Return one event per distinct ISO date value, in time order."""
    grouped: dict[str, list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        grouped[entry.date.value].append(entry)
    events = [Event(value, tuple(group)) for value, group in grouped.items()]
    return sorted(events, key=lambda event: (date_position(event.value), event.value))


def span_text(events: Sequence[Event]) -> str:
    """Return ', from first to last' for the dates of the events (nothing when there are none)."""
    if not events:
        return ""
    return f", from {date_label(events[0].value)} to {date_label(events[-1].value)}"


def timeline_axis(events: Sequence[Event], published: Sequence[str]) -> Axis:
    """Return a scale spanning every event and publication; crowded years widen the scale."""
    positions = [date_position(e.value) for e in events] + [date_position(p) for p in published]
    start, end = math.floor(min(positions)), math.floor(max(positions)) + 1
    per_year_count: dict[int, int] = defaultdict(int)
    for event in events:
        per_year_count[math.floor(date_position(event.value))] += 1
    span = end - start
    crowd = max(per_year_count.values(), default=1) * CHIP / 2  # dodging absorbs the rest
    per_year = min(1200.0, max(22.0, 600 / span, crowd))
    # Long spans shrink years rather than grow without end: labels then collapse, marks stay.
    return Axis(start, end, max(2.0, min(per_year, MAX_PLOT_WIDTH / span)))


def event_labels(events: Sequence[Event], columns: dict[str, float]) -> dict[str, int]:
    """Return the label lane of each event value; events whose label cannot fit get none."""
    spans = []
    for event in events:
        half = len(date_label(event.value)) * CHAR_WIDTH / 2
        spans.append((columns[event.value] - half, columns[event.value] + half))
    lanes = assign_lanes(spans, MAX_LANES)
    return {e.value: lane for e, lane in zip(events, lanes, strict=True) if lane is not None}


def event_mark(event: Event, layout: Layout, keys: Keys, url: UrlFor) -> str:
    """Return one event's mark: its label in its lane and a stack of one chip per citing brief."""
    x, axis_y, briefs = layout.columns[event.value], layout.axis_y, event.briefs
    shown = briefs if len(briefs) <= MAX_STACK else briefs[: MAX_STACK - 1]
    out = [f'<g class="ps-event" data-date="{escape(event.value)}" data-briefs="{len(briefs)}">']
    if x != layout.axis.x(event.value):
        out.append(
            f'<line class="ps-leader" x1="{num(x)}" y1="{num(axis_y - 2)}" '
            f'x2="{num(layout.axis.x(event.value))}" y2="{num(axis_y)}"/>'
        )
    if event.value in layout.lanes:
        y = layout.stack_top - 6 - layout.lanes[event.value] * LANE_HEIGHT
        out.append(
            f'<line class="ps-leader" x1="{num(x)}" y1="{num(y + 3)}" x2="{num(x)}" '
            f'y2="{num(axis_y - len(shown) * CHIP_STEP)}"/><text class="ps-label" x="{num(x)}" '
            f'y="{num(y)}" text-anchor="middle">{escape(date_label(event.value))}</text>'
        )
    for height, brief in enumerate(shown, start=1):
        mine = [entry for entry in event.entries if entry.brief.slug == brief.slug]
        more = f" (+{len(mine) - 1} more in the table)" if len(mine) > 1 else ""
        tip = f"{date_label(event.value)}, {brief.meta.title}: {mine[0].sentence.text}{more}"
        href = url(f"briefs/{brief.slug}/#{mine[0].sentence.anchor}")
        out.append(chip(x, axis_y - height * CHIP_STEP, keys[brief.slug], tip, href))
    if len(shown) < len(briefs):
        rest, y = len(briefs) - len(shown), axis_y - MAX_STACK * CHIP_STEP + 12
        out.append(
            f'<text x="{num(x)}" y="{num(y)}" text-anchor="middle">+{rest}<title>{rest} more '
            f"briefs cite {escape(date_label(event.value))}</title></text>"
        )
    return "".join(out) + "</g>"


def chip(x: float, y: float, key: tuple[str, int], tip: str, href: str) -> str:
    """Return a small linked square in a brief's colour, carrying its key letters."""
    return (
        f'<a href="{escape(href)}"><title>{escape(tip)}</title><rect class="ps-b{key[1]}" '
        f'x="{num(x - CHIP / 2)}" y="{num(y)}" width="{CHIP}" height="{CHIP}" rx="3"/>'
        f'<text class="ps-on" x="{num(x)}" y="{num(y + 12)}" text-anchor="middle">'
        f"{escape(key[0])}</text></a>"
    )


def year_axis(axis: Axis, y: float) -> str:
    """Return the axis line with a tick at every year boundary and labels every few years."""
    step, right = tick_step(axis.per_year), axis.left + (axis.end - axis.start) * axis.per_year
    out = [
        f'<line class="ps-axis" x1="{num(axis.left)}" y1="{num(y)}" x2="{num(right)}" '
        f'y2="{num(y)}"/>'
    ]
    for year in range(axis.start, axis.end + 1):
        x = axis.left + (year - axis.start) * axis.per_year
        out.append(
            f'<line class="ps-tick" x1="{num(x)}" y1="{num(y)}" x2="{num(x)}" y2="{num(y + 5)}"/>'
        )
        if year % step == 0 and (step > 1 or year < axis.end):
            label_x = x + axis.per_year / 2 if step == 1 else x
            out.append(
                f'<text class="ps-muted" x="{num(label_x)}" y="{num(y + 17)}" '
                f'text-anchor="middle">{year}</text>'
            )
    return "".join(out)


def publication_marks(
    briefs: Sequence[Brief], layout: Layout, keys: Keys, url: UrlFor
) -> tuple[str, float]:
    """Return hollow diamonds where briefs were published (stacked when close) and their height."""
    axis, y = layout.axis, layout.axis_y + 28
    out = [f'<text class="ps-muted" x="4" y="{num(y + 12)}">Published</text>']
    taken: dict[int, int] = defaultdict(int)
    for brief in briefs:
        value = brief.meta.published or ""
        x, slot = axis.x(value), round(axis.x(value) / CHIP)
        top = y + taken[slot] * CHIP_STEP
        taken[slot] += 1
        points = " ".join(
            f"{num(x + dx)},{num(top + dy)}" for dx, dy in ((0, 0), (9, 8), (0, 16), (-9, 8))
        )
        out.append(
            f'<a href="{escape(url(f"briefs/{brief.slug}/"))}"><title>Published '
            f"{escape(date_label(value))}: {escape(brief.meta.title)}</title>"
            f'<polygon class="ps-pub ps-s{keys[brief.slug][1]}" points="{points}"/>'
            f'<text x="{num(x)}" y="{num(top + 12)}" text-anchor="middle">'
            f"{escape(keys[brief.slug][0])}</text></a>"
        )
    return "".join(out), max(taken.values(), default=1) * CHIP_STEP + 4


def timeline_legend(briefs: Sequence[Brief], keys: Keys, url: UrlFor) -> str:
    """Return the key: each brief's letters in its colour, linked to the brief."""
    items = "".join(
        f'<li><span class="ps-key ps-k{keys[b.slug][1]}" aria-hidden="true">'
        f"{escape(keys[b.slug][0])}</span> {link(url(f'briefs/{b.slug}/'), b.meta.title)}</li>"
        for b in briefs
    )
    return f'<ul class="ps-legend">{items}</ul>'


def timeline_table(
    entries: Sequence[TimelineEntry], published: Sequence[Brief], keys: Keys, url: UrlFor
) -> str:
    """Return the data table: every dated sentence and every publication, in date order."""
    rows = [
        (
            e.date.value,
            e.brief,
            link(url(f"briefs/{e.brief.slug}/#{e.sentence.anchor}"), e.sentence.text),
        )
        for e in entries
    ]
    rows += [(b.meta.published or "", b, "Publication of the brief") for b in published]
    rows.sort(key=lambda row: (date_position(row[0]), row[0]))
    cells = [
        (
            escape(date_label(value)),
            f"{escape(keys[brief.slug][0])}: {escape(brief.meta.title)}",
            cell,
        )
        for value, brief, cell in rows
    ]
    return data_table("Dated events", ("Date", "Brief", "Sentence"), cells)
