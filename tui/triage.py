"""The reviewer's session as plain logic: which claim is selected, what the filter lets
through, and every change to the verdicts as an undoable step. No textual here: the app
shows a Session and forwards key presses to it; tests drive it directly.

A change never mutates anything: it is a `Change` (per claim: verdict and correction before
and after) that `Session` applies to its VerdictSet. Undo applies the "before" side of the
last change to the *current* set, so decisions merged in from outside meanwhile survive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from tui.claims import Claim
from tui.history import HistoryEntry
from tui.verdicts import Correction, Status, Verdict, VerdictSet, make_anchor

if TYPE_CHECKING:  # the analysis module pulls in the matcher; the app loads it lazily
    from tui.analysis import Analysis
    from tui.matching import Match

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Filter(StrEnum):
    ALL = "all"
    UNTRIAGED = "untriaged"
    MATCHED = "matched"
    CONFLICTS = "conflicts"
    CORROBORATED = "corroborated"
    DISPUTED = "disputed"
    UNSOURCED = "unsourced"
    NOT_CLAIMS = "not claims"  # the units the machine (or the reviewer) set aside; K restores


FILTER_CYCLE: tuple[Filter, ...] = tuple(Filter)


@dataclass(frozen=True, slots=True)
class Step:
    """One claim's state before and after a change."""

    claim: str
    verdict_before: Verdict | None
    verdict_after: Verdict | None
    correction_before: Correction | None = None
    correction_after: Correction | None = None


@dataclass(frozen=True, slots=True)
class Change:
    action: str  # "verdict", "clear", "note", "cluster", "correction" (and "undo"/"redo")
    steps: tuple[Step, ...]
    cursor: str  # the claim selected when the change was made

    def inverse(self) -> Change:
        return Change(
            self.action,
            tuple(
                Step(
                    s.claim,
                    s.verdict_after,
                    s.verdict_before,
                    s.correction_after,
                    s.correction_before,
                )
                for s in self.steps
            ),
            self.cursor,
        )


class TriageError(Exception):
    """A request that cannot be carried out as asked; the message says why, for the reviewer."""


def other_end(match: Match, claim_id: str) -> str:
    return match.b if match.a == claim_id else match.a


def _anchor_key(claim: str, article: str, start: int) -> tuple[str, int, str]:
    return (article, start, claim)


def apply_steps(vs: VerdictSet, steps: Iterable[Step]) -> VerdictSet:
    """`vs` with each step's "after" state; verdicts and corrections stay in file order."""
    verdicts = {v.claim: v for v in vs.verdicts}
    corrections = {c.anchor.claim: c for c in vs.corrections}
    for s in steps:
        verdicts.pop(s.claim, None)
        if s.verdict_after is not None:
            verdicts[s.claim] = s.verdict_after
        if s.correction_before is not None or s.correction_after is not None:
            corrections.pop(s.claim, None)
            if s.correction_after is not None:
                corrections[s.claim] = s.correction_after

    def key(a: object) -> tuple[str, int, str]:
        anchor = a.anchor  # type: ignore[attr-defined]
        return _anchor_key(anchor.claim, anchor.article, anchor.start)

    return replace(
        vs,
        verdicts=tuple(sorted(verdicts.values(), key=key)),
        corrections=tuple(sorted(corrections.values(), key=key)),
    )


