"""Actor finding and merging, case by case (tests/fixtures/extraction/actors.yaml)."""

from __future__ import annotations

import pytest
from extraction_cases import Case, extract, load_cases

CASES = load_cases("actors.yaml")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_actor_case(case: Case) -> None:
    brief = extract(case.text)
    found = [[a.name, a.kind, a.mentions] for a in brief.actors]
    assert found == case.expect, f"{case}: found {found}"


def test_actor_ids_are_slugs_and_known_flag() -> None:
    brief = extract("Foreign Minister Anna Kowalska met NATO officials.")
    actors = {actor.name: actor for actor in brief.actors}
    assert actors["Anna Kowalska"].id == "anna-kowalska"
    assert not actors["Anna Kowalska"].known
    assert actors["NATO"].known


def test_aliases_are_case_sensitive() -> None:
    brief = extract("The allies of the us debated at length.")
    assert brief.actors == ()
