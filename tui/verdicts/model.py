"""The verdict file: the reviewer's decisions as deterministic TOML (format version 1).

The data model below is shared by the store, the app and the exporters. `dumps` and `loads`
convert it to and from TOML: the same decisions always give the same bytes, whatever order
they are held in, and a file that cannot be used raises VerdictFileError naming the line.
Saving (atomic, locked) lives in verdict_store.py; re-anchoring in anchoring.py.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # make_anchor only reads their fields; the model stays import-light
    from tui.claims.units import Unit
    from tui.corpus.articles import Article

FORMAT_VERSION = 1
CONTEXT_CHARS = 32  # prefix/suffix kept either side of a claim for re-anchoring


class Status(StrEnum):
    CORROBORATED = "corroborated"
    DISPUTED = "disputed"
    UNSOURCED = "unsourced"
    # Not a verdict: the reviewer deferred the claim ("needs a second look"). Stored as a
    # verdict so it is saved, re-anchored and undone like one; counted apart everywhere.
    LATER = "later"

    @property
    def is_verdict(self) -> bool:
        return self is not Status.LATER


# The three verdicts, in the order reports list them (Status also holds LATER).
VERDICTS: tuple[Status, ...] = (Status.CORROBORATED, Status.DISPUTED, Status.UNSOURCED)


class Relation(StrEnum):
    """What the reviewer said about two claims."""

    SAME = "same"  # the same fact: counts as a match whatever the score
    DIFFERENT = "different"  # not the same fact (rejected): no match whatever the score
    CONTRADICTS = "contradicts"  # the same fact, and the claims disagree: a match, disputed

    @property
    def is_match(self) -> bool:
        return self is not Relation.DIFFERENT


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
    # The claim's text when the decision was made, kept only while it differs from
    # anchor.text (re-anchoring moved the verdict onto edited words): "" otherwise.
    decided_text: str = ""

    @property
    def claim(self) -> str:
        return self.anchor.claim

    @property
    def decided_on(self) -> str:
        """The text the reviewer judged (the current text unless it has changed since)."""
        return self.decided_text or self.anchor.text

    @property
    def text_changed(self) -> bool:
        """The claim's words differ from those the decision was made on."""
        return bool(self.decided_text)


class CorrectionKind(StrEnum):
    CLAIM = "claim"  # this unit is (not) a claim: `is_claim`
    SPLIT = "split"  # cut the unit in two at `split_at` (characters into its text)
    JOIN = "join"  # the unit and the next one (`join_with`) are one


@dataclass(frozen=True, slots=True)
class Correction:
    """The reviewer overrode the machine: this unit is (or is not) a claim; or it is two
    claims (`split_at`); or it and the unit right after it are one claim (`join_with`).
    The units a split or a join makes are claims (`is_claim` is True)."""

    anchor: Anchor
    is_claim: bool
    decided_at: datetime
    split_at: int | None = None  # a split: 0 < split_at < len(anchor.text)
    join_with: Anchor | None = None  # a join: the unit joined to this one

    @property
    def kind(self) -> CorrectionKind:
        if self.split_at is not None:
            return CorrectionKind.SPLIT
        if self.join_with is not None:
            return CorrectionKind.JOIN
        return CorrectionKind.CLAIM

    @property
    def cuts(self) -> bool:
        """A split or a join: it changes the units themselves, not their kind."""
        return self.split_at is not None or self.join_with is not None


@dataclass(frozen=True, slots=True)
class Disagreement:
    """In a merged file: reviewers who decided one claim differently."""

    claim: str
    article: str
    statuses: tuple[tuple[str, Status], ...]  # (reviewer, status), sorted by reviewer


@dataclass(frozen=True, slots=True)
class Link:
    """The reviewer's word on two claims: the same fact, not the same fact, or the same
    fact told in contradicting ways. Anchored as verdicts are; `a` is the claim with the
    smaller id (`Link.of` puts them in that order)."""

    a: Anchor
    b: Anchor
    relation: Relation
    decided_at: datetime  # timezone-aware, UTC
    reviewer: str = ""
    note: str = ""

    @classmethod
    def of(
        cls,
        one: Anchor,
        other: Anchor,
        relation: Relation,
        decided_at: datetime,
        reviewer: str = "",
        note: str = "",
    ) -> Link:
        a, b = (one, other) if one.claim <= other.claim else (other, one)
        return cls(a, b, relation, decided_at, reviewer, note)

    @property
    def pair(self) -> tuple[str, str]:
        return (self.a.claim, self.b.claim)

    def other(self, claim_id: str) -> str:
        return self.b.claim if self.a.claim == claim_id else self.a.claim


