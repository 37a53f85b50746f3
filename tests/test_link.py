"""Tests for link: cross-indices by theme, actor, date and addressee, and pagination."""

from __future__ import annotations

from dataclasses import replace

import pytest

from policysite.errors import BuildError
from policysite.link import BriefGroup, link
from policysite.paginate import paginate, paginate_groups
from tests.factories import config, make_brief, three_briefs


def test_briefs_are_in_chronological_order() -> None:
    site = link(config(), three_briefs())
    assert [b.slug for b in site.briefs] == ["early", "middle", "late"]


def test_theme_entry_lists_exactly_the_briefs_that_mention_it() -> None:
    site = link(config(), three_briefs())
    entries = {entry.theme.id: entry for entry in site.themes}
    expected = {
        theme_id: [
            b.slug for b in site.briefs if any(m.theme_id == theme_id for m in b.theme_mentions)
        ]
        for theme_id in entries
    }
    assert {tid: [g.brief.slug for g in e.groups] for tid, e in entries.items()} == expected
    assert [g.brief.slug for g in entries["dialogue"].groups] == ["early", "late"]
    assert entries["dialogue"].mention_count == 3


def test_theme_groups_carry_the_recommendations_touching_the_theme() -> None:
    site = link(config(), three_briefs())
    arms = next(e for e in site.themes if e.theme.id == "arms-control")
    assert [r.text for g in arms.groups for r in g.recommendations] == [
        "Russia must respect arms control."
    ]


def test_co_occurrence_counts_shared_sentences() -> None:
    site = link(config(), three_briefs())
    entries = {entry.theme.id: entry for entry in site.themes}
    assert entries["deterrence"].related_themes == (("dialogue", 1),)
    assert entries["dialogue"].related_themes == (("deterrence", 1),)
    assert dict(entries["dialogue"].related_actors) == {"nato": 1, "russia": 1}


def test_actor_entries_collect_mentions_and_addressed_recommendations() -> None:
    site = link(config(), three_briefs())
    actors = {entry.id: entry for entry in site.actors}
    assert [g.brief.slug for g in actors["russia"].groups] == ["early", "late"]
    assert actors["russia"].mention_count == 3
    assert [r.text for _, r in actors["nato"].addressed] == [
        "NATO should seek dialogue with Russia."
    ]


def test_timeline_is_in_date_order_and_filtered_per_theme() -> None:
    site = link(config(), three_briefs())
    assert [e.date.value for e in site.timeline] == ["2008", "2014"]
    entries = {entry.theme.id: entry for entry in site.themes}
    assert [e.date.value for e in entries["dialogue"].timeline] == ["2008", "2014"]
    assert [e.date.value for e in entries["deterrence"].timeline] == ["2014"]
    assert entries["arms-control"].timeline == ()


def test_recommendations_are_grouped_by_addressee_and_by_theme() -> None:
    site = link(config(), three_briefs())
    assert [(g.label, g.link) for g in site.by_addressee] == [
        ("NATO", "actors/nato/"),
        ("Russia", "actors/russia/"),
    ]
    assert [g.key for g in site.by_theme] == ["dialogue", "arms-control"]


def test_unaddressed_recommendations_come_last() -> None:
    brief = make_brief(
        "b",
        "2020",
        ["Someone should act.", "Russia should talk."],
        recommend={0: None, 1: "Russia"},
    )
    site = link(config(), (brief,))
    assert [g.label for g in site.by_addressee] == ["Russia", "no addressee named"]


def test_two_briefs_with_one_slug_name_both_files() -> None:
    one = make_brief("same", "2020", ["One."])
    two = replace(
        make_brief("same", "2021", ["Two."]), source=replace(one.source, path="content/other.md")
    )
    with pytest.raises(BuildError, match=r"content/same\.md and content/other\.md"):
        link(config(), (one, two))


def test_paginate_splits_and_keeps_at_least_one_page() -> None:
    pages = paginate(list(range(7)), 3)
    assert [p.items for p in pages] == [(0, 1, 2), (3, 4, 5), (6,)]
    assert [(p.number, p.count) for p in pages] == [(1, 3), (2, 3), (3, 3)]
    assert [p.items for p in paginate([], 3)] == [()]


def test_paginate_groups_splits_a_large_group_and_keeps_recommendations_on_its_first_part() -> None:
    brief = make_brief(
        "big",
        "2020",
        [f"Dialogue number {i}." for i in range(5)] + ["NATO should act."],
        recommend={5: "NATO"},
    )
    site = link(config(), (brief,))
    group = next(e for e in site.themes if e.theme.id == "dialogue").groups[0]
    group = BriefGroup(group.brief, group.mentions, brief.recommendations)
    pages = paginate_groups([group, group], 4)
    assert [[g.size for g in p.items] for p in pages] == [[4], [1, 3], [2]]
    assert [[g.continued for g in p.items] for p in pages] == [[False], [True, False], [True]]
    assert [len(g.recommendations) for p in pages for g in p.items] == [1, 0, 1, 0]
    assert all(sum(g.size for g in p.items) <= 4 for p in pages)
