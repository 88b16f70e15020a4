"""The orphans screen: decisions re-anchoring could not place on today's text.

Each row shows what was decided, on which text, and the best candidate claim now with its
score. One key re-attaches the selected orphan to that candidate, another discards it after
a confirmation. Both go through the session (so ctrl+z on the main screen undoes them) and
are saved at once by the app; until then the orphan stays in the file untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.app.bindings import bindings_for
from tui.app.keys import ORPHAN_KEYS
from tui.app.screens.closing import dismiss_once
from tui.support.safe_text import printable

if TYPE_CHECKING:
    from tui.app.host import Host
    from tui.review.changes import Change
    from tui.review.orphans import OrphanItem
    from tui.review.session import Session

SYMBOLS = {"corroborated": "✓", "disputed": "✗", "unsourced": "?"}
TEXT_WIDTH = 52


def _label(text: str, width: int = TEXT_WIDTH) -> str:
    text = " ".join(printable(text, keep_newlines=False).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class OrphansScreen(Screen[None]):
    """Lists `session.orphans()`; the host saves each change made here."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for(ORPHAN_KEYS)

    def __init__(self, host: Host, session: Session) -> None:
        super().__init__()
        self.host = host
        self.session = session
        self.items: tuple[OrphanItem, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(id="orphans-title")
        yield DataTable(id="orphans-table", cursor_type="row", zebra_stripes=True)
        yield Static(
            Text(
                "An orphan stays in the verdict file, untouched, until it is re-attached or "
                f"discarded here. {self._undo_key()} on the main screen undoes either."
            ),
            id="orphans-help",
        )
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#orphans-table", DataTable)
        table.add_column("Decided", key="decided")
        table.add_column("Text when decided", key="text")
        table.add_column("Best candidate now", key="candidate")
        table.add_column("Score", key="score")
        self.fill()
        table.focus()

    def fill(self) -> None:
        """(Re)list the orphans still in the file, keeping the cursor's row where it can."""
        table = self.query_one("#orphans-table", DataTable)
        row = table.cursor_row
        self.items = self.session.orphans()
        table.clear()
        analysis = self.session.analysis
        for i, item in enumerate(self.items):
            if item.is_verdict:
                decided = f"{SYMBOLS.get(item.status, '·')} {item.status}"
            else:  # a correction: named by the key that makes one
                decided = f"{self.host.key('toggle_claim')}: {item.status}"
            if item.candidate is not None and analysis.has_claim(item.candidate):
                candidate, score = analysis.claim(item.candidate).text, f"{item.score:.1f}"
            else:
                candidate, score = "none", ""
            table.add_row(
                Text(decided),
                Text(_label(item.decided_on)),
                Text(_label(candidate)),
                Text(score, justify="right"),
                key=str(i),
            )
        count = len(self.items)
        title = f"Orphaned decisions: {count}" if count else "No orphaned decisions left."
        self.query_one("#orphans-title", Static).update(Text(title))
        if count:
            table.move_cursor(row=min(row, count - 1))

    def _selected(self) -> OrphanItem | None:
        table = self.query_one("#orphans-table", DataTable)
        if not self.items or not 0 <= table.cursor_row < len(self.items):
            self.notify("No orphan selected.", timeout=2, markup=False)
            return None
        return self.items[table.cursor_row]

    def _apply(self, make: Callable[[], Change]) -> None:
        from tui.review.session import TriageError

        try:
            change = make()
        except TriageError as exc:
            self.notify(str(exc), severity="warning", timeout=4, markup=False)
            return
        self.host.persist(change)
        self.fill()

    def action_orphan_reattach(self) -> None:
        item = self._selected()
        if item is not None:
            self._apply(lambda: self.session.reattach(item))

    def action_orphan_discard(self) -> None:
        item = self._selected()
        if item is None:
            return
        from tui.app.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._apply(lambda: self.session.discard(item))

        question = (
            f"Discard this orphaned decision ({item.status})? {self._undo_key()} brings it back."
        )
        self.app.push_screen(ConfirmScreen(question, [item.decided_on], self.host.keymap), answered)

    def _undo_key(self) -> str:
        """The undo key as bound now (config.toml [keys] may remap it)."""
        return self.host.key("undo")

    # j and k move like the main screen's keys; the table's own ↓ ↑ keep working.
    def action_orphan_down(self) -> None:
        self.query_one("#orphans-table", DataTable).action_cursor_down()

    def action_orphan_up(self) -> None:
        self.query_one("#orphans-table", DataTable).action_cursor_up()

    def action_orphan_close(self) -> None:
        dismiss_once(self, None)
