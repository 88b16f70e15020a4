"""A reviewer who links claims without pause until killed: the session and the store the app
uses, driven directly (the app's keys for links are not bound yet).

    python -m tests.link_crash_child VERDICTS CORPUS SEED

Each step is one of the session's link changes (confirm, reject, contradict, link any two,
unlink, defer, split, join, undo, redo), saved with its history entries as the app saves a
change (`VerdictStore.save`, then `Session.sync` with what is on disk). One JSON line each,
flushed, written with one `write` of less than PIPE_BUF bytes:

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
from tui.verdicts.model import VerdictSet
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
        return s.confirm(other, note=rng.choice(["", "same figure"]))
    if move < 0.35:
        return s.reject(other)
    if move < 0.45:
        return s.contradict(other)
    if move < 0.55:
        linked = s.links_of(here)
        return s.unlink(linked[0].other(here)) if linked else s.confirm(other)
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
    verdicts, corpus, seed = Path(argv[0]), Path(argv[1]), int(argv[2])
    limit = int(argv[3]) if len(argv) > 3 else 100_000
    run(verdicts, corpus, seed, limit)


if __name__ == "__main__":
    main(sys.argv[1:])
