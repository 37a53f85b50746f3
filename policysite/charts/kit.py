"""Chart kit: colours, style sheet, date scales, ids and the figure and table wrappers."""

from __future__ import annotations

import calendar
import hashlib
import math
from collections.abc import Callable, Iterable, Sequence

from markupsafe import Markup, escape

from ..model import Brief

UrlFor = Callable[[str], str]
Keys = dict[str, tuple[str, int]]

PALETTE_SIZE = 8
LEVELS = 5
CHIP, CHIP_STEP, MAX_STACK, MAX_PLOT_WIDTH = 16, 18, 5, 2400.0
MAX_LANES, LANE_HEIGHT, CHAR_WIDTH = 4, 15, 6.2
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Light values first, dark second: brief colours carry a white (light) or near-black (dark) letter
# at >= 4.5:1; the matrix levels pair each background with the text colour that stays >= 4.5:1.
BRIEF_COLOURS = (
    ("#1f5fa6", "#8ab8ff"),
    ("#b0420a", "#ffab70"),
    ("#2a7a3b", "#7fd49a"),
    ("#8e3b8e", "#e0a3e0"),
    ("#a3243b", "#ff99a8"),
    ("#00707a", "#6fd6dd"),
    ("#6b5a00", "#e0cc60"),
    ("#5b5b5b", "#c8c8c8"),
)
LEVEL_COLOURS = (
    (("#e8f1fb", "#0b2545"), ("#1a2a3d", "#e6eef8")),
    (("#c6dbef", "#0b2545"), ("#22426a", "#ffffff")),
    (("#8fbbe0", "#0b2545"), ("#2f6299", "#ffffff")),
    (("#3a78b8", "#ffffff"), ("#7aaee0", "#08131f")),
    (("#1d4f8a", "#ffffff"), ("#c4dcf5", "#08131f")),
)
SCHEMES = (
    {
        "bg": "#fff",
        "ink": "#1b1b1b",
        "muted": "#595959",
        "line": "#767676",
        "grid": "#e3e3e3",
        "link": "#0b57a4",
        "edge": "#5a6f8c",
        "on": "#fff",
    },
    {
        "bg": "#16191d",
        "ink": "#e8e8e8",
        "muted": "#b0b0b0",
        "line": "#8c8c8c",
        "grid": "#3a3f45",
        "link": "#8ab8ff",
        "edge": "#8fa6c4",
        "on": "#111",
    },
)
# .ps-scroll is position:relative because absolutely positioned descendants (visually hidden
# text) escape a scroll box's clipping unless it is their containing block.
RULES = """\
.ps-chart{background:var(--ps-bg);color:var(--ps-ink);margin:1.5rem 0;padding:.75rem;\
border:1px solid var(--ps-grid);border-radius:6px;box-sizing:border-box;max-width:100%;\
font:14px/1.4 system-ui,sans-serif}
.ps-chart a{color:var(--ps-link)}
.ps-chart figcaption{margin:.25rem 0 .5rem;font-weight:600}
.ps-scroll{overflow-x:auto;max-width:100%;position:relative}
.ps-scroll:focus-visible,.ps-chart a:focus-visible{outline:2px solid var(--ps-link);\
outline-offset:2px}
.ps-chart svg{display:block;max-width:none;font:11px system-ui,sans-serif}
.ps-chart svg text{fill:var(--ps-ink)}
.ps-chart svg .ps-on{fill:var(--ps-on);font-weight:700}
.ps-chart svg .ps-muted{fill:var(--ps-muted)}
.ps-chart svg .ps-label{paint-order:stroke;stroke:var(--ps-bg);stroke-width:3px}
.ps-axis,.ps-tick,.ps-leader,.ps-base{stroke:var(--ps-line);stroke-width:1}
.ps-grid{stroke:var(--ps-grid)}
.ps-pub{fill:var(--ps-bg);stroke-width:2}
.ps-edge{fill:none;stroke:var(--ps-edge);stroke-opacity:.7;stroke-linecap:round}
.ps-node{stroke:var(--ps-bg);stroke-width:1.5}
.ps-legend{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.ps-key{display:inline-block;min-width:1.2em;text-align:center;border-radius:3px;\
color:var(--ps-on);font-weight:700}
.ps-data summary{cursor:pointer}
.ps-data table,.ps-matrix table{border-collapse:collapse;font-size:13px}
.ps-data td,.ps-data th{border-top:1px solid var(--ps-grid);padding:.2rem .4rem;\
text-align:left;vertical-align:top}
.ps-matrix th,.ps-matrix td{border:1px solid var(--ps-grid);padding:.2rem .35rem}
.ps-matrix td{text-align:center;min-width:1.8em}
.ps-matrix thead th{vertical-align:bottom}
.ps-matrix thead th a{writing-mode:vertical-rl;transform:rotate(180deg);max-height:10em;\
display:inline-block;text-align:left}
.ps-matrix tbody th,.ps-matrix tfoot th{text-align:left;font-weight:400;min-width:9em;\
position:sticky;left:0;z-index:1;background:var(--ps-bg)}
.ps-matrix td a{display:block;color:inherit;text-decoration:none;font-weight:600}
.ps-matrix td a:hover{text-decoration:underline}
.ps-vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
"""


def _variables(scheme: int) -> str:
    """Return the custom properties of one colour scheme (0 light, 1 dark)."""
    names = [f"--ps-{name}:{value}" for name, value in SCHEMES[scheme].items()]
    names += [f"--ps-b{i}:{pair[scheme]}" for i, pair in enumerate(BRIEF_COLOURS)]
    for level, pairs in enumerate(LEVEL_COLOURS, start=1):
        names += [f"--ps-q{level}:{pairs[scheme][0]}", f"--ps-q{level}-ink:{pairs[scheme][1]}"]
    return ".ps-chart{" + ";".join(names) + "}"


def _stylesheet() -> str:
    """Return the charts' CSS: variables for both schemes, shared rules and per-colour classes."""
    brief = "".join(
        f".ps-b{i}{{fill:var(--ps-b{i})}}.ps-s{i}{{stroke:var(--ps-b{i})}}"
        f".ps-k{i}{{background:var(--ps-b{i})}}"
        for i in range(PALETTE_SIZE)
    )
    levels = "".join(
        f".ps-q{i}{{background:var(--ps-q{i});color:var(--ps-q{i}-ink);fill:var(--ps-q{i})}}"
        for i in range(1, LEVELS + 1)
    )
    dark = "@media (prefers-color-scheme:dark){" + _variables(1) + "}"
    return _variables(0) + dark + RULES + brief + levels


STYLE = _stylesheet()


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
    """Return an SVG start tag with its title, description and the charts' style sheet."""
    # graphics-document, not img: an img's children are presentational, so links inside would
    # be hidden from assistive technology (axe: nested-interactive).
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="graphics-document" '
        f'aria-labelledby="{ident}-t {ident}-d" width="{num(width)}" height="{num(height)}" '
        f'viewBox="0 0 {num(width)} {num(height)}"><title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape(desc)}</desc><style>{STYLE}</style>'
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
