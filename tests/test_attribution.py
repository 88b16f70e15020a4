"""Attribution: who a sentence says its claim comes from."""

from __future__ import annotations

import pytest

from tui.attribution import dash_source, find_attribution


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops hold the line, Zelensky said on Telegram.", "Zelensky"),
        ("According to US officials, the aid was critical.", "US officials"),
        ("The estimate was reported by The New York Times.", "The New York Times"),
        ("Pentagon last week claimed that 10,000 troops were there.", "Pentagon"),
        ("“There’s no other option,” said one drone unit commander.", "drone unit commander"),
        (
            "Andrii Kovalenko, head of the centre, confirmed the fighting.",
            "Andrii Kovalenko",
        ),
        ("Kyiv officials suggested the pause played a part.", "Kyiv officials"),
        ("The bridge is unsafe, said the chief inspector.", "chief inspector"),
        ('"We are ready," said Prof. Samuel Otieno, who led the trial.', "Prof. Samuel Otieno"),
        ("Side effects were mild, the study found.", "study"),
        ("Ukraine and Russia said talks would resume.", "Ukraine and Russia"),
        (
            "“Russia lost 1,500 soldiers a day.” – British Armed Forces chief Tony Radakin",
            "British Armed Forces chief Tony Radakin",
        ),
        ("Malaria killed 608,000 people, according to the WHO.", "WHO"),
    ],
)
def test_named_sources(text: str, expected: str) -> None:
    assert find_attribution(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Reports indicate that Ukraine is preparing a counteroffensive.",  # vague: no source
        "He said the team would seek approval.",  # a pronoun names no one
        "Both sides have dismissed these claims.",  # "claims" is a noun here
        "A reported 50,000 troops are preparing an assault.",  # adjective, no subject
        "The war went on through the winter.",
        "Losses were far worse than initially reported.",
    ],
)
def test_no_named_source(text: str) -> None:
    assert find_attribution(text) == ""


def test_a_reporting_verb_wins_over_a_verb_of_finding() -> None:
    text = "The bridge closed after inspectors found cracks, city officials said."
    assert find_attribution(text) == "city officials"


def test_dash_line_credits_a_quotation() -> None:
    assert dash_source("— Rosa Delgado, council member for District 4") == "Rosa Delgado"
    assert dash_source("– Tony Radakin") == "Tony Radakin"
    assert dash_source("Rosa Delgado spoke.") == ""
