"""Sentence segmentation: abbreviations, numbers, quotations, bullets, lines, offsets."""

from __future__ import annotations

import pytest

from tui.claims.segmentation import Marker, split_blocks


def sentences(text: str) -> list[str]:
    return [text[s:e] for b in split_blocks(text) for s, e in b.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Army said 40 troops left. They went home.",
            ["The U.S. Army said 40 troops left.", "They went home."],
        ),
        ("Gen. Smith arrived. He spoke briefly.", ["Gen. Smith arrived.", "He spoke briefly."]),
        (
            "Mr. Lee and Dr. Ruiz met on Nov. 7 in Kyiv.",
            ["Mr. Lee and Dr. Ruiz met on Nov. 7 in Kyiv."],
        ),
        ("Mayor J. R. Castillo spoke.", ["Mayor J. R. Castillo spoke."]),
        (
            "Prices rose 6.1 percent, to 1,376 points.",
            ["Prices rose 6.1 percent, to 1,376 points."],
        ),
        (
            "Troops moved into the U.S. The decision surprised many.",
            ["Troops moved into the U.S.", "The decision surprised many."],
        ),
        (
            "He lives on Main St. The shop is closed.",
            ["He lives on Main St.", "The shop is closed."],
        ),
        ("Acme Inc. said sales fell.", ["Acme Inc. said sales fell."]),
        (
            "He cited Fig. 3 and No. 12 of the report.",
            ["He cited Fig. 3 and No. 12 of the report."],
        ),
    ],
)
def test_abbreviations_and_numbers_do_not_break_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The roof cost approx. 9,500 dollars. Insurers paid half.",
            ["The roof cost approx. 9,500 dollars.", "Insurers paid half."],
        ),
        ("Prices incl. VAT went up.", ["Prices incl. VAT went up."]),
        (
            "Chile vs. Peru ended 0-0. Few fans came.",
            ["Chile vs. Peru ended 0-0.", "Few fans came."],
        ),
        (
            "Brown v. Board of Education changed schools.",
            ["Brown v. Board of Education changed schools."],
        ),
        ("The abbey was founded c. 1120 by monks.", ["The abbey was founded c. 1120 by monks."]),
        ("The fort dates from ca. 1600.", ["The fort dates from ca. 1600."]),
        ("An est. 4,000 people marched.", ["An est. 4,000 people marched."]),
        ("Pupils of school no. 7 stayed home.", ["Pupils of school no. 7 stayed home."]),
        ("Lots nos. 12 and 13 were sold.", ["Lots nos. 12 and 13 were sold."]),
        ("The model (Liu et al. 2021) held up.", ["The model (Liu et al. 2021) held up."]),
        # The same words can still end a sentence when a new one plainly starts.
        (
            "They sold pens, paper, etc. The shop then closed.",
            ["They sold pens, paper, etc.", "The shop then closed."],
        ),
        ("We sat. The band played on.", ["We sat.", "The band played on."]),
    ],
)
def test_lower_case_abbreviations_before_numbers_and_names(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_ending_inside_quotation_keeps_the_closing_mark() -> None:
    text = "“There’s no other option,” said a commander. “We’ll fight here.” Others left."
    assert sentences(text) == [
        "“There’s no other option,” said a commander.",
        "“We’ll fight here.”",
        "Others left.",
    ]


def test_question_inside_quotes_followed_by_lower_case_tag_is_one_sentence() -> None:
    assert sentences('"Why now?" he asked. Nobody knew.') == [
        '"Why now?" he asked.',
        "Nobody knew.",
    ]


def test_ellipsis_before_a_capital_ends_a_sentence() -> None:
    assert sentences("It went on... Then it stopped.") == ["It went on...", "Then it stopped."]


def test_each_unpunctuated_line_is_its_own_unit() -> None:
    text = "Big headline here\n\nPhoto caption line\nBody text starts. It goes on."
    assert sentences(text) == [
        "Big headline here",
        "Photo caption line",
        "Body text starts.",
        "It goes on.",
    ]


def test_bullets_and_numbers_are_markers_not_part_of_the_unit() -> None:
    text = "Key points\n  • First point is here.\n  • Second point.\n1. A numbered item\n## Heading"
    blocks = split_blocks(text)
    assert [text[b.start : b.end] for b in blocks] == [
        "Key points",
        "First point is here.",
        "Second point.",
        "A numbered item",
        "Heading",
    ]
    assert [b.marker for b in blocks] == [
        Marker.NONE,
        Marker.BULLET,
        Marker.BULLET,
        Marker.NUMBER,
        Marker.HEADING,
    ]


def test_inline_bullets_separate_units() -> None:
    assert sentences("Home • World • Politics") == ["Home", "World", "Politics"]


def test_hard_wrapped_prose_is_joined_but_headline_and_byline_are_not() -> None:
    text = (
        "Drought cuts the harvest across the southern plains this year, farmers say\n"
        "By Jane Doe\n\n"
        "Farmers across the southern plains expect to harvest far less wheat than last\n"
        "year, the growers' association said in its report released on Monday morning.\n"
    )
    assert sentences(text) == [
        "Drought cuts the harvest across the southern plains this year, farmers say",
        "By Jane Doe",
        "Farmers across the southern plains expect to harvest far less wheat than last\n"
        "year, the growers' association said in its report released on Monday morning.",
    ]


def test_blank_lines_are_recorded_around_blocks() -> None:
    blocks = split_blocks("Title\n\nOne.\nTwo.\n\nThree.")
    assert [(b.blank_before, b.blank_after) for b in blocks] == [
        (True, True),
        (True, False),
        (False, True),
        (True, True),
    ]


def test_crlf_and_offsets_slice_back() -> None:
    text = "First line\r\n\r\nA sentence. Another one!\r\n"
    spans = [s for b in split_blocks(text) for s in b.sentences]
    assert [text[s:e] for s, e in spans] == ["First line", "A sentence.", "Another one!"]


def test_sentences_of_a_later_block_are_offsets_into_the_whole_text() -> None:
    text = "First block.\n\nOne. Two.\n\nLast."
    blocks = split_blocks(text)
    assert [text[s:e] for s, e in blocks[1].sentences] == ["One.", "Two."]
