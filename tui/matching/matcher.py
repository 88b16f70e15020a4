"""Matching claims across articles: scoring, tiers, clusters and conflicts.

The pipeline: each claim becomes a set of match tokens (`tui.matching.scoring.match_tokens`); the
pairs that reach the suggestion floor are found exactly (all pairs of a small corpus, the
prefix-filter index of `tui.matching.blocking` for a large one) and scored with rapidfuzz; a pair
at its match threshold is a `match`, and among the others, each claim's one counterpart per
other article that stands out (`tui.matching.counterparts`) is a `suggestion`; matches are
grouped into clusters (`tui.matching.clusters`); every match lists the figures and dates it
disagrees on (`tui.matching.conflicts`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from tui.claims.units import Unit
from tui.config import MatchSettings
from tui.matching.clusters import build_clusters, cluster_id
from tui.matching.conflicts import Conflict, scoped_conflicts
from tui.matching.copies import Copies, cluster_members, find_copies
from tui.matching.counterparts import suggested
from tui.matching.figure_evidence import FigureEvidence
from tui.matching.scope import StoryScope, story_scope
from tui.matching.scoring import (
    Encoded,
    encode,
    match_tokens,
    score_matrix,
    score_pairs,
    similarity,
)
from tui.matching.worddiff import word_diff

__all__ = [
    "Cluster",
    "Conflict",
    "Match",
    "MatchResult",
    "Tier",
    "match_claims",
    "similarity",
    "word_diff",
]

# Up to this many claims every pair is scored (one cdist matrix); above it the index
# decides which pairs are scored. Both give the same matches.
BRUTE_FORCE_MAX = 1500
# Figure-pass pairs scored at a time (memory stays flat on a figure-dense corpus).
FIGURE_CHUNK = 200_000


class Tier(StrEnum):
    MATCH = "match"  # the same fact
    SUGGESTION = "suggestion"  # a claim's likeliest counterpart in another article, to look at


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


def thresholds(settings: MatchSettings, short: bool) -> tuple[float, float]:
    """(match threshold, suggestion floor) for a pair; `short` when either claim has few
    words. A short claim shares most of its few words with many sentences by chance, so
    both move up. The floor is the lowest score any pair is kept at (never above the match
    threshold): blocking finds every pair at or above it."""
    if not short:
        match, floor = settings.match_threshold, settings.suggestion_floor
    else:
        step = max(0.0, settings.short_match_threshold - settings.match_threshold)
        match, floor = settings.match_threshold + step, settings.short_suggestion_floor
    return match, min(floor, match)


def _pairs(
    enc: Encoded, articles: np.ndarray, least: np.ndarray, fresh: np.ndarray | None = None
) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(left, right, score) chunks of cross-article pairs that may reach a tier.

    With `fresh` (a boolean mask over the claims), only the pairs with at least one fresh
    claim are found and scored: the others are known from an earlier run."""
    n = len(enc.strings)
    if n <= BRUTE_FORCE_MAX:
        if n < 2:
            return
        left, right = np.triu_indices(n, 1)
        keep = articles[left] != articles[right]
        if fresh is None:
            left, right = left[keep], right[keep]
            yield left, right, score_matrix(enc)[left, right]
            return
        keep &= fresh[left] | fresh[right]
        left, right = left[keep], right[keep]
        if len(left):
            yield left, right, score_pairs(enc, left, right)
        return
    from tui.matching.blocking import candidate_pairs

    for left, right in candidate_pairs(enc, articles, least / 100.0, fresh):
        if len(left):
            yield left, right, score_pairs(enc, left, right)


