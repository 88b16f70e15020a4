"""Which corpus a verdict file belongs to, and what the app may review with it.

A verdict file records its corpus (a path relative to the file's folder). Decisions are
anchored to those articles' text, so opening the file over other articles would turn every
decision into an orphan and mix two stories' decisions in one file. This module reads only
the verdict file (light: the app calls it before its first frame).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from tui.corpus.articles import common_root
from tui.verdicts.model import VerdictFileError, VerdictSet
from tui.verdicts.reader import loads
from tui.verdicts.source_text import decode_text, read_bytes, top_key_line, unusable_path


class WorkspaceError(Exception):
    """A verdict file or its corpus cannot be opened; the message is one line."""


class MissingVerdictFile(WorkspaceError):
    """The verdict file does not exist (yet): the front ends say how to name or create one."""


def read_verdict_set(path: Path) -> VerdictSet:
    """Read and parse a verdict file. Raises WorkspaceError or VerdictFileError."""
    if path.is_dir():
        raise WorkspaceError(f"{path}: is a folder, not a verdict file")
    try:
        data = read_bytes(path)
    except FileNotFoundError:
        raise MissingVerdictFile(f"{path}: no such verdict file") from None
    except OSError as exc:
        raise WorkspaceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return loads(decode_text(data, path), path)


def _normalised(path: Path) -> Path:
    return Path(os.path.normpath(path.resolve()))


def corpus_path(vs: VerdictSet, verdict_path: Path, configured: Path) -> Path:
    """The corpus a verdict file belongs to, as an absolute normalised path.

    VerdictFileError when the path the file records cannot be looked at (refused by the
    file system: a link loop, a folder that may not be entered...): it names the key's line.
    """
    if vs.corpus.strip():
        reason = unusable_path(vs.corpus)
        if reason is None:
            path = Path(vs.corpus).expanduser()
            if not path.is_absolute():
                path = verdict_path.resolve().parent / path
            try:
                path = _normalised(path)
                path.exists()  # raises for what the callers' own exists() would raise on
                return path
            except (OSError, RuntimeError, ValueError) as exc:
                reason = getattr(exc, "strerror", None) or str(exc)
        line = top_key_line(verdict_path, "corpus")
        raise VerdictFileError(verdict_path, f"corpus: cannot be used ({reason})", line, 1)
    return _normalised(configured)


def review_paths(
    verdict_path: Path, paths: Sequence[Path], configured: Path
) -> tuple[list[Path], str | None]:
    """The articles to review with `verdict_path`, and a note for the reviewer (or None).

    No PATH given: the corpus the file records (a new file or one that records none: the
    configured corpus). PATHs given: they must be that corpus (or files in it), unless the
    recorded corpus is gone (moved: decisions re-anchor by their text). Raises
    WorkspaceError for another corpus that still exists, VerdictFileError for a damaged file.
    """
    if not verdict_path.is_file():
        return (list(paths) or [configured]), None
    vs = read_verdict_set(verdict_path)
    if not vs.corpus.strip():
        return (list(paths) or [configured]), None
    recorded = corpus_path(vs, verdict_path, configured)
    if not paths:
        if recorded.exists():
            return [recorded], None
        raise WorkspaceError(
            f"{verdict_path} belongs to the corpus {recorded}, which is not there; "
            "give the articles' folder as PATH"
        )
    given = _normalised(common_root(paths))
    if given == recorded or given.is_relative_to(recorded):
        return list(paths), None
    if not recorded.exists():
        return list(paths), (
            f"{verdict_path} belongs to {recorded}, which is not there; reviewing {given} "
            "with it (decisions are re-anchored by their text)"
        )
    raise WorkspaceError(
        f"{verdict_path} holds decisions on {recorded}, not {given}: open that corpus, "
        "or choose another verdict file with --verdicts"
    )
