"""Claims: an article cut into units (sentences and lines), each with its kind, offsets,
figures, dates and attribution.

The work is split by concept: `segmentation` finds the units, `unit_kinds` tells claims from
headings, furniture and reader comments, `quantities` finds figures and dates, and
`attribution` finds who a claim comes from. This module ties them into `Unit` records: a
unit is a claim only when its kind says so (`Unit.is_claim`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, replace
from enum import StrEnum

from tui.claims.attribution import dash_source, find_attribution
from tui.claims.quantities import DateMention, Quantity, find_figures
from tui.claims.segmentation import Block, Marker, split_blocks
from tui.claims.unit_kinds import classify_blocks
from tui.corpus.articles import Article

__all__ = [
    "DateMention",
    "Kind",
    "Quantity",
    "Unit",
    "claim_at",
    "claim_id",
    "extract_claims",
    "extract_units",
]


class Kind(StrEnum):
    CLAIM = "claim"
    HEADING = "heading"
    BOILERPLATE = "boilerplate"
    COMMENT = "comment"


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    article: str
    text: str
    start: int  # article.text[start:end] == text
    end: int
    kind: Kind
    index: int  # position of the unit within its article, from 0
    numbers: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    attribution: str = ""

    @property
    def is_claim(self) -> bool:
        return self.kind is Kind.CLAIM


class _WordChars(dict[int, int]):
    """A `str.translate` table that keeps the characters of `\\w` and turns every other
    character into a space, filled in as characters are met."""

    def __missing__(self, code: int) -> int:
        kept = chr(code).isalnum() or code == 95  # exactly what `\w` matches ("_" is 95)
        self[code] = code if kept else 32
        return self[code]


_WORD_CHARS = _WordChars()
# The same for ASCII bytes, lowering letters on the way: bytes.translate is faster still.
_ASCII_WORDS = bytes(
    ord(chr(b).lower()) if _WORD_CHARS[b] == b else 32 for b in range(128)
) + bytes(range(128, 256))


def _id_words(text: str) -> list[str]:
    """The words of the id key, in order: what `re.findall(r"\\w+", ...)` finds in the
    text NFKC-normalised and case-folded (a translation and a split are several times
    faster than the regex)."""
    if text.isascii():  # NFKC leaves ASCII unchanged, and casefold() is lower() on it
        return text.encode().translate(_ASCII_WORDS).decode().split()
    text = unicodedata.normalize("NFKC", text).casefold()
    for mark in _COMMON_MARKS:  # often the only non-ASCII characters, and not in words
        if mark in text:
            text = text.replace(mark, " ")
    if text.isascii():  # translating non-ASCII text is slower than the regex
        return text.translate(_WORD_CHARS).split()
    return _WORDS.findall(text)


# Curly quotes, dashes and bullets: not word characters, so a space in their place keeps
# the words as they are.
_COMMON_MARKS = ("’", "‘", "“", "”", "–", "—", "•", "«", "»")
_WORDS = re.compile(r"\w+")


def normalise_for_id(text: str) -> str:
    return " ".join(_id_words(text))


def claim_id(article_id: str, text: str, occurrence: int) -> str:
    """Stable id: article id + normalised sentence text (+ occurrence for repeats)."""
    return _id_of_key(article_id, normalise_for_id(text), occurrence)


def _id_of_key(article_id: str, key: str, occurrence: int) -> str:
    digest = hashlib.sha256(f"{article_id}\x1f{key}\x1f{occurrence}".encode())
    return f"{article_id}:{digest.hexdigest()[:12]}"


_KINDS = {str(kind): kind for kind in Kind}


_QUOTE_OPEN = "\"“‘'«"
_QUOTE_CLOSE = "\"”’'»"
_DASHES = "-–—―"


def _line_of(text: str, start: int, end: int) -> str:
    """The whole line(s) a block stands on, list marker included."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    return text[line_start:end].strip()


def _credits_quote(text: str, block: Block, previous: str) -> str:
    """The source named by a "— Jane Doe, mayor" line right under a quotation, or ""."""
    if block.marker is not Marker.BULLET or previous[-1:] not in _QUOTE_CLOSE:
        return ""
    line = _line_of(text, block.start, block.end)
    return dash_source(line) if line[:1] in _DASHES else ""


def extract_claims(article: Article) -> list[Unit]:
    """Every unit of the article in order: claims and the other kinds alike."""
    return extract_units(article.id, article.text)


def extract_units(article_id: str, text: str) -> list[Unit]:
    """`extract_claims` from the article's id and text alone (all that the units depend on,
    which is what lets other processes segment articles)."""
    blocks = split_blocks(text)
    block_kinds = classify_blocks(text, blocks, [_line_of(text, b.start, b.end) for b in blocks])
    claims: list[Unit] = []
    seen: dict[str, int] = {}
    previous = ""
    previous_kind = Kind.BOILERPLATE
    for block, block_kind in zip(blocks, block_kinds, strict=True):
        kind = _KINDS[block_kind]
        may_credit = block.marker is Marker.BULLET and kind is not Kind.COMMENT
        for start, end in block.sentences:
            sentence = text[start:end]
            tokens = _id_words(sentence)
            key = " ".join(tokens)
            occurrence = seen[key] = seen.get(key, 0) + 1
            unit_kind, attribution = kind, ""
            numbers: tuple[Quantity, ...] | list[Quantity] = ()
            dates: tuple[DateMention, ...] | list[DateMention] = ()
            credit = _credits_quote(text, block, previous) if may_credit else ""
            if credit:
                unit_kind = Kind.BOILERPLATE
                if claims and not claims[-1].attribution:
                    claims[-1] = replace(claims[-1], attribution=credit)
            elif kind is Kind.CLAIM:
                # The id key's words double as a lexicon for cheap tests downstream.
                words = frozenset(tokens)
                attribution = find_attribution(sentence, words)
                if (
                    not attribution
                    and sentence[:1] in _QUOTE_OPEN
                    and previous[:1] in _QUOTE_OPEN
                    and previous_kind is Kind.CLAIM
                ):
                    attribution = claims[-1].attribution  # a quotation goes on: same speaker
                dates, numbers = find_figures(sentence, words)
            claims.append(
                Unit(
                    _id_of_key(article_id, key, occurrence),
                    article_id,
                    sentence,
                    start,
                    end,
                    unit_kind,
                    len(claims),
                    tuple(numbers),
                    tuple(dates),
                    attribution,
                )
            )
            previous, previous_kind = sentence, unit_kind
    return claims


def claim_at(
    article_id: str, text: str, start: int, end: int, index: int, taken: Collection[str]
) -> Unit:
    """A claim unit over `text[start:end]` that the reviewer cut (a split or a join), with
    its figures, dates and attribution found as the segmenter finds them, and an id like
    the segmenter's (article, normalised words, occurrence) whose occurrence is the first
    that no id in `taken` has."""
    sentence = text[start:end]
    tokens = _id_words(sentence)
    key = " ".join(tokens)
    occurrence = 1
    while (unit_id := _id_of_key(article_id, key, occurrence)) in taken:
        occurrence += 1
    words = frozenset(tokens)
    dates, numbers = find_figures(sentence, words)
    return Unit(
        unit_id,
        article_id,
        sentence,
        start,
        end,
        Kind.CLAIM,
        index,
        tuple(numbers),
        tuple(dates),
        find_attribution(sentence, words),
    )
