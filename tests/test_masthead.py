"""Articles as they come: a title from the text when the first line is no headline, the
outlet from a publisher or byline line when no metadata names it, ids from file names that
are not UTF-8."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.fixture_types import WriteCorpus
from tui.claims.units import Kind, extract_claims
from tui.cli.main import EXIT_OK, main
from tui.corpus.articles import Article, load_corpus
from tui.corpus.masthead import (
    credited_publisher,
    first_sentence,
    name_line_publisher,
    publisher_from,
    shortened,
    title_from,
)
from tui.corpus.outlets import outlet_of

PROSE = (
    "Floodwater swept through the lower town on Tuesday night, forcing about 2,000 residents "
    "from their homes, the regional emergency service said. Rescue crews worked through the "
    "night to reach families stranded on rooftops along the river.\n\n"
    "The river peaked at 6.2 metres shortly after midnight, the highest level since records "
    "began, according to the national weather office.\n"
)

# ---- titles -----------------------------------------------------------------------------


def test_no_headline_gives_the_first_sentence_cut_at_a_word_with_an_ellipsis(
    write_corpus: WriteCorpus,
) -> None:
    root = write_corpus({"2024_09_18_a3f9c2e1.txt": PROSE})
    (article,) = load_corpus([root]).articles
    assert article.title == (
        "Floodwater swept through the lower town on Tuesday night, forcing about 2,000…"
    )
    assert "a3f9c2e1" not in article.title and len(article.title) <= 80


def test_a_short_first_sentence_is_the_title_whole(write_corpus: WriteCorpus) -> None:
    text = "Rescue crews reached the stranded families. " + PROSE
    root = write_corpus({"x_1f2e.txt": text})
    assert load_corpus([root]).articles[0].title == "Rescue crews reached the stranded families."


def test_a_headline_stays_the_title(write_corpus: WriteCorpus) -> None:
    root = write_corpus({"x.txt": "River bursts its banks\n\n" + PROSE})
    assert load_corpus([root]).articles[0].title == "River bursts its banks"


def test_a_credit_line_on_top_is_not_the_title(write_corpus: WriteCorpus) -> None:
    root = write_corpus({"x.txt": "By Jane Roe, Harbour Media Group\n\n" + PROSE})
    assert load_corpus([root]).articles[0].title.startswith("Floodwater swept")


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("Mr. Smith said the U.S. Army would withdraw. Then more.", None),
        ("The vote passed 52-48. Critics said it was rushed.", "The vote passed 52-48."),
        ("“We will rebuild,” the mayor said. Crews began work.", None),
        ("Is the bridge safe? Engineers are not sure.", "Is the bridge safe?"),
    ],
)
def test_first_sentence_does_not_stop_at_abbreviations(text: str, sentence: str | None) -> None:
    expected = sentence or text.rsplit(". ", 1)[0] + "."
    assert first_sentence(text) == expected


def test_shortened_cuts_at_a_word_boundary() -> None:
    text = "word " * 40
    short = shortened(text, 30)
    assert short.endswith("…") and len(short) <= 30 and not short[:-1].endswith(" ")
    assert all(w == "word" for w in short[:-1].split())
    assert shortened("Short enough.", 30) == "Short enough."
    assert title_from("\n\n") is None


# ---- outlets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("© 2024 Northern Times. All rights reserved.", "Northern Times"),
        ("Copyright 2023 Harbour Media Group Ltd", "Harbour Media Group Ltd"),
        ("Copyright © Reuters 2024", "Reuters"),
        ("Published by Harbour Media on 3 May 2025", "Harbour Media"),
        ("Publisher: Northern Times", "Northern Times"),
        ("By Jane Roe, Harbour Media Group", "Harbour Media Group"),
        ("*By Jane Q. Roe and Tom Reed | Northern Times | 3 May 2025*", "Northern Times"),
        ("By Jane Roe for the BBC", "BBC"),
        ("By Jane Roe, Daily Mail Reporter", "Daily Mail"),
        # Not publishers: a place, a role, a date, sentences that open like credits.
        ("By Jane Roe, Kyiv", None),
        ("By JANE ROE, SENIOR CORRESPONDENT", None),
        ("Published: March 3, 2024", None),
        ("Copyright Office officials said the rule would change.", None),
        ("Published by Oxfam on Monday, the report found that 3,000 people left.", None),
        ("By the end of 2024, Harbour Media Group had cut 300 jobs.", None),
    ],
)
def test_credit_lines(line: str, outlet: str | None) -> None:
    assert credited_publisher(line) == outlet


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("ICARO Media Group", "ICARO Media Group"),
        ("Harbour Times staff", "Harbour Times"),
        ("The Kyiv Independent", "The Kyiv Independent"),
        ("Jane Roe", None),  # a person
        ("Media Group Collapses", None),  # a headline in title case
        ("At a Glance", None),
    ],
)
def test_name_lines(line: str, outlet: str | None) -> None:
    assert name_line_publisher(line) == outlet


HEADLINE = "Floods force 2,000 from their homes"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (f"{HEADLINE}\nHarbour Media Group\n\n{PROSE}", "Harbour Media Group"),
        (f"{HEADLINE}\n\nBy Jane Roe, Northern Times\n\n{PROSE}", "Northern Times"),
        (f"{HEADLINE}\n\n{PROSE}\n© 2024 Valley Gazette. All rights reserved.\n", "Valley Gazette"),
        (f"{HEADLINE}\n\nPublished by Riverside News\n\n{PROSE}", "Riverside News"),
        # Nothing names one: a person's byline, a wire credit, a name line in the body.
        (f"{HEADLINE}\n\nBy Jane Roe\n\n{PROSE}", None),
        (f"{HEADLINE}\n\n{PROSE}\n(Reporting by Ana Lima; Editing by Tom Reed)\n", None),
        (f"{HEADLINE}\n\n{PROSE}\nNorthern Times\n\n{PROSE}", None),
        # The headline itself is never the outlet's line.
        (f"Harbour Media Group\n\n{PROSE}", None),
    ],
)
def test_publisher_from_the_text(text: str, outlet: str | None) -> None:
    assert publisher_from(text) == outlet


def test_the_line_that_names_the_outlet_is_furniture() -> None:
    """The outlet comes only from a line the classifier does not offer as a claim."""
    texts = [
        f"{HEADLINE}\nHarbour Media Group\n\n{PROSE}",
        f"{HEADLINE}\n\nBy Jane Roe, Northern Times\n\n{PROSE}",
        f"{HEADLINE}\n\nPublished by Riverside News\n\n{PROSE}",
        f"{HEADLINE}\n\nHarbour Times staff\n\n{PROSE}",
        f"{HEADLINE}\n\n{PROSE}\n© 2024 Valley Gazette. All rights reserved.\n",
    ]
    for text in texts:
        outlet = publisher_from(text)
        assert outlet is not None
        units = extract_claims(Article("a", Path("a.txt"), "", text, ""))
        (credit,) = [u for u in units if outlet in u.text]
        assert credit.kind is Kind.BOILERPLATE, credit.text
        assert units[0].text == HEADLINE and units[0].kind is Kind.CLAIM


def test_the_loader_names_the_outlet_and_metadata_wins(write_corpus: WriteCorpus) -> None:
    root = write_corpus(
        {
            "a.txt": f"{HEADLINE}\nHarbour Media Group\n\n{PROSE}",
            "b.md": f"+++\noutlet = 'Coast Radio'\n+++\n{HEADLINE}\nHarbour Media Group\n\n{PROSE}",
            "c.txt": f"{HEADLINE}\n\n{PROSE}",
        }
    )
    outlets = {a.id: outlet_of(a) for a in load_corpus([root]).articles}
    assert outlets == {"a": "Harbour Media Group", "b": "Coast Radio", "c": "unknown"}


def test_seeds_titles_and_outlets(seeds_dir: Path) -> None:
    articles = {a.id[:3]: a for a in load_corpus([seeds_dir]).articles}
    assert articles["003"].outlet == "ICARO Media Group"
    for article in articles.values():
        assert article.id not in article.title  # never the file stem
    assert articles["002"].title.startswith("The true purpose of Ukraine's surprise offensive")
    assert articles["002"].title.endswith("…")


# ---- ids from file names that are not UTF-8 ---------------------------------------------


def _latin1_named(folder: Path, text: str) -> None:
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as f:
        f.write(text.encode("utf-8"))


def test_a_file_name_that_is_not_utf8_gives_a_text_id(write_corpus: WriteCorpus) -> None:
    root = write_corpus({"café.txt": "River bursts its banks\n\n" + PROSE})
    _latin1_named(root, f"{HEADLINE}\n\n{PROSE}")
    ids = [a.id for a in load_corpus([root]).articles]
    assert sorted(ids) == ["caf\\xe9", "café"]
    for article_id in ids:
        article_id.encode("utf-8")  # valid text: no lone surrogate
    assert ids == [a.id for a in load_corpus([root]).articles]  # stable


@pytest.mark.parametrize("command", ["claims", "match"])
def test_claims_and_match_read_a_file_whose_name_is_not_utf8(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _latin1_named(corpus, f"{HEADLINE}\n\n{PROSE}")
    (corpus / "other.txt").write_text(f"River bursts its banks\n\n{PROSE}", encoding="utf-8")
    code = main([command, "--no-cache", "--format", "json", str(corpus)])
    out, err = capsys.readouterr()
    assert (code, err) == (EXIT_OK, "")
    doc = json.loads(out)
    assert {a["id"] for a in doc["articles"]} == {"caf\\xe9", "other"}
    assert all(c["id"].startswith(("caf\\xe9:", "other:")) for c in doc["claims"])
