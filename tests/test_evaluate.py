"""The evaluator: sentence matching, scoring, and score floors over the real gold files."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from policysite.evaluate import EvaluationReport, Score, evaluate_project, match, same_addressee
from policysite.extract import compile_vocabulary, extract_brief
from policysite.extract.gazetteer import NAME_PARTICLES
from policysite.extract.text import fold, same_sentence
from policysite.load import Project, read_config, read_sources

REPO = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def report() -> EvaluationReport:
    """Return the evaluation of the repository's own gold files (computed once)."""
    return evaluate_project(Project.at(REPO))


def test_fold_normalises_case_quotes_dashes_space_and_trailing_punctuation() -> None:
    assert fold("  NATO’s “new”\u00a0 posture — now.  ") == 'nato\'s "new" posture - now'


def test_same_sentence_is_equality_or_containment_after_folding() -> None:
    assert same_sentence("NATO should act.", "nato should act")
    assert same_sentence("(2) the President should act;", "the President should act")
    assert not same_sentence("NATO should act.", "Russia should act.")
    assert not same_sentence("", "anything")


def test_match_pairs_one_to_one_in_gold_order() -> None:
    pairs, missed, false = match(["a", "a", "b"], ["a", "c"], lambda g, f: g == f)
    assert (pairs, missed, false) == ([("a", "a")], ["a", "b"], ["c"])


def test_score_precision_recall_f1_and_sum() -> None:
    total = Score(3, 4, 6) + Score(1, 1, 2)
    assert (total.precision, total.recall) == (0.8, 0.5)
    assert round(total.f1, 4) == round(2 * 0.8 * 0.5 / 1.3, 4)
    assert Score().precision == Score().recall == 1.0


def test_addressees_compare_by_parts_without_article() -> None:
    assert same_addressee("NATO and Russia", "Russia and NATO")
    assert same_addressee("the President", "President")
    assert not same_addressee("NATO", None)
    assert same_addressee(None, None)


def test_evaluate_command_prints_every_group(capsys: pytest.CaptureFixture[str]) -> None:
    from policysite.cli import main

    assert main(["--project", str(REPO), "evaluate", "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "== the briefs (tests/gold)" in out and "== further texts" in out
    assert re.search(r"recommendations\s+P \d\.\d\d R \d\.\d\d F1 \d\.\d\d", out)


# --- floors: set just below the measured scores (see docs/extraction.md) -----------------------

BRIEF_FLOORS = {
    "recommendations": (0.97, 0.97),
    "reported": (0.95, 0.95),
    "addressee": (0.88, 0.88),
    "claims": (0.68, 0.55),  # lowered once: two rules fitted to single sentences were removed
    "actors": (0.95, 0.95),
    "dates": (0.97, 0.97),
    "themes": (0.97, 0.89),
    "furniture": (0.95, 0.95),
}
FURTHER_FLOORS = {
    "recommendations": (0.93, 0.9),  # lowered once, same reason
    "addressee": (0.9, 0.9),
    "claims": (0.55, 0.6),
    "actors": (0.85, 0.72),
    "dates": (0.97, 0.97),
    "themes": (0.9, 0.82),  # "Ukraine" alias: F1 0.82 -> 0.87 here, 0.95 -> 0.94 on the briefs
}


@pytest.mark.parametrize(
    ("group", "floors"), [("briefs", BRIEF_FLOORS), ("further", FURTHER_FLOORS)]
)
def test_scores_stay_above_their_floors(group: str, floors: dict[str, tuple[float, float]]) -> None:
    scores = report().group("briefs" if group == "briefs" else "further")
    assert scores.briefs, f"no gold files for {group}"
    for category, (precision, recall) in floors.items():
        score = scores.score(category)
        assert score.precision >= precision, f"{group} {category} precision {score.precision:.3f}"
        assert score.recall >= recall, f"{group} {category} recall {score.recall:.3f}"


def test_every_brief_gets_exactly_its_gold_theme_set() -> None:
    briefs = report().group("briefs")
    assert briefs.score("theme sets").matched == len(briefs.briefs) == 5


def test_no_furniture_among_claims_and_recommendations() -> None:
    assert report().group("briefs").furniture_in_items == 0
    assert report().group("further").furniture_in_items == 0


def test_no_fragment_common_word_or_sentence_opener_is_an_actor() -> None:
    project = Project.at(REPO)
    config = read_config(project)
    vocabulary = compile_vocabulary(config)
    for source in read_sources(project, config):
        brief = extract_brief(source, config, vocabulary)
        openers = {s.text.split()[0].strip(",") for s in brief.sentences}
        for actor in brief.actors:
            words = actor.name.split()
            if actor.id in vocabulary.actors:
                continue  # site.yaml and gazetteer names are vetted vocabulary
            assert len(words) >= 2, (source.path, actor)
            assert all(w[:1].isupper() or w in NAME_PARTICLES for w in words), (source.path, actor)
            assert actor.known or actor.name not in openers, (source.path, actor)
