"""End to end: the bundled content built at a sub-path, checked against the hand-annotated gold."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from policysite.config import ThemeDef
from policysite.extract.text import same_sentence
from policysite.gold import GoldFile
from policysite.load import Project, read_config, read_gold
from policysite.pipeline import BuildOptions, BuildResult, build
from tests.conftest import REPO, SEEDS

BASE_URL = "https://example.org/deep/sub/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Return a build of a copy of the bundled project, published under a sub-path."""
    root = tmp_path_factory.mktemp("e2e") / "project"
    root.mkdir()
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    for name in ("content", "templates", "static"):
        shutil.copytree(REPO / name, root / name)
    return build(Project.at(root), BuildOptions(base_url=BASE_URL))


def page(result: BuildResult, path: str) -> str:
    """Return one output page as text."""
    return result.files[path].decode("utf-8")


def exported(result: BuildResult) -> dict[str, dict[str, object]]:
    """Return data/briefs.json's briefs by source path."""
    data = json.loads(result.files["data/briefs.json"])
    return {brief["source"]: brief for brief in data["briefs"]}


def mentions_theme(text: str, theme: ThemeDef) -> bool:
    """Return whether a text names a theme by one of its aliases (an independent plain search)."""
    return any(
        re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text, re.IGNORECASE)
        for alias in (theme.name, *theme.aliases)
    )


@pytest.mark.parametrize("theme_id", ["founding-act", "nato-russia-council", "eastern-flank"])
def test_core_theme_page_links_exactly_the_briefs_that_mention_it(
    built: BuildResult, theme_id: str
) -> None:
    theme = next(t for t in built.site.config.themes if t.id == theme_id)
    expected = {b.slug for b in built.site.briefs if mentions_theme(b.source.body, theme)}
    html = page(built, f"themes/{theme_id}/index.html")
    linked = set(re.findall(r'href="\.\./\.\./briefs/([^/"#]+)/#s-[0-9a-f]+', html))
    assert expected, "the bundled content should mention every core theme"
    assert linked == expected


def gold_files() -> list[GoldFile]:
    """Return the gold files of the five bundled briefs."""
    return list(read_gold(Project.at(REPO), REPO / "tests" / "gold"))


@pytest.mark.parametrize("gold", gold_files(), ids=lambda g: Path(g.path).stem)
def test_gold_recommendations_appear_on_their_brief_page(
    built: BuildResult, gold: GoldFile
) -> None:
    brief = exported(built)[gold.gold.brief]
    html = page(built, f"briefs/{brief['slug']}/index.html")
    recommendations = brief["recommendations"]
    assert isinstance(recommendations, list)
    shown = 0
    for expected in gold.gold.recommendations:
        found = next((r for r in recommendations if same_sentence(expected.text, r["text"])), None)
        if found is None:
            continue
        shown += 1
        item = re.search(
            rf'<li class="item-rec[^"]*">\s*<a href="#{found["anchor"]}">.*?</li>', html, re.DOTALL
        )
        assert item, f"{found['anchor']} is not listed among the recommendations"
        assert re.search(rf'id="{found["anchor"]}" class="s s-rec', html)
        if found["addressee"]:
            assert found["addressee"].split(" and ")[0] in item.group(0)
    assert shown >= 0.9 * len(gold.gold.recommendations)


@pytest.mark.parametrize("gold", gold_files(), ids=lambda g: Path(g.path).stem)
def test_no_furniture_among_claims_or_recommendations(built: BuildResult, gold: GoldFile) -> None:
    brief = exported(built)[gold.gold.brief]
    items = [*brief["claims"], *brief["recommendations"]]
    for line in gold.gold.furniture:
        assert not any(same_sentence(line, item["text"]) for item in items), line


def test_raw_seed_texts_build_like_any_other_brief(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the checkout")
    root = tmp_path / "raw"
    (root / "content").mkdir(parents=True)
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, root / "content" / seed.name)
    result = build(Project.at(root), BuildOptions(base_url=BASE_URL))
    config = read_config(Project.at(root))
    assert len(result.site.briefs) == len(list(SEEDS.glob("*.txt")))
    for brief in result.site.briefs:
        assert brief.recommendations, f"{brief.source.path}: no recommendation found"
        assert brief.themes, f"{brief.source.path}: no theme found"
        assert f"briefs/{brief.slug}/index.html" in result.files
    assert {t.id for t in config.themes} >= {t.id for b in result.site.briefs for t in b.themes}
