"""Orphans: decisions that re-anchoring could not place on the articles' current text.

An orphan stays in the verdict file untouched until the reviewer acts on it: re-attach it to
the best candidate re-anchoring found (`tui.verdicts.anchoring.reattach`), or discard it.
Each action is a Change (tui/review/changes.py), saved like any other and undoable.

Verdicts, corrections (a unit's kind, splits and joins) and links can all be orphans. A link
has a candidate for each end; it is re-attached only when both have one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from tui.claims.units import Unit
from tui.corpus.articles import Article
from tui.review.changes import Change, Step
from tui.verdicts.anchoring import Orphan, OrphanCorrection, reattach
from tui.verdicts.link_anchoring import OrphanLink
from tui.verdicts.model import Correction, CorrectionKind, Link, Verdict, make_anchor

_CUT_WORDS = {CorrectionKind.SPLIT: "split in two", CorrectionKind.JOIN: "joined with the next"}


@dataclass(frozen=True, slots=True)
class OrphanItem:
    """One orphaned decision, with the best candidate unit seen when re-anchoring (for a
    link, `candidate` is for its end `a` and `candidate_b` for its end `b`)."""

    decision: Verdict | Correction | Link
    candidate: str | None  # claim id of the best candidate, None when there is none
    score: float  # quote similarity 0-100 of the candidate
    candidate_b: str | None = None

    @property
    def is_verdict(self) -> bool:
        return isinstance(self.decision, Verdict)

    @property
    def is_link(self) -> bool:
        return isinstance(self.decision, Link)

    @property
    def claim(self) -> str:
        """The claim id the decision was made on (which no longer exists as it was); for a
        link, its claim `a`."""
        d = self.decision
        return d.a.claim if isinstance(d, Link) else d.anchor.claim

    @property
    def text(self) -> str:
        d = self.decision
        return d.a.text if isinstance(d, Link) else d.anchor.text

    @property
    def decided_on(self) -> str:
        """The words the decision was made on (a verdict may have been moved since)."""
        d = self.decision
        if isinstance(d, Verdict):
            return d.decided_on
        return d.a.text if isinstance(d, Link) else d.anchor.text

    @property
    def status(self) -> str:
        """What was decided: a verdict's status, a correction's kind, a link's relation."""
        d = self.decision
        if isinstance(d, Verdict):
            return d.status.value
        if isinstance(d, Link):
            return f"linked: {d.relation.value}"
        if d.cuts:
            return _CUT_WORDS[d.kind]
        return "a claim" if d.is_claim else "not a claim"


def orphan_items(
    orphans: Iterable[Orphan],
    corrections: Iterable[OrphanCorrection] = (),
    links: Iterable[OrphanLink] = (),
) -> tuple[OrphanItem, ...]:
    items = [OrphanItem(o.verdict, o.candidate_claim_id, o.candidate_score) for o in orphans]
    items += [
        OrphanItem(c.correction, c.candidate_claim_id, c.candidate_score) for c in corrections
    ]
    items += [OrphanItem(k.link, k.candidate_a, k.score, k.candidate_b) for k in links]
    return tuple(items)


def reattach_change(
    item: OrphanItem,
    claim: Unit,
    article: Article,
    existing: Verdict | Correction | None,
    cursor: str,
) -> Change:
    """Move the orphan onto `claim`: the old decision goes, the moved one comes in."""
    d = item.decision
    assert not isinstance(d, Link), "a link moves with reattach_link_change"
    if isinstance(d, Verdict):
        moved: Verdict | Correction = reattach(d, claim, article)
        remove = Step(item.claim, d, None)
        add = Step(claim.id, existing, moved)  # type: ignore[arg-type]
    else:
        moved = replace(d, anchor=make_anchor(article, claim))
        remove = Step(item.claim, None, None, d, None)
        add = Step(claim.id, None, None, existing, moved)  # type: ignore[arg-type]
    return Change("reattach", (remove, add), cursor)


def reattach_link_change(item: OrphanItem, moved: Link, cursor: str) -> Change:
    """Move the orphaned link onto its candidates (`moved`: anchored there)."""
    assert isinstance(item.decision, Link)
    return Change(
        "reattach",
        (Step(item.claim, None, None, links_before=(item.decision,), links_after=(moved,)),),
        cursor,
    )


def discard_change(item: OrphanItem, cursor: str) -> Change:
    d = item.decision
    if isinstance(d, Link):
        return Change("discard", (Step(item.claim, None, None, links_before=(d,)),), cursor)
    if isinstance(d, Verdict):
        return Change("discard", (Step(item.claim, d, None),), cursor)
    return Change("discard", (Step(item.claim, None, None, d, None),), cursor)
