"""Date finding and normalisation, case by case (tests/fixtures/extraction/dates.yaml)."""

from __future__ import annotations

import pytest
from extraction_cases import Case, extract, load_cases

CASES = load_cases("dates.yaml")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_date_case(case: Case) -> None:
    brief = extract(case.text, case.published)
    found = [[d.text, d.value] for d in brief.dates]
    assert found == case.expect, f"{case}: found {found}"


def test_dates_link_to_their_sentence_and_precision() -> None:
    brief = extract("Nothing happened. The war began in early August 2008.")
    (mention,) = brief.dates
    sentence = brief.sentences[1]
    assert mention.span.sentence == sentence.anchor
    assert sentence.text[mention.span.start : mention.span.end] == "early August 2008"
    assert mention.precision == "month"


def test_resolved_dates_are_marked_relative() -> None:
    brief = extract("The summit this September will decide.", "2014")
    assert [d.relative for d in brief.dates] == [True]
