"""Pilot tests: the note dialog asks before escape throws away what was typed, and closes
at once when nothing was."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import Start, on_disk
from tests.screenshots import keys_for_text
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.note import NoteScreen


async def test_escape_with_nothing_typed_closes_at_once(start: Start) -> None:
    async with start() as r:
        await r.press("u", "k", "a")
        assert isinstance(r.app.screen, NoteScreen)
        await r.press("escape")
        assert not isinstance(r.app.screen, (NoteScreen, ConfirmScreen))


async def test_escape_after_typing_asks_and_no_keeps_the_text(start: Start, verdicts: Path) -> None:
    async with start() as r:
        await r.press("u", "k", "a", *keys_for_text("half a thought"))
        await r.press("escape")
        assert isinstance(r.app.screen, ConfirmScreen)
        assert "Discard" in r.app.screen.question
        await r.press("escape")  # escape again answers no: back to the typing
        note = r.app.screen
        assert isinstance(note, NoteScreen)
        assert note.query_one("#note-text").text == "half a thought"  # type: ignore[attr-defined]
        await r.press("ctrl+s")
        assert on_disk(verdicts)["verdicts"][0]["note"] == "half a thought"


async def test_escape_after_typing_then_yes_discards(start: Start, verdicts: Path) -> None:
    async with start() as r:
        await r.press("u", "k", "a", *keys_for_text("scrap this"), "escape", "y")
        assert not isinstance(r.app.screen, (NoteScreen, ConfirmScreen))
        assert "note" not in on_disk(verdicts)["verdicts"][0]
