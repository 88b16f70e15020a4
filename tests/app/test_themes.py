"""Themes in the app: the chosen theme kept and restored, config.toml's theme, a damaged
state file, the high-contrast theme, and every region readable under the light themes."""

from __future__ import annotations

import tomllib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from rich.color import Color
from textual.geometry import Region
from textual.pilot import Pilot
from textual.theme import BUILTIN_THEMES

from tests.app.conftest import Run, settle
from tests.screenshots import FIXED_TIME, fixed_config, ready
from tui.app.app import CrosscheckApp, build_app
from tui.app.theme_state import HIGH_CONTRAST, state_path
from tui.app.widgets.article_pane import ArticlePane


@asynccontextmanager
async def running(
    corpus: Path, verdicts: Path, theme: str = "", size: tuple[int, int] = (120, 40)
) -> AsyncIterator[Run]:
    config = replace(fixed_config(corpus), theme=theme)
    app = build_app(config, [corpus], verdicts, clock=lambda: FIXED_TIME)
    try:
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            yield Run(app, pilot)
    finally:
        app.store.close()


async def choose_in_palette(pilot: Pilot[int], name: str) -> None:
    """The reviewer's way: the palette's theme list, the name typed, enter."""
    pilot.app.search_themes()
    await settle(pilot)
    await pilot.press(*name)
    await settle(pilot)
    await pilot.pause(0.3)  # the palette searches in a worker of its own
    await pilot.press("enter")
    await settle(pilot)


def saved() -> dict[str, object]:
    data = tomllib.loads(state_path().read_text(encoding="utf-8"))
    table = data["app"]
    assert isinstance(table, dict)
    return table


async def test_a_theme_chosen_in_the_palette_is_kept_and_restored(
    conflict: Path, verdicts: Path
) -> None:
    assert not state_path().exists()
    async with running(conflict, verdicts) as r:
        assert r.app.theme == "textual-dark"
        await choose_in_palette(r.pilot, "solarized-light")
        assert r.app.theme == "solarized-light"
        assert saved() == {"theme": "solarized-light", "config_theme": ""}
    async with running(conflict, verdicts) as r:  # the next start
        assert r.app.theme == "solarized-light"
        assert not any("theme" in n for n in r.notices)


async def test_a_new_config_theme_wins_over_the_one_chosen_before(
    conflict: Path, verdicts: Path
) -> None:
    async with running(conflict, verdicts) as r:
        r.app.theme = "solarized-light"
        await settle(r.pilot)
    async with running(conflict, verdicts, theme="textual-light") as r:
        assert r.app.theme == "textual-light"  # config.toml changed since the choice
        r.app.theme = "catppuccin-latte"
        await settle(r.pilot)
        assert saved() == {"theme": "catppuccin-latte", "config_theme": "textual-light"}
    async with running(conflict, verdicts, theme="textual-light") as r:
        assert r.app.theme == "catppuccin-latte"  # the config unchanged: the choice stays


async def test_a_damaged_state_file_is_ignored_with_one_warning(
    conflict: Path, verdicts: Path
) -> None:
    path = state_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"[app\x00 theme = \xff")
    async with running(conflict, verdicts) as r:
        assert r.app.theme == "textual-dark"
        warnings = [n for n in r.notices if str(path) in n]
        assert len(warnings) == 1 and "damaged state file" in warnings[0]
        await r.press("j")  # the app works as ever
        assert r.s.cursor is not None
        r.app.theme = "textual-light"
        await settle(r.pilot)
    assert saved()["theme"] == "textual-light"  # replaced whole by a good one


async def test_a_state_file_that_cannot_be_written_is_said_once(
    conflict: Path, verdicts: Path
) -> None:
    folder = state_path().parent
    folder.write_text("a file where the state folder should be", encoding="utf-8")
    async with running(conflict, verdicts) as r:
        for theme in ("textual-light", "solarized-light", "textual-light"):
            r.app.theme = theme
            await settle(r.pilot)
        assert r.app.theme == "textual-light"  # the theme changes all the same
        said = [n for n in r.notices if "will not be remembered" in n]
        assert len(said) == 1 and str(state_path()) in said[0]
        await r.press("j")
        assert r.s.cursor is not None


async def test_an_unknown_theme_in_the_config_falls_back_with_a_warning(
    conflict: Path, verdicts: Path
) -> None:
    async with running(conflict, verdicts, theme="solarised-lite") as r:
        assert r.app.theme == "textual-dark"
        (warning,) = [n for n in r.notices if "[app] theme" in n]
        assert "no theme named 'solarised-lite'; using textual-dark" in warning
        assert "solarized-light" in warning


