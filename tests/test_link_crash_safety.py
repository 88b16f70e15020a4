"""Crash safety of links: a reviewer linking claims (tests/link_crash_child.py: the real app
pressing its link keys; and the session with the store the app uses, driven directly with
every change it offers, splits and links of any two claims included), killed with SIGKILL
at random moments, never loses a link whose save completed and never leaves a file that
cannot be read.

After each kill: the verdict file parses (tomllib and crosscheck's reader) and holds the
last completed save or the one in flight; its `.bak` holds a state that was saved; every
link in the file has a history line (its pair, its relation, at or after its decision time:
the history is written before the file); the next instance opens the file the killed one
left. How we know it can fail: a file written in place is caught by the same checks as in
tests/test_crash_safety.py, and a save that leaves the links out (`dumps` without them, tried
in a copy of the tree) fails "the file lost a completed save" within the first trials.
"""

from __future__ import annotations

import json
import random
import time
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.child_reports import ReportingChild
from tests.link_crash_child import state
from tui.verdicts.reader import loads

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EMPTY: dict[str, Any] = {"links": {}, "verdicts": {}, "corrections": {}}


def file_state(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    tomllib.loads(text)
    return state(loads(text, path))


def links_missing_from_history(verdicts: Path) -> list[str]:
    history = verdicts.with_name(f"{verdicts.stem}.history.jsonl")
    lines = history.read_text(encoding="ascii").splitlines() if history.exists() else []
    said: dict[str, list[tuple[str, datetime]]] = {}
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue  # a line torn by the kill
        relation = (record.get("relation") or {}).get("new")
        if relation:
            pair = f"{record['claim']} {record['other']}"
            said.setdefault(pair, []).append((relation, datetime.fromisoformat(record["time"])))
    missing = []
    for pair, (relation, _note, at) in file_state(verdicts)["links"].items():
        moment = datetime.fromisoformat(at)
        if not any(r == relation and t >= moment for r, t in said.get(pair, ())):
            missing.append(f"{pair}: {relation} at {at}")
    return missing


def run_trials(tmp_path: Path, trials: int, seed: int, mode: str) -> tuple[int, int]:
    """(saves completed, most links held by a completed save)."""
    rng = random.Random(seed)
    verdicts = tmp_path / "verdicts.toml"
    on_disk, seen_states = EMPTY, [EMPTY]
    completed = most_links = 0
    for trial in range(trials):
        child = ReportingChild(
            "link_crash_child",
            str(verdicts),
            str(SEEDS),
            str(rng.randrange(1 << 30)),
            *(["--session"] if mode == "session" else []),
        )
        opened = child.next()
        assert opened["event"] == "opened"
        assert opened["state"] == on_disk, f"trial {trial}: reopened state differs"
        wanted = rng.randrange(1, 12)
        saves = 0
        while saves < wanted:
            if child.next()["event"] == "saved":
                saves += 1
        time.sleep(rng.uniform(0, 0.05))
        child.kill()
        last_saved, in_flight = opened["state"], None
        for e in child.drain():
            if e["event"] == "saving":
                in_flight = e["state"]
                seen_states.append(e["state"])
            elif e["event"] == "saved":
                last_saved, in_flight = e["state"], None
                seen_states.append(e["state"])
                completed += 1
                most_links = max(most_links, len(e["state"]["links"]))
        on_disk = file_state(verdicts) if verdicts.exists() else EMPTY
        assert on_disk in (last_saved, in_flight), f"trial {trial}: the file lost a completed save"
        bak = verdicts.with_name(verdicts.name + ".bak")
        if bak.exists():
            assert file_state(bak) in seen_states, f"trial {trial}: .bak holds an unknown state"
        if verdicts.exists():
            assert links_missing_from_history(verdicts) == [], f"trial {trial}: history lacks"
    return completed, most_links


@pytest.mark.parametrize("mode", ["app", "session"])
def test_killed_linking_keeps_every_completed_save(tmp_path: Path, mode: str) -> None:
    completed, most_links = run_trials(tmp_path, trials=4, seed=15, mode=mode)
    assert completed > 0 and most_links > 0  # links were saved: the checks had work


@pytest.mark.stress
@pytest.mark.parametrize("mode", ["app", "session"])
@pytest.mark.parametrize("seed", range(3))
def test_killed_linking_keeps_every_completed_save_stress(
    tmp_path: Path, seed: int, mode: str
) -> None:
    completed, most_links = run_trials(tmp_path, trials=10, seed=1500 + seed, mode=mode)
    assert completed > 0 and most_links > 0
