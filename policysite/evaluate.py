"""Evaluate: score extraction against hand-made gold files (pure; commands/evaluate.py prints)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from .clean import clean_pasted_text
from .config import SiteConfig
from .extract import compile_vocabulary, extract_brief
from .extract.text import fold, same_sentence
from .gold import GoldFile, GoldSet
from .load import Project, read_config, read_gold
from .model import Brief

CATEGORIES = (
    "recommendations",
    "reported",
    "addressee",
    "claims",
    "actors",
    "dates",
    "themes",
    "theme sets",
    "furniture",
)
# Categories scored as label accuracy among matched items, not as precision and recall.
LABELLED = ("addressee", "theme sets")
T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True)
class Score:
    """Counts behind precision and recall: items matched, extracted and expected."""

    matched: int = 0
    extracted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        """Return matched / extracted (1.0 when nothing was extracted)."""
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        """Return matched / expected (1.0 when nothing was expected)."""
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.matched + other.matched,
            self.extracted + other.extracted,
            self.expected + other.expected,
        )


@dataclass(frozen=True)
class Finding:
    """One disagreement with the gold: a miss, a false hit, or a wrong label."""

    category: str
    kind: Literal["miss", "false hit", "wrong label"]
    text: str
    detail: str = ""


@dataclass(frozen=True)
class BriefReport:
    """Scores and disagreements for one gold file."""

    gold_path: str
    brief_path: str
    group: GoldSet
    scores: tuple[Score, ...]
    findings: tuple[Finding, ...]
    furniture_in_items: int

    def score(self, category: str) -> Score:
        """Return the score of one category (see CATEGORIES)."""
        return self.scores[CATEGORIES.index(category)]


@dataclass(frozen=True)
class GroupReport:
    """Scores of one set of texts (the briefs or the further texts), summed over its files."""

    group: GoldSet
    briefs: tuple[BriefReport, ...]

    def score(self, category: str) -> Score:
        """Return the micro-averaged score of one category over every file of the group."""
        return sum((brief.score(category) for brief in self.briefs), Score())

    @property
    def furniture_in_items(self) -> int:
        """Return how many claims and recommendations are gold furniture lines."""
        return sum(brief.furniture_in_items for brief in self.briefs)


@dataclass(frozen=True)
class EvaluationReport:
    """The whole evaluation: one group report per set of texts."""

    groups: tuple[GroupReport, ...]

    def group(self, name: GoldSet) -> GroupReport:
        """Return the report of one group (empty when it has no gold files)."""
        return next((g for g in self.groups if g.group == name), GroupReport(name, ()))


def match(
    gold: Sequence[T], found: Sequence[U], same: Callable[[T, U], bool]
) -> tuple[list[tuple[T, U]], list[T], list[U]]:
    """Return one-to-one (gold, found) pairs in gold order, the unmatched gold and found items."""
    unused = list(range(len(found)))
    pairs: list[tuple[T, U]] = []
    missed: list[T] = []
    for item in gold:
        hit = next((i for i in unused if same(item, found[i])), None)
        if hit is None:
            missed.append(item)
        else:
            unused.remove(hit)
            pairs.append((item, found[hit]))
    return pairs, missed, [found[i] for i in unused]


def scored(
    category: str,
    pairs: Sequence[object],
    missed: Sequence[str],
    false: Sequence[str],
) -> tuple[Score, list[Finding]]:
    """Return the Score of a matching and its findings (missed and false texts)."""
    findings = [Finding(category, "miss", text) for text in missed]
    findings += [Finding(category, "false hit", text) for text in false]
    return Score(len(pairs), len(pairs) + len(false), len(pairs) + len(missed)), findings


def same_addressee(gold: str | None, found: str | None) -> bool:
    """Return whether two addressees agree, ignoring case, a leading "the" and part order."""
    return addressee_parts(gold) == addressee_parts(found)


def addressee_parts(addressee: str | None) -> frozenset[str]:
    """Return the folded parts of an addressee ("NATO and Russia" -> {nato, russia})."""
    if not addressee:
        return frozenset()
    parts = fold(addressee).replace(", and ", " and ").replace(", ", " and ").split(" and ")
    return frozenset(part.removeprefix("the ").strip() for part in parts)


def recommendation_scores(brief: Brief, gold: GoldFile) -> tuple[list[Score], list[Finding]]:
    """Return the recommendation, reported-flag and addressee scores of one brief."""
    pairs, missed, false = match(
        gold.gold.recommendations, brief.recommendations, lambda g, f: same_sentence(g.text, f.text)
    )
    found, findings = scored(
        "recommendations", pairs, [g.text for g in missed], [f.text for f in false]
    )
    reported = Score(
        sum(1 for g, f in pairs if g.reported and f.reported),
        sum(1 for _, f in pairs if f.reported),
        sum(1 for g, _ in pairs if g.reported),
    )
    right = 0
    for g, f in pairs:
        if g.reported != f.reported:
            findings.append(Finding("reported", "wrong label", f.text, f"gold {g.reported}"))
        if same_addressee(g.addressee, f.addressee):
            right += 1
        else:
            detail = f"gold {g.addressee!r}, found {f.addressee!r}"
            findings.append(Finding("addressee", "wrong label", f.text, detail))
    return [found, reported, Score(right, len(pairs), len(pairs))], findings


def claim_scores(brief: Brief, gold: GoldFile) -> tuple[Score, list[Finding]]:
    """Return the claim score of one brief."""
    pairs, missed, false = match(
        gold.gold.claims, brief.claims, lambda g, f: same_sentence(g.text, f.text)
    )
    return scored("claims", pairs, [g.text for g in missed], [f.text for f in false])


def actor_scores(brief: Brief, gold: GoldFile) -> tuple[Score, list[Finding]]:
    """Return the actor score of one brief (canonical names, case folded)."""
    pairs, missed, false = match(
        gold.gold.actors, brief.actors, lambda g, f: fold(g.name) == fold(f.name)
    )
    return scored(
        "actors",
        pairs,
        [f"{g.name} ({g.kind})" for g in missed],
        [f"{f.name} ({f.kind})" for f in false],
    )


def date_scores(brief: Brief, gold: GoldFile) -> tuple[Score, list[Finding]]:
    """Return the value-exact date score: same value, preferring the same expression."""
    texts = {s.anchor: s.text for s in brief.sentences}
    distinct = list({(fold(d.text), d.value): d for d in reversed(brief.dates)}.values())[::-1]
    first, rest_gold, rest_found = match(
        gold.gold.dates,
        distinct,
        lambda g, f: g.value == f.value and same_sentence(g.text, f.text),
    )
    second, missed, false = match(rest_gold, rest_found, lambda g, f: g.value == f.value)
    return scored(
        "dates",
        first + second,
        [f"{g.text} = {g.value}" for g in missed],
        [f"{f.text} = {f.value} in: {texts.get(f.span.sentence, '')}" for f in false],
    )


def theme_scores(brief: Brief, gold: GoldFile) -> tuple[list[Score], list[Finding]]:
    """Return the per-mention theme score (theme, sentence pairs) and per-brief set exactness."""
    texts = {s.anchor: s.text for s in brief.sentences}
    found = sorted({(m.theme_id, texts[m.span.sentence]) for m in brief.theme_mentions})
    expected = sorted({(g.theme, g.text) for g in gold.gold.themes})
    pairs, missed, false = match(
        expected, found, lambda g, f: g[0] == f[0] and same_sentence(g[1], f[1])
    )
    score, findings = scored(
        "themes", pairs, [f"{t}: {s}" for t, s in missed], [f"{t}: {s}" for t, s in false]
    )
    exact = {t for t, _ in expected} == {t for t, _ in found}
    if not exact:
        detail = f"gold {sorted({t for t, _ in expected})}, found {sorted({t for t, _ in found})}"
        findings.append(Finding("theme sets", "wrong label", brief.source.path, detail))
    return [score, Score(int(exact), 1, 1)], findings


def furniture_scores(brief: Brief, gold: GoldFile) -> tuple[Score, list[Finding], int]:
    """Return the furniture score (cleaner vs gold lines) and furniture left among items."""
    if gold.raw_text is None:
        return Score(), [], 0
    cleaned = clean_pasted_text(gold.raw_text, gold.gold.raw or gold.path).furniture
    pairs, missed, false = match(gold.gold.furniture, cleaned, lambda g, f: fold(g) == fold(f))
    score, findings = scored("furniture", pairs, list(missed), list(false))
    lines = {fold(line) for line in gold.gold.furniture if line.strip()}
    items = [c.text for c in brief.claims] + [r.text for r in brief.recommendations]
    leaks = [text for text in items if fold(text) in lines]
    findings += [Finding("furniture", "false hit", text, "furniture as an item") for text in leaks]
    return score, findings, len(leaks)


def evaluate_brief(brief: Brief, gold: GoldFile) -> BriefReport:
    """Return how one extracted brief compares with its gold file."""
    recommendations, findings = recommendation_scores(brief, gold)
    claims, claim_findings = claim_scores(brief, gold)
    actors, actor_findings = actor_scores(brief, gold)
    dates, date_findings = date_scores(brief, gold)
    themes, theme_findings = theme_scores(brief, gold)
    furniture, furniture_findings, leaks = furniture_scores(brief, gold)
    scores = (*recommendations, claims, actors, dates, *themes, furniture)
    every = findings + claim_findings + actor_findings + date_findings
    every += theme_findings + furniture_findings
    return BriefReport(gold.path, brief.source.path, gold.group, scores, tuple(every), leaks)


def evaluate(pairs: Sequence[tuple[Brief, GoldFile]]) -> EvaluationReport:
    """Return the evaluation of extracted briefs against their gold files, grouped by set."""
    reports = [evaluate_brief(brief, gold) for brief, gold in pairs]
    groups: tuple[GoldSet, ...] = ("briefs", "further")
    return EvaluationReport(
        tuple(GroupReport(name, tuple(r for r in reports if r.group == name)) for name in groups)
    )


def evaluate_gold(
    project: Project, config: SiteConfig, directory: Path, briefs: Sequence[Brief] = ()
) -> EvaluationReport:
    """Return the scores against directory and directory/further, reusing briefs already built
    from a gold file's source and extracting the others."""
    golds = (*read_gold(project, directory), *read_gold(project, directory / "further"))
    built = {brief.source.path: brief for brief in briefs}
    vocabulary = compile_vocabulary(config)
    return evaluate(
        [
            (built.get(g.source.path) or extract_brief(g.source, config, vocabulary), g)
            for g in golds
        ]
    )


def evaluate_built(
    project: Project, config: SiteConfig, briefs: Sequence[Brief]
) -> EvaluationReport | None:
    """Return the scores of a build's own briefs (and extracted further texts) against the gold
    set named by config.gold_dir, or None when the site has none."""
    directory = project.root / config.gold_dir if config.gold_dir else None
    if directory is None or not directory.is_dir():
        return None
    return evaluate_gold(project, config, directory, briefs)


def evaluate_project(project: Project, gold_dir: Path | None = None) -> EvaluationReport:
    """Return the evaluation of a project's extraction against tests/gold and tests/gold/further."""
    directory = gold_dir or project.root / "tests" / "gold"
    return evaluate_gold(project, read_config(project), directory)
