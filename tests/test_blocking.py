"""Candidate blocking is exact: the index finds every pair that can reach the threshold."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tui.matching.matcher as matching
from bench.synthetic import as_claims, generate
from tui.claims.units import Kind, Unit
from tui.config import MatchSettings
from tui.matching.blocking import candidate_pairs
from tui.matching.scoring import Encoded, combine, encode, match_tokens, score_matrix


def brute_force_pairs(
    token_sets: list[frozenset[str]], articles: list[int], least: list[float]
) -> set[tuple[int, int]]:
    """Every cross-article pair reaching its threshold, by scoring all pairs."""
    enc = encode(token_sets)
    scores = score_matrix(enc)
    out: set[tuple[int, int]] = set()
    for i in range(len(token_sets)):
        for j in range(i + 1, len(token_sets)):
            if articles[i] == articles[j] or not (enc.sizes[i] and enc.sizes[j]):
                continue
            small = i if enc.sizes[i] <= enc.sizes[j] else j
            if round(scores[i, j], 1) >= 100 * least[small]:
                out.add((i, j))
    return out


def blocked_pairs(
    token_sets: list[frozenset[str]], articles: list[int], least: list[float]
) -> tuple[set[tuple[int, int]], Encoded]:
    enc = encode(token_sets)
    found: set[tuple[int, int]] = set()
    for left, right in candidate_pairs(enc, np.asarray(articles), np.asarray(least)):
        for i, j in zip(left.tolist(), right.tolist(), strict=True):
            pair = (min(i, j), max(i, j))
            assert pair not in found, "each pair is given once"
            found.add(pair)
    return found, enc


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),  # article
            st.frozensets(st.sampled_from([f"w{k}" for k in range(14)]), max_size=10),
        ),
        min_size=2,
        max_size=30,
    ),
    st.sampled_from([0.2, 0.3, 0.45, 0.6, 0.9]),
)
def test_every_pair_that_can_reach_the_threshold_is_a_candidate(
    rows: list[tuple[int, frozenset[str]]], threshold: float
) -> None:
    articles = [a for a, _ in rows]
    token_sets = [s for _, s in rows]
    least = [threshold] * len(rows)
    found, _ = blocked_pairs(token_sets, articles, least)
    assert brute_force_pairs(token_sets, articles, least) <= found


def pair_set(chunks: Iterable[tuple[np.ndarray, np.ndarray]]) -> list[tuple[int, int]]:
    return sorted(
        (i, j) for left, right in chunks for i, j in zip(left.tolist(), right.tolist(), strict=True)
    )


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),  # article
            st.frozensets(st.sampled_from([f"w{k}" for k in range(14)]), max_size=10),
            st.booleans(),  # fresh
        ),
        min_size=2,
        max_size=30,
    ),
    st.sampled_from([0.2, 0.3, 0.45, 0.6, 0.9]),
)
def test_fresh_candidates_are_the_full_candidates_with_a_fresh_claim(
    rows: list[tuple[int, frozenset[str], bool]], threshold: float
) -> None:
    """Incremental blocking finds exactly the pairs a full run finds that involve a fresh
    claim, each once, without scanning the pairs of old claims."""
    enc = encode([s for _, s, _ in rows])
    articles = np.asarray([a for a, _, _ in rows])
    fresh = np.asarray([f for _, _, f in rows])
    least = np.full(len(rows), threshold)
    full = pair_set(candidate_pairs(enc, articles, least))
    incremental = pair_set(candidate_pairs(enc, articles, least, fresh))
    assert incremental == [(i, j) for i, j in full if fresh[i] or fresh[j]]
    assert len(set(incremental)) == len(incremental)


def test_fresh_blocking_on_a_synthetic_corpus_matches_the_full_run() -> None:
    claims = as_claims(generate(1200, seed=4))
    enc = encode([match_tokens(c.text) for c in claims])
    articles = np.unique([c.article for c in claims], return_inverse=True)[1]
    least = np.full(len(claims), 0.3)
    fresh = np.asarray([c.article == claims[-1].article for c in claims])
    full = pair_set(candidate_pairs(enc, articles, least))
    incremental = pair_set(candidate_pairs(enc, articles, least, fresh))
    assert incremental == [(i, j) for i, j in full if fresh[i] or fresh[j]]
    assert 0 < len(incremental) < len(full) / 10


def test_candidates_are_cross_article_with_the_smaller_claim_first() -> None:
    token_sets = [
        frozenset({"a", "b", "c"}),
        frozenset({"a", "b", "c", "d"}),
        frozenset({"a", "b"}),
        frozenset({"x", "y"}),
    ]
    articles = [0, 1, 0, 1]
    found, enc = blocked_pairs(token_sets, articles, [0.3] * 4)
    assert found == {(0, 1), (1, 2)}
    for left, right in candidate_pairs(enc, np.asarray(articles), np.full(4, 0.3)):
        assert (enc.sizes[left] <= enc.sizes[right]).all()


def test_identical_claims_made_of_common_words_are_found() -> None:
    common = frozenset({"said", "official", "tuesday"})
    token_sets = [common] * 6 + [frozenset({"official", f"x{k}"}) for k in range(20)]
    articles = list(range(6)) + [k % 6 for k in range(20)]
    found, _ = blocked_pairs(token_sets, articles, [0.9] * len(token_sets))
    assert {(i, j) for i in range(6) for j in range(i + 1, 6)} <= found


def test_scores_come_from_dice_and_overlap() -> None:
    # A = {a, b}, B = {a, b, c, d}: shared 2, dice 2*2/6, overlap 2/2.
    dice = np.array([100 * 4 / 6])
    score = combine(dice, np.array([2]), np.array([4]))[0]
    assert score == pytest.approx(100 * (1 + 4 / 6) / 2)


@pytest.mark.slow
def test_blocked_matching_equals_brute_force_on_a_synthetic_corpus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 6: recall against brute force with the same scorer (required >= 0.99)."""
    claims = as_claims(generate(2000, seed=7))
    settings = MatchSettings()
    monkeypatch.setattr(matching, "BRUTE_FORCE_MAX", 10**9)
    brute = matching.match_claims(claims, settings)
    monkeypatch.setattr(matching, "BRUTE_FORCE_MAX", 0)
    blocked = matching.match_claims(claims, settings)
    assert len(brute.matches) > 1000, "the corpus must exercise the matcher"
    truth = {(m.a, m.b): m for m in brute.matches}
    found = {(m.a, m.b): m for m in blocked.matches}
    long = {c.id for c in claims if len(c.text.split()) >= 8}
    long_truth = {k for k in truth if k[0] in long and k[1] in long}
    recall = len(long_truth & set(found)) / len(long_truth)
    assert recall >= 0.99
    # In fact the filter is exact: the very same matches, tiers and clusters.
    assert found == truth
    assert blocked.clusters == brute.clusters


def test_short_claims_take_the_same_path() -> None:
    claims = [
        Unit(f"a{k}:1", f"a{k}", "Floods closed the bridge.", 0, 25, Kind.CLAIM, 0)
        for k in range(3)
    ]
    result = matching.match_claims(claims, MatchSettings())
    assert {(m.a, m.b) for m in result.matches} == {
        ("a0:1", "a1:1"),
        ("a0:1", "a2:1"),
        ("a1:1", "a2:1"),
    }
