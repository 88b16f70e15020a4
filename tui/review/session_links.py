"""The session's changes to the reviewer's links, cuts and deferrals: link two claims as the
same fact, not the same fact or contradicting (a match or suggestion of the selected claim,
or any two claims), unlink, split a claim, join two units, defer.

Each is one `Change` (tui/review/changes.py), undone and redone like a verdict, saved with
its history entries. After each, the session's analysis follows (`SessionView.sync`): links
are applied again to the matches; a split or a join cuts the units again and matches the
article again, and the cursor moves to the unit that now stands where it was.

What goes with a cut: a verdict and the links on a unit that a split or a join removes were
decided on words that are no longer one claim; they leave the file in the same change (an
undo brings them back), and the history records them.
"""

from __future__ import annotations

from tui.claims.recut import CutError, cut_points, split_offsets, split_spans
from tui.claims.units import Unit
from tui.review.changes import Change, Step
from tui.review.links import Counterpart, counterparts, pair_of
from tui.review.session_view import Remedy, SessionView, TriageError
from tui.verdicts.model import (
    Correction,
    Link,
    LinkDisagreement,
    Relation,
    Status,
    Verdict,
    make_anchor,
)

_SAID = {
    Relation.SAME: "the same fact",
    Relation.DIFFERENT: "not the same fact",
    Relation.CONTRADICTS: "contradicting",
}


