"""The triage app: builds the main screen at once, reads and matches the articles in a
worker, and saves every change through the verdict store.

`build_app` is the one factory (run_app and the tests use it); `run_app` turns the errors a
reviewer can meet before the corpus is shown (a locked or damaged verdict file, nothing to
load) into a message and a non-zero exit status.
"""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.worker import get_current_worker

from tui.app.keys import clashes, unknown_ids
from tui.app.screens.main import MainScreen
from tui.config import Config

if TYPE_CHECKING:
    from tui.analysis.pipeline import Analysis
    from tui.review.session import Change, Session
    from tui.verdicts.store import VerdictStore

EXIT_OK, EXIT_FAIL = 0, 1
Clock = Callable[[], datetime]


def _path_label(path: Path) -> str:
    """The verdict file as the reviewer would type it: relative to here when below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _triage_commands() -> type:
    from tui.app.commands import TriageCommands  # loaded when the palette first opens

    return TriageCommands


class CrosscheckApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "crosscheck"
    COMMANDS: ClassVar = App.COMMANDS | {lambda: _triage_commands()}

    def __init__(
        self,
        config: Config,
        paths: Sequence[Path],
        store: VerdictStore,
        *,
        keymap: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.config = config
        self.paths = list(paths)
        self.store = store
        wanted = dict(config.keys if keymap is None else keymap)
        # A remap that would give one key two actions on a screen keeps its default keys.
        self.key_clashes = clashes(wanted)
        self.keymap = {a: k for a, k in wanted.items() if a not in self.key_clashes}
        self.path_label = _path_label(store.path)
        self.orphans = 0
        self.session: Session | None = None
        self.failure: str | None = None  # why the app gave up, printed after it exits
        self.analysed = asyncio.Event()  # set when the articles are shown (or loading failed)
        self.main_screen = MainScreen()
        self._frozen = False  # whether the long-lived objects are out of the collector's sight

    def get_default_screen(self) -> MainScreen:
        return self.main_screen

    def on_mount(self) -> None:
        self.set_keymap(self.keymap)
        for action, why in self.key_clashes.items():
            self.notify(f"[keys] {action}: {why}", severity="warning", timeout=8, markup=False)
        # Start reading after the first frame: the worker would otherwise compete with it.
        self.call_after_refresh(self.load)

    # ---- loading ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis")
    def load(self) -> None:
        """Read, segment and match the articles, re-anchor the verdicts, build the session."""
        from tui.analysis.cache import MatchCache
        from tui.analysis.pipeline import analyse
        from tui.corpus.articles import CorpusError

        worker = get_current_worker()
        notes: list[str] = []

        def say(message: str) -> None:
            notes.append(message)
            if not worker.is_cancelled:
                self.call_from_thread(self.main_screen.loading_message, message)

        try:
            # Reopening an unchanged corpus skips segmenting and matching (none with
            # --no-cache or `[cache] enabled = false`).
            cache = MatchCache.for_config(self.config)
            analysis = analyse(self.paths, self.config.matching, say=say, cache=cache)
        except CorpusError as exc:
            self.call_from_thread(self.fail, str(exc))
            return
        if worker.is_cancelled:
            return
        session, cursor, orphans = self._open_session(analysis)
        if worker.is_cancelled:
            return
        self.call_from_thread(self._loaded, session, cursor, orphans, notes)

    def _open_session(self, analysis: Analysis) -> tuple[Session, str | None, int]:
        """The session over `analysis`, with the file's verdicts placed on today's text.

        Verdicts that no longer fit anywhere (orphans) stay in the set, untouched, so every
        save writes them back; the session shows only the placed ones and lists the orphans.
        A merged file with disagreements opens on them (the "disagreements" filter)."""
        from dataclasses import replace

        from tui.review.orphans import orphan_items
        from tui.review.session import Filter, Session
        from tui.review.sources import sources_of
        from tui.verdicts.anchoring import reanchor, resume_claim

        vs = self.store.verdict_set
        claims_by_article = {a.id: analysis.claims_of(a.id) for a in analysis.articles}
        placed = reanchor(vs, analysis.articles, claims_by_article)
        working = replace(
            vs,
            verdicts=(*placed.placed, *(o.verdict for o in placed.orphans)),
            corrections=(*placed.corrections, *(o.correction for o in placed.orphan_corrections)),
        )
        session = Session(
            analysis,
            working,
            clock=self.store.now,
            sources=sources_of(analysis, self.config.matching),
            orphans=orphan_items(placed.orphans, placed.orphan_corrections),
            reviewer=self.store.reviewer,
        )
        if session.disagreements():
            session.set_filter(Filter.DISAGREEMENTS)
            return session, session.first(), len(session.orphans())
        cursor = resume_claim(working, [c.id for c in session.claims()])
        return session, cursor, len(session.orphans())

    def _loaded(self, session: Session, cursor: str | None, orphans: int, notes: list[str]) -> None:
        self.session = session
        self.orphans = orphans
        self.main_screen.start(session, cursor)
        self.analysed.set()
        self.call_after_refresh(self._freeze_long_lived)
        for note in notes:
            self.notify(note, severity="warning", timeout=6)
        if orphans:
            self.notify(
                f"{orphans} decision(s) no longer fit the articles' text; kept in the file "
                "(O lists them).",
                severity="warning",
                timeout=6,
            )
        if changed := session.text_changed():
            self.notify(
                f"{changed} verdict(s) now sit on words edited since the decision; the "
                "inspector shows what was decided on (c, d or u decides again).",
                severity="warning",
                timeout=6,
            )
        if session.disagreements():
            self.notify(
                f"Merged file: {session.disagreements()} disagreement(s) to settle first "
                "(c, d or u gives your verdict).",
                timeout=8,
            )

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

    def fail(self, message: str) -> None:
        self.failure = message
        self.analysed.set()
        self.exit(EXIT_FAIL, return_code=EXIT_FAIL)

    # ---- saving -------------------------------------------------------------------------

    def persist(self, change: Change) -> None:
        """Save the session's verdicts now, with the history of `change`."""
        from tui.review.changes import history_of
        from tui.verdicts.model import VerdictFileError

        session = self.session
        assert session is not None
        entries = history_of(change, self.store.reviewer, self.store.now())
        try:
            session.sync(self.store.save(session.verdict_set, entries))
        except (OSError, VerdictFileError) as exc:
            self.notify(f"NOT SAVED: {exc}", severity="error", timeout=30)
            return
        for message in self.store.external_changes:
            self.notify(message, severity="warning", timeout=8)
        self.store.external_changes.clear()


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
    from tui.verdicts.model import VerdictFileError

    for name in unknown_ids(config.keys):
        print(
            f"crosscheck: [keys] {name}: no such action (see the help screen, ?)", file=sys.stderr
        )
    try:
        app = build_app(config, paths, verdicts)
    except (StoreLocked, VerdictFileError) as exc:
        print(f"crosscheck: {exc}", file=sys.stderr)
        return EXIT_FAIL
    try:
        app.run()
    finally:
        app.store.close()
    if app.failure:
        print(f"crosscheck: {app.failure}", file=sys.stderr)
    return app.return_code or EXIT_OK
