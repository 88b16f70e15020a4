"""What a figure stands for beyond its noun (tui.matching.figure_roles)."""

from __future__ import annotations

import pytest

from tui.matching.figure_roles import (
    Context,
    is_increment,
    read_context,
    read_owners,
    roles_agree,
)


def context(text: str, figure: str, head: str) -> Context:
    at = text.index(figure)
    return read_context(text, at, at + len(figure), head)


@pytest.mark.parametrize(
    ("text", "figure", "head", "role"),
    [
        ("At least 31 people were killed in the slide.", "31", "people", "dead"),
        ("The slide killed 28 people, officials said.", "28", "people", "dead"),
        ("The slide injured 40 people.", "40", "people", "injured"),
        ("Nine people died and six are missing.", "Nine", "people", "dead"),
        ("Rescuers pulled 70 people from the mud.", "70", "people", ""),
        ("The ship was carrying 212 people.", "212", "people", "aboard"),
        ("The quake struck at a depth of 10 km.", "10", "km", "depth"),
        ("The epicentre was 12 km south of Alna.", "12", "km", "distance"),
        ("Smoke could be seen 80 miles away.", "80", "mi", "reach"),
        ("Gusts of 90 km/h hit the coast.", "90", "km", "wind"),
        ("Prices rose 5.2 percent.", "5.2", "%", "change"),
        ("Inflation rose to 5.2 percent.", "5.2", "%", "level"),
        ("Its key rate is now 4.75 percent.", "4.75", "%", "rate"),
        ("The group will pay $6 billion for Orla.", "6", "$", "price"),
    ],
)
def test_the_nearest_role_word_in_the_clause(text: str, figure: str, head: str, role: str) -> None:
    assert context(text, figure, head).role == role


def test_a_role_word_in_another_clause_is_not_the_figures() -> None:
    found = context("Nine people died, and rescuers are searching for six more.", "Nine", "people")
    assert found.role == "dead"
    found = context("Twelve people were killed and 41 were taken to hospital.", "41", "people")
    assert found.role == "hospital"


@pytest.mark.parametrize(
    ("text", "figure", "qualifiers"),
    [
        ("The ferry was licensed to carry 180 passengers.", "180", {"limit"}),
        ("She won 49 percent in an exit poll.", "49", {"poll"}),
        ("The union is demanding a 12 percent rise.", "12", {"demand"}),
        ("The firm has offered a 7 percent rise.", "7", {"offer"}),
        ("The river was 1.5 metres above its normal level.", "1.5", {"normal"}),
        ("The firm has given a 7 percent rise.", "7", set()),
    ],
)
def test_qualifiers(text: str, figure: str, qualifiers: set[str]) -> None:
    assert context(text, figure, "%").qualifiers == qualifiers


def owners(text: str, figure: str) -> frozenset[str]:
    return read_owners(text, text.index(figure))


def test_owners_are_names_before_the_figure_but_not_the_source() -> None:
    assert owners("Orsini won 51 percent of the vote.", "51") == {"orsini"}
    assert owners("Police said 12 people died.", "12") == frozenset()
    assert owners("Rescuers found 12 people.", "12") == frozenset()
    assert owners("Storm Alva left 12 people dead.", "12") == {"alva"}


@pytest.mark.parametrize(
    ("text", "figure", "added"),
    [
        ("Another 25 homes burned.", "25", True),
        ("A further 60 buildings fell.", "60", True),
        ("An additional 1,500 people left.", "1,500", True),
        ("Two more bodies were found.", "Two", True),
        ("Two other workers died.", "Two", True),
        ("Five additional people died.", "Five", True),
        ("More than 200 homes burned.", "200", False),
        ("Two bodies were found, more than expected.", "Two", False),
    ],
)
def test_additions(text: str, figure: str, added: bool) -> None:
    at = text.index(figure)
    assert is_increment(text, at, at + len(figure)) is added


def test_roles_agree_unless_both_are_known_and_differ_or_qualifiers_differ() -> None:
    dead, injured, unknown = Context("dead"), Context("injured"), Context()
    assert roles_agree(dead, dead) and roles_agree(dead, unknown)
    assert not roles_agree(dead, injured)
    assert not roles_agree(Context("share", qualifiers=frozenset({"poll"})), Context("share"))
