"""A verdict file's text before its meaning: reading, decoding, parsing, locating.

A verdict file may come from anyone. It is read only if it is a regular file (a pipe or a
device is refused, never waited on) of a bounded size; decoded as UTF-8 with or without a
byte order mark; parsed with tomllib, whose failures all become a VerdictFileError naming
the line and column (arrays nested deeper than the stack allows are located without
recursion). `Locator` finds a key's line in the raw text for problems found after parsing,
and `unusable_path` says why the file system would refuse a path the file records.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from tui.support.regular_file import FileTooLarge, NotRegularFile, read_regular_file
from tui.verdicts.model import VerdictFileError

_HEADER = re.compile(r"^\s*\[\[\s*(\w+)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\[?\s*[\w\"']")
Where = tuple[int | None, int | None]
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
# A verdict file nests three levels at most (an inline table of statuses in an array);
# when tomllib runs out of stack, the first array or table deeper than this is named.
MAX_NESTING = 32
# Larger than any verdict file (about 1 KB a decision); a bigger file is not read whole.
MAX_VERDICT_BYTES = 256 * 1024 * 1024
# Strings, comments and brackets, for measuring how deep arrays and inline tables nest.
_NESTING_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"{3,5}|\'\'\'.*?\'{3,5}|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\''
    r"|#[^\n]*|[\[\]{}=\n]",
    re.DOTALL,
)


class Locator:
    """Lines and columns in the raw text, for problems found after parsing."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.headers: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines):
            if m := _HEADER.match(line):
                self.headers.setdefault(m.group(1), []).append(number)

    def _find(self, key: str, start: int) -> tuple[int, int] | None:
        pattern = re.compile(rf'^(\s*)(?:{re.escape(key)}|"{re.escape(key)}")\s*=')
        for number in range(start, len(self.lines)):
            line = self.lines[number]
            if number > start and _TABLE.match(line):
                return None
            if m := pattern.match(line):
                return number + 1, len(m.group(1)) + 1
        return None

    def top(self, key: str) -> Where:
        """A top-level key: before the first table header, or a table's own header
        (`[key]`, `[key.sub]`, `[[key]]`) when its value was written as one."""
        if found := self._find(key, 0):
            return found
        name = rf'(?:{re.escape(key)}|"{re.escape(key)}")'
        header = re.compile(rf"^(\s*)\[\[?\s*{name}\s*[\].]")
        for number, line in enumerate(self.lines):
            if m := header.match(line):
                return number + 1, len(m.group(1)) + 1
        return None, None

    def entry(self, section: str, index: int) -> Where:
        """The header line of the index-th [[section]] table."""
        found = self.headers.get(section, [])
        return (found[index] + 1, 1) if index < len(found) else self.top(section)

    def key(self, section: str, index: int, key: str) -> Where:
        """A key inside the index-th [[section]] table (its header line if not found)."""
        found = self.headers.get(section, [])
        if index >= len(found):
            return self.top(section)  # e.g. `disagreements = [{...}]` written inline
        return self._find(key, found[index] + 1) or (found[index] + 1, 1)

    def sub_key(self, section: str, index: int, sub: str, key: str) -> Where:
        """A key of the table `[section.sub]` nested in the index-th [[section]] (its
        header line when `key` is "" or not found; the `sub` key itself when the table
        was written inline)."""
        found = self.headers.get(section, [])
        if index >= len(found):
            return self.top(section)
        names = rf'(?:{re.escape(section)}|"{re.escape(section)}")'
        subs = rf'(?:{re.escape(sub)}|"{re.escape(sub)}")'
        header = re.compile(rf"^\s*\[\s*{names}\s*\.\s*{subs}\s*\]")
        end = found[index + 1] if index + 1 < len(found) else len(self.lines)
        for number in range(found[index] + 1, end):
            if header.match(self.lines[number]):
                return (self._find(key, number + 1) if key else None) or (number + 1, 1)
        return self.key(section, index, sub)


