"""The note modal (`a`): a free-text note and, beside it, sources one per line."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

from tui.app.screens.closing import dismiss_once
from tui.app.screens.confirm import ConfirmScreen
from tui.support.safe_text import printable


@dataclass(frozen=True, slots=True)
class NoteResult:
    note: str
    sources: tuple[str, ...]


class NoteScreen(ModalScreen[NoteResult | None]):
    BINDINGS: ClassVar = [
        Binding("ctrl+s", "save", "Save note", id="note_save"),
        Binding("escape", "cancel", "Cancel", id="note_cancel"),
    ]

    def __init__(
        self,
        claim_text: str,
        note: str,
        sources: Sequence[str],
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.claim_text = claim_text
        self.note = note
        self.sources = tuple(sources)
        self.keymap = keymap or {}  # for the question before discarding what was typed
        self._asking = False

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Text(printable(self.claim_text, keep_newlines=False)), id="note-claim")
            with Horizontal(id="note-fields"):
                with Vertical():
                    yield Label("Note")
                    yield TextArea(self.note, id="note-text", soft_wrap=True)
                with Vertical():
                    yield Label("Sources (one per line)")
                    yield TextArea("\n".join(self.sources), id="note-sources", soft_wrap=True)
            with Horizontal(id="note-buttons"):
                yield Button("Save (ctrl+s)", id="note-save", variant="primary")
                yield Button("Cancel (esc)", id="note-cancel")

    def on_mount(self) -> None:
        self.query_one("#note-box").border_title = "Note and sources"
        for area in self.query(TextArea):
            area.cursor_blink = not self.app.is_headless
        self.query_one("#note-text", TextArea).focus()

    def action_save(self) -> None:
        if not self.is_active:  # dismissed already; a queued key or click came after
            return
        note = self.query_one("#note-text", TextArea).text
        sources = self.query_one("#note-sources", TextArea).text.splitlines()
        result = NoteResult(note.strip(), tuple(s.strip() for s in sources if s.strip()))
        dismiss_once(self, result)

    def _typed(self) -> bool:
        """Whether the fields differ from what the dialog opened with."""
        note = self.query_one("#note-text", TextArea).text
        sources = self.query_one("#note-sources", TextArea).text
        return note != self.note or sources != "\n".join(self.sources)

    def action_cancel(self) -> None:
        """Close without saving; asks first when something was typed (escape pressed by
        habit must not lose a paragraph)."""
        if not self.is_active or self._asking:
            return
        if not self._typed():
            dismiss_once(self, None)
            return

        def answered(discard: bool | None) -> None:
            self._asking = False
            if discard:
                dismiss_once(self, None)

        self._asking = True
        question = "Discard what you typed in the note and sources?"
        self.app.push_screen(ConfirmScreen(question, [], self.keymap), answered)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.action_cancel()
