"""A sentence copied into many articles: matched once, every copy still matched and clustered.

The attack: thousands of articles carrying one identical sentence. Every pair of copies is a
match, so matching and clustering grew with the square of the copies (5,000 copies: 12.5
million matches, 240 s and 6.2 GB here; 10,000 and 20,000 ran out of memory). Above
COPY_LIMIT copies, the group is matched through two stand-ins and given back to every copy
(`tui.matching.copies`): n - 1 matches, and the same clusters as matching every pair.

How we know it can fail: with `find_copies` returning None, the size test below finds
n(n-1)/2 matches instead of n - 1; with `_give_back_copies` skipping the clusters, the
cluster tests find two members instead of every copy.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tui.claims.units import Unit, extract_claims
from tui.config import MatchSettings
from tui.corpus.articles import Article
from tui.matching import matcher
from tui.matching.copies import COPY_LIMIT, find_copies
from tui.matching.matcher import MatchResult, Tier, match_claims

SENTENCE = (
    "Officials said the bridge over the Narva river was closed on Monday after an "
    "inspection found deep cracks in two of its 14 steel supports."
)
REWORDED = (
    "The bridge over the Narva river was shut on Monday when inspectors found deep cracks "
    "in two of its 14 steel supports, officials said."
)
OTHER = "The city council approved a new budget for schools and libraries on Thursday evening."
SETTINGS = MatchSettings()


def article(article_id: str, *sentences: str) -> Article:
    return Article(
        article_id, Path(f"{article_id}.txt"), article_id, " ".join(sentences), article_id
    )


def claims_of(*articles: Article) -> list[Unit]:
    return [c for a in articles for c in extract_claims(a) if c.is_claim]


def full(claims: list[Unit]) -> MatchResult:
    """Every pair matched one by one, as before copies were collapsed."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(matcher, "find_copies", lambda units: None)
        return match_claims(claims, SETTINGS)


def pairs(result: MatchResult) -> dict[tuple[str, str], tuple[float, Tier]]:
    return {(m.a, m.b): (m.score, m.tier) for m in result.matches}


def copies_corpus(n: int) -> list[Unit]:
    """n articles carrying the sentence, two rewording it, one on something else."""
    arts = [article(f"copy{i:04d}", SENTENCE) for i in range(n)]
    arts += [
        article("reworded1", REWORDED),
        article("reworded2", REWORDED + " Traffic was diverted."),
    ]
    arts.append(article("council", OTHER, SENTENCE))
    return claims_of(*arts)


def test_a_large_group_makes_one_match_per_copy_not_one_per_pair() -> None:
    n = COPY_LIMIT * 4
    claims = copies_corpus(n)
    result = match_claims(claims, SETTINGS)
    copies = [c.id for c in claims if c.text == SENTENCE]
    assert len(copies) == n + 1
    within = [m for m in result.matches if m.a in copies and m.b in copies]
    assert len(within) == n  # every copy but the first, once: not (n + 1) n / 2
    first = min(copies)
    assert {m.a for m in within} | {m.b for m in within} == set(copies)
    assert all(m.score == 100.0 and m.tier is Tier.MATCH for m in within)
    assert all(first in (m.a, m.b) for m in within)


def test_every_copy_is_in_the_cluster_matching_every_pair_would_give() -> None:
    claims = copies_corpus(COPY_LIMIT + 10)
    collapsed = match_claims(claims, SETTINGS)
    expected = full(claims)
    assert {c.claims for c in collapsed.clusters} == {c.claims for c in expected.clusters}
    assert {c.id for c in collapsed.clusters} == {c.id for c in expected.clusters}


def test_matches_with_other_claims_are_those_of_the_stand_ins() -> None:
    claims = copies_corpus(COPY_LIMIT + 10)
    collapsed, expected = pairs(match_claims(claims, SETTINGS)), pairs(full(claims))
    copies = {c.id for c in claims if c.text == SENTENCE}
    group = find_copies([c for c in claims if c.is_claim])
    assert group is not None
    stand_ins = group.stand_ins()
    # Pairs with no copy, or with a stand-in, are exactly as before.
    for pair, value in expected.items():
        if not set(pair) & (copies - stand_ins):
            assert collapsed.get(pair) == value, pair
    # Every pair the collapsed result lists is one matching every pair lists, as it was.
    for pair, value in collapsed.items():
        assert expected.get(pair) == value, pair


def test_copies_all_in_one_article_still_cluster_with_what_matches_them() -> None:
    # The same sentence many times in one article (they are never compared with each
    # other), and one article rewording it.
    one = article("pasted", *([SENTENCE] * (COPY_LIMIT + 5)))
    claims = claims_of(one, article("reworded1", REWORDED))
    collapsed, expected = match_claims(claims, SETTINGS), full(claims)
    assert {c.claims for c in collapsed.clusters} == {c.claims for c in expected.clusters}
    assert len(collapsed.matches) == 1  # the first copy and the rewording


def test_a_group_at_the_limit_is_matched_pair_by_pair() -> None:
    claims = copies_corpus(COPY_LIMIT - 1)  # with the council's copy: COPY_LIMIT in all
    assert find_copies(claims) is None
    assert pairs(match_claims(claims, SETTINGS)) == pairs(full(claims))


def test_incremental_runs_give_the_full_result_when_copies_are_collapsed() -> None:
    claims = copies_corpus(COPY_LIMIT + 10)
    result = match_claims(claims, SETTINGS)
    fresh = {c.id for c in claims if c.article == "reworded2"}
    known = [m for m in result.matches if not {m.a, m.b} & fresh]
    again = match_claims(claims, SETTINGS, fresh=fresh, known=known)
    assert again == result


def test_identical_texts_with_other_figures_are_not_one_group() -> None:
    a = [replace(c, id=f"x{i}") for i, c in enumerate(copies_corpus(COPY_LIMIT + 1))]
    assert find_copies(a) is not None
    odd = a[0]
    other_figures = replace(odd, numbers=())
    groups = find_copies([other_figures, *a[1:]])
    assert groups is not None
    assert other_figures not in groups.groups[0].members
