"""Pilot tests: nothing the reviewer needs is hidden on a small terminal. The footer keeps
help and quit at any width (keys.py priorities); the narrow layout names the article its
one pane shows."""

from __future__ import annotations

from textual.widgets import Static
from textual.widgets._footer import FooterKey

from tests.app.conftest import Start
from tui.app.app import CrosscheckApp
from tui.app.widgets.key_footer import fitting


def footer_actions(app: CrosscheckApp) -> list[str]:
    return [k.action for k in app.screen.query(FooterKey)]


async def test_footer_at_80_columns_keeps_help_and_quit(start: Start) -> None:
    async with start(size=(80, 24)) as r:
        shown = footer_actions(r.app)
        assert "help" in shown and "quit" in shown
        assert "search" not in shown  # dropped first: it is on the help screen and palette
        total = sum(k.region.width for k in r.app.screen.query(FooterKey))
        assert total <= 80


async def test_footer_when_wide_shows_every_shown_key(start: Start) -> None:
    async with start(size=(160, 45)) as r:
        shown = footer_actions(r.app)
        for action in ("next_untriaged", "mark_corroborated", "search", "help", "quit"):
            assert action in shown


async def test_footer_follows_a_resize(start: Start) -> None:
    async with start(size=(160, 45)) as r:
        assert "search" in footer_actions(r.app)
        await r.pilot.resize_terminal(80, 24)
        for _ in range(5):
            await r.pilot.pause()
        shown = footer_actions(r.app)
        assert "search" not in shown and "help" in shown and "quit" in shown


def test_fitting_keeps_low_numbers_first() -> None:
    # item -> (priority, width): the two priority-1 items stay, then what still fits
    assert fitting({0: (3, 10), 1: (1, 5), 2: (2, 8), 3: (1, 5)}, 20) == {1, 3, 2}
    assert fitting({0: (3, 10), 1: (1, 5)}, 4) == set()


async def test_narrow_layout_names_the_article_in_its_one_pane(start: Start) -> None:
    async with start(size=(80, 24)) as r:
        label = r.app.screen.query_one("#pane-label", Static)
        assert label.display
        left = r.s.analysis.article(r.s.current.article).title  # type: ignore[union-attr]
        said = str(label.render())
        assert said.startswith("Claim's article: ")
        assert left[:20] in said and "tab shows the comparison" in said
        await r.press("tab")
        said = str(label.render())
        assert said.startswith("Comparison: ") and "tab shows the claim's article" in said


async def test_wide_layout_has_no_pane_label(start: Start) -> None:
    async with start(size=(160, 45)) as r:
        assert not r.app.screen.query_one("#pane-label", Static).display
