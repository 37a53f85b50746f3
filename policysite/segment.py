"""Segment: split a Markdown body into blocks and sentences with stable anchors."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pysbd
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .model import Block, BlockKind, Sentence

WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """Return the Markdown parser: CommonMark with raw HTML off (it is shown as text)."""
    return MarkdownIt("commonmark", {"html": False}).enable("table")


@lru_cache(maxsize=1)
def sentence_splitter() -> pysbd.Segmenter:
    """Return the sentence splitter (pysbd, rule-based, English)."""
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def normalise_space(text: str) -> str:
    """Return text with runs of whitespace folded to one space and ends trimmed."""
    return WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def text_hash(text: str) -> str:
    """Return the 8-hex-digit hash a sentence or block anchor is built from."""
    return hashlib.sha1(normalise_space(text).encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class RawBlock:
    """A block before sentence splitting: its kind, level, first line and plain text."""

    kind: BlockKind
    level: int
    line: int
    text: str
    breaks: tuple[int, ...]


def segment(body: str, body_line: int) -> tuple[Block, ...]:
    """Return the blocks of a Markdown body, each split into anchored sentences."""
    raw_blocks = list(raw_blocks_of(markdown_parser().parse(body), body_line))
    anchors = Anchors()
    blocks: list[Block] = []
    index = 0
    for raw in raw_blocks:
        block_anchor = anchors.take("p", raw.text)
        sentences = []
        for text, offset in split_sentences(raw.text, raw.kind):
            line = raw.line + sum(1 for position in raw.breaks if position < offset)
            sentences.append(Sentence(anchors.take("s", text), text, line, block_anchor, index))
            index += 1
        blocks.append(Block(block_anchor, raw.kind, raw.level, raw.line, tuple(sentences)))
    return tuple(blocks)


class Anchors:
    """Hands out anchors from text hashes, numbering repeats so each stays unique."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def take(self, prefix: str, text: str) -> str:
        """Return the next anchor for text: prefix-hash, then prefix-hash-2 for a repeat."""
        base = f"{prefix}-{text_hash(text)}"
        count = self.seen.get(base, 0) + 1
        self.seen[base] = count
        return base if count == 1 else f"{base}-{count}"


def split_sentences(text: str, kind: BlockKind) -> list[tuple[str, int]]:
    """Return (sentence, start offset) pairs; a heading is one sentence."""
    if kind == "heading":
        return [(text, 0)]
    return list(split_paragraph(text))


@lru_cache(maxsize=1 << 16)
def split_paragraph(text: str) -> tuple[tuple[str, int], ...]:
    """Return a paragraph's (sentence, start offset) pairs, remembered: pysbd is the slow part
    of extraction, and a re-extracted brief mostly repeats paragraphs already split."""
    pieces: list[tuple[str, int]] = []
    for span in sentence_splitter().segment(text):
        sentence = span.sent.strip()
        if sentence:
            pieces.append((sentence, span.start + (len(span.sent) - len(span.sent.lstrip()))))
    return tuple(pieces) or ((text, 0),)


def raw_blocks_of(tokens: Sequence[Token], body_line: int) -> Iterator[RawBlock]:
    """Yield the text blocks of a token stream: headings, paragraphs, list items, quotes."""
    containers: list[str] = []
    for position, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            containers.append(token.type)
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            containers.pop()
        elif token.type == "inline" and position > 0:
            opener = tokens[position - 1]
            kind, level = block_kind(opener, containers)
            text, breaks = inline_text(token.children or [])
            if text:
                line = body_line + (opener.map[0] if opener.map else 0)
                yield RawBlock(kind, level, line, text, breaks)
        elif token.type in ("fence", "code_block") and token.content.strip():
            line = body_line + (token.map[0] if token.map else 0)
            yield RawBlock("paragraph", 0, line, normalise_space(token.content), ())


def block_kind(opener: Token, containers: Sequence[str]) -> tuple[BlockKind, int]:
    """Return the kind and heading level of the block an inline token belongs to."""
    if opener.type == "heading_open":
        return "heading", int(opener.tag[1])
    if "blockquote_open" in containers:
        return "quote", 0
    if containers:
        return "item", 0
    return "paragraph", 0


def inline_text(children: Sequence[Token]) -> tuple[str, tuple[int, ...]]:
    """Return the plain text of inline tokens and the offsets where source lines broke."""
    parts: list[str] = []
    breaks: list[int] = []
    length = 0
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            breaks.append(length)
            piece = " "
        else:
            piece = child.content
        parts.append(piece)
        length += len(piece)
    raw = "".join(parts)
    lead = len(raw) - len(raw.lstrip())
    return raw.strip(), tuple(position - lead for position in breaks)
