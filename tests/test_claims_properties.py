"""Invariants of extract_claims on arbitrary text (hypothesis)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.claims.units import extract_claims
from tui.corpus.articles import Article

# Text built from the pieces that make segmentation hard, plus arbitrary unicode.
PIECES = st.sampled_from(
    [
        "U.S.", "Gen.", "Nov. 7", "Mr.", "1,376", "6.1", "“", "”", '"', "'", "’", "•", "-",
        "1.", ". ", "? ", "! ", "...", "\n", "\r\n", "\r", "\n\n", " ", "  ", "\t", "said",
        "Zelensky", "according to", "troops", "50,000-strong", "5 Comments", "Sources:",
        "By Jane Doe", "The", "war", "é", "—", "\u2028", "\x85",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)


def article(text: str) -> Article:
    return Article("art", Path("art.txt"), "", text, "")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_offsets_slice_back_and_units_are_ordered_and_trimmed(text: str) -> None:
    claims = extract_claims(article(text))
    previous_end = 0
    for i, c in enumerate(claims):
        assert text[c.start : c.end] == c.text
        assert c.text and c.text == c.text.strip()
        assert c.start >= previous_end
        assert c.index == i
        previous_end = c.end
        for q in c.numbers:
            assert c.text[q.start : q.end] == q.text
        for d in c.dates:
            assert c.text[d.start : d.end] == d.text


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_ids_are_unique_within_an_article(text: str) -> None:
    ids = [c.id for c in extract_claims(article(text))]
    assert len(ids) == len(set(ids))


SENTENCE = st.lists(
    st.sampled_from(["troops", "moved", "Kyiv", "said", "officials", "50", "the", "north"]),
    min_size=3,
    max_size=8,
).map(lambda words: " ".join(words).capitalize() + ".")


@settings(max_examples=200, deadline=None)
@given(st.lists(SENTENCE, min_size=3, max_size=8, unique=True), st.data())
def test_editing_one_sentence_keeps_the_other_ids(
    sentences: list[str], data: st.DataObject
) -> None:
    k = data.draw(st.integers(0, len(sentences) - 1))
    edited = list(sentences)
    edited[k] = "Edited: " + sentences[k].lower()
    before = extract_claims(article("Headline here\n\n" + " ".join(sentences)))
    after = extract_claims(article("Headline here\n\n" + " ".join(edited)))
    assert len(before) == len(after)
    unchanged = [i for i in range(len(before)) if i != k + 1]
    assert [before[i].id for i in unchanged] == [after[i].id for i in unchanged]
    assert before[k + 1].id != after[k + 1].id


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_same_input_same_units(text: str) -> None:
    assert extract_claims(article(text)) == extract_claims(article(text))
