"""Saving the session after each change, and keeping count of what the verdict file does
not hold yet.

When a save fails (a full disk, a file damaged on disk meanwhile, a read-only file), the
decisions stay in the session, the status line counts them, and the next change (or quitting)
tries again with the history entries the history file does not hold yet. Whether it holds
them is seen on the file itself (it grew by the entries), so this holds whichever order the
store writes the two files in.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.verdicts.model import VerdictFileError, VerdictSet

if TYPE_CHECKING:
    from tui.verdicts.history import HistoryEntry
    from tui.verdicts.store import VerdictStore


def changed_claims(a: VerdictSet, b: VerdictSet) -> set[str]:
    """Claims whose verdict, correction or disagreement differs between `a` and `b`, and the
    first claim of each pair whose link differs."""
    out: set[str] = set()
    out.update(min(k.pair) for k in set(a.links) ^ set(b.links))
    out.update(v.anchor.claim for v in set(a.verdicts) ^ set(b.verdicts))
    out.update(c.anchor.claim for c in set(a.corrections) ^ set(b.corrections))
    out.update(d.claim for d in set(a.disagreements) ^ set(b.disagreements))
    return out


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _length(entries: Sequence[HistoryEntry]) -> int:
    """Bytes the history file grows by when `entries` are appended (ASCII, a line each)."""
    from tui.verdicts.history import entry_to_json

    return sum(len(entry_to_json(e)) + 1 for e in entries)


def _why(store: VerdictStore, exc: OSError | VerdictFileError) -> str:
    if isinstance(exc, VerdictFileError):
        return str(exc)  # file:line:col: what is wrong
    # The temporary file's name would mean nothing to the reviewer: the file it stands for.
    where = store.history_path if exc.filename == str(store.history_path) else store.path
    return f"{where}: cannot write ({exc.strerror or exc})"


class Saver:
    """The store's side of a session: `save` after each change, `unsaved` to count."""

    def __init__(self, store: VerdictStore, saved: VerdictSet) -> None:
        self.store = store
        self._saved = saved  # the session's verdicts as the file last took them
        self._history: list[HistoryEntry] = []  # entries the history file lacks
        self.error: str | None = None  # why the last save failed; None when it worked

    def save(self, current: VerdictSet, entries: Sequence[HistoryEntry] = ()) -> VerdictSet | None:
        """Save `current` with `entries` (and any the history file still lacks): what is now
        on disk, or None when the verdict file could not be written (`error` says why)."""
        self._history.extend(entries)
        before = _size(self.store.history_path)
        try:
            saved = self.store.save(current, tuple(self._history))
        except (OSError, VerdictFileError) as exc:
            self.error = _why(self.store, exc)
            if _size(self.store.history_path) - before >= _length(self._history):
                self._history.clear()  # the store appended them before it failed
            return None
        self._history.clear()
        self._saved, self.error = saved, None
        return saved

    def unsaved(self, current: VerdictSet) -> set[str]:
        """The claims whose decisions the verdict file does not hold."""
        if self.error is None:
            return set()
        return changed_claims(self._saved, current)

    @property
    def history_holds_all(self) -> bool:
        """Every change made is in the history file."""
        return not self._history
