"""A yes/no question listing what would change (used for the cluster verdict, `m`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.app.bindings import bindings_for
from tui.app.keys import CONFIRM_KEYS, first_key
from tui.app.screens.closing import dismiss_once
from tui.support.safe_text import printable


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(CONFIRM_KEYS)

    def __init__(self, question: str, items: Sequence[str], keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.question = question
        self.items = tuple(items)
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            question = printable(self.question, keep_newlines=False)
            yield Static(Text(question), id="confirm-question")
            with VerticalScroll(id="confirm-items"):
                for item in self.items:
                    yield Static(Text("• " + printable(item, keep_newlines=False)))
            # The buttons name the keys as bound now (config.toml [keys] may remap them).
            yes, no = (first_key(k, self.keymap) for k in CONFIRM_KEYS)
            with Horizontal(id="confirm-buttons"):
                yield Button(Text(f"Yes ({yes})"), id="confirm-yes", variant="primary")
                yield Button(Text(f"No ({no})"), id="confirm-no")

    def action_confirm_yes(self) -> None:
        dismiss_once(self, True)

    def action_confirm_no(self) -> None:
        dismiss_once(self, False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        dismiss_once(self, event.button.id == "confirm-yes")
