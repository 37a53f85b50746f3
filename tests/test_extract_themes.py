"""Theme mentions, case by case (tests/fixtures/extraction/themes.yaml)."""

from __future__ import annotations

import pytest
from extraction_cases import Case, extract, load_cases

CASES = load_cases("themes.yaml")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_theme_case(case: Case) -> None:
    brief = extract(case.text)
    found = sorted([t.id, t.mentions] for t in brief.themes)
    assert found == case.expect, f"{case}: found {found}"


def test_theme_mentions_point_at_their_words() -> None:
    brief = extract("They said New START matters.")
    (mention,) = brief.theme_mentions
    assert brief.sentences[0].text[mention.span.start : mention.span.end] == "New START"
