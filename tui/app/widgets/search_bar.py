"""The incremental search field under the panes (`/`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    BINDINGS: ClassVar = [
        Binding("escape", "close", "Close search", id="search_close"),
    ]

    @dataclass
    class Closed(Message):
        search_bar: SearchBar

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search claims (enter: next, escape: close)", id=id)

    def action_close(self) -> None:
        self.post_message(self.Closed(self))
