"""What the app's pilot tests share: fixtures for a running app with its session (`start`),
the corpora and the verdict file it runs on, and helpers to read that file back."""

from __future__ import annotations

import tomllib
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from tests.screenshots import SEEDS, make_app, ready, write_conflict_corpus
from tui.app.app import CrosscheckApp
from tui.review.session import Session

SIZE = (140, 40)


def on_disk(path: Path) -> dict:
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
    """A running app, its pilot and its session."""

    def __init__(self, app: CrosscheckApp, pilot) -> None:  # type: ignore[no-untyped-def]
        self.app, self.pilot = app, pilot

    @property
    def s(self) -> Session:
        assert self.app.session is not None
        return self.app.session

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()


@pytest.fixture
def start(verdicts: Path) -> Callable[..., AsyncIterator[Run]]:
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def run(corpus: Path = SEEDS, size: tuple[int, int] = SIZE, **keys: str):  # type: ignore[no-untyped-def]
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
