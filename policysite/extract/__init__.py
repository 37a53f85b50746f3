"""Extract: turn a Source into a Brief (one module per kind of item)."""

from __future__ import annotations

from slugify import slugify

from ..config import SiteConfig
from ..model import Brief, Source
from ..segment import segment
from .actors import find_actors, summarise_actors
from .claims import find_claims
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


def extract_brief(source: Source, config: SiteConfig, vocabulary: Vocabulary) -> Brief:
    """Return the structured brief of one source."""
    blocks = segment(source.body, source.body_line)
    sentences = tuple(sentence for block in blocks for sentence in block.sentences)
    theme_mentions = find_theme_mentions(sentences, vocabulary)
    actor_mentions = find_actors(sentences, vocabulary)
    dates = find_dates(sentences, source.meta.published)
    recommendations = find_recommendations(blocks, vocabulary, theme_mentions, actor_mentions)
    claims = find_claims(blocks, recommendations, theme_mentions, actor_mentions)
    summary = source.meta.summary or (claims[0].text if claims else sentences[0].text)
    return Brief(
        slug=brief_slug(source),
        source=source,
        blocks=blocks,
        summary=summary,
        recommendations=recommendations,
        claims=claims,
        actors=summarise_actors(actor_mentions, vocabulary),
        actor_mentions=actor_mentions,
        dates=dates,
        themes=summarise_themes(theme_mentions, vocabulary),
        theme_mentions=theme_mentions,
    )
