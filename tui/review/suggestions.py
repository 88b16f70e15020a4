"""A suggested verdict for a claim, with the reason in words and the evidence it rests on.
Never applied by itself: the app shows it and the reviewer accepts it with a key (or does
not); `crosscheck match --format json` prints it for every claim (`tui.review.match_json`),
so a suggestion can be audited outside the app.

The analysis is the reviewer's (`tui.review.links`): a pair they confirmed or marked as
contradicting is a match whatever its score, a pair they rejected is none.

Rules, first that applies wins:

0. The reviewer linked another claim as contradicting this one -> disputed ("contradicted
   by 1 outlet (reviewer's link)"), whatever else the claim matches. Evidence: those pairs.
1. Figures or dates disagree with another article's matching claim -> disputed
   ("figures disagree with 2 outlets"). A disagreement outranks any agreement: a reviewer
   must look before calling such a claim corroborated. Evidence: those matches, with their
   conflicts. A pair the reviewer confirmed as the same fact does not count here: they
   chose "same" over "contradicts", so its figures were judged to agree.
2. Matched (tier `match`) in at least one other independent source -> corroborated
   ("matched in 3 outlets"). Sources are counted as tui.review.sources counts them: articles of
   the claim's own source (its outlet, or a wire copy of its article) do not count, several
   articles of one other source count once, and an article whose outlet is unknown counts
   as a source of its own, named as such ("matched in 2 sources, 1 of unknown outlet").
   When fewer sources than articles carry the claim, the reason says so ("matched in 2
   outlets (3 articles)"). Evidence: the matches that count.
3. No independent match but the claim names its source (attribution) -> no suggestion.
   A named source is not corroboration, yet calling the claim "unsourced" would be false;
   the reviewer has to check that source, so the reason says so and `v` does nothing.
   Evidence: the matches of the claim's own source, if any.
4. Otherwise -> unsourced ("no match and no named source"). Suggested counterparts (tier
   `suggestion`) are too weak to corroborate; the reason counts them so the reviewer can
   look. Evidence: the matches of the claim's own source and those counterparts.

Evidence lists the other claim of each pair, in the analysis's order (best score first).

The `Sources` are built once per analysis (`tui.review.sources.sources_of`) and passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.matching.matcher import Conflict, Match, Tier
from tui.review.links import relation
from tui.verdicts.model import Relation, Status

if TYPE_CHECKING:
    from tui.analysis.pipeline import Analysis
    from tui.review.sources import Sources


@dataclass(frozen=True, slots=True)
class Evidence:
    """A pair a suggestion rests on, seen from the suggested claim."""

    claim: str  # the other claim's id
    tier: Tier
    score: float
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True, slots=True)
class Suggestion:
    status: Status | None  # None: no verdict suggested, only the reason
    reason: str
    evidence: tuple[Evidence, ...] = ()


def _evidence(pairs: list[tuple[Match, str]]) -> tuple[Evidence, ...]:
    return tuple(Evidence(other, m.tier, m.score, m.conflicts) for m, other in pairs)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass(slots=True)
class Reading:
    """A claim's pairs sorted as the rules read them; `tui.review.contest` counts the same
    pairs for the inspector's count line and the "contested" order."""

    article: str  # the claim's article
    own: str  # its independent source
    # Each list holds (match, the other claim's id).
    contradicting: list[tuple[Match, str]] = field(default_factory=list)  # reviewer's links
    disputing: list[tuple[Match, str]] = field(default_factory=list)  # figures disagree
    matching: list[tuple[Match, str]] = field(default_factory=list)  # independent sources
    own_matches: list[tuple[Match, str]] = field(default_factory=list)  # its own source
    counterparts: list[tuple[Match, str]] = field(default_factory=list)  # tier suggestion
    conflicting: set[str] = field(default_factory=set)  # sources that disagree
    conflicting_articles: set[str] = field(default_factory=set)
    conflict_kinds: set[str] = field(default_factory=set)
    matched_articles: set[str] = field(default_factory=set)
    matched_sources: set[str] = field(default_factory=set)
    same_source: set[str] = field(default_factory=set)  # articles of its own source matching
    same_article: int = 0  # matches within the claim's own article (a reviewer's links)


def read(analysis: Analysis, claim_id: str, sources: Sources) -> Reading:
    """The claim's matches and suggestions, sorted by what they say about it."""
    claim = analysis.claim(claim_id)
    r = Reading(claim.article, sources.source_of(claim.article))
    for m in analysis.matches_of(claim_id):
        other = m.b if m.a == claim_id else m.a
        other_article = analysis.claim(other).article
        said = relation(analysis, claim_id, other)
        if said is Relation.CONTRADICTS:
            r.contradicting.append((m, other))
        if other_article == claim.article:
            r.same_article += m.tier == Tier.MATCH
            continue
        key = sources.source_of(other_article)
        if m.conflicts and said is not Relation.SAME:
            r.conflicting.add(key)
            r.conflicting_articles.add(other_article)
            r.conflict_kinds.update(k.kind for k in m.conflicts)
            r.disputing.append((m, other))
        if m.tier != Tier.MATCH:
            r.counterparts.append((m, other))
        elif key == r.own:
            r.same_source.add(other_article)
            r.own_matches.append((m, other))
        else:
            r.matched_articles.add(other_article)
            r.matched_sources.add(key)
            r.matching.append((m, other))
    return r


def suggest(analysis: Analysis, claim_id: str, sources: Sources) -> Suggestion:
    claim = analysis.claim(claim_id)
    r = read(analysis, claim_id, sources)
    if r.contradicting:
        articles = {analysis.claim(other).article for _, other in r.contradicting}
        return Suggestion(
            Status.DISPUTED,
            f"contradicted by {sources.phrase(articles)} (reviewer's link)",
            _evidence(r.contradicting),
        )
    if r.conflicting:
        what = {"number": "figures", "date": "dates", "time": "times"}
        subject = " and ".join(what.get(k, k) for k in sorted(r.conflict_kinds)) or "figures"
        return Suggestion(
            Status.DISPUTED,
            f"{subject} disagree with {sources.phrase(r.conflicting_articles)}",
            _evidence(r.disputing),
        )
    if r.matched_sources:
        reason = f"matched in {sources.phrase(r.matched_articles)}"
        if len(r.matched_sources) < len(r.matched_articles):
            reason += f" ({_plural(len(r.matched_articles), 'article')})"
        return Suggestion(Status.CORROBORATED, reason, _evidence(r.matching))
    no_match = "no match"
    if r.same_source:
        wire = sources.wire_group_of(claim.article)
        copies = wire is not None and any(a in wire.articles for a in r.same_source)
        no_match = "matched only by wire copies" if copies else "matched only by the same outlet"
    if claim.attribution.strip():
        return Suggestion(
            None,
            f"{no_match}; attributed to {claim.attribution.strip()}: check that source",
            _evidence(r.own_matches),
        )
    reason = f"{no_match} and no named source"
    if r.counterparts:
        reason += f" ({_plural(len(r.counterparts), 'suggested counterpart')} to look at)"
    return Suggestion(Status.UNSOURCED, reason, _evidence(r.own_matches + r.counterparts))
