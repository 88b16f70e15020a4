"""The footer, by priority: when the line is too narrow for every key the table shows, the
keys with the highest `priority` number (tui/app/keys.py) are left out first, so help and
quit stay at any width; everything left out is on the help screen and in the palette.

Textual's Footer lays the keys out in one row and lets the rest fall off the right edge;
this one chooses what falls off, and keeps the table's order among what it keeps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.app.keys import Key

PALETTE_KEY = "-command-palette"


def priorities(keys: Iterable[Key]) -> dict[str, int]:
    """Action -> its footer priority."""
    return {k.action: k.priority for k in keys}


def _width(key: FooterKey) -> int:
    """The cells a footer key takes (the key and the description, padded, and its margin)."""
    return cell_len(key.key_display) + 2 + (cell_len(key.description) + 1 if key.description else 0)


def fitting(widths: Mapping[int, tuple[int, int]], budget: int) -> set[int]:
    """Which items fit in `budget` cells, the lowest priority numbers first (the table's
    order breaks ties): item -> (priority, width)."""
    kept: set[int] = set()
    used = 0
    for item, (_, width) in sorted(widths.items(), key=lambda kv: (kv[1][0], kv[0])):
        if used + width <= budget:
            kept.add(item)
            used += width
    return kept


class KeyFooter(Footer):
    def __init__(self, ranks: Mapping[str, int], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.ranks = dict(ranks)
        self._laid_for = 0

    def compose(self) -> ComposeResult:
        items: list[Widget] = list(super().compose())
        keys = [w for w in items if isinstance(w, FooterKey) and not w.has_class(PALETTE_KEY)]
        rest = [w for w in items if w not in keys]
        budget = (self.size.width or self.app.size.width) - sum(
            _width(w) + 2 for w in rest if isinstance(w, FooterKey)
        )
        self._laid_for = self.size.width or self.app.size.width
        measured = {i: (self.ranks.get(k.action, 9), _width(k)) for i, k in enumerate(keys)}
        kept = fitting(measured, budget)
        yield from (k for i, k in enumerate(keys) if i in kept)
        yield from rest

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._laid_for and self._bindings_ready:
            self.call_after_refresh(self.recompose)
