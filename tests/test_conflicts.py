"""Conflicts: figures and dates about the same thing that cannot both be true."""

from __future__ import annotations

from tui.claims.units import Claim, DateMention, Kind, Quantity
from tui.matching.conflicts import find_conflicts


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


def _pair(text_a: str, text_b: str, unit_a: str, unit_b: str) -> tuple[Claim, Claim]:
    """Two claims, each with one figure: the first number in the text, counting the unit."""
    out = []
    for text, unit in ((text_a, unit_a), (text_b, unit_b)):
        surface = text.split(unit.split()[0])[0].split()[-1]
        number = surface.replace(",", "")
        scale = {"million": 1e6, "billion": 1e9}.get(unit.split()[0], 1.0)
        if scale != 1.0:
            unit = unit.split(" ", 1)[1]
            surface = f"{surface} {'million' if scale == 1e6 else 'billion'}"
        out.append(claim(text, [(surface, float(number) * scale, unit)]))
    return out[0], out[1]


def conflicts(text_a: str, text_b: str, unit_a: str, unit_b: str | None = None) -> int:
    a, b = _pair(text_a, text_b, unit_a, unit_b or unit_a)
    found = len(find_conflicts(a, b))
    assert found == len(find_conflicts(b, a))  # the same either way round
    return found


def test_hedged_figures_stated_to_the_same_precision_that_differ_conflict() -> None:
    # Both rounded to the hundred: no value rounds to both.
    assert conflicts("About 2,600 workers went on strike.", "Around 2,800 workers went on strike.",
                     "workers") == 1  # fmt: skip
    assert conflicts("Roughly 45,000 homes lost power.", "Some 48,000 homes lost power.",
                     "homes") == 1  # fmt: skip
    assert conflicts("About 2,600 workers went on strike.", "About 2,600 workers struck.",
                     "workers") == 0  # fmt: skip


def test_a_hedged_round_figure_allows_what_rounds_to_it() -> None:
    assert conflicts("About 6,000 acres burned.", "6,380 acres burned.", "acres") == 0
    assert conflicts("About 6,000 acres burned.", "6,700 acres burned.", "acres") == 1
    # A lone leading 1 keeps its second digit: 14,000 is not "about 10,000".
    assert conflicts("About 10,000 fans came.", "10,400 fans came.", "fans") == 0
    assert conflicts("About 10,000 fans came.", "14,000 fans came.", "fans") == 1
    assert conflicts("About 10,000 fans came.", "About 11,000 fans came.", "fans") == 1


def test_bounds_allow_what_lies_beyond_them() -> None:
    assert conflicts("Over 50,000 fans came.", "52,000 fans came.", "fans") == 0
    assert conflicts("More than 200 protesters were held.", "Over 200 protesters were held.",
                     "protesters") == 0  # fmt: skip
    assert conflicts("More than 700 flights were cancelled.",
                     "About 650 flights were cancelled.", "flights") == 1  # fmt: skip
    assert conflicts("Up to 300 jobs will go.", "280 jobs will go.", "jobs") == 0
    assert conflicts("Up to 300 jobs will go.", "340 jobs will go.", "jobs") == 1


def test_nearly_is_just_below_the_figure() -> None:
    assert conflicts("Nearly 5,000 people signed.", "4,600 people signed.", "people") == 0
    assert conflicts("Nearly 5,000 people signed.", "4,300 people signed.", "people") == 1
    assert conflicts("Nearly 5,000 people signed.", "5,200 people signed.", "people") == 1
    # Bounds include the figure they name: one estimate near 5,000, put either side of it.
    assert conflicts("Nearly 5,000 people signed.", "Over 5,000 people signed.", "people") == 0
    assert conflicts("Nearly 5,000 people signed.", "Over 5,100 people signed.", "people") == 1
    # A rounding includes only one of its ends: 5,500 rounds up to 6,000.
    assert conflicts("Over 5,500 people signed.", "About 5,000 people signed.", "people") == 1


def test_a_bare_figure_is_precise_to_its_last_written_digit() -> None:
    assert conflicts("The crash killed 20 people.", "The crash killed 24 people.", "people") == 1
    assert conflicts("The river rose 4.5 metres.", "The river rose 4.6 metres.", "metres") == 1
    assert conflicts("The city has 1.2 million residents.", "The city has 1,230,000 residents.",
                     "million residents", "residents") == 0  # fmt: skip
    assert conflicts("The city has 1.2 million residents.", "The city has 1.3 million residents.",
                     "million residents") == 1  # fmt: skip


def test_other_names_for_the_same_count_are_compared() -> None:
    for other in ("residents", "inhabitants", "persons", "individuals"):
        assert conflicts(f"About 1,800 {other} were moved.", "Some 2,100 people were moved.",
                         other, "people") == 1  # fmt: skip
    assert conflicts("Some 190 millimetres of rain fell.", "Some 160 mm of rain fell.",
                     "millimetres", "mm") == 1  # fmt: skip
    # Part of a larger count: civilians are among the people, children among the victims.
    assert conflicts("About 300 civilians died.", "About 450 people died.",
                     "civilians", "people") == 0  # fmt: skip
    assert conflicts("About 40 children were hurt.", "About 90 people were hurt.",
                     "children", "people") == 0  # fmt: skip
