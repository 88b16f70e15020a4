"""A reviewer who never stops: the real app, headless, pressing decision keys until killed.

    python -m tests.crash_child VERDICTS CORPUS SEED

Used by tests/test_crash_safety.py and tests/test_two_instances.py. The app is built by
`build_app` (the factory `crosscheck` uses) and runs under `App.run_test()`, so every key goes
through the same bindings, session and `VerdictStore.save` as for a reviewer. The store's
`save` is wrapped to report on stdout, one JSON line each, flushed:

    {"event": "opened", "state": ...}    the verdicts read from the file at start
    {"event": "saving", "state": ...}    just before `store.save` is called with this state
    {"event": "saved", "state": ...}     after `store.save` returned (the file is written)

A line is written with one `write` call of less than PIPE_BUF bytes, so a SIGKILL never
leaves half a line: every "saved" line the parent reads is a save that had completed.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tui.app.app import build_app
from tui.config import Config
from tui.verdicts.model import VerdictSet

# Keys that change verdicts (and a few that move), none that opens a modal or quits.
KEYS = ("c", "d", "u", "x", "K", "j", "k", "n", "g", "G", "ctrl+z", "ctrl+y")


def state(vs: VerdictSet) -> dict[str, Any]:
    """What a test compares: every verdict and correction, by claim."""
    return {
        "verdicts": {
            v.claim: [v.status.value, v.note, list(v.sources), v.decided_at.isoformat()]
            for v in vs.verdicts
        },
        "corrections": {c.anchor.claim: c.is_claim for c in vs.corrections},
    }


def report(event: str, vs: VerdictSet) -> None:
    line = json.dumps({"event": event, "state": state(vs)}, separators=(",", ":")) + "\n"
    sys.stdout.write(line)
    sys.stdout.flush()


async def run(verdicts: Path, corpus: Path, seed: int, limit: int) -> None:
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
                sys.exit(f"crash_child: the app did not load: {app.failure}")
            report("opened", store.verdict_set)
            for _ in range(limit):
                await pilot.press(rng.choice(KEYS))
    finally:
        store.close()
    sys.stdout.write('{"event":"done"}\n')
    sys.stdout.flush()


def main(argv: Sequence[str]) -> None:
    verdicts, corpus, seed = Path(argv[0]), Path(argv[1]), int(argv[2])
    limit = int(argv[3]) if len(argv) > 3 else 100_000
    asyncio.run(run(verdicts, corpus, seed, limit))


if __name__ == "__main__":
    main(sys.argv[1:])