class Session:
    """The cursor, the filter and the verdicts of one reviewer over one analysis."""

    def __init__(
        self, analysis: Analysis, verdict_set: VerdictSet, *, clock: Clock = utc_now
    ) -> None:
        self.analysis = analysis
        self.clock = clock
        self.filter = Filter.ALL
        self.units: tuple[Claim, ...] = analysis.claims
        self._position = {c.id: i for i, c in enumerate(self.units)}
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self.verdict_set = verdict_set
        self.sync(verdict_set)
        self.cursor: str | None = None
        self.cursor = self.first()

    # ---- state ------------------------------------------------------------------------

    def sync(self, verdict_set: VerdictSet) -> None:
        """Take `verdict_set` as the truth (after a save, which may merge outside changes)."""
        self.verdict_set = verdict_set
        self._verdicts = {v.claim: v for v in verdict_set.verdicts if v.claim in self._position}
        self._corrections = {
            c.anchor.claim: c for c in verdict_set.corrections if c.anchor.claim in self._position
        }

    def verdict(self, claim_id: str) -> Verdict | None:
        return self._verdicts.get(claim_id)

    def correction(self, claim_id: str) -> Correction | None:
        return self._corrections.get(claim_id)

    def is_claim(self, claim_id: str) -> bool:
        """The reviewer's correction if there is one, else the machine's kind."""
        correction = self._corrections.get(claim_id)
        if correction is not None:
            return correction.is_claim
        return self.analysis.claim(claim_id).is_claim

    @property
    def current(self) -> Claim | None:
        return None if self.cursor is None else self.analysis.claim(self.cursor)

    def claims(self) -> Iterator[Claim]:
        """Every unit that is a claim now (corrections applied), in reading order."""
        return (c for c in self.units if self.is_claim(c.id))

    def passes(self, claim_id: str, filter_: Filter | None = None) -> bool:
        f = self.filter if filter_ is None else filter_
        if f is Filter.NOT_CLAIMS:
            return not self.is_claim(claim_id)
        if not self.is_claim(claim_id):
            return False
        verdict = self._verdicts.get(claim_id)
        if f is Filter.ALL:
            return True
        if f is Filter.UNTRIAGED:
            return verdict is None
        if f is Filter.MATCHED:
            return any(m.tier == "match" for m in self.analysis.matches_of(claim_id))
        if f is Filter.CONFLICTS:
            return any(m.conflicts for m in self.analysis.matches_of(claim_id))
        return verdict is not None and verdict.status == f.value

    def visible(self) -> list[str]:
        return [c.id for c in self.units if self.passes(c.id)]

    def progress(self, article_id: str | None = None) -> tuple[int, int]:
        """(triaged, claims) over the corpus, or over one article."""
        units = self.units if article_id is None else self.analysis.claims_of(article_id)
        ids = [c.id for c in units if self.is_claim(c.id)]
        return sum(1 for i in ids if i in self._verdicts), len(ids)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    # ---- navigation -------------------------------------------------------------------

    def _scan(self, start: int, step: int, wrap: bool, test: Callable[[str], bool]) -> str | None:
        n = len(self.units)
        for k in range(n):
            i = start + step * k
            if wrap:
                i %= n
            elif not 0 <= i < n:
                return None
            if test(self.units[i].id):
                return self.units[i].id
        return None

    def _here(self) -> int:
        return -1 if self.cursor is None else self._position[self.cursor]

    def first(self) -> str | None:
        return self._scan(0, 1, False, self.passes)

    def last(self) -> str | None:
        return self._scan(len(self.units) - 1, -1, False, self.passes)

    def following(self, step: int, *, untriaged: bool = False, wrap: bool = False) -> str | None:
        """The next (step=1) or previous (step=-1) claim in the filter after the cursor."""

        def test(cid: str) -> bool:
            return self.passes(cid) and (not untriaged or cid not in self._verdicts)

        here = self._here()
        if here < 0:
            return self.first() if step > 0 else self.last()
        return self._scan(here + step, step, wrap, test)

    def move_to(self, claim_id: str | None) -> bool:
        """Select `claim_id` (ignored when None or unknown); True when the cursor moved."""
        if claim_id is None or claim_id not in self._position or claim_id == self.cursor:
            return False
        self.cursor = claim_id
        return True

    def set_filter(self, filter_: Filter) -> None:
        """Change the filter; the cursor moves to the nearest claim it lets through."""
        self.filter = filter_
        if self.cursor is not None and self.passes(self.cursor):
            return
        self.move_to(self.following(1) or self.following(-1) or self.first())

    def cycle_filter(self) -> Filter:
        i = FILTER_CYCLE.index(self.filter)
        self.set_filter(FILTER_CYCLE[(i + 1) % len(FILTER_CYCLE)])
        return self.filter

    def article_start(self, article_id: str) -> str | None:
        """The first claim in the filter in `article_id` (None when it has none)."""
        for c in self.analysis.claims_of(article_id):
            if self.passes(c.id):
                return c.id
        return None

    def search(self, query: str, *, after: str | None = None, step: int = 1) -> str | None:
        """The first claim in the filter containing `query` (case-insensitive), from the
        cursor (inclusive) or strictly after `after`, wrapping round; None if none does."""
        needle = query.casefold().strip()
        if not needle or not self.units:
            return None

        def test(cid: str) -> bool:
            return self.passes(cid) and needle in self.analysis.claim(cid).text.casefold()

        if after is not None:
            return self._scan(self._position[after] + step, step, True, test)
        return self._scan(max(self._here(), 0), step, True, test)

    # ---- changes ----------------------------------------------------------------------

    def _require_cursor(self) -> Claim:
        claim = self.current
        if claim is None:
            raise TriageError("no claim selected")
        return claim

    def evidence(self, claim_id: str) -> tuple[str, ...]:
        return tuple(sorted(other_end(m, claim_id) for m in self.analysis.matches_of(claim_id)))

    def _new_verdict(self, claim: Claim, status: Status, old: Verdict | None) -> Verdict:
        article = self.analysis.article(claim.article)
        return Verdict(
            anchor=make_anchor(article, claim),
            status=status,
            decided_at=self.clock(),
            note=old.note if old else "",
            sources=old.sources if old else (),
            evidence=self.evidence(claim.id),
        )

    def _commit(self, change: Change) -> Change:
        self.sync(apply_steps(self.verdict_set, change.steps))
        self._undo.append(change)
        self._redo.clear()
        return change

    def mark(self, status: Status) -> Change:
        claim = self._require_cursor()
        if not self.is_claim(claim.id):
            raise TriageError("this unit is not a claim; press K to make it one first")
        old = self._verdicts.get(claim.id)
        new = self._new_verdict(claim, status, old)
        return self._commit(Change("verdict", (Step(claim.id, old, new),), claim.id))

    def clear(self) -> Change:
        claim = self._require_cursor()
        old = self._verdicts.get(claim.id)
        if old is None:
            raise TriageError("this claim has no verdict to clear")
        return self._commit(Change("clear", (Step(claim.id, old, None),), claim.id))

    def set_note(self, note: str, sources: Iterable[str]) -> Change | None:
        """Replace the note and sources of the selected claim's verdict; None if unchanged."""
        claim = self._require_cursor()
        old = self._verdicts.get(claim.id)
        if old is None:
            raise TriageError("mark the claim first (c, d or u), then add a note")
        cleaned = tuple(s.strip() for s in sources if s.strip())
        note = note.strip()
        if note == old.note and cleaned == old.sources:
            return None
        new = replace(old, note=note, sources=cleaned, decided_at=self.clock())
        return self._commit(Change("note", (Step(claim.id, old, new),), claim.id))

    def group(self, claim_id: str) -> tuple[str, ...]:
        """The claim's cluster, or (without one) the claim and its `match`-tier matches,
        restricted to claims the filter lets through; the claim itself always first."""
        cluster = self.analysis.cluster_of(claim_id)
        if cluster is not None:
            members = set(cluster.claims)
        else:
            members = {
                other_end(m, claim_id)
                for m in self.analysis.matches_of(claim_id)
                if m.tier == "match"
            }
        members.discard(claim_id)
        others = sorted(
            (cid for cid in members if cid in self._position and self.passes(cid)),
            key=self._position.__getitem__,
        )
        return (claim_id, *others)

    def cluster_targets(self) -> tuple[str, ...]:
        """The claims `apply_to_cluster` would change (not the selected one itself)."""
        claim = self._require_cursor()
        source = self._verdicts.get(claim.id)
        if source is None:
            raise TriageError("mark the claim first; m gives its whole cluster that verdict")
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
        steps = []
        for cid in targets:
            old = self._verdicts.get(cid)
            steps.append(Step(cid, old, self._new_verdict(self.analysis.claim(cid), status, old)))
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


