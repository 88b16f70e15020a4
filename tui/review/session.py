"""The reviewer's session as plain logic: every change to the verdicts as an undoable step.
No textual here: the app shows a Session and forwards key presses to it; tests drive it.

The read side (cursor, filters, navigation) is `SessionView` (tui/review/session_view.py). Changes
are `Change`s (tui/review/changes.py) that the session applies to its VerdictSet; undo applies the
inverse of the last one to the *current* set, so decisions merged in from outside meanwhile
survive. Beyond one reviewer's triage the session also holds the file's orphans
(tui/review/orphans.py) and, in a merged file, its disagreements, which the adjudicator
settles with the usual keys (tui/review/adjudication.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tui.claims.units import Unit
from tui.review.changes import Change, Step, apply_steps, history_of
from tui.review.session_links import LinkEdits
from tui.review.session_view import (
    FILTER_CYCLE,
    Filter,
    Remedy,
    TriageError,
    other_end,
    utc_now,
)
from tui.verdicts.model import Correction, Link, Status, Verdict, make_anchor

if TYPE_CHECKING:
    from tui.review.orphans import OrphanItem

__all__ = [
    "FILTER_CYCLE",
    "Change",
    "Filter",
    "Remedy",
    "Session",
    "Step",
    "TriageError",
    "apply_steps",
    "history_of",
    "other_end",
    "utc_now",
]


class Session(LinkEdits):
    """A SessionView that can change the verdicts, links and cuts (`LinkEdits`), with undo
    and redo across the session."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._undo: list[Change] = []
        self._redo: list[Change] = []

    # ---- changes ----------------------------------------------------------------------

    def _require_cursor(self) -> Unit:
        claim = self.current
        if claim is None:
            raise TriageError("no claim selected")
        return claim

    def evidence(self, claim_id: str) -> tuple[str, ...]:
        return tuple(sorted(other_end(m, claim_id) for m in self.analysis.matches_of(claim_id)))

    def _new_verdict(self, claim: Unit, status: Status, old: Verdict | None) -> Verdict:
        article = self.analysis.article(claim.article)
        return Verdict(
            anchor=make_anchor(article, claim),
            status=status,
            decided_at=self.clock(),
            note=old.note if old else "",
            sources=old.sources if old else (),
            evidence=self.evidence(claim.id),
            reviewer=self.reviewer if self.merged else "",
        )

    def _decide(self, claim: Unit, status: Status) -> Step:
        """The step giving `claim` the verdict `status` (settling a disagreement on it)."""
        disagreement = self._disagreements.get(claim.id)
        if disagreement is None:
            old = self._verdicts.get(claim.id)
            return Step(claim.id, old, self._new_verdict(claim, status, old))
        from tui.review.adjudication import settle

        return settle(
            disagreement,
            self._contested.get(claim.id, ()),
            status=status,
            anchor=make_anchor(self.analysis.article(claim.article), claim),
            adjudicator=self.reviewer or self.verdict_set.reviewer,
            time=self.clock(),
            evidence=self.evidence(claim.id),
        )

    def _commit(self, change: Change) -> Change:
        self.sync(apply_steps(self.verdict_set, change.steps))
        self._undo.append(change)
        self._redo.clear()
        return change

    def mark(self, status: Status) -> Change:
        if status is Status.LATER:
            return self.defer()
        claim = self._require_cursor()
        if not self.is_claim(claim.id):
            raise TriageError("this unit is not a claim; make it one first", Remedy.MAKE_CLAIM)
        step = self._decide(claim, status)
        action = "verdict" if step.disagreement_before is None else "adjudicate"
        return self._commit(Change(action, (step,), claim.id))

    def clear(self) -> Change:
        claim = self._require_cursor()
        old = self._verdicts.get(claim.id)
        if old is None and claim.id in self._disagreements:
            raise TriageError("the reviewers disagree here: a verdict settles it", Remedy.DECIDE)
        if old is None:
            raise TriageError("this claim has no verdict to clear")
        return self._commit(Change("clear", (Step(claim.id, old, None),), claim.id))

    def set_note(self, note: str, sources: Iterable[str]) -> Change | None:
        """Replace the note and sources of the selected claim's verdict; None if unchanged."""
        claim = self._require_cursor()
        old = self._verdicts.get(claim.id)
        if old is None:
            raise TriageError("mark the claim first, then add a note", Remedy.DECIDE)
        cleaned = tuple(s.strip() for s in sources if s.strip())
        note = note.strip()
        if note == old.note and cleaned == old.sources:
            return None
        new = replace(old, note=note, sources=cleaned, decided_at=self.clock())
        return self._commit(Change("note", (Step(claim.id, old, new),), claim.id))

    def cluster_targets(self) -> tuple[str, ...]:
        """The claims `apply_to_cluster` would change (not the selected one itself)."""
        claim = self._require_cursor()
        source = self._verdicts.get(claim.id)
        if source is None or not source.status.is_verdict:
            raise TriageError(
                "mark the claim first; its whole cluster can then take that verdict", Remedy.DECIDE
            )
        return tuple(
            cid
            for cid in self.group(claim.id)[1:]
            if (v := self._verdicts.get(cid)) is None or v.status != source.status
        )

    def apply_to_cluster(self) -> Change:
        claim = self._require_cursor()
        targets = self.cluster_targets()
        if not targets:
            raise TriageError("every claim of this cluster already has this verdict")
        status = self._verdicts[claim.id].status
        steps = [self._decide(self.analysis.claim(cid), status) for cid in targets]
        return self._commit(Change("cluster", tuple(steps), claim.id))

    def toggle_claim(self) -> Change:
        """K: the selected unit becomes not-a-claim (its verdict goes), or a claim again."""
        unit = self._require_cursor()
        old_correction = self._corrections.get(unit.id)
        if old_correction is not None:
            new_correction = None  # back to what the machine said, which is the opposite
        else:
            new_correction = Correction(
                anchor=make_anchor(self.analysis.article(unit.article), unit),
                is_claim=not unit.is_claim,
                decided_at=self.clock(),
            )
        becomes_claim = not self.is_claim(unit.id)
        old_verdict = self._verdicts.get(unit.id)
        new_verdict = old_verdict if becomes_claim else None
        step = Step(unit.id, old_verdict, new_verdict, old_correction, new_correction)
        return self._commit(Change("correction", (step,), unit.id))

    def undo(self) -> Change | None:
        if not self._undo:
            return None
        change = self._undo.pop()
        self.sync(apply_steps(self.verdict_set, change.inverse().steps))
        self._redo.append(change)
        self.move_to(change.cursor)
        return change.inverse()

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        self.sync(apply_steps(self.verdict_set, change.steps))
        self._undo.append(change)
        self.move_to(change.cursor)
        return change

    # ---- orphans ----------------------------------------------------------------------

    def reattach(self, item: OrphanItem) -> Change:
        """Move an orphaned decision onto its best candidate claim."""
        from tui.review.orphans import reattach_change

        if item not in self.orphans():
            raise TriageError("this orphan is no longer in the file")
        if item.candidate is None or item.candidate not in self._position:
            raise TriageError("no candidate to re-attach to: discard it, or decide afresh")
        if item.is_link:
            return self._reattach_link(item)
        if isinstance(item.decision, Correction) and item.decision.cuts:
            raise TriageError("a split or a join is not moved: discard it, and cut afresh")
        claim = self.analysis.claim(item.candidate)
        if item.is_verdict:
            existing: Verdict | Correction | None = self._verdicts.get(claim.id)
            if existing is not None or claim.id in self._disagreements:
                raise TriageError("the candidate already has a verdict: discard one of them")
            if not self.is_claim(claim.id):
                raise TriageError("the candidate is not a claim now", Remedy.MAKE_CLAIM)
        else:
            existing = self._corrections.get(claim.id)
            if existing is not None:
                raise TriageError("the candidate already has a correction: discard one")
        article = self.analysis.article(claim.article)
        change = reattach_change(item, claim, article, None, self.cursor or claim.id)
        self.move_to(claim.id)
        return self._commit(change)

    def _reattach_link(self, item: OrphanItem) -> Change:
        from tui.review.links import pair_of
        from tui.review.orphans import reattach_link_change

        link = item.decision
        assert isinstance(link, Link) and item.candidate is not None
        if item.candidate_b is None or item.candidate_b not in self._position:
            raise TriageError("no candidate for the link's other claim: discard it")
        if item.candidate_b == item.candidate:
            raise TriageError("both ends would be one claim: discard it")
        a, b = self.analysis.claim(item.candidate), self.analysis.claim(item.candidate_b)
        if any(pair_of(*k.pair) == pair_of(a.id, b.id) for k in self.links_of(a.id)):
            raise TriageError("the candidates are already linked: discard one of the links")
        moved = Link.of(
            make_anchor(self.analysis.article(a.article), a),
            make_anchor(self.analysis.article(b.article), b),
            link.relation,
            link.decided_at,
            link.reviewer,
            link.note,
        )
        self.move_to(a.id)
        return self._commit(reattach_link_change(item, moved, self.cursor or a.id))

    def discard(self, item: OrphanItem) -> Change:
        """Remove an orphaned decision from the file (undo brings it back)."""
        from tui.review.orphans import discard_change

        if item not in self.orphans():
            raise TriageError("this orphan is no longer in the file")
        return self._commit(discard_change(item, self.cursor or item.claim))
