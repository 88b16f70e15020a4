"""The toggleable list of articles: title, outlet, publication date (when known), claims and
how many are triaged.

Articles that are wire copies of one story carry the same marker ("≈ wire 1"), so the
reviewer sees at a glance which articles count as one source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.article_meta import short_date
from tui.support.safe_text import printable

DATE_CELLS = 24  # a date that is not ISO 8601 is shown as given, up to this many cells


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: str
    title: str
    triaged: int
    claims: int
    outlet: str = ""
    wire: int | None = None  # number of its wire group (1, 2, ...), None when not a copy
    published: str = ""  # as the article's metadata gives it ("" when unknown)


class ArticleList(OptionList):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--outlet",
        "article-list--date",
        "article-list--wire",
    }

    @dataclass
    class ArticleChosen(Message):
        article: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ids: list[str] = []
        self._rows: list[ArticleRow] = []

    def _prompt(self, row: ArticleRow) -> Text:
        done = "✓" if row.claims and row.triaged == row.claims else " "
        text = Text(f"{done} {row.triaged}/{row.claims} ", no_wrap=True, overflow="ellipsis")
        text.append(printable(row.title, keep_newlines=False))
        text.append("\n  ")
        outlet = printable(row.outlet, keep_newlines=False)
        text.append(outlet, style=self.get_component_rich_style("article-list--outlet"))
        if date := printable(short_date(row.published), keep_newlines=False):
            if len(date) > DATE_CELLS:
                date = date[: DATE_CELLS - 1] + "…"
            text.append(f" · {date}", style=self.get_component_rich_style("article-list--date"))
        if row.wire is not None:
            text.append(
                f" ≈ wire {row.wire}", style=self.get_component_rich_style("article-list--wire")
            )
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
        self.show_current(current)

    def show_current(self, current: str | None) -> None:
        """Highlight the article being triaged (nothing happens when it already is)."""
        if current in self._ids and self.highlighted != self._ids.index(current):
            self.highlighted = self._ids.index(current)

    def on_mount(self) -> None:
        # The rows' colours are in their text: a new theme writes them again.
        self.app.theme_changed_signal.subscribe(self, lambda theme: self._restyle())

    def _restyle(self) -> None:
        for i, row in enumerate(self._rows):
            self.replace_option_prompt_at_index(i, self._prompt(row))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ArticleChosen(event.option.id))
