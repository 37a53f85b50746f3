"""The gold-annotation schema: what a hand-made tests/gold/*.yaml file says about one text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .config import ActorKind
from .errors import ContentError
from .model import Source, _check_iso_partial
from .schema import SchemaProblems, option, parse_yaml, read_dataclass

GoldSet = Literal["briefs", "further"]


@dataclass(frozen=True)
class GoldRecommendation:
    """A recommendation sentence as the annotator sees it."""

    text: str = option("The full sentence.")
    addressee: str | None = option("Who is asked to act; null when nobody is named.", default=None)
    reported: bool = option(
        "True when the author only reports someone else's demand.", default=False
    )


@dataclass(frozen=True)
class GoldClaim:
    """A key claim sentence."""

    text: str = option("The full sentence.")


@dataclass(frozen=True)
class GoldActor:
    """An actor the text mentions, by canonical name."""

    name: str = option("Canonical name (site.yaml) or the name as written.")
    kind: ActorKind = option("One of state, organisation, person, group.")


@dataclass(frozen=True)
class GoldDate:
    """A date expression and its ISO value."""

    text: str = option("The expression as written.")
    value: str = option("YYYY, YYYY-MM or YYYY-MM-DD.", check=_check_iso_partial)


@dataclass(frozen=True)
class GoldTheme:
    """One theme mention and its sentence."""

    theme: str = option("Theme id from site.yaml.")
    text: str = option("The sentence holding the mention.")


@dataclass(frozen=True)
class Gold:
    """Everything one gold file annotates."""

    brief: str = option("The annotated file, relative to the repository root.")
    raw: str | None = option("Raw pasted version of the file, for furniture.", default=None)
    recommendations: tuple[GoldRecommendation, ...] = option(
        "Recommendation sentences.", default=()
    )
    claims: tuple[GoldClaim, ...] = option("Key claims.", default=())
    actors: tuple[GoldActor, ...] = option("Actors mentioned.", default=())
    dates: tuple[GoldDate, ...] = option("Date expressions.", default=())
    themes: tuple[GoldTheme, ...] = option("Theme mentions.", default=())
    furniture: tuple[str, ...] = option("Furniture lines of the raw file.", default=())


@dataclass(frozen=True)
class GoldFile:
    """A parsed gold file with the source it annotates and, if any, the raw text."""

    path: str
    group: GoldSet
    gold: Gold
    source: Source
    raw_text: str | None


def parse_gold(text: str, path: str) -> Gold:
    """Return the Gold a YAML text describes, or raise ContentError with every problem."""
    try:
        return read_dataclass(Gold, parse_yaml(text, path).root, path)
    except SchemaProblems as error:
        raise ContentError(error.problems) from None
