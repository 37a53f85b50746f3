"""Meta: infer a pasted text's front matter from the roles its lines play."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import FrontMatter
from ..segment import sentence_splitter
from .evidence import byline_authors, first_date, people, posted_authors
from .layout import Unit, bio_name
from .rules import GENRE_LABEL, Role

URL = re.compile(r"https?://[^\s<>\"')\]]+")
# "Carnegie Europe is grateful to ...": the grateful party published the text.
SPONSOR_SUBJECT = re.compile(r"^(?P<name>.+?)\s+(?:is|are)\s+grateful\s+to\b", re.IGNORECASE)
# "© 2016 Foreign Policy Association. All rights reserved.": the holder is the publisher.
COPYRIGHT_HOLDER = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)?(?P<name>[^.|]+?)"
    r"\s*(?:\.|\||all rights reserved|$)",
    re.IGNORECASE,
)
# A banner that is a name ("Foreign Policy Blogs") rather than a tagline ("Blogging on ...").
SITE_NAME = re.compile(r"^(?:[A-Z0-9][\w'’&.-]*)(?:\s+(?:[A-Z0-9&][\w'’&.-]*))*$")


def lines_with(units: Sequence[Unit], roles: Sequence[Role], role: Role) -> list[str]:
    """Return the texts of the units that play a role, in order."""
    return [unit.text for unit, own in zip(units, roles, strict=True) if own == role]


def infer_meta(units: Sequence[Unit], roles: Sequence[Role]) -> FrontMatter:
    """Return the front matter the text states; what it does not state stays None."""
    inferred: dict[str, str] = {}
    title = infer_title(units, roles, inferred)
    authors = infer_authors(units, roles, inferred)
    publisher = infer_publisher(units, roles, inferred)
    sources = lines_with(units, roles, "source")
    bios = lines_with(units, roles, "bio")
    posted = lines_with(units, roles, "posted")
    published = next((date for date in map(first_date, posted) if date), None)
    url = next((match.group(0) for match in map(URL.search, sources) if match), None)
    return FrontMatter(
        title=title,
        authors=authors,
        publisher=publisher,
        published=published,
        source_note=" ".join(sources) or None,
        source_url=url,
        author_bio="\n\n".join(bios) or None,
        inferred=inferred or None,
    )


def infer_title(units: Sequence[Unit], roles: Sequence[Role], inferred: dict[str, str]) -> str:
    """Return the title line without a genre label, else the first sentence of the body."""
    line = next(iter(lines_with(units, roles, "title")), None)
    if line is None:
        first = next(iter(lines_with(units, roles, "body")))
        inferred["title"] = "The text has no title line; this is its first sentence."
        return first_sentence(first)
    label = GENRE_LABEL.match(line)
    if label is None:
        return line
    inferred["title"] = f"The title line “{line}” without its genre label “{label.group(1)}”"
    return line[label.end() :]


def first_sentence(text: str) -> str:
    """Return the first sentence of a paragraph."""
    pieces = [span.sent.strip() for span in sentence_splitter().segment(text)]
    return next((piece for piece in pieces if piece), text)


def infer_authors(
    units: Sequence[Unit], roles: Sequence[Role], inferred: dict[str, str]
) -> tuple[str, ...]:
    """Return the authors a byline or post line names, else those the biographies name."""
    for text in lines_with(units, roles, "byline"):
        return byline_authors(text)
    for text in lines_with(units, roles, "posted"):
        if posted_authors(text):
            return posted_authors(text)
    bios = lines_with(units, roles, "bio")
    named = tuple(name for name in map(bio_name, bios) if name and people(name))
    if named:
        inferred["authors"] = "No byline; the author biography names " + " and ".join(named) + "."
    return named


def infer_publisher(
    units: Sequence[Unit], roles: Sequence[Role], inferred: dict[str, str]
) -> str | None:
    """Return the site the banner names, else the party thanking a sponsor or holding copyright."""
    for text in lines_with(units, roles, "banner"):
        if SITE_NAME.match(text):
            inferred["publisher"] = f"The site banner “{text}”"
            return text
    candidates: tuple[tuple[re.Pattern[str], Role, str], ...] = (
        (SPONSOR_SUBJECT, "sponsor", "The sponsor line"),
        (COPYRIGHT_HOLDER, "copyright", "The copyright line"),
    )
    for pattern, role, evidence in candidates:
        for text in lines_with(units, roles, role):
            match = pattern.search(text)
            if match and match.group("name").strip():
                inferred["publisher"] = f"{evidence} “{text}”"
                return match.group("name").strip()
    return None
