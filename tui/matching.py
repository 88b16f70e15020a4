"""Matching claims across articles: normalisation, scoring, tiers, clusters, conflicts.

(Interim implementation: brute-force cdist. Replaced by the full matcher under issue 2.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz, process

from tui.claims import Claim
from tui.config import MatchSettings


class Tier(StrEnum):
    MATCH = "match"
    RELATED = "related"


@dataclass(frozen=True, slots=True)
class Conflict:
    """Figures or dates about the same thing that disagree between two claims."""

    kind: str  # "number" or "date"
    subject: str  # what is counted ("troops"), or "" for dates
    a: str  # surface text in claim a
    b: str  # surface text in claim b


@dataclass(frozen=True, slots=True)
class Match:
    a: str  # claim ids, a < b
    b: str
    score: float
    tier: Tier
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    claims: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MatchResult:
    matches: tuple[Match, ...]
    clusters: tuple[Cluster, ...]


def similarity(a: str, b: str) -> float:
    return round(float(fuzz.token_set_ratio(a.lower(), b.lower())), 1)


def match_claims(claims: Sequence[Claim], settings: MatchSettings) -> MatchResult:
    units = [c for c in claims if c.is_claim]
    texts = [c.text.lower() for c in units]
    if not units:
        return MatchResult((), ())
    scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=-1)
    matches = []
    for i, ci in enumerate(units):
        for j in range(i + 1, len(units)):
            cj = units[j]
            if ci.article == cj.article:
                continue
            s = float(scores[i, j])
            if s >= settings.related_threshold:
                tier = Tier.MATCH if s >= settings.match_threshold else Tier.RELATED
                a, b = sorted((ci.id, cj.id))
                matches.append(Match(a, b, round(s, 1), tier))
    matches.sort(key=lambda m: (m.a, m.b))
    return MatchResult(tuple(matches), ())
