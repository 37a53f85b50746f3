"""Generate a synthetic project of N briefs by recombining sentences of the bundled content."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def bundled_sentences(content_dir: Path) -> list[str]:
    """Return every prose sentence of the bundled Markdown briefs (headings and lists skipped)."""
    sentences: list[str] = []
    for path in sorted(content_dir.glob("*.md")):
        body = FENCE.sub("", path.read_text(encoding="utf-8"))
        for paragraph in body.split("\n\n"):
            text = " ".join(paragraph.split())
            if text and not text.startswith(("#", "-", "*", ">", "|")):
                sentences.extend(s for s in SENTENCE_END.split(text) if len(s) > 20)
    return sentences


def synthetic_brief(index: int, sentences: list[str]) -> str:
    """Return the text of synthetic brief number index: distinct title and date, mixed sentences."""
    chooser = random.Random(index)
    year = 2000 + index % 24
    published = f"{year}-{1 + index % 12:02d}-{1 + index % 28:02d}"
    paragraphs = [" ".join(chooser.sample(sentences, 4)) for _ in range(chooser.randint(5, 9))]
    return (
        f'---\ntitle: "Synthetic brief {index:04d} on NATO and Russia"\n'
        f'authors: ["Author {index % 37}"]\npublisher: "Bench Press"\n'
        f'published: "{published}"\n---\n\n' + "\n\n".join(paragraphs) + "\n"
    )


def generate_corpus(target: Path, count: int, source: Path = REPO) -> Path:
    """Write a project of count synthetic briefs, with the repository's site.yaml and templates."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "site.yaml", target / "site.yaml")
    for name in ("templates", "static"):
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, dirs_exist_ok=True)
    content = target / "content"
    content.mkdir(exist_ok=True)
    sentences = bundled_sentences(source / "content")
    for index in range(count):
        (content / f"synthetic-{index:04d}.md").write_text(
            synthetic_brief(index, sentences), encoding="utf-8"
        )
    return target
