"""`crosscheck check FILE...`: every problem in a verdict file or a config file, one per line.

Which kind of file it is comes from its content: a verdict file has `version` or
`[[verdicts]]`; a config file has `[corpus]`, `[verdicts]`, `[matching]`, `[cache]`,
`[web]` or `[keys]` tables (or is named config.toml). Each problem reads
`file:line:col: message`, or `file: message` when it has no place in the text (a missing
key).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tui.config import CONFIG_NAME, Known, parse_config
from tui.verdicts.model import VerdictFileError
from tui.verdicts.reader import read_verdict_text
from tui.verdicts.source_text import decode_text, parse_toml, read_bytes

_CONFIG_TABLES = frozenset({"corpus", "verdicts", "matching", "cache", "web", "keys"})
_VERDICT_ARRAYS = ("verdicts", "links", "corrections", "disagreements", "link_disagreements")
_SECTION_KEY = re.compile(r"^\[(\w+)\] (?:unknown (?:key|action) '([^']*)'|([\w-]+):)")
_TOP_KEY = re.compile(r"^(?:unknown section or key '([^']*)'|'([^']*)' must be a table)")


def kind_of(path: Path, data: Mapping[str, Any]) -> str | None:
    """ "verdicts", "config", or None when the content says neither."""
    if "version" in data or any(isinstance(data.get(k), list) for k in _VERDICT_ARRAYS):
        return "verdicts"
    if path.name == CONFIG_NAME or any(isinstance(data.get(k), dict) for k in _CONFIG_TABLES):
        return "config"
    return None


def _config_line(text: str, section: str | None, key: str) -> int | None:
    """The line of `key` in `[section]` (or at top level, or the `[key]` header itself)."""
    current: str | None = None
    header = re.compile(r"^\s*\[\s*([\w\"'. -]+?)\s*\]")
    assignment = re.compile(rf'^\s*(?:{re.escape(key)}|"{re.escape(key)}")\s*=')
    for number, line in enumerate(text.split("\n"), start=1):
        if m := header.match(line):
            current = m.group(1).strip("\"'")
            if section is None and current == key:
                return number
            continue
        if current == section and assignment.match(line):
            return number
    return None


def _locate_config_problem(text: str, message: str) -> int | None:
    if m := _SECTION_KEY.match(message):
        # `is not None`: an empty key name ('') is a name too, and has a line
        key = m.group(2) if m.group(2) is not None else m.group(3)
        return _config_line(text, m.group(1), key)
    if m := _TOP_KEY.match(message):
        return _config_line(text, None, m.group(1) if m.group(1) is not None else m.group(2))
    return None


def check_text(path: Path, text: str, known_actions: Known = None) -> list[str]:
    """Every problem in the text of `path`, each as one line."""
    text = text.removeprefix("\ufeff")
    try:
        data = parse_toml(text, path)
    except VerdictFileError as exc:
        return [str(exc)]
    kind = kind_of(path, data)
    if kind == "verdicts":
        _, problems = read_verdict_text(text, path)
        # In file order, as an editor walks them (whole-file problems first).
        problems = sorted(problems, key=lambda p: (p.line or 0, p.column or 0))
        return [str(p) for p in problems]
    if kind == "config":
        _, messages = parse_config(data, path.resolve().parent, known_actions)
        out = []
        for message in messages:
            line = _locate_config_problem(text, message)
            out.append(f"{path}:{line}:1: {message}" if line else f"{path}: {message}")
        return out
    return [
        f"{path}: neither a verdict file (no 'version', no [[verdicts]]) nor a config file "
        f"(no [{'], ['.join(sorted(_CONFIG_TABLES))}] table)"
    ]


def check_file(path: Path, known_actions: Known = None) -> list[str]:
    """Every problem in a verdict file or a config file; [] when it is fine."""
    try:
        text = decode_text(read_bytes(path), path)
    except VerdictFileError as exc:  # not UTF-8, or a pipe or device
        return [str(exc)]
    except FileNotFoundError:
        return [f"{path}: no such file"]
    except IsADirectoryError:
        return [f"{path}: is a folder, not a file"]
    except OSError as exc:
        return [f"{path}: cannot read ({exc.strerror or exc})"]
    return check_text(path, text, known_actions)
