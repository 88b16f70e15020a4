"""Orphans: decisions that re-anchoring could not place on the articles' current text.

An orphan stays in the verdict file untouched until the reviewer acts on it: re-attach it to
the best candidate re-anchoring found (`tui.verdicts.anchoring.reattach`), or discard it.
Each action is a Change (tui/review/changes.py), saved like any other and undoable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from tui.claims.units import Claim
from tui.corpus.articles import Article
from tui.review.changes import Change, Step
from tui.verdicts.anchoring import Orphan, OrphanCorrection, reattach
from tui.verdicts.model import Correction, Verdict, make_anchor


@dataclass(frozen=True, slots=True)
class OrphanItem:
    """One orphaned decision, with the best candidate unit seen when re-anchoring."""

    decision: Verdict | Correction
    candidate: str | None  # claim id of the best candidate, None when there is none
    score: float  # quote similarity 0-100 of the candidate

    @property
    def is_verdict(self) -> bool:
        return isinstance(self.decision, Verdict)

    @property
    def claim(self) -> str:
        """The claim id the decision was made on (which no longer exists as it was)."""
        return self.decision.anchor.claim

    @property
    def text(self) -> str:
        return self.decision.anchor.text

    @property
    def decided_on(self) -> str:
        """The words the decision was made on (a verdict may have been moved since)."""
        d = self.decision
        return d.decided_on if isinstance(d, Verdict) else d.anchor.text

    @property
    def status(self) -> str:
        """What was decided: a verdict's status, or a correction's kind."""
        d = self.decision
        if isinstance(d, Verdict):
            return d.status.value
        return "a claim" if d.is_claim else "not a claim"


def orphan_items(
    orphans: Iterable[Orphan], corrections: Iterable[OrphanCorrection] = ()
) -> tuple[OrphanItem, ...]:
    items = [OrphanItem(o.verdict, o.candidate_claim_id, o.candidate_score) for o in orphans]
    items += [
        OrphanItem(c.correction, c.candidate_claim_id, c.candidate_score) for c in corrections
    ]
    return tuple(items)


def reattach_change(
    item: OrphanItem,
    claim: Claim,
    article: Article,
    existing: Verdict | Correction | None,
    cursor: str,
) -> Change:
    """Move the orphan onto `claim`: the old decision goes, the moved one comes in."""
    d = item.decision
    if isinstance(d, Verdict):
        moved: Verdict | Correction = reattach(d, claim, article)
        remove = Step(item.claim, d, None)
        add = Step(claim.id, existing, moved)  # type: ignore[arg-type]
    else:
        moved = replace(d, anchor=make_anchor(article, claim))
        remove = Step(item.claim, None, None, d, None)
        add = Step(claim.id, None, None, existing, moved)  # type: ignore[arg-type]
    return Change("reattach", (remove, add), cursor)


def discard_change(item: OrphanItem, cursor: str) -> Change:
    d = item.decision
    if isinstance(d, Verdict):
        return Change("discard", (Step(item.claim, d, None),), cursor)
    return Change("discard", (Step(item.claim, None, None, d, None),), cursor)
