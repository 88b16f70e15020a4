"""The link question: the two claims to link, and how they relate (same fact, contradicts,
not the same fact). Opened by the link key on the second claim (tui/app/screens/linking.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.app.bindings import bindings_for
from tui.app.keys import RELATION_KEYS, first_key
from tui.app.screens.closing import dismiss_once
from tui.support.safe_text import printable
from tui.verdicts.model import Relation

ANSWERS = {
    "relation_same": Relation.SAME,
    "relation_contradicts": Relation.CONTRADICTS,
    "relation_different": Relation.DIFFERENT,
}


class RelationScreen(ModalScreen[Relation | None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(RELATION_KEYS)

    def __init__(self, marked: str, selected: str, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.marked, self.selected = marked, selected
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with Vertical(id="relation-box"):
            yield Static(Text("Link these two claims?"), id="relation-question")
            for name, text in (("Marked", self.marked), ("Selected", self.selected)):
                line = Text(f"{name}: {printable(text, keep_newlines=False)}", end="")
                yield Static(line, classes="relation-claim")
            # The buttons name the keys as bound now (config.toml [keys] may remap them).
            with Horizontal(id="relation-buttons"):
                for key in RELATION_KEYS:
                    label = Text(f"{key.description} ({first_key(key, self.keymap)})")
                    primary = key.id == "relation_same"
                    yield Button(
                        label,
                        id=key.id.replace("_", "-"),
                        variant="primary" if primary else "default",
                    )

    def on_mount(self) -> None:
        self.query_one("#relation-box").border_title = "Link"

    def _answer(self, action: str) -> None:
        dismiss_once(self, ANSWERS.get(action))

    def action_relation_same(self) -> None:
        self._answer("relation_same")

    def action_relation_contradicts(self) -> None:
        self._answer("relation_contradicts")

    def action_relation_different(self) -> None:
        self._answer("relation_different")

    def action_relation_cancel(self) -> None:
        self._answer("relation_cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._answer((event.button.id or "").replace("-", "_"))
