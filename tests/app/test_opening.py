"""The app opens a verdict file the way every command does: one placement of the saved
decisions on today's articles (tui/review/placement.py), the same verdicts placed, the
same orphans kept, the same corrections."""

from __future__ import annotations

from pathlib import Path

import pytest

import tui.review.placement
from tests.app.conftest import Start
from tests.screenshots import write_orphan_case
from tui.analysis.pipeline import Analysis
from tui.app.widgets.inspector import Inspector
from tui.config import MatchSettings
from tui.review.placement import Placement
from tui.review.workspace import open_workspace
from tui.verdicts.model import VerdictSet


async def test_the_app_and_the_commands_place_decisions_alike(
    start: Start, tmp_path: Path, verdicts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_orphan_case(tmp_path / "case", verdicts)
    ws = open_workspace(verdicts, corpus, MatchSettings())
    assert ws.orphans and ws.placed  # the case has both
    calls: list[object] = []
    place = tui.review.placement.place

    def spy(vs: VerdictSet, analysis: Analysis) -> Placement:
        calls.append(vs)
        return place(vs, analysis)

    monkeypatch.setattr(tui.review.placement, "place", spy)
    async with start(corpus) as r:
        assert len(calls) == 1  # the app placed them through the shared function
        working = r.s.verdict_set
        assert working.verdicts == (*ws.placed, *ws.orphans)
        assert working.corrections == ws.corrections
        assert {o.claim for o in r.s.orphans()} == {v.anchor.claim for v in ws.orphans}


async def test_a_status_the_app_has_no_look_for_is_shown_not_fatal(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    """A deferral ("later") written into the file by hand opens in its own look: its symbol
    in the inspector, and nothing raises."""
    async with start(conflict) as r:
        first = r.s.cursor
        assert first is not None
        await r.press("c")
    text = verdicts.read_text(encoding="utf-8")
    verdicts.write_text(text.replace('status = "corroborated"', 'status = "later"'), "utf-8")
    async with start(conflict) as r:
        r.s.move_to(first)
        await r.press("j", "k")
        verdict = r.s.verdict(first)
        assert r.s.cursor == first and verdict is not None and verdict.status.value == "later"
        lines = " ".join(r.app.main_screen.query_one(Inspector).lines())
        assert "Verdict: … later" in lines  # deferred: its own symbol and colour
        await r.press("o", "escape", "f", "f", "G")
        assert r.app.is_running
