"""Splits and joins: the units they make, their placement on edited text, and the matching
of the new units (tui.claims.recut, tui.verdicts.cuts, tui.analysis.rematch)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.analysis.pipeline import analyse_corpus
from tui.claims.recut import CutError, cut_points, join, split
from tui.claims.units import Unit, extract_claims
from tui.config import MatchSettings
from tui.corpus.articles import Article, Corpus
from tui.matching.matcher import match_claims
from tui.review.placement import place
from tui.verdicts.cuts import apply_cuts, moved_cut
from tui.verdicts.model import Correction, VerdictSet, make_anchor

T0 = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
TWO_FACTS = (
    "Five people died and 249 were injured in the blast at the Kharkiv fuel depot, and "
    "the city airport was closed to all civilian flights."
)


def article(article_id: str, text: str, outlet: str | None = None) -> Article:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Article(article_id, Path(f"{article_id}.txt"), article_id, text, sha, outlet=outlet)


def units_of(*articles: Article) -> dict[str, tuple[Unit, ...]]:
    return {a.id: tuple(extract_claims(a)) for a in articles}


def test_cut_points_fall_before_words_never_inside_figures_or_abbreviations() -> None:
    text = "The U.S. sent 50,000 rounds, officials said."
    points = cut_points(text)
    assert [text[p:].split()[0] for p in points] == [
        "U.S.",
        "sent",
        "50,000",
        "rounds,",
        "officials",
        "said.",
    ]


def test_split_and_join_make_claims_with_exact_offsets_and_fresh_ids() -> None:
    a = article("a", "Intro line here. " + TWO_FACTS + " Last sentence here.")
    units = list(extract_claims(a))
    whole = units[1]
    at = whole.text.index(", and the city") + 1
    cut, (head, tail) = split(a.text, units, whole, at, {u.id for u in units})
    assert a.text[head.start : head.end] == head.text and head.text.endswith("fuel depot,")
    assert (
        tail.text.startswith("and the city airport") and tail.text == a.text[tail.start : tail.end]
    )
    assert [u.index for u in cut] == list(range(len(units) + 1))
    assert head.id not in {u.id for u in units} and head.id != tail.id
    assert tail.numbers == () and {q.value for q in head.numbers} >= {5, 249}
    back, joined = join(a.text, cut, head, tail, {u.id for u in cut})
    assert joined.text == whole.text and len(back) == len(units)
    with pytest.raises(CutError, match="right after"):
        join(a.text, cut, head, cut[0], set())
    with pytest.raises(CutError, match="between words"):
        split(a.text, units, whole, 2, set())


def test_a_cut_follows_its_words_when_the_unit_is_edited() -> None:
    old = "Five people died. The airport was closed."
    at = old.index("The")
    assert moved_cut(old, old, at) == at
    six = "Six people died. The airport was closed."
    assert moved_cut(old, six, at) == six.index("The")  # the words before it edited
    assert moved_cut(old, "Five people died. The airport was shut.", at) == at  # tail edited
    both = "Five persons died. The airport was shut."
    assert moved_cut(old, both, at) == both.index("The")
    assert moved_cut(old, "Nothing alike at all here", at) is None


def test_a_split_of_a_half_is_applied_after_the_split_that_made_it() -> None:
    a = article("a", TWO_FACTS)
    units = units_of(a)
    whole = units["a"][0]
    first = Correction(make_anchor(a, whole), True, T0, split_at=whole.text.index("and the"))
    _, (head, _) = split(a.text, units["a"], whole, first.split_at or 0, set())
    second = Correction(
        make_anchor(a, head), True, T0 + timedelta(minutes=1), split_at=head.text.index("and 249")
    )
    # given in the other order: applied in the order the reviewer made them
    cuts = apply_cuts([second, first], {"a": a}, units, {})
    assert [u.text for u in cuts.units["a"]] == [
        "Five people died",
        "and 249 were injured in the blast at the Kharkiv fuel depot,",
        "and the city airport was closed to all civilian flights.",
    ]
    assert cuts.orphans == () and len(cuts.made) == 3


def test_a_join_whose_units_are_no_longer_side_by_side_is_an_orphan() -> None:
    old = article("a", "First claim stands here. Second claim follows it. Third one ends.")
    units = units_of(old)["a"]
    join_cut = Correction(
        make_anchor(old, units[0]), True, T0, join_with=make_anchor(old, units[1])
    )
    new = article(
        "a", "First claim stands here. A new sentence came between them. Second claim follows it."
    )
    cuts = apply_cuts([join_cut], {"a": new}, units_of(new), {})
    assert cuts.placed == () and len(cuts.orphans) == 1
    assert [u.text for u in cuts.units["a"]] == [u.text for u in units_of(new)["a"]]


def test_the_halves_of_a_split_are_matched_like_any_other_claim() -> None:
    a = article("a", TWO_FACTS, "Daily One")
    b = article(
        "b",
        "The city airport was closed to all civilian flights on Sunday, officials said.",
        "Wire Two",
    )
    settings = MatchSettings()
    machine = analyse_corpus(Corpus(Path("."), (a, b)), settings)
    tail_text = "and the city airport was closed to all civilian flights."
    whole = machine.claims_of("a")[0]
    cut = Correction(make_anchor(a, whole), True, T0, split_at=whole.text.index("and the"))
    placed = place(VerdictSet("al", ".", corrections=(cut,)), machine, settings)
    analysis = placed.analysis
    tail = next(u for u in analysis.claims_of("a") if u.text == tail_text)
    partner = analysis.claims_of("b")[0]
    found = [m for m in analysis.matches_of(tail.id) if partner.id in (m.a, m.b)]
    assert found, "the half about the airport should pair with the other outlet's sentence"
    # matched again incrementally: the same as matching the cut units from scratch
    scratch = match_claims(analysis.claims, settings)
    assert analysis.machine_analysis.matches == scratch.matches
