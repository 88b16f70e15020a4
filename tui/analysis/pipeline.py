"""The pipeline both the CLI and the app run: files -> articles -> claims -> matches.

`segment` stops after the claims (a `Segmentation`: what `crosscheck claims` shows);
`analyse` goes on to match them (an `Analysis`). Both run the one segmenting stage. Each
carries the lookups the app and the reports need (claims of an article; for an analysis,
matches of a claim and the cluster of a claim), built once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.analysis.segment_pool import Segmented, segment_articles
from tui.claims.units import Unit
from tui.config import MatchSettings
from tui.corpus.articles import Article, Corpus, load_corpus
from tui.corpus.outlets import distinct_outlets
from tui.matching.matcher import Cluster, Match, MatchResult, match_claims
from tui.matching.scope import scope_of
from tui.support.gc_pause import gc_paused

if TYPE_CHECKING:
    from tui.analysis.cache import MatchCache

JSON_VERSION = 1
Say = Callable[[str], None]


@dataclass(frozen=True)
class Segmentation:
    """A corpus cut into units, not matched: what `crosscheck claims` shows."""

    corpus: Corpus
    claims: tuple[Unit, ...]  # every unit, by article id then position
    _article: dict[str, Article] = field(init=False, repr=False, compare=False)
    _claim: dict[str, Unit] = field(init=False, repr=False, compare=False)
    _by_article: dict[str, tuple[Unit, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "_article", {a.id: a for a in self.corpus.articles})
        set_(self, "_claim", {c.id: c for c in self.claims})
        by_article: dict[str, list[Unit]] = {a.id: [] for a in self.corpus.articles}
        for c in self.claims:
            by_article[c.article].append(c)
        set_(self, "_by_article", {k: tuple(v) for k, v in by_article.items()})

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.corpus.articles

    def article(self, article_id: str) -> Article:
        return self._article[article_id]

    def claim(self, claim_id: str) -> Unit:
        return self._claim[claim_id]

    def has_claim(self, claim_id: str) -> bool:
        return claim_id in self._claim

    def claims_of(self, article_id: str) -> tuple[Unit, ...]:
        return self._by_article.get(article_id, ())


@dataclass(frozen=True)
class Analysis(Segmentation):
    """A segmented corpus with its matches and clusters: what `match` and the app show."""

    matches: tuple[Match, ...]
    clusters: tuple[Cluster, ...]
    _matches_of: dict[str, tuple[Match, ...]] = field(init=False, repr=False, compare=False)
    _cluster_of: dict[str, Cluster] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        super().__post_init__()
        set_ = object.__setattr__
        matches_of: dict[str, list[Match]] = {}
        for m in self.matches:
            matches_of.setdefault(m.a, []).append(m)
            matches_of.setdefault(m.b, []).append(m)
        set_(
            self,
            "_matches_of",
            {k: tuple(sorted(v, key=lambda m: -m.score)) for k, v in matches_of.items()},
        )
        set_(self, "_cluster_of", {cid: cl for cl in self.clusters for cid in cl.claims})

    def matches_of(self, claim_id: str) -> tuple[Match, ...]:
        """Matches involving the claim, best score first."""
        return self._matches_of.get(claim_id, ())

    def cluster_of(self, claim_id: str) -> Cluster | None:
        return self._cluster_of.get(claim_id)

    @staticmethod
    def other(match: Match, claim_id: str) -> str:
        return match.b if match.a == claim_id else match.a


def _joined(parts: list[Segmented]) -> tuple[tuple[Unit, ...], dict[str, frozenset[str]]]:
    """All units in article order, and the match tokens that were computed with them."""
    tokens: dict[str, frozenset[str]] = {}
    for part in parts:
        if part.tokens:
            tokens.update(part.tokens)
    return tuple(unit for part in parts for unit in part.units), tokens


# Above this much text, the stages announce themselves so a long run shows progress.
ANNOUNCE_CHARS = 2_000_000


def _announcer(corpus: Corpus, say: Say | None) -> Say | None:
    size = sum(len(a.text) for a in corpus.articles)
    return say if say is not None and size >= ANNOUNCE_CHARS else None


def _segment(
    corpus: Corpus, announce: Say | None, cache: MatchCache | None
) -> tuple[tuple[Unit, ...], dict[str, frozenset[str]]]:
    """The segmenting stage, shared by `segment_corpus` and `analyse_corpus`: every unit in
    article order, and the match tokens of the claims computed with them (on every core
    for a large corpus), which matching would otherwise compute again."""
    if announce:
        size = sum(len(a.text) for a in corpus.articles)
        announce(f"segmenting {len(corpus.articles)} articles ({size / 1e6:.1f} M characters)")
    return _joined(segment_articles(corpus.articles) if cache is None else cache.segment(corpus))


def segment_corpus(
    corpus: Corpus, say: Say | None = None, *, cache: MatchCache | None = None
) -> Segmentation:
    """Segment only: no claim is matched. With a `cache`, unchanged articles are not
    segmented again, and the articles that were are stored before this returns."""
    with gc_paused():
        claims, _ = _segment(corpus, _announcer(corpus, say), cache)
        if cache is not None:
            cache.flush()
        return Segmentation(corpus, claims)


def segment(
    paths: Sequence[Path | str], say: Say | None = None, *, cache: MatchCache | None = None
) -> Segmentation:
    """Load and segment. Raises CorpusError when nothing could be loaded."""
    return segment_corpus(load_corpus(paths, say), say, cache=cache)


def analyse_corpus(
    corpus: Corpus,
    settings: MatchSettings,
    say: Say | None = None,
    *,
    cache: MatchCache | None = None,
) -> Analysis:
    """Segment and match. With a `cache` (`MatchCache.for_config`), unchanged articles are
    not segmented again and cached matches are reused; the result is the same."""
    with gc_paused():
        return _analyse_corpus(corpus, settings, say, cache)


def _analyse_corpus(
    corpus: Corpus, settings: MatchSettings, say: Say | None, cache: MatchCache | None
) -> Analysis:
    announce = _announcer(corpus, say)
    claims, tokens = _segment(corpus, announce, cache)
    if announce:
        count = sum(1 for c in claims if c.is_claim)
        announce(f"matching {count} claims")
    scope = scope_of(claims, corpus.articles)  # the articles' dates and the story's
    result: MatchResult = (
        match_claims(claims, settings, token_sets=tokens, scope=scope)
        if cache is None
        else cache.match(corpus, claims, settings, token_sets=tokens, scope=scope)
    )
    return Analysis(corpus, claims, result.matches, result.clusters)


def analyse(
    paths: Sequence[Path | str],
    settings: MatchSettings,
    say: Say | None = None,
    *,
    cache: MatchCache | None = None,
) -> Analysis:
    """Load, segment and match. Raises CorpusError when nothing could be loaded."""
    return analyse_corpus(load_corpus(paths, say), settings, say, cache=cache)


def _article_json(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "path": str(a.path),
        "title": a.title,
        "sha256": a.sha256,
        "outlet": a.outlet,
        "url": a.url,
        "fetched_at": a.fetched_at,
        "published": a.published,
    }


def _claim_json(c: Unit) -> dict[str, Any]:
    return {
        "id": c.id,
        "article": c.article,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "kind": str(c.kind),
        "numbers": [{"value": q.value, "unit": q.unit, "text": q.text} for q in c.numbers],
        "dates": [
            {"text": d.text, "year": d.year, "month": d.month, "day": d.day} for d in c.dates
        ],
        "attribution": c.attribution,
    }


def _cluster_outlets(analysis: Analysis, cluster: Cluster) -> list[str]:
    """Distinct known outlets carrying the cluster, sorted; unknown outlets are not named."""
    carrying = {analysis.claim(cid).article for cid in cluster.claims if analysis.has_claim(cid)}
    return list(distinct_outlets(analysis.article(a) for a in carrying))


def claims_document(segmentation: Segmentation) -> dict[str, Any]:
    """The `claims` JSON document (version 1): `version`, `articles`, `claims`, ordered
    deterministically. Each article has `outlet`, `url`, `fetched_at` and `published`
    (null when unknown; `fetched_at` only for pages `crosscheck add` fetched). The schema
    is in the README ("JSON output")."""
    with gc_paused():
        return _claims_document(segmentation)


def _claims_document(segmentation: Segmentation) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "articles": [_article_json(a) for a in segmentation.articles],
        "claims": [_claim_json(c) for c in segmentation.claims],
    }


def to_json_document(analysis: Analysis) -> dict[str, Any]:
    """The `match` JSON document (version 1): the `claims` document, then `matches` (tier
    `match` or `suggestion`) and `clusters`; each cluster has `outlets`, the distinct known
    outlets carrying it. `crosscheck match` prints it with each claim's suggested verdict
    added by the review layer (`tui.review.match_json`)."""
    with gc_paused():
        doc = _claims_document(analysis)
        doc["matches"] = [
            {
                "a": m.a,
                "b": m.b,
                "score": m.score,
                "tier": str(m.tier),
                "conflicts": [
                    {"kind": k.kind, "subject": k.subject, "a": k.a, "b": k.b} for k in m.conflicts
                ],
            }
            for m in analysis.matches
        ]
        doc["clusters"] = [
            {"id": cl.id, "claims": list(cl.claims), "outlets": _cluster_outlets(analysis, cl)}
            for cl in analysis.clusters
        ]
        return doc
