"""Writing an output file so that a failure never leaves a partial file behind, and never
over a file crosscheck reads.

The text goes to a temporary file in the target's folder, is flushed and fsynced, and is
renamed over the target only when complete. Any failure removes the temporary file and
raises OutputError with a one-line reason. A symbolic link is written through (the link
stays, its target gets the text); a device or a pipe (`-o /dev/stdout`, a fifo) is written
to directly, since it cannot be replaced. Before any of that, `refuse_overwriting` keeps
`-o` off the files a user would lose: verdict files (the one being read or any other), their
backups and histories, config files and the corpus's articles; and `inside_corpus` keeps a
report out of the corpus folder, where the next run would read it as an article (unless
the user insists).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from tui.support.atomic_file import write_atomically
from tui.support.regular_file import read_regular_file

SNIFF_BYTES = 4 * 1024 * 1024  # larger files are not verdict or config files


class OutputError(Exception):
    """The output file cannot be written; the message is one line."""


def check_writable(path: Path) -> None:
    """Fail early, before any work, when `path` clearly cannot be written."""
    folder = path.parent
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    if path.exists() and not path.is_file():  # a device or a pipe: written in place
        if not os.access(path, os.W_OK):
            raise OutputError(f"{path}: cannot write, no permission")
        return
    if not folder.is_dir():
        raise OutputError(f"{path}: cannot write, folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot write, no permission in folder {folder}")
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(f"{path}: cannot write, the file is read-only")


def files_of(verdict_file: Path) -> dict[Path, str]:
    """The files that go with a verdict file, named as a refusal would name them."""
    from tui.support.file_lock import lock_path
    from tui.verdicts.history import history_path
    from tui.verdicts.store import backup_path

    return {
        verdict_file: "the verdict file",
        backup_path(verdict_file): "the verdict file's backup",
        history_path(verdict_file): "the verdict file's history",
        lock_path(verdict_file): "the verdict file's lock",
    }


def _crosscheck_kind(path: Path) -> str | None:
    """ "verdicts" or "config" when the file at `path` is one of crosscheck's, else None."""
    from tui.verdicts.checks import kind_of
    from tui.verdicts.model import VerdictFileError
    from tui.verdicts.source_text import parse_toml

    try:
        # A regular file only (a pipe is never waited on), read up to SNIFF_BYTES, parsed
        # with every failure caught (nesting deep enough to exhaust the stack included).
        data = parse_toml(read_regular_file(path, SNIFF_BYTES).decode("utf-8-sig"), path)
    except (OSError, UnicodeDecodeError, VerdictFileError):
        return None
    return kind_of(path, data)


def refuse_overwriting(path: Path, protected: dict[Path, str]) -> None:
    """OutputError when writing `path` would replace a file the user would lose: one of
    `protected` (path -> what it is) or any verdict or config file. Paths are compared
    after resolving links and "..", as the write would. Cheap: commands call it before
    reading the corpus."""
    target = path.resolve()
    for other, what in protected.items():
        if other.resolve() == target:
            raise OutputError(f"{path}: is {what}; write to a new file")
    kind = _crosscheck_kind(target)
    if kind == "verdicts":
        raise OutputError(
            f"{path}: is a verdict file, whose decisions would be lost; write to a new file"
        )
    if kind == "config":
        raise OutputError(f"{path}: is a crosscheck config file; write to a new file")


def inside_corpus(path: Path, verdict_file: Path, configured_corpus: Path) -> str | None:
    """Why `path` must not be written (it lies inside the corpus folder of `verdict_file`,
    links and ".." resolved), or None. A verdict file that cannot be read says nothing
    here: the command reports it when it reads the file."""
    from tui.verdicts.corpus_link import WorkspaceError, corpus_path, read_verdict_set
    from tui.verdicts.model import VerdictFileError

    try:
        vs = read_verdict_set(verdict_file)
        corpus = corpus_path(vs, verdict_file, configured_corpus)
    except (WorkspaceError, VerdictFileError):
        return None
    target = path.resolve()
    if corpus.is_dir() and target.is_relative_to(corpus.resolve()):
        return (
            f"{path}: is inside the corpus folder {corpus}, where the next run would read it "
            "as an article; write it elsewhere (or add --force)"
        )
    return None


def refuse_articles(path: Path, articles: Iterable[Path]) -> None:
    """OutputError when `path` is one of the corpus's articles (known once it is read)."""
    target = path.resolve()
    if any(a.resolve() == target for a in articles):
        raise OutputError(f"{path}: is one of the articles; write to a new file")


def write_text_atomic(path: Path, text: str) -> None:
    """Write `text` (UTF-8) to `path` whole or not at all; OutputError says why not."""
    check_writable(path)
    try:
        if path.exists() and not path.is_file():
            # A device or a pipe (through its link, like /dev/stdout) cannot be replaced;
            # it takes the text as it comes.
            with open(path, "w", encoding="utf-8", newline="") as out:
                out.write(text)
        else:
            write_atomically(path.resolve(), text.encode("utf-8"))  # a link stays a link
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
