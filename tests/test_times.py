"""Times of day: what reads as one, and that its numbers are not figures."""

from __future__ import annotations

import pytest

from tui.claims.quantities import find_figures, lexicon
from tui.claims.times import find_times


def times(text: str) -> list[tuple[str, int, bool, str]]:
    return [(t.text, t.minutes, t.both_halves, t.zone) for t in find_times(text)]


def figures(text: str) -> list[str]:
    return [q.text for q in find_figures(text, lexicon(text))[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bridge collapsed at 7:15 a.m. on Monday.", [("7:15 a.m.", 435, False, "")]),
        ("It struck at 7.15am.", [("7.15am", 435, False, "")]),
        ("Polls close at 7 p.m. on Sunday.", [("7 p.m.", 1140, False, "")]),
        ("Polls close at 7pm.", [("7pm", 1140, False, "")]),
        ("The alarm sounded at 11:05 PM", [("11:05 PM", 1385, False, "")]),
        ("The plane landed at 19:40 on Friday.", [("19:40", 1180, False, "")]),
        ("The plane landed at 07:40.", [("07:40", 460, False, "")]),
        ("The blast came at 7:40, police said.", [("7:40", 460, True, "")]),
        ("It hit around 12:30.", [("12:30", 30, True, "")]),
        ("It landed at 19:40 GMT.", [("19:40 GMT", 1180, False, "GMT")]),
        ("It began at 8:40 CET", [("8:40 CET", 520, True, "CET")]),
        ("Published March 4 at 9:12 a.m. ET", [("9:12 a.m. ET", 552, False, "ET")]),
        ("It landed 19:40 hrs", [("19:40 hrs", 1180, False, "")]),
        ("It struck 7:40 local time.", [("7:40 local time", 460, True, "local time")]),
        ("Le pont s'est effondré à 7 h 40.", [("7 h 40", 460, False, "")]),
        ("Le pont s'est effondré à 19h40.", [("19h40", 1180, False, "")]),
        ("The talks ended at noon.", [("noon", 720, False, "")]),
        ("It ended at midnight.", [("midnight", 0, False, "")]),
        ("A curfew runs from 7 to 9 p.m.", [("9 p.m.", 1260, False, "")]),
    ],
)
def test_times_of_day_are_read(text: str, expected: list[tuple[str, int, bool, str]]) -> None:
    assert times(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The home side won 3-1 on Saturday.",
        "Men outnumber women 7:1 in the sector.",
        "He read from John 3:16 at the service.",
        "She finished the marathon in 2:10:45.",
        "The ratio stood at 3:2 after the count.",
        "The score was 21:15 at half-time.",
        "Flight 7 landed safely.",
        "The noon sun was hot.",
        "The vote was delayed for 7 h by the outage.",
        "Some 40 people were hurt.",
        "The climb took 6 h 30 min.",
    ],
)
def test_other_numbers_with_colons_or_letters_are_not_times(text: str) -> None:
    assert times(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At 7.15am, 12 people were hurt.", ["12"]),
        ("At 7 p.m. some 40 people gathered.", ["40"]),
        ("Le pont s'est effondré à 7 h 40 lundi.", []),
        ("The bridge collapsed at 7:40 a.m., killing 3 workers.", ["3"]),
        ("At 7pm, 7 trains were cancelled.", ["7"]),
    ],
)
def test_numbers_inside_a_time_are_not_figures(text: str, expected: list[str]) -> None:
    assert figures(text) == expected


def test_a_score_keeps_its_figures() -> None:
    assert figures("The home side won 3-1 at 7:40 p.m.") == ["3"]
