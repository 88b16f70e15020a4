"""Changes to a verdict set as undoable steps, and their account for the history file.

A change never mutates anything: it is a `Change` (per claim: what the file held for it
before and after) that the session applies to its VerdictSet with `apply_steps`. Undo
applies the "before" side of a change to the *current* set, so decisions merged in from
outside meanwhile survive.

A claim's state in the file is its verdict, its correction and, in a merged file, the other
reviewers' verdicts on it and its `[[disagreements]]` entry; each has a before and an after.
Verdicts are keyed by (claim, reviewer), so a merged file's several verdicts on one claim
are kept apart and a step only touches the ones it names. A step may also carry the links
it removes and adds (keyed by pair, and reviewer in a merged file) and a pair's
`[[link_disagreements]]` entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from tui.verdicts.history import HistoryEntry
from tui.verdicts.model import (
    Correction,
    Disagreement,
    Link,
    LinkDisagreement,
    Relation,
    Status,
    Verdict,
    VerdictSet,
    link_key,
)


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
    # links this step removes and adds, and a pair's link disagreement (merged files)
    links_before: tuple[Link, ...] = ()
    links_after: tuple[Link, ...] = ()
    link_disagreement_before: LinkDisagreement | None = None
    link_disagreement_after: LinkDisagreement | None = None

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
            self.links_after,
            self.links_before,
            self.link_disagreement_after,
            self.link_disagreement_before,
        )

    @property
    def touches_links(self) -> bool:
        return bool(
            self.links_before
            or self.links_after
            or self.link_disagreement_before
            or self.link_disagreement_after
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
    links = {link_key(k, vs.merged): k for k in vs.links}
    link_disagreements = {d.pair: d for d in vs.link_disagreements}
    for s in steps:
        for k in s.links_before:
            links.pop(link_key(k, vs.merged), None)
        for k in s.links_after:
            links[link_key(k, vs.merged)] = k
        for d in (s.link_disagreement_before, s.link_disagreement_after):
            if d is not None:
                link_disagreements.pop(d.pair, None)
        if s.link_disagreement_after is not None:
            link_disagreements[s.link_disagreement_after.pair] = s.link_disagreement_after
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
        links=tuple(sorted(links.values(), key=lambda k: (k.a.claim, k.b.claim, k.reviewer))),
        link_disagreements=tuple(sorted(link_disagreements.values(), key=lambda d: d.pair)),
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
    """The history file's account of a change: one entry per claim it touched, and one per
    pair of claims whose link it made, changed or removed."""
    entries = []
    for s in change.steps:
        if s.touches_links:
            entries.extend(_link_entries(change, s, reviewer, time))
        decided = (
            s.verdict_before,
            s.verdict_after,
            s.correction_before,
            s.correction_after,
            s.disagreement_before,
            s.disagreement_after,
        )
        if s.touches_links and all(x is None for x in decided) and not s.reviewers_before:
            continue
        entries.append(_claim_entry(change, s, reviewer, time))
    return tuple(entries)


def _claim_entry(change: Change, s: Step, reviewer: str, time: datetime) -> HistoryEntry:
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
    cut = next((c for c in (s.correction_after, s.correction_before) if c and c.cuts), None)
    is_claim = None
    if is_correction and cut is None:
        is_claim = (
            s.correction_after.is_claim
            if s.correction_after is not None
            else not s.correction_before.is_claim  # type: ignore[union-attr]
        )
    action = _HISTORY_ACTION.get(change.action, change.action)
    if is_correction and change.action not in ("reattach", "discard", "split", "join"):
        action = "correction"
    return HistoryEntry(
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
        split_at=cut.split_at if cut is not None else None,
        join_with=cut.join_with.claim if cut is not None and cut.join_with else "",
        undone=cut is not None and s.correction_after is not cut,
    )


def _link_entries(change: Change, s: Step, reviewer: str, time: datetime) -> list[HistoryEntry]:
    before = {k.pair: k for k in s.links_before}
    after = {k.pair: k for k in s.links_after}
    disagreement = s.link_disagreement_before or s.link_disagreement_after
    action = _HISTORY_ACTION.get(change.action, change.action)
    out = []
    for pair in sorted(set(before) | set(after)):
        old, new = before.get(pair), after.get(pair)
        some = new or old
        assert some is not None
        old_relation: Relation | None = old.relation if old else None
        settled = disagreement.relations if disagreement and disagreement.pair == pair else ()
        out.append(
            HistoryEntry(
                time=time,
                reviewer=reviewer,
                claim=pair[0],
                article=some.a.article,
                action=action,
                note_change=(old.note if old else "", new.note if new else "")
                if (old.note if old else "") != (new.note if new else "")
                else None,
                other=pair[1],
                relation_change=(old_relation, new.relation if new else None),
                settled_links=settled,
            )
        )
    return out
