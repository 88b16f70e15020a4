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

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.matching.matcher import Conflict, Match, Tier
from tui.review.links import relation
from tui.review.session_view import other_end
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


def suggest(analysis: Analysis, claim_id: str, sources: Sources) -> Suggestion:
    claim = analysis.claim(claim_id)
    own = sources.source_of(claim.article)
    conflicting: set[str] = set()
    conflicting_articles: set[str] = set()
    conflict_kinds: set[str] = set()
    matched_articles: set[str] = set()
    matched_sources: set[str] = set()
    same_source: set[str] = set()  # articles of the claim's own source that match it
    # Each list holds (match, the other claim's id).
    disputing: list[tuple[Match, str]] = []
    matching: list[tuple[Match, str]] = []
    own_matches: list[tuple[Match, str]] = []
    counterparts: list[tuple[Match, str]] = []
    contradicting: list[tuple[Match, str]] = []  # the reviewer linked them as contradicting
    for m in analysis.matches_of(claim_id):
        other = other_end(m, claim_id)
        other_article = analysis.claim(other).article
        said = relation(analysis, claim_id, other)
        if said is Relation.CONTRADICTS:
            contradicting.append((m, other))
        if other_article == claim.article:
            continue
        key = sources.source_of(other_article)
        if m.conflicts and said is not Relation.SAME:
            conflicting.add(key)
            conflicting_articles.add(other_article)
            conflict_kinds.update(k.kind for k in m.conflicts)
            disputing.append((m, other))
        if m.tier != Tier.MATCH:
            counterparts.append((m, other))
        elif key == own:
            same_source.add(other_article)
            own_matches.append((m, other))
        else:
            matched_articles.add(other_article)
            matched_sources.add(key)
            matching.append((m, other))
    if contradicting:
        articles = {analysis.claim(other).article for _, other in contradicting}
        return Suggestion(
            Status.DISPUTED,
            f"contradicted by {sources.phrase(articles)} (reviewer's link)",
            _evidence(contradicting),
        )
    if conflicting:
        what = {"number": "figures", "date": "dates"}
        subject = " and ".join(what.get(k, k) for k in sorted(conflict_kinds)) or "figures"
        return Suggestion(
            Status.DISPUTED,
            f"{subject} disagree with {sources.phrase(conflicting_articles)}",
            _evidence(disputing),
        )
    if matched_sources:
        reason = f"matched in {sources.phrase(matched_articles)}"
        if len(matched_sources) < len(matched_articles):
            reason += f" ({_plural(len(matched_articles), 'article')})"
        return Suggestion(Status.CORROBORATED, reason, _evidence(matching))
    no_match = "no match"
    if same_source:
        wire = sources.wire_group_of(claim.article)
        copies = wire is not None and any(a in wire.articles for a in same_source)
        no_match = "matched only by wire copies" if copies else "matched only by the same outlet"
    if claim.attribution.strip():
        return Suggestion(
            None,
            f"{no_match}; attributed to {claim.attribution.strip()}: check that source",
            _evidence(own_matches),
        )
    reason = f"{no_match} and no named source"
    if counterparts:
        reason += f" ({_plural(len(counterparts), 'suggested counterpart')} to look at)"
    return Suggestion(Status.UNSOURCED, reason, _evidence(own_matches + counterparts))
