"""Keys pressed faster than the screens open and close: no sequence raises. Each case is a
burst with no pause between its keys (the monkey test, tests/test_monkey.py, sends random
ones)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button

from tests.app.conftest import Start, settle, statuses
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.coverage import CoverageScreen
from tui.app.screens.note import NoteScreen
from tui.review.session import Filter


async def test_two_quick_enters_on_the_coverage_screen(start: Start, outlets: Path) -> None:
    async with start(outlets) as r:
        await r.burst("o", "enter", "enter")
        assert r.app.is_running and r.app.screen is r.app.main_screen
        await r.burst("o", "enter", "enter", "enter", "escape", "escape")
        assert r.app.is_running and r.app.screen is r.app.main_screen


async def test_page_keys_at_once_after_opening_the_palette(start: Start) -> None:
    async with start() as r:
        await r.burst("ctrl+p", "pageup", "pagedown", "pageup")
        assert r.app.is_running
        await r.burst("escape", "ctrl+p", "pagedown", "escape")
        assert r.app.is_running and r.app.screen is r.app.main_screen


async def test_a_note_dialog_closed_twice_saves_once_and_pops_only_itself(
    start: Start, verdicts: Path
) -> None:
    async with start() as r:
        await r.press("c", "k", "a", "n")
        screen = r.app.screen
        assert isinstance(screen, NoteScreen)
        save = screen.query_one("#note-save", Button)
        save.press()  # a double click: two Pressed messages, the second after it is gone
        save.press()
        await settle(r.pilot)
        assert r.app.is_running and r.app.screen is r.app.main_screen
        assert r.s.verdict(r.s.cursor).note == "n"  # type: ignore[arg-type, union-attr]
        await r.press("a", "tab", "tab")
        await r.burst("enter", "escape", "ctrl+s", "escape")
        assert r.app.is_running and r.app.screen is r.app.main_screen
        assert len(statuses(verdicts)) == 1


async def test_a_question_answered_twice_acts_once(start: Start, conflict: Path) -> None:
    async with start(conflict) as r:
        r.s.set_filter(Filter.MATCHED)
        await r.press("g", "c", "g", "m")
        screen = r.app.screen
        assert isinstance(screen, ConfirmScreen)
        yes = screen.query_one("#confirm-yes", Button)
        yes.press()
        yes.press()
        await settle(r.pilot)
        assert r.app.is_running and r.app.screen is r.app.main_screen
        assert [c.action for c in r.s._undo] == ["verdict", "cluster"]


async def test_closing_keys_queued_behind_a_screen_do_not_close_the_next(
    start: Start, outlets: Path
) -> None:
    async with start(outlets) as r:
        await r.burst("o", "escape", "o")
        assert isinstance(r.app.screen, CoverageScreen)
        await r.burst("question_mark", "escape", "escape", "m", "y", "y", "enter")
        assert r.app.is_running
