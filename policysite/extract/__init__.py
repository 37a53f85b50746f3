"""Extract: turn a Source into a Brief (one module per kind of item)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from slugify import slugify

from ..config import SiteConfig
from ..model import ActorMention, Brief, Source, ThemeMention
from ..segment import segment
from .actors import find_actors, summarise_actors
from .claims import find_claims
from .corrections import apply_corrections
from .dates import find_dates
from .recommendations import find_recommendations
from .themes import find_theme_mentions, summarise_themes
from .vocabulary import Vocabulary, compile_vocabulary

__all__ = ["Vocabulary", "brief_slug", "compile_vocabulary", "extract_brief"]


def brief_slug(source: Source) -> str:
    """Return the brief's URL slug: the front-matter slug or one made from the title."""
    return (
        source.meta.slug or slugify(source.meta.title, max_length=80, word_boundary=True) or "brief"
    )


def by_sentence(
    mentions: Sequence[ThemeMention] | Sequence[ActorMention],
) -> dict[str, tuple[str, ...]]:
    """Return sentence anchor -> distinct theme or actor ids, indexed once for the whole brief."""
    index: dict[str, dict[str, None]] = {}
    for mention in mentions:
        item = mention.theme_id if isinstance(mention, ThemeMention) else mention.actor_id
        index.setdefault(mention.span.sentence, {})[item] = None
    return {anchor: tuple(ids) for anchor, ids in index.items()}


def extract_brief(source: Source, config: SiteConfig, vocabulary: Vocabulary) -> Brief:
    """Return the structured brief of one source, editor corrections applied."""
    blocks = segment(source.body, source.body_line)
    sentences = tuple(sentence for block in blocks for sentence in block.sentences)
    theme_mentions = find_theme_mentions(sentences, vocabulary)
    actor_mentions = find_actors(sentences, vocabulary)
    themes, actors = by_sentence(theme_mentions), by_sentence(actor_mentions)
    recommendations = find_recommendations(blocks, vocabulary, themes, actors)
    claims = find_claims(blocks, recommendations, themes, actors)
    brief = Brief(
        slug=brief_slug(source),
        source=source,
        blocks=blocks,
        summary="",
        recommendations=recommendations,
        claims=claims,
        actors=summarise_actors(actor_mentions, vocabulary),
        actor_mentions=actor_mentions,
        dates=find_dates(sentences, source.meta.published),
        themes=summarise_themes(theme_mentions, vocabulary),
        theme_mentions=theme_mentions,
    )
    corrected = apply_corrections(brief, vocabulary)
    first = (
        corrected.claims[0].text if corrected.claims else (sentences[0].text if sentences else "")
    )
    return replace(corrected, summary=source.meta.summary or first)
