"""A child process that reports each step as one JSON line on stdout, for the crash-safety
tests (tests/crash_child.py, tests/link_crash_child.py): its lines are read in a thread so
the test can wait for the next one with a deadline, kill the child at any moment, and still
read every line written before the kill (the pipe keeps them after the child died)."""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
WAIT = 120.0  # seconds to wait for a child line (a loaded machine is slow)


class ReportingChild:
    def __init__(self, module: str, *args: str) -> None:
        self.module = module
        self.proc = subprocess.Popen(
            [sys.executable, "-m", f"tests.{module}", *args],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.seen: list[dict[str, Any]] = []  # every line, in order
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(json.loads(line))
        self.lines.put(None)

    def next(self) -> dict[str, Any]:
        try:
            item = self.lines.get(timeout=WAIT)
        except queue.Empty:
            self.kill()
            pytest.fail(f"{self.module} reported nothing in time")
        if item is None:
            err = self.proc.stderr.read() if self.proc.stderr else ""
            pytest.fail(f"{self.module} ended early (status {self.proc.wait()}):\n{err}")
        self.seen.append(item)
        return item

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        assert self.proc.returncode == -signal.SIGKILL
        if self.proc.stderr:
            self.proc.stderr.close()

    def drain(self) -> list[dict[str, Any]]:
        """Every line written before the kill."""
        while (item := self.lines.get(timeout=WAIT)) is not None:
            self.seen.append(item)
        return self.seen
