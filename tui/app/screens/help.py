"""The help screen: every key, grouped, as bound now (config.toml [keys] applied), then the
legend: every colour, underline and mark on screen, drawn as the panes draw it
(tui/app/legend.py, the table the one-line legend shows too)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.bindings import bindings_for
from tui.app.keys import HELP_KEYS, KEYS, SCREEN_KEYS, display_keys, first_key
from tui.app.legend import LegendTable
from tui.app.screens.closing import dismiss_once


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(HELP_KEYS)

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self._table(), id="help-keys")
            yield Static(Text("Legend"), id="help-legend-title")
            yield LegendTable(self.keymap, id="help-legend")
            yield Static(
                Text(
                    "Every decision is saved at once. ctrl+p lists every action and changes "
                    "the theme (crosscheck-high-contrast among them; the choice is kept); "
                    f"{first_key(HELP_KEYS[0], self.keymap)} closes this screen."
                ),
                id="help-footnote",
            )

    def _table(self) -> Table:
        table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
        table.add_column("group", no_wrap=True)
        table.add_column("keys", no_wrap=True)
        table.add_column("action", ratio=1)
        group = ""
        for key in KEYS + SCREEN_KEYS:
            label = key.group if key.group != group else ""
            group = key.group
            table.add_row(Text(label), Text(display_keys(key, self.keymap)), Text(key.description))
        return table

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Keys"

    def action_help_close(self) -> None:
        dismiss_once(self, None)
