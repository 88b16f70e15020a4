"""Figures and dates in a sentence: values, counted words, and what is not a figure."""

from __future__ import annotations

import pytest

from tui.claims.quantities import find_dates, find_quantities


def figures(text: str) -> list[tuple[str, float, str]]:
    return [(q.text, q.value, q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("over 50,000 Russian and North Korean troops", [("50,000", 50000, "troops")]),
        ("nearly 10,000 North Korean troops present", [("10,000", 10000, "troops")]),
        ("approximately 1,376 square kilometers", [("1,376", 1376, "square kilometers")]),
        ("proposing a 30-day ceasefire", [("30-day", 30, "day")]),
        ("the nearly 50,000-strong enemy group", [("50,000-strong", 50000, "enemy group")]),
        ("a magnitude 6.1 quake", [("6.1", 6.1, "magnitude")]),
        ("a quake of magnitude 5.2", [("5.2", 5.2, "magnitude")]),
        ("Twenty-seven people were hurt", [("Twenty-seven", 27, "people")]),
        ("Nineteen people were hurt", [("Nineteen", 19, "people")]),
        ("a deal worth $5.9bn.", [("$5.9bn", 5_900_000_000, "dollars")]),
        ("a six-to-three vote", [("six-to-three", 6, "")]),
        ("10 million people", [("10 million", 10_000_000, "people")]),
        ("$1.5 billion in aid", [("$1.5 billion", 1_500_000_000, "dollars")]),
        ("12% of voters", [("12%", 12, "percent")]),
        ("31 percent less wheat", [("31 percent", 31, "percent")]),
        ("three brigades", [("three", 3, "brigades")]),
        ("a thousand men", [("a thousand", 1000, "men")]),
        ("lost 1,500 soldiers-a-day", [("1,500", 1500, "soldiers")]),
        ("around 100 towns and villages", [("100", 100, "towns")]),
    ],
)
def test_figures_are_normalised_with_the_word_they_count(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the 95th Airborne Assault Brigade",  # ordinal: a name, not a figure
        "F-16 jets and COVID-19 cases",  # identifiers glued to letters
        "at 10:30 on the day",  # clock time
        "Starting Nov 7, Russia attacked",  # day of a date
        "in 2023 the war went on",  # a year
        "one of the commanders",  # "one" alone is not a figure
    ],
)
def test_names_times_and_dates_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_a_four_digit_count_before_a_plural_is_a_figure_not_a_year() -> None:
    assert figures("In all, 2000 troops were sent") == [("2000", 2000, "troops")]
    assert find_dates("In all, 2000 troops were sent") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Starting Nov 7, Russia", [("Nov 7", None, 11, 7)]),
        ("On Nov. 11, forces moved", [("Nov. 11", None, 11, 11)]),
        ("broken on August 6 when", [("August 6", None, 8, 6)]),
        ("by Nov. 30, 2026.", [("Nov. 30, 2026", 2026, 11, 30)]),
        ("on 7 November 2024", [("7 November 2024", 2024, 11, 7)]),
        ("launched in August", [("August", None, 8, None)]),
        ("the 2023 counter-offensive", [("2023", 2023, None, None)]),
        ("in March 2022 troops", [("March 2022", 2022, 3, None)]),
        ("In September the bank", [("September", None, 9, None)]),  # opening the sentence
    ],
)
def test_dates(text: str, expected: list[tuple[str, int | None, int, int | None]]) -> None:
    assert [(d.text, d.year, d.month, d.day) for d in find_dates(text)] == expected


def test_month_words_used_otherwise_are_not_dates() -> None:
    assert find_dates("Officials may march on; May said so.") == []


def test_offsets_are_relative_to_the_sentence() -> None:
    text = "On Nov 11, forces used 50 bombs."
    (date,) = find_dates(text)
    (figure,) = find_quantities(text)
    assert text[date.start : date.end] == "Nov 11"
    assert text[figure.start : figure.end] == "50"
