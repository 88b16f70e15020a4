"""An article laid out for its pane: the display text made safe, with a two-cell slot
before each unit for its verdict symbol, the units in display offsets, and the screen lines
at each width it was shown at (wrapping is by cells, at spaces where it can)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.cells import get_character_cell_size

from tui.app.article_meta import ArticleMeta
from tui.app.widgets.article_header import header_height
from tui.support.safe_text import printable

SLOT = "  "


@dataclass(frozen=True, slots=True)
class PaneUnit:
    id: str
    start: int  # offsets in the article text
    end: int


@dataclass(frozen=True, slots=True)
class Mark:
    """How one unit is drawn: component classes for its text and its slot, and the symbol."""

    text: tuple[str, ...]
    slot: tuple[str, ...] = ()
    symbol: str = " "


@dataclass(slots=True)
class Layout:
    """An article made ready to paint: safe display text with a slot before each unit,
    the units in display offsets, and its screen lines for each width it was shown at."""

    source: tuple[str, str, tuple[PaneUnit, ...], ArticleMeta | None]  # what it was built from
    title: str
    meta: ArticleMeta | None
    display: str
    units: list[PaneUnit]
    starts: list[int]
    lines: dict[int, tuple[list[tuple[int, int]], list[int]]] = field(default_factory=dict)

    @classmethod
    def build(
        cls, title: str, text: str, units: Sequence[PaneUnit], meta: ArticleMeta | None = None
    ) -> Layout:
        safe = printable(text).replace("\t", " ")
        parts: list[str] = []
        placed: list[PaneUnit] = []
        pos = shift = 0
        for u in units:
            parts.append(safe[pos : u.start])
            parts.append(SLOT)
            shift += len(SLOT)
            placed.append(PaneUnit(u.id, u.start + shift, u.end + shift))
            pos = u.start
        parts.append(safe[pos:])
        return cls(
            (title, text, tuple(units), meta),
            printable(title, keep_newlines=False),
            meta,
            "".join(parts),
            placed,
            [u.start for u in placed],
        )

    @property
    def head(self) -> int:
        """Screen lines before the text: the title, then the metadata lines."""
        return header_height(self.meta)

    def wrapped(self, width: int) -> tuple[list[tuple[int, int]], list[int]]:
        """(start, end) of each screen line at `width` (the header's lines first), and the
        starts."""
        found = self.lines.get(width)
        if found is None:
            lines = [(0, 0)] * self.head + wrap_offsets(self.display, width)
            found = self.lines[width] = (lines, [s for s, _ in lines])
        return found


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each screen line when `text` is wrapped at `width` cells: breaks at
    spaces where it can, inside a word when the word alone is wider; newlines always break."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        end_of_para = pos + len(raw)
        start = pos
        while True:
            if raw.isascii():
                fit = min(end_of_para, start + width)
            else:
                cells, fit = 0, start
                while fit < end_of_para:
                    cells += get_character_cell_size(text[fit])
                    if cells > width:
                        break
                    fit += 1
                fit = max(fit, start + 1) if start < end_of_para else fit
            if fit >= end_of_para:
                lines.append((start, end_of_para))
                break
            space = text.rfind(" ", start, fit + 1)
            cut = space if space > start else fit
            lines.append((start, cut))
            start = cut
            while start < end_of_para and text[start] == " ":
                start += 1
            if start >= end_of_para:
                break
        pos = end_of_para + 1
    return lines