_HISTORY_ACTION = {"clear": "verdict"}


def history_of(change: Change, reviewer: str, time: datetime) -> tuple[HistoryEntry, ...]:
    """The history file's account of a change: one entry per claim it touched."""
    entries = []
    for s in change.steps:
        before, after = s.verdict_before, s.verdict_after
        old_note, new_note = (before.note if before else ""), (after.note if after else "")
        old_src, new_src = (before.sources if before else ()), (after.sources if after else ())
        is_correction = s.correction_before is not None or s.correction_after is not None
        is_claim = None
        if is_correction:
            is_claim = (
                s.correction_after.is_claim
                if s.correction_after is not None
                else not s.correction_before.is_claim  # type: ignore[union-attr]
            )
        article = next(
            (
                x.anchor.article
                for x in (after, before, s.correction_after, s.correction_before)
                if x is not None
            ),
            s.claim.split(":", 1)[0],
        )
        entries.append(
            HistoryEntry(
                time=time,
                reviewer=reviewer,
                claim=s.claim,
                article=article,
                old_status=before.status if before else None,
                new_status=after.status if after else None,
                note_change=(old_note, new_note) if old_note != new_note else None,
                action="correction"
                if is_correction
                else _HISTORY_ACTION.get(change.action, change.action),
                sources_change=(old_src, new_src) if old_src != new_src else None,
                is_claim=is_claim,
            )
        )
    return tuple(entries)
