"""An exclusive lock on a file, held through a sidecar `<name>.lock` file.

`fcntl.flock` locks belong to the open file, so the operating system releases them when the
holding process exits or is killed: a crash never leaves the lock stuck. The holder writes its
pid into the sidecar so a second instance can say who holds it. The sidecar is never deleted
(deleting a flock'ed file lets two processes lock two different files of the same name).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class StoreLocked(Exception):
    """Another process holds the lock; the message names the file and the holder's pid."""

    def __init__(self, path: Path, pid: int | None):
        self.path, self.pid = path, pid
        holder = f"pid {pid}" if pid else "another process"
        super().__init__(
            f"{path} is already open in another crosscheck ({holder}); "
            "close that one first, or use another verdict file"
        )


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class FileLock:
    """Held from `acquire` until `release` (or until this process ends)."""

    def __init__(self, path: Path, fd: int):
        self.path, self._fd = path, fd

    @classmethod
    def acquire(cls, path: Path, *, pid: int | None = None) -> FileLock:
        """Lock `path` (through its sidecar) without waiting; StoreLocked if held."""
        sidecar = lock_path(path)
        fd = os.open(sidecar, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_pid(fd)
            os.close(fd)
            raise StoreLocked(path, holder) from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid() if pid is None else pid}\n".encode(), 0)
        return cls(path, fd)

    @property
    def held(self) -> bool:
        return self._fd >= 0

    def release(self) -> None:
        if self._fd < 0:
            return
        fd, self._fd = self._fd, -1
        try:
            os.ftruncate(fd, 0)  # no stale pid for the next reader
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
