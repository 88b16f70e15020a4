"""The coverage screen: shared claims as rows, outlets as columns, verdicts in the cells.

Self-contained: it is given a `tui.coverage.Coverage` and shows it; it holds no logic of
its own. Rows carried by the fewest independent sources come first (the domain sorts
them) and their claim text is bold. Enter on a row dismisses the screen with that
cluster's id, so the app can jump to it; Escape dismisses it with None.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.app.bindings import bindings_for
from tui.app.keys import COVERAGE_KEYS
from tui.coverage import LEGEND, Coverage
from tui.safe_text import printable
from tui.sources import outlets_phrase

UNMATCHED_ROW = "coverage:unmatched"
CLAIM_WIDTH = 72


def _label(text: str, width: int = CLAIM_WIDTH) -> str:
    text = " ".join(printable(text, keep_newlines=False).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class CoverageScreen(Screen[str | None]):
    """Which outlet carries which claim. Dismisses with a cluster id, or None."""

    DEFAULT_CSS = """
    CoverageScreen {
        layout: vertical;
    }
    CoverageScreen #coverage-title {
        text-style: bold;
        padding: 0 1;
    }
    CoverageScreen #coverage-legend, CoverageScreen #coverage-notes {
        color: $text-muted;
        padding: 0 1;
    }
    CoverageScreen #coverage-table {
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings_for(COVERAGE_KEYS)

    def __init__(self, coverage: Coverage, *, name: str | None = None) -> None:
        super().__init__(name=name)
        self.coverage = coverage

    def compose(self) -> ComposeResult:
        shared = len(self.coverage.rows)
        yield Static(
            Text(f"Coverage: {shared} shared claims across {len(self.coverage.outlets)} outlets"),
            id="coverage-title",
        )
        yield Static(Text(LEGEND), id="coverage-legend")
        yield DataTable(id="coverage-table", cursor_type="row", zebra_stripes=True)
        notes = "\n".join(f"Counted as one source: {n}." for n in self.coverage.notes)
        yield Static(Text(printable(notes)), id="coverage-notes")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#coverage-table", DataTable)
        table.add_column("Claim", key="claim")
        table.add_column("Sources", key="sources")
        for index, outlet in enumerate(self.coverage.outlets):
            table.add_column(Text(_label(outlet, 24)), key=f"outlet:{index}")
        for row in self.coverage.rows:
            style = "bold" if row.single_source else ""
            table.add_row(
                Text(_label(row.text), style=style),
                Text(outlets_phrase(row.sources), style=style),
                *(Text(cell.symbol, justify="center") for cell in row.cells),
                key=row.cluster,
            )
        if self.coverage.outlets:
            table.add_row(
                Text("claims in no cluster", style="italic"),
                Text(""),
                *(Text(str(n), justify="center") for n in self.coverage.unmatched),
                key=UNMATCHED_ROW,
            )
        self.query_one("#coverage-notes", Static).display = bool(self.coverage.notes)
        table.focus()

    @on(DataTable.RowSelected, "#coverage-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value
        if key is not None and key != UNMATCHED_ROW:
            self.dismiss(key)

    def action_coverage_close(self) -> None:
        self.dismiss(None)
