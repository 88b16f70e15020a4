"""Changes to a verdict set as undoable steps, and their account for the history file.

A change never mutates anything: it is a `Change` (per claim: what the file held for it
before and after) that the session applies to its VerdictSet with `apply_steps`. Undo
applies the "before" side of a change to the *current* set, so decisions merged in from
outside meanwhile survive.

A claim's state in the file is its verdict, its correction and, in a merged file, the other
reviewers' verdicts on it and its `[[disagreements]]` entry; each has a before and an after.
Verdicts are keyed by (claim, reviewer), so a merged file's several verdicts on one claim
are kept apart and a step only touches the ones it names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from tui.verdicts.history import HistoryEntry
from tui.verdicts.model import Correction, Disagreement, Status, Verdict, VerdictSet


@dataclass(frozen=True, slots=True)
class Step:
    """One claim's state before and after a change."""

    claim: str
    verdict_before: Verdict | None
    verdict_after: Verdict | None
    correction_before: Correction | None = None
    correction_after: Correction | None = None
    # merged files: the reviewers' verdicts an adjudication replaces, and the disagreement
    reviewers_before: tuple[Verdict, ...] = ()
    reviewers_after: tuple[Verdict, ...] = ()
    disagreement_before: Disagreement | None = None
    disagreement_after: Disagreement | None = None

    def inverse(self) -> Step:
        return Step(
            self.claim,
            self.verdict_after,
            self.verdict_before,
            self.correction_after,
            self.correction_before,
            self.reviewers_after,
            self.reviewers_before,
            self.disagreement_after,
            self.disagreement_before,
        )


@dataclass(frozen=True, slots=True)
class Change:
    # "verdict", "clear", "note", "cluster", "correction", "reattach", "discard", "adjudicate"
    action: str
    steps: tuple[Step, ...]
    cursor: str  # the claim selected when the change was made

    def inverse(self) -> Change:
        """Undoes this change: each step inverted, last first (a step may touch what an
        earlier one did, as re-attaching an orphan to a unit of the same id does)."""
        return Change(self.action, tuple(s.inverse() for s in reversed(self.steps)), self.cursor)


def _verdict_key(v: Verdict) -> tuple[str, str]:
    return (v.anchor.claim, v.reviewer)


def _order(a: Verdict | Correction) -> tuple[str, int, str, str]:
    anchor = a.anchor
    return (anchor.article, anchor.start, anchor.claim, getattr(a, "reviewer", ""))


def apply_steps(vs: VerdictSet, steps: Iterable[Step]) -> VerdictSet:
    """`vs` with each step's "after" state; verdicts and corrections stay in file order."""
    verdicts = {_verdict_key(v): v for v in vs.verdicts}
    corrections = {c.anchor.claim: c for c in vs.corrections}
    disagreements = {d.claim: d for d in vs.disagreements}
    for s in steps:
        gone = [*s.reviewers_before] + ([s.verdict_before] if s.verdict_before else [])
        for v in gone:
            verdicts.pop(_verdict_key(v), None)
        if s.verdict_before is None and s.verdict_after is not None:
            verdicts.pop(_verdict_key(s.verdict_after), None)
        for v in (*s.reviewers_after, *([s.verdict_after] if s.verdict_after else [])):
            verdicts[_verdict_key(v)] = v
        if s.correction_before is not None or s.correction_after is not None:
            corrections.pop(s.claim, None)
            if s.correction_after is not None:
                corrections[s.claim] = s.correction_after
        if s.disagreement_before is not None or s.disagreement_after is not None:
            disagreements.pop(s.claim, None)
            if s.disagreement_after is not None:
                disagreements[s.claim] = s.disagreement_after
    return replace(
        vs,
        verdicts=tuple(sorted(verdicts.values(), key=_order)),
        corrections=tuple(sorted(corrections.values(), key=_order)),
        disagreements=tuple(sorted(disagreements.values(), key=lambda d: (d.article, d.claim))),
    )


_HISTORY_ACTION = {"clear": "verdict"}


def _article_of(s: Step) -> str:
    decisions = (
        s.verdict_after,
        s.verdict_before,
        *s.reviewers_before,
        s.correction_after,
        s.correction_before,
    )
    return next((x.anchor.article for x in decisions if x is not None), s.claim.split(":", 1)[0])


def history_of(change: Change, reviewer: str, time: datetime) -> tuple[HistoryEntry, ...]:
    """The history file's account of a change: one entry per claim it touched."""
    entries = []
    for s in change.steps:
        before, after = s.verdict_before, s.verdict_after
        settled: tuple[tuple[str, Status], ...] = ()
        if before is None and s.reviewers_before:
            # An adjudication: the reviewers' statuses go in `settled`; notes and sources
            # are compared with the first reviewer's (the adjudicator's verdict keeps them).
            base = s.reviewers_before[0]
            settled = tuple((v.reviewer, v.status) for v in s.reviewers_before)
            old_note, old_src = base.note, base.sources
        else:
            old_note, old_src = (before.note if before else ""), (before.sources if before else ())
        new_note, new_src = (after.note if after else ""), (after.sources if after else ())
        is_correction = s.correction_before is not None or s.correction_after is not None
        is_claim = None
        if is_correction:
            is_claim = (
                s.correction_after.is_claim
                if s.correction_after is not None
                else not s.correction_before.is_claim  # type: ignore[union-attr]
            )
        action = _HISTORY_ACTION.get(change.action, change.action)
        if is_correction and change.action not in ("reattach", "discard"):
            action = "correction"
        entries.append(
            HistoryEntry(
                time=time,
                reviewer=reviewer,
                claim=s.claim,
                article=_article_of(s),
                old_status=before.status if before else None,
                new_status=after.status if after else None,
                note_change=(old_note, new_note) if old_note != new_note else None,
                action=action,
                sources_change=(old_src, new_src) if old_src != new_src else None,
                is_claim=is_claim,
                settled=settled,
            )
        )
    return tuple(entries)
