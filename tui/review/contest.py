"""How contested a claim is, counted as its suggested verdict counts (`tui.review.suggestions`):
the count line the inspector shows ("3 matches in 2 outlets, 5 suggestions") and the
"most contested first" order of the `contested` filter.

- `tally`: the claim's matches in independent sources (what corroborates: articles of its
  own outlet and wire copies of its article do not count, several articles of one other
  source count once, an unknown outlet is a source of its own), then the matches of its own
  source apart, then its suggested counterparts and the pairs the reviewer rejected.
- `contest`: whether the claim is disputed by a match (figures or dates disagree, or the
  reviewer linked a claim as contradicting it) and how many independent sources match it.
  A claim is contested when it is disputed or matched by two or more other sources; the
  contested order puts the disputed first, then the others, each by the sources matching
  them (more first), then in reading order.

Plain data and pure functions; the app and the command line word them the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.corpus.outlets import UNKNOWN
from tui.review.links import LinkedAnalysis
from tui.review.sources import outlets_phrase
from tui.review.suggestions import read
from tui.verdicts.model import Relation

if TYPE_CHECKING:
    from tui.analysis.pipeline import Analysis
    from tui.review.sources import Sources

SEVERAL = 2  # matched by this many other sources: contested even without a conflict


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"


@dataclass(frozen=True, slots=True)
class MatchTally:
    """What the inspector's count line says of a claim's pairs."""

    matches: int  # tier `match`, with claims of other independent sources (corroborating)
    sources: int  # the independent sources those come from
    unknown: int  # of those, the sources whose outlet is unknown
    own: int  # tier `match`, with claims of its own source (same outlet, wire copy, article)
    own_wire: bool  # some of those are wire copies of its article
    suggestions: int  # tier `suggestion`: counterparts to look at
    rejected: int = 0  # pairs the reviewer said are not the same fact

    def where(self) -> str:
        """The sources, as the suggestion names them: "2 outlets", "2 sources (1 of unknown
        outlet)", "1 source of unknown outlet"."""
        if not self.unknown:
            return outlets_phrase(self.sources)
        if self.sources == 1:
            return "1 source of unknown outlet"
        some = "all" if self.unknown == self.sources else str(self.unknown)
        return f"{self.sources} sources ({some} of unknown outlet)"

    def phrase(self) -> str:
        """ "3 matches in 2 outlets, 5 suggestions"; "no match, 1 suggestion"; "1 match in 1
        outlet, 2 more from wire copies"; "1 match from the same outlet only"."""
        parts = []
        if self.matches:
            parts.append(f"{plural(self.matches, 'match', 'matches')} in {self.where()}")
        if self.own:
            whose = "wire copies" if self.own_wire else "the same outlet"
            if self.matches:
                parts.append(f"{self.own} more from {whose}")
            else:
                parts.append(f"{plural(self.own, 'match', 'matches')} from {whose} only")
        if not parts:
            parts.append("no match")
        if self.suggestions:
            parts.append(plural(self.suggestions, "suggestion"))
        if self.rejected:
            parts.append(f"{self.rejected} rejected")
        return ", ".join(parts)


def tally(analysis: Analysis, claim_id: str, sources: Sources) -> MatchTally:
    """Count the claim's pairs as its suggestion does (see the module docstring)."""
    r = read(analysis, claim_id, sources)
    unknown: set[str] = set()
    by_source: dict[str, list[str]] = {}
    for a in r.matched_articles:
        by_source.setdefault(sources.source_of(a), []).append(a)
    for key, group in by_source.items():
        if all(sources.outlet[a] == UNKNOWN for a in group):
            unknown.add(key)
    wire = sources.wire_group_of(r.article)
    rejected = 0
    if isinstance(analysis, LinkedAnalysis):
        rejected = sum(1 for _, said in analysis.linked(claim_id) if said is Relation.DIFFERENT)
    return MatchTally(
        matches=len(r.matching),
        sources=len(r.matched_sources),
        unknown=len(unknown),
        own=len(r.own_matches) + r.same_article,
        own_wire=wire is not None and any(a in wire.articles for a in r.same_source),
        suggestions=len(r.counterparts),
        rejected=rejected,
    )


@dataclass(frozen=True, slots=True, order=True)
class Contest:
    """How contested a claim is; ordered most contested first (then reading position)."""

    calm: bool  # False: a match disputes it (conflicting figures or dates, or a link)
    fewer: int  # minus the independent sources that match it
    position: int  # its place in reading order

    @property
    def disputed(self) -> bool:
        return not self.calm

    @property
    def sources(self) -> int:
        return -self.fewer

    @property
    def contested(self) -> bool:
        return self.disputed or self.sources >= SEVERAL


def contest(analysis: Analysis, claim_id: str, sources: Sources, position: int) -> Contest:
    r = read(analysis, claim_id, sources)
    disputed = bool(r.contradicting or r.conflicting)
    return Contest(not disputed, -len(r.matched_sources), position)


def contested_order(
    analysis: Analysis, sources: Sources, positions: Mapping[str, int], ids: Iterable[str]
) -> tuple[tuple[str, ...], dict[str, Contest]]:
    """The contested claims among `ids`, most contested first, and every claim's `Contest`
    (to find where a claim outside the order would stand)."""
    found = {cid: contest(analysis, cid, sources, positions[cid]) for cid in ids}
    order = sorted((c for c in found if found[c].contested), key=found.__getitem__)
    return tuple(order), found
