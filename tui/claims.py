"""Claims: an article cut into units (sentences and lines), each with its kind, offsets,
figures, dates and attribution.

The work is split by concept: `segmentation` finds the units, `unit_kinds` tells claims from
headings, furniture and reader comments, `quantities` finds figures and dates, and
`attribution` finds who a claim comes from. This module ties them into `Claim` records.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum

from tui.articles import Article
from tui.attribution import dash_source, find_attribution
from tui.quantities import DateMention, Quantity, find_dates, find_quantities
from tui.segmentation import Block, Marker, split_blocks
from tui.unit_kinds import classify_blocks

__all__ = [
    "Claim",
    "DateMention",
    "Kind",
    "Quantity",
    "claim_id",
    "extract_claims",
]


class Kind(StrEnum):
    CLAIM = "claim"
    HEADING = "heading"
    BOILERPLATE = "boilerplate"
    COMMENT = "comment"


@dataclass(frozen=True, slots=True)
class Claim:
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


_WORDS = re.compile(r"\w+")


def normalise_for_id(text: str) -> str:
    if not text.isascii():  # NFKC leaves ASCII unchanged; skipping it saves time at scale
        text = unicodedata.normalize("NFKC", text)
    return " ".join(_WORDS.findall(text.casefold()))


def claim_id(article_id: str, text: str, occurrence: int) -> str:
    """Stable id: article id + normalised sentence text (+ occurrence for repeats)."""
    return _id_of_key(article_id, normalise_for_id(text), occurrence)


def _id_of_key(article_id: str, key: str, occurrence: int) -> str:
    digest = hashlib.sha256(f"{article_id}\x1f{key}\x1f{occurrence}".encode())
    return f"{article_id}:{digest.hexdigest()[:12]}"


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


def extract_claims(article: Article) -> list[Claim]:
    """Every unit of the article in order: claims and the other kinds alike."""
    text = article.text
    blocks = split_blocks(text)
    block_kinds = classify_blocks(text, blocks, [_line_of(text, b.start, b.end) for b in blocks])
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    previous = ""
    previous_kind = Kind.BOILERPLATE
    for block, block_kind in zip(blocks, block_kinds, strict=True):
        kind = Kind(block_kind)
        for start, end in block.sentences:
            sentence = text[start:end]
            key = normalise_for_id(sentence)
            seen[key] = seen.get(key, 0) + 1
            unit_kind, attribution = kind, ""
            numbers: list[Quantity] = []
            dates: list[DateMention] = []
            credit = _credits_quote(text, block, previous) if kind is not Kind.COMMENT else ""
            if credit:
                unit_kind = Kind.BOILERPLATE
                if claims and not claims[-1].attribution:
                    claims[-1] = replace(claims[-1], attribution=credit)
            elif kind is Kind.CLAIM:
                # The id key's words double as a lexicon for cheap tests downstream.
                words = frozenset(key.split())
                attribution = find_attribution(sentence, words)
                continued_quote = sentence[:1] in _QUOTE_OPEN and previous[:1] in _QUOTE_OPEN
                if not attribution and continued_quote and previous_kind is Kind.CLAIM:
                    attribution = claims[-1].attribution  # the speaker goes on
                dates = find_dates(sentence, words)
                numbers = find_quantities(sentence, dates, words)
            claims.append(
                Claim(
                    id=_id_of_key(article.id, key, seen[key]),
                    article=article.id,
                    text=sentence,
                    start=start,
                    end=end,
                    kind=unit_kind,
                    index=len(claims),
                    numbers=tuple(numbers),
                    dates=tuple(dates),
                    attribution=attribution,
                )
            )
            previous, previous_kind = sentence, unit_kind
    return claims
