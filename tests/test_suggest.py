"""Suggested verdicts: each rule, its reason, and how outlets are counted."""

from __future__ import annotations

from pathlib import Path

from tui.analysis import Analysis
from tui.articles import Article, Corpus
from tui.claims import Claim, Kind
from tui.matching import Conflict, Match, Tier
from tui.suggest import Suggestion, source_key, suggest
from tui.verdicts import Status


def corpus(
    outlets: dict[str, str | None],
    matches: list[tuple[str, str, str, tuple]],
    attribution: str = "",
) -> Analysis:
    """One claim per article ("x" is the one under test); matches as (a, b, tier, conflicts)."""
    articles, claims = [], []
    for aid, outlet in outlets.items():
        text = f"Claim in {aid}."
        articles.append(Article(aid, Path(aid), aid.upper(), text, aid, outlet=outlet))
        claims.append(
            Claim(
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
        Match(*sorted((a, b)), 90.0 if tier == "match" else 60.0, Tier(tier), conflicts)
        for a, b, tier, conflicts in matches
    )
    return Analysis(Corpus(Path("."), tuple(articles)), tuple(claims), found, ())


def test_matched_in_other_articles_is_corroborated() -> None:
    a = corpus(
        {"x": None, "p": None, "q": None, "r": None},
        [("x", "p", "match", ()), ("x", "q", "match", ()), ("x", "r", "match", ())],
    )
    assert suggest(a, "x") == Suggestion(Status.CORROBORATED, "matched in 3 other articles")


def test_one_match_is_enough_and_singular() -> None:
    a = corpus({"x": None, "p": None}, [("x", "p", "match", ())])
    assert suggest(a, "x") == Suggestion(Status.CORROBORATED, "matched in 1 other article")


def test_conflict_outranks_agreement() -> None:
    conflict = (Conflict("number", "troops", "5", "6"),)
    date = (Conflict("date", "", "Nov 7", "Nov 9"),)
    a = corpus(
        {"x": None, "p": None, "q": None, "r": None},
        [("x", "p", "match", conflict), ("x", "q", "match", date), ("x", "r", "match", ())],
    )
    assert suggest(a, "x") == Suggestion(
        Status.DISPUTED, "dates and figures disagree with 2 articles"
    )


def test_no_match_and_no_source_is_unsourced() -> None:
    a = corpus({"x": None, "p": None}, [])
    assert suggest(a, "x") == Suggestion(Status.UNSOURCED, "no match and no named source")


def test_related_pairs_do_not_corroborate_but_are_mentioned() -> None:
    a = corpus({"x": None, "p": None}, [("x", "p", "related", ())])
    assert suggest(a, "x") == Suggestion(
        Status.UNSOURCED, "no match and no named source (1 related claim to look at)"
    )


def test_attributed_claim_without_match_gets_no_verdict() -> None:
    a = corpus({"x": None, "p": None}, [], attribution="the Pentagon")
    s = suggest(a, "x")
    assert s.status is None and "attributed to the Pentagon" in s.reason


def test_same_outlet_does_not_corroborate() -> None:
    a = corpus({"x": "Wire", "p": "wire "}, [("x", "p", "match", ())])
    assert suggest(a, "x") == Suggestion(
        Status.UNSOURCED, "matched only by the same outlet and no named source"
    )


def test_articles_of_one_outlet_count_once() -> None:
    a = corpus(
        {"x": None, "p": "Daily", "q": "Daily", "r": None},
        [("x", "p", "match", ()), ("x", "q", "match", ()), ("x", "r", "match", ())],
    )
    assert suggest(a, "x") == Suggestion(
        Status.CORROBORATED, "matched in 3 other articles (2 outlets)"
    )


def test_unknown_outlets_are_distinct_sources() -> None:
    a = corpus({"x": None, "p": None, "q": "  "}, [])
    assert len({source_key(a, "p"), source_key(a, "q"), source_key(a, "x")}) == 3