@dataclass(frozen=True, slots=True)
class LinkDisagreement:
    """In a merged file: reviewers who linked one pair of claims differently."""

    a: str  # claim ids, a < b
    b: str
    relations: tuple[tuple[str, Relation], ...]  # (reviewer, relation), sorted by reviewer

    @property
    def pair(self) -> tuple[str, str]:
        return (self.a, self.b)


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
    links: tuple[Link, ...] = ()  # ordered by claim a, then claim b, then reviewer
    link_disagreements: tuple[LinkDisagreement, ...] = ()  # merged files

    @property
    def merged(self) -> bool:
        """A merged file: one link (and verdict) per claim *and reviewer*."""
        return bool(self.reviewers)


def link_key(link: Link, merged: bool) -> tuple[str, str, str]:
    """What may appear once among a file's links: the pair (and, in a merged file, the
    reviewer, since each reviewer's link on a pair they disagree on is kept)."""
    return (link.a.claim, link.b.claim, link.reviewer if merged else "")


class VerdictFileError(Exception):
    """A verdict file that must not be used (or overwritten). Says file, line, column, what."""

    def __init__(
        self, path: Path, message: str, line: int | None = None, column: int | None = None
    ):
        self.path, self.line, self.column, self.message = path, line, column, message
        where = f"{path}" + (f":{line}" if line else "") + (f":{column}" if column and line else "")
        super().__init__(f"{where}: {message}")


def make_anchor(article: Article, claim: Unit) -> Anchor:
    """The anchor of `claim` in `article` now: its text, position and context either side."""
    text = article.text
    return Anchor(
        claim=claim.id,
        article=article.id,
        text=text[claim.start : claim.end],
        prefix=text[max(0, claim.start - CONTEXT_CHARS) : claim.start],
        suffix=text[claim.end : claim.end + CONTEXT_CHARS],
        start=claim.start,
        end=claim.end,
        article_sha256=article.sha256,
    )


def moved_to(verdict: Verdict, anchor: Anchor) -> Verdict:
    """`verdict` on `anchor`, keeping the text it was decided on when that text differs
    from the anchor's: a figure edited from 42 to 44 must not silently take the verdict."""
    judged = verdict.decided_on
    return replace(verdict, anchor=anchor, decided_text="" if judged == anchor.text else judged)


def default_reviewer(configured: str, *, login: Callable[[], str] = getpass.getuser) -> str:
    """The configured reviewer name, else the login name, else "reviewer"."""
    if configured.strip():
        return configured.strip()
    try:
        name = login().strip()
    except (OSError, KeyError, ImportError):  # no login name (containers, some CI)
        name = ""
    return name or "reviewer"


# ---- canonical order -------------------------------------------------------------------


def _anchor_key(anchor: Anchor) -> tuple[str, int, int, str]:
    return (anchor.article, anchor.start, anchor.end, anchor.claim)


def canonical(vs: VerdictSet) -> VerdictSet:
    """The same set in file order: verdicts and corrections by article then position,
    disagreements by article then claim, links (and their disagreements) by their two
    claims, reviewers sorted. `loads` returns this form."""
    return VerdictSet(
        reviewer=vs.reviewer,
        corpus=vs.corpus,
        verdicts=tuple(sorted(vs.verdicts, key=lambda v: (*_anchor_key(v.anchor), v.reviewer))),
        corrections=tuple(sorted(vs.corrections, key=lambda c: _anchor_key(c.anchor))),
        disagreements=tuple(
            sorted(
                (
                    Disagreement(d.claim, d.article, tuple(sorted(d.statuses)))
                    for d in vs.disagreements
                ),
                key=lambda d: (d.article, d.claim),
            )
        ),
        version=vs.version,
        reviewers=tuple(sorted(set(vs.reviewers))),
        links=tuple(sorted(vs.links, key=lambda k: (k.a.claim, k.b.claim, k.reviewer))),
        link_disagreements=tuple(
            sorted(
                (
                    LinkDisagreement(d.a, d.b, tuple(sorted(d.relations)))
                    for d in vs.link_disagreements
                ),
                key=lambda d: d.pair,
            )
        ),
    )
