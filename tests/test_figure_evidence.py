"""Shared figures as matching evidence (tui.matching.figure_evidence); exact blocking with it."""

from __future__ import annotations

import numpy as np
import pytest

import tui.matching.matcher as matching
from bench.synthetic import as_claims, generate
from tui.claims.quantities import find_figures, lexicon
from tui.claims.units import Kind, Unit
from tui.config import MatchSettings
from tui.matching.figure_evidence import BONUS, FigureEvidence
from tui.matching.scope import story_scope
from tui.matching.scoring import match_tokens, similarity


def claim(text: str, article: str = "x", k: int = 0) -> Unit:
    dates, numbers = find_figures(text, lexicon(text))
    return Unit(f"{article}:{k}", article, text, 0, len(text), Kind.CLAIM, k,
                 tuple(numbers), tuple(dates))  # fmt: skip


def bonus(a: str, b: str) -> float:
    """The bonus the pair earns: added to a score of 0, with floor 0 and no ceiling in
    reach, so neither limits it."""
    units = [claim(a, "a"), claim(b, "b")]
    evidence = FigureEvidence(units, [match_tokens(c.text) for c in units])
    pair, zero = (np.array([0]), np.array([1])), np.array([0.0])
    return float(evidence.add_bonus(*pair, zero, zero, np.array([100.0]))[0])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Nearly 10,000 North Korean troops are inside Russia, the Pentagon said.",
            "Approximately 11,000 North Korean troops were deployed to Russia.",
        ),
        (
            "At least 52 people died when a fire tore through a garment factory.",
            "A factory fire outside the capital killed 52 people.",
        ),
    ],
)
def test_one_count_reported_twice_earns_the_bonus(a: str, b: str) -> None:
    assert bonus(a, b) == BONUS


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("Floods killed 1,136 people in Pakistan.", "Floods destroyed 1,136 homes in Pakistan.",
         "different counted things"),
        ("Floods killed 23 people in Peru.", "Floods killed 52 people in Peru.",
         "values too far apart to be one count"),
        ("Oil prices in Asia rose 3% on Monday.", "Oil exports from Asia fell 3% on Monday.",
         "a percentage is a generic unit"),
        ("The firm paid $10 million to settle.", "The firm set aside $10 million for fines.",
         "money is a generic unit"),
        ("Rescuers saved 104 people.", "Officials said 104 people were missing.",
         "only the counted noun in common"),
        ("Crews pumped 5,000 cubic metres of water from the flooded mine.",
         "Crews drained 5,000 square metres of the flooded mine.", "modifiers contradict"),
    ],
)  # fmt: skip
def test_figures_that_are_not_one_count_earn_nothing(a: str, b: str, why: str) -> None:
    assert bonus(a, b) == 0.0, why


def test_a_bonus_match_lists_the_disagreeing_figures() -> None:
    a = claim(
        "Pentagon last week claimed that there were nearly 10,000 North Korean troops"
        " present inside Russia."
    )
    b = claim(
        "Approximately 11,000 North Korean troops were deployed to Russia, mitigating domestic"
        " recruitment issues.",
        "y",
    )
    lexical = similarity(a.text, b.text)
    assert lexical < MatchSettings().match_threshold, "the pair must need the bonus"
    (found,) = matching.match_claims([a, b], MatchSettings()).matches
    assert found.tier is matching.Tier.MATCH
    # Lifted to the match threshold, not past it.
    assert found.score == min(MatchSettings().match_threshold, round(lexical + BONUS, 1))
    assert [(c.a, c.b) for c in found.conflicts] == [("nearly 10,000", "Approximately 11,000")]


def test_blocked_matching_equals_brute_force_with_the_bonus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Blocking at the suggestion floor plus the figure pass find what brute force finds."""
    claims = as_claims(generate(1500, seed=11))
    settings = MatchSettings()
    monkeypatch.setattr(matching, "BRUTE_FORCE_MAX", 10**9)
    brute = matching.match_claims(claims, settings)
    monkeypatch.setattr(matching, "BRUTE_FORCE_MAX", 0)
    blocked = matching.match_claims(claims, settings)
    text = {c.id: c.text for c in claims}
    lifted = [m for m in brute.matches if m.score > similarity(text[m.a], text[m.b]) + 0.05]
    assert len(lifted) > 50, "the corpus must exercise the bonus"
    assert {(m.a, m.b): m for m in blocked.matches} == {(m.a, m.b): m for m in brute.matches}
    assert blocked.clusters == brute.clusters


def test_candidate_pairs_are_the_cross_article_pairs_sharing_a_count() -> None:
    texts = [
        ("a", "Floods killed 23 people in Peru."),
        ("b", "At least 25 people died in the Peru floods."),  # 25 / 23 < 1.3: a candidate
        ("c", "Floods killed 40 people in Bolivia."),  # too far from 23 and 25
        ("a", "Rescuers found 24 people alive."),  # 24 people, but in article a
        ("d", "Floods hit Peru."),  # no figure
        ("e", "The storm destroyed 23 homes."),  # another counted noun
    ]
    units = [claim(text, article) for article, text in texts]
    evidence = FigureEvidence(units, [match_tokens(c.text) for c in units])
    articles = np.array([ord(c.article) for c in units])
    left, right = evidence.candidate_pairs(articles)
    assert sorted(zip(left.tolist(), right.tolist(), strict=True)) == [(0, 1), (1, 3)]
    fresh = np.array([False, False, False, True, False, False])
    left, right = evidence.candidate_pairs(articles, fresh)
    assert list(zip(left.tolist(), right.tolist(), strict=True)) == [(1, 3)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Another event: the same count stated for another time.
        (
            "Floods killed 23 people in Peru on Tuesday.",
            "In 2017, floods killed 23 people in Peru.",
        ),
        # An addition, not the count.
        ("Floods destroyed 60 homes in Peru.", "Floods destroyed another 60 homes in Peru."),
        # Another role of the same noun.
        ("Floods killed 23 people in Peru.", "Floods injured 23 people in Peru."),
    ],
)
def test_no_bonus_for_another_event_an_addition_or_another_role(a: str, b: str) -> None:
    units = [claim(a, "a"), claim(b, "b")]
    evidence = FigureEvidence(units, [match_tokens(c.text) for c in units], story_scope(units))
    pair, zero = (np.array([0]), np.array([1])), np.array([0.0])
    assert float(evidence.add_bonus(*pair, zero, zero, np.array([100.0]))[0]) == 0.0
    # The same pair stated for one event and one role earns it.
    assert bonus("Floods killed 23 people in Peru.", "In Peru, floods killed 23 people.") == BONUS
