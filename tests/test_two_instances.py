"""Two instances on one verdict file, and changes made to it from outside while the app runs.

- A second `crosscheck` on a file another instance holds exits with status 1 and a message
  naming the file and the holder's pid, before showing anything (nothing on stdout).
- A lock left by a SIGKILLed instance is not stuck: the next instance opens the file.
- A change made to the file by something else is merged before the next save, reported to
  the reviewer, and shown by the app; a file damaged from outside is never overwritten.

How we know these can fail (mutants tried in a copy of the tree): with the flock in
`FileLock.acquire` removed, the first test sees the second instance start the app (it times
out instead of exiting 1); with `persist` skipping every other save, the merge and the
damaged-file tests fail on the file's content and on the missing "NOT SAVED" message.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

from tests.child_reports import ReportingChild
from tests.crash_child import state
from tests.screenshots import SEEDS, make_app, ready
from tui.app.app import CrosscheckApp
from tui.support.atomic_file import write_atomically
from tui.verdicts.model import Status, Verdict, make_anchor
from tui.verdicts.reader import loads
from tui.verdicts.writer import dumps


def crosscheck(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The console entry point, as a user runs it (`python -m tui` is `crosscheck`)."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *map(str, args)],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,  # a second instance that started the app would wait here for keys
    )


def test_second_instance_refuses_and_a_killed_holders_lock_is_free(tmp_path: Path) -> None:
    verdicts = tmp_path / "verdicts.toml"
    holder = ReportingChild("crash_child", str(verdicts), str(SEEDS), "1")
    try:
        assert holder.next()["event"] == "opened"  # the real app, running, holds the lock
        second = crosscheck("open", "--verdicts", verdicts, SEEDS, cwd=tmp_path)
        assert second.returncode == 1
        assert second.stdout == ""  # nothing was shown: no corpus, no screen
        (line,) = second.stderr.splitlines()
        assert line.startswith(f"crosscheck: {verdicts} is already open in another crosscheck")
        assert f"pid {holder.proc.pid}" in line
    finally:
        holder.kill()
    saved_by_holder = [e for e in holder.drain() if e["event"] == "saved"]
    # Killed: the operating system dropped its lock, so this instance opens the file.
    app = make_app(SEEDS, verdicts)
    try:
        expected = saved_by_holder[-1]["state"] if saved_by_holder else state(app.store.verdict_set)
        assert state(app.store.verdict_set) == expected
    finally:
        app.store.close()


def _outside_verdict(app: CrosscheckApp, index: int, status: Status) -> Verdict:
    s = app.session
    assert s is not None
    claim = list(s.claims())[index]
    article = s.analysis.article(claim.article)
    return Verdict(make_anchor(article, claim), status, app.store.now())


async def test_an_outside_change_is_merged_before_the_next_save(tmp_path: Path) -> None:
    verdicts = tmp_path / "verdicts.toml"
    app = make_app(SEEDS, verdicts)
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await ready(pilot)
            ids = [c.id for c in app.session.claims()]  # type: ignore[union-attr]
            await pilot.press("c")  # ids[0] corroborated, cursor on ids[1]
            await pilot.pause()
            # Another tool (an editor, a sync client) rewrites the file meanwhile.
            theirs = loads(verdicts.read_text(encoding="utf-8"), verdicts)
            outside = _outside_verdict(app, 5, Status.UNSOURCED)
            write_atomically(
                verdicts, dumps(replace(theirs, verdicts=(*theirs.verdicts, outside))).encode()
            )
            await pilot.press("d")  # ids[1] disputed: this save must merge, not overwrite
            await pilot.pause()
            on_disk = {
                v["claim"]: v["status"] for v in tomllib.loads(verdicts.read_text())["verdicts"]
            }
            assert on_disk == {ids[0]: "corroborated", ids[1]: "disputed", ids[5]: "unsourced"}
            assert app.session.verdict(ids[5]).status is Status.UNSOURCED  # type: ignore[union-attr]
            messages = [n.message for n in app._notifications]
            assert any("changed by something else" in m and str(verdicts) in m for m in messages)
            assert any(ids[5] in m for m in messages)  # the claim taken from them is named
    finally:
        app.store.close()


async def test_a_file_damaged_from_outside_is_not_overwritten(tmp_path: Path) -> None:
    verdicts = tmp_path / "verdicts.toml"
    app = make_app(SEEDS, verdicts)
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await ready(pilot)
            await pilot.press("c")
            await pilot.pause()
            damaged = b'version = 1\nreviewer = "someone"\n[[verdicts]\n'
            verdicts.write_bytes(damaged)
            before = os.stat(verdicts)
            await pilot.press("d")
            await pilot.pause()
            assert verdicts.read_bytes() == damaged
            assert os.stat(verdicts).st_mtime_ns == before.st_mtime_ns
            messages = [n.message for n in app._notifications]
            assert any(m.startswith(f"NOT SAVED: {verdicts}:3:") for m in messages), messages
            assert app.is_running
    finally:
        app.store.close()
