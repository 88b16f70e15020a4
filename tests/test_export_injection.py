"""Exports opened by other programs cannot be turned against them.

A CSV export is opened in a spreadsheet: a cell that begins like a formula
(`=HYPERLINK("http://x","click")`, `=cmd|' /C calc'!A0`, `@SUM(1)`, and `+`, `-`, tab or
carriage return) would run. ClaimReview and W3C JSON-LD are pasted into
`<script type="application/ld+json">`: a `</script>` in article text would end the element
and start the attacker's. Written as the attack: the claims, notes, sources and reviewer
carry these strings, and the exports must neutralise them yet read back to the text.

How we know these can fail: before the change the CSV held the formulas raw and the JSON-LD
a literal `</script><script>alert(1)</script>`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.exports_support import at, verdict
from tui.analysis.pipeline import Analysis
from tui.claims.units import Kind, Unit
from tui.corpus.articles import Article, Corpus
from tui.exporters import export
from tui.review.workspace import Workspace
from tui.support.safe_text import FORMULA_STARTS, spreadsheet_cell
from tui.verdicts.model import Status, VerdictSet

HYPERLINK = '=HYPERLINK("http://x","click")'
CALC = "=cmd|' /C calc'!A0"
SUM = "@SUM(1)"
SCRIPT = "</script><script>alert(1)</script>"
SENTENCES = (
    f"{HYPERLINK} appeared in the council's sheet, officials said.",
    f"{CALC} was found in a file, the police said.",
    "-5 degrees was the low on Tuesday, the forecaster said.",
    "+3% was the rise in rents, the agency said.",
    f"The page printed {SCRIPT} & more on Monday, the mayor said.",
)
TEXT = " ".join(SENTENCES)


def _claims(article: Article) -> tuple[Unit, ...]:
    out = []
    for i, sentence in enumerate(SENTENCES):
        start = article.text.index(sentence)
        out.append(
            Unit(f"sheet:{i}", "sheet", sentence, start, start + len(sentence), Kind.CLAIM, i)
        )
    return tuple(out)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    article = Article(
        id="sheet",
        path=tmp_path / "corpus" / "sheet.txt",
        title=f"Sheet {SCRIPT}",
        text=TEXT,
        sha256="sha-sheet",
        outlet="@Outlet <b>",
    )
    analysis = Analysis(Corpus(tmp_path / "corpus", (article,)), _claims(article), (), ())
    placed = tuple(
        verdict(
            analysis,
            f"sheet:{i}",
            Status.DISPUTED,
            at(10, i),
            note=[SUM, "\t=1+1", "\r=2+2", "+3%", SCRIPT][i],
            sources=(HYPERLINK, "https://example.org/a?b=1&c=2"),
        )
        for i in range(len(SENTENCES))
    )
    vs = VerdictSet(reviewer=SUM, corpus="corpus", verdicts=placed)
    return Workspace(tmp_path / "v.toml", vs, tmp_path / "corpus", analysis, placed, ())


# ---- CSV ----------------------------------------------------------------------------------


def test_csv_cells_never_begin_like_a_formula(ws: Workspace) -> None:
    rows = list(csv.reader(io.StringIO(export(ws, "csv"), newline="")))
    cells = [cell for row in rows for cell in row]
    assert len(rows) == 1 + len(SENTENCES)
    assert [c for c in cells if c.startswith(FORMULA_STARTS)] == []


def test_csv_neutralised_cells_read_back_after_their_quote(ws: Workspace) -> None:
    rows = list(csv.DictReader(io.StringIO(export(ws, "csv"), newline="")))
    assert [r["text"] for r in rows] == [
        f"'{SENTENCES[0]}",
        f"'{SENTENCES[1]}",
        "'-5 degrees was the low on Tuesday, the forecaster said.",  # loses nothing
        "'+3% was the rise in rents, the agency said.",
        SENTENCES[4],  # nothing to neutralise: unchanged
    ]
    assert [r["note"] for r in rows] == [f"'{SUM}", "'\t=1+1", "'\r=2+2", "'+3%", SCRIPT]
    assert {r["reviewer"] for r in rows} == {f"'{SUM}"}
    assert {r["sources"] for r in rows} == {f"'{HYPERLINK}\nhttps://example.org/a?b=1&c=2"}


def test_every_csv_cell_is_quoted(ws: Workspace) -> None:
    text = export(ws, "csv")
    assert f"\"'{HYPERLINK.replace(chr(34), chr(34) * 2)}" in text
    assert '"\'@SUM(1)"' in text and "\"'-5 degrees" in text
    header = text.split("\r\n", 1)[0]
    assert header.startswith('"claim","article","status"')


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a=1", "a=1"),
        ("", ""),
        (" =1", " =1"),
    ],
)
def test_spreadsheet_cell(value: str, cell: str) -> None:
    assert spreadsheet_cell(value) == cell


# ---- JSON-LD ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["claimreview", "w3c"])
def test_json_ld_can_sit_in_a_script_element_and_reads_back(ws: Workspace, fmt: str) -> None:
    text = export(ws, fmt)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\\u003c/script\\u003e" in text and "\\u0026" in text
    page = f'<script type="application/ld+json">{text}</script>'
    assert page.count("</script>") == 1  # only the element's own end
    doc = json.loads(text)
    found = json.dumps(doc, ensure_ascii=False)
    assert SCRIPT in found and "b=1&c=2" in found  # the exact text
    if fmt == "claimreview":
        assert doc[0]["itemReviewed"]["appearance"]["publisher"]["name"] == "@Outlet <b>"
        assert [r["reviewBody"] for r in doc][-1] == SCRIPT
        assert doc[-1]["claimReviewed"] == SENTENCES[4]
    else:
        items = doc["first"]["items"]
        assert items[-1]["target"]["selector"][0]["exact"] == SENTENCES[4]
