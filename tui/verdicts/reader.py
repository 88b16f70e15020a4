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
from pathlib import Path
from typing import Any

from tui.verdicts.link_reader import (
    read_correction,
    read_link,
    read_link_disagreement,
    unique_links,
)
from tui.verdicts.model import (
    FORMAT_VERSION,
    Disagreement,
    Verdict,
    VerdictFileError,
    VerdictSet,
    canonical,
)
from tui.verdicts.source_text import parse_toml
from tui.verdicts.toml_table import ANCHOR_KEYS, Problems, Table, anchor_of, kind_of_value

_TOP_KEYS = (
    "version",
    "reviewer",
    "corpus",
    "reviewers",
    "verdicts",
    "links",
    "corrections",
    "disagreements",
    "link_disagreements",
)
_VERDICT_KEYS = (
    *ANCHOR_KEYS,
    "decided_text",
    "status",
    "note",
    "sources",
    "evidence",
    "decided_at",
    "reviewer",
)
_DISAGREEMENT_KEYS = ("claim", "article", "statuses")


class _Reader(Problems):
    """Collects every problem; `read` returns the set only when there are none."""

    def read(self, data: Mapping[str, Any]) -> VerdictSet | None:
        if not self.version(data):
            return None
        for key in data:
            if key not in _TOP_KEYS:
                known = ", ".join(_TOP_KEYS)
                self.problem(f"unknown key '{key}' (known: {known})", self.where.top(key))
        top = Table(self, data, None, 0)
        reviewer, corpus = top.string("reviewer"), top.path("corpus")
        reviewers = top.strings("reviewers", required=False)
        verdicts = [self.verdict(t) for t in self.tables(data, "verdicts")]
        corrections = [read_correction(t) for t in self.tables(data, "corrections")]
        disagreements = [self.disagreement(t) for t in self.tables(data, "disagreements")]
        links = [read_link(t) for t in self.tables(data, "links")]
        link_disagreements = [
            read_link_disagreement(t) for t in self.tables(data, "link_disagreements")
        ]
        self.unique(data, "verdicts")
        self.unique(data, "corrections")
        unique_links(self, data, merged=bool(reviewers))
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
                links=tuple(k for k in links if k is not None),
                link_disagreements=tuple(d for d in link_disagreements if d is not None),
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
            self.problem(f"version: expected a whole number, got {kind_of_value(version)}", at)
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

    def tables(self, data: Mapping[str, Any], section: str) -> list[Table]:
        value = data.get(section, [])
        if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
            got = kind_of_value(value)
            what = f"{section}: expected an array of tables like [[{section}]], got {got}"
            self.problem(what, self.where.top(section))
            return []
        return [Table(self, t, section, i) for i, t in enumerate(value)]

    def verdict(self, t: Table) -> Verdict | None:
        t.unknown(_VERDICT_KEYS)
        anchor = anchor_of(t)
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

    def disagreement(self, t: Table) -> Disagreement | None:
        t.unknown(_DISAGREEMENT_KEYS)
        claim, article = t.string("claim"), t.string("article")
        raw = t.get("statuses", dict, "a table of reviewer = status")
        if raw is None:
            return None
        statuses = [
            (name, t.status("statuses", value, verdicts_only=True)) for name, value in raw.items()
        ]
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
