"""Figures read at the precision they are written with, through real claim extraction."""

from __future__ import annotations

import pytest

from tui.claims.units import Quantity, Unit, extract_units
from tui.matching.conflicts import find_conflicts
from tui.matching.stated_figures import figures, last_digit, significant_step


def quantity(text: str, value: float) -> Quantity:
    return Quantity(value, "", text, 0, len(text))


@pytest.mark.parametrize(
    ("text", "value", "step"),
    [("3,240", 3240, 1), ("3,200", 3200, 1), ("4.5", 4.5, 0.1), ("1.2 million", 1.2e6, 1e5),
     ("120m", 1.2e8, 1e6), ("$3bn", 3e9, 1e9), ("five", 5, 1), ("two million", 2e6, 1e6),
     ("4.25%", 4.25, 0.01)],
)  # fmt: skip
def test_the_last_written_digit(text: str, value: float, step: float) -> None:
    assert last_digit(quantity(text, value)) == pytest.approx(step)


@pytest.mark.parametrize(
    ("value", "written", "step"),
    [(3000, 1, 1000), (3200, 1, 100), (3240, 1, 10), (10_000, 1, 1000), (100, 1, 10),
     (1, 1, 1), (1.2e6, 1e5, 1e5), (4.5, 0.1, 0.1), (0, 1, 1), (1e6, 1e6, 1e6)],
)  # fmt: skip
def test_the_last_significant_digit(value: float, written: float, step: float) -> None:
    assert significant_step(value, written) == pytest.approx(step)


def first_claim(text: str) -> Unit:
    (unit,) = [u for u in extract_units("a", text) if u.numbers]
    return unit


def test_extracted_hedges_read_as_intervals() -> None:
    (about,) = figures(first_claim("About 3,200 residents were evacuated on Monday."))
    (nearly,) = figures(first_claim("Nearly 10,000 soldiers were sent to the front."))
    (over,) = figures(first_claim("More than 50,000 people marched in the capital."))
    assert (about.low, about.high, about.counts) == (3150, 3250, "people")
    assert (nearly.low, nearly.high, nearly.counts) == (9000, 10000, "troop")
    assert (over.low, over.high, over.value) == (50000, float("inf"), 50000)


def test_extracted_claims_that_differ_at_their_precision_conflict() -> None:
    a = first_claim("About 1,800 residents were moved to shelters after the dam failed.")
    b = first_claim("Some 2,100 people were moved to shelters after the dam failed.")
    c = first_claim("An estimated 2,000 people were moved to shelters after the dam failed.")
    (conflict,) = find_conflicts(a, b)
    assert (conflict.a, conflict.b) == ("About 1,800", "Some 2,100")
    assert find_conflicts(b, c) == ()  # 2,100 rounds to "an estimated 2,000"
    assert find_conflicts(a, c) == ()  # so does 1,800: "2,000" is stated to the thousand
    d = first_claim("An estimated 2,600 people were moved to shelters after the dam failed.")
    assert len(find_conflicts(c, d)) == 1  # 2,600 rounds to 3,000


def counts(text: str) -> list[tuple[str, str, bool]]:
    """(quoted figure, what it counts, an addition?) for each figure of the sentence."""
    return [(f.text, f.counts, f.increment) for f in figures(first_claim(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A figure with no counted word takes its neighbour's.
        ("Six of its eight carriages left the rails.", [("Six", "carriage", False),
                                                        ("eight", "carriage", False)]),
        ("Five of its hospitals are diverting ambulances.", [("Five", "hospital", False)]),
        ("Twelve people died and 41 were taken to hospital.", [("Twelve", "people", False),
                                                               ("41", "people", False)]),
        # ... but not a part of a count whose role the sentence does not say.
        ("Of the 41 people taken to hospital, 29 had been sent home.", [("41", "people", False)]),
        # A count of two things is not a count of one of them.
        ("Nearly 2,000 operations and appointments were cancelled.",
         [("Nearly 2,000", "operation+appointment", False)]),
        # Spans of time are one kind of quantity, in hours.
        ("Power was cut for three days.", [("three", "duration", False)]),
        # A vote's tally is one figure.
        ("The board voted 5-2 for the plan.", [("5-2", "tally", False)]),
        ("The court ruled by seven votes to two.", [("seven votes to two", "tally", False)]),
        ("Another 25 homes burned.", [("25", "home", True)]),
    ],
)  # fmt: skip
def test_what_a_figure_counts(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert counts(text) == expected


def test_durations_compare_across_units() -> None:
    (hours,) = figures(first_claim("Power was cut for 36 hours in the city."))
    (days,) = figures(first_claim("Power was cut for three days in the city."))
    assert (hours.low, hours.high) == (35.5, 36.5)
    assert (days.low, days.high) == (60.0, 84.0)


def test_two_caps_on_one_quantity_must_agree() -> None:
    ten = first_claim("The law lets police keep records for up to 10 years.")
    five = first_claim("The law lets police keep records for up to five years.")
    also_ten = first_claim("The law lets police keep records for up to ten years.")
    assert len(find_conflicts(ten, five)) == 1
    assert find_conflicts(ten, also_ten) == ()
