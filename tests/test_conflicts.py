"""Conflicts: figures and dates about the same thing that cannot both be true."""

from __future__ import annotations

from tui.claims import Claim, DateMention, Kind, Quantity
from tui.conflicts import find_conflicts


def claim(text: str, figures: list[tuple[str, float, str]] = (), dates=()) -> Claim:  # type: ignore[assignment]
    numbers = []
    for surface, value, unit in figures:
        start = text.index(surface)
        numbers.append(Quantity(value, unit, surface, start, start + len(surface)))
    return Claim("x", "a", text, 0, len(text), Kind.CLAIM, 0, tuple(numbers), tuple(dates))


def date(text: str, whole: str, year=None, month=None, day=None) -> DateMention:  # type: ignore[no-untyped-def]
    start = whole.index(text)
    return DateMention(text, year, month, day, start, start + len(text))


def test_nearly_ten_thousand_against_approximately_eleven_thousand() -> None:
    a = claim("There were nearly 10,000 North Korean troops in Russia.",
              [("10,000", 10_000, "North Korean troops")])  # fmt: skip
    b = claim("Approximately 11,000 North Korean troops were deployed.",
              [("11,000", 11_000, "North Korean troops")])  # fmt: skip
    (conflict,) = find_conflicts(a, b)
    assert conflict.kind == "number"
    assert conflict.a == "nearly 10,000" and conflict.b == "Approximately 11,000"
    assert "troops" in conflict.subject


def test_hedged_figures_that_can_both_be_true_agree() -> None:
    a = claim("The Kremlin amassed over 50,000 troops.", [("50,000", 50_000, "troops")])
    b = claim("The Kremlin assembled 50,000 soldiers.", [("50,000", 50_000, "soldiers")])
    c = claim("Around 50,000 troops are ready.", [("50,000", 50_000, "troops")])
    d = claim("Nearly 50,000 troops are ready.", [("50,000", 50_000, "troops")])
    for x, y in [(a, b), (a, c), (c, d), (b, d)]:
        assert find_conflicts(x, y) == ()
        assert find_conflicts(y, x) == ()


def test_plain_different_figures_conflict_but_not_across_units_or_modifiers() -> None:
    a = claim("The fire burned 12,000 acres.", [("12,000", 12_000, "acres")])
    b = claim("The fire burned 15,000 acres.", [("15,000", 15_000, "acres")])
    c = claim("The fire destroyed 15,000 homes.", [("15,000", 15_000, "homes")])
    assert len(find_conflicts(a, b)) == 1
    assert find_conflicts(a, c) == ()
    russian = claim("Some 5,000 Russian troops.", [("5,000", 5_000, "Russian troops")])
    korean = claim("Some 9,000 North Korean troops.", [("9,000", 9_000, "North Korean troops")])
    assert find_conflicts(russian, korean) == ()


def test_a_range_covers_figures_inside_it() -> None:
    a = claim(
        "Between 10,000 and 12,000 troops.", [("10,000", 10_000, ""), ("12,000", 12_000, "troops")]
    )
    b = claim("11,000 troops arrived.", [("11,000", 11_000, "troops")])
    c = claim("15,000 troops arrived.", [("15,000", 15_000, "troops")])
    assert find_conflicts(a, b) == ()
    assert len(find_conflicts(a, c)) == 1


def test_an_agreeing_figure_is_not_set_against_a_second_one() -> None:
    a = claim("50,000 troops, 10,000 of them from the North.",
              [("50,000", 50_000, "troops"), ("10,000", 10_000, "troops")])  # fmt: skip
    b = claim("A force of 50,000 troops.", [("50,000", 50_000, "troops")])
    assert find_conflicts(a, b) == ()


def test_dates_conflict_only_on_fields_both_state() -> None:
    ta, tb, tc = "It began on August 6.", "It began on August 7.", "It began in 2024."
    a = claim(ta, dates=[date("August 6", ta, month=8, day=6)])
    b = claim(tb, dates=[date("August 7", tb, month=8, day=7)])
    c = claim(tc, dates=[date("2024", tc, year=2024)])
    (conflict,) = find_conflicts(a, b)
    assert (conflict.kind, conflict.a, conflict.b) == ("date", "August 6", "August 7")
    assert find_conflicts(a, c) == ()
    assert find_conflicts(a, a) == ()
