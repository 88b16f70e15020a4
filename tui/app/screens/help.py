"""The help screen: every key, grouped, as bound now (config.toml [keys] applied)."""

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
from tui.app.screens.closing import dismiss_once

VERDICT_LEGEND = (
    "✓ corroborated   ✗ disputed   ? unsourced   … later (deferred, not a verdict)   "
    "· untriaged   ≠ reviewers disagree (merged file)"
)
# What the panes and the inspector show of matches and of the reviewer's links.
LINK_LEGEND = (
    "Machine: a claim with a match is shaded (darker from a score of 90), a claim with only "
    "suggestions underlined, one whose figures disagree bold; the selected claim's matches "
    "stand out in the right pane.\n"
    "Reviewer, in the right pane, for the claims linked to the selected one: confirmed (same "
    "fact) in a strong green and underlined, contradicts in a strong red and underlined, "
    "rejected (not the same fact) struck through; the claim marked for a link is reversed. "
    "The inspector names each pair: match or suggestion (the machine's), confirmed, "
    "contradicts or rejected (yours)."
)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(HELP_KEYS)

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(self._table(), id="help-keys")
            yield Static(Text(VERDICT_LEGEND), id="help-legend")
            yield Static(Text(LINK_LEGEND), id="help-links")
            yield Static(
                Text(
                    "Every decision is saved at once. ctrl+p lists every action; "
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
