"""Chart kit: sizes, date scales, ids and the figure, SVG and table wrappers (CSS: charts.css)."""

from __future__ import annotations

import calendar
import hashlib
import math
from collections.abc import Callable, Iterable, Sequence

from markupsafe import Markup, escape

from ..model import Brief

UrlFor = Callable[[str], str]
Keys = dict[str, tuple[str, int]]

# static/css/charts.css defines one colour per brief (.ps-b0…) and one shade per level (.ps-q1…).
PALETTE_SIZE = 8
LEVELS = 5
CHIP, CHIP_STEP, MAX_STACK, MAX_PLOT_WIDTH = 16, 18, 5, 2400.0
MAX_LANES, LANE_HEIGHT, CHAR_WIDTH = 4, 15, 6.2
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# --- shared pieces ------------------------------------------------------------------------------


def num(value: float) -> str:
    """Return a coordinate rounded to one decimal, without a trailing '.0'."""
    text = f"{round(value, 1):.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def chart_id(kind: str, keys: Iterable[str]) -> str:
    """Return an id unique to a chart's content, so two charts on one page never share ids."""
    digest = hashlib.sha1("\n".join(keys).encode("utf-8")).hexdigest()[:8]
    return f"ps-{kind}-{digest}"


def letter_key(index: int) -> str:
    """Return the key letters of the index-th brief: A…Z, then AA, AB…"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def brief_keys(briefs: Iterable[Brief]) -> Keys:
    """Return each brief's key letters and palette index, in order of first appearance."""
    keys: Keys = {}
    for brief in briefs:
        if brief.slug not in keys:
            keys[brief.slug] = (letter_key(len(keys)), len(keys) % PALETTE_SIZE)
    return keys


def date_position(value: str) -> float:
    """Return an ISO partial date as a fractional year, at the middle of its own precision."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return parts[0] + 0.5
    if len(parts) == 2:
        return parts[0] + (parts[1] - 0.5) / 12
    days = calendar.monthrange(parts[0], parts[1])[1]
    return parts[0] + (parts[1] - 1 + (parts[2] - 0.5) / days) / 12


def date_label(value: str) -> str:
    """Return an ISO partial date for reading: '1997', 'Mar 2014' or '2 Mar 2014'."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def svg_open(ident: str, width: float, height: float, title: str, desc: str) -> str:
    """Return an SVG start tag named by its title and description (styled by charts.css)."""
    # No role: the Nu validator allows neither graphics-document nor group on <svg>, and role=img
    # would make the links inside presentational (axe: nested-interactive). The bare element is
    # valid, keeps its links reachable and still takes its name from aria-labelledby.
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" '
        f'aria-labelledby="{ident}-t {ident}-d" width="{num(width)}" height="{num(height)}" '
        f'viewBox="0 0 {num(width)} {num(height)}"><title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape(desc)}</desc>'
    )


def figure(kind: str, ident: str, caption: str, picture: str, after: str) -> Markup:
    """Return a chart figure: caption, scrollable picture, then legend and data table."""
    return Markup(
        f'<figure class="ps-chart ps-{kind}" id="{ident}"><figcaption id="{ident}-c">'
        f'{escape(caption)}</figcaption><div class="ps-scroll" tabindex="0" role="group" '
        f'aria-labelledby="{ident}-c">{picture}</div>{after}</figure>'
    )


def data_table(summary: str, head: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Return a collapsed data table listing the facts a picture shows (cells are markup)."""
    cells = "".join(f'<th scope="col">{escape(text)}</th>' for text in head)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f'<details class="ps-data"><summary>{escape(summary)} as a table</summary>'
        f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table></details>"
    )


def link(href: str, text: str, tip: str = "") -> str:
    """Return an escaped HTML or SVG link."""
    title = f' title="{escape(tip)}"' if tip else ""
    return f'<a href="{escape(href)}"{title}>{escape(text)}</a>'


def assign_lanes(
    spans: Sequence[tuple[float, float]], lanes: int, gap: float = 4
) -> list[int | None]:
    """Return a lane for each (start, end) span, in order, so spans in one lane never overlap."""
    ends = [-math.inf] * lanes
    chosen: list[int | None] = []
    for start, end in spans:
        lane = next((i for i, last in enumerate(ends) if start >= last + gap), None)
        if lane is not None:
            ends[lane] = end
        chosen.append(lane)
    return chosen


def tick_step(per_year: float) -> int:
    """Return how many years apart year labels stand so they keep 36 pixels between them."""
    return next((step for step in (1, 2, 5, 10, 20, 50) if step * per_year >= 36), 100)


def wrap_words(text: str, width: int, lines: int = 2) -> list[str]:
    """Return text broken into at most `lines` lines of about `width` characters (… when cut)."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[: lines - 1] + [" ".join(out[lines - 1 :])[: width - 1] + "…"]
    return out


def level(count: int, highest: int) -> int:
    """Return the shade (0 for none, 1…LEVELS) of a count on a scale up to the highest count."""
    return 0 if count <= 0 else max(1, math.ceil(LEVELS * count / max(highest, 1)))
