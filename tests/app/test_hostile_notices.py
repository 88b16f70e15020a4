"""Text from outside is literal in notices: loader warnings quoting front matter and file
names, the `v` notice quoting an article's attribution, a search for markup. A notice whose
text holds `[@click=...]` is not a button (clicking it does nothing but close it), and no
text raises a markup error."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.widgets._toast import Toast

from tests.app.conftest import Run
from tests.screenshots import make_app, ready
from tui.app.widgets.search_bar import SearchBar

QUIT = "[@click=app.quit]Click[/]"
SCREENSHOT_FOLDER = "[@click=app.screenshot('v.toml','.')]x["  # with its file: ...x[/]x.md
REUTERS = "Floods closed the river port of Varna on Tuesday, according to [/]Reuters."


@pytest.fixture
def hostile_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus whose loader warnings quote markup, named relative to the current folder
    (the temporary one: where app.screenshot('v.toml', '.') would write)."""
    monkeypatch.chdir(tmp_path)
    root = Path("corpus")
    (root / SCREENSHOT_FOLDER).mkdir(parents=True)
    (root / "front.md").write_text(
        f'---\ntitle: "Floods"\npublished: "{QUIT}"\n---\n{REUTERS}\n', encoding="utf-8"
    )
    (root / SCREENSHOT_FOLDER / "]x.md").write_text(
        '---\ntitle: "Mayor"\npublished: "soon"\n---\nThe mayor asked the army for help.\n',
        encoding="utf-8",
    )
    return root


@asynccontextmanager
async def running(corpus: Path, verdicts: Path) -> AsyncIterator[Run]:
    """The app with its notices shown (Pilot hides them unless asked), each kept for a
    minute: a busy machine must not let one expire before the test reads it."""
    app = make_app(corpus, verdicts)
    notify = app.notify

    def lasting(message: str, **kwargs: Any) -> None:
        notify(message, **{**kwargs, "timeout": 60})

    app.notify = lasting  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(160, 50), notifications=True) as pilot:
            await ready(pilot)
            await pilot.pause()
            yield Run(app, pilot)
    finally:
        app.store.close()


def toasts(r: Run) -> list[Toast]:
    return list(r.app.screen.query(Toast))


def toast_lines(toast: Toast) -> list[str]:
    width, height = toast.size
    return [strip.text for strip in toast.render_lines(Region(0, 0, width, height))]


def where(toast: Toast, text: str) -> tuple[int, int] | None:
    for y, line in enumerate(toast_lines(toast)):
        if text in line:
            return line.index(text), y
    return None


def notices(r: Run) -> list[str]:
    return r.notices


async def test_loader_warnings_are_literal_and_clicking_them_does_nothing(
    hostile_corpus: Path, tmp_path: Path
) -> None:
    verdicts = tmp_path / "v.toml"  # where app.screenshot('v.toml', '.') would write
    async with running(hostile_corpus, verdicts) as r:
        await r.press("c")  # a decision: the verdict file exists
        saved = verdicts.read_bytes()
        shown = {t: " ".join(toast_lines(t)) for t in toasts(r)}
        assert any(QUIT in m for m in notices(r))
        quit_toast = next(
            t for t, text in shown.items() if "Floods" not in text and "Click" in text
        )
        shot_toast = next(t for t, text in shown.items() if "x.md" in text)
        # Click where markup would have made buttons: on "Click", and on the x before
        # "x.md" (the folder's name ends in "x[", the file's starts with "]x").
        for toast, word, shift in ((quit_toast, "Click", 1), (shot_toast, "x.md", -1)):
            spot = where(toast, word)
            assert spot is not None, toast_lines(toast)
            x, y = spot
            await r.pilot.click(toast, offset=(x + shift, y))
            await r.pilot.pause()
        assert r.app.is_running and r.app.return_code is None
        assert verdicts.read_bytes() == saved  # no screenshot written in its place
        assert list(tmp_path.glob("*.svg")) == []
        # The toasts showed the text as written.
        assert any(QUIT in text for text in shown.values())
        assert any(f"{SCREENSHOT_FOLDER}/]x.md" in text for text in shown.values())


async def test_markup_in_an_attribution_and_in_search_is_literal(
    hostile_corpus: Path, tmp_path: Path
) -> None:
    async with running(hostile_corpus, tmp_path / "v.toml") as r:
        claim = next(c for c in r.s.claims() if c.text == REUTERS)
        r.s.move_to(claim.id)
        await r.press("v")
        assert r.app.is_running
        said = [m for m in notices(r) if m.startswith("No suggestion")]
        if claim.attribution:  # `v` quotes the attribution it found, as found
            assert said and f"attributed to {claim.attribution}" in said[-1]
        # The search's one status (under the field, not a toast) quotes the term as typed.
        bar = r.app.main_screen.query_one(SearchBar)
        await r.press("slash", "z", "[", "/", "]")  # "[/]" alone finds the claim above
        assert bar.status == "no claim contains “z[/]”"
        await r.press("escape", "slash", "[", "x", "=")
        assert bar.status == "no claim contains “[x=”"
        assert bar._border_subtitle is not None and bar._border_subtitle.plain == bar.status
        await r.pilot.pause()
        assert not any("[x=" in m for m in notices(r))  # said once, in the bar
        assert r.app.is_running and r.app.return_code is None
