"""The toggleable list of articles: title, claims and how many are triaged."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.safe_text import printable


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: str
    title: str
    triaged: int
    claims: int


class ArticleList(OptionList):
    @dataclass
    class ArticleChosen(Message):
        article: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ids: list[str] = []
        self._rows: list[ArticleRow] = []

    @staticmethod
    def _prompt(row: ArticleRow) -> Text:
        done = "✓" if row.claims and row.triaged == row.claims else " "
        text = Text(f"{done} {row.triaged}/{row.claims} ", no_wrap=True, overflow="ellipsis")
        text.append(printable(row.title, keep_newlines=False))
        return text

    def show_rows(self, rows: Sequence[ArticleRow], current: str | None) -> None:
        """Fill the list, or refresh its counts when the articles are the same."""
        ids = [r.id for r in rows]
        if ids != self._ids:
            self._ids = ids
            self.clear_options()
            self.add_options(Option(self._prompt(r), id=r.id) for r in rows)
        else:
            for i, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
                if old != new:
                    self.replace_option_prompt_at_index(i, self._prompt(new))
        self._rows = list(rows)
        if current in self._ids:
            self.highlighted = self._ids.index(current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ArticleChosen(event.option.id))
