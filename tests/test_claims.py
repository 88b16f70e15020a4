"""Claims: unit kinds on small made-up pages, Claim fields, and stable ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.claims.units import Kind, claim_id, extract_claims
from tui.corpus.articles import Article


def article(text: str, article_id: str = "a") -> Article:
    return Article(article_id, Path(f"{article_id}.txt"), "", text, "")


def kinds(text: str) -> list[tuple[str, str]]:
    return [(str(c.kind), c.text) for c in extract_claims(article(text))]


BODY = (
    "The council voted on Thursday to add bike lanes along three miles of the main road. "
    "The plan will cost the city about $4 million over two years."
)


def test_headline_is_a_claim_and_body_heading_is_a_heading() -> None:
    text = f"Council approves bike lanes\n\n{BODY}\n\nWhat happens next\n\n{BODY}"
    got = kinds(text)
    assert got[0] == ("claim", "Council approves bike lanes")
    assert ("heading", "What happens next") in got


@pytest.mark.parametrize(
    "line",
    [
        "Image Source : agency",
        "Photo: Jane Doe/Reuters",
        "Soldiers at a checkpoint. (Photo: Army press office)",
        "By Jane Doe and John Roe",
        "Published: March 4, 2025 at 9:12 a.m. ET",
        "November 12, 2024",
        "Title: **Council approves bike lanes**",
        "Share on Facebook",
        "Subscribe to our newsletter",
        "Exit mobile version",
        "Advertisement",
        "Read more: Other story about something",
        "Related: Another story",
        "Previous articleSomething happened elsewhere",
        "Next story: Library extends hours",
        "© 2025 The Courier. All rights reserved.",
        "4 min read",
        "Getty Images",
        # An image is furniture whatever its alt text says, a full sentence included.
        "![Firefighters pull a man from the river](rescue.jpg)",
        '[![Crowds gather outside the court](court.png "Court")](https://example.org/gallery)',
        # Staff bylines with a date, whatever words the outlet's name holds.
        "Diário do Leste staff | 3 May 2025, 4:15 p.m.",
        "The Coastal Ledger staff, May 3, 2025",
        "Maria Lund, Senior Political Correspondent | 14:05 GMT",
        "Maria Lund, Senior Political Correspondent",
        "*By Maria Lund, Senior Political Correspondent*",
        # Wire production credits, bracketed or not.
        "(Reporting by Maria Lund in Oslo; Editing by Ken Ford)",
        "Additional reporting by Ken Ford and Ada Boe; writing by Ada Boe",
    ],
)
def test_page_furniture_is_never_a_claim(line: str) -> None:
    text = f"Council approves bike lanes\n\n{line}\n\n{BODY}\n\n{line}\n"
    top = text.index(line)
    bottom = text.rindex(line)
    furniture = [(top, top + len(line)), (bottom, bottom + len(line))]
    claims = [c for c in extract_claims(article(text)) if c.is_claim]
    assert len(claims) == 3  # the headline and the two body sentences
    for c in claims:
        assert not any(s <= c.start < e for s, e in furniture), c.text


def test_wire_credits_after_a_long_story_are_furniture() -> None:
    body = "\n\n".join([BODY] * 12)
    credit = "(Reporting by Maria Lund; Writing by Ken Ford; Editing by Ada Boe)"
    got = kinds(f"Council approves bike lanes\n\n{body}\n\n{credit}\n")
    assert got[-1] == ("boilerplate", credit)


def between_paragraphs(line: str) -> list[tuple[str, str]]:
    """The kinds of an article whose body holds `line` as a paragraph of its own."""
    return kinds(f"Council approves bike lanes\n\n{BODY}\n\n{line}\n\n{BODY}")


@pytest.mark.parametrize(
    "line",
    [
        "The hospital said its staff had worked without a break.",
        "Reporting by the Guardian revealed the abuse in 2019.",
        "The mayor told reporters the bridge would reopen on Friday.",
        "Two photographers, a reporter and a driver were detained by police.",
    ],
)
def test_prose_about_staff_reporters_or_reporting_stays_a_claim(line: str) -> None:
    got = between_paragraphs(line)
    assert ("claim", line) in got


def test_title_case_headline_ending_in_a_role_stays_the_headline() -> None:
    got = kinds(f"Hospital Cuts Nursing Staff\n\n{BODY}")
    assert got[0] == ("claim", "Hospital Cuts Nursing Staff")


def test_short_verbless_line_above_the_story_is_a_caption() -> None:
    text = f"Council approves bike lanes\n\nCyclists on a wet street in the city centre.\n\n{BODY}"
    assert ("boilerplate", "Cyclists on a wet street in the city centre.") in kinds(text)


@pytest.mark.parametrize(
    "line",
    [
        "She paid about 300 euros for the repairs last week.",
        "Rebels struck the airport before dawn.",
        "Two of the suspects fled across the border.",
    ],
)
def test_a_one_sentence_paragraph_in_the_past_tense_is_a_claim(line: str) -> None:
    # Short, between blank lines, no regular -ed verb: the shape of a caption, but news
    # prose is in the past tense and captions are in the present.
    got = between_paragraphs(line)
    assert ("claim", line) in got


def test_a_present_tense_caption_between_paragraphs_stays_furniture() -> None:
    line = "A cyclist rides past City Hall."
    got = between_paragraphs(line)
    assert ("boilerplate", line) in got


def test_sources_list_and_its_numbered_entries_are_furniture() -> None:
    text = f"Headline here\n\n{BODY}\n\nSources:\n\n  1. First source says so\n  2. Second one\n"
    got = kinds(text)
    assert got[-3:] == [
        ("boilerplate", "Sources:"),
        ("boilerplate", "First source says so"),
        ("boilerplate", "Second one"),
    ]


def test_reader_comments_become_comments_names_included() -> None:
    text = f"Headline here\n{BODY}\n2 Comments\nJane\nGreat article, thanks.\nBob K.\nI disagree.\n"
    got = kinds(text)
    assert got[-5:] == [
        ("boilerplate", "2 Comments"),
        ("comment", "Jane"),
        ("comment", "Great article, thanks."),
        ("comment", "Bob K."),
        ("comment", "I disagree."),
    ]


def test_at_a_glance_box_heading_is_heading_and_sentence_items_are_claims() -> None:
    text = (
        f"Headline here\n\n{BODY}\n\nAt a Glance\n\n"
        "  • The council approved three miles of new lanes.\n"
        "  • Home\n"
    )
    got = kinds(text)
    assert ("heading", "At a Glance") in got
    assert ("claim", "The council approved three miles of new lanes.") in got
    assert ("boilerplate", "Home") in got


def test_dash_line_after_a_quote_credits_it_and_is_not_a_claim() -> None:
    text = f"Headline here\n\n{BODY}\n\n“We cannot wait.”\n— Rosa Delgado, council member\n"
    claims = extract_claims(article(text))
    quote = next(c for c in claims if c.text == "“We cannot wait.”")
    credit = next(c for c in claims if c.text.startswith("Rosa Delgado"))
    assert quote.attribution == "Rosa Delgado"
    assert credit.kind is Kind.BOILERPLATE


def test_claim_fields() -> None:
    text = "Headline\n\nOn Nov 11, Russian forces used 50 guided bombs, the army said."
    claims = extract_claims(article(text))
    c = claims[1]
    assert (c.article, c.index, c.kind) == ("a", 1, Kind.CLAIM)
    assert text[c.start : c.end] == c.text
    assert [(q.value, q.unit) for q in c.numbers] == [(50, "bombs")]
    assert [(d.month, d.day) for d in c.dates] == [(11, 11)]
    assert c.attribution == "army"
    assert c.id == claim_id("a", c.text, 1)


def test_repeated_sentences_get_distinct_ids() -> None:
    claims = extract_claims(article("Headline\n\nIt rained. It rained. It rained."))
    ids = [c.id for c in claims]
    assert len(set(ids)) == len(ids) == 4


def test_non_claims_carry_no_figures() -> None:
    text = f"Headline\n\n{BODY}\n\n5 Comments\nAnn\nI counted 40 cars yesterday.\n"
    last = extract_claims(article(text))[-1]
    assert last.kind is Kind.COMMENT
    assert last.numbers == ()
