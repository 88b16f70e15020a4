"""What the app's pilot tests share: fixtures for a running app with its session (`start`),
the corpora and the verdict file it runs on, and helpers to read that file back."""

from __future__ import annotations

import tomllib
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.pilot import Pilot

from tests.screenshots import SEEDS, make_app, ready, write_conflict_corpus
from tui.app.app import CrosscheckApp
from tui.review.session import Session

SIZE = (140, 40)


def on_disk(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def statuses(path: Path) -> dict[str, str]:
    return {v["claim"]: v["status"] for v in on_disk(path).get("verdicts", [])}


@pytest.fixture
def verdicts(tmp_path: Path) -> Path:
    return tmp_path / "verdicts.toml"


@pytest.fixture
def conflict(tmp_path: Path) -> Path:
    return write_conflict_corpus(tmp_path)


class Run:
    """A running app, its pilot and its session; `notices` is every notice it gave (a
    notice expires after its timeout, which a busy machine can reach before a test looks)."""

    def __init__(self, app: CrosscheckApp, pilot: Pilot[int]) -> None:
        self.app, self.pilot = app, pilot
        self.notices: list[str] = [n.message for n in app._notifications]
        notify = app.notify

        def logged(message: str, **kwargs: Any) -> None:
            self.notices.append(message)
            notify(message, **kwargs)

        app.notify = logged  # type: ignore[method-assign]

    @property
    def s(self) -> Session:
        assert self.app.session is not None
        return self.app.session

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()

    async def burst(self, *keys: str) -> None:
        """Press `keys` with no pause between them, as a fast typist or a stuck key does,
        then let the app catch up."""
        send_burst(self.app, keys)
        await settle(self.pilot)


async def settle(pilot: Pilot[int]) -> None:
    """Wait until the app and the screen on top have handled every queued message (bounded:
    a key that keeps the app busy forever fails the caller's checks instead of hanging)."""
    for _ in range(200):
        await pilot.pause()
        app = pilot.app
        if app._message_queue.empty() and app.screen._message_queue.empty():
            break
    await pilot.pause()


def send_burst(app: App[int], keys: Iterable[str]) -> None:
    """Queue one key event per key at once (Pilot's `press` waits after each key)."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        char = key if len(key) == 1 else CHARACTERS.get(name)
        event = events.Key(name, char)
        event.set_sender(app)
        driver.send_message(event)


# The `start` fixture: `async with start(corpus, size, **keys) as run:` runs the app.
Start = Callable[..., AbstractAsyncContextManager[Run]]


CHARACTERS = {
    "space": " ",
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
    "full_stop": ".",
}


@pytest.fixture
def start(verdicts: Path) -> Start:
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def run(
        corpus: Path = SEEDS, size: tuple[int, int] = SIZE, **keys: str
    ) -> AsyncIterator[Run]:
        app = make_app(corpus, verdicts, **keys)
        try:
            async with app.run_test(size=size) as pilot:
                await ready(pilot)
                yield Run(app, pilot)
        finally:
            app.store.close()

    return run


def claim_ids(s: Session) -> list[str]:
    return [c.id for c in s.claims()]


@pytest.fixture
def outlets(tmp_path: Path) -> Path:
    from tests.screenshots import write_outlet_corpus

    return write_outlet_corpus(tmp_path)
