"""Monkey test: random key presses through Pilot on the seeds, and after them the app is
alive, the verdict file parses, and the file's decisions are exactly the app's.

The keys are every binding of the app (tui/app/keys.py) except quit, plus what the modal
screens and the search bar answer to (escape, y/n, ctrl+s, typing, enter, tab) and page keys.
Left out on purpose: q, ctrl+q and ctrl+c (they end the app) and ctrl+p (the command palette
offers "Quit", and typing into it could choose it). Escape comes often enough that modal
screens (note, confirm, help, coverage, orphans) and the search bar are closed again.

After every CHECK_EVERY keys (every key under `make stress`): the app is running, the verdict
file reads with tomllib and with `tui.verdicts.reader.loads`, and its verdicts and corrections equal
`app.session.verdict_set` (what the reviewer sees). A save that failed, was skipped, or wrote
something else than the session holds fails the comparison.

How we know it can fail (a mutant tried in a copy of the tree): with `persist` skipping
every other save, the default run fails at its first check ("file != app at ... key 10").
"""

from __future__ import annotations

import random
import tomllib
from pathlib import Path

import pytest

from tests.crash_child import state
from tests.screenshots import SEEDS, make_app, ready
from tui.app.keys import KEYS, SCREEN_KEYS
from tui.verdicts.reader import loads

NAMES = {
    "[": "left_square_bracket",
    "]": "right_square_bracket",
    "{": "left_curly_bracket",
    "}": "right_curly_bracket",
    "/": "slash",
    "?": "question_mark",
    " ": "space",
}
NEVER = {"q", "ctrl+q", "ctrl+c", "ctrl+p"}


def key_pool() -> list[str]:
    bound = {
        NAMES.get(k.strip(), k.strip())
        for key in (*KEYS, *SCREEN_KEYS)
        for k in key.keys.split(",")
    }
    extra = {"escape", "y", "n", "ctrl+s", "enter", "tab", "pageup", "pagedown", "home", "end"}
    extra |= {"space", "b", "e", "t", "1", "full_stop", "r", "delete", "shift+tab"}
    pool = sorted((bound | extra) - NEVER)
    # Decisions and escape weigh more: plenty of saves, and modals do not stay open long.
    return pool + ["escape"] * 6 + ["c", "d", "u", "x", "ctrl+z", "ctrl+y", "j", "j"]


def file_state(path: Path) -> dict:
    if not path.exists():
        return state_of_nothing()
    text = path.read_text(encoding="utf-8")
    tomllib.loads(text)
    return state(loads(text, path))


def state_of_nothing() -> dict:
    return {"verdicts": {}, "corrections": {}}


async def monkey(tmp_path: Path, seed: int, presses: int, check_every: int) -> int:
    """Press `presses` random keys; the number of checks that compared a non-empty file."""
    rng = random.Random(seed)
    pool = key_pool()
    assert not NEVER & set(pool)
    verdicts = tmp_path / "verdicts.toml"
    app = make_app(SEEDS, verdicts)
    checked = 0
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await ready(pilot)
            for n in range(1, presses + 1):
                key = rng.choice(pool)
                await pilot.press(key)
                if n % check_every and n != presses:
                    continue
                await pilot.pause()
                where = f"seed {seed}, key {n} ({key!r})"
                assert app.is_running and app.return_code is None, f"app ended at {where}"
                assert app.session is not None
                on_disk = file_state(verdicts)
                assert on_disk == state(app.session.verdict_set), f"file != app at {where}"
                checked += bool(on_disk["verdicts"] or on_disk["corrections"])
    finally:
        app.store.close()
    return checked


async def test_monkey_300_keys(tmp_path: Path) -> None:
    checked = await monkey(tmp_path, seed=20241112, presses=300, check_every=10)
    assert checked >= 5  # the run did decide things: the comparisons had something to compare


@pytest.mark.stress
@pytest.mark.parametrize("seed", range(4))
async def test_monkey_stress(tmp_path: Path, seed: int) -> None:
    checked = await monkey(tmp_path, seed=seed, presses=600, check_every=1)  # 2,400 in all
    assert checked >= 50
