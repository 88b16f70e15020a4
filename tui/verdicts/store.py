"""The verdict store: one verdict file, locked while open, saved atomically after each change.

    with VerdictStore.open(path, reviewer="alice", corpus=Path("seeds")) as store:
        vs = store.verdict_set
        vs = store.save(new_vs, history=[entry])   # returns what is now on disk

Guarantees:
- A second store on the same file (in any process) gets StoreLocked; a crashed holder's lock
  is released by the operating system (see file_lock.py).
- A file that cannot be read raises VerdictFileError and is never written over.
- Each save writes a temporary file in the same folder, fsyncs it, keeps the previous file as
  `<name>.bak`, renames the new one into place and fsyncs the folder: a crash at any moment
  leaves either the old file or the new one, whole.
- A change made on disk by something else since our last read or write is detected before
  the save, merged (external_merge.py) and reported in `store.external_changes`.
- History entries are appended to `<stem>.history.jsonl` after the save.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from glob import escape as glob_escape
from pathlib import Path

from tui.support.atomic_file import temp_prefix, write_atomically
from tui.support.file_lock import FileLock, StoreLocked
from tui.verdicts.external_merge import merge_external
from tui.verdicts.history import HistoryEntry, append_history, history_path
from tui.verdicts.model import VerdictFileError, VerdictSet, canonical
from tui.verdicts.reader import loads
from tui.verdicts.writer import dumps

__all__ = ["HistoryEntry", "StoreLocked", "VerdictStore", "backup_path", "utc_now"]

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


@dataclass(frozen=True, slots=True)
class _Seen:
    """The file as we last read or wrote it: cheap stat fields first, then the bytes' hash."""

    inode: int
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, st: os.stat_result, data: bytes) -> _Seen:
        return cls(st.st_ino, st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())

    def same_stat(self, st: os.stat_result) -> bool:
        return (self.inode, self.size, self.mtime_ns) == (st.st_ino, st.st_size, st.st_mtime_ns)


def relative_corpus(corpus: Path, verdict_path: Path) -> str:
    """The corpus path relative to the verdict file's folder, in posix form."""
    folder = verdict_path.resolve().parent
    try:
        return Path(os.path.relpath(corpus.resolve(), folder)).as_posix()
    except ValueError:  # another drive (Windows): only an absolute path can say where
        return corpus.resolve().as_posix()


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise VerdictFileError(path, f"not UTF-8 text (byte {exc.start})", line) from None


def _remove_stale_temps(path: Path) -> None:
    """Temp files a killed writer left beside `path`; safe while we hold the lock."""
    for target in (path, backup_path(path)):
        # mkstemp names: the prefix, 8 random characters, the suffix
        for stale in path.parent.glob(f"{glob_escape(temp_prefix(target))}{'?' * 8}.tmp"):
            stale.unlink(missing_ok=True)


class VerdictStore:
    """An open verdict file. Not thread-safe: one owner calls `save`."""

    def __init__(
        self,
        path: Path,
        lock: FileLock,
        verdict_set: VerdictSet,
        seen: _Seen | None,
        data: bytes | None,
        reviewer: str,
        clock: Clock,
    ) -> None:
        self.path = path
        self.reviewer = reviewer
        self.clock = clock
        self.history_path = history_path(path)
        self.external_changes: list[str] = []
        self._lock = lock
        self._verdict_set = verdict_set
        self._seen = seen
        self._data = data

    @classmethod
    def open(
        cls, path: Path, *, reviewer: str, corpus: Path, clock: Clock = utc_now
    ) -> VerdictStore:
        """Lock and load `path` (or start an empty set for `reviewer` over `corpus`)."""
        path = Path(path)
        if path.parent != Path() and not path.parent.is_dir():
            raise VerdictFileError(path, f"folder {path.parent} does not exist")
        lock = FileLock.acquire(path)
        try:
            _remove_stale_temps(path)
            try:
                data = path.read_bytes()
                st = os.stat(path)
            except FileNotFoundError:
                empty = VerdictSet(reviewer=reviewer, corpus=relative_corpus(corpus, path))
                return cls(path, lock, empty, None, None, reviewer, clock)
            except OSError as exc:
                raise VerdictFileError(path, f"cannot read ({exc.strerror or exc})") from None
            vs = loads(_decode(data, path), path)
            return cls(path, lock, vs, _Seen.of(st, data), data, reviewer, clock)
        except BaseException:
            lock.release()
            raise

    @property
    def verdict_set(self) -> VerdictSet:
        return self._verdict_set

    def relocate(self, corpus: Path) -> None:
        """Record `corpus` as the file's corpus (its old one moved away); written with the
        next save."""
        self._verdict_set = replace(self._verdict_set, corpus=relative_corpus(corpus, self.path))

    def now(self) -> datetime:
        """The store's clock in UTC: the time to stamp decisions and history entries with."""
        moment = self.clock()
        if moment.tzinfo is None:
            raise ValueError("the store's clock must return timezone-aware times")
        return moment.astimezone(UTC)

    def save(self, vs: VerdictSet, history: Sequence[HistoryEntry] = ()) -> VerdictSet:
        """Write `vs` (merged with any change made on disk meanwhile); what is now on disk."""
        if not self._lock.held:
            raise RuntimeError(f"{self.path}: the store is closed")
        on_disk = self._read_if_changed()
        if on_disk is not None:
            theirs, data = on_disk
            vs, report = merge_external(self._verdict_set, vs, theirs)
            self.external_changes.append(
                f"{self.path} was changed by something else since it was last read; "
                f"merged ({len(report)} claim(s) affected)"
            )
            self.external_changes.extend(report)
            self._data = data
        vs = canonical(vs)
        new = dumps(vs).encode("utf-8")
        if self._data is not None and new != self._data:
            write_atomically(backup_path(self.path), self._data, like=self.path)
        if new != self._data:
            st = write_atomically(self.path, new)
            self._seen, self._data = _Seen.of(st, new), new
        self._verdict_set = vs
        append_history(self.history_path, history, like=self.path)
        return vs

    def _read_if_changed(self) -> tuple[VerdictSet, bytes] | None:
        """What another writer left on disk since our last read/write, or None if nothing.

        Raises VerdictFileError when that is not a usable verdict file: it is not ours to
        overwrite."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            if self._seen is not None:
                self.external_changes.append(
                    f"{self.path} was removed by something else; written again"
                )
                self._seen, self._data = None, None
            return None
        if self._seen is not None and self._seen.same_stat(st):
            return None
        data = self.path.read_bytes()
        if self._data is not None and data == self._data:
            self._seen = _Seen.of(os.stat(self.path), data)  # touched, not changed
            return None
        theirs = loads(_decode(data, self.path), self.path)
        return theirs, data

    def close(self) -> None:
        """Release the lock. Everything is already saved."""
        self._lock.release()

    def __enter__(self) -> VerdictStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
