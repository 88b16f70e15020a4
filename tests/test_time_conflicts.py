"""Times of day of the same thing that cannot both be true conflict; others do not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.claims.times import find_times
from tui.claims.units import Kind, Unit, extract_units
from tui.matching.conflicts import find_conflicts, scoped_conflicts
from tui.matching.scope import story_scope


def unit(article: str, text: str) -> Unit:
    return extract_units(article, text)[0]


def time_conflicts(text_a: str, text_b: str) -> list[tuple[str, str]]:
    a, b = unit("a", text_a), unit("b", text_b)
    found = [(k.a, k.b) for k in find_conflicts(a, b) if k.kind == "time"]
    back = [(k.b, k.a) for k in find_conflicts(b, a) if k.kind == "time"]
    assert sorted(found) == sorted(back)  # the same either way round
    return found


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "The bridge collapsed at 7:15 a.m. on Monday, March 3, earlier than officials say.",
            "The Marrow Street bridge collapsed at 7:40 a.m. on Monday, March 3, officials said.",
            [("7:15 a.m.", "7:40 a.m.")],
        ),
        ("The quake struck at 7.15am.", "The quake struck at 7:40 a.m.", [("7.15am", "7:40 a.m.")]),
        (
            "At 7:15 a.m., the bridge collapsed.",
            "The bridge collapsed at 7:40 a.m.",
            [("7:15 a.m.", "7:40 a.m.")],
        ),
        ("The quake struck at 7 a.m.", "The quake struck at 7:40 a.m.", [("7 a.m.", "7:40 a.m.")]),
        (
            "Le pont s'est effondré à 7 h 40.",
            "Le pont s'est effondré à 7 h 15.",
            [("7 h 40", "7 h 15")],
        ),
        (
            "The plane landed at 19:40 GMT.",
            "The plane landed at 20:40 GMT.",
            [("19:40 GMT", "20:40 GMT")],
        ),
        ("Polls closed at 7 p.m.", "Polls closed at 9 p.m.", [("7 p.m.", "9 p.m.")]),
        (
            "The bridge collapsed shortly after 7:40 a.m.",
            "The bridge collapsed at 7:20 a.m.",
            [("7:40 a.m.", "7:20 a.m.")],
        ),
        (
            "Polls opened at 7 a.m. and closed at 8 p.m.",
            "Polls closed at 9 p.m.",
            [("8 p.m.", "9 p.m.")],
        ),
    ],
)
def test_different_times_of_the_same_thing_conflict(
    a: str, b: str, expected: list[tuple[str, str]]
) -> None:
    assert time_conflicts(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same moment, written differently
        ("The bridge collapsed at 7:40 a.m.", "The bridge collapsed at 7.40am."),
        ("The bridge collapsed at 19:40.", "The bridge collapsed at 7:40 p.m."),
        ("The bridge collapsed at 7:40.", "The bridge collapsed at 7:40 p.m."),
        # hedged or to the hour: within 15 minutes
        ("The quake struck at about 7:30 a.m.", "The quake struck at 7:42 a.m."),
        ("The quake struck at 7 a.m.", "The quake struck at 7:10 a.m."),
        ("The bridge collapsed at midnight.", "The bridge collapsed at 11:55 p.m."),
        ("The bridge collapsed shortly after 7:40 a.m.", "The bridge collapsed at 7:50 a.m."),
        ("The bridge collapsed just after 7 a.m.", "The bridge collapsed at 7:25 a.m."),
        ("The bridge collapsed shortly before midnight.", "The bridge collapsed at 11:35 p.m."),
        # zones differ or only one side names one
        ("The bridge collapsed at 19:40 GMT.", "The bridge collapsed at 20:40 CET."),
        ("The bridge collapsed at 19:40 GMT.", "The bridge collapsed at 20:40."),
        ("The bridge collapsed at 7:40 local time.", "The bridge collapsed at 6:40 a.m."),
        ("The bridge collapsed at 9:40 a.m. ET.", "The bridge collapsed at 6:40 a.m. PT."),
        # other things
        ("The bridge collapsed at 7:15 a.m.", "Rescuers reached the bridge at 7:40 a.m."),
        ("The bridge was due to reopen at 9 a.m.", "The bridge reopened at 11 a.m."),
        (
            "The bridge collapsed, the agency said at 10 a.m.",
            "The bridge collapsed, the agency said at 11 a.m.",
        ),
        # bounds and ranges place nothing
        ("The bridge was closed until 9 p.m.", "The bridge was closed until 11 p.m."),
        ("A curfew runs from 7 to 9 p.m.", "A curfew runs from 8 to 10 p.m."),
        ("The bridge collapsed before 7 a.m.", "The bridge collapsed at 7:40 a.m."),
        # two times of different events in one sentence
        (
            "The first blast was at 7:15 a.m. and the second at 7:40 a.m.",
            "The second blast came at 7:42 a.m.",
        ),
        # numbers with colons that are not times
        (
            "Pastor Hale read John 3:16 at the service.",
            "Pastor Hale read John 3:17 at the service.",
        ),
        ("The home side won 3-1 at 7:40 p.m.", "The home side won 2-1 at 7:40 p.m."),
        ("Men outnumber women 7:1 in the sector.", "Men outnumber women 5:1 in the sector."),
    ],
)
def test_times_that_can_both_be_true_or_are_not_comparable_do_not(a: str, b: str) -> None:
    assert time_conflicts(a, b) == []


def test_times_of_claims_about_different_days_do_not_conflict() -> None:
    a = unit("a", "The bridge collapsed at 7:15 a.m. on Monday, March 3.")
    b = unit("b", "The bridge collapsed at 7:40 a.m. on Monday, March 10.")
    assert find_conflicts(a, b)  # read alone they disagree ...
    scope = story_scope([a, b], {"a": "2025-03-03", "b": "2025-03-10"})
    assert scoped_conflicts(a, b, scope) == ()  # ... but they are about different events


def test_a_time_conflict_is_named_like_a_date_conflict() -> None:
    a = unit("a", "The bridge collapsed at 7:15 a.m.")
    b = unit("b", "The bridge collapsed at 7:40 a.m.")
    (conflict,) = find_conflicts(a, b)
    assert (conflict.kind, conflict.subject) == ("time", "")


_HOURS = st.integers(min_value=1, max_value=12)
_MINUTES = st.integers(min_value=0, max_value=59)
_FORMS = st.sampled_from(["{h}:{m:02d} a.m.", "{h}:{m:02d} p.m.", "{h}.{m:02d}pm", "{h} a.m."])
_HEDGES = st.sampled_from(["", "about ", "around ", "shortly after ", "before "])


@settings(max_examples=60, deadline=None)
@given(_HOURS, _MINUTES, _FORMS, _HEDGES, _HOURS, _MINUTES, _FORMS, _HEDGES)
def test_time_conflicts_are_symmetric_and_never_with_oneself(
    h1: int, m1: int, f1: str, e1: str, h2: int, m2: int, f2: str, e2: str
) -> None:
    text_a = f"The bridge collapsed at {e1}{f1.format(h=h1, m=m1)} on Monday."
    text_b = f"The bridge collapsed at {e2}{f2.format(h=h2, m=m2)} on Monday."
    a, b = unit("a", text_a), unit("b", text_b)
    assert find_conflicts(a, a) == ()
    forth = sorted((k.kind, k.a, k.b) for k in find_conflicts(a, b))
    back = sorted((k.kind, k.b, k.a) for k in find_conflicts(b, a))
    assert forth == back


_PIECES = st.sampled_from(
    ["at ", "about ", "until ", "7", "19", ":40", ".15", " a.m.", "pm", " h ", "40", " GMT",
     "noon", "collapsed ", "the bridge ", ", ", " and ", "said ", "3-1 ", "John 3:16 "]
)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12), st.lists(_PIECES, min_size=1, max_size=12))
def test_any_text_reads_safely_symmetrically_and_never_against_itself(
    pieces_a: list[str], pieces_b: list[str]
) -> None:
    text_a, text_b = "".join(pieces_a), "".join(pieces_b)
    a = Unit("a1", "a", text_a, 0, len(text_a), Kind.CLAIM, 0)
    b = Unit("b1", "b", text_b, 0, len(text_b), Kind.CLAIM, 0)
    for t in find_times(text_a):
        assert text_a[t.start : t.end] == t.text and 0 <= t.minutes < 24 * 60
    assert time_conflicts_of(a, a) == []
    assert sorted(time_conflicts_of(a, b)) == sorted((y, x) for x, y in time_conflicts_of(b, a))


def time_conflicts_of(a: Unit, b: Unit) -> list[tuple[str, str]]:
    return [(k.a, k.b) for k in find_conflicts(a, b) if k.kind == "time"]
