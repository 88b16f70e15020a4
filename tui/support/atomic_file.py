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
import tempfile
from pathlib import Path


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _mode_for(path: Path) -> int:
    """The target's current permissions, or those a plain open() would give a new file.

    mkstemp makes its file private (0600): without this, every save would quietly take
    away the group's or others' read access a user had given the file."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


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
    mode = _mode_for(like or path)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), mode)
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        fsync_folder(path.parent)
    return os.stat(path)