def _figure_pass(
    enc: Encoded,
    evidence: FigureEvidence,
    articles: np.ndarray,
    fresh: np.ndarray | None,
    tiered: Callable[..., tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]],
) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """The pairs below the suggestion floor that a shared figure can lift (blocking at the
    floor never sees them): enumerated from the figures themselves, scored, kept if the
    bonus lifts them. Pairs at or above the floor are left to the blocking pass."""
    left, right = evidence.candidate_pairs(articles, fresh)
    for lo in range(0, len(left), FIGURE_CHUNK):
        lt, rt = left[lo : lo + FIGURE_CHUNK], right[lo : lo + FIGURE_CHUNK]
        yield tiered(lt, rt, score_pairs(enc, lt, rt), "below")


def _scored(
    units: Sequence[Unit],
    settings: MatchSettings,
    fresh: np.ndarray | None,
    token_sets: Mapping[str, frozenset[str]],
    scope: StoryScope,
) -> list[Match]:
    """The matches among `units` (claims only), or only those with a `fresh` claim."""
    unit_tokens = [_tokens(c, token_sets) for c in units]
    enc = encode(unit_tokens)
    short = enc.sizes < settings.short_claim_words
    articles = np.unique(np.asarray([c.article for c in units], dtype=object), return_inverse=True)[
        1
    ]
    match_short, floor_short = thresholds(settings, True)
    match_long, floor_long = thresholds(settings, False)
    least = np.where(short, floor_short, floor_long)
    evidence = FigureEvidence(units, unit_tokens, scope)

    def tiered(
        left: np.ndarray, right: np.ndarray, scores: np.ndarray, part: str = "all"
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        # The tiers `thresholds` sets, for a whole chunk at once, with the figure bonus. On a
        # large corpus the blocking pass owns the pairs at or above the suggestion floor
        # (part "above") and the figure pass those below it (part "below"), so no pair is
        # found twice; a small corpus scores every pair in one pass ("all").
        is_short = short[left] | short[right]
        floor = np.where(is_short, floor_short, floor_long)
        match_at = np.where(is_short, match_short, match_long)
        if part != "all":
            side = np.round(scores, 1) >= floor
            side = side if part == "above" else ~side
            left, right, scores = left[side], right[side], scores[side]
            floor, match_at = floor[side], match_at[side]
        rounded = np.round(evidence.add_bonus(left, right, scores, floor, match_at), 1)
        keep = rounded >= floor
        return left[keep], right[keep], rounded[keep], rounded[keep] >= match_at[keep]

    blocked = len(units) > BRUTE_FORCE_MAX
    part = "above" if blocked else "all"
    chunks: Iterator[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = (
        tiered(lt, rt, sc, part) for lt, rt, sc in _pairs(enc, articles, least, fresh)
    )
    if blocked:
        chunks = itertools.chain(chunks, _figure_pass(enc, evidence, articles, fresh, tiered))
    found = list(chunks)

    def joined(k: int, dtype: type) -> np.ndarray:
        return np.concatenate([c[k] for c in found]).astype(dtype) if found else np.zeros(0, dtype)

    left, right = joined(0, np.int64), joined(1, np.int64)
    rounded, is_match = joined(2, np.float64), joined(3, bool)
    sizes = np.bincount(articles)
    rank = np.argsort(np.argsort(np.asarray([c.id for c in units], dtype=object), kind="stable"))
    offered = suggested(
        left, right, rounded, is_match, articles, sizes, rank, settings.suggestion_margin
    )
    matches: list[Match] = []
    keep = np.flatnonzero(is_match | offered)
    for i, j, s, is_m in zip(
        left[keep].tolist(),
        right[keep].tolist(),
        rounded[keep].tolist(),
        is_match[keep].tolist(),
        strict=True,
    ):
        ci, cj = units[i], units[j]
        if cj.id < ci.id:
            ci, cj = cj, ci
        if is_m:
            matches.append(Match(ci.id, cj.id, s, Tier.MATCH, scoped_conflicts(ci, cj, scope)))
        else:
            matches.append(Match(ci.id, cj.id, s, Tier.SUGGESTION))
    return matches


def _tokens(claim: Unit, token_sets: Mapping[str, frozenset[str]]) -> frozenset[str]:
    found = token_sets.get(claim.id)
    return match_tokens(claim.text) if found is None else found


def match_claims(
    claims: Sequence[Unit],
    settings: MatchSettings,
    *,
    fresh: Collection[str] | None = None,
    known: Iterable[Match] = (),
    token_sets: Mapping[str, frozenset[str]] | None = None,
    scope: StoryScope | None = None,
) -> MatchResult:
    """Matches and clusters of the claims (units of other kinds are skipped).

    Incremental use: with `fresh` (claim ids), every claim of an article with a fresh claim
    counts as fresh; only the pairs with a fresh claim are scored, and `known` supplies the
    matches and suggestions among the other claims, from an earlier run with the same
    settings (a pair's score depends on its two claims alone, and whether it is suggested
    on the scores between its two articles). Known pairs that involve a fresh claim are
    dropped; without `fresh`, `known` is ignored. Given the right `known`, the result
    equals a full run's.

    `token_sets` may hold claims' `match_tokens`, computed earlier (`tui.analysis.segment_pool`);
    the others are computed here.

    `scope` (`tui.matching.scope.story_scope`, built with the articles' publication dates)
    keeps pairs about different events from earning the figure bonus or listing conflicts;
    without it, one is built from the claims alone."""
    units = [c for c in claims if c.is_claim]
    copies = find_copies(units)
    if copies is not None:  # a sentence copied into many articles: matched once (copies.py)
        units, fresh = copies.kept(units), None
    mask = None
    matches: list[Match] = []
    article_of = {c.id: c.article for c in units}
    if fresh is not None:
        new = fresh if isinstance(fresh, set | frozenset) else set(fresh)
        changed = {c.article for c in units if c.id in new}
        mask = np.fromiter((c.article in changed for c in units), dtype=bool, count=len(units))
        matches = [
            m
            for m in known
            if not ({m.a, m.b} & new or {article_of.get(m.a), article_of.get(m.b)} & changed)
        ]
    if mask is None or mask.any():
        scope = scope or story_scope(units)
        matches.extend(_scored(units, settings, mask, token_sets or {}, scope))
    matches.sort(key=lambda m: (m.a, m.b))
    clusters = build_clusters(
        [(m.a, m.b, m.score) for m in matches if m.tier is Tier.MATCH],
        article_of,
        settings.cluster_min_share,
    )
    if copies is not None:
        matches, clusters = _give_back_copies(copies, matches, clusters)
    return MatchResult(tuple(matches), tuple(Cluster(cid, members) for cid, members in clusters))


def _give_back_copies(
    copies: Copies, matches: list[Match], clusters: Sequence[tuple[str, tuple[str, ...]]]
) -> tuple[list[Match], list[tuple[str, tuple[str, ...]]]]:
    """The result over the copies' stand-ins, given back to every copy: each copy matched
    to its stand-in as the two stand-ins matched each other, clusters with every copy."""
    stand_in = copies.of_stand_in()
    own: dict[str, Match] = {}  # the match between a group's two stand-ins, by its first
    for m in matches:
        group = stand_in.get(m.a)
        if group is not None and group is stand_in.get(m.b):
            own[group.first.id] = m
    out = list(matches)
    for group in copies.groups:
        pair = own.get(group.first.id)
        if pair is None:  # all in one article, or copies that do not match each other
            continue
        for c in group.members:
            partner = group.partner(c)
            if partner is None or c is group.first or c is group.second:
                continue
            a, b = sorted((partner.id, c.id))
            out.append(Match(a, b, pair.score, pair.tier, pair.conflicts))
    out.sort(key=lambda m: (m.a, m.b))
    grown = [cluster_members(members, stand_in) for _, members in clusters]
    return out, sorted(((cluster_id(m), m) for m in grown), key=lambda item: item[1])
