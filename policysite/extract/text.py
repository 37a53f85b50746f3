"""Text folding shared by selectors and the evaluator: one rule for "the same sentence"."""

from __future__ import annotations

import re
import unicodedata

QUOTES_AND_DASHES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
SPACE = re.compile(r"\s+")
TRAILING = re.compile(r"[\s.,;:!?\"')\]]+$")
LEADING = re.compile(r"^[\s\"'(\[]+")


def fold(text: str) -> str:
    """Return text normalised for comparison: NFKC, lower case, ASCII quotes and dashes."""
    folded = unicodedata.normalize("NFKC", text).translate(QUOTES_AND_DASHES).casefold()
    folded = SPACE.sub(" ", folded).strip()
    return LEADING.sub("", TRAILING.sub("", folded))


def same_sentence(first: str, second: str) -> bool:
    """Return whether two sentence texts match: equal or one contains the other, once folded."""
    a, b = fold(first), fold(second)
    if not a or not b:
        return False
    return a == b or a in b or b in a
