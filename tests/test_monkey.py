"""Monkey test: random key presses through Pilot on the seeds, one at a time and in bursts
with no pause between keys, and after them the app is alive, the verdict file parses, and
the file's decisions are exactly the app's.

The keys are every binding of the app (tui/app/keys.py) except quit, plus what the modal
screens and the search bar answer to (escape, y/n, ctrl+s, typing, enter, tab) and page keys.
Left out on purpose: q, ctrl+q and ctrl+c (they end the app). ctrl+p (the command palette,
which offers "Quit") comes only in bursts of its own: opened, paged and typed into at once,
then closed, never with enter. Escape comes often enough that modal screens (note, confirm,
help, coverage, orphans) and the search bar are closed again.

Bursts (a third of the steps) queue 2-8 keys at once, weighted toward the keys that open and
close screens, so a key lands on a screen that is opening or already closing (two quick
enters on the coverage screen, page keys in a palette not yet laid out): no such sequence
may raise.

After every CHECK_EVERY steps (every step under `make stress`): the app is running, the
verdict file reads with tomllib and with `tui.verdicts.reader.loads`, and its verdicts and
corrections equal `app.session.verdict_set` (what the reviewer sees). A save that failed, was
skipped, or wrote something else than the session holds fails the comparison.

How we know it can fail (mutants tried): with `persist` skipping every other save, the
default run fails at a check ("file != app at seed 2, step 50"); with the screens' guard
against a second dismiss removed, it raises ScreenStackError before step 70 (two enters at
once on the coverage screen). The seed of the default run is one whose 150 steps include
such a burst; the stress runs (four seeds, 600 steps each) include several.
"""

from __future__ import annotations

import random
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.app.conftest import send_burst, settle
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


# Keys that open a screen, and keys that answer or close one: bursts pair them.
OPENERS = ["o", "O", "question_mark", "a", "m", "slash", "c"]
ANSWERS = ["enter"] * 3 + ["escape"] * 2 + ["y", "n", "ctrl+s", "tab", "j", "k", "r", "x"]
PALETTE_KEYS = ["pageup", "pagedown", "up", "down", "home", "end", "m", "a", "r", "backspace"]


def a_burst(rng: random.Random, pool: list[str]) -> list[str]:
    """2-8 keys to send at once: a screen opened and answered at once (half the bursts), a
    command palette opened, paged, typed into and closed (one in six), or any keys."""
    roll = rng.random()
    if roll < 1 / 6:
        inner = [rng.choice(PALETTE_KEYS) for _ in range(rng.randint(1, 5))]
        return ["ctrl+p", *inner, "escape", "escape"]
    if roll < 2 / 3:  # one answer pressed 1-3 times (a double press), then others
        again = [rng.choice(ANSWERS)] * rng.randint(1, 3)
        return [rng.choice(OPENERS), *again, *(rng.choice(ANSWERS) for _ in range(2))]
    keys = [rng.choice(pool) for _ in range(rng.randint(2, 8))]
    assert not NEVER & set(keys)
    return keys


def file_state(path: Path) -> dict[str, Any]:
    if not path.exists():
        return state_of_nothing()
    text = path.read_text(encoding="utf-8")
    tomllib.loads(text)
    return state(loads(text, path))


def state_of_nothing() -> dict[str, Any]:
    return {"verdicts": {}, "corrections": {}}


async def monkey(tmp_path: Path, seed: int, steps: int, check_every: int) -> int:
    """`steps` random steps (a key, or a burst of keys); the number of checks that compared
    a non-empty file."""
    rng = random.Random(seed)
    pool = key_pool()
    assert not NEVER & set(pool)
    verdicts = tmp_path / "verdicts.toml"
    app = make_app(SEEDS, verdicts)
    checked = 0
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await ready(pilot)
            for n in range(1, steps + 1):
                if rng.random() < 1 / 3:
                    keys = a_burst(rng, pool)
                    send_burst(app, keys)
                    await settle(pilot)
                else:
                    keys = [rng.choice(pool)]
                    await pilot.press(*keys)
                if n % check_every and n != steps:
                    continue
                await pilot.pause()
                where = f"seed {seed}, step {n} ({' '.join(keys)})"
                assert app.is_running and app.return_code is None, f"app ended at {where}"
                assert app.session is not None
                on_disk = file_state(verdicts)
                assert on_disk == state(app.session.verdict_set), f"file != app at {where}"
                checked += bool(on_disk["verdicts"] or on_disk["corrections"])
    finally:
        app.store.close()
    return checked


async def test_monkey_150_steps(tmp_path: Path) -> None:
    checked = await monkey(tmp_path, seed=2, steps=150, check_every=10)
    assert checked >= 5  # the run did decide things: the comparisons had something to compare


@pytest.mark.stress
@pytest.mark.parametrize("seed", range(4))
async def test_monkey_stress(tmp_path: Path, seed: int) -> None:
    checked = await monkey(tmp_path, seed=seed, steps=600, check_every=1)  # 2,400 in all
    assert checked >= 50
