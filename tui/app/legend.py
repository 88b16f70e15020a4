"""The legend drawn: what every colour, underline and mark on screen means, from the one
table of tui/app/legend_entries.py. The help screen shows it whole (`LegendTable`); the
main screen shows it as one line above the footer (`LegendLine`, toggled by a key): when the
line is too narrow for every entry, it shows as many whole entries as fit, the key again
shows the next page, and after the last it hides; its right end always names the help
screen, where the whole legend is.

Each entry's sample is drawn with the styles the panes draw with: the component classes of
the article pane, the inspector or the article list, taken from those widgets on screen, so
the legend follows the theme.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import RenderResult
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from tui.app.keys import bound_key
from tui.app.legend_entries import LEGEND, LINE_ORDER, Entry, meaning
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_pane import ArticlePane
from tui.app.widgets.inspector import Inspector

if TYPE_CHECKING:
    from textual.theme import Theme

Styler = Callable[[str], Style]


def styler(widget: Widget) -> Styler:
    """A component class's style as the widget drawing it draws it: the article panes,
    the inspector and the article list of the screens open now (the main screen's, under
    the help screen). A class with no such widget on any screen gets a plain style."""
    owners: dict[str, Widget] = {}
    for prefix, kind in (
        ("article-pane--", ArticlePane),
        ("inspector--", Inspector),
        ("article-list--", ArticleList),
    ):
        for screen in reversed(widget.app.screen_stack):
            found = list(screen.query(kind))
            if found:
                owners[prefix] = found[0]
                break
    plain = Style()

    def style(name: str) -> Style:
        owner = owners.get(name[: name.index("--") + 2])
        return plain if owner is None else owner.get_component_rich_style(name)

    return style


def sample(entry: Entry, style: Styler) -> Text:
    """The entry's mark, drawn as the panes draw it."""
    text = Text(end="", no_wrap=True)
    for name in entry.classes if entry.each else entry.classes[:1]:
        text.append(entry.sample or entry.short, style=style(name))
    return text


def item(entry: Entry, style: Styler) -> Text:
    """The entry in the one-line legend: its sample, then its words unless they were it."""
    text = sample(entry, style)
    if entry.sample:
        text.append(f" {entry.short}")
    return text


def legend_table(keymap: Mapping[str, str], style: Styler) -> Table:
    """The whole legend, by group: the help screen's "Legend" section."""
    table = Table(box=None, show_header=False, expand=True, padding=(0, 1))
    table.add_column("group", no_wrap=True)
    table.add_column("mark", no_wrap=True)
    table.add_column("meaning", ratio=1)
    group = ""
    for entry in LEGEND:
        label = entry.group if entry.group != group else ""
        group = entry.group
        table.add_row(Text(label), sample(entry, style), Text(meaning(entry, keymap)))
    return table


def line_items(style: Styler) -> list[Text]:
    """The one-line legend's items, in LINE_ORDER: each a sample and its short words."""
    by_short = {e.short: e for e in LEGEND}
    return [item(by_short[short], style) for short in LINE_ORDER]


GAP = "  "


def pages(items: Iterable[Text], width: int) -> list[list[Text]]:
    """The items in pages of whole items that fit `width` cells (an item wider than the
    line is a page of its own, cut by the line)."""
    out: list[list[Text]] = [[]]
    used = 0
    for item in items:
        need = item.cell_len + (cell_len(GAP) if out[-1] else 0)
        if out[-1] and used + need > width:
            out.append([])
            used, need = 0, item.cell_len
        out[-1].append(item)
        used += need
    return [p for p in out if p]


class LegendTable(Static):
    """The help screen's legend, drawn with the panes' styles; redrawn when the theme
    changes."""

    def __init__(self, keymap: Mapping[str, str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.keymap = keymap

    def on_mount(self) -> None:
        self._draw()
        self.app.theme_changed_signal.subscribe(self, self._themed)

    def _themed(self, theme: Theme) -> None:
        self._draw()

    def _draw(self) -> None:
        self.update(legend_table(self.keymap, styler(self)))


class LegendLine(Widget):
    """The legend in one line above the footer; hidden until its key is pressed. The key
    shows it, then its next page while there is one, then hides it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"legend-line--hint"}
    page: reactive[int] = reactive(-1)  # the page shown; -1: hidden

    def __init__(self, keymap: Mapping[str, str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.keymap = keymap

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._themed)

    def _themed(self, theme: Theme) -> None:
        self.refresh()

    def watch_page(self, page: int) -> None:
        self.set_class(page >= 0, "-shown")

    @property
    def shown(self) -> bool:
        return self.page >= 0

    def _tail(self, page: int, count: int) -> str:
        """The line's right end: the page and the key for the next, when there are more
        pages; always where the whole legend is."""
        full = f"{GAP}{bound_key('help', self.keymap)} full legend"
        if count < 2:
            return full
        return f"{GAP}{page + 1}/{count} {bound_key('toggle_legend', self.keymap)}▸{full}"

    def _pages(self) -> list[list[Text]]:
        width = self.content_region.width or self.app.size.width
        items = line_items(styler(self))
        found = pages(items, max(1, width - cell_len(self._tail(0, 1))))
        if len(found) > 1:  # room for the page and the key on every page
            widest = cell_len(self._tail(len(found) + 9, len(found) + 9))
            found = pages(items, max(1, width - widest))
        return found

    def toggle(self) -> None:
        """Show the legend, or its next page, or hide it after the last."""
        count = len(self._pages())
        self.page = self.page + 1 if self.page + 1 < count else -1

    def render(self) -> RenderResult:
        if self.page < 0:
            return Text()
        found = self._pages()
        at = min(self.page, len(found) - 1)
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        for i, item in enumerate(found[at] if found else []):
            if i:
                line.append(GAP)
            line.append_text(item)
        tail = Text(self._tail(at, len(found)), end="")
        tail.stylize(self.get_component_rich_style("legend-line--hint"))
        width = self.content_region.width or self.app.size.width
        line.truncate(max(0, width - tail.cell_len), pad=True)
        line.append_text(tail)
        return line
