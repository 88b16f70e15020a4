"""Reading the corpus off the main thread: what the loading worker reports, as messages
named for what happened, and the session it opens over the analysis.

The worker posts `LoadingProgressed` as it goes (each one supersedes the last), then either
`ArticlesLoaded` with the session or `LoadingFailed` with the reason; the app handles them
on its own thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from tui.config import Config

if TYPE_CHECKING:
    from tui.analysis.pipeline import Analysis
    from tui.review.session import Session
    from tui.verdicts.model import VerdictSet
    from tui.verdicts.store import VerdictStore


@dataclass
class LoadingProgressed(Message):
    """The worker says what it is doing (a stage, a file it skipped or warns about)."""

    text: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LoadingProgressed)  # only the latest is worth showing


@dataclass
class ArticlesLoaded(Message):
    """The articles are read and matched and the verdict file's decisions placed on them."""

    session: Session
    cursor: str | None  # where the reviewer resumes
    notes: tuple[str, ...]  # every warning said while loading, to show once it is done


@dataclass
class LoadingFailed(Message):
    """Nothing could be shown (no article loaded); `reason` is one line."""

    reason: str


def load(
    config: Config,
    paths: Sequence[Path],
    store: VerdictStore,
    report: Callable[[Message], None],
) -> None:
    """Read, segment and match the articles, place the verdicts, open the session; every
    step is reported through `report` (the worker posts what it is given)."""
    from tui.analysis.cache import MatchCache
    from tui.analysis.pipeline import analyse
    from tui.corpus.articles import CorpusError

    notes: list[str] = []

    def say(message: str) -> None:
        notes.append(message)
        report(LoadingProgressed(message))

    try:
        # Reopening an unchanged corpus skips segmenting and matching (none with
        # --no-cache or `[cache] enabled = false`).
        cache = MatchCache.for_config(config)
        analysis = analyse(paths, config.matching, say=say, cache=cache)
    except CorpusError as exc:
        report(LoadingFailed(str(exc)))
        return
    session, cursor = open_session(analysis, store, config)
    report(ArticlesLoaded(session, cursor, tuple(notes)))


def session_over(
    analysis: Analysis, verdict_set: VerdictSet, store: VerdictStore, config: Config
) -> Session:
    """The session over `analysis` with `verdict_set` placed on today's text (the same
    placement every command makes): at start-up the store's verdicts, after an article is
    added the session's (which may hold decisions a failed save did not write)."""
    from tui.review.orphans import orphan_items
    from tui.review.placement import place
    from tui.review.session import Session
    from tui.review.sources import sources_of

    placement = place(verdict_set, analysis)
    return Session(
        analysis,
        placement.verdict_set,
        clock=store.now,
        sources=sources_of(analysis, config.matching),
        orphans=orphan_items(placement.orphans, placement.orphan_corrections),
        reviewer=store.reviewer,
        settings=config.matching,  # a split article is matched again with these
    )


def open_session(
    analysis: Analysis, store: VerdictStore, config: Config
) -> tuple[Session, str | None]:
    """The session over `analysis` with the store's verdicts placed on today's text, and
    the claim to resume on: the first untriaged one after the latest decision, or the
    latest decision itself when every claim is triaged. A merged file with disagreements
    opens on them (the "disagreements" filter)."""
    from tui.review.session import Filter
    from tui.verdicts.anchoring import resume_claim

    session = session_over(analysis, store.verdict_set, store, config)
    if session.disagreements():
        session.set_filter(Filter.DISAGREEMENTS)
        return session, session.first()
    ids = [c.id for c in session.claims()]
    placed = session.verdict_set  # as placed on today's text
    return session, resume_claim(placed, ids) or last_decided(placed, ids)


def last_decided(vs: VerdictSet, ordered_claim_ids: Sequence[str]) -> str | None:
    """The claim decided most recently (the later one in reading order on a tie): where a
    reviewer who triaged every claim left off. None when nothing was decided."""
    position = {c: i for i, c in enumerate(ordered_claim_ids)}
    moments = [
        (v.decided_at, position[v.anchor.claim], v.anchor.claim)
        for v in vs.verdicts
        if v.anchor.claim in position
    ]
    return max(moments)[2] if moments else None
