"""The coverage screen: shared claims as rows, outlets as columns, verdicts in the cells.

Self-contained: it is given a `tui.review.coverage.Coverage` and shows it; it holds no logic of
its own. Each row is labelled with the cluster's first claim; each cell holds the verdict
mark and the words of the outlet's claim that carries it (`Cell.text`), cut to the column,
so the reviewer reads which claim each outlet carries; under the table, the highlighted
row's cells are shown whole, one outlet a line. Rows carried by the fewest independent
sources come first (the domain sorts them) and their claim text is bold. Enter on a row
dismisses the screen with that cluster's id, so the app can jump to it; Escape dismisses it
with None.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.app.bindings import bindings_for
from tui.app.keys import COVERAGE_KEYS
from tui.app.screens.closing import dismiss_once
from tui.review.coverage import LEGEND, Cell, Coverage, Row
from tui.support.safe_text import printable

UNMATCHED_ROW = "coverage:unmatched"
CLAIM_WIDTH = 72  # at most; less when the outlets' columns need the room
MIN_CLAIM_WIDTH = 24
OUTLET_WIDTH = 24  # at most, for a name; outlet names are cut to fit a narrow terminal
OUTLET_TEXT_WIDTH = 40  # at most, for a cell holding a mark and a claim's words
MIN_OUTLET_WIDTH = 8
SOURCES_WIDTH = len("Sources")
CELL_PADDING = 2  # DataTable pads each cell by one column on either side


def column_widths(
    screen_width: int,
    outlets: int,
    longest_name: int,
    longest_claim: int,
    longest_cell: int = 0,
) -> tuple[int, int]:
    """Widths of the claim text and of each outlet's column, so that the table fits the
    screen when it can: the claim keeps up to half the room (a third when the cells hold
    claims' words: `longest_cell`), within its bounds; the outlets' columns share the rest
    (down to MIN_OUTLET_WIDTH), and the claim takes what is left. Nothing is wider than its
    longest content."""
    room = screen_width - 2 - (SOURCES_WIDTH + CELL_PADDING) - CELL_PADDING
    wanted = min(CLAIM_WIDTH, max(longest_claim, MIN_CLAIM_WIDTH))
    claim = max(MIN_CLAIM_WIDTH, min(wanted, room // 3 if longest_cell else room // 2))
    outlet = max(min(OUTLET_WIDTH, longest_name), min(OUTLET_TEXT_WIDTH, longest_cell))
    if outlets:
        share = (room - claim) // outlets - CELL_PADDING
        outlet = max(min(MIN_OUTLET_WIDTH, outlet), min(outlet, share))
    claim = min(wanted, room - outlets * (outlet + CELL_PADDING))
    return max(MIN_CLAIM_WIDTH, claim), outlet


def _one_line(text: str) -> str:
    return " ".join(printable(text, keep_newlines=False).split())


def _label(text: str, width: int = CLAIM_WIDTH) -> str:
    text = _one_line(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _shared_words(a: str, b: str) -> int:
    """How many words `a` and `b` begin with in common."""
    n = 0
    for x, y in zip(a.split(), b.split(), strict=False):
        if x != y:
            break
        n += 1
    return n


def outlet_headers(outlets: Sequence[str], width: int) -> list[str]:
    """The outlets' column headers, each at most `width` long and told apart when cut.

    A name that fits is kept whole. One that must be cut gives up the words it begins with
    in common with another outlet, for "…", so the words that tell it apart stay ("…Ledger",
    "…Tribune" for "Veldmoor Ledger" and "Veldmoor Tribune"), else loses its end; if
    headers still read alike, the name is cut in the middle, keeping its beginning and its
    end."""
    names = [_one_line(o) for o in outlets]
    headers = [_label(n, width) for n in names]
    for i, name in enumerate(names):
        if len(name) <= width:
            continue
        shared = max((_shared_words(name, o) for j, o in enumerate(names) if j != i), default=0)
        rest = " ".join(name.split()[shared:])
        if shared and rest:
            headers[i] = _label("…" + rest, width)
    tail = (width - 1) // 2
    alike = [i for i, h in enumerate(headers) if headers.count(h) > 1 and len(names[i]) > width]
    for i in alike:
        name = names[i]
        headers[i] = name[: width - 1 - tail].rstrip() + "…" + name[len(name) - tail :]
    return headers


def cell_text(cell: Cell) -> str:
    """A cell as the table shows it before cutting: the mark, then the claim's words."""
    words = _one_line(cell.text) if cell.carried else ""
    return f"{cell.symbol} {words}" if words else cell.symbol


def row_detail(coverage: Coverage, row: Row) -> Text:
    """The highlighted row whole: each outlet that carries it, its mark and its claim."""
    lines = [
        f"{cell.symbol} {_label(outlet, OUTLET_WIDTH)}: {_one_line(cell.text)}"
        for outlet, cell in zip(coverage.outlets, row.cells, strict=True)
        if cell.carried
    ]
    return Text("\n".join(lines), no_wrap=True, overflow="ellipsis")


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
    CoverageScreen #coverage-legend, CoverageScreen #coverage-notes,
    CoverageScreen #coverage-detail {
        color: $text-muted;
        padding: 0 1;
    }
    CoverageScreen #coverage-table {
        height: 1fr;
    }
    CoverageScreen #coverage-detail {
        height: auto;
        max-height: 8;
        border-top: solid $primary-muted;
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
        # The claim and its count stay put when the outlets' columns scroll sideways (a
        # narrow screen, many outlets), so each row stays readable.
        yield DataTable(id="coverage-table", cursor_type="row", zebra_stripes=True, fixed_columns=2)
        yield Static(Text(""), id="coverage-detail")
        notes = "\n".join(f"Counted as one source: {n}." for n in self.coverage.notes)
        yield Static(Text(printable(notes)), id="coverage-notes")
        yield Footer()

    def on_mount(self) -> None:
        self._width = 0
        self._fill()
        self.query_one("#coverage-notes", Static).display = bool(self.coverage.notes)
        self.query_one("#coverage-table", DataTable).focus()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._fill()

    def _fill(self) -> None:
        """The table, its columns cut to the screen's width (again after a resize)."""
        self._width = self.size.width or self.app.size.width
        outlets = self.coverage.outlets
        claim_width, outlet_width = column_widths(
            self._width,
            len(outlets),
            max((len(o) for o in outlets), default=0),
            max((len(r.text) for r in self.coverage.rows), default=0),
            max((len(cell_text(c)) for r in self.coverage.rows for c in r.cells), default=0),
        )
        table = self.query_one("#coverage-table", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        table.add_column("Claim", key="claim")
        table.add_column("Sources", key="sources")
        for index, header in enumerate(outlet_headers(outlets, outlet_width)):
            table.add_column(Text(header), key=f"outlet:{index}")
        for row in self.coverage.rows:
            style = "bold" if row.single_source else ""
            table.add_row(
                Text(_label(row.text, claim_width), style=style),
                Text(str(row.sources), style=style, justify="center"),
                *(self._cell(cell, outlet_width) for cell in row.cells),
                key=row.cluster,
            )
        if self.coverage.outlets:
            table.add_row(
                Text("claims in no cluster", style="italic"),
                Text(""),
                *(Text(str(n), justify="center") for n in self.coverage.unmatched),
                key=UNMATCHED_ROW,
            )
        table.move_cursor(row=cursor)

    @staticmethod
    def _cell(cell: Cell, width: int) -> Text:
        """The mark and the carrying claim's words, cut to the column; a lone mark (not
        carried) centred."""
        if not cell.carried:
            return Text(cell.symbol, justify="center")
        return Text(_label(cell_text(cell), width), no_wrap=True)

    @on(DataTable.RowHighlighted, "#coverage-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        row = next((r for r in self.coverage.rows if r.cluster == event.row_key.value), None)
        detail = self.query_one("#coverage-detail", Static)
        detail.update(row_detail(self.coverage, row) if row is not None else Text(""))
        detail.display = row is not None

    @on(DataTable.RowSelected, "#coverage-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value
        if key is not None and key != UNMATCHED_ROW:
            dismiss_once(self, key)

    # j and k move like the main screen's keys; the table's own ↓ ↑ keep working.
    def action_coverage_down(self) -> None:
        self.query_one("#coverage-table", DataTable).action_cursor_down()

    def action_coverage_up(self) -> None:
        self.query_one("#coverage-table", DataTable).action_cursor_up()

    def action_coverage_close(self) -> None:
        dismiss_once(self, None)
