"""Editor corrections: additions, relabels and removals, and selectors that match nothing."""

from __future__ import annotations

import pytest
from extraction_cases import extract

from policysite.errors import ContentError
from policysite.model import (
    ActorOverride,
    Corrections,
    DateOverride,
    FrontMatter,
    ItemSelector,
    RecommendationOverride,
)

TEXT = (
    "The old order in Europe has clearly collapsed because trust is gone.\n\n"
    "NATO should open a hotline. Russia tested a missile in 2014.\n\n"
    "Leaders may wish to talk more often."
)


def test_add_relabel_and_remove_recommendations() -> None:
    brief = extract(
        TEXT,
        meta=FrontMatter(
            title="Case",
            corrections=Corrections(
                add_recommendations=(
                    RecommendationOverride(text="wish to talk", addressee="Leaders"),
                ),
                relabel_recommendations=(
                    RecommendationOverride(
                        text="open a hotline", addressee="Moscow", reported=True
                    ),
                ),
            ),
        ),
    )
    found = [
        (r.id, r.addressee, r.addressee_ids, r.reported, r.origin) for r in brief.recommendations
    ]
    assert found == [
        ("r1", "Russia", ("russia",), True, "editor"),
        ("r2", "Leaders", (), False, "editor"),
    ]
    removed = extract(
        TEXT,
        meta=FrontMatter(
            title="Case",
            corrections=Corrections(remove_recommendations=(ItemSelector(text="open a hotline"),)),
        ),
    )
    assert removed.recommendations == ()


def test_claims_actors_and_dates_by_selector_and_name() -> None:
    plain = extract(TEXT)
    anchor = plain.sentences[-1].anchor
    brief = extract(
        TEXT,
        meta=FrontMatter(
            title="Case",
            corrections=Corrections(
                add_claims=(ItemSelector(anchor=anchor),),
                remove_claims=(ItemSelector(text="order in Europe"),),
                add_actors=(ActorOverride(name="Leaders", kind="group"),),
                remove_actors=("Russia",),
                add_dates=(DateOverride(text="2014", value="2014-05"),),
            ),
        ),
    )
    assert [(c.anchor, c.origin) for c in brief.claims if c.origin == "editor"] == [
        (anchor, "editor")
    ]
    assert not any("order in Europe" in c.text for c in brief.claims)
    assert {a.name: a.origin for a in brief.actors} == {"NATO": "extracted", "Leaders": "editor"}
    assert all(m.actor_id != "russia" for m in brief.actor_mentions)
    assert [(d.text, d.value, d.precision, d.origin) for d in brief.dates] == [
        ("2014", "2014-05", "month", "editor")
    ]


@pytest.mark.parametrize(
    "corrections",
    [
        Corrections(remove_recommendations=(ItemSelector(text="no such words"),)),
        Corrections(add_claims=(ItemSelector(anchor="s-00000000"),)),
        Corrections(remove_actors=("Nobody",)),
        Corrections(remove_dates=("1999",)),
        Corrections(add_dates=(DateOverride(text="1 May 1999", value="1999-05-01"),)),
    ],
)
def test_a_selector_that_matches_nothing_is_an_error_naming_the_file(
    corrections: Corrections,
) -> None:
    with pytest.raises(ContentError) as error:
        extract(TEXT, meta=FrontMatter(title="Case", corrections=corrections))
    assert error.value.problems[0].path == "content/case.md"
