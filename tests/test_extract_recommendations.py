"""Recommendation rules, case by case (tests/fixtures/extraction/recommendations.yaml)."""

from __future__ import annotations

import pytest
from extraction_cases import Case, extract, load_cases, strip_lines

CASES = load_cases("recommendations.yaml")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_recommendation_case(case: Case) -> None:
    brief = extract(case.text, case.published)
    found = [(r.text, r.addressee, r.reported) for r in brief.recommendations]
    expected = strip_lines(case.expect)
    assert len(found) == len(expected), f"{case}: found {found}"
    for (text, addressee, reported), want in zip(found, expected, strict=True):
        assert want["text"] in text, f"{case}: {text!r}"
        assert addressee == want["addressee"], f"{case}: addressee {addressee!r}"
        assert reported == want["reported"], f"{case}: reported {reported!r}"


def test_addressee_ids_are_actor_ids() -> None:
    brief = extract("Moscow and Washington need to return to the table.")
    assert brief.recommendations[0].addressee_ids == ("russia", "united-states")


def test_recommendation_records_themes_and_actors_of_its_sentence() -> None:
    brief = extract("NATO should revive arms control with Russia.")
    recommendation = brief.recommendations[0]
    assert recommendation.themes == ("arms-control",)
    assert set(recommendation.actors) == {"nato", "russia"}
    assert recommendation.origin == "extracted"
