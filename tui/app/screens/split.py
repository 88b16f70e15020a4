"""The split question: where to cut the selected claim. Each place is before one of its
words (but the first), listed with the words on either side; choosing one splits the claim
there into two (tui/review/session_links.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.bindings import bindings_for
from tui.app.keys import SPLIT_KEYS, first_key
from tui.app.screens.closing import dismiss_once
from tui.support.safe_text import printable

CONTEXT = 28  # characters shown on each side of a cut


def _one_line(text: str) -> str:
    return printable(text, keep_newlines=False)


def describe_cut(text: str, at: int, word: int) -> Text:
    """`word N: …before ┃ after…` for a cut `at` characters into `text`."""
    before, after = text[:at].rstrip(), text[at:]
    head = ("…" + before[-CONTEXT:]) if len(before) > CONTEXT else before
    tail = (after[:CONTEXT] + "…") if len(after) > CONTEXT else after
    return Text(f"before word {word:>3}:  {_one_line(head)} ┃ {_one_line(tail)}", end="")


class SplitScreen(ModalScreen[int | None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(SPLIT_KEYS)

    def __init__(self, text: str, points: Sequence[int], keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.text = text
        self.points = tuple(points)
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        cancel = first_key(SPLIT_KEYS[0], self.keymap)
        with Vertical(id="split-box"):
            yield Static(Text(_one_line(self.text)), id="split-claim")
            yield Static(
                Text(f"Split the claim where? (enter splits, {cancel} cancels)"),
                id="split-question",
            )
            yield OptionList(
                *(
                    Option(describe_cut(self.text, at, i), id=str(at))
                    for i, at in enumerate(self.points, 2)
                ),
                id="split-points",
            )

    def on_mount(self) -> None:
        self.query_one("#split-box").border_title = "Split"
        points = self.query_one(OptionList)
        points.highlighted = 0  # enter at once splits before the second word
        points.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        dismiss_once(self, int(event.option.id or 0) or None)

    def action_split_cancel(self) -> None:
        dismiss_once(self, None)
