"""The outlet and the date from the lines under the headline, in the shapes news prints them
in several languages: "<Outlet>, <date>", "By|Par|Von|Por|Di|Автор:|Від <Name>, <Outlet>",
"<Name> | <Outlet>", a date on a line of its own; and never from a sentence of the body."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixture_types import WriteCorpus
from tui.claims.units import extract_claims
from tui.corpus.articles import Article, load_corpus
from tui.corpus.dateline import date_line
from tui.corpus.masthead import (
    credited_publisher,
    name_line_publisher,
    published_from,
    publisher_from,
)
from tui.corpus.outlets import outlet_of

HEADLINE = "Floods force 2,000 from their homes"
PROSE = (
    "Floodwater swept through the lower town on Tuesday night, forcing about 2,000 residents "
    "from their homes, the regional emergency service said. Rescue crews worked through the "
    "night to reach families stranded on rooftops along the river.\n\n"
    "The river peaked at 6.2 metres shortly after midnight, the highest level since records "
    "began, according to the national weather office.\n"
)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("By Jonas Ekdahl, Veldmoor Tribune", "Veldmoor Tribune"),
        ("By: Jane Roe, Northern Times", "Northern Times"),
        ("Par Élodie Marchand, Le Quotidien du Nord", "Le Quotidien du Nord"),
        ("Автор: Ирина Волкова, «Вельдмурский вестник»", "Вельдмурский вестник"),
        ("Автор: Ольга Петрова, Балтийский вестник", "Балтийский вестник"),
        ("Von Anna Berger, Frankfurter Allgemeine Zeitung", "Frankfurter Allgemeine Zeitung"),
        ("Por Ana Lima, El Diario del Norte", "El Diario del Norte"),
        ("Di Marco Rossi, Corriere della Sera", "Corriere della Sera"),
        ("Від Ірини Волкової, Радіо Свобода", "Радіо Свобода"),
        ("Par Élodie Marchand | Le Quotidien du Nord | 4 mars 2025", "Le Quotidien du Nord"),
        ("By Jane Roe, Radio Veldmoor, March 4, 2025", "Radio Veldmoor"),
    ],
)
def test_bylines_in_several_languages_name_the_outlet(line: str, outlet: str) -> None:
    assert credited_publisher(line) == outlet


# Sentences that open like a byline, and bylines that name a place or a job: never an outlet.
NOT_OUTLETS = [
    "By Monday, officials said the bridge would reopen.",
    "By Monday, officials said",
    "By 2030, the city will have replaced every bridge.",
    "By 2030, the city will",
    "By then, Radio Veldmoor had reported four deaths.",
    "By Friday, Harbour Media Group had cut 300 jobs.",
    "By March, Northern Times",
    "By the way, Radio Veldmoor",
    "By contrast, the Daily Post said four died.",
    "Par ailleurs, le maire a démissionné.",
    "Par ailleurs, Le Quotidien du Nord",
    "Par la suite, Le Quotidien du Nord a publié",
    "Von Montag an gilt die neue Regel.",
    "Von der Leyen, Frankfurter Allgemeine Zeitung",
    "Por primera vez, el Diario de Sevilla publicó la cifra.",
    "Por eso, El Diario del Norte",
    "Di recente, Corriere della Sera ha scritto",
    "Автор: неизвестен",
    "Від понеділка, Радіо Свобода",
    "By Jane Roe, Kyiv",
    "Par Élodie Marchand, Paris",
    "Par Élodie Marchand, à Lille",
    "By Jane Roe, Times Square",
    "By Jane Roe, News Editor",
    "By Jane Roe, Business News Editor",
    "By Jane Roe, Radio Host",
    "By Jane Roe, Senior Political Correspondent",
    "By Jane Roe, Kyiv news desk",
    "By Jane Roe, Kyiv news",
    "By Jane Roe, “Senior Correspondent”",
    "By Jane Roe and Tom Reed, Kyiv, March 4, 2025",
    "On March 5, 2025, Radio Veldmoor said",
    "Radio Veldmoor said on 4 March 2025 that four people died.",
]


@pytest.mark.parametrize("line", NOT_OUTLETS)
def test_sentences_and_places_are_no_outlet(line: str) -> None:
    assert credited_publisher(line) is None
    assert name_line_publisher(line) is None


@pytest.mark.parametrize("line", NOT_OUTLETS)
def test_a_sentence_under_the_headline_names_no_outlet_and_no_date(line: str) -> None:
    text = f"{HEADLINE}\n\n{line}\n\n{PROSE}"
    assert publisher_from(text) is None
    assert published_from(text) is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Radio Veldmoor, 4 March 2025", "Radio Veldmoor"),
        ("Le Quotidien du Nord, 4 mars 2025", "Le Quotidien du Nord"),
        ("«Вельдмурский вестник», 4 марта 2025", "Вельдмурский вестник"),
        ("Northern Times | Updated 3 May 2025", "Northern Times"),
        ("Harbour Media Group — 4 March 2025", "Harbour Media Group"),
        ("Jane Roe | Northern Times", "Northern Times"),
        ("Jane Roe | Northern Times | March 4, 2025", "Northern Times"),
        # A place or a day with a date, a section, a person after a place: no outlet.
        ("Kyiv, 4 March 2025", None),
        ("WASHINGTON, March 4, 2025", None),
        ("Monday, 4 March 2025", None),
        ("Updated | 4 March 2025", None),
        ("HEALTH | 2 min read", None),
        ("Analysis | Northern Times", None),
        ("Jane Roe | Kyiv", None),
        ("Lagos | Jane Roe", None),
        ("Radio Silence Over Kursk", None),  # a subheading that opens with a medium
        ("News", None),  # a section's label
        ("Новости", None),
        ("Business News Editor", None),  # a job
    ],
)
def test_header_lines_with_a_date_or_a_person(line: str, outlet: str | None) -> None:
    assert name_line_publisher(line) == outlet


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("March 5, 2025", "2025-03-05"),
        ("Mar. 5, 2025", "2025-03-05"),
        ("5th March 2025", "2025-03-05"),
        ("4 mars 2025", "2025-03-04"),
        ("Publié le 4 mars 2025 à 10h30", "2025-03-04"),
        ("4 марта 2025", "2025-03-04"),
        ("4 марта 2025 г.", "2025-03-04"),
        ("4 de marzo de 2025", "2025-03-04"),
        ("Published: March 4, 2025 at 9:12 a.m. ET", "2025-03-04"),
        ("Tuesday, 4 March 2025, 10:30 GMT", "2025-03-04"),
        ("*Updated Mar 5, 2025*", "2025-03-05"),
        ("2025-03-04", "2025-03-04"),
        ("04.03.2025", "2025-03-04"),
        # Not a date line: no day, no such day, slashes (day and month in either order),
        # a sentence or a place around the date.
        ("March 2025", None),
        ("31 February 2025", None),
        ("03/04/2025", None),
        ("On March 5, 2025, the council voted to close the bridge.", None),
        ("By 2030", None),
        ("Kyiv, 4 March 2025", None),
    ],
)
def test_date_lines(line: str, date: str | None) -> None:
    assert date_line(line) == date


@pytest.mark.parametrize(
    ("header", "outlet", "date"),
    [
        ("By Lukas Fenn\nRadio Veldmoor, 4 March 2025", "Radio Veldmoor", "2025-03-04"),
        ("By Marta Solberg, Veldmoor Tribune\nMarch 5, 2025", "Veldmoor Tribune", "2025-03-05"),
        (
            "Par Élodie Marchand, Le Quotidien du Nord\n4 mars 2025",
            "Le Quotidien du Nord",
            "2025-03-04",
        ),
        (
            "Автор: Ольга Петрова, Балтийский вестник\n4 марта 2025",
            "Балтийский вестник",
            "2025-03-04",
        ),
        ("Jane Roe | Northern Times | March 4, 2025", "Northern Times", "2025-03-04"),
        ("By Jane Roe\nMarch 5, 2025", None, "2025-03-05"),
        ("By Jane Roe | March 5, 2025", None, "2025-03-05"),
        ("Par Élodie Marchand, publié le 4 mars 2025", None, "2025-03-04"),
        ("By Jane Roe, Kyiv, March 5, 2025", None, None),  # a place: left unread
        ("By March 5, 2025, the bridge will", None, None),
    ],
)
def test_the_header_gives_outlet_and_date(
    header: str, outlet: str | None, date: str | None
) -> None:
    text = f"{HEADLINE}\n{header}\n\n{PROSE}"
    assert (publisher_from(text), published_from(text)) == (outlet, date)


def test_a_date_below_the_first_lines_or_in_the_body_is_not_the_publication_date() -> None:
    assert published_from(f"{HEADLINE}\n\n{PROSE}\nMarch 5, 2025\n\n{PROSE}") is None
    late = "\n".join(["Menu", "Search", "World", "Europe", "Share", "Print"])
    assert published_from(f"{HEADLINE}\n{late}\nMarch 5, 2025\n\n{PROSE}") is None
    assert published_from(f"{PROSE}\nMarch 5, 2025\n") is None


def test_the_outlet_line_is_never_offered_as_a_claim() -> None:
    headers = [
        "By Lukas Fenn\nRadio Veldmoor, 4 March 2025",
        "Par Élodie Marchand, Le Quotidien du Nord\n4 mars 2025",
        "Автор: Ольга Петрова, Балтийский вестник\n4 марта 2025",
        "Jane Roe | Northern Times",
    ]
    for header in headers:
        text = f"{HEADLINE}\n{header}\n\n{PROSE}"
        outlet = publisher_from(text)
        assert outlet is not None
        units = extract_claims(Article("a", Path("a.txt"), "", text, ""))
        (credit,) = [u for u in units if outlet in u.text]
        assert not credit.is_claim, credit.text
        assert units[0].text == HEADLINE and units[0].is_claim


def test_the_loader_fills_outlet_and_date_and_metadata_wins(write_corpus: WriteCorpus) -> None:
    header = "By Lukas Fenn\nRadio Veldmoor, 4 March 2025"
    root = write_corpus(
        {
            "a.txt": f"{HEADLINE}\n{header}\n\n{PROSE}",
            "b.md": (
                f"+++\noutlet = 'Coast Radio'\npublished = '2025-03-01'\n+++\n"
                f"{HEADLINE}\n{header}\n\n{PROSE}"
            ),
            "c.txt": f"{HEADLINE}\n\nBy Monday, officials said the bridge would reopen.\n\n{PROSE}",
        }
    )
    found = {a.id: (outlet_of(a), a.published) for a in load_corpus([root]).articles}
    assert found == {
        "a": ("Radio Veldmoor", "2025-03-04"),
        "b": ("Coast Radio", "2025-03-01"),
        "c": ("unknown", None),
    }
