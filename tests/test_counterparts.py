"""Suggested counterparts (tui.matching.counterparts): below the match tier, a claim's one
mutual-best counterpart per other article that stands above its background."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from bench.synthetic import as_claims, generate
from tui.claims.units import Kind, Unit
from tui.config import MatchSettings
from tui.matching.counterparts import suggested
from tui.matching.matcher import Tier, match_claims

MARGIN = 10.0


def pick(
    pairs: list[tuple[int, int, float, bool]], articles: list[int], margin: float = MARGIN
) -> set[tuple[int, int]]:
    """The suggested pairs among (left, right, score, is_match); claim i's rank is i."""
    art = np.asarray(articles)
    left = np.asarray([p[0] for p in pairs], dtype=np.int64)
    right = np.asarray([p[1] for p in pairs], dtype=np.int64)
    scores = np.asarray([p[2] for p in pairs], dtype=np.float64)
    is_match = np.asarray([p[3] for p in pairs], dtype=bool)
    mask = suggested(
        left, right, scores, is_match, art, np.bincount(art), np.arange(len(art)), margin
    )
    return {(int(a), int(b)) for a, b in zip(left[mask], right[mask], strict=True)}


def test_only_the_mutual_best_is_suggested() -> None:
    # Claim 0 (article 0) against article 1's claims 1, 2, 3.
    articles = [0, 1, 1, 1, 0]
    pairs = [(0, 1, 38.0, False), (0, 2, 33.0, False), (0, 3, 31.0, False)]
    assert pick(pairs, articles, margin=0) == {(0, 1)}
    # Claim 1's best in article 0 is claim 4, not 0: no suggestion for 0 in article 1.
    assert pick([*pairs, (4, 1, 41.0, False)], articles, margin=0) == {(4, 1)}


def test_a_claim_with_a_match_in_that_article_gets_no_suggestion_there() -> None:
    articles = [0, 1, 1, 0]
    # 0 matches 1; 2's best in article 0 is 0, but 0 already has its counterpart there.
    pairs = [(0, 1, 70.0, True), (0, 2, 40.0, False)]
    assert pick(pairs, articles) == set()
    # And a claim of article 1 whose best is matched elsewhere in article 0 gets none either.
    pairs = [(3, 2, 70.0, True), (0, 2, 40.0, False)]
    assert pick(pairs, articles) == set()


def test_a_claim_in_a_crowd_must_stand_out_by_the_margin() -> None:
    # Article 1 has 20 claims; claim 0 shares words with 5 of them. Its background there is
    # its 3rd best (1 + 20 / 10) score.
    articles = [0] + [1] * 20
    crowd = [(0, k, 35.0, False) for k in range(2, 6)]
    assert pick([(0, 1, 44.0, False), *crowd], articles) == set()  # 44 < 35 + 10
    assert pick([(0, 1, 45.0, False), *crowd], articles) == {(0, 1)}
    # Alone above the floor, the best needs no margin: under the floor counts as 0.
    assert pick([(0, 1, 31.0, False)], articles) == {(0, 1)}


def test_equal_best_scores_go_to_the_claim_with_the_smaller_id() -> None:
    articles = [0, 1, 1]
    assert pick([(0, 2, 40.0, False), (0, 1, 40.0, False)], articles, margin=0) == {(0, 1)}


scored_pairs = st.lists(
    st.tuples(
        st.integers(0, 11),
        st.integers(0, 11),
        st.floats(30, 100).map(lambda x: round(x, 1)),
        st.booleans(),
    ),
    max_size=40,
)


@given(
    scored_pairs, st.lists(st.integers(0, 3), min_size=12, max_size=12), st.sampled_from([0, 10])
)
def test_suggestions_are_mutual_bests_at_most_one_per_claim_and_article(
    raw: list[tuple[int, int, float, bool]], articles: list[int], margin: float
) -> None:
    seen: set[tuple[int, int]] = set()
    pairs = []
    for a, b, score, is_match in raw:
        key = (min(a, b), max(a, b))
        if articles[a] != articles[b] and key not in seen:
            seen.add(key)
            pairs.append((a, b, score, is_match))
    chosen = pick(pairs, articles, margin)
    per_side: dict[tuple[int, int], int] = defaultdict(int)
    score_of = {(a, b): s for a, b, s, _ in pairs} | {(b, a): s for a, b, s, _ in pairs}
    matched = {(a, articles[b]) for a, b, _, m in pairs if m} | {
        (b, articles[a]) for a, b, _, m in pairs if m
    }
    for a, b in chosen:
        assert (a, b) in {(p[0], p[1]) for p in pairs if not p[3]}, "never a match"
        for x, y in ((a, b), (b, a)):
            per_side[(x, articles[y])] += 1
            assert (x, articles[y]) not in matched
            rivals = [s for (p, q), s in score_of.items() if p == x and articles[q] == articles[y]]
            assert score_of[(x, y)] == max(rivals)
    assert all(n == 1 for n in per_side.values())


def claim(article: str, n: int, text: str) -> Unit:
    return Unit(f"{article}:{n:02d}", article, text, 0, len(text), Kind.CLAIM, n)


def test_match_claims_suggests_the_likeliest_counterpart_only() -> None:
    a = claim(
        "a",
        0,
        "Rescue teams pulled twelve survivors from the collapsed hotel overnight, the fire"
        " service said.",
    )
    best = claim(
        "b",
        0,
        "Firefighters said twelve people were rescued alive from the hotel ruins during the night.",
    )
    weaker = claim(
        "b",
        1,
        "The collapsed hotel had been inspected last spring and its owners were questioned"
        " overnight.",
    )
    # Both score between the floor and the match threshold; only the best is offered, and
    # only when it stands out of the two (article b's background is its runner-up).
    settings = MatchSettings(suggestion_margin=5)
    result = match_claims([a, best, weaker], settings)
    assert [(m.a, m.b, m.tier) for m in result.matches] == [("a:00", "b:00", Tier.SUGGESTION)]
    assert match_claims([a, best, weaker], MatchSettings(suggestion_margin=10)).matches == ()


def test_an_incremental_run_with_part_of_an_article_fresh_equals_a_full_run() -> None:
    claims = as_claims(generate(600, seed=3))
    settings = MatchSettings()
    full = match_claims(claims, settings)
    assert {m.tier for m in full.matches} == {Tier.MATCH, Tier.SUGGESTION}
    article = claims[len(claims) // 2].article
    fresh = {c.id for c in claims if c.article == article}
    one = {sorted(fresh)[0]}  # one claim of the article: the whole article is re-scored
    known = [m for m in full.matches if not ({m.a, m.b} & fresh)]
    assert match_claims(claims, settings, fresh=one, known=known) == full
