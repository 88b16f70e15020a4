"""While the worker reads and matches, the main screen is on show: the status line with the
worker's progress, the inspector's message and the footer's keys, nothing focused."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.command import DiscoveryHit, Provider
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

import tui.analysis.pipeline
from tests.screenshots import SEEDS, make_app, ready
from tui.analysis.pipeline import Analysis, Say
from tui.app.widgets.inspector import Inspector
from tui.app.widgets.status_bar import StatusBar
from tui.config import MatchSettings

PROGRESS = "segmenting 5 articles"


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The analysis says one progress message, then waits until the event is set."""
    release = threading.Event()
    analyse = tui.analysis.pipeline.analyse

    def held_analyse(
        paths: Sequence[Path | str], settings: MatchSettings, say: Say | None = None, **kwargs: Any
    ) -> Analysis:
        if say is not None:
            say(PROGRESS)
        release.wait(30)
        return analyse(paths, settings, say=say, **kwargs)

    monkeypatch.setattr(tui.analysis.pipeline, "analyse", held_analyse)
    yield release
    release.set()


async def test_the_loading_screen_shows_progress_and_keys(
    held: threading.Event, tmp_path: Path
) -> None:
    app = make_app(SEEDS, tmp_path / "v.toml")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(50):  # bounded: the message comes from the worker thread
                await pilot.pause(0.02)
                if PROGRESS in str(app.main_screen.query_one(StatusBar).render()):
                    break
            screen = app.main_screen
            assert screen.has_class("-loading") and not app.analysed.is_set()
            assert PROGRESS in str(screen.query_one(StatusBar).render())
            assert screen.query_one(StatusBar).region.height == 1
            assert any(
                "Reading and matching" in line for line in screen.query_one(Inspector).lines()
            )
            assert screen.query_one(Inspector).region.height > 0
            footer = screen.query_one(Footer)
            assert footer.region.height == 1
            keys = list(footer.query(FooterKey))
            assert keys and all(key.region.height == 1 for key in keys)
            assert app.focused is None
            # Keys that need the articles are switched off, not answered: dimmed in the
            # footer, and pressing them does nothing (no "still reading" notice).
            by_action = {key.action: key for key in keys}
            assert by_action["mark_corroborated"].has_class("-disabled")
            assert by_action["accept_suggestion"].has_class("-disabled")
            assert not by_action["help"].has_class("-disabled")
            assert screen.check_action("next_untriaged", ()) is None
            await pilot.press("c", "j", "n", "slash", "o")
            assert list(app._notifications) == [] and app.screen is screen
            assert not (tmp_path / "v.toml").exists()
            held.set()
            await ready(pilot)
            assert not screen.has_class("-loading")
            assert app.focused is screen.query_one("#left")
            assert screen.check_action("mark_corroborated", ()) is True
            await pilot.pause()
            footer_keys = {key.action: key for key in footer.query(FooterKey)}
            assert not footer_keys["mark_corroborated"].has_class("-disabled")
    finally:
        app.store.close()


def test_progress_messages_supersede_each_other() -> None:
    from tui.app.loading import LoadingFailed, LoadingProgressed

    later = LoadingProgressed("matching 40 claims")
    assert later.can_replace(LoadingProgressed("segmenting 5 articles"))
    assert not later.can_replace(LoadingFailed("no articles"))
    assert not LoadingFailed("x").can_replace(later)


async def discovered(provider: Provider) -> dict[str | None, DiscoveryHit]:
    """The palette's hits before anything is typed, by their text."""
    hits: dict[str | None, DiscoveryHit] = {}
    async for hit in provider.discover():
        assert isinstance(hit, DiscoveryHit)
        hits[hit.text] = hit
    return hits


async def test_the_palette_dims_what_waits_for_the_articles(
    held: threading.Event, tmp_path: Path
) -> None:
    from textual.content import Content

    from tui.app.commands import MainCommands

    app = make_app(SEEDS, tmp_path / "v.toml")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            provider = MainCommands(app.main_screen)
            hits = await discovered(provider)
            dimmed = {text for text, hit in hits.items() if _dim(hit.display)}
            assert "Corroborated (c)" in dimmed and "Search claims (/)" in dimmed
            assert "Help (?)" not in dimmed and "Quit (q)" not in dimmed
            await hits["Corroborated (c)"].command()  # does nothing yet
            assert app.session is None and not (tmp_path / "v.toml").exists()
            held.set()
            await ready(pilot)
            hits = await discovered(provider)
            assert not any(_dim(hit.display) for hit in hits.values())
            assert isinstance(hits["Help (?)"].display, Content)
    finally:
        app.store.close()


def _dim(display: object) -> bool:
    return any("dim" in str(span.style) for span in getattr(display, "spans", ()))
