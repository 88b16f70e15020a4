"""The coverage screen's cells name the claim each outlet carries: the verdict mark, then the
words of the outlet's claim that carries it, cut to the column; the highlighted row's cells
are shown whole under the table."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from tests.app.conftest import Start
from tui.app.screens.coverage import (
    MIN_CLAIM_WIDTH,
    MIN_OUTLET_WIDTH,
    OUTLET_TEXT_WIDTH,
    CoverageScreen,
    column_widths,
)
from tui.review.coverage import Cell, Coverage, Row
from tui.verdicts.model import Status


def cells_of(screen: CoverageScreen, row: int) -> list[str]:
    table = screen.query_one("#coverage-table", DataTable)
    return [c.plain if isinstance(c, Text) else str(c) for c in table.get_row_at(row)]


def detail_of(screen: CoverageScreen) -> str:
    return str(screen.query_one("#coverage-detail", Static).render())


async def test_cells_name_each_outlets_claim(start: Start, outlets: Path) -> None:
    async with start(outlets, size=(160, 40)) as r:
        s = r.s
        # Dispute the Herald's claim of the residents' count: its cell carries the mark.
        herald = next(c for c in s.claims() if c.text.startswith("Some 1,500 residents"))
        s.move_to(herald.id)
        r.app.main_screen.paint()
        await r.press("d", "o")
        screen = r.app.screen
        assert isinstance(screen, CoverageScreen)
        coverage = screen.coverage
        index = next(i for i, row in enumerate(coverage.rows) if "residents" in row.text)
        row = coverage.rows[index]
        column = coverage.outlets.index("The Herald")
        assert row.cells[column].status is Status.DISPUTED
        assert row.cells[column].text == herald.text
        shown = cells_of(screen, index)
        herald_cell = shown[2 + column]
        assert herald_cell.startswith("✗ Some 1,500 resid")
        for outlet, cell, text in zip(coverage.outlets, row.cells, shown[2:], strict=True):
            if cell.carried:  # the mark, then the start of the outlet's own claim
                words = text[2:].rstrip("…")
                assert text.startswith(cell.symbol + " ") and cell.text.startswith(words), outlet
                assert len(words) >= 8
            else:
                assert text == "·"
        # The highlighted row, whole: each outlet carrying it, with its claim.
        table = screen.query_one("#coverage-table", DataTable)
        table.move_cursor(row=index)
        await r.pilot.pause()
        detail = detail_of(screen).splitlines()
        assert f"✗ The Herald: {herald.text}" in detail
        assert len(detail) == row.outlets
        # Enter still goes to the cluster in the main screen.
        await r.press("enter")
        assert not isinstance(r.app.screen, CoverageScreen)
        current = r.s.current
        assert current is not None and "residents" in current.text


async def test_the_unclustered_row_has_no_detail(start: Start, outlets: Path) -> None:
    async with start(outlets) as r:
        await r.press("o")
        screen = r.app.screen
        assert isinstance(screen, CoverageScreen)
        table = screen.query_one("#coverage-table", DataTable)
        table.move_cursor(row=table.row_count - 1)
        await r.pilot.pause()
        assert not screen.query_one("#coverage-detail", Static).display


class OneScreen(App[None]):
    def __init__(self, coverage: Coverage) -> None:
        super().__init__()
        self.coverage = coverage

    def compose(self) -> ComposeResult:
        yield Static("main")

    def on_mount(self) -> None:
        self.push_screen(CoverageScreen(self.coverage))


async def test_hostile_claim_text_is_inert_in_cells_and_detail() -> None:
    hostile = "The \x1b[31mmayor\x1b]52;c;cHduZWQ=\x07 asked\nfor [b]help[/b] \u202eplease"
    coverage = Coverage(
        outlets=("Ledger", "Times"),
        rows=(
            Row(
                "k1",
                hostile,
                (Cell(("a:1",), Status.UNSOURCED, hostile), Cell(("b:1",), None, "Plain words.")),
                2,
            ),
        ),
        unmatched=(0, 0),
    )
    app = OneScreen(coverage)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CoverageScreen)
        shown = cells_of(screen, 0)
        detail = detail_of(screen)
        assert len(detail.splitlines()) == 2  # one line per outlet, the newline flattened
        for text in (*shown, *detail.splitlines()):
            assert not any(ch in text for ch in "\x1b\x07\n\u202e"), text
        assert shown[2].startswith("? The ␛[31mmayor")
        assert "[b]help[/b]" in detail  # literal, not markup
        assert shown[3] == "● Plain words."


def test_columns_give_cells_room_and_still_fit() -> None:
    for width in (80, 100, 120, 160):
        for outlets in (1, 4, 6):
            claim, outlet = column_widths(width, outlets, 30, 200, longest_cell=120)
            assert claim >= MIN_CLAIM_WIDTH and MIN_OUTLET_WIDTH <= outlet <= OUTLET_TEXT_WIDTH
            if outlets <= 4:
                used = claim + 2 + len("Sources") + 2 + outlets * (outlet + 2)
                assert used <= width - 2, (width, outlets)
    # With cells to show, the claim label leaves them more than half the room.
    with_cells = column_widths(160, 4, 12, 200, longest_cell=120)
    without = column_widths(160, 4, 12, 200)
    assert with_cells[1] > without[1] and with_cells[0] < without[0]
    # Short cells ask for no more than they hold.
    assert column_widths(160, 2, 6, 30, longest_cell=14) == (30, 14)
