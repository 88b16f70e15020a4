"""Suggested verdicts: each rule, its reason, and how independent sources are counted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from tui.analysis.pipeline import Analysis
from tui.claims.units import Kind, Unit
from tui.config import MatchSettings
from tui.corpus.articles import Article, Corpus
from tui.matching.matcher import Conflict, Match, Tier
from tui.review.sources import sources_of
from tui.review.suggestions import Evidence, Suggestion
from tui.review.suggestions import suggest as suggest_with
from tui.verdicts.model import Status


def suggest(analysis: Analysis, claim_id: str) -> Suggestion:
    """The suggestion with the sources built once for the analysis, as the app does."""
    return suggest_with(analysis, claim_id, sources_of(analysis, MatchSettings()))


def verdict(analysis: Analysis) -> tuple[Status | None, str]:
    """The suggestion for claim "x": its verdict and reason (evidence is tested apart)."""
    s = suggest(analysis, "x")
    return s.status, s.reason


# (a, b, tier, conflicts) or (a, b, tier, conflicts, score)
MatchRow = (
    tuple[str, str, str, tuple[Conflict, ...]] | tuple[str, str, str, tuple[Conflict, ...], float]
)


def corpus(
    outlets: Mapping[str, str | None],
    matches: Sequence[MatchRow],
    attribution: str = "",
) -> Analysis:
    """One claim per article ("x" is the one under test); matches as (a, b, tier, conflicts)."""
    articles, claims = [], []
    for aid, outlet in outlets.items():
        text = f"Claim in {aid}."
        articles.append(Article(aid, Path(aid), aid.upper(), text, aid, outlet=outlet))
        claims.append(
            Unit(
                aid,
                aid,
                text,
                0,
                len(text),
                Kind.CLAIM,
                0,
                attribution=attribution if aid == "x" else "",
            )
        )
    found = tuple(
        Match(min(a, b), max(a, b), score, Tier(tier), conflicts)
        for a, b, tier, conflicts, *rest in matches
        for score in [rest[0] if rest else 90.0 if tier == "match" else 60.0]
    )
    return Analysis(Corpus(Path("."), tuple(articles)), tuple(claims), found, ())


def test_matched_in_other_articles_is_corroborated() -> None:
    a = corpus(
        {"x": None, "p": None, "q": None, "r": None},
        [("x", "p", "match", ()), ("x", "q", "match", ()), ("x", "r", "match", ())],
    )
    assert verdict(a) == (Status.CORROBORATED, "matched in 3 sources, all of unknown outlet")


def test_one_match_is_enough_and_singular() -> None:
    a = corpus({"x": None, "p": None}, [("x", "p", "match", ())])
    assert verdict(a) == (Status.CORROBORATED, "matched in 1 source of unknown outlet")


def test_conflict_outranks_agreement() -> None:
    conflict = (Conflict("number", "troops", "5", "6"),)
    date = (Conflict("date", "", "Nov 7", "Nov 9"),)
    a = corpus(
        {"x": None, "p": None, "q": None, "r": None},
        [("x", "p", "match", conflict), ("x", "q", "match", date), ("x", "r", "match", ())],
    )
    assert verdict(a) == (
        Status.DISPUTED,
        "dates and figures disagree with 2 sources, all of unknown outlet",
    )


def test_a_time_conflict_disputes_the_claim_and_is_named_as_times() -> None:
    time = (Conflict("time", "", "7:15 a.m.", "7:40 a.m."),)
    a = corpus({"x": None, "p": None}, [("x", "p", "match", time)])
    assert verdict(a) == (Status.DISPUTED, "times disagree with 1 source of unknown outlet")


def test_no_match_and_no_source_is_unsourced() -> None:
    a = corpus({"x": None, "p": None}, [])
    assert verdict(a) == (Status.UNSOURCED, "no match and no named source")


def test_suggested_counterparts_do_not_corroborate_but_are_mentioned() -> None:
    a = corpus({"x": None, "p": None}, [("x", "p", "suggestion", ())])
    assert verdict(a) == (
        Status.UNSOURCED,
        "no match and no named source (1 suggested counterpart to look at)",
    )
    assert suggest(a, "x").evidence == (Evidence("p", Tier.SUGGESTION, 60.0),)


def test_attributed_claim_without_match_gets_no_verdict() -> None:
    a = corpus({"x": None, "p": None}, [], attribution="the Pentagon")
    s = suggest(a, "x")
    assert s.status is None and "attributed to the Pentagon" in s.reason


def test_same_outlet_does_not_corroborate() -> None:
    a = corpus({"x": "Wire", "p": "wire "}, [("x", "p", "match", ())])
    assert verdict(a) == (Status.UNSOURCED, "matched only by the same outlet and no named source")


def test_articles_of_one_outlet_count_once() -> None:
    a = corpus(
        {"x": None, "p": "Daily", "q": "Daily", "r": None},
        [("x", "p", "match", ()), ("x", "q", "match", ()), ("x", "r", "match", ())],
    )
    assert verdict(a) == (
        Status.CORROBORATED,
        "matched in 2 sources, 1 of unknown outlet (3 articles)",
    )


def test_unknown_outlets_are_distinct_sources() -> None:
    a = corpus(
        {"x": None, "p": None, "q": "  "},
        [("x", "p", "match", ()), ("x", "q", "match", ())],
    )
    assert verdict(a) == (Status.CORROBORATED, "matched in 2 sources, all of unknown outlet")


def test_known_outlets_are_named_as_outlets() -> None:
    a = corpus(
        {"x": "Herald", "p": "Courier", "q": "Gazette"},
        [("x", "p", "match", ()), ("x", "q", "match", ())],
    )
    assert verdict(a) == (Status.CORROBORATED, "matched in 2 outlets")


def test_wire_copies_count_as_one_source() -> None:
    # p and q are wire copies (their one claim each matches at 97); x matches both.
    a = corpus(
        {"x": "Herald", "p": "Post", "q": "Globe"},
        [("x", "p", "match", ()), ("x", "q", "match", ()), ("p", "q", "match", (), 97.0)],
    )
    assert sources_of(a, MatchSettings()).wire_group_of("p") is not None
    assert verdict(a) == (Status.CORROBORATED, "matched in 1 outlet (2 articles)")


def test_a_wire_copy_of_the_claims_own_article_does_not_corroborate() -> None:
    a = corpus({"x": "Herald", "p": "Post"}, [("x", "p", "match", (), 97.0)])
    assert verdict(a) == (Status.UNSOURCED, "matched only by wire copies and no named source")


def test_evidence_of_a_dispute_is_the_disagreeing_matches_with_their_conflicts() -> None:
    conflict = (Conflict("number", "troops", "5", "6"),)
    a = corpus(
        {"x": None, "p": None, "q": None},
        [("x", "p", "match", conflict, 80.0), ("x", "q", "match", ())],
    )
    assert suggest(a, "x").evidence == (Evidence("p", Tier.MATCH, 80.0, conflict),)


def test_evidence_of_corroboration_is_the_matches_that_count() -> None:
    a = corpus(
        {"x": "Herald", "p": "Herald", "q": "Courier", "r": "Globe"},
        [("x", "p", "match", ()), ("x", "q", "match", (), 70.0), ("x", "r", "suggestion", ())],
    )
    s = suggest(a, "x")
    assert (s.status, [e.claim for e in s.evidence]) == (Status.CORROBORATED, ["q"])


def test_without_corroboration_the_evidence_is_what_the_reviewer_should_look_at() -> None:
    matches = [("x", "p", "match", ()), ("x", "q", "suggestion", ())]
    outlets = {"x": "Herald", "p": "Herald", "q": "Courier"}
    attributed = suggest(corpus(outlets, matches, attribution="the mayor"), "x")
    assert (attributed.status, [e.claim for e in attributed.evidence]) == (None, ["p"])
    unsourced = suggest(corpus(outlets, matches), "x")
    assert unsourced.reason == (
        "matched only by the same outlet and no named source (1 suggested counterpart to look at)"
    )
    assert [(e.claim, e.tier) for e in unsourced.evidence] == [
        ("p", Tier.MATCH),
        ("q", Tier.SUGGESTION),
    ]
