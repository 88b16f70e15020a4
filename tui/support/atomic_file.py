"""Replacing a file whole or not at all, keeping its permissions: the one writer of every
file crosscheck replaces (verdict files, backups, exports, the cache's entries).

The data goes to a temporary file beside the target (named `.NAME.XXXXXXXX.tmp`, so a
writer that was killed leaves a temp file that can be recognised and removed), is flushed
and fsynced, and is renamed over the target; then the folder is fsynced so the rename
itself survives a power cut. A reader sees the old file or the new one, never a mix.

`durable=False` skips both fsyncs, which cost far more than the write itself: for files
that can be rebuilt and are checked when read (the cache's entries carry their size and
checksum), where a power cut may lose the new file but no reader ever sees half of it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

# The temporary file: created, never opened through a link, not inherited by children.
_CREATE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOFOLLOW", 0)
)


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _mode_of(path: Path) -> int | None:
    """The file's permissions, or None when there is no such file."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return None


def _open_temporary(path: Path, mode: int) -> tuple[int, Path]:
    """A new file beside `path`, `.NAME.` + 8 random hex digits + `.tmp`, opened for writing
    with `mode` (less the umask, as for any new file). Unlike tempfile.mkstemp, which makes
    every file 0600, a new target gets what a plain open() would give it without reading
    the umask (setting it to read it is not safe with other threads running); and it costs
    less, which counts for the cache's thousands of entries."""
    for _ in range(100):
        temporary = path.parent / f"{temp_prefix(path)}{secrets.token_hex(4)}.tmp"
        try:
            return os.open(temporary, _CREATE, mode), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"{path.parent}: no free temporary name for {path.name}")


def fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # platforms that cannot open a folder (Windows) have nothing to sync
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename is still done
    finally:
        os.close(fd)


def write_atomically(
    path: Path, data: bytes, like: Path | None = None, *, durable: bool = True
) -> os.stat_result:
    """Write `data` to `path` whole or not at all; the new file's stat. OSError on failure,
    with no temporary file left behind. Permissions come from `like` (a backup takes its
    original's, so a private file never gets a readable copy), else from `path`.
    `durable=False`: not fsynced (see the module docstring)."""
    mode = _mode_of(like or path)  # None: a new file, with the mode open() would give it
    fd, tmp = _open_temporary(path, 0o666 if mode is None else 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            if mode is not None:
                os.fchmod(f.fileno(), mode)
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        fsync_folder(path.parent)
    return os.stat(path)
