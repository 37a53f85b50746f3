"""Tests for policysite.clean: furniture removal, metadata inference and Markdown output."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from policysite.clean import CleanedText, clean_pasted_text
from policysite.clean.evidence import byline_authors, first_date, people, posted_authors
from policysite.clean.layout import is_bio, units_of
from policysite.clean.markdown import escape_block
from policysite.clean.rules import classify
from policysite.errors import ContentError
from policysite.load import Project
from policysite.pipeline import build
from policysite.segment import segment

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
FIXTURES = REPO / "tests" / "fixtures" / "furniture"
CONTENT = REPO / "content"
GOLD = REPO / "tests" / "gold"
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))
GOLD_FILES = sorted(GOLD.glob("*.yaml")) if GOLD.is_dir() else []
META_FIELDS = (
    "title",
    "authors",
    "publisher",
    "published",
    "source_note",
    "source_url",
    "author_bio",
)

# Phrases that only web-page furniture uses; none may survive into a body.
FURNITURE_PHRASES = (
    "print friendly",
    "image courtesy",
    "leave a reply",
    "like us on facebook",
    "follow us on twitter",
    "bloggers like this",
    "you are commenting using",
    "connecting to %s",
    "will not be published",
    "required fields are marked",
    "akismet",
    "enter your email address",
    "other followers",
    "please visit",
    "grateful to",
    "originally published",
    "about the author",
    "log out",
    "share this",
    "like loading",
    "cookie",
    "all rights reserved",
    "newsletter",
    "tags:",
)


def fold(text: str) -> str:
    """Return text as tests compare it: NFKC, folded quotes, lower case, single spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(folded.casefold().split())


def body_blocks(cleaned: CleanedText) -> list[str]:
    """Return the plain text of each block of a cleaned body, as the site will read it."""
    return [" ".join(s.text for s in block.sentences) for block in segment(cleaned.body, 1)]