def decode_text(data: bytes, path: Path) -> str:
    """A verdict file's bytes as text: UTF-8, with or without a byte order mark (an editor
    may add one); VerdictFileError at the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise VerdictFileError(path, f"not UTF-8 text (byte {exc.start})", line, column) from None


def read_bytes(path: Path) -> bytes:
    """The bytes of the verdict file at `path`, which must be a regular file (a pipe or a
    device is refused without being opened for long, never waited on). VerdictFileError
    for those; the OSError of the failed call otherwise (FileNotFoundError, ...)."""
    try:
        return read_regular_file(path, MAX_VERDICT_BYTES)
    except NotRegularFile as exc:
        raise VerdictFileError(path, f"is {exc.what}, not a verdict file") from None
    except FileTooLarge as exc:
        raise VerdictFileError(path, f"{exc.reason} for a verdict file") from None


def top_key_line(path: Path, key: str) -> int | None:
    """The line of a top-level key in the verdict file at `path`, for a problem found once
    the file was read (None when it cannot be read again)."""
    try:
        text = decode_text(read_bytes(path), path)
    except (OSError, VerdictFileError):
        return None
    return Locator(text).top(key)[0]


def _too_deep(text: str, path: Path) -> VerdictFileError | None:
    """The first array or inline table nested deeper than MAX_NESTING, as a problem."""
    depth, line, line_start, in_value = 0, 1, 0, False
    for m in _NESTING_TOKENS.finditer(text):
        token = m.group()
        if token == "\n":
            line, line_start = line + 1, m.end()
            in_value = in_value and depth > 0
        elif token == "=":
            in_value = True
        elif token[0] in "[{" and in_value:
            depth += 1
            if depth > MAX_NESTING:
                return VerdictFileError(
                    path,
                    f"arrays or tables nested deeper than {MAX_NESTING} levels",
                    line,
                    m.start() - line_start + 1,
                )
        elif token[0] in "]}" and in_value:
            depth = max(0, depth - 1)
        elif token[0] in "\"'":
            newlines = token.count("\n")
            if newlines:
                line += newlines
                line_start = m.start() + token.rfind("\n") + 1
    return None


def syntax_error(text: str, path: Path, exc: tomllib.TOMLDecodeError) -> VerdictFileError:
    message = str(exc)
    if m := _AT.search(message):
        return VerdictFileError(
            path, f"invalid TOML: {message[: m.start()].strip()}", int(m.group(1)), int(m.group(2))
        )
    if "end of document" in message:
        lines = text.split("\n")
        reason = message.replace("(at end of document)", "").strip()
        return VerdictFileError(path, f"invalid TOML: {reason}", len(lines), len(lines[-1]) + 1)
    return VerdictFileError(path, f"invalid TOML: {message}")


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """tomllib's reading of `text`, with every failure as a located VerdictFileError."""
    text = text.removeprefix("\ufeff")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise syntax_error(text, path, exc) from None
    except RecursionError:
        # Arrays or inline tables nested deeper than the stack allows: found again without
        # recursion, to name the place.
        deep = _too_deep(text, path)
        raise deep or VerdictFileError(path, "nested too deeply", 1, 1) from None


def unusable_path(value: str) -> str | None:
    """Why the file system would refuse `value` as a path, or None. Checked on the text
    alone: a NUL character, a `~user` for no known user, a name or path too long."""
    if "\x00" in value:
        return "it contains a NUL character"
    if value.startswith("~"):
        try:
            Path(value).expanduser()
        except RuntimeError:
            return f"no home folder for {value.split('/', 1)[0]!r}"
    try:
        encoded = os.fsencode(value)
    except UnicodeError:
        return "it cannot be encoded for the file system"
    if len(encoded) >= 4096:
        return f"it is {len(encoded)} bytes long (the limit is 4095)"
    if any(len(part) > 255 for part in encoded.split(b"/")):
        return "a folder name in it is longer than 255 bytes"
    return None
