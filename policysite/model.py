"""The data model: plain frozen dataclasses passed from stage to stage."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Literal

from .config import ActorKind, check_not_blank, check_slug
from .schema import option

ISO_PARTIAL = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
Origin = Literal["extracted", "editor"]
BlockKind = Literal["heading", "paragraph", "item", "quote"]
Precision = Literal["year", "month", "day"]


def _check_iso_partial(value: str) -> str | None:
    """Return an error unless value is a real date written YYYY, YYYY-MM or YYYY-MM-DD."""
    if not ISO_PARTIAL.match(value):
        return "must be YYYY, YYYY-MM or YYYY-MM-DD"
    parts = [int(part) for part in value.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return f"'{value}' is not a real date"
    return None


# --- front matter -------------------------------------------------------------------------------


def require_one_selector(anchor: str | None, text: str | None) -> None:
    """Raise ValueError unless exactly one of anchor and text picks the sentence."""
    if (anchor is None) == (text is None):
        raise ValueError("give exactly one of 'anchor' and 'text' to pick the sentence")


@dataclass(frozen=True)
class ItemSelector:
    """Picks one extracted item by its sentence anchor or by (part of) its sentence text."""

    anchor: str | None = option("Sentence anchor, e.g. s-3f9a1c.", default=None)
    text: str | None = option(
        "Text the sentence contains (whitespace and quotes ignored).",
        default=None,
        check=check_not_blank,
    )

    def __post_init__(self) -> None:
        require_one_selector(self.anchor, self.text)


@dataclass(frozen=True)
class RecommendationOverride:
    """An editor's addition or re-labelling of a recommendation."""

    anchor: str | None = option("Sentence anchor of the recommendation.", default=None)
    text: str | None = option("Text the sentence contains.", default=None, check=check_not_blank)
    addressee: str | None = option("Who is asked to act (an actor name or a phrase).", default=None)
    reported: bool | None = option(
        "True when the author only reports someone else's demand.", default=None
    )

    def __post_init__(self) -> None:
        require_one_selector(self.anchor, self.text)


@dataclass(frozen=True)
class ActorOverride:
    """An editor's addition of an actor the extractor missed."""

    name: str = option("Canonical name of the actor.", check=check_not_blank)
    kind: ActorKind = option("One of state, organisation, person, group.")


@dataclass(frozen=True)
class DateOverride:
    """An editor's addition or correction of a date expression."""

    text: str = option("The date expression as it stands in the text.")
    value: str = option("Its ISO value: YYYY, YYYY-MM or YYYY-MM-DD.", check=_check_iso_partial)


@dataclass(frozen=True)
class Corrections:
    """Editor corrections to what extraction found; the site and data export follow them."""

    add_recommendations: tuple[RecommendationOverride, ...] = option(
        "Sentences to list as recommendations.", default=()
    )
    relabel_recommendations: tuple[RecommendationOverride, ...] = option(
        "Recommendations whose addressee or reported flag to change.", default=()
    )
    remove_recommendations: tuple[ItemSelector, ...] = option(
        "Recommendations to drop.", default=()
    )
    add_claims: tuple[ItemSelector, ...] = option("Sentences to list as key claims.", default=())
    remove_claims: tuple[ItemSelector, ...] = option("Claims to drop.", default=())
    add_actors: tuple[ActorOverride, ...] = option("Actors to add.", default=())
    remove_actors: tuple[str, ...] = option("Actor names to drop.", default=())
    add_dates: tuple[DateOverride, ...] = option("Date expressions to add or correct.", default=())
    remove_dates: tuple[str, ...] = option("Date expressions (as written) to drop.", default=())


