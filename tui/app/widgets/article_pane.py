"""One article, painted line by line (the Line API), with its units styled by spans.

The first lines are its header: the title, then what is known of where it came from
(outlet, author, date; its web address; when it was fetched and whether the saved file
still holds what the archive recorded: that check reads files, so it runs in a worker and
the header is repainted when it answers). All of it is untrusted text, drawn literally.

Only visible lines are rendered, so a long article costs the same per frame as a short one.
Each unit is preceded by a two-cell slot ("✓ ", "✗ ", "? ", "· ") that shows its verdict as
a symbol; the slot is always there, so a verdict changing never reflows the text. How a unit
looks is decided by the screen (a `Mark`: component class names); colours live in app.tcss.
The article laid out for painting (slots, display offsets, wrapping) is pane_layout.py.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from tui.app.article_meta import Archive, ArticleMeta, archive_state
from tui.app.widgets.article_header import header_lines
from tui.app.widgets.highlight import find_all, overlay
from tui.app.widgets.pane_layout import SLOT, Layout, Mark, PaneUnit

__all__ = ["KEPT_LAYOUTS", "ArticlePane", "Mark", "PaneUnit"]

MAX_LINE_REFRESH = 24  # more units restyled than this: repaint the whole pane
KEPT_LAYOUTS = 8  # articles kept prepared per pane: going back to one costs no rebuild


class ArticlePane(ScrollView, can_focus=True, inherit_bindings=False):
    BINDINGS: ClassVar = [
        Binding("pageup", "page_up", "Page up", show=False, id="pane_page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="pane_page_down"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-pane--title",
        "article-pane--meta",
        "article-pane--url",
        "article-pane--archive-ok",
        "article-pane--archive-bad",
        "article-pane--claim",
        "article-pane--dim",
        "article-pane--selected",
        "article-pane--counterpart",
        "article-pane--match-strong",
        "article-pane--match",
        "article-pane--suggestion",
        "article-pane--conflict",
        "article-pane--untriaged",
        "article-pane--corroborated",
        "article-pane--disputed",
        "article-pane--unsourced",
        "article-pane--later",
        "article-pane--link-same",
        "article-pane--link-different",
        "article-pane--link-contradicts",
        "article-pane--link-from",
        "article-pane--search",
        *(f"article-pane--cluster-{i}" for i in range(6)),
    }

    @dataclass
    class ClaimClicked(Message):
        pane: ArticlePane
        claim: str

    @dataclass
    class ArchiveChecked(Message, bubble=False):
        """The worker compared a fetched page's file with its archive record."""

        path: Path
        state: Archive | None  # None: no provenance names the file after all

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article_id: str | None = None
        self._search: str | None = None  # the search bar's words, highlighted (casefolded)
        self._title = ""
        self._display = ""
        self._units: list[PaneUnit] = []  # display offsets: slot at start - 2
        self._starts: list[int] = []
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._marks: Mapping[str, Mark] = {}
        self._wrapped_at = -1
        self._styles: dict[tuple[str, ...], Style] = {}
        self._layout = Layout.build("", "", ())  # no article yet: an empty page
        self._layouts: dict[str, Layout] = {}  # by article id, the most recent last
        self._head = 1  # screen lines of the header (title, metadata)
        self._archive: dict[Path, Archive | None] = {}  # a fetched file -> its check

    # ---- content ----------------------------------------------------------------------

    def show_article(
        self,
        article_id: str,
        title: str,
        text: str,
        units: Sequence[PaneUnit],
        meta: ArticleMeta | None = None,
    ) -> None:
        """Show an article; `units` are its claims and other units in reading order, `meta`
        what the header says of it beside the title."""
        self.article_id = article_id
        # Preparing an article (making its text safe, placing the slots, wrapping it) is
        # most of the cost of a key that changes articles: panes keep the last few.
        layout = self._layouts.pop(article_id, None)
        if layout is None or layout.source != (title, text, tuple(units), meta):
            layout = Layout.build(title, text, units, meta)
        self._layouts[article_id] = layout
        if len(self._layouts) > KEPT_LAYOUTS:
            del self._layouts[next(iter(self._layouts))]
        self._layout = layout
        self._title, self._display = layout.title, layout.display
        self._units, self._starts = layout.units, layout.starts
        self._head = layout.head
        self._wrapped_at = -1
        self._rewrap()
        self.scroll_to(y=0, animate=False, immediate=True)
        if meta is not None and meta.path is not None and meta.path not in self._archive:
            self._check_archive(meta.path)

    # ---- the archive check ------------------------------------------------------------

    def _check_archive(self, path: Path) -> None:
        """Compare a fetched page's file with its archive record in a worker thread."""
        self._archive[path] = Archive.CHECKING
        self.run_worker(
            partial(self._archive_worker, path),
            thread=True,
            group="archive-check",
            exit_on_error=False,
        )

    def _archive_worker(self, path: Path) -> None:
        self.post_message(self.ArchiveChecked(path, archive_state(path)))

    def on_article_pane_archive_checked(self, event: ArticlePane.ArchiveChecked) -> None:
        self._archive[event.path] = event.state
        meta = self._layout.meta
        if meta is not None and meta.path == event.path:
            self.refresh_lines(0, self._head)

    def archive(self, path: Path) -> Archive | None:
        """What the check of the fetched file `path` said (CHECKING while it runs)."""
        return self._archive.get(path)

    def set_marks(self, marks: Mapping[str, Mark]) -> None:
        """Restyle the units; only the lines of units whose mark changed are repainted."""
        old, self._marks = self._marks, marks
        changed = [u for u in self._units if old.get(u.id) != marks.get(u.id)]
        if len(changed) > MAX_LINE_REFRESH or self._wrapped_at < 0:
            self.refresh()
            return
        for u in changed:
            head = self._head
            first = max(head, bisect_right(self._line_starts, u.start - len(SLOT), lo=head) - 1)
            last = bisect_right(self._line_starts, max(u.start, u.end - 1), lo=head) - 1
            self.refresh_lines(first, last - first + 1)

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wrapped_at:
            return
        self._wrapped_at = width
        self._lines, self._line_starts = self._layout.wrapped(width)
        size = Size(width, len(self._lines))
        if size != self.virtual_size:
            # The pane's size comes from the layout (1fr), never from its text, so a new
            # article needs no layout of the screen (which would paint the scrollbar a frame
            # later, after the text): the scrollbar is updated here, in the same frame.
            # Its showing or hiding still relays the screen (show_vertical_scrollbar does).
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def watch_show_vertical_scrollbar(self) -> None:
        # A scrollbar that appears (or goes) changes the text width without a Resize event:
        # without a rewrap the last columns of every line would be cut off.
        self._rewrap()

    def line_of(self, claim_id: str) -> int | None:
        head = self._head
        for u in self._units:
            if u.id == claim_id:
                return max(head, bisect_right(self._line_starts, u.start - len(SLOT), lo=head) - 1)
        return None

    def scroll_to_claim(self, claim_id: str) -> None:
        """Bring a unit into view (a third of the way down) unless it is visible already."""
        self._rewrap()
        line = self.line_of(claim_id)
        if line is None:
            return
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if not top <= line < top + max(1, height - 1):
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    def unit_at(self, line: int, x: int) -> str | None:
        if not self._head <= line < len(self._lines):
            return None
        start, end = self._lines[line]
        offset, cells = start, 0
        while offset < end and cells + cell_len(self._display[offset]) <= x:
            cells += cell_len(self._display[offset])
            offset += 1
        i = bisect_right(self._starts, offset + len(SLOT)) - 1
        if i >= 0 and self._units[i].start - len(SLOT) <= offset < self._units[i].end:
            return self._units[i].id
        return None

    # ---- painting ---------------------------------------------------------------------

    def _style(self, names: tuple[str, ...]) -> Style:
        """The classes layered in order, each setting only what its own rules set: a bold
        conflict keeps a match's shading, a verdict's colour stays on its cluster's square."""
        style = self._styles.get(names)
        if style is None:
            style = Style.combine([Style(), *(self._own(n) for n in names)])
            self._styles[names] = style
        return style

    def _own(self, name: str) -> Style:
        """What a class sets itself, its colours as drawn (a tint blended with the pane).
        A class's full style also carries the pane's colours, which would cover the
        classes before it."""
        full = self.get_component_rich_style(name)
        own = self.get_component_rich_style(name, partial=True)
        return own + Style(
            color=full.color if own.color else None, bgcolor=full.bgcolor if own.bgcolor else None
        )

    def notify_style_update(self) -> None:
        self._styles.clear()
        super().notify_style_update()

    def _base(self) -> Style:
        base = self._styles.get(())
        if base is None:
            base = self._styles[()] = self.rich_style
        return base

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        base = self._base()
        if index < self._head:
            lines = self.header(base)
            head = lines[index] if index < len(lines) else Text("", style=base)
            head.truncate(width, overflow="ellipsis")
            return Strip(list(head.render(self.app.console))).extend_cell_length(width, base)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        start, end = self._lines[index]
        chars = list(self._display[start:end])
        spans: list[tuple[int, int, tuple[str, ...]]] = []
        first = max(0, bisect_right(self._starts, start) - 1)
        for u in self._units[first:]:
            slot = u.start - len(SLOT)
            if slot >= end:
                break
            mark = self._marks.get(u.id)
            if mark is None:
                continue
            if start <= slot < end:
                chars[slot - start] = mark.symbol
                spans.append((slot - start, slot - start + 1, mark.slot))
            lo, hi = max(u.start, start), min(u.end, end)
            if lo < hi:
                spans.append((lo - start, hi - start, mark.text))
        line = "".join(chars)
        segments: list[Segment] = []
        at = 0
        for lo, hi, names in spans:  # in order and never overlapping
            if lo > at:
                segments.append(Segment(line[at:lo], base))
            segments.append(Segment(line[lo:hi], base + self._style(names)))
            at = hi
        if at < len(line):
            segments.append(Segment(line[at:], base))
        if self._search is not None and (hits := find_all(self._search, line)):
            segments = overlay(segments, hits, self._style(("article-pane--search",)))
        return Strip(segments).crop_extend(0, width, base)

    def highlight(self, words: str | None) -> None:
        """Highlight every occurrence of `words` (any case; None or blank: none)."""
        found = words.strip().casefold() if words else ""
        search = found or None
        if search != self._search:
            self._search = search
            self.refresh()

    def header(self, base: Style | None = None) -> list[Text]:
        """The header's lines as drawn (title, byline, web address, fetch and archive)."""
        meta = self._layout.meta
        state = self.archive(meta.path) if meta is not None and meta.path else None
        on = base if base is not None else Style()
        return header_lines(
            self._title, meta, state, lambda name: on + self._style((f"article-pane--{name}",))
        )

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        claim = self.unit_at(self.scroll_offset.y + offset.y, offset.x)
        if claim is not None:
            self.post_message(self.ClaimClicked(self, claim))
