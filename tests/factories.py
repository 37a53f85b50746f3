"""Hand-made briefs for link, render and export tests, independent of the extractor's output."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from policysite.config import ActorDef, SiteConfig, ThemeDef
from policysite.model import (
    Actor,
    ActorMention,
    Block,
    Brief,
    BriefTheme,
    Claim,
    DateMention,
    FrontMatter,
    Recommendation,
    Sentence,
    Source,
    Span,
    ThemeMention,
)
from policysite.segment import text_hash

THEMES = (
    ThemeDef(id="dialogue", name="Dialogue", aliases=("dialogue",)),
    ThemeDef(id="deterrence", name="Deterrence", aliases=("deterrence",)),
    ThemeDef(id="arms-control", name="Arms control", aliases=("arms control",)),
)
ACTORS = (ActorDef(name="NATO", kind="organisation"), ActorDef(name="Russia", kind="state"))
KINDS = {"nato": ("NATO", "organisation"), "russia": ("Russia", "state")}


def config(page_size: int = 50, base_url: str = "https://example.org/sub/") -> SiteConfig:
    """Return a small site configuration with three themes and two actors."""
    return SiteConfig(
        title="Test site", base_url=base_url, page_size=page_size, themes=THEMES, actors=ACTORS
    )


def spans_of(text: str, anchor: str, words: Sequence[str]) -> list[tuple[str, Span]]:
    """Return (word, span) for each word found (case-insensitively) in a sentence."""
    found = []
    for word in words:
        start = text.lower().find(word.lower())
        if start >= 0:
            found.append((word, Span(anchor, start, start + len(word))))
    return found


def make_brief(
    slug: str,
    published: str | None,
    texts: Sequence[str],
    recommend: Mapping[int, str | None] | None = None,
    dates: Mapping[int, tuple[str, str]] | None = None,
    title: str | None = None,
) -> Brief:
    """Return a brief of one paragraph; themes and actors are found by their plain names."""
    sentences = tuple(
        Sentence(f"s-{text_hash(text)}", text, 3 + i, "p-00000000", i)
        for i, text in enumerate(texts)
    )
    themes = [
        ThemeMention(theme.id, word, span)
        for s in sentences
        for theme in THEMES
        for word, span in spans_of(s.text, s.anchor, theme.aliases)
    ]
    actors = [
        ActorMention(actor_id, word, span)
        for s in sentences
        for actor_id, (name, _) in KINDS.items()
        for word, span in spans_of(s.text, s.anchor, [name])
    ]
    date_mentions = tuple(
        DateMention(
            text, value, "year", spans_of(sentences[i].text, sentences[i].anchor, [text])[0][1]
        )
        for i, (text, value) in (dates or {}).items()
    )
    recs = tuple(
        Recommendation(
            f"r{n}",
            sentences[i].text,
            sentences[i].anchor,
            addressee,
            (addressee.lower(),) if addressee and addressee.lower() in KINDS else (),
            False,
            tuple(sorted({m.theme_id for m in themes if m.span.sentence == sentences[i].anchor})),
            tuple(sorted({m.actor_id for m in actors if m.span.sentence == sentences[i].anchor})),
        )
        for n, (i, addressee) in enumerate((recommend or {}).items(), 1)
    )
    claims = (Claim("c1", sentences[0].text, sentences[0].anchor, (), ()),)
    meta = FrontMatter(title=title or slug.replace("-", " ").title(), published=published)
    source = Source(f"content/{slug}.md", "markdown", meta, " ".join(texts), 2, "0" * 64)
    counts = {
        a: sum(1 for m in actors if m.actor_id == a) for a in sorted({m.actor_id for m in actors})
    }
    theme_counts = {
        t: sum(1 for m in themes if m.theme_id == t) for t in sorted({m.theme_id for m in themes})
    }
    return Brief(
        slug=slug,
        source=source,
        blocks=(Block("p-00000000", "paragraph", 0, 3, sentences),),
        summary=sentences[0].text,
        recommendations=recs,
        claims=claims,
        actors=tuple(Actor(a, KINDS[a][0], KINDS[a][1], n, True) for a, n in counts.items()),  # type: ignore[arg-type]
        actor_mentions=tuple(actors),
        dates=date_mentions,
        themes=tuple(BriefTheme(t, t.title(), n) for t, n in theme_counts.items()),
        theme_mentions=tuple(themes),
    )


def three_briefs() -> tuple[Brief, ...]:
    """Return three briefs, deliberately out of date order, sharing some themes and actors."""
    late = make_brief(
        "late",
        "2021",
        [
            "NATO should seek dialogue with Russia.",
            "Deterrence and dialogue go together since 2014.",
        ],
        recommend={0: "NATO"},
        dates={1: ("2014", "2014")},
    )
    early = make_brief(
        "early",
        "2010",
        [
            "Russia wants arms control.",
            "Dialogue failed in 2008.",
            "Russia must respect arms control.",
        ],
        recommend={2: "Russia"},
        dates={1: ("2008", "2008")},
    )
    middle = make_brief("middle", "2016", ["Deterrence matters for NATO.", "Nothing else here."])
    return (late, early, middle)