async def test_high_contrast_is_selectable_and_marks_stay_apart(
    conflict: Path, verdicts: Path
) -> None:
    async with running(conflict, verdicts) as r:
        assert HIGH_CONTRAST in r.app.available_themes
        await choose_in_palette(r.pilot, HIGH_CONTRAST)
        assert r.app.theme == HIGH_CONTRAST
        assert saved()["theme"] == HIGH_CONTRAST
        pane = r.app.screen.query_one("#left", ArticlePane)
        look = {
            name: pane.get_component_rich_style(f"article-pane--{name}")
            for name in (
                "match-strong",
                "match",
                "suggestion",
                "conflict",
                "counterpart",
                "selected",
                "link-same",
                "link-contradicts",
                "link-different",
                "link-from",
                "dim",
            )
        }
        # Every mark looks different from every other (by shade or text style).
        assert len(set(look.values())) == len(look)
        # The selected claim and its matches stand out: black on white, black on yellow.
        assert look["selected"].bgcolor == Color.parse("#ffffff")
        assert look["selected"].color == Color.parse("#000000")
        yellow = look["counterpart"].bgcolor
        assert yellow is not None and yellow.triplet is not None
        assert min(yellow.triplet[:2]) >= 250 and yellow.triplet[2] <= 5
        # Six cluster colours, told apart, each readable under its symbol.
        clusters = [pane.get_component_rich_style(f"article-pane--cluster-{i}") for i in range(6)]
        assert len({c.bgcolor for c in clusters}) == 6
        assert all(c.color == Color.parse("#000000") for c in clusters)


def _luminance(color: Color | None, default: tuple[int, int, int]) -> float:
    if color is None or color.is_default:
        red, green, blue = default
    else:
        red, green, blue = color.get_truecolor()

    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def _contrast(a: float, b: float) -> float:
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


# Every light theme Textual offers (the ANSI ones take the terminal's own colours).
LIGHT = sorted(n for n, t in BUILTIN_THEMES.items() if not t.dark and not n.startswith("ansi"))


def unreadable(app: CrosscheckApp, region: Region | None = None) -> tuple[list[str], list[str]]:
    """The screen's cells (within `region`) with a dark background (borders, and the
    theme's own strong colours aside: the app's name in the status line on its primary
    colour, a table's cursor row), and its text not meant to be faint (italic: not a claim)
    that does not stand out from its background by 3:1."""
    strong = {
        Color.parse(app.current_theme.primary),
        Color.parse(app.theme_variables["block-cursor-background"]),
    }
    strips = app.screen._compositor.render_strips()
    area = region or Region(0, 0, app.size.width, app.size.height - 1)
    dark: list[str] = []
    faint: list[str] = []
    for y in range(area.y, area.bottom):
        strip = strips[y].crop(area.x, area.right)
        for segment in strip:
            style, text = segment.style, segment.text
            if style is None or not text.strip():
                continue
            bg = _luminance(style.bgcolor, (255, 255, 255))
            fg = _luminance(style.color, (0, 0, 0))
            if style.reverse:
                fg, bg = bg, fg
            glyphs = set(text.strip()) - set("▏▕▔▁▂▃▄▅▆▇█▉▊▋▌▍▎╭╮╰╯│─")
            if glyphs and bg < 0.2 and style.bgcolor not in strong:
                dark.append(f"{y}: {text}")
            if glyphs and not style.dim and not style.italic and _contrast(fg, bg) < 3:
                faint.append(f"{y}: {text!r} {_contrast(fg, bg):.2f}")
    return dark, faint


@pytest.mark.parametrize("theme", LIGHT)
@pytest.mark.parametrize("switched", [False, True], ids=["at-start", "switched"])
async def test_light_themes_leave_no_dark_region_and_no_unreadable_text(
    conflict: Path, verdicts: Path, theme: str, switched: bool
) -> None:
    """The main screen (article list, a conflict, the inspector, the legend), the help, note
    and coverage screens, under a light theme chosen at start or switched to while running.
    The footer (the last row) is Textual's, in the theme's own footer colours."""
    async with running(conflict, verdicts, theme="" if switched else theme) as r:
        await r.press("j", "d", "k")  # a verdict on screen, and on the claim the note is for
        await r.press("L")
        if switched:
            r.app.theme = theme
            await settle(r.pilot)
        assert r.app.theme == theme and not r.app.current_theme.dark
        assert unreadable(r.app) == ([], [])
        for key, box in (("question_mark", "#help-box"), ("a", "#note-box"), ("o", None)):
            await r.press(key)
            await settle(r.pilot)
            region = r.app.screen.query_one(box).region if box else None
            assert unreadable(r.app, region) == ([], []), key
            await r.press("escape")
            await settle(r.pilot)
