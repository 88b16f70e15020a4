"""Saving a fetched page into the corpus folder: a new file whole or not at all.

A new article gets a name no other file has (`stem.html`, `stem-2.html`, ...): the bytes
go to a temporary file in the folder, are fsync'd, and are then hard-linked under the
first free name (the link fails rather than overwrite, even against another process), so
no reader ever sees half a page and no file is ever replaced by mistake.
"""

from __future__ import annotations

import os
import secrets
from datetime import UTC
from pathlib import Path

from tui.corpus.web.archive import ArchivedRecord
from tui.corpus.web.names import numbered
from tui.corpus.web.provenance import Capture
from tui.corpus.web.results import Fetched
from tui.support.atomic_file import fsync_folder

MAX_NUMBER = 10_000


def _open_temporary(folder: Path) -> tuple[int, Path]:
    """A new hidden file in `folder`, with the permissions a plain open() gives (0666 less
    the umask, which is never read: setting it to read it races with other threads)."""
    for _ in range(100):
        path = folder / f".crosscheck-add.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder}: no free temporary name")


def save_new_article(folder: Path, stem: str, data: bytes, suffix: str = ".html") -> str:
    """Write `data` as a new file named from `stem` in `folder`; the name used. OSError
    when it cannot be written (nothing is left behind then)."""
    fd, tmp = _open_temporary(folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        for n in range(1, MAX_NUMBER):
            name = numbered(stem, n, suffix)
            try:
                os.link(tmp, folder / name)
            except FileExistsError:
                continue
            fsync_folder(folder)
            return name
        raise FileExistsError(f"{folder}: every name for {stem}{suffix} is taken")
    finally:
        tmp.unlink(missing_ok=True)


def capture_of(fetched: Fetched, record: ArchivedRecord) -> Capture:
    """The provenance capture of a fetched page whose final response is `record`."""
    return Capture(
        url=fetched.requested,
        final_url=fetched.final_url,
        status=fetched.status,
        fetched_at=fetched.fetched_at.astimezone(UTC).replace(microsecond=0),
        sha256=fetched.sha256,
        archive_file=record.file,
        record_id=record.record_id,
        offset=record.offset,
    )
