"""A reviewer who links claims without pause until killed.

    python -m tests.link_crash_child VERDICTS CORPUS SEED [LIMIT] [--session]

By default the real app (built by `build_app`, headless under `App.run_test()`, as
tests/crash_child.py runs it) gets link keys pressed without pause: same fact, not the same
fact, contradicts, unlink, later, join, undo, redo, and moves. With `--session` the session
and the store the app uses are driven directly instead, with every change the session
offers (link any two claims and split too): each change saved with its history entries as
the app saves one (`VerdictStore.save`, then `Session.sync` with what is on disk). Either
way the store's saves are reported, one JSON line each, flushed, written with one `write`
of less than PIPE_BUF bytes:

    {"event": "opened", "state": ...}    what was read from the file at start
    {"event": "saving", "state": ...}    just before `store.save`
    {"event": "saved", "state": ...}     after `store.save` returned
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tui.analysis.pipeline import analyse
from tui.config import MatchSettings
from tui.review.changes import history_of
from tui.review.orphans import orphan_items
from tui.review.placement import place
from tui.review.session import Session, TriageError
from tui.verdicts.model import Relation, VerdictSet
from tui.verdicts.store import VerdictStore


def state(vs: VerdictSet) -> dict[str, Any]:
    """What a test compares: every link by pair, every verdict and correction by claim."""
    return {
        "links": {
            f"{k.a.claim} {k.b.claim}": [k.relation.value, k.note, k.decided_at.isoformat()]
            for k in vs.links
        },
        "verdicts": {v.claim: [v.status.value, v.decided_at.isoformat()] for v in vs.verdicts},
        "corrections": {c.anchor.claim: c.kind.value for c in vs.corrections},
    }


def report(event: str, vs: VerdictSet) -> None:
    line = json.dumps({"event": event, "state": state(vs)}, separators=(",", ":")) + "\n"
    sys.stdout.write(line)
    sys.stdout.flush()


class Clock:
    """Later at every call, never before the wall clock (decisions sort by time)."""

    def __init__(self) -> None:
        self.last = datetime.now(UTC)

    def __call__(self) -> datetime:
        self.last = max(self.last + timedelta(microseconds=1), datetime.now(UTC))
        return self.last


def step(s: Session, rng: random.Random, claims: list[str]) -> Any:
    """One random change of the session (a TriageError when it cannot be made)."""
    s.move_to(rng.choice(claims))
    here = s.cursor
    assert here is not None
    other = rng.choice([c for c in claims if c != here])
    move = rng.random()
    if move < 0.2:
        return s.link(here, other, Relation.SAME, note=rng.choice(["", "same figure"]))
    if move < 0.35:
        return s.link(here, other, Relation.DIFFERENT)
    if move < 0.45:
        return s.link(here, other, Relation.CONTRADICTS)
    if move < 0.55:
        linked = s.links_of(here)
        return s.unlink(linked[0].other(here)) if linked else s.link(here, other, Relation.SAME)
    if move < 0.62:
        return s.defer()
    if move < 0.66:
        points = s.cut_points()
        return s.split(rng.choice(points)) if points else s.defer()
    if move < 0.70:
        return s.join()
    if move < 0.85:
        return s.undo()
    return s.redo()


# The app's link keys (and moves, a verdict, undo): none opens a question or quits.
APP_KEYS = (
    "s", "s", "r", "exclamation_mark", "minus", "w", "J", "c",
    "j", "j", "k", "n", "ctrl+z", "ctrl+y",
)  # fmt: skip


async def run_app(verdicts: Path, corpus: Path, seed: int, limit: int) -> None:
    from tui.app.app import build_app
    from tui.config import Config

    config = Config(corpus=corpus, verdicts=verdicts, reviewer="crash", cache_enabled=False)
    app = build_app(config, [corpus], verdicts)
    store = app.store
    save = store.save

    def reporting_save(vs: VerdictSet, history: Sequence[Any] = ()) -> VerdictSet:
        report("saving", vs)
        saved = save(vs, history)
        report("saved", saved)
        return saved

    store.save = reporting_save  # type: ignore[method-assign]
    rng = random.Random(seed)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await app.analysed.wait()
            await app.workers.wait_for_complete()
            await pilot.pause()
            if app.session is None:
                sys.exit(f"link_crash_child: the app did not load: {app.failure}")
            report("opened", store.verdict_set)
            for _ in range(limit):
                await pilot.press(rng.choice(APP_KEYS))
    finally:
        store.close()
    sys.stdout.write('{"event":"done"}\n')
    sys.stdout.flush()


def run(verdicts: Path, corpus: Path, seed: int, limit: int) -> None:
    settings = MatchSettings()
    analysis = analyse([corpus], settings)
    with VerdictStore.open(verdicts, reviewer="crash", corpus=corpus, clock=Clock()) as store:
        placement = place(store.verdict_set, analysis, settings)
        s = Session(
            placement.analysis,
            placement.verdict_set,
            clock=store.now,
            orphans=orphan_items(
                placement.orphans, placement.orphan_corrections, placement.orphan_links
            ),
            reviewer=store.reviewer,
            settings=settings,
        )
        report("opened", store.verdict_set)
        rng = random.Random(seed)
        for _ in range(limit):
            claims = [c.id for c in s.claims()]
            try:
                change = step(s, rng, claims)
            except TriageError:
                continue
            if change is None:
                continue
            report("saving", s.verdict_set)
            saved = store.save(s.verdict_set, history_of(change, store.reviewer, store.now()))
            s.sync(saved)
            report("saved", saved)
    sys.stdout.write('{"event":"done"}\n')
    sys.stdout.flush()


def main(argv: Sequence[str]) -> None:
    session = "--session" in argv
    args = [a for a in argv if a != "--session"]
    verdicts, corpus, seed = Path(args[0]), Path(args[1]), int(args[2])
    limit = int(args[3]) if len(args) > 3 else 100_000
    if session:
        run(verdicts, corpus, seed, limit)
    else:
        import asyncio

        asyncio.run(run_app(verdicts, corpus, seed, limit))


if __name__ == "__main__":
    main(sys.argv[1:])