class LinkEdits(SessionView):
    """Links, cuts and deferrals; `Session` supplies `_commit` (undo, redo)."""

    def _commit(self, change: Change) -> Change:
        raise NotImplementedError

    # ---- reading links ----------------------------------------------------------------

    def links_of(self, claim_id: str) -> tuple[Link, ...]:
        """The links on the claim in the verdict set (placed ones; in a merged file every
        reviewer's), by the other claim's id."""
        orphaned = {o.decision for o in self._orphans}
        return tuple(k for k in self.verdict_set.links if claim_id in k.pair and k not in orphaned)

    def link_between(self, a: str, b: str) -> Link | None:
        """This reviewer's link on the pair (the only one, outside a merged file)."""
        mine = self.reviewer or self.verdict_set.reviewer
        found = [k for k in self.links_of(a) if k.other(a) == b]
        if self.merged:
            found = [k for k in found if k.reviewer == mine] or found
        return found[0] if found else None

    def counterparts(self, claim_id: str) -> tuple[Counterpart, ...]:
        """What the inspector lists for the claim: its matches and suggestions (best score
        first) with where each comes from and the reviewer's word on it, then the pairs
        the reviewer rejected."""
        return counterparts(self.analysis, claim_id)

    def _selected(self) -> Unit:
        claim = self.current
        if claim is None:
            raise TriageError("no claim selected")
        return claim

    def _known(self, claim_id: str) -> Unit:
        if claim_id not in self._position:
            raise TriageError(f"no claim {claim_id} in these articles")
        return self.analysis.claim(claim_id)

    # ---- changing links ---------------------------------------------------------------

    def begin_link(self) -> str:
        """Mark the selected claim as one end of a link to make (`finish_link`)."""
        self.link_from = self._selected().id
        return self.link_from

    def cancel_link(self) -> None:
        self.link_from = None

    def finish_link(self, relation: Relation, note: str = "") -> Change:
        """Link the marked claim (`begin_link`) and the selected one."""
        if self.link_from is None or self.link_from not in self._position:
            self.link_from = None
            raise TriageError("mark a claim first, then select the other")
        change = self.link(self.link_from, self._selected().id, relation, note)
        self.link_from = None
        return change

    def link(self, one: str, other: str, relation: Relation, note: str = "") -> Change:
        """Link any two claims (replacing the link the pair had)."""
        a, b = self._known(one), self._known(other)
        if a.id == b.id:
            raise TriageError("a claim cannot be linked to itself")
        new = Link.of(
            make_anchor(self.analysis.article(a.article), a),
            make_anchor(self.analysis.article(b.article), b),
            relation,
            self.clock(),
            self.reviewer or self.verdict_set.reviewer,
            note.strip(),
        )
        step = self._link_step(a.id, b.id, new)
        cursor = self.cursor or a.id
        return self._commit(Change("link", (step,), cursor))

    def unlink(self, other: str, one: str | None = None) -> Change:
        """Remove the link between the selected claim (or `one`) and `other`: the pair is
        the machine's again."""
        first = self._known(one) if one is not None else self._selected()
        step = self._link_step(first.id, self._known(other).id, None)
        return self._commit(Change("link", (step,), self.cursor or first.id))

    def _link_step(self, a: str, b: str, new: Link | None) -> Step:
        pair = pair_of(a, b)
        on_pair = tuple(k for k in self.links_of(a) if pair_of(*k.pair) == pair)
        disputed: LinkDisagreement | None = next(
            (d for d in self.verdict_set.link_disagreements if d.pair == pair), None
        )
        if new is None and not on_pair:
            raise TriageError("these claims are not linked")
        if (
            new is not None
            and disputed is None
            and len(on_pair) == 1
            and (on_pair[0].relation, on_pair[0].note) == (new.relation, new.note)
        ):
            raise TriageError(f"already linked as {_SAID[new.relation]}")
        return Step(
            pair[0],
            None,
            None,
            links_before=on_pair,
            links_after=(new,) if new is not None else (),
            link_disagreement_before=disputed,
        )

    # ---- later ------------------------------------------------------------------------

    def defer(self) -> Change:
        """Defer the selected claim for a second look ("later": not a verdict)."""
        claim = self._selected()
        if not self.is_claim(claim.id):
            raise TriageError("this unit is not a claim; make it one first", Remedy.MAKE_CLAIM)
        if claim.id in self._disagreements:
            raise TriageError("the reviewers disagree here: a verdict settles it", Remedy.DECIDE)
        old = self._verdicts.get(claim.id)
        if old is not None and old.status is Status.LATER:
            raise TriageError("this claim is already deferred")
        new = Verdict(
            anchor=make_anchor(self.analysis.article(claim.article), claim),
            status=Status.LATER,
            decided_at=self.clock(),
            note=old.note if old else "",
            sources=old.sources if old else (),
            evidence=tuple(
                sorted(m.b if m.a == claim.id else m.a for m in self.analysis.matches_of(claim.id))
            ),
            reviewer=self.reviewer if self.merged else "",
        )
        return self._commit(Change("verdict", (Step(claim.id, old, new),), claim.id))

    # ---- cuts -------------------------------------------------------------------------

    def cut_points(self) -> tuple[int, ...]:
        """Where the selected claim may be split: before each of its words but the first
        (offsets into its text)."""
        return cut_points(self._selected().text)

    def split(self, at: int) -> Change:
        """Split the selected unit `at` characters into its text: two claims."""
        unit = self._selected()
        article = self.analysis.article(unit.article)
        try:
            split_offsets(article.text, unit, at)
        except CutError as exc:
            raise TriageError(str(exc)) from None
        cut = Correction(make_anchor(article, unit), True, self.clock(), split_at=at)
        step = self._removing(unit, self._corrections.get(unit.id), cut)
        return self._commit(Change("split", (step,), unit.id))

    def join(self) -> Change:
        """Join the selected unit and the next one in its article into one claim; when the
        two are the halves of a split, the split is undone instead."""
        first = self._selected()
        units = self.analysis.claims_of(first.article)
        at = next(i for i, u in enumerate(units) if u.id == first.id)
        if at + 1 >= len(units):
            raise TriageError("this is the article's last unit: nothing follows to join")
        second = units[at + 1]
        article = self.analysis.article(first.article)
        undone = self._split_of(first, second)
        if undone is not None:
            steps: tuple[Step, ...] = (
                Step(undone.anchor.claim, None, None, undone, None),
                self._removing(first, None, None),
                self._removing(second, None, None, skip=first.id),
            )
            return self._commit(Change("join", steps, first.id))
        cut = Correction(
            make_anchor(article, first),
            True,
            self.clock(),
            join_with=make_anchor(article, second),
        )
        steps = (
            self._removing(first, self._corrections.get(first.id), cut),
            self._removing(second, self._corrections.get(second.id), None, skip=first.id),
        )
        return self._commit(Change("join", steps, first.id))

    def _split_of(self, first: Unit, second: Unit) -> Correction | None:
        """The split that made `first` and `second` its two halves, if one did."""
        text = self.analysis.article(first.article).text
        for c in self.verdict_set.corrections:
            a = c.anchor
            if c.split_at is None or a.article != first.article:
                continue
            try:
                halves = split_spans(text, a.start, a.end, c.split_at)
            except CutError:
                continue
            if halves == ((first.start, first.end), (second.start, second.end)):
                return c
        return None

    def _removing(
        self, unit: Unit, old: Correction | None, new: Correction | None, skip: str = ""
    ) -> Step:
        """The step that takes `unit` out of the file's decisions (a cut removes it): its
        verdict and its links go (a link to `skip` is left to the other unit's step), its
        correction becomes `new`."""
        if unit.id in self._disagreements:
            raise TriageError("the reviewers disagree on this claim: settle it first")
        links = tuple(k for k in self.links_of(unit.id) if skip not in k.pair)
        return Step(
            unit.id,
            self._verdicts.get(unit.id),
            None,
            old,
            new,
            links_before=links,
        )