def raw_lines(text: str) -> list[str]:
    """Return the non-empty lines of a raw text, with spacing normalised."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def clean_file(path: Path) -> CleanedText:
    """Return the cleaned form of a raw file."""
    return clean_pasted_text(path.read_text(encoding="utf-8"), path.name)


def editor_front_matter(seed: Path) -> dict[str, Any] | None:
    """Return the front matter of the content file whose source note names this seed, if any."""
    for path in sorted(CONTENT.glob("*.md")) if CONTENT.is_dir() else []:
        head = path.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
        data = yaml.safe_load(head)
        if isinstance(data, dict) and seed.name in str(data.get("source_note") or ""):
            return data
    return None


# --- the raw seed texts ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.name)
def test_seed_body_keeps_no_furniture_phrase(seed: Path) -> None:
    cleaned = clean_file(seed)
    body = fold(" ".join(body_blocks(cleaned)))
    for phrase in FURNITURE_PHRASES:
        assert phrase not in body, phrase
    raw = fold(seed.read_text(encoding="utf-8"))
    furniture = fold(" ".join(cleaned.furniture))
    for phrase in (phrase for phrase in FURNITURE_PHRASES if phrase in raw):
        assert phrase in furniture, phrase


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.name)
def test_seed_every_line_is_body_title_or_furniture(seed: Path) -> None:
    cleaned = clean_file(seed)
    blocks = {fold(block) for block in body_blocks(cleaned)}
    furniture = {fold(line) for line in cleaned.furniture}
    title_line = fold(cleaned.meta.title)
    for line in raw_lines(seed.read_text(encoding="utf-8")):
        key = fold(re.sub(r"^[•\-*–]\s+", "", line))
        assert key in blocks or key in furniture or key.endswith(title_line), line
    assert not blocks & furniture


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.name)
def test_seed_title_is_a_line_of_the_text_and_not_a_banner(seed: Path) -> None:
    cleaned = clean_file(seed)
    lines = [fold(line) for line in raw_lines(seed.read_text(encoding="utf-8"))]
    title = fold(cleaned.meta.title)
    position = next(i for i, line in enumerate(lines) if title in line)
    assert lines[position].endswith(title) or lines[position].startswith(title)
    assert title not in {fold(line) for line in cleaned.furniture}
    # Everything above the title is page furniture (a banner), never the author's text.
    furniture = {fold(line) for line in cleaned.furniture}
    assert all(line in furniture for line in lines[:position])


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.name)
def test_seed_body_keeps_every_long_paragraph_and_the_last(seed: Path) -> None:
    cleaned = clean_file(seed)
    blocks = [fold(block) for block in body_blocks(cleaned)]
    long_lines = [line for line in raw_lines(seed.read_text()) if len(line.split()) >= 35]
    for line in long_lines:
        assert fold(re.sub(r"^[•\-*–]\s+", "", line)) in blocks, line[:60]
    assert blocks[-1] == fold(long_lines[-1])
    assert sum(len(block.sentences) for block in segment(cleaned.body, 1)) >= 20


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.name)
def test_seed_metadata_matches_the_editors_content_file(seed: Path) -> None:
    editor = editor_front_matter(seed)
    if editor is None:
        pytest.skip("no content file names this seed")
    meta = clean_file(seed).meta
    assert list(meta.authors) == list(editor.get("authors") or [])
    assert meta.author_bio == editor.get("author_bio")
    assert meta.publisher == editor.get("publisher")
    if "title" not in (editor.get("inferred") or {}):
        assert fold(meta.title) == fold(str(editor["title"]))


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda path: path.name)
def test_seed_furniture_lines_are_lines_of_the_text(seed: Path) -> None:
    cleaned = clean_file(seed)
    lines = {line.strip() for line in seed.read_text(encoding="utf-8").split("\n")}
    assert cleaned.furniture
    assert all(line in lines for line in cleaned.furniture)


# --- fixture files: furniture patterns beyond the seeds ---------------------------------------


def expected_of(path: Path) -> tuple[dict[str, object], str]:
    """Return the expected front matter and body written next to a fixture."""
    text = path.with_suffix(".expected.md").read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda path: path.stem)
def test_fixture_cleans_to_its_expected_output(fixture: Path) -> None:
    expected, body = expected_of(fixture)
    cleaned = clean_file(fixture)
    for field in META_FIELDS:
        value = getattr(cleaned.meta, field)
        default: object = [] if field == "authors" else None
        assert (list(value) if isinstance(value, tuple) else value) == expected.get(field, default)
    assert sorted(cleaned.meta.inferred or {}) == expected["inferred"]
    assert list(cleaned.furniture) == expected["furniture"]
    assert cleaned.body == body


def test_fixture_set_covers_the_furniture_patterns() -> None:
    furniture = fold(" ".join(" ".join(clean_file(path).furniture) for path in FIXTURE_FILES))
    for pattern in (
        "leave a reply",
        "share this",
        "cookie",
        "read more",
        "related",
        "tags:",
        "©",
        "posted in",
        "newsletter",
        "like loading",
    ):
        assert pattern in furniture, pattern


# --- rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Print Friendly, PDF & Email",
        "Image courtesy of NATO/Flickr.",
        "Photo credit: Jane Doe",
        "Share this: Twitter Facebook",
        "%d bloggers like this:",
        "Leave a comment",
        "3 Comments",
        "Join 2,048 other subscribers",
        "Posted in Analysis | Leave a comment",
        "Tags: NATO, Russia",
        "Copyright 2019 Example Institute",
        "This website uses cookies to improve your experience.",
        "Next post",
        "Home | About | Contact",
        "Advertisement",
        "Download the PDF",
    ],
)
def test_furniture_lines_are_recognised(line: str) -> None:
    assert classify(line) != "body"


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply after the announcement.",
        "Print media in Russia is largely state-controlled.",
        "The alliance should reply to Moscow's proposals.",
        "Image matters: Russia's campaign targets how NATO is seen.",
    ],
)
def test_body_sentences_that_share_words_with_furniture_stay_body(line: str) -> None:
    assert classify(line) == "body"


def test_a_long_paragraph_is_never_furniture_even_with_a_widget_phrase() -> None:
    paragraph = ("Moscow's embassies like us on Facebook less than they once did, " * 6).strip()
    assert classify(paragraph) == "body"


def test_bylines_name_one_or_several_authors() -> None:
    assert byline_authors("by Raluca Csernatoni") == ("Raluca Csernatoni",)
    assert byline_authors("By Ann Lee, Bo Chen and Cy Park") == ("Ann Lee", "Bo Chen", "Cy Park")
    assert byline_authors("Written by Ursula von der Leyen") == ("Ursula von der Leyen",)
    assert byline_authors("by contrast, the allies disagree") == ()
    assert posted_authors("Posted on 3 May 2016 by Jane Doe | Leave a comment") == ("Jane Doe",)
    assert people("NATO and Russia") == ()


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Posted on 3 May 2016", "2016-05-03"),
        ("May 3rd, 2016", "2016-05-03"),
        ("Published: Sept. 2019", "2019-09"),
        ("2020-12-31", "2020-12-31"),
        ("31 February 2020", None),
        ("Mayday 2020", None),
        ("in the summer", None),
    ],
)
def test_dates_are_read_at_their_own_precision(text: str, iso: str | None) -> None:
    assert first_date(text) == iso


def test_biographies_are_told_from_other_closing_paragraphs() -> None:
    assert is_bio("Jane Doe is a Senior Fellow at the Example Institute.")
    assert is_bio("Dr. Ann Lee, Professor of History at Example University, writes on Russia.")
    assert not is_bio("The Alliance is the cornerstone of European security.")
    assert not is_bio("Russia is a status-seeking power.")
    assert not is_bio("Western Europe is a senior partner in this effort.")


def test_hard_wrapped_lines_join_but_bullets_and_sentences_do_not() -> None:
    units = units_of("One sentence that\ngoes on here.\nA new line.\n• item\n• second")
    assert [unit.text for unit in units] == [
        "One sentence that goes on here.",
        "A new line.",
        "• item",
        "• second",
    ]
    assert [unit.line for unit in units] == [1, 3, 4, 5]


# --- Markdown output ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "# of troops matters.",
        "1. Not a list.",
        "2) Not a list either.",
        "+ plus",
        "- minus at the start",
        "* star at the start",
        "> not a quote",
        "=== not an underline",
        "A <b>tag</b>, an &amp; entity, a [link](x), `code`, *stars* and _under_scores_.",
        "C# ends with a hash #",
    ],
)
def test_escaped_paragraph_reads_back_as_the_pasted_text(text: str) -> None:
    blocks = segment(escape_block(text), 1)
    assert len(blocks) == 1
    assert blocks[0].kind == "paragraph"
    assert " ".join(s.text for s in blocks[0].sentences) == text


def test_headings_need_a_following_paragraph_and_bullets_form_one_list() -> None:
    text = (
        "A Title\n\nOpening paragraph of the brief, long enough to be one.\n\nFindings\n\n"
        "• First finding.\n• Second finding.\n\nClosing thought without a period"
    )
    cleaned = clean_pasted_text(text, "content/a.txt")
    assert cleaned.meta.title == "A Title"
    kinds = [(block.kind, block.level) for block in segment(cleaned.body, 1)]
    assert kinds == [("paragraph", 0), ("heading", 2), ("item", 0), ("item", 0), ("paragraph", 0)]


def test_genre_label_is_dropped_from_the_title_and_recorded() -> None:
    cleaned = clean_pasted_text("Policy Brief: Keeping Dialogue Open\n\nThe text.", "b.txt")
    assert cleaned.meta.title == "Keeping Dialogue Open"
    assert "Policy Brief" in (cleaned.meta.inferred or {})["title"]


def test_a_tagline_banner_is_furniture_but_names_no_publisher() -> None:
    text = "Blogging on Issues of Security\n\nA Title\n\nThe body paragraph of the brief."
    cleaned = clean_pasted_text(text, "c.txt")
    assert cleaned.meta.title == "A Title"
    assert cleaned.meta.publisher is None
    assert cleaned.furniture == ("Blogging on Issues of Security",)


def test_a_lone_header_line_is_the_title_even_with_a_site_word() -> None:
    cleaned = clean_pasted_text("A Review of NATO Posture\n\nThe body paragraph.", "d.txt")
    assert cleaned.meta.title == "A Review of NATO Posture"
    assert cleaned.furniture == ()


def test_nothing_is_invented_when_the_text_states_nothing() -> None:
    meta = clean_pasted_text("A Title\n\nNATO should talk to Russia.", "e.txt").meta
    assert (meta.authors, meta.publisher, meta.published, meta.author_bio) == ((), None, None, None)
    assert (meta.source_note, meta.source_url, meta.inferred) == (None, None, None)


def test_empty_and_furniture_only_texts_are_errors_with_a_line() -> None:
    with pytest.raises(ContentError) as raised:
        clean_pasted_text(" \n\n", "content/empty.txt")
    assert raised.value.problems[0].line == 1
    with pytest.raises(ContentError) as raised:
        clean_pasted_text("Leave a Reply\n\nJoin 3 other followers\n", "content/chrome.txt")
    problem = raised.value.problems[0]
    assert (problem.path, problem.line) == ("content/chrome.txt", 3)
    assert "no body text" in problem.message


# --- the pipeline -------------------------------------------------------------------------------


def test_a_raw_text_dropped_into_content_builds_end_to_end(
    make_project: Callable[..., Path],
) -> None:
    raw = (FIXTURES / "wordpress-comment-form.txt").read_text(encoding="utf-8")
    root = make_project({"content/pasted.txt": raw})
    result = build(Project.at(root))
    (brief,) = result.site.briefs
    assert brief.meta.title == "Deterrence After the Summit"
    assert brief.meta.authors == ("Jane Doe",)
    assert brief.meta.published == "2019-03-12"
    assert "Leave a Reply" in brief.source.furniture
    assert [b.kind for b in brief.blocks].count("heading") == 2
    page = result.files[f"briefs/{brief.slug}/index.html"].decode("utf-8")
    assert "Deterrence After the Summit" in page
    assert "Like Loading" not in page and "You are commenting using" not in page


# --- gold furniture annotations -------------------------------------------------------------


def gold_with_raw() -> list[tuple[Path, Path, list[str]]]:
    """Return (gold file, raw file, furniture lines) for every gold file naming a raw text."""
    cases = []
    for path in GOLD_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if data.get("raw") and (REPO / data["raw"]).is_file():
            cases.append((path, REPO / data["raw"], [str(x) for x in data.get("furniture") or []]))
    return cases


@pytest.mark.parametrize("case", gold_with_raw(), ids=lambda case: case[0].name)
def test_furniture_matches_the_gold_annotation(case: tuple[Path, Path, list[str]]) -> None:
    _, raw, gold = case
    found = set(clean_file(raw).furniture)
    wanted = {line.strip() for line in gold}
    assert found - wanted == set(), "lines removed that the gold keeps"
    assert wanted - found == set(), "furniture lines the cleaner missed"
