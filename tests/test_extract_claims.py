"""Key claims, case by case (tests/fixtures/extraction/claims.yaml), and the cap per brief."""

from __future__ import annotations

import pytest
from extraction_cases import Case, extract, load_cases

from policysite.extract.claims import candidates_of, claim_limit

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


def test_judgement_outscores_dated_narration_and_reported_speech() -> None:
    brief = extract(
        "The ministers met in June 2019 and the chair said that the talks went well.\n\n"
        "Delegates visited the port on 3 March and announced a new schedule.\n\n"
        "On the contrary, the real problem is that neither side trusts the other any more."
    )
    scores = {c.text.split()[0]: c.score for c in candidates_of(brief.blocks, {})}
    assert scores["On"] > scores["Delegates"]
    assert scores["On"] > scores["The"] - 2.5  # the first sentence of a body keeps its lead bonus


def test_claim_limit_grows_with_length_between_four_and_eight() -> None:
    assert [claim_limit(n) for n in (5, 22, 30, 40, 90)] == [4, 4, 6, 8, 8]
