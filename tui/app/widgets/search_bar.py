"""The incremental search field under the panes (`/`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Input

from tui.support.safe_text import printable


class SearchBar(Input):
    BINDINGS: ClassVar = [
        Binding("escape", "close", "Close search", id="search_close"),
    ]

    @dataclass
    class Closed(Message):
        search_bar: SearchBar

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search claims (enter: next, escape: close)", id=id)
        self.status = ""  # what the line under the field says, as plain text

    def show_hits(self, query: str, hits: int, at: int) -> None:
        """One status under the field, replaced at each keystroke: how many claims in the
        filter contain `query` and which of them the cursor is on (`at`, from 1; 0 when
        the cursor is on none), or that none does. The query stays literal."""
        term = printable(query.strip(), keep_newlines=False)
        if not term:
            self.status = ""
            self.border_subtitle = ""
            return
        if hits == 0:
            said = f"no claim contains “{term}”"
        else:
            noun = "claim contains" if hits == 1 else "claims contain"
            where = f" · {at} of {hits}" if at else ""
            said = f"{hits} {noun} “{term}”{where}"
        self.status = said
        self.border_subtitle = Content(said)

    def action_close(self) -> None:
        self.post_message(self.Closed(self))
