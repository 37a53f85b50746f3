"""Tests for policysite.charts: well-formed, linked, accessible and deterministic pictures."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta

import pytest

from policysite.charts import theme_matrix, theme_network, theme_trend, timeline_chart
from policysite.charts.kit import (
    LEVELS,
    PALETTE_SIZE,
    assign_lanes,
    brief_keys,
    date_label,
    date_position,
    letter_key,
    level,
    num,
    wrap_words,
)
from policysite.charts.network import circular_order, ring_cost, theme_edges
from policysite.charts.timeline import dodge
from policysite.link import Site, link
from policysite.load import Project, read_sources
from policysite.pipeline import BuildOptions, configure, extract
from tests.conftest import REPO, ProjectFactory

SVG = "{http://www.w3.org/2000/svg}"

SITE = """\
title: Chart test
base_url: https://example.org/sub/path/
themes:
  - id: founding-act
    name: NATO-Russia Founding Act
    aliases: ["Founding Act"]
  - id: arms-control
    name: Arms control
    aliases: ["arms control"]
  - id: energy
    name: Energy security
    aliases: ["energy security"]
  - id: unused
    name: Never mentioned
    aliases: ["zzzyzx"]
"""

BRIEFS = {
    "content/one.md": "---\ntitle: First brief\npublished: '2010'\n---\n"
    "The Founding Act of 1997 set the rules. Arms control talks resumed in 2009.\n\n"
    "The Founding Act and arms control belong together.\n",
    "content/two.md": "---\ntitle: Second brief\npublished: 2014-03\n---\n"
    "The Founding Act of 1997 still matters. Energy security worsened in 2014.\n\n"
    "The Founding Act was ignored. Nobody read the Founding Act in 1997 either.\n",
    "content/three.md": "---\ntitle: Third brief\npublished: '2016'\n---\n"
    "In 1997 the Founding Act was signed. Arms control is dead.\n",
}


@pytest.fixture
def site(make_project: ProjectFactory) -> Site:
    """Return the linked site of three small briefs that share the date 1997."""
    project = Project.at(make_project(BRIEFS, SITE))
    config = configure(project, BuildOptions())
    return link(config, extract(config, read_sources(project, config)))


def url(target: str) -> str:
    """Return a link as a page one level deep would write it."""
    return "../" + target


def parse(markup: str) -> ET.Element:
    """Return the markup parsed as XML (it must be well-formed)."""
    return ET.fromstring(markup)


def svg_of(figure: ET.Element) -> ET.Element:
    """Return the first SVG element inside a chart figure."""
    found = figure.find(f".//{SVG}svg")
    assert found is not None
    return found


def hrefs(element: ET.Element) -> list[str]:
    """Return every link target inside an element, HTML or SVG."""
    return [a.get("href", "") for a in element.iter() if a.tag in ("a", f"{SVG}a")]


# --- timeline -----------------------------------------------------------------------------------


def test_timeline_shares_one_mark_per_date_counting_each_brief_once(site: Site) -> None:
    figure = parse(timeline_chart(site.timeline, site.briefs, url))
    events = {g.get("data-date"): g for g in svg_of(figure).iter(f"{SVG}g") if g.get("data-date")}
    assert sorted(events) == sorted({entry.date.value for entry in site.timeline})
    assert events["1997"].get("data-briefs") == "3"
    chips = [a for a in events["1997"].iter(f"{SVG}a")]
    assert len(chips) == 3  # the second brief cites 1997 twice but gets one chip


def test_timeline_links_every_dated_sentence(site: Site) -> None:
    figure = parse(timeline_chart(site.timeline, site.briefs, url))
    links = hrefs(figure)
    svg_links = hrefs(svg_of(figure))
    for entry in site.timeline:
        target = f"../briefs/{entry.brief.slug}/#{entry.sentence.anchor}"
        assert target in links
    firsts = {(e.date.value, e.brief.slug): e for e in reversed(site.timeline)}
    for entry in firsts.values():
        assert f"../briefs/{entry.brief.slug}/#{entry.sentence.anchor}" in svg_links


def test_timeline_marks_publication_dates_with_brief_links(site: Site) -> None:
    svg = svg_of(parse(timeline_chart(site.timeline, site.briefs, url)))
    diamonds = [p for p in svg.iter(f"{SVG}polygon") if "ps-pub" in p.get("class", "")]
    assert len(diamonds) == len(site.briefs)
    for brief in site.briefs:
        assert f"../briefs/{brief.slug}/" in hrefs(svg)


def test_timeline_has_text_alternatives_and_a_data_table(site: Site) -> None:
    figure = parse(timeline_chart(site.timeline, site.briefs, url))
    assert_text_alternatives(figure)
    rows = figure.findall(".//details/table/tbody/tr")
    assert len(rows) == len(site.timeline) + len(site.briefs)


def test_timeline_is_deterministic(site: Site) -> None:
    first = timeline_chart(site.timeline, site.briefs, url)
    assert first == timeline_chart(site.timeline, site.briefs, url)


def test_timeline_ids_differ_between_different_charts(site: Site) -> None:
    whole = svg_of(parse(timeline_chart(site.timeline, site.briefs, url)))
    part = svg_of(parse(timeline_chart(site.timeline[:2], site.briefs, url)))
    assert whole.get("aria-labelledby") != part.get("aria-labelledby")


def test_timeline_without_dates_says_so(site: Site) -> None:
    assert "No dated events" in timeline_chart((), (), url)


def test_dense_timeline_keeps_labels_apart(site: Site) -> None:
    sample = site.timeline[0]
    days = [date(2001, 1, 1) + timedelta(days=n) for n in range(300)]
    entries = [replace(sample, date=replace(sample.date, value=d.isoformat())) for d in days]
    svg = svg_of(parse(timeline_chart(entries, site.briefs, url)))
    assert float(svg.get("width", "0")) < 300 * 18 + 400  # grows at most a column per date
    events = [g for g in svg.iter(f"{SVG}g") if g.get("data-date")]
    assert len(events) == 300
    lefts = [float(g.find(f".//{SVG}rect").get("x", "0")) for g in events]  # type: ignore[union-attr]
    assert all(b - a >= 16 for a, b in zip(lefts, lefts[1:], strict=False))  # marks never overlap
    labels = [g.find(f"{SVG}text") for g in events]
    placed = [t for t in labels if t is not None and t.text and not t.text.startswith("+")]
    assert 0 < len(placed) < len(events)  # crowded labels collapse; marks stay
    by_row: dict[str, list[tuple[float, float]]] = {}
    for text in placed:
        x, half = float(text.get("x", "0")), len(text.text or "") * 6.2 / 2
        by_row.setdefault(text.get("y", ""), []).append((x - half, x + half))
    for spans in by_row.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


# --- theme map ----------------------------------------------------------------------------------


def test_matrix_rows_follow_publication_and_cells_link_to_brief_groups(site: Site) -> None:
    figure = parse(theme_matrix(site, url))
    rows = figure.findall(".//table/tbody/tr")
    titles = ["".join(row.find("th").itertext()) for row in rows]  # type: ignore[union-attr]
    assert [t.split(" (")[0] for t in titles] == ["First brief", "Second brief", "Third brief"]
    second = {a.get("href"): a.text for a in rows[1].iter("a")}
    slug = site.briefs[1].slug
    assert second[f"../themes/founding-act/#brief-{slug}"] == "3"
    assert f"../themes/arms-control/#brief-{slug}" not in second


def test_matrix_shades_by_count_and_totals_each_theme(site: Site) -> None:
    figure = parse(theme_matrix(site, url))
    cells = [td for td in figure.iter("td") if td.find("a") is not None]
    shades = {td.find("a").text: td.get("class") for td in cells}  # type: ignore[union-attr]
    assert shades["3"] == "ps-q5" and shades["1"] == "ps-q2"
    totals = [td.text for td in figure.findall(".//tfoot/tr/td")]
    assert totals == [str(entry.mention_count) for entry in site.themes]
    assert figure.find(f".//{SVG}svg/{SVG}title") is not None  # the colour key is described


def test_matrix_of_one_page_shows_only_that_page_and_same_counts(site: Site) -> None:
    whole = parse(theme_matrix(site, url)).findall(".//table/tbody/tr")
    page = parse(theme_matrix(site, url, site.briefs[1:2])).findall(".//table/tbody/tr")
    assert len(page) == 1
    cells = [[a.text for a in row.iter("a")] for row in (whole[1], page[0])]
    assert cells[0] == cells[1]


# --- theme network ------------------------------------------------------------------------------


def test_network_draws_mentioned_themes_and_shared_sentences(site: Site) -> None:
    svg = svg_of(parse(theme_network(site, url)))
    nodes = {a.get("data-node") for a in svg.iter(f"{SVG}a")}
    assert nodes == {"founding-act", "arms-control", "energy"}
    edges = [p.get("data-edge") for p in svg.iter(f"{SVG}path")]
    assert edges == ["arms-control founding-act"]
    assert "../themes/energy/" in hrefs(svg)


def test_network_circle_size_follows_mentions(site: Site) -> None:
    svg = svg_of(parse(theme_network(site, url)))
    radius = {
        a.get("data-node"): float(a.find(f"{SVG}circle").get("r", "0"))  # type: ignore[union-attr]
        for a in svg.iter(f"{SVG}a")
    }
    assert radius["founding-act"] > radius["arms-control"] > 0


def test_network_is_deterministic_and_accessible(site: Site) -> None:
    first = theme_network(site, url)
    assert first == theme_network(site, url)
    assert_text_alternatives(parse(first))


def test_ring_order_puts_tied_themes_side_by_side() -> None:
    ids = ["a", "b", "c", "d", "e", "f"]
    edges = {("a", "d"): 5, ("b", "e"): 5, ("c", "f"): 5}
    order = circular_order(ids, edges)
    assert sorted(order) == ids
    assert ring_cost(order, edges) == 15  # each tied pair one step apart
    assert order == circular_order(ids, edges)


def test_theme_edges_keep_one_count_per_pair(site: Site) -> None:
    assert theme_edges(site.themes) == {("arms-control", "founding-act"): 1}


# --- trend --------------------------------------------------------------------------------------


def test_trend_has_one_bar_per_brief_that_mentions_the_theme(site: Site) -> None:
    entry = next(e for e in site.themes if e.theme.id == "arms-control")
    figure = parse(theme_trend(entry, site.briefs, url))
    svg = svg_of(figure)
    bars = [a.get("href") for a in svg.iter(f"{SVG}a")]
    slugs = [b.slug for b in site.briefs]
    assert bars == [
        f"../themes/arms-control/#brief-{slugs[0]}",
        f"../themes/arms-control/#brief-{slugs[2]}",
    ]
    years = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "ps-muted"][2:]
    assert years == ["2010", "2014", "2016"]
    assert_text_alternatives(figure)


# --- shared pieces ------------------------------------------------------------------------------


def assert_text_alternatives(figure: ET.Element) -> None:
    """Assert the picture names its title and description and a data table follows it."""
    svg = svg_of(figure)
    ids = (svg.get("aria-labelledby") or "").split()
    assert len(ids) == 2
    found = {el.get("id"): (el.text or "") for el in svg.iter() if el.get("id")}
    assert all(found.get(i, "").strip() for i in ids)
    assert figure.find(".//details/table") is not None


def test_dates_sit_in_the_middle_of_their_precision() -> None:
    assert date_position("1997") == 1997.5
    assert date_position("2014-03") == pytest.approx(2014 + 2.5 / 12)
    assert 2014 + 2 / 12 < date_position("2014-03-02") < date_position("2014-03-31") < 2014 + 3 / 12
    assert [date_label(v) for v in ("1997", "2014-03", "2014-03-02")] == [
        "1997",
        "Mar 2014",
        "2 Mar 2014",
    ]


def test_dodge_spreads_crowded_marks_around_their_mean() -> None:
    assert dodge([0, 100, 200], 18) == [0, 100, 200]
    assert dodge([100, 100, 100], 18) == [82, 100, 118]
    spread = dodge([0, 5, 10, 40], 18)
    assert all(b - a >= 18 for a, b in zip(spread, spread[1:], strict=False))


def test_lanes_never_overlap_and_overflow_is_dropped() -> None:
    lanes = assign_lanes([(0, 10), (5, 15), (8, 18), (20, 30)], 2)
    assert lanes == [0, 1, None, 0]


def test_keys_letters_and_levels() -> None:
    assert [letter_key(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]
    assert [level(c, 10) for c in (0, 1, 2, 3, 10)] == [0, 1, 1, 2, 5]
    assert (num(1.0), num(2.25), num(-0.01)) == ("1", "2.2", "0")
    assert wrap_words("Arms control", 20) == ["Arms control"]
    cut = wrap_words("Hybrid threats, cyber and disinformation", 14)
    assert cut == ["Hybrid", "threats, cybe…"]


def test_brief_keys_follow_first_appearance(site: Site) -> None:
    keys = brief_keys([site.briefs[2], site.briefs[0], site.briefs[2]])
    assert keys == {site.briefs[2].slug: ("A", 0), site.briefs[0].slug: ("B", 1)}


# --- style sheet --------------------------------------------------------------------------------

CHARTS_CSS = REPO / "static" / "css" / "charts.css"
# Classes that name a chart or a part of it for user style sheets and tests, not styled by default.
HOOKS = {"ps-timeline", "ps-matrix", "ps-network", "ps-trend", "ps-event", "ps-edges"}


def all_charts(site: Site) -> list[str]:
    """Return every kind of chart drawn for the test site."""
    entry = next(e for e in site.themes if e.theme.id == "arms-control")
    return [
        timeline_chart(site.timeline, site.briefs, url),
        theme_matrix(site, url),
        theme_network(site, url),
        theme_trend(entry, site.briefs, url),
    ]


def scheme_colours(css: str) -> tuple[dict[str, str], dict[str, str]]:
    """Return the light and the dark custom properties (name -> #hex) of charts.css."""
    light_block, _, rest = css.partition("@media (prefers-color-scheme: dark)")
    pattern = re.compile(r"--ps-([a-z0-9-]+):\s*(#[0-9a-f]{6})")
    dark_block = rest.split("}", 1)[0]
    return dict(pattern.findall(light_block)), dict(pattern.findall(dark_block))


def luminance(colour: str) -> float:
    """Return the WCAG relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    """Return the WCAG contrast ratio of two colours."""
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_charts_leave_styling_to_the_shared_style_sheet(site: Site) -> None:
    for markup in all_charts(site):
        assert "<style" not in markup and "style=" not in markup
        for svg in parse(markup).iter(f"{SVG}svg"):
            if any(a.tag == f"{SVG}a" for a in svg.iter()):
                # role=img would hide the links; the validator allows no other role on <svg>.
                assert svg.get("role") is None


def test_style_sheet_defines_every_class_the_charts_use(site: Site) -> None:
    css = CHARTS_CSS.read_text(encoding="utf-8")
    defined = set(re.findall(r"\.(ps-[a-z0-9-]+)", css))
    used = {
        name
        for markup in all_charts(site)
        for element in parse(markup).iter()
        for name in element.get("class", "").split()
    }
    assert used and used - HOOKS <= defined, sorted(used - HOOKS - defined)
    palette = {f"ps-{kind}{i}" for kind in "bsk" for i in range(PALETTE_SIZE)}
    assert palette | {f"ps-q{i}" for i in range(1, LEVELS + 1)} <= defined


@pytest.mark.parametrize("scheme", [0, 1], ids=["light", "dark"])
def test_chart_colours_keep_text_readable(scheme: int) -> None:
    colours = scheme_colours(CHARTS_CSS.read_text(encoding="utf-8"))[scheme]
    bg = colours["bg"]
    for name in ("ink", "muted", "link"):
        assert contrast(colours[name], bg) >= 4.5, name
    for i in range(PALETTE_SIZE):
        assert contrast(colours["on"], colours[f"b{i}"]) >= 4.5, f"key letter on b{i}"
        assert contrast(colours[f"b{i}"], bg) >= 3, f"b{i} against the background"
    for i in range(1, LEVELS + 1):
        assert contrast(colours[f"q{i}-ink"], colours[f"q{i}"]) >= 4.5, f"count on shade {i}"
