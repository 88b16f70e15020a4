"""The add-article dialog (`+`): a page's or a feed's web address; a feed's entries to choose.

The dialog only asks and shows: it checks the address as `crosscheck add` does (an
address that is not http(s) is refused inline, before anything is fetched) and hands it to
the ArticleAdder (tui/app/fetching.py), which fetches in a worker and reports back here:
progress, one line saying why nothing was added, or a feed's entries with boxes to tick.
Closing the dialog (escape) never stops a fetch: its end is then said in a notice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, Protocol

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.app.bindings import bindings_for
from tui.app.keys import ADD_KEYS, bound_key
from tui.app.screens.closing import dismiss_once
from tui.support.safe_text import printable

if TYPE_CHECKING:
    from tui.corpus.web.extract import Feed


class Adder(Protocol):
    """What the dialog asks of the ArticleAdder (tui/app/fetching.py)."""

    @property
    def listed_feed(self) -> tuple[str, Feed] | None:
        """A feed listed while the dialog was closed, its entries not chosen yet."""

    def destination(self) -> str:
        """Where a new article is saved, as a sentence."""

    def start(self, urls: Sequence[str], what: str) -> str | None:
        """Fetch `urls`; None when the fetch started, else why not."""


def _line(text: str) -> Text:
    return Text(printable(text, keep_newlines=False))


class AddArticleWanted(Message):
    """The reviewer asked to add an article (the main screen's key): the app opens the
    dialog (tui/app/fetching.py), or says why not."""


class AddArticleScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(ADD_KEYS)

    def __init__(self, adder: Adder, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.adder = adder
        self.keymap = keymap
        self.feed: tuple[str, Feed] | None = None  # the feed whose entries are listed

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box"):
            about = "The web address of a page or of a feed (http or https)."
            yield Static(_line(f"{about} {self.adder.destination()}"), id="add-about")
            yield Input(placeholder="https://…", id="add-url")
            yield Static(id="add-status")
            yield SelectionList[int](id="add-entries")
            yield Static(self._hint(), id="add-hint")

    def _hint(self) -> Text:
        close = bound_key("add_close", self.keymap)
        if self.feed is None:
            return Text(f"enter fetches · {close} closes (a fetch goes on)")
        chosen = bound_key("add_chosen", self.keymap)
        return Text(
            f"space or enter ticks an entry · {chosen} adds the ticked entries · "
            f"{close} closes (a fetch goes on)"
        )

    def on_mount(self) -> None:
        self.query_one("#add-box").border_title = "Add an article"
        self.query_one("#add-entries").display = False
        listed = self.adder.listed_feed
        if listed is not None:  # a feed listed while the dialog was closed
            self.query_one("#add-url", Input).value = listed[0]
            self.show_feed(*listed)
        else:
            self.query_one("#add-url", Input).focus()

    # ---- what the adder shows here ------------------------------------------------------

    def show_status(self, text: str, *, error: bool = False) -> None:
        """One line under the address: progress, or why nothing was added."""
        status = self.query_one("#add-status", Static)
        status.update(_line(text))
        status.set_class(error, "-error")

    def show_feed(self, url: str, feed: Feed) -> None:
        """The feed's entries, each with a box to tick; none is ticked at first."""
        self.feed = (url, feed)
        entries = self.query_one("#add-entries", SelectionList)
        entries.clear_options()
        entries.add_options(
            Selection(_line(f"{e.title or '(no title)'}  {e.link}"), i)
            for i, e in enumerate(feed.entries)
        )
        entries.display = bool(feed.entries)
        count = len(feed.entries)
        title = f" {feed.title!r}" if feed.title else ""
        if count:
            self.show_status(f"A feed{title} of {count} entr{'y' if count == 1 else 'ies'}.")
            entries.highlighted = 0
            self.call_after_refresh(entries.focus)  # once it is shown: hidden, it takes none
        else:
            self.show_status(f"A feed{title} with no entries: nothing to add.", error=True)
        self.query_one("#add-hint", Static).update(self._hint())

    def close(self) -> None:
        dismiss_once(self, None)

    # ---- the reviewer's input ---------------------------------------------------------

    @on(Input.Submitted, "#add-url")
    def _submitted(self, event: Input.Submitted) -> None:
        from tui.corpus.web.urls import BadUrl, check_url

        event.stop()
        try:
            check_url(event.value)
        except BadUrl as exc:
            self.show_status(f"{exc}", error=True)
            return
        url = event.value.strip()
        self.feed = None
        self.query_one("#add-entries").display = False
        self.query_one("#add-hint", Static).update(self._hint())
        self._start([url], url)

    def _start(self, urls: list[str], what: str) -> None:
        refused = self.adder.start(urls, what)
        if refused is not None:
            self.show_status(refused, error=True)
        else:
            self.show_status(f"fetching {what}…")

    def action_add_chosen(self) -> None:
        if self.feed is None:
            return
        url, feed = self.feed
        chosen = sorted(self.query_one("#add-entries", SelectionList).selected)
        if not chosen:
            self.show_status("Tick the entries to add first (space or enter).", error=True)
            return
        links = [feed.entries[i].link for i in chosen]
        what = links[0] if len(links) == 1 else f"{len(links)} entries of {url}"
        self._start(links, what)

    def action_add_close(self) -> None:
        dismiss_once(self, None)
