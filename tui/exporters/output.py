"""Writing an output file so that a failure never leaves a partial file behind.

The text goes to a temporary file in the target's folder, is flushed and fsynced, and is
renamed over the target only when complete. Any failure removes the temporary file and
raises OutputError with a one-line reason.
"""

from __future__ import annotations

import os
from pathlib import Path

from tui.atomic_file import write_atomically


class OutputError(Exception):
    """The output file cannot be written; the message is one line."""


def check_writable(path: Path) -> None:
    """Fail early, before any work, when `path` clearly cannot be written."""
    folder = path.parent
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    if not folder.is_dir():
        raise OutputError(f"{path}: cannot write, folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot write, no permission in folder {folder}")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(f"{path}: cannot write, the file is read-only")


def write_text_atomic(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` whole or not at all; OutputError says why not."""
    check_writable(path)
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
