"""Export: the site's structured data as deterministic JSON (data/briefs.json, data/themes.json)."""

from __future__ import annotations

import json
from typing import Any

import yaml

from .link import Site, ThemeEntry
from .model import Actor, Brief, BriefTheme, Claim, DateMention, Recommendation

JsonObject = dict[str, Any]


def brief_url(brief: Brief) -> str:
    """Return the site-relative URL of a brief's page."""
    return f"briefs/{brief.slug}/"


def claim_record(claim: Claim) -> JsonObject:
    """Return one claim as a JSON object."""
    return {
        "id": claim.id,
        "text": claim.text,
        "anchor": claim.anchor,
        "themes": list(claim.themes),
        "actors": list(claim.actors),
        "origin": claim.origin,
    }


def recommendation_record(recommendation: Recommendation) -> JsonObject:
    """Return one recommendation as a JSON object."""
    return {
        "id": recommendation.id,
        "text": recommendation.text,
        "anchor": recommendation.anchor,
        "addressee": recommendation.addressee,
        "addressee_ids": list(recommendation.addressee_ids),
        "reported": recommendation.reported,
        "themes": list(recommendation.themes),
        "actors": list(recommendation.actors),
        "origin": recommendation.origin,
    }


def actor_record(actor: Actor) -> JsonObject:
    """Return one actor of a brief as a JSON object."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "mentions": actor.mentions,
        "known": actor.known,
        "origin": actor.origin,
    }


def date_record(date: DateMention) -> JsonObject:
    """Return one date expression as a JSON object."""
    return {
        "text": date.text,
        "value": date.value,
        "precision": date.precision,
        "anchor": date.span.sentence,
        "relative": date.relative,
        "origin": date.origin,
    }


def theme_record(theme: BriefTheme) -> JsonObject:
    """Return one theme of a brief as a JSON object."""
    return {"id": theme.id, "name": theme.name, "mentions": theme.mentions}


def brief_record(brief: Brief) -> JsonObject:
    """Return everything the site shows about one brief as a JSON object."""
    meta = brief.meta
    return {
        "slug": brief.slug,
        "title": meta.title,
        "url": brief_url(brief),
        "source": brief.source.path,
        "published": meta.published,
        "authors": list(meta.authors),
        "publisher": meta.publisher,
        "source_note": meta.source_note,
        "source_url": meta.source_url,
        "inferred": dict(sorted((meta.inferred or {}).items())),
        "summary": brief.summary,
        "claims": [claim_record(claim) for claim in brief.claims],
        "recommendations": [recommendation_record(r) for r in brief.recommendations],
        "actors": [actor_record(actor) for actor in brief.actors],
        "dates": [date_record(date) for date in brief.dates],
        "themes": [theme_record(theme) for theme in brief.themes],
    }


def theme_export(entry: ThemeEntry) -> JsonObject:
    """Return one theme across the site: the briefs and sentence anchors where it is mentioned."""
    return {
        "id": entry.theme.id,
        "name": entry.theme.name,
        "description": entry.theme.description,
        "url": f"themes/{entry.theme.id}/",
        "mentions": entry.mention_count,
        "briefs": [
            {
                "slug": group.brief.slug,
                "url": brief_url(group.brief),
                "mentions": len(group.mentions),
                "anchors": list(dict.fromkeys(m.sentence.anchor for m in group.mentions)),
            }
            for group in entry.groups
        ],
    }


def to_json(document: JsonObject) -> bytes:
    """Return a JSON document as deterministic UTF-8 bytes (sorted keys, fixed indentation)."""
    return (json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode(
        "utf-8"
    )


def export_files(site: Site) -> dict[str, bytes]:
    """Return the data export files of a site."""
    return {
        "data/briefs.json": to_json({"briefs": [brief_record(brief) for brief in site.briefs]}),
        "data/themes.json": to_json({"themes": [theme_export(entry) for entry in site.themes]}),
    }


def brief_yaml(brief: Brief) -> str:
    """Return a brief's structured data as YAML, keys in the record's own order, for reading."""
    return yaml.safe_dump(brief_record(brief), sort_keys=False, allow_unicode=True, width=88)
