"""Crash safety: the real app, killed with SIGKILL at random moments, never loses a saved
decision and never leaves a file it cannot read.

Each trial starts tests/crash_child.py (the app built by `build_app`, headless under
`App.run_test()`, pressing decision keys without pause) on one verdict file, waits for a
random number of completed saves, lets a random fraction of a save go by, and kills it. Then:

- the verdict file parses with tomllib and with `tui.verdicts.reader.loads`;
- it holds exactly the state of the last save that completed, or of the save that was in
  flight (the one the child announced but had not reported done): nothing completed is lost;
- `<name>.bak` parses too, and holds a state the app had saved or read;
- the history holds every decision the file holds: for each verdict, a line for its claim
  with its status, written at or after its decision time (the history is written first, so
  a kill between the two writes never leaves a saved decision out of it);
- no temporary file is left once the file is opened again.

The trials run one after another on the same file, so each child also proves that a killed
instance's lock is not stuck and that the file it left is what the next instance reads.

While it waits for saves, the test also reads the file after every line the child writes:
at any moment it must parse and hold the last completed save or a later one.

How we know it can fail (mutants tried in a copy of the tree, default run of 5 trials):
with `write_atomically` writing the verdict file in place (truncate, then write in pieces),
a read during a save finds a truncated file ("missing key 'version'"); with `save` skipping
the write for some sets but returning as if saved, the "file lagged" check fails in trial 0.
"""

from __future__ import annotations

