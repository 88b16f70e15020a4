"""Claims: sentence segmentation, unit kinds, offsets, quantities and attribution.

(Interim implementation: a plain regex splitter. Replaced by the full segmenter and
classifier under issue 2.)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from tui.articles import Article


class Kind(StrEnum):
    CLAIM = "claim"
    HEADING = "heading"
    BOILERPLATE = "boilerplate"
    COMMENT = "comment"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure a sentence states: its value, the word it counts, and where it stands."""

    value: float
    unit: str  # "troops", "square kilometers", "" when no counted word is found
    text: str  # the surface form, e.g. "50,000" or "30-day"
    start: int  # offsets relative to the claim text
    end: int


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar date a sentence states; parts it does not state are None."""

    text: str  # the surface form, e.g. "Nov. 7" or "August 6, 2024"
    year: int | None
    month: int | None
    day: int | None
    start: int  # offsets relative to the claim text
    end: int


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


def normalise_for_id(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", text))


def claim_id(article_id: str, text: str, occurrence: int) -> str:
    """Stable id: article id + normalised sentence text (+ occurrence for repeats)."""
    digest = hashlib.sha256(f"{article_id}\x1f{normalise_for_id(text)}\x1f{occurrence}".encode())
    return f"{article_id}:{digest.hexdigest()[:12]}"


_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+[\"'”’)]*|$)", re.MULTILINE)


def extract_claims(article: Article) -> list[Claim]:
    text = article.text
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        sentence = text[start:end]
        key = normalise_for_id(sentence)
        seen[key] = seen.get(key, 0) + 1
        claims.append(
            Claim(
                id=claim_id(article.id, sentence, seen[key]),
                article=article.id,
                text=sentence,
                start=start,
                end=end,
                kind=Kind.CLAIM,
                index=len(claims),
            )
        )
    return claims
