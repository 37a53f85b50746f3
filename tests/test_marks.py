"""Tests for marks: mention spans wrapped in escaped markup."""

from __future__ import annotations

from policysite.marks import Mark, brief_text, marked_text, non_overlapping
from tests.factories import make_brief


def url(target: str) -> str:
    """Return a fake relative link."""
    return "../../" + target


def test_marked_text_escapes_everything_and_wraps_exact_substrings() -> None:
    text = "A <b>NATO</b> & Russia"
    marks = (
        Mark(5, 9, "actor", "actors/nato/", "NATO"),
        Mark(16, 22, "theme", "themes/r/", "R<x>"),
    )
    html = str(marked_text(text, marks, url))
    assert html == (
        'A &lt;b&gt;<a class="m-actor" href="../../actors/nato/" title="Actor: NATO">NATO</a>'
        "&lt;/b&gt; &amp; "
        '<a class="m-theme" href="../../themes/r/" title="Theme: R&lt;x&gt;">Russia</a>'
    )


def test_overlapping_and_out_of_range_marks_are_dropped() -> None:
    marks = (
        Mark(0, 4, "theme", "t", "t"),
        Mark(0, 9, "actor", "a", "a"),
        Mark(5, 7, "date", "2020", "2020"),
        Mark(8, 99, "theme", "x", "x"),
    )
    assert [m.end for m in non_overlapping(marks, 20)] == [9]


def test_dates_become_time_elements() -> None:
    html = str(marked_text("In 2014 it began.", (Mark(3, 7, "date", "2014", "2014"),), url))
    assert html == 'In <time datetime="2014">2014</time> it began.'


def test_brief_text_indexes_marks_recommendations_and_first_mentions() -> None:
    brief = make_brief(
        "b", "2020", ["Russia said no.", "NATO should talk to Russia."], recommend={1: "NATO"}
    )
    text = brief_text(brief, {}, {"russia": "Russia", "nato": "NATO"})
    first, second = brief.sentences
    assert text.recommendation(second.anchor) is brief.recommendations[0]
    assert text.recommendation(first.anchor) is None
    assert text.first_anchor("actor", "russia") == first.anchor
    assert text.first_anchor("actor", "nato") == second.anchor
    assert 'href="../../actors/russia/"' in text.sentence_html(second, url)
