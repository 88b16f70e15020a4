"""Pilot tests: a verdict whose claim was edited after the decision is flagged in the
inspector with the words it was decided on, kept in the file, and cleared by deciding again;
a renamed article keeps its verdicts."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import Run, Start, on_disk, statuses
from tui.app.widgets.inspector import Inspector

DECIDED = "Russia has gathered 50,000 troops near the Kursk region, officials said on Monday."
EDITED = DECIDED.replace("50,000", "52,000")


async def _dispute_the_troops_figure(start: Start, conflict: Path) -> None:
    async with start(conflict) as r:
        await r.press("g", "j", "d")
        assert r.s.verdict_set.verdicts[0].anchor.text == DECIDED
        assert list(statuses(r.app.store.path).values()) == ["disputed"]


def _inspector_text(r: Run) -> str:
    return " ".join(" ".join(r.app.main_screen.query_one(Inspector).lines()).split())


async def test_inspector_flags_a_changed_claim(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    await _dispute_the_troops_figure(start, conflict)
    desk_a = conflict / "desk-a.txt"
    desk_a.write_text(desk_a.read_text(encoding="utf-8").replace(DECIDED, EDITED), "utf-8")
    before = verdicts.read_text(encoding="utf-8")
    async with start(conflict) as r:
        await r.press("g", "j")
        assert r.s.current is not None and r.s.current.text == EDITED
        notes = [n.message for n in r.app._notifications]
        assert any(m.startswith("1 verdict(s) now sit on words edited") for m in notes)
        shown = _inspector_text(r)
        assert "Verdict: ✗ disputed" in shown
        assert f"Decided on: {DECIDED} (the text has changed since" in shown
        assert verdicts.read_text(encoding="utf-8") == before  # opening writes nothing
        await r.press("j", "u")  # another decision saves the set: the old words go with it
        (saved,) = [v for v in on_disk(verdicts)["verdicts"] if v["status"] == "disputed"]
        assert (saved["text"], saved["decided_text"]) == (EDITED, DECIDED)
        await r.press("g", "j", "d")  # decided again on today's words
        await r.press("g", "j")
        assert "Decided on" not in _inspector_text(r)
        assert "Verdict: ✗ disputed" in _inspector_text(r)
        (saved,) = [v for v in on_disk(verdicts)["verdicts"] if v["status"] == "disputed"]
        assert saved["text"] == EDITED and "decided_text" not in saved


async def test_a_renamed_article_keeps_its_verdicts(start: Start, conflict: Path) -> None:
    await _dispute_the_troops_figure(start, conflict)
    (conflict / "desk-a.txt").rename(conflict / "desk-a-renamed.txt")
    async with start(conflict) as r:
        assert r.s.orphans() == ()
        (v,) = r.s.verdict_set.verdicts
        assert (v.anchor.article, v.anchor.text, v.status.value) == (
            "desk-a-renamed",
            DECIDED,
            "disputed",
        )
        assert not v.text_changed
        assert not any("edited since" in n.message for n in r.app._notifications)
