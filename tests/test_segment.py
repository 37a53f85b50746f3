"""Tests for policysite.segment: blocks, sentences, lines and stable anchors."""

from __future__ import annotations

from policysite.segment import segment, sentence_splitter, split_paragraph, split_sentences

BODY = """## A heading

First sentence here. Second sentence
continues on a new line.

- An item. With two sentences.

> A quoted line.

<script>alert(1)</script> plain text after.
"""


def test_blocks_have_kinds_and_lines() -> None:
    blocks = segment(BODY, 10)
    assert [b.kind for b in blocks] == ["heading", "paragraph", "item", "quote", "paragraph"]
    assert blocks[0].level == 2
    assert blocks[0].line == 10
    assert blocks[1].line == 12


def test_sentences_are_split_and_lines_follow_breaks() -> None:
    paragraph = segment(BODY, 1)[1]
    assert [s.text for s in paragraph.sentences] == [
        "First sentence here.",
        "Second sentence continues on a new line.",
    ]
    assert [s.line for s in paragraph.sentences] == [3, 3]


def test_raw_html_is_kept_as_text_not_markup() -> None:
    last = segment(BODY, 1)[-1]
    assert "<script>" in last.sentences[0].text


def test_anchors_survive_unrelated_edits() -> None:
    before = {s.text: s.anchor for b in segment(BODY, 1) for s in b.sentences}
    edited = BODY.replace("An item.", "An edited item.")
    after = {s.text: s.anchor for b in segment(edited, 1) for s in b.sentences}
    unchanged = set(before) & set(after)
    assert len(unchanged) >= 5
    assert all(before[text] == after[text] for text in unchanged)


def test_repeated_sentences_get_distinct_anchors() -> None:
    blocks = segment("Same words.\n\nSame words.\n", 1)
    anchors = [s.anchor for b in blocks for s in b.sentences]
    assert len(set(anchors)) == 2
    assert anchors[1] == anchors[0] + "-2"


def test_remembered_splits_match_pysbd_and_are_reused() -> None:
    text = "Dr. Smith met the U.S. envoy on 2 March. He said no. Then what?  Nothing."
    direct = [
        (span.sent.strip(), span.start + len(span.sent) - len(span.sent.lstrip()))
        for span in sentence_splitter().segment(text)
        if span.sent.strip()
    ]
    assert list(split_paragraph(text)) == direct
    assert split_sentences(text, "paragraph") == direct
    assert split_paragraph(text) is split_paragraph(text)
    assert split_sentences(text, "heading") == [(text, 0)]
