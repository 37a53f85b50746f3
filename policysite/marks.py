"""Marks: the full text of a brief with theme, actor and date mentions wrapped in escaped markup."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup, escape

from .model import Brief, Claim, Recommendation, Sentence, Span

MarkKind = Literal["theme", "actor", "date"]


@dataclass(frozen=True)
class Mark:
    """One mention to wrap: where it stands in its sentence, what kind it is, what it points to."""

    start: int
    end: int
    kind: MarkKind
    target: str
    label: str


@dataclass(frozen=True)
class BriefText:
    """Per-sentence lookups the brief page needs: mention marks, recommendations and claims."""

    marks: Mapping[str, tuple[Mark, ...]]
    recommendations: Mapping[str, Recommendation]
    claims: Mapping[str, Claim]
    first: Mapping[str, str]

    def recommendation(self, anchor: str) -> Recommendation | None:
        """Return the recommendation made in a sentence, if any."""
        return self.recommendations.get(anchor)

    def claim(self, anchor: str) -> Claim | None:
        """Return the claim made in a sentence, if any."""
        return self.claims.get(anchor)

    def first_anchor(self, kind: MarkKind, item_id: str) -> str | None:
        """Return the anchor of the first sentence that mentions a theme or actor, if any."""
        return self.first.get(f"{kind}:{item_id}")

    def sentence_html(self, sentence: Sentence, url: Callable[[str], str]) -> Markup:
        """Return a sentence's text, escaped, with its mentions wrapped."""
        return marked_text(sentence.text, self.marks.get(sentence.anchor, ()), url)


def _mark(span: Span, kind: MarkKind, target: str, label: str) -> tuple[str, Mark]:
    """Return (sentence anchor, mark) for one mention span."""
    return span.sentence, Mark(span.start, span.end, kind, target, label)


def brief_text(
    brief: Brief, theme_names: Mapping[str, str], actor_names: Mapping[str, str]
) -> BriefText:
    """Return the lookups for one brief, built in one pass over its mentions."""
    found = [
        _mark(m.span, "theme", f"themes/{m.theme_id}/", theme_names.get(m.theme_id, m.theme_id))
        for m in brief.theme_mentions
    ]
    found += [
        _mark(m.span, "actor", f"actors/{m.actor_id}/", actor_names.get(m.actor_id, m.actor_id))
        for m in brief.actor_mentions
    ]
    found += [_mark(d.span, "date", d.value, d.value) for d in brief.dates]
    marks: dict[str, list[Mark]] = defaultdict(list)
    for anchor, mark in found:
        marks[anchor].append(mark)
    first: dict[str, str] = {}
    for key, anchor in reversed(
        [(f"theme:{m.theme_id}", m.span.sentence) for m in brief.theme_mentions]
        + [(f"actor:{m.actor_id}", m.span.sentence) for m in brief.actor_mentions]
    ):
        first[key] = anchor  # reversed, so the earliest mention is written last and wins
    return BriefText(
        {anchor: tuple(items) for anchor, items in marks.items()},
        {r.anchor: r for r in brief.recommendations},
        {c.anchor: c for c in brief.claims},
        first,
    )


def non_overlapping(marks: tuple[Mark, ...], length: int) -> list[Mark]:
    """Return the marks to wrap: inside the text, earliest first, longest wins an overlap."""
    chosen: list[Mark] = []
    position = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end, m.kind)):
        if mark.start >= position and mark.start < mark.end <= length:
            chosen.append(mark)
            position = mark.end
    return chosen


def wrap(mark: Mark, text: str, url: Callable[[str], str]) -> Markup:
    """Return one mention's markup: a link to its theme or actor page, or a <time> element."""
    if mark.kind == "date":
        return Markup('<time datetime="{}">{}</time>').format(mark.target, text)
    title = f"{'Theme' if mark.kind == 'theme' else 'Actor'}: {mark.label}"
    return Markup('<a class="m-{}" href="{}" title="{}">{}</a>').format(
        mark.kind, url(mark.target), title, text
    )


def marked_text(text: str, marks: tuple[Mark, ...], url: Callable[[str], str]) -> Markup:
    """Return text escaped, with the given marks wrapped around their exact substrings."""
    pieces: list[Markup] = []
    position = 0
    for mark in non_overlapping(marks, len(text)):
        pieces.append(escape(text[position : mark.start]))
        pieces.append(wrap(mark, text[mark.start : mark.end], url))
        position = mark.end
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)
