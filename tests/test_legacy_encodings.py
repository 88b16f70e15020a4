"""Articles saved in a legacy encoding: detected (charset-normalizer), read as written, and
the warning names the encoding found."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixture_types import WriteCorpus
from tui.corpus.articles import load_corpus
from tui.corpus.document import decode_bytes, encoding_label

RUSSIAN = (
    "Российские войска продвинулись в Курской области, сообщило в среду Министерство "
    "обороны. По его данным, за последние сутки были заняты три населённых пункта.\n\n"
    "«Ситуация остаётся напряжённой», — заявил губернатор региона. Жителей приграничных "
    "сёл эвакуируют, около 1 200 человек уже размещены в пунктах временного размещения.\n"
)
UKRAINIAN = (
    "Українські сили утримують позиції поблизу Суджі, повідомили в Генштабі. За словами "
    "речника, противник втратив понад 1 200 військових за тиждень.\n\n"
    "«Ми не відступимо», — сказав командир бригади. Їхня техніка зазнала значних втрат, а "
    "ґрунтові дороги розмиті дощами, тож підвезення припасів ускладнене.\n"
)
FRENCH = (
    "Le président a déclaré mercredi que « la situation reste très préoccupante » après "
    "l’attaque. Selon l’Agence, plus de 3 000 personnes ont été évacuées – un chiffre qui "
    "pourrait encore augmenter.\n\nLes équipes de secours sont arrivées à l’aube.\n"
)
SPANISH = (
    "El Gobierno aprobó el martes un paquete de ayudas para los afectados por la DANA. "
    "Según el ministerio, más de 12.000 viviendas sufrieron daños.\n\n«Nadie quedará "
    "atrás», afirmó la portavoz en rueda de prensa. La oposición pidió más transparencia.\n"
)
GERMAN = (
    "Die Bundesregierung hat am Mittwoch weitere Hilfen für die Ukraine beschlossen. Nach "
    "Angaben des Außenministeriums sollen die Mittel für Wiederaufbau und Energieversorgung "
    "verwendet werden.\n\nÖsterreich und die Schweiz prüfen ähnliche Schritte.\n"
)


@pytest.mark.parametrize(
    ("text", "codec", "named"),
    [
        (RUSSIAN, "cp1251", "Windows-1251"),
        (UKRAINIAN, "cp1251", "Windows-1251"),
        (FRENCH, "cp1252", "Windows-1252"),
        # Latin-1 text is read as Windows-1252, its superset for every printable character
        # (as browsers read it); Windows-1250 reads Spanish alike, and must not win.
        (SPANISH, "latin-1", "Windows-1252"),
        (GERMAN, "latin-1", "Windows-1252"),
    ],
)
def test_a_legacy_article_reads_as_written(
    write_corpus: WriteCorpus, text: str, codec: str, named: str
) -> None:
    root = write_corpus({"story.txt": text.encode(codec)})
    corpus = load_corpus([root])
    (article,) = corpus.articles
    assert article.text == text
    (warning,) = corpus.warnings
    assert "story.txt" in warning and "not UTF-8" in warning and f"read as {named}" in warning


def test_cyrillic_is_not_read_as_windows_1252() -> None:
    """The fallback this replaces: every Cyrillic letter came out as Latin mojibake."""
    text, warning = decode_bytes(RUSSIAN.encode("cp1251"))
    assert "Курской" in text and "Ê" not in text
    assert warning is not None and "Windows-1251" in warning


def test_koi8_is_detected_too() -> None:
    plain = RUSSIAN.replace("«", '"').replace("»", '"').replace("—", "-")  # not in KOI8-R
    text, warning = decode_bytes(plain.encode("koi8_r"))
    assert text == plain
    assert warning is not None and "KOI8-R" in warning


def test_utf8_is_read_without_a_warning(tmp_path: Path) -> None:
    assert decode_bytes(RUSSIAN.encode("utf-8")) == (RUSSIAN, None)


@pytest.mark.parametrize(
    ("codec", "label"),
    [("cp1251", "Windows-1251"), ("latin_1", "ISO-8859-1"), ("iso8859_5", "ISO-8859-5")],
)
def test_encodings_are_named_as_people_know_them(codec: str, label: str) -> None:
    assert encoding_label(codec) == label
