"""The triage app: builds the main screen at once, reads and matches the articles in a
worker, and saves every change through the verdict store.

The app is the screens' Host (tui/app/host.py): they reach the session, saving and the key
map through that protocol, never through this class. `build_app` is the one factory (run_app
and the tests use it); `run_app` turns the errors a reviewer can meet before the corpus is
shown (a locked or damaged verdict file, nothing to load) into a message and a non-zero exit
status.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.message import Message
from textual.worker import get_current_worker

from tui.app.commands import CommandPalette
from tui.app.fetching import Adding, ArticleAdder
from tui.app.keys import bound_key, bound_keys, clashes, unknown_ids
from tui.app.loading import ArticlesLoaded, LoadingFailed, LoadingProgressed, load
from tui.app.notices import Severity, notify_at_once, tell
from tui.app.screens.add_article import AddArticleWanted
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.main import MainScreen
from tui.app.theme_state import ThemeKeeper, state_path
from tui.config import Config

if TYPE_CHECKING:
    from tui.app.saving import Saver
    from tui.review.changes import Change
    from tui.review.session import Session
    from tui.verdicts.history import HistoryEntry
    from tui.verdicts.store import VerdictStore

EXIT_OK, EXIT_FAIL = 0, 1
Clock = Callable[[], datetime]


def _path_label(path: Path) -> str:
    """A file as the reviewer would type it: relative to here when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


class CrosscheckApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "crosscheck"

    def __init__(
        self,
        config: Config,
        paths: Sequence[Path],
        store: VerdictStore,
    ) -> None:
        super().__init__()
        self.config = config
        self.paths = list(paths)
        self.store = store
        wanted = dict(config.keys)
        # A remap that would give one key two actions on a screen keeps its default keys.
        self.key_clashes = clashes(wanted)
        self.keymap = {a: k for a, k in wanted.items() if a not in self.key_clashes}
        self.path_label = _path_label(store.path)
        self.session: Session | None = None
        self.saver: Saver | None = None
        self.failure: str | None = None  # why the app gave up, printed after it exits
        self.analysed = asyncio.Event()  # set when the articles are shown (or loading failed)
        self.main_screen = MainScreen(self)
        self.adder = ArticleAdder(self, self)  # adding articles from the web
        self._frozen = False  # whether the long-lived objects are out of the collector's sight
        self._asking = False  # whether "quit without these decisions?" is on screen
        # The theme: config.toml's or the one last chosen, before the first frame; a change
        # is remembered (tui/app/theme_state.py).
        self.theme_keeper = ThemeKeeper(self, config.theme, state_path())

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Severity = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast on the list at once, so the next notice can replace it (notices.py)."""
        timeout = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        notify_at_once(
            self, message, title=title, severity=severity, timeout=timeout, markup=markup
        )

    def get_default_screen(self) -> MainScreen:
        return self.main_screen

    def on_mount(self) -> None:
        self.set_keymap(self.keymap)
        self.theme_keeper.start()
        for action, why in self.key_clashes.items():
            tell(self, f"[keys] {action}: {why}", severity="warning", timeout=8)
        if read_only := getattr(self.store, "read_only", None):  # saves are refused: say so
            tell(
                self,
                f"{self.path_label} is read-only ({read_only}): decisions cannot be saved to it.",
                severity="warning",
                timeout=10,
            )
        # Start reading after the first frame: the worker would otherwise compete with it.
        self.call_after_refresh(self.load)

    # ---- Host ---------------------------------------------------------------------------

    def key(self, action: str) -> str:
        return bound_key(action, self.keymap)

    @property
    def unsaved(self) -> int:
        if self.saver is None or self.session is None:
            return 0
        return len(self.saver.unsaved(self.session.verdict_set))

    # ---- loading ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis")
    def load(self) -> None:
        """Read, segment and match the articles and open the session (tui/app/loading.py),
        reporting by message."""
        worker = get_current_worker()

        def report(message: Message) -> None:
            if not worker.is_cancelled:
                self.post_message(message)

        load(self.config, self.paths, self.store, report)

    @on(LoadingProgressed)
    def _progressed(self, message: LoadingProgressed) -> None:
        self.main_screen.show_progress(message.text)

    @on(LoadingFailed)
    def _failed(self, message: LoadingFailed) -> None:
        self.failure = message.reason
        self.analysed.set()
        self.exit(EXIT_FAIL, return_code=EXIT_FAIL)

    @on(ArticlesLoaded)
    def _loaded(self, message: ArticlesLoaded) -> None:
        from tui.app.saving import Saver

        session = self.session = message.session
        self.saver = Saver(self.store, session.verdict_set)
        self.main_screen.start(session, message.cursor)
        self.analysed.set()
        self.call_after_refresh(self._freeze_long_lived)
        for note in message.notes:
            tell(self, note, severity="warning", timeout=6)
        decide = bound_keys(("mark_corroborated", "mark_disputed", "mark_unsourced"), self.keymap)
        if orphans := len(session.orphans()):
            tell(
                self,
                f"{orphans} decision(s) no longer fit the articles' text; kept in the file "
                f"({self.key('orphans')} lists them).",
                severity="warning",
                timeout=6,
            )
        if changed := session.text_changed():
            tell(
                self,
                f"{changed} verdict(s) now sit on words edited since the decision; the "
                f"inspector shows what was decided on ({decide} decides again).",
                severity="warning",
                timeout=6,
            )
        if session.disagreements():
            tell(
                self,
                f"Merged file: {session.disagreements()} disagreement(s) to settle first "
                f"({decide} gives your verdict).",
                timeout=8,
            )

    @on(AddArticleWanted)
    def _add_wanted(self) -> None:
        self.adder.open()

    @on(Adding)
    def _adding(self, message: Adding) -> None:
        self.adder.handle(message)

    def _freeze_long_lived(self) -> None:
        """Take what exists once the articles are shown (the analysis, the widgets) out of
        the garbage collector's sight: it lives as long as the app, and every full
        collection would walk all of it, a 100-200 ms pause in the middle of a key press on
        500 articles. Recent cycles are collected first; older garbage, if any, stays
        until the app ends (on_unmount gives it all back to the collector)."""
        gc.collect(1)
        gc.freeze()
        self._frozen = True

    def on_unmount(self) -> None:
        if self._frozen:
            gc.unfreeze()  # in-process runs (tests, Pilot) must not keep the app's objects

    # ---- saving -------------------------------------------------------------------------

    def persist(self, change: Change) -> None:
        """Save the session's verdicts now, with the history of `change`. A failed save keeps
        every decision in the session (and the history) and is tried again with the next."""
        from tui.review.changes import history_of

        assert self.session is not None and self.saver is not None
        self._save(history_of(change, self.store.reviewer, self.store.now()))

    def _save(self, entries: Sequence[HistoryEntry] = ()) -> bool:
        """One attempt; whether the verdict file now holds every decision."""
        session, saver = self.session, self.saver
        assert session is not None and saver is not None
        failing = saver.error
        saved = saver.save(session.verdict_set, entries)
        for message in self.store.external_changes:
            tell(self, message, severity="warning", timeout=8)
        self.store.external_changes.clear()
        if saved is not None:
            session.sync(saved)
            if failing is not None:
                tell(self, "Saved: the verdict file holds every decision again.", timeout=4)
            return True
        if saver.error != failing:  # said once per cause; the status line keeps counting
            tell(self, f"NOT SAVED: {saver.error}", severity="error", timeout=30)
        return not self.unsaved

    # ---- quitting -----------------------------------------------------------------------

    def leave(self) -> None:
        """Quit; when the verdict file lacks decisions, save once more, then ask."""
        if not self.unsaved or self._save():
            self.exit(EXIT_OK)
            return
        if self._asking:
            return  # the question is on screen already
        session, saver = self.session, self.saver
        assert session is not None and saver is not None
        claims = sorted(saver.unsaved(session.verdict_set))
        count = len(claims)
        history = _path_label(self.store.history_path)
        if saver.history_holds_all:
            kept = f"The history file {history} holds them."
            after = f"{count} decision(s) not saved to {self.path_label}; {history} holds them"
        else:
            kept = f"The history file {history} could not be written either: they will be lost."
            after = f"{count} decision(s) not saved to {self.path_label} and lost"
        question = (
            f"{count} decision(s) are not in the verdict file ({saver.error}). {kept} Quit anyway?"
        )
        items = [
            session.analysis.claim(c).text if session.analysis.has_claim(c) else c for c in claims
        ]

        def answered(yes: bool | None) -> None:
            self._asking = False
            if yes:
                self.failure = after
                self.exit(EXIT_FAIL, return_code=EXIT_FAIL)

        self._asking = True
        self.push_screen(ConfirmScreen(question, items, self.keymap), answered)

    async def action_quit(self) -> None:
        """ctrl+q, like the quit key: asks before decisions are lost."""
        self.leave()

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(id="--command-palette"))


def build_app(
    config: Config,
    paths: Sequence[Path],
    verdicts_path: Path | None = None,
    *,
    clock: Clock | None = None,
) -> CrosscheckApp:
    """Open the verdict file (locked) and build the app over `paths`.

    Raises StoreLocked or VerdictFileError before anything is shown."""
    from tui.corpus.articles import common_root
    from tui.verdicts.corpus_link import corpus_path
    from tui.verdicts.model import default_reviewer
    from tui.verdicts.store import VerdictStore, utc_now

    path = Path(verdicts_path) if verdicts_path is not None else config.verdicts
    corpus = common_root(paths) if paths else config.corpus
    store = VerdictStore.open(
        path, reviewer=default_reviewer(config.reviewer), corpus=corpus, clock=clock or utc_now
    )
    recorded = store.verdict_set.corpus
    if recorded.strip() and not corpus_path(store.verdict_set, path, config.corpus).exists():
        store.relocate(corpus)  # the corpus moved: the file follows it
    return CrosscheckApp(config, paths, store)


def run_app(config: Config, paths: Sequence[Path], verdicts: Path | None = None) -> int:
    """Run the app until the reviewer quits; the exit status."""
    from tui.support.file_lock import StoreLocked
    from tui.support.terminal import warn
    from tui.verdicts.model import VerdictFileError

    for name in unknown_ids(config.keys):
        warn(f"[keys] {name}: no such action (see the help screen, ?)")
    try:
        app = build_app(config, paths, verdicts)
    except (StoreLocked, VerdictFileError) as exc:
        warn(str(exc))
        return EXIT_FAIL
    try:
        app.run()
    finally:
        app.store.close()
    if app.failure:
        warn(app.failure)
    elif app.session is not None:  # where the review stands, in one line (made printable)
        from tui.review.summary import quit_line, session_summary
        from tui.support.terminal import PREFIX, say

        say(PREFIX + quit_line(session_summary(app.session), app.path_label), err=True)
    return app.return_code or EXIT_OK
