"""The verdict store: one verdict file, locked while open, saved atomically after each change.

    with VerdictStore.open(path, reviewer="alice", corpus=Path("seeds")) as store:
        vs = store.verdict_set
        vs = store.save(new_vs, history=[entry])   # returns what is now on disk

Guarantees:
- The path is resolved once, at open: a symbolic link is followed to the file it names,
  which is the one locked, read and written (`store.path`; the link stays a link, and
  `store.given_path` is the path as given). Two stores on one file, through a link or not,
  cannot both be open.
- A second store on the same file (in any process) gets StoreLocked; a crashed holder's lock
  is released by the operating system (see file_lock.py).
- A file that cannot be read (damaged, not UTF-8, a pipe or a device) raises
  VerdictFileError and is never written over.
- A file that may not be written (no write permission on it, or its folder read-only) opens
  read-only: `store.read_only` says why, and `save` raises StoreReadOnly (a
  VerdictFileError) without touching anything. The file is never replaced behind its
  permissions' back (a rename would do so silently).
- Each save writes a temporary file in the same folder, fsyncs it, keeps the previous file as
  `<name>.bak`, renames the new one into place and fsyncs the folder: a crash at any moment
  leaves either the old file or the new one, whole.
- A change made on disk by something else since our last read or write is detected before
  the save, merged (external_merge.py) and reported in `store.external_changes`; if that
  file can no longer be used, `save` raises VerdictFileError and writes nothing: the caller
  still holds the decisions.
- History entries are appended to `<stem>.history.jsonl` before the verdict file is
  written, so a crash between the two never leaves a saved decision out of the history.
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
from tui.verdicts.source_text import decode_text, read_bytes
from tui.verdicts.writer import dumps

__all__ = [
    "HistoryEntry",
    "StoreLocked",
    "StoreReadOnly",
    "VerdictStore",
    "backup_path",
    "utc_now",
]

Clock = Callable[[], datetime]
_UTF8_BOM = b"\xef\xbb\xbf"


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


class StoreReadOnly(VerdictFileError):
    """The verdict file may not be written; nothing was. The message says why, in one line."""


def read_only_reason(path: Path) -> str | None:
    """Why `path` may not be written (None when it may): its folder is read-only, or the
    file itself has no write permission (for us, or for anyone: root may write a file
    chmod 444, but its owner said it must not change)."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"its folder {folder} is read-only"
    try:
        st = os.stat(path)
    except OSError:
        return None  # not there yet: created in a writable folder
    if not os.access(path, os.W_OK) or not st.st_mode & 0o222:
        return "the file is read-only (no write permission)"
    return None


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
        lock: FileLock | None,
        verdict_set: VerdictSet,
        seen: _Seen | None,
        data: bytes | None,
        reviewer: str,
        clock: Clock,
        *,
        given_path: Path | None = None,
        read_only: str | None = None,
    ) -> None:
        self.path = path  # the file itself (links resolved): what is locked and written
        self.given_path = given_path or path  # as the caller named it
        self.reviewer = reviewer
        self.clock = clock
        self.history_path = history_path(path)
        self.external_changes: list[str] = []
        # Why the file may not be written, or None: saves are refused while it is set.
        self.read_only = read_only
        self._lock = lock
        self._open = True
        self._verdict_set = verdict_set
        self._seen = seen
        self._data = data

    @classmethod
    def open(
        cls, path: Path, *, reviewer: str, corpus: Path, clock: Clock = utc_now
    ) -> VerdictStore:
        """Lock and load `path` (or start an empty set for `reviewer` over `corpus`).

        StoreLocked when another store holds it; VerdictFileError when it cannot be used.
        A file that may not be written opens read-only (see `read_only`)."""
        given = Path(path)
        real = Path(os.path.realpath(given))  # once: a link later changed does not move us
        if not real.parent.is_dir():
            raise VerdictFileError(given, f"folder {real.parent} does not exist")
        read_only = read_only_reason(real)
        lock: FileLock | None = None
        try:
            lock = FileLock.acquire(real)
        except StoreLocked:
            raise
        except OSError as exc:  # the lock file cannot be made: a read-only place
            read_only = read_only or f"its lock file cannot be made ({exc.strerror or exc})"
        try:
            if read_only is None:
                _remove_stale_temps(real)
            try:
                data = read_bytes(real)
                st = os.stat(real)
            except FileNotFoundError:
                empty = VerdictSet(reviewer=reviewer, corpus=relative_corpus(corpus, real))
                return cls(
                    real, lock, empty, None, None, reviewer, clock,
                    given_path=given, read_only=read_only,
                )  # fmt: skip
            except OSError as exc:
                raise VerdictFileError(real, f"cannot read ({exc.strerror or exc})") from None
            vs = loads(decode_text(data, real), real)
            return cls(
                real, lock, vs, _Seen.of(st, data), data, reviewer, clock,
                given_path=given, read_only=read_only,
            )  # fmt: skip
        except BaseException:
            if lock is not None:
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
        """Write `vs` (merged with any change made on disk meanwhile); what is now on disk.

        `history` is appended first, so it holds the change even when the file then cannot
        be written. Raises StoreReadOnly (nothing written, history included),
        VerdictFileError (the file on disk changed into something unusable: not written
        over) or OSError (a full disk...): `vs` stays the caller's to save again."""
        if not self._open:
            raise RuntimeError(f"{self.path}: the store is closed")
        self.read_only = self.read_only or read_only_reason(self.path)
        if self.read_only is not None:
            raise StoreReadOnly(self.path, f"{self.read_only}; not saved")
        append_history(self.history_path, history, like=self.path)
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
        # Unchanged decisions are not written, even to drop a byte order mark an editor
        # added: the file stays byte for byte as it was.
        old = None if self._data is None else self._data.removeprefix(_UTF8_BOM)
        if self._data is not None and new != old:
            write_atomically(backup_path(self.path), self._data, like=self.path)
        if new != old:
            st = write_atomically(self.path, new)
            self._seen, self._data = _Seen.of(st, new), new
        self._verdict_set = vs
        return vs

    def _read_if_changed(self) -> tuple[VerdictSet, bytes] | None:
        """What another writer left on disk since our last read/write, or None if nothing.

        Raises VerdictFileError when that is not a usable verdict file (damaged, not UTF-8,
        a pipe, unreadable): it is not ours to overwrite."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            if self._seen is not None:
                self.external_changes.append(
                    f"{self.path} was removed by something else; written again"
                )
                self._seen, self._data = None, None
            return None
        except OSError as exc:
            raise VerdictFileError(self.path, f"cannot read ({exc.strerror or exc})") from None
        if self._seen is not None and self._seen.same_stat(st):
            return None
        try:
            data = read_bytes(self.path)
            st = os.stat(self.path)
        except OSError as exc:
            raise VerdictFileError(self.path, f"cannot read ({exc.strerror or exc})") from None
        if self._data is not None and data == self._data:
            self._seen = _Seen.of(st, data)  # touched, not changed
            return None
        theirs = loads(decode_text(data, self.path), self.path)
        return theirs, data

    def close(self) -> None:
        """Release the lock. Everything is already saved."""
        self._open = False
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> VerdictStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
