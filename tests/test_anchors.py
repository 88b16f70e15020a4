"""Time anchors, other-event words and named places of a claim (tui.claims.anchors)."""

from __future__ import annotations

import pytest

from tui.claims.anchors import NONE, read_anchors


def times(text: str) -> list[tuple[str, str, bool]]:
    return [(t.kind, t.text, t.soft) for t in read_anchors(text).times]


def test_a_sentence_without_time_or_place_words_has_no_anchor() -> None:
    assert read_anchors("The council approved the budget for the new bridge.") is NONE
    assert not read_anchors("Prices rose sharply.").anchored


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam burst on Thursday.", [("weekday", "Thursday", False)]),
        ("Banks reopen on Mondays.", []),  # a habit, not a day
        ("Crews worked overnight.", [("relative", "overnight", False)]),
        ("Yesterday the port closed.", [("relative", "Yesterday", False)]),
        ("The mill closed last year.", [("relative", "last year", False)]),
        ("Two years ago a levee failed.", [("relative", "Two years ago", False)]),
        ("In September the board met.", [("month", "September", False)]),
        ("In 2009 the line was electrified.", [("year", "2009", False)]),
        ("The vote was held on March 3.", [("date", "March 3", False)]),
    ],
)
def test_time_anchors(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert times(text) == expected


def test_a_relative_anchor_counts_its_steps() -> None:
    (ago,) = read_anchors("A decade ago the river flooded the town.").times
    assert (ago.unit, ago.offset) == ("year", -10)
    (last,) = read_anchors("Last week the pass was closed.").times
    assert (last.unit, last.offset) == ("week", -1)
    (day,) = read_anchors("The bank said the outage began on Friday.").times
    assert day.weekday == 4


@pytest.mark.parametrize(
    "text",
    [
        "It is the worst flood since 2002.",  # a span from then until now
        "The road stays closed until Monday.",
        "The cut applies from November.",
        "Output rises by 5 percent starting in January.",
        "Nine people died, the ministry said on Wednesday.",  # when the source spoke
        "The mayor told reporters on Tuesday that 40 homes were lost.",
        "The agency on Friday said the toll had risen.",
    ],
)
def test_spans_and_the_time_a_source_spoke_are_soft(text: str) -> None:
    found = read_anchors(text)
    assert found.times and all(t.soft for t in found.times)
    assert not found.anchored


def test_since_a_time_when_something_happened_places_it_then() -> None:
    (anchor,) = read_anchors("It was the deadliest storm since 1987, when 96 people died.").times
    assert (anchor.text, anchor.soft) == ("1987", False)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Another storm hit the coast on Monday.", "Another storm"),
        ("An earlier explosion at the depot injured two workers.", "An earlier explosion"),
        ("A similar surveillance law was upheld.", "A similar surveillance law"),
        ("Floods cut off six villages in neighbouring Varnia.", "in neighbouring Varnia"),
        ("The tremor jolted a nearby province.", "a nearby province"),
        ("Workers at rival Dorner also walked out.", "at rival Dorner"),
    ],
)
def test_words_that_place_a_claim_at_another_event(text: str, words: str) -> None:
    assert read_anchors(text).elsewhere == words


@pytest.mark.parametrize(
    "text",
    [
        "Another 40 homes were destroyed.",  # an addition to a count, not another event
        "Ambulances were sent to neighbouring regions.",  # where to, not where it happened
        "Another four people died in hospital.",
    ],
)
def test_additions_and_destinations_are_not_another_event(text: str) -> None:
    assert read_anchors(text).elsewhere == ""


def test_named_places_of_a_kind() -> None:
    assert read_anchors("The quake struck Tarvel province.").places == {("province", "tarvel")}
    assert read_anchors("Crews reached the district of Osk.").places == {("district", "osk")}
    assert read_anchors("The Lorn County fire spread.").places == {("county", "lorn")}
    # A place named as a source is not where the claim happened.
    assert read_anchors("Ten died, according to the Brask prefecture.").places == frozenset()
