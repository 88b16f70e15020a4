"""The verdict store: the reviewer's decisions as deterministic TOML, saved atomically.

Data model (final) and API (bodies implemented under issue 3/4/5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

FORMAT_VERSION = 1
CONTEXT_CHARS = 32  # prefix/suffix kept either side of a claim for re-anchoring


class Status(StrEnum):
    CORROBORATED = "corroborated"
    DISPUTED = "disputed"
    UNSOURCED = "unsourced"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a claim stood when the decision was made (W3C-style quote + position)."""

    claim: str  # claim id
    article: str  # article id
    text: str  # the exact claim text
    prefix: str  # up to CONTEXT_CHARS characters before it
    suffix: str  # up to CONTEXT_CHARS characters after it
    start: int
    end: int
    article_sha256: str


@dataclass(frozen=True, slots=True)
class Verdict:
    anchor: Anchor
    status: Status
    decided_at: datetime  # timezone-aware, UTC
    note: str = ""
    sources: tuple[str, ...] = ()  # URLs or citations from outside the corpus
    evidence: tuple[str, ...] = ()  # ids of matched claims shown when deciding
    reviewer: str = ""  # only in merged files: who made this decision

    @property
    def claim(self) -> str:
        return self.anchor.claim


@dataclass(frozen=True, slots=True)
class Correction:
    """The reviewer overrode the machine: this unit is (or is not) a claim."""

    anchor: Anchor
    is_claim: bool
    decided_at: datetime


@dataclass(frozen=True, slots=True)
class Disagreement:
    """In a merged file: reviewers who decided one claim differently."""

    claim: str
    article: str
    statuses: tuple[tuple[str, Status], ...]  # (reviewer, status), sorted by reviewer


@dataclass(frozen=True, slots=True)
class VerdictSet:
    """Everything a verdict file holds. Verdicts are ordered by article, then start."""

    reviewer: str
    corpus: str  # corpus path relative to the verdict file's folder (posix)
    verdicts: tuple[Verdict, ...] = ()
    corrections: tuple[Correction, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    version: int = FORMAT_VERSION
    reviewers: tuple[str, ...] = field(default=())  # merged files: every reviewer merged


class VerdictFileError(Exception):
    """A verdict file that must not be used (or overwritten). Says file, line, column, what."""

    def __init__(self, path: Path, message: str, line: int | None = None, column: int | None = None):
        self.path, self.line, self.column, self.message = path, line, column, message
        where = f"{path}" + (f":{line}" if line else "") + (f":{column}" if column and line else "")
        super().__init__(f"{where}: {message}")
