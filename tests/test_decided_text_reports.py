"""A verdict whose claim's words changed since the decision is flagged everywhere it is
reported (stats, json, csv, md, ClaimReview), and deciding again clears the flag."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from rich.console import Console

from tests.exports_support import alice_verdicts, build_analysis, orphan_verdict, verdict_set
from tui.exporters import export
from tui.review.session import Session
from tui.review.stats import compute, render, to_json_document
from tui.review.workspace import Workspace
from tui.verdicts.model import Status, Verdict, VerdictSet

# What alpha:1 ("Russia massed 50,000 troops near Kursk.") said when it was disputed.
BEFORE = "Russia massed 40,000 troops near Kursk."


def _changed(placed: tuple[Verdict, ...]) -> tuple[Verdict, ...]:
    return tuple(replace(v, decided_text=BEFORE) if v.claim == "alpha:1" else v for v in placed)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    analysis = build_analysis(tmp_path / "corpus")
    placed = _changed(alice_verdicts(analysis))
    orphan = orphan_verdict()
    vs = verdict_set((*placed, orphan))
    return Workspace(tmp_path / "v.toml", vs, tmp_path / "corpus", analysis, placed, (orphan,))


def test_stats_count_the_verdicts_decided_on_other_words(ws: Workspace) -> None:
    stats = compute(ws.analysis, ws.placed, len(ws.orphans), ws.corrections)
    doc = to_json_document(stats)
    assert doc["text_changed"] == 1
    assert {a["id"]: a["text_changed"] for a in doc["articles"]} == {
        "alpha": 1,
        "beta": 0,
        "gamma": 0,
    }
    assert [c["text_changed"] for c in doc["clusters"]] == [1, 0]
    console = Console(file=io.StringIO(), width=120, record=True)
    console.print(render(stats))
    shown = console.export_text()
    assert "text changed since decided: 1" in shown and "changed" in shown.splitlines()[2]


def test_stats_without_changed_text_show_no_column(ws: Workspace) -> None:
    plain = alice_verdicts(ws.analysis)
    stats = compute(ws.analysis, plain, 0)
    assert to_json_document(stats)["text_changed"] == 0
    console = Console(file=io.StringIO(), width=120, record=True)
    console.print(render(stats))
    assert "changed" not in console.export_text()


def test_json_and_csv_carry_the_words_decided_on(ws: Workspace) -> None:
    doc = json.loads(export(ws, "json"))["verdicts"]
    by_claim = {o["claim"]: o for o in doc}
    assert by_claim["alpha:1"]["decided_text"] == BEFORE
    assert by_claim["alpha:1"]["text"] == "Russia massed 50,000 troops near Kursk."
    assert [o["decided_text"] for o in doc if o["claim"] != "alpha:1"] == [None, None, None]
    rows = list(csv.DictReader(io.StringIO(export(ws, "csv"), newline="")))
    assert {r["claim"]: r["decided_text"] for r in rows} == {
        "alpha:1": BEFORE,
        "alpha:2": "",
        "beta:2": "",
        "alpha:gone": "",
    }


def test_claimreview_reviews_the_claim_as_decided(ws: Workspace) -> None:
    reviewed = [r["claimReviewed"] for r in json.loads(export(ws, "claimreview"))]
    assert BEFORE in reviewed
    assert "Russia massed 50,000 troops near Kursk." not in reviewed


def test_markdown_shows_the_words_decided_on(ws: Workspace) -> None:
    md = export(ws, "md")
    assert "decided on: Russia massed 40,000 troops near Kursk.; the text has changed" in md
    assert "| decided on text that has changed since | 1 |" in md
    assert "Decided on: Russia massed 40,000 troops near Kursk. (the text has changed" in md


class _Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 11, 21, 9, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def _session() -> Session:
    analysis = build_analysis()
    vs = VerdictSet("alice", "corpus", verdicts=_changed(alice_verdicts(analysis)))
    session = Session(analysis, vs, clock=_Clock())
    session.move_to("alpha:1")
    return session


def test_a_note_keeps_the_flag_and_deciding_again_clears_it() -> None:
    session = _session()
    session.set_note("the figure moved", [])
    assert session.verdict("alpha:1").decided_text == BEFORE  # type: ignore[union-attr]
    session.mark(Status.DISPUTED)  # the same status, decided again on today's words
    v = session.verdict("alpha:1")
    assert v is not None and v.decided_text == "" and not v.text_changed
    assert v.note == "the figure moved"
    session.undo()
    assert session.verdict("alpha:1").decided_text == BEFORE  # type: ignore[union-attr]
