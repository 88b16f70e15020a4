"""Reading a file only when it is a regular file, and never more than a limit.

A named pipe (FIFO) blocks whoever opens it until a writer comes, and a device such as
`/dev/zero` never ends: neither is an article or a verdict file. The path is checked
before it is opened, opened without blocking, and checked again on the open descriptor (a
file swapped for a pipe between the two looks is caught there); the read stops one byte
past the limit, so an endless or huge file costs at most the limit in memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """The path is a pipe, a device, a socket or a folder; the message names which."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(f"{path}: {what}, not a regular file")
        self.path, self.what = path, what


class FileTooLarge(OSError):
    """The file is larger than the caller accepts."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        self.reason = (
            f"too large ({size / 1_048_576:.1f} MB or more; the limit is "
            f"{limit / 1_048_576:.0f} MB)"
        )
        super().__init__(f"{path}: {self.reason}")
        self.path, self.size, self.limit = path, size, limit


def kind_of_mode(mode: int) -> str | None:
    """What a non-regular file is, in words ("a named pipe"); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of `path` (links followed) if it is a regular file of at most `limit`
    bytes. Raises NotRegularFile, FileTooLarge, or the OSError of the failed call
    (FileNotFoundError, PermissionError...)."""
    what = kind_of_mode(os.stat(path).st_mode)
    if what is not None:
        raise NotRegularFile(path, what)
    # O_NONBLOCK: should the path have become a pipe since the stat, opening it returns at
    # once instead of waiting for a writer; fstat below then refuses it.
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        what = kind_of_mode(st.st_mode)
        if what is not None:
            raise NotRegularFile(path, what)
        if st.st_size > limit:
            raise FileTooLarge(path, st.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # it grew while being read
            raise FileTooLarge(path, total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)
