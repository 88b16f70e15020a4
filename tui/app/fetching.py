"""Adding articles from the web inside the app: the fetch in a worker thread, reported by
message; then the corpus read and matched again and the session installed over it.

The work is the domain's, the calls `crosscheck add` makes (tui/cli/web.py): `add_urls`
into the corpus folder with a `WebClient` of the config's `[web]` limits (archive, provenance
and file name exactly as on the command line); a feed is listed first and the reviewer
chooses which entries to fetch. Then `analyse` with the match cache (the articles already
read are not segmented again, and only the pairs with a claim of the new article are
scored) and the reviewer's verdicts placed as at start-up (tui/app/loading.py). The new
session keeps the cursor and the filter; decisions made while the fetch ran are placed on
the main thread, so none is lost.

One add runs at a time; the reviewer keeps working meanwhile (the dialog can be closed, and
what happens is said in a notice when it ends).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from textual.message import Message
from textual.worker import get_current_worker

from tui.app.notices import tell

if TYPE_CHECKING:
    from textual.app import App

    from tui.analysis.pipeline import Analysis
    from tui.app.screens.add_article import AddArticleScreen
    from tui.config import Config
    from tui.corpus.web.add import AddOutcome
    from tui.corpus.web.extract import Feed
    from tui.review.session import Session
    from tui.verdicts.model import VerdictSet
    from tui.verdicts.store import VerdictStore


class Adding(Message):
    """What the add worker reports; the app hands each to its ArticleAdder."""


@dataclass
class AddProgressed(Adding):
    text: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AddProgressed)  # only the latest is worth showing


@dataclass
class FeedListed(Adding):
    """The URL was a feed: its entries, for the reviewer to choose from."""

    url: str
    feed: Feed


@dataclass
class NothingAdded(Adding):
    """No article was saved; `reason` is one line (nothing else was touched)."""

    reason: str


@dataclass
class ArticlesAdded(Adding):
    """Articles were saved and the corpus read and matched again."""

    analysis: Analysis
    session: Session  # over `analysis`, with `placed_from` placed on it
    placed_from: VerdictSet
    added: tuple[str, ...]  # ids of the new articles, in the order they were added
    failed: tuple[str, ...]  # "URL: why" of the chosen entries that were not added


class Shown(Protocol):
    """The main screen, as the adder needs it."""

    compare: str | None

    def start(self, session: Session, cursor: str | None) -> None: ...

    def paint(self, *, follow: bool = True) -> None: ...

    def call_later(self, _callback: Callable[..., Any], /, *args: Any, **kwargs: Any) -> bool: ...


class AddingHost(Protocol):
    """The app, as the adder needs it."""

    config: Config
    paths: list[Path]
    store: VerdictStore
    session: Session | None

    @property
    def keymap(self) -> Mapping[str, str]: ...

    @property
    def main_screen(self) -> Shown: ...


class NoFolder(Exception):
    """New articles have nowhere to go; str() says why in one line."""


def corpus_folder(paths: Sequence[Path]) -> Path:
    """The folder new articles are saved in: the one folder the app was opened on."""
    if len(paths) == 1 and paths[0].is_dir():
        return paths[0]
    opened = "files" if all(not p.is_dir() for p in paths) else "several paths"
    raise NoFolder(
        f"This corpus was opened on {opened}, not on one folder: there is no corpus folder "
        "to save an article in. Add it with `crosscheck add URL --to FOLDER`, then open "
        "the folder."
    )


def add_and_analyse(
    urls: Sequence[str],
    folder: Path,
    config: Config,
    paths: Sequence[Path],
    store: VerdictStore,
    verdict_set: VerdictSet,
    report: Callable[[Message], None],
) -> None:
    """Fetch and save `urls` into `folder` as `crosscheck add` does, then read and match the
    corpus at `paths` again and place `verdict_set` on it; everything is reported."""
    from tui.analysis.cache import MatchCache
    from tui.analysis.pipeline import analyse
    from tui.app.loading import session_over
    from tui.corpus.articles import CorpusError
    from tui.corpus.fetched import fetch_config
    from tui.corpus.web.add import AddStatus, add_urls
    from tui.corpus.web.client import WebClient
    from tui.corpus.web.provenance import ProvenanceError

    def progress(done: int, total: int, outcome: AddOutcome) -> None:
        if total > 1:
            report(AddProgressed(f"fetched {done} of {total}…"))

    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        report(NothingAdded(f"{folder}: the corpus folder is not writable; nothing fetched"))
        return
    report(
        AddProgressed(f"fetching {urls[0]}…" if len(urls) == 1 else f"fetching {len(urls)} pages…")
    )
    try:
        with WebClient(fetch_config(config.web)) as client:
            outcomes = add_urls(urls, folder, client, progress=progress)
    except ProvenanceError as exc:
        report(NothingAdded(f"{exc}; nothing was fetched"))
        return
    except OSError as exc:  # the folder, or its .crosscheck, cannot be made or read
        where = exc.filename or folder
        why = exc.strerror or exc
        report(NothingAdded(f"{where}: cannot use the corpus folder ({why}); nothing fetched"))
        return
    feeds = [o for o in outcomes if o.status is AddStatus.LISTED and o.feed is not None]
    if len(urls) == 1 and feeds and feeds[0].feed is not None:
        report(FeedListed(feeds[0].url, feeds[0].feed))
        return
    saved = [o for o in outcomes if o.status is AddStatus.ADDED and o.file is not None]
    failed = tuple(f"{o.url}: {o.message}" for o in outcomes if o.status is not AddStatus.ADDED)
    if not saved:
        report(NothingAdded("; ".join(failed) or "nothing was added"))
        return
    report(AddProgressed("reading and matching the corpus again…"))
    try:
        analysis = analyse(paths, config.matching, cache=MatchCache.for_config(config))
    except CorpusError as exc:
        names = ", ".join(o.file or "" for o in saved)
        report(NothingAdded(f"saved {names}, but the corpus could not be read again: {exc}"))
        return
    files = {os.path.abspath(folder / o.file) for o in saved if o.file}
    added = tuple(a.id for a in analysis.articles if os.path.abspath(a.path) in files)
    session = session_over(analysis, verdict_set, store, config)
    report(ArticlesAdded(analysis, session, verdict_set, added, failed))


class ArticleAdder:
    """The add dialog's controller: starts the worker, follows its reports, installs the
    new session. `app` runs the worker and shows the dialog; `host` holds the session."""

    def __init__(self, app: App[Any], host: AddingHost) -> None:
        self.app, self.host = app, host
        self.busy: str | None = None  # what is being added (a URL, or "3 entries of FEED")
        self.progress = ""
        self.listed: FeedListed | None = None  # a feed listed, its entries not chosen yet
        self.dialog: AddArticleScreen | None = None

    # ---- the dialog ------------------------------------------------------------------

    def open(self) -> None:
        """The add key: the dialog, unless an add is running (one at a time)."""
        from tui.app.screens.add_article import AddArticleScreen

        if self.busy is not None:
            tell(
                self.app,
                f"Already adding {self.busy} ({self.progress or 'starting'}); one add at a "
                "time: try again when it is done.",
                severity="warning",
                replace=True,
            )
            return
        if self.dialog is not None:
            return
        dialog = self.dialog = AddArticleScreen(self, self.host.keymap)
        self.app.push_screen(dialog, lambda _: self._closed(dialog))

    def _closed(self, dialog: AddArticleScreen) -> None:
        if self.dialog is dialog:
            self.dialog = None

    @property
    def listed_feed(self) -> tuple[str, Feed] | None:
        return (self.listed.url, self.listed.feed) if self.listed is not None else None

    def destination(self) -> str:
        try:
            folder = corpus_folder(self.host.paths)
        except NoFolder:
            return "This corpus was opened on files: there is no folder to save it in."
        return f"It is saved in {folder} with the record of what the server sent."

    def start(self, urls: Sequence[str], what: str) -> str | None:
        """Fetch `urls` in a worker; None when it started, else why not (one line)."""
        if self.busy is not None:
            return f"Already adding {self.busy}: one add at a time."
        session = self.host.session
        if session is None:
            return "The articles are still being read: add one when they are shown."
        try:
            folder = corpus_folder(self.host.paths)
        except NoFolder as exc:
            return str(exc)
        self.busy, self.progress, self.listed = what, "", None
        work = partial(
            add_and_analyse,
            list(urls),
            folder,
            self.host.config,
            list(self.host.paths),
            self.host.store,
            session.verdict_set,
        )
        self.app.run_worker(
            partial(self._run, work), thread=True, group="add-article", exit_on_error=False
        )
        return None

    def _run(self, work: Callable[[Callable[[Message], None]], None]) -> None:
        """The worker: `work`, its reports posted to the app (none once it is cancelled)."""
        worker = get_current_worker()

        def report(message: Message) -> None:
            if not worker.is_cancelled:
                self.app.post_message(message)

        try:
            work(report)
        except Exception as exc:  # the app must outlive any failure of an add
            report(NothingAdded(f"could not add the article: {exc}"))

    # ---- the worker's reports (on the app's thread) --------------------------------------

    def handle(self, message: Adding) -> None:
        if isinstance(message, AddProgressed):
            self.progress = message.text
            if self.dialog is not None:
                self.dialog.show_status(message.text)
            return
        self.busy, self.progress = None, ""
        if isinstance(message, NothingAdded):
            self._nothing_added(message.reason)
        elif isinstance(message, FeedListed):
            self._feed_listed(message)
        elif isinstance(message, ArticlesAdded):
            self._added(message)

    def _nothing_added(self, reason: str) -> None:
        if self.dialog is not None:
            self.dialog.show_status(f"Nothing added: {reason}", error=True)
        else:
            tell(self.app, f"Nothing added: {reason}", severity="error", timeout=10)

    def _feed_listed(self, message: FeedListed) -> None:
        self.listed = message
        if self.dialog is not None:
            self.dialog.show_feed(message.url, message.feed)
            return
        count = len(message.feed.entries)
        key = self.app_key("add_article")
        tell(
            self.app,
            f"{message.url} is a feed of {count} entr{'y' if count == 1 else 'ies'}: "
            f"{key} lists them to choose which to add.",
            timeout=10,
        )

    def _compare_with(self, article_id: str) -> None:
        screen, session = self.host.main_screen, self.host.session
        if session is not None and article_id in {a.id for a in session.analysis.articles}:
            screen.compare = article_id
            screen.paint(follow=False)

    def app_key(self, action: str) -> str:
        from tui.app.keys import bound_key

        return bound_key(action, self.host.keymap)

    def _added(self, message: ArticlesAdded) -> None:
        from tui.app.loading import session_over

        old = self.host.session
        session = message.session
        if old is not None and old.verdict_set is not message.placed_from:
            # Decisions made while the fetch ran: place them, not the set the worker had.
            session = session_over(
                message.analysis, old.verdict_set, self.host.store, self.host.config
            )
        if old is not None and session.filter != old.filter:
            session.set_filter(old.filter)
        titles = [f'"{message.analysis.article(a).title}"' for a in message.added]
        said = f"Added {', '.join(titles)}." if titles else "Added; the corpus was read again."
        if message.failed:
            said += f" Not added: {'; '.join(message.failed)}"
        if self.dialog is not None:
            if message.failed:
                self.dialog.show_status(said, error=True)
            else:
                self.dialog.close()
                self.dialog = None
        self.host.session = session
        screen = self.host.main_screen
        screen.start(session, old.cursor if old is not None else None)
        if message.added:
            # The new article in the right pane: queued after the screen's own repaint on
            # coming back from the dialog, which brings the best match along.
            screen.call_later(self._compare_with, message.added[0])
        if self.dialog is None:
            tell(self.app, said, severity="warning" if message.failed else "information", timeout=6)