@dataclass(frozen=True)
class FrontMatter:
    """What a content file's YAML front matter may say about its brief."""

    title: str = option("Title of the brief.", check=check_not_blank)
    authors: tuple[str, ...] = option(
        "Authors, as named in the text; empty when none is stated.", default=()
    )
    publisher: str | None = option("Publication or blog that published it.", default=None)
    published: str | None = option(
        "Publication date, as precise as the evidence allows: YYYY, YYYY-MM or YYYY-MM-DD.",
        default=None,
        check=_check_iso_partial,
    )
    source_note: str | None = option(
        'Where the text comes from ("originally published by").', default=None
    )
    source_url: str | None = option("Address of the original publication, if known.", default=None)
    author_bio: str | None = option("The author's biography, kept out of the body.", default=None)
    summary: str | None = option(
        "One-line summary; derived from the first claim when empty.", default=None
    )
    slug: str | None = option(
        "URL slug; derived from the title when empty.", default=None, check=check_slug
    )
    inferred: dict[str, str] | None = option(
        "For each field inferred rather than stated in the text, what it was inferred from.",
        default=None,
    )
    themes: tuple[str, ...] = option(
        "Theme ids the editor asserts the brief is about (must exist in site.yaml).", default=()
    )
    corrections: Corrections = option("Editor corrections to extraction.", default=Corrections())


# --- loaded source ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One content file as loaded: metadata, body text and where the body starts."""

    path: str
    kind: Literal["markdown", "text"]
    meta: FrontMatter
    body: str
    body_line: int
    content_hash: str
    furniture: tuple[str, ...] = ()


# --- structure ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """One sentence of a brief, with a stable anchor derived from its own text."""

    anchor: str
    text: str
    line: int
    block_anchor: str
    index: int


@dataclass(frozen=True)
class Block:
    """A paragraph, heading, list item or quotation, made of sentences."""

    anchor: str
    kind: BlockKind
    level: int
    line: int
    sentences: tuple[Sentence, ...]


# --- extracted items ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """Where in a sentence's text a mention stands."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor, as written, in one sentence."""

    actor_id: str
    surface: str
    span: Span


@dataclass(frozen=True)
class ThemeMention:
    """One mention of a theme in one sentence."""

    theme_id: str
    surface: str
    span: Span


@dataclass(frozen=True)
class DateMention:
    """An explicit date expression, normalised to ISO at its own precision."""

    text: str
    value: str
    precision: Precision
    span: Span
    relative: bool = False
    origin: Origin = "extracted"


@dataclass(frozen=True)
class Actor:
    """An actor a brief mentions, merged by alias, with its mention count."""

    id: str
    name: str
    kind: ActorKind
    mentions: int
    known: bool
    origin: Origin = "extracted"


@dataclass(frozen=True)
class Recommendation:
    """An author's prescription, its addressee, and whether the author only reports it."""

    id: str
    text: str
    anchor: str
    addressee: str | None
    addressee_ids: tuple[str, ...]
    reported: bool
    themes: tuple[str, ...]
    actors: tuple[str, ...]
    origin: Origin = "extracted"


@dataclass(frozen=True)
class Claim:
    """One of the author's central assertions."""

    id: str
    text: str
    anchor: str
    themes: tuple[str, ...]
    actors: tuple[str, ...]
    origin: Origin = "extracted"


@dataclass(frozen=True)
class BriefTheme:
    """A theme as it figures in one brief."""

    id: str
    name: str
    mentions: int


@dataclass(frozen=True)
class Brief:
    """A source turned into structure: everything the site shows about one text."""

    slug: str
    source: Source
    blocks: tuple[Block, ...]
    summary: str
    recommendations: tuple[Recommendation, ...]
    claims: tuple[Claim, ...]
    actors: tuple[Actor, ...]
    actor_mentions: tuple[ActorMention, ...]
    dates: tuple[DateMention, ...]
    themes: tuple[BriefTheme, ...]
    theme_mentions: tuple[ThemeMention, ...]

    @property
    def meta(self) -> FrontMatter:
        """Return the front matter of the brief's source."""
        return self.source.meta

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Return every sentence of the brief in reading order."""
        return tuple(sentence for block in self.blocks for sentence in block.sentences)
