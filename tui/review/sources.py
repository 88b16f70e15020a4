"""Outlets and independent sources: what counts as corroboration.

Corroboration counts independent sources, not articles:

- Two articles from one outlet are one source. Outlet names are compared without regard to
  case or spacing ("Reuters" and " reuters" are one outlet).
- An article whose outlet is unknown is a source of its own (it cannot be shown to share a
  source with anything), so unknown outlets count as distinct.
- Wire copies are one source: two articles are wire copies when at least `wire_share` of
  the smaller article's claims match a claim of the other at `wire_score` or more
  (`MatchSettings`). Wire copying is transitive (A copies B, B copies C: one group).

The sources of a set of articles are the connected groups of "same outlet" and "wire copy"
links among them. Build a `Sources` once per analysis (`sources_of`) and ask it; the
suggestion engine and the reports use `independent_sources` and `outlets_phrase` so they can
say "3 outlets" rather than "3 articles".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from tui.claims.units import Unit
from tui.config import MatchSettings
from tui.corpus.articles import Article
from tui.corpus.outlets import UNKNOWN, distinct_outlets, outlet_key, outlet_of
from tui.matching.matcher import Match

if TYPE_CHECKING:
    from tui.analysis.pipeline import Analysis


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


@dataclass(frozen=True, slots=True)
class WireGroup:
    """Articles that are near-copies of one story; sorted ids, two or more."""

    articles: tuple[str, ...]

    def explain(self) -> str:
        return f"{_join(self.articles)} are wire copies of one story"


def _wire_share(
    a: str, b: str, counts: Mapping[str, int], matched: Mapping[tuple[str, str], int]
) -> float:
    """Share of the smaller article's claims that match the other at the wire score."""
    share_a = matched.get((a, b), 0) / counts[a]
    share_b = matched.get((b, a), 0) / counts[b]
    if counts[a] == counts[b]:
        return min(share_a, share_b)
    return share_a if counts[a] < counts[b] else share_b


def wire_groups(
    claims: Sequence[Unit], matches: Iterable[Match], settings: MatchSettings
) -> tuple[WireGroup, ...]:
    """Groups of articles that are wire copies of one another (see the module docstring)."""
    article_of = {c.id: c.article for c in claims if c.is_claim}
    counts: dict[str, int] = {}
    for article in article_of.values():
        counts[article] = counts.get(article, 0) + 1
    # For each ordered pair (x, y): the claims of x with a match in y at the wire score.
    hits: dict[tuple[str, str], set[str]] = {}
    for m in matches:
        if m.score < settings.wire_score:
            continue
        x, y = article_of.get(m.a), article_of.get(m.b)
        if x is None or y is None or x == y:
            continue
        hits.setdefault((x, y), set()).add(m.a)
        hits.setdefault((y, x), set()).add(m.b)
    matched = {pair: len(ids) for pair, ids in hits.items()}
    union = _UnionFind()
    for x, y in matched:
        if x < y and _wire_share(x, y, counts, matched) >= settings.wire_share:
            union.join(x, y)
    return tuple(WireGroup(group) for group in union.groups())


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, x: str, y: str) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)

    def groups(self) -> list[tuple[str, ...]]:
        members: dict[str, list[str]] = {}
        for x in self.parent:
            members.setdefault(self.find(x), []).append(x)
        return sorted(tuple(sorted(m)) for m in members.values() if len(m) > 1)


@dataclass(frozen=True, slots=True)
class Sources:
    """Who said what: each article's outlet and independent source, and the wire groups."""

    article: Mapping[str, Article]  # article id -> article
    outlet: Mapping[str, str]  # article id -> outlet name as shown ("unknown" if unknown)
    source: Mapping[str, str]  # article id -> id of its independent source (an article id)
    claim_article: Mapping[str, str]  # claim id -> article id
    wire: tuple[WireGroup, ...]

    def source_of(self, article_id: str) -> str:
        """Key of the article's independent source: equal for articles that are one source
        (same outlet, or wire copies); a drop-in for a per-article "source key"."""
        return self.source.get(article_id, article_id)

    def articles_of(self, claim_ids: Iterable[str]) -> set[str]:
        return {self.claim_article[c] for c in claim_ids if c in self.claim_article}

    def outlets(self, claim_ids: Iterable[str]) -> tuple[str, ...]:
        """Distinct outlet names carrying the claims (known outlets only), sorted."""
        return distinct_outlets(self.article[a] for a in self.articles_of(claim_ids))

    def phrase(self, articles: Iterable[str]) -> str:
        """The independent sources of `articles`, counted in words: "3 outlets" when every
        outlet is known, else "3 sources, 2 (or all) of unknown outlet": an unknown outlet
        is a source of its own, but the reviewer should know it is not a named outlet."""
        by_source: dict[str, set[str]] = {}
        for a in articles:
            by_source.setdefault(self.source_of(a), set()).add(a)
        unknown = sum(
            1 for group in by_source.values() if all(self.outlet[a] == UNKNOWN for a in group)
        )
        if not unknown:
            return outlets_phrase(len(by_source))
        n = len(by_source)
        if n == 1:
            return "1 source of unknown outlet"
        return f"{n} sources, {'all' if unknown == n else unknown} of unknown outlet"

    def wire_group_of(self, article_id: str) -> WireGroup | None:
        for group in self.wire:
            if article_id in group.articles:
                return group
        return None

    def wire_notes(self) -> tuple[str, ...]:
        """One sentence per wire group, for the app and the reports."""
        return tuple(group.explain() for group in self.wire)


def build_sources(
    articles: Sequence[Article],
    claims: Sequence[Unit],
    matches: Iterable[Match],
    settings: MatchSettings,
) -> Sources:
    wire = wire_groups(claims, matches, settings)
    union = _UnionFind()
    first_of_outlet: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.id):
        union.find(article.id)
        key = outlet_key(article)
        if key in first_of_outlet:
            union.join(first_of_outlet[key], article.id)
        else:
            first_of_outlet[key] = article.id
    for group in wire:
        for other in group.articles[1:]:
            union.join(group.articles[0], other)
    return Sources(
        article=MappingProxyType({a.id: a for a in articles}),
        outlet=MappingProxyType({a.id: outlet_of(a) for a in articles}),
        source=MappingProxyType({a.id: union.find(a.id) for a in articles}),
        claim_article=MappingProxyType({c.id: c.article for c in claims}),
        wire=wire,
    )


def sources_of(analysis: Analysis, settings: MatchSettings) -> Sources:
    """`build_sources` over an analysis (build once; it scans every match)."""
    return build_sources(analysis.articles, analysis.claims, analysis.matches, settings)


def independent_sources(claim_ids: Iterable[str], sources: Sources) -> int:
    """How many independent sources carry these claims (see the module docstring)."""
    return len({sources.source[a] for a in sources.articles_of(claim_ids)})


def outlets_phrase(count: int) -> str:
    """How reports and suggestions state a count of sources: "1 outlet", "3 outlets"."""
    return f"{count} outlet" if count == 1 else f"{count} outlets"
