"""Reading a verdict file: TOML text -> VerdictSet, or every problem with its line and column.

Syntax errors come from tomllib (which names the line). Problems of meaning (a missing key,
a wrong type, an unknown status, a claim listed twice) are located in the raw text: the n-th
`[[verdicts]]` header starts the n-th entry, and a key's line is searched from there.

A verdict file may come from anyone, so every value is judged before it is used (reading
and parsing safely are `tui.verdicts.source_text`'s): a date-time that has no UTC
equivalent (year 1 with a positive offset) is a problem of its key, and a corpus path the
file system cannot take (a NUL character, an unknown `~user`, a name too long) is refused
at its line. Whatever the text holds, the result is a set or a list of `file:line:col:
message` problems, never another exception.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from tui.verdicts.model import (
    FORMAT_VERSION,
    Anchor,
    Correction,
    Disagreement,
    Status,
    Verdict,
    VerdictFileError,
    VerdictSet,
    canonical,
)
from tui.verdicts.source_text import Locator, Where, parse_toml, unusable_path

_TOP_KEYS = (
    "version",
    "reviewer",
    "corpus",
    "reviewers",
    "verdicts",
    "corrections",
    "disagreements",
)
_ANCHOR_TEXTS = ("claim", "article", "text", "prefix", "suffix", "article_sha256")
_ANCHOR_KEYS = ("claim", "article", "text", "prefix", "suffix", "start", "end", "article_sha256")
_VERDICT_KEYS = (
    *_ANCHOR_KEYS,
    "decided_text",
    "status",
    "note",
    "sources",
    "evidence",
    "decided_at",
    "reviewer",
)
_CORRECTION_KEYS = (*_ANCHOR_KEYS, "is_claim", "decided_at")
_DISAGREEMENT_KEYS = ("claim", "article", "statuses")
_STATUS_VALUES = frozenset(s.value for s in Status)
_STATUSES = ", ".join(s.value for s in Status)


def _kind(value: Any) -> str:
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


class _Reader:
    """Collects every problem; `read` returns the set only when there are none."""

    def __init__(self, text: str, path: Path) -> None:
        self.path = path
        self.where = Locator(text)
        self.problems: list[VerdictFileError] = []

    def problem(self, message: str, at: Where) -> None:
        self.problems.append(VerdictFileError(self.path, message, at[0], at[1]))

    def read(self, data: Mapping[str, Any]) -> VerdictSet | None:
        if not self.version(data):
            return None
        for key in data:
            if key not in _TOP_KEYS:
                known = ", ".join(_TOP_KEYS)
                self.problem(f"unknown key '{key}' (known: {known})", self.where.top(key))
        top = _Table(self, data, None, 0)
        reviewer, corpus = top.string("reviewer"), top.path("corpus")
        reviewers = top.strings("reviewers", required=False)
        verdicts = [self.verdict(t) for t in self.tables(data, "verdicts")]
        corrections = [self.correction(t) for t in self.tables(data, "corrections")]
        disagreements = [self.disagreement(t) for t in self.tables(data, "disagreements")]
        self.unique(data, "verdicts")
        self.unique(data, "corrections")
        if self.problems:
            return None
        return canonical(
            VerdictSet(
                reviewer=reviewer or "",
                corpus=corpus or "",
                verdicts=tuple(v for v in verdicts if v is not None),
                corrections=tuple(c for c in corrections if c is not None),
                disagreements=tuple(d for d in disagreements if d is not None),
                version=FORMAT_VERSION,
                reviewers=tuple(reviewers or ()),
            )
        )

    def version(self, data: Mapping[str, Any]) -> bool:
        """False when the rest of the file must not be judged (a newer format)."""
        at = self.where.top("version")
        if "version" not in data:
            self.problem(f"missing key 'version' (this crosscheck reads {FORMAT_VERSION})", at)
            return True
        version = data["version"]
        if not isinstance(version, int) or isinstance(version, bool):
            self.problem(f"version: expected a whole number, got {_kind(version)}", at)
        elif version > FORMAT_VERSION:
            self.problem(
                f"written by a newer crosscheck (version {version}); "
                f"this one reads version {FORMAT_VERSION}",
                at,
            )
            return False
        elif version < 1:
            self.problem(
                f"unknown format version {version}; this one reads version {FORMAT_VERSION}", at
            )
        return True

    def tables(self, data: Mapping[str, Any], section: str) -> list[_Table]:
        value = data.get(section, [])
        if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
            what = f"{section}: expected an array of tables like [[{section}]], got {_kind(value)}"
            self.problem(what, self.where.top(section))
            return []
        return [_Table(self, t, section, i) for i, t in enumerate(value)]

    def anchor(self, t: _Table) -> Anchor | None:
        texts = {k: t.string(k) for k in _ANCHOR_TEXTS}
        start, end = t.integer("start"), t.integer("end")
        if start is not None and end is not None and start > end:
            t.problem("start", f"{start} is after end ({end})")
            return None
        if start is None or end is None or None in texts.values():
            return None
        return Anchor(start=start, end=end, **texts)  # type: ignore[arg-type]

    def verdict(self, t: _Table) -> Verdict | None:
        t.unknown(_VERDICT_KEYS)
        anchor = self.anchor(t)
        status = t.status("status")
        decided_at = t.moment()
        evidence = t.strings("evidence")
        sources = t.strings("sources", required=False)
        note = t.string("note", required=False)
        reviewer = t.string("reviewer", required=False)
        decided_text = t.string("decided_text", required=False)
        if None in (anchor, status, decided_at, evidence, sources, note, reviewer, decided_text):
            return None
        assert anchor is not None
        return Verdict(
            anchor,
            status,  # type: ignore[arg-type]
            decided_at,  # type: ignore[arg-type]
            note=note or "",
            sources=sources or (),
            evidence=evidence or (),
            reviewer=reviewer or "",
            # the same words as `text` say nothing more: kept only when they differ
            decided_text="" if decided_text == anchor.text else decided_text or "",
        )

    def correction(self, t: _Table) -> Correction | None:
        t.unknown(_CORRECTION_KEYS)
        anchor = self.anchor(t)
        is_claim = t.boolean("is_claim")
        decided_at = t.moment()
        if anchor is None or is_claim is None or decided_at is None:
            return None
        return Correction(anchor, is_claim, decided_at)

    def disagreement(self, t: _Table) -> Disagreement | None:
        t.unknown(_DISAGREEMENT_KEYS)
        claim, article = t.string("claim"), t.string("article")
        raw = t.get("statuses", dict, "a table of reviewer = status")
        if raw is None:
            return None
        statuses = [(name, t.status("statuses", value)) for name, value in raw.items()]
        if claim is None or article is None or any(s is None for _, s in statuses):
            return None
        return Disagreement(claim, article, tuple(sorted(statuses)))  # type: ignore[arg-type]

    def unique(self, data: Mapping[str, Any], section: str) -> None:
        """A claim may have one verdict per reviewer (and one correction): two would contradict.

        A merged file keeps every reviewer's verdict on a claim they disagree on, each with
        its own `reviewer`, so the key is (claim, reviewer)."""
        value = data.get(section)
        if not isinstance(value, list):
            return
        first: dict[tuple[str, object], int] = {}
        for index, table in enumerate(value):
            claim = table.get("claim") if isinstance(table, dict) else None
            if not isinstance(claim, str):
                continue
            reviewer = table.get("reviewer", "")
            # a reviewer of the wrong type is reported by `verdict`; here it must not crash
            key = (claim, reviewer if isinstance(reviewer, str) else repr(reviewer))
            if key not in first:
                first[key] = index
                continue
            line, _ = self.where.entry(section, first[key])
            at = f" (first at line {line})" if line else ""
            self.problem(
                f"claim '{claim}' is listed twice among [[{section}]]{at}",
                self.where.key(section, index, "claim"),
            )


class _Table:
    """One table of the file (top level when section is None) and its typed getters.

    Each getter returns None after reporting a problem (or, for an optional key, the
    empty value when the key is absent)."""

    def __init__(self, reader: _Reader, data: Mapping[str, Any], section: str | None, index: int):
        self.reader, self.data, self.section, self.index = reader, data, section, index

    def at(self, key: str) -> Where:
        if self.section is None:
            return self.reader.where.top(key)
        return self.reader.where.key(self.section, self.index, key)

    def problem(self, key: str, message: str) -> None:
        label = key if self.section is None else f"[[{self.section}]] #{self.index + 1}: {key}"
        self.reader.problem(f"{label}: {message}", self.at(key))

    def unknown(self, known: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in known:
                self.problem(key, f"unknown key (known: {', '.join(known)})")

    def get(self, key: str, kind: type | tuple[type, ...], expected: str) -> Any:
        if key not in self.data:
            if self.section is None:
                self.reader.problem(f"missing key '{key}'", (None, None))
            else:
                where = self.reader.where.entry(self.section, self.index)
                label = f"[[{self.section}]] #{self.index + 1}"
                self.reader.problem(f"{label}: missing key '{key}'", where)
            return None
        value = self.data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _kinds(kind)):
            self.problem(key, f"expected {expected}, got {_kind(value)}")
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
            self.problem(key, f"expected an array of strings, it holds {_kind(bad)}")
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

    def integer(self, key: str) -> int | None:
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

    def status(self, key: str, value: Any = None) -> Status | None:
        if value is None:
            value = self.get(key, str, "a string")
            if value is None:
                return None
        if isinstance(value, str) and value in _STATUS_VALUES:
            return Status(value)
        self.problem(key, f"unknown status {value!r} (expected one of {_STATUSES})")
        return None


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def read_verdict_text(text: str, path: Path) -> tuple[VerdictSet | None, list[VerdictFileError]]:
    """Every problem in a verdict file's text, and the set when there are none."""
    text = text.removeprefix("\ufeff")
    try:
        data = parse_toml(text, path)
    except VerdictFileError as exc:
        return None, [exc]
    reader = _Reader(text, path)
    vs = reader.read(data)
    return vs, reader.problems


def loads(text: str, path: Path) -> VerdictSet:
    """Parse a verdict file's text; raise VerdictFileError (the first problem) if unusable."""
    vs, problems = parse(text, path)
    if problems:
        raise problems[0]
    assert vs is not None
    return vs


def parse(text: str, path: Path) -> tuple[VerdictSet | None, list[VerdictFileError]]:
    """Every problem in a verdict file's text, and the set when there are none."""
    return read_verdict_text(text, path)
