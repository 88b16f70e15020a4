"""What the person at the command line most likely meant when the words do not say it
plainly: a mistyped command ("crosscheck stat"), or the app asked for with no articles to
open. Pure helpers; `tui.cli.main` says what they find."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from pathlib import Path

# How alike a word and a command must be to call the word a slip ("stat", "mach", "exprot").
_CLOSE = 0.75


def mistyped_command(word: str, commands: Iterable[str]) -> str | None:
    """The command `word` is a slip for, or None. A word that names an existing file or
    folder, or reads as a path (a slash or a dot in it), is a PATH as before."""
    names = list(commands)
    if word in names or not word or word.startswith("-") or any(ch in word for ch in "/\\."):
        return None
    if os.path.lexists(word):
        return None
    close = difflib.get_close_matches(word.casefold(), names, n=1, cutoff=_CLOSE)
    return close[0] if close else None


def shown_path(path: Path, cwd: Path | None = None) -> str:
    """`./seeds` for a path under the current folder, else the path as given."""
    here = (cwd or Path.cwd()).resolve()
    try:
        inside = path.resolve().relative_to(here)
    except (ValueError, OSError):
        return str(path)
    return f"./{inside.as_posix()}" if inside.parts else "."
