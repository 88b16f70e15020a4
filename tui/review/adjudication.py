"""Settling a merged file's disagreements: the adjudicator's verdict replaces the reviewers'.

A merged verdict file (`crosscheck merge`, tui/verdicts/merge.py) keeps every reviewer's verdict on
a claim they decided differently, and lists the claim under `[[disagreements]]`. Settling it
is one step (tui/review/changes.py): the reviewers' verdicts and the disagreement entry go, one
verdict by the adjudicator comes in. Undoing the step puts the reviewers' verdicts and the
disagreement back exactly as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from tui.review.changes import Step
from tui.verdicts.model import Anchor, Disagreement, Status, Verdict


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def combined_note(verdicts: Sequence[Verdict]) -> str:
    """The reviewers' notes kept for the adjudicator: one note as it is, several as
    "reviewer: note" lines (as `crosscheck merge` writes agreed notes)."""
    notes = [(v.reviewer, v.note.strip()) for v in verdicts if v.note.strip()]
    if len({note for _, note in notes}) <= 1:
        return notes[0][1] if notes else ""
    return "\n".join(f"{name}: {note}" for name, note in notes)


def settle(
    disagreement: Disagreement,
    reviewers: Sequence[Verdict],
    *,
    status: Status,
    anchor: Anchor,
    adjudicator: str,
    time: datetime,
    evidence: tuple[str, ...],
) -> Step:
    """The step that settles `disagreement` with the adjudicator's `status`.

    The new verdict keeps what the reviewers wrote (notes, sources) so nothing they found is
    lost, and carries the adjudicator as its reviewer."""
    ordered = tuple(sorted(reviewers, key=lambda v: v.reviewer))
    base = ordered[0] if ordered else None
    verdict = Verdict(
        anchor=anchor,
        status=status,
        decided_at=time,
        note=combined_note(ordered),
        sources=_unique([s for v in ordered for s in v.sources]),
        evidence=evidence or (base.evidence if base else ()),
        reviewer=adjudicator,
    )
    return Step(
        disagreement.claim,
        None,
        verdict,
        reviewers_before=ordered,
        disagreement_before=disagreement,
    )


def said(disagreement: Disagreement) -> str:
    """ "alice corroborated, bob disputed": who said what, for the inspector."""
    return ", ".join(f"{name} {status.value}" for name, status in disagreement.statuses)
