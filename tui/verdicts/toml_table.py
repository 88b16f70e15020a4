"""The tables of a verdict file, judged key by key: typed getters that report every problem
at its line and column instead of raising.

`Problems` collects what is wrong with one file; a `Table` is one table of it (the top
level, the n-th `[[section]]`, or a table nested in it such as `[links.a]`), whose getters
return None after reporting a problem. `tui.verdicts.reader` and `tui.verdicts.link_reader`
read the file's meaning with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from tui.verdicts.model import VERDICTS, Anchor, Status, VerdictFileError
from tui.verdicts.source_text import Locator, Where, unusable_path

E = TypeVar("E", bound=StrEnum)

# What a disagreement's status may be (a verdict's may be LATER too: a deferral is stored as
# a verdict, but reviewers never disagree on one).
VERDICT_STATUSES = ", ".join(s.value for s in VERDICTS)


def kind_of_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return "a date"
    names = {
        str: "a string",
        int: "a whole number",
        float: "a number",
        list: "an array",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


class Problems:
    """Every problem found in one file's text, each located."""

    def __init__(self, text: str, path: Path) -> None:
        self.path = path
        self.where = Locator(text)
        self.problems: list[VerdictFileError] = []

    def problem(self, message: str, at: Where) -> None:
        self.problems.append(VerdictFileError(self.path, message, at[0], at[1]))


class Table:
    """One table of the file (top level when section is None; `sub` names a table nested
    in the index-th [[section]], as `a` in `[links.a]`) and its typed getters.

    Each getter returns None after reporting a problem (or, for an optional key, the
    empty value when the key is absent)."""

    def __init__(
        self,
        reader: Problems,
        data: Mapping[str, Any],
        section: str | None,
        index: int,
        sub: str | None = None,
    ):
        self.reader, self.data, self.section, self.index = reader, data, section, index
        self.sub = sub

    def nested(self, key: str) -> Table | None:
        """The table under `key` (`[section.key]`), or None after reporting a problem."""
        value = self.get(key, dict, "a table")
        return None if value is None else Table(self.reader, value, self.section, self.index, key)

    def at(self, key: str) -> Where:
        if self.section is None:
            return self.reader.where.top(key)
        if self.sub is not None:
            return self.reader.where.sub_key(self.section, self.index, self.sub, key)
        return self.reader.where.key(self.section, self.index, key)

    def _label(self, key: str) -> str:
        if self.section is None:
            return key
        name = key if self.sub is None else f"{self.sub}.{key}"
        return f"[[{self.section}]] #{self.index + 1}: {name}"

    def problem(self, key: str, message: str) -> None:
        self.reader.problem(f"{self._label(key)}: {message}", self.at(key))

    def unknown(self, known: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in known:
                self.problem(key, f"unknown key (known: {', '.join(known)})")

    def get(self, key: str, kind: type | tuple[type, ...], expected: str) -> Any:
        if key not in self.data:
            if self.section is None:
                self.reader.problem(f"missing key '{key}'", (None, None))
            elif self.sub is not None:
                where = self.reader.where.sub_key(self.section, self.index, self.sub, "")
                label = f"[[{self.section}]] #{self.index + 1}: {self.sub}"
                self.reader.problem(f"{label}: missing key '{key}'", where)
            else:
                where = self.reader.where.entry(self.section, self.index)
                label = f"[[{self.section}]] #{self.index + 1}"
                self.reader.problem(f"{label}: missing key '{key}'", where)
            return None
        value = self.data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _kinds(kind)):
            self.problem(key, f"expected {expected}, got {kind_of_value(value)}")
            return None
        return value

    def string(self, key: str, *, required: bool = True) -> str | None:
        if not required and key not in self.data:
            return ""
        return self.get(key, str, "a string")  # type: ignore[no-any-return]

    def strings(self, key: str, *, required: bool = True) -> tuple[str, ...] | None:
        if not required and key not in self.data:
            return ()
        value = self.get(key, list, "an array of strings")
        if value is None:
            return None
        if not all(isinstance(v, str) for v in value):
            bad = next(v for v in value if not isinstance(v, str))
            self.problem(key, f"expected an array of strings, it holds {kind_of_value(bad)}")
            return None
        return tuple(value)

    def path(self, key: str) -> str | None:
        """A string the file system can take as a path (checked, not looked up)."""
        value = self.string(key)
        if value is None:
            return None
        reason = unusable_path(value)
        if reason:
            self.problem(key, f"cannot be a path: {reason}")
            return None
        return value

    def integer(self, key: str, *, required: bool = True) -> int | None:
        if not required and key not in self.data:
            return None
        value = self.get(key, int, "a whole number")
        if value is not None and value < 0:
            self.problem(key, f"expected a whole number of 0 or more, got {value}")
            return None
        return value  # type: ignore[no-any-return]

    def boolean(self, key: str) -> bool | None:
        return self.get(key, bool, "true or false")  # type: ignore[no-any-return]

    def moment(self) -> datetime | None:
        value = self.get("decided_at", datetime, "a date-time with a UTC offset")
        if value is None:
            return None
        if value.tzinfo is None:
            self.problem("decided_at", "expected a date-time with a UTC offset, got a local one")
            return None
        try:
            return value.astimezone(UTC)  # type: ignore[no-any-return]
        except (OverflowError, ValueError):
            self.problem("decided_at", f"{value.isoformat()} has no UTC time (out of range)")
            return None

    def choice(self, key: str, enum: type[E], value: Any = None, *, only: str = "") -> E | None:
        """A value of `enum` (given, or read from `key`); `only` lists the allowed values
        when they are fewer than the enum's."""
        if value is None:
            value = self.get(key, str, "a string")
            if value is None:
                return None
        allowed = only or ", ".join(e.value for e in enum)
        if isinstance(value, str) and value in {e.value for e in enum}:
            found = enum(value)
            if not only or found.value in only.split(", "):
                return found
        what = "status" if enum is Status else enum.__name__.lower()
        self.problem(key, f"unknown {what} {value!r} (expected one of {allowed})")
        return None

    def status(self, key: str, value: Any = None, *, verdicts_only: bool = False) -> Status | None:
        return self.choice(key, Status, value, only=VERDICT_STATUSES if verdicts_only else "")


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


ANCHOR_TEXTS = ("claim", "article", "text", "prefix", "suffix", "article_sha256")
ANCHOR_KEYS = ("claim", "article", "text", "prefix", "suffix", "start", "end", "article_sha256")


def anchor_of(t: Table) -> Anchor | None:
    """The anchor keys of `t` (a verdict, a correction, one end of a link) as an Anchor."""
    texts = {k: t.string(k) for k in ANCHOR_TEXTS}
    start, end = t.integer("start"), t.integer("end")
    if start is not None and end is not None and start > end:
        t.problem("start", f"{start} is after end ({end})")
        return None
    if start is None or end is None or None in texts.values():
        return None
    return Anchor(start=start, end=end, **texts)  # type: ignore[arg-type]
