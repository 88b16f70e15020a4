"""Conflicts: figures and dates about the same thing that cannot both be true."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from tui.claims.units import DateMention, Kind, Quantity, Unit, extract_units
from tui.matching.conflicts import find_conflicts


def claim(
    text: str,
    figures: Sequence[tuple[str, float, str]] = (),
    dates: Sequence[DateMention] = (),
) -> Unit:
    numbers = []
    for surface, value, unit in figures:
        start = text.index(surface)
        numbers.append(Quantity(value, unit, surface, start, start + len(surface)))
    return Unit("x", "a", text, 0, len(text), Kind.CLAIM, 0, tuple(numbers), tuple(dates))


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


def _pair(text_a: str, text_b: str, unit_a: str, unit_b: str) -> tuple[Unit, Unit]:
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


# ---- what a figure counts, read from the claims themselves ---------------------------------


def extracted(text: str, article: str = "a") -> Unit:
    (unit,) = [u for u in extract_units(article, text) if u.is_claim]
    return unit


def listed(a: str, b: str) -> list[tuple[str, str, str]]:
    """The conflicts between two sentences, checked to be the same either way round."""
    x, y = extracted(a, "a"), extracted(b, "b")
    found = [(c.subject, c.a, c.b) for c in find_conflicts(x, y)]
    assert sorted((s, q, p) for s, p, q in found) == sorted(
        (c.subject, c.a, c.b) for c in find_conflicts(y, x)
    )
    return found


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The slide killed 31 people in Arvo.", "The slide injured 412 people in Arvo."),
        ("The epicentre was 12 km south of Lenz.", "The quake struck at a depth of 10 km."),
        ("Nine people remain missing.", "Rescuers saved 187 people."),
        ("The union is demanding a 12 percent rise.", "The firm has offered a 7 percent rise."),
        ("Orsini won 51.3 percent of the vote.", "Dallek won 46.1 percent of the vote."),
        (
            "The ferry was carrying 212 passengers.",
            "The ferry was licensed to carry 180 passengers.",
        ),
        ("Storm winds reached 185 km/h.", "The storm was moving inland at 15 km/h."),
    ],
)
def test_different_quantities_of_one_unit_do_not_conflict(a: str, b: str) -> None:
    assert listed(a, b) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The fire has destroyed 60 homes.", "Another 25 homes were destroyed overnight."),
        ("Police arrested 200 people.", "Police arrested 35 more people on Monday."),
        ("Six workers died in the blast.", "Two other workers died in the blast."),
        ("About 3,800 staff walked out.", "A further 1,200 staff walked out."),
    ],
)
def test_an_addition_is_not_a_total(a: str, b: str) -> None:
    assert listed(a, b) == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "At least 31 people were killed in the slide.",
            "The slide killed 28 people, officials said.",
            [("people (killed)", "At least 31", "28")],
        ),
        (
            "The board voted 5-2 for the plan.",
            "The board voted 6-1 for the plan.",
            [("votes", "5-2", "6-1")],
        ),
        (
            "Power was cut for 36 hours.",
            "Power was cut for three days.",
            [("days", "36", "three")],
        ),
        (
            "Records may be kept for up to 10 years.",
            "Records may be kept for up to five years.",
            [("years (kept)", "up to 10", "up to five")],
        ),
        (
            "Six of its eight carriages left the rails.",
            "Five of its eight carriages left the rails.",
            [("carriages", "Six", "Five")],
        ),
        (
            "Twenty-seven people were taken to hospital.",
            "Nineteen people were taken to hospital.",
            [("people (hospital)", "Twenty-seven", "Nineteen")],
        ),
    ],
)
def test_the_same_quantity_disagreeing_is_listed_with_its_role(
    a: str, b: str, expected: list[tuple[str, str, str]]
) -> None:
    assert listed(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("At least 3 people died.", "24 people died."),
        ("More than 100 homes burned.", "120 homes burned."),
        ("Up to 40 people were hurt.", "35 people were hurt."),
        ("Nearly 50 people were hurt.", "48 people were hurt."),
        ("Power was cut for 48 hours.", "Power was cut for two days."),
        ("Nine people died and six are missing.", "Six people are still missing."),
    ],
)
def test_bounds_and_other_wordings_that_agree(a: str, b: str) -> None:
    assert listed(a, b) == []
