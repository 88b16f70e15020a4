"""Decisions the verdict file cannot take (a full disk, a file damaged on disk meanwhile) are
never dropped in silence: they stay in the session, the status line counts them, each later
change tries the save again, and quitting asks first, saying whether the history holds them."""

from __future__ import annotations

import errno
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.app.conftest import Run, Start, statuses
from tui.app.screens.confirm import ConfirmScreen
from tui.app.widgets.status_bar import StatusBar
from tui.verdicts.history import append_history
from tui.verdicts.model import VerdictFileError, VerdictSet


def status_line(r: Run) -> str:
    return str(r.app.main_screen.query_one(StatusBar).render())


def notices(r: Run) -> list[str]:
    return r.notices


def failing_save(
    r: Run, error: Exception, *, history_first: bool
) -> tuple[list[int], Callable[[], None]]:
    """Make the store's save raise `error` (after appending the history, if
    `history_first`); the number of attempts, and a function that lets saves work again."""
    store = r.app.store
    real = store.save
    attempts: list[int] = []

    def save(vs: VerdictSet, history: Sequence[Any] = ()) -> VerdictSet:
        attempts.append(len(history))
        if history_first:
            append_history(store.history_path, history, like=store.path)
        raise error

    store.save = save  # type: ignore[method-assign]

    def heal() -> None:
        store.save = real  # type: ignore[method-assign]

    return attempts, heal


DISK_FULL = OSError(errno.ENOSPC, "No space left on device")


async def test_a_full_disk_is_counted_retried_and_asked_about(start: Start, verdicts: Path) -> None:
    async with start() as r:
        await r.press("c")
        assert len(statuses(verdicts)) == 1 and "not saved" not in status_line(r)
        attempts, heal = failing_save(r, DISK_FULL, history_first=True)
        await r.press("d")
        assert "1 decision not saved" in status_line(r)
        assert any(
            m.startswith("NOT SAVED: ") and "No space left on device" in m for m in notices(r)
        )
        await r.press("u")
        assert "2 decisions not saved" in status_line(r)
        assert attempts == [1, 1]  # retried with the new change; the history had the first
        assert len(statuses(verdicts)) == 1  # the file still holds only the first decision
        assert len(r.s.verdict_set.verdicts) == 3  # the session holds all three
        await r.press("q")
        screen = r.app.screen
        assert isinstance(screen, ConfirmScreen)
        question = screen.question
        assert "2 decision(s) are not in the verdict file" in question
        assert f"{r.app.store.history_path.name} holds them" in question
        await r.press("n")
        assert r.app.is_running and r.app.screen is r.app.main_screen
        heal()
        await r.press("j", "c")  # the next change saves everything
        assert "not saved" not in status_line(r)
        assert any(m.startswith("Saved: the verdict file holds every") for m in notices(r))
        assert len(statuses(verdicts)) == 4
        lines = r.app.store.history_path.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["new_status"] for line in lines] == [
            "corroborated",
            "disputed",
            "unsourced",
            "corroborated",
        ]  # each decision once, in order
        await r.press("q")
        assert r.app.return_code == 0


async def test_quitting_when_the_history_failed_too_says_they_are_lost(start: Start) -> None:
    async with start() as r:
        failing_save(r, DISK_FULL, history_first=False)
        await r.press("c")
        assert "1 decision not saved" in status_line(r)
        await r.press("q")
        assert isinstance(r.app.screen, ConfirmScreen)
        assert "will be lost" in r.app.screen.question
        assert r.s.current is not None
        await r.press("y")
        assert r.app.return_code == 1
        assert r.app.failure is not None and "not saved" in r.app.failure


async def test_a_file_damaged_on_disk_keeps_the_decision_and_says_where(
    start: Start, verdicts: Path
) -> None:
    async with start() as r:
        await r.press("c")
        damaged = VerdictFileError(verdicts, "year 1 is out of range", 7, 14)
        _, heal = failing_save(r, damaged, history_first=True)
        claim = r.s.cursor
        await r.press("d")
        assert f"NOT SAVED: {verdicts}:7:14: year 1 is out of range" in notices(r)
        assert r.s.verdict(claim).status.value == "disputed"  # type: ignore[arg-type, union-attr]
        assert "1 decision not saved" in status_line(r)
        heal()
        await r.press("u")
        assert statuses(verdicts)[claim] == "disputed"  # type: ignore[index]


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_nothing_unsaved_quits_without_asking(start: Start, key: str) -> None:
    async with start() as r:
        await r.press("c", key)
        assert r.app.return_code == 0
