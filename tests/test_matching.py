"""The matcher: similarity, tiers, what is compared, clusters and conflicts on matches."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tui.claims.units import Kind, Quantity, Unit
from tui.config import MatchSettings
from tui.matching.matcher import Tier, match_claims, similarity, word_diff

SETTINGS = MatchSettings()


def unit(
    article: str, n: int, text: str, kind: Kind = Kind.CLAIM, numbers: Iterable[Quantity] = ()
) -> Unit:
    return Unit(f"{article}:{n:02d}", article, text, 0, len(text), kind, n, tuple(numbers))


LONG_A = (
    "The Kremlin has amassed 50,000 Russian and North Korean troops to retake the Kursk region"
    " from Ukraine."
)
LONG_B = (
    "Russia has amassed 50,000 Russian and North Korean troops to take back the Kursk region"
    " from Ukraine, officials said."
)
OTHER = "The central bank raised its benchmark interest rate to 4.5 percent on Thursday."


@given(st.text(max_size=80), st.text(max_size=80))
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    s = similarity(a, b)
    assert s == similarity(b, a)
    assert 0 <= s <= 100


def test_similarity_ignores_formatting_of_the_same_words() -> None:
    assert (
        similarity("Over 50,000 troops massed in Kursk.", "over 50000 TROOPS massed in kursk")
        == 100
    )
    assert similarity(LONG_A, LONG_B) > similarity(LONG_A, OTHER) + 40


def test_matches_are_across_articles_and_claims_only() -> None:
    claims = [
        unit("a", 0, LONG_A),
        unit("a", 1, LONG_B),  # same article as a:00: never paired with it
        unit("b", 0, LONG_B),
        unit("c", 0, LONG_A, kind=Kind.BOILERPLATE),
        unit("d", 0, OTHER),
    ]
    result = match_claims(claims, SETTINGS)
    pairs = {(m.a, m.b) for m in result.matches}
    assert pairs == {("a:00", "b:00"), ("a:01", "b:00")}
    assert all(m.a < m.b for m in result.matches)
    assert {m.tier for m in result.matches} == {Tier.MATCH}
    assert next(m for m in result.matches if m.a == "a:01").score == 100.0


def test_match_scores_agree_with_similarity() -> None:
    claims = [unit("a", 0, LONG_A), unit("b", 0, LONG_B)]
    (m,) = match_claims(claims, SETTINGS).matches
    assert m.score == similarity(LONG_A, LONG_B)


def test_tiers_follow_the_thresholds() -> None:
    claims = [unit("a", 0, LONG_A), unit("b", 0, LONG_B)]
    score = similarity(LONG_A, LONG_B)
    just_above = MatchSettings(match_threshold=score, suggestion_floor=score - 10)
    just_below = MatchSettings(match_threshold=score + 0.1, suggestion_floor=score - 10)
    too_high = MatchSettings(match_threshold=score + 5, suggestion_floor=score + 1)
    assert match_claims(claims, just_above).matches[0].tier is Tier.MATCH
    # Below the match threshold, the pair is each claim's only counterpart: suggested.
    assert match_claims(claims, just_below).matches[0].tier is Tier.SUGGESTION
    assert match_claims(claims, too_high).matches == ()


def test_short_claims_need_the_higher_threshold() -> None:
    a, b = "Kursk offensive stalls near Sudzha", "Kursk offensive stalls outside Sudzha town"
    score = similarity(a, b)
    settings = MatchSettings(match_threshold=score - 5, short_suggestion_floor=score - 20,
                             short_claim_words=8, short_match_threshold=score + 1)  # fmt: skip
    (m,) = match_claims([unit("a", 0, a), unit("b", 0, b)], settings).matches
    assert m.tier is Tier.SUGGESTION
    relaxed = MatchSettings(match_threshold=score - 5, short_suggestion_floor=score - 20,
                            short_claim_words=3, short_match_threshold=score + 1)  # fmt: skip
    (m,) = match_claims([unit("a", 0, a), unit("b", 0, b)], relaxed).matches
    assert m.tier is Tier.MATCH
    floor_above = replace(settings, short_suggestion_floor=score + 0.1)
    assert match_claims([unit("a", 0, a), unit("b", 0, b)], floor_above).matches == ()


def test_matches_carry_conflicts_and_form_clusters() -> None:
    ta = (
        "Pentagon officials said nearly 10,000 North Korean troops were deployed to Russia's"
        " Kursk region."
    )
    tb = (
        "US officials said approximately 11,000 North Korean troops were deployed to Russia's"
        " Kursk region."
    )
    tc = "Officials said 11,000 North Korean troops were deployed to the Kursk region of Russia."
    qa = Quantity(
        10_000, "North Korean troops", "10,000", ta.index("10,000"), ta.index("10,000") + 6
    )
    qb = Quantity(
        11_000, "North Korean troops", "11,000", tb.index("11,000"), tb.index("11,000") + 6
    )
    qc = Quantity(
        11_000, "North Korean troops", "11,000", tc.index("11,000"), tc.index("11,000") + 6
    )
    claims = [unit("a", 0, ta, numbers=[qa]), unit("b", 0, tb, numbers=[qb]),
              unit("c", 0, tc, numbers=[qc]), unit("d", 0, OTHER)]  # fmt: skip
    result = match_claims(claims, SETTINGS)
    by_pair = {(m.a, m.b): m for m in result.matches}
    assert [c.a for c in by_pair[("a:00", "b:00")].conflicts] == ["nearly 10,000"]
    assert by_pair[("b:00", "c:00")].conflicts == ()
    assert [cl.claims for cl in result.clusters] == [("a:00", "b:00", "c:00")]
    again = match_claims(list(reversed(claims)), SETTINGS)
    assert again == result


def test_word_diff_marks_what_the_other_claim_lacks() -> None:
    a = "Nearly 10,000 North Korean troops are in Russia."
    b = "Approximately 11,000 North Korean troops were deployed to Russia."
    pieces = word_diff(a, b)
    assert "".join(p for p, _ in pieces) == a
    changed = {p for p, tag in pieces if tag == "changed"}
    assert changed == {"Nearly", "10,000"}


@given(st.text(max_size=60), st.text(max_size=60))
def test_word_diff_pieces_join_back_to_the_text(a: str, b: str) -> None:
    pieces = word_diff(a, b)
    assert "".join(p for p, _ in pieces) == a
    assert {tag for _, tag in pieces} <= {"same", "changed"}
    assert all(tag == "same" for _, tag in word_diff(a, a))