import json
import os
import random
import time
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.child_reports import ReportingChild
from tests.crash_child import state
from tui.verdicts.reader import loads

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def file_state(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    tomllib.loads(text)  # a plain TOML reader accepts it
    return state(loads(text, path))  # and so does crosscheck's


EMPTY: dict[str, Any] = {"verdicts": {}, "corrections": {}}


def history_lacks(verdicts: Path) -> list[str]:
    """The file's verdicts that have no history line deciding them (claim, status, time)."""
    history = verdicts.with_name(f"{verdicts.stem}.history.jsonl")
    lines = history.read_text(encoding="ascii").splitlines() if history.exists() else []
    decided: dict[str, list[tuple[str, datetime]]] = {}
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue  # a line torn by the kill: the next entry starts a fresh line
        if record.get("new_status"):
            when = datetime.fromisoformat(record["time"])
            decided.setdefault(record["claim"], []).append((record["new_status"], when))
    missing = []
    for claim, (status, _note, _sources, at) in file_state(verdicts)["verdicts"].items():
        moment = datetime.fromisoformat(at)
        if not any(s == status and t >= moment for s, t in decided.get(claim, ())):
            missing.append(f"{claim}: {status} at {at}")
    return missing


def _valid_after(events: list[dict[str, Any]], read: int) -> list[dict[str, Any]]:
    """What the file may hold once the first `read` lines were out: the last completed save
    by then, or any state the app went on to save."""
    done = [e["state"] for e in events[:read] if e["event"] in ("opened", "saved")]
    later = [e["state"] for e in events[read:] if e["event"] in ("saving", "saved")]
    return [done[-1], *later]


def run_trials(tmp_path: Path, trials: int, seed: int) -> int:
    """Kill the app `trials` times on one verdict file; the number of saves completed."""
    rng = random.Random(seed)
    verdicts = tmp_path / "verdicts.toml"
    seen_states: list[dict[str, Any]] = [EMPTY]
    on_disk = EMPTY
    completed = 0
    for trial in range(trials):
        child = ReportingChild(
            "crash_child", str(verdicts), str(SEEDS), str(rng.randrange(1 << 30))
        )
        opened = child.next()
        assert opened["event"] == "opened"
        # The file the last instance left (killed, lock never released) is what this one reads.
        assert opened["state"] == on_disk, f"trial {trial}: reopened state differs"
        wanted = rng.randrange(0, 9)  # saves to let complete; 0 kills right after start
        saves = 0
        observed: list[tuple[int, dict[str, Any]]] = []  # (lines read by then, file state)
        while saves < wanted:
            if child.next()["event"] == "saved":
                saves += 1
            # Read the file while the app keeps saving: at any moment it must parse and hold
            # the last completed save or a later one (a torn or lagging file fails here).
            observed.append((len(child.seen), file_state(verdicts) if verdicts.exists() else EMPTY))
        # A random moment inside the next save(s): the child saves every few milliseconds.
        time.sleep(rng.uniform(0, 0.05))
        child.kill()
        events = child.drain()
        last_saved, in_flight = opened["state"], None
        for e in events:
            if e["event"] == "saving":
                in_flight = e["state"]
                seen_states.append(e["state"])
            elif e["event"] == "saved":
                last_saved, in_flight = e["state"], None
                seen_states.append(e["state"])
                completed += 1
        for read, seen_then in observed:
            assert seen_then in _valid_after(events, read), f"trial {trial}: file lagged"
        assert verdicts.exists() or last_saved == EMPTY
        on_disk = file_state(verdicts) if verdicts.exists() else EMPTY
        assert on_disk in (last_saved, in_flight), f"trial {trial}: the file lost a completed save"
        bak = verdicts.with_name(verdicts.name + ".bak")
        if bak.exists():
            assert file_state(bak) in seen_states, f"trial {trial}: .bak holds an unknown state"
        if verdicts.exists():
            assert history_lacks(verdicts) == [], f"trial {trial}: the history lacks these"
    # One more open, in this process: stale temp files are swept, the lock is free.
    from tui.verdicts.store import VerdictStore

    with VerdictStore.open(verdicts, reviewer="crash", corpus=SEEDS) as store:
        assert state(store.verdict_set) == on_disk
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    return completed


def test_killed_app_keeps_every_completed_save(tmp_path: Path) -> None:
    completed = run_trials(tmp_path, trials=5, seed=5)
    assert completed > 0  # the trials did save: the checks above had something to check


@pytest.mark.stress
@pytest.mark.parametrize("seed", range(5))
def test_killed_app_keeps_every_completed_save_stress(tmp_path: Path, seed: int) -> None:
    completed = run_trials(tmp_path, trials=12, seed=1000 + seed)  # 60 trials in all
    assert completed > 0


def test_a_verdict_file_written_in_place_would_be_caught(tmp_path: Path) -> None:
    """The checks above do detect a torn file: a half-written verdict file fails them."""
    path = tmp_path / "verdicts.toml"
    from tui.verdicts.model import VerdictFileError

    path.write_text('version = 1\nreviewer = "crash"\ncorpus = "seeds"\n\n[[verdicts]]\nclaim = "a')
    with pytest.raises((tomllib.TOMLDecodeError, VerdictFileError)):
        file_state(path)
    assert os.path.getsize(path) > 0


def test_a_history_missing_the_last_decision_would_be_caught(tmp_path: Path) -> None:
    """The history check above does fail when the last decision's line is missing."""
    from tui.verdicts.history import HistoryEntry, append_history, history_path
    from tui.verdicts.model import Anchor, Status, Verdict, VerdictSet
    from tui.verdicts.writer import dumps

    path = tmp_path / "verdicts.toml"
    decided_at = datetime(2024, 5, 1, 12, 0, 5).astimezone()
    anchor = Anchor("a:1", "a", "The bridge opened.", "", "", 0, 18, "f" * 64)
    vs = VerdictSet("crash", "seeds", (Verdict(anchor, Status.DISPUTED, decided_at),))
    path.write_text(dumps(vs), encoding="utf-8")
    earlier = HistoryEntry(decided_at.replace(second=1), "crash", "a:1", "a", None, Status.DISPUTED)
    append_history(history_path(path), [earlier])  # the same status, but an older decision
    assert history_lacks(path) == [f"a:1: disputed at {file_state(path)['verdicts']['a:1'][3]}"]
    append_history(
        history_path(path), [HistoryEntry(decided_at, "crash", "a:1", "a", None, Status.DISPUTED)]
    )
    assert history_lacks(path) == []
