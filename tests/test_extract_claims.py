"""Key claims, case by case (tests/fixtures/extraction/claims.yaml), and the cap per brief."""

from __future__ import annotations

import pytest
from extraction_cases import Case, extract, load_cases

from policysite.extract.claims import claim_limit

CASES = load_cases("claims.yaml")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_claim_case(case: Case) -> None:
    brief = extract(case.text, case.published)
    texts = [claim.text for claim in brief.claims]
    for fragment in case.expect:
        assert any(fragment in text for text in texts), f"{case}: {fragment!r} not in {texts}"
    assert all(not text.endswith("?") for text in texts), f"{case}: {texts}"


def test_claims_are_capped_and_never_recommendations() -> None:
    paragraphs = [
        f"Finding {n} is that the old order is clearly broken because trust is gone."
        for n in range(60)
    ]
    paragraphs.append("NATO should rebuild trust with clear steps.")
    brief = extract("\n\n".join(paragraphs))
    assert len(brief.claims) == claim_limit(len(brief.sentences)) == 8
    assert not {c.anchor for c in brief.claims} & {r.anchor for r in brief.recommendations}


def test_summary_is_the_first_claim() -> None:
    brief = extract("The central problem is that neither side trusts the other any more.")
    assert brief.summary == brief.claims[0].text
