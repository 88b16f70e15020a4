"""What the link keys do: confirm, reject or contradict a match, link two claims, unlink,
split, join, defer. Like the Triage controller (tui/app/screens/triage.py), whose shared
steps it uses, it holds no logic of its own: the Session decides
(tui/review/session_links.py), the Host saves, the Board paints.

A match is named by the inspector's list (the highlighted one). A link between two claims
the machine did not pair is made in two steps: the link key marks the selected claim; the
reviewer selects the other (search, the right pane, any move) and presses the link key
again, then says how the two relate; confirm, reject or contradicts finish it at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from tui.app.screens.triage import Board
from tui.verdicts.model import Relation

if TYPE_CHECKING:
    from tui.app.screens.triage import Triage
    from tui.review.changes import Change

SAID = {
    Relation.SAME: "the same fact",
    Relation.DIFFERENT: "not the same fact",
    Relation.CONTRADICTS: "the same fact, contradicting",
}


class LinkBoard(Board, Protocol):
    def highlighted_match(self) -> str | None:
        """The claim highlighted in the inspector's list of matches, if it lists any."""


class Linking:
    def __init__(self, triage: Triage, board: LinkBoard) -> None:
        self.triage, self.board = triage, board

    @property
    def pending(self) -> str | None:
        """The claim marked to be linked, while it is not the selected one."""
        s = self.triage.session
        mark = s.link_from
        return mark if mark is not None and mark != s.cursor else None

    def _do(self, make: Callable[[], Change], then_next: bool = False) -> bool:
        """Make the change (saved, painted); whether it went through (a refusal is said)."""
        from tui.review.session import TriageError

        try:
            change = make()
        except TriageError as exc:
            self.triage.refused(exc)
            return False
        self.triage.record(change, then_next)
        return True

    def defer(self) -> None:
        self._do(self.triage.session.defer, then_next=True)

    def relate(self, relation: Relation) -> None:
        """confirm / reject / contradicts: finish a pending link, else judge the highlighted
        match of the selected claim."""
        t, s = self.triage, self.triage.session
        current = s.current
        if current is None:
            return
        if self.pending is not None:
            if self._do(lambda: s.finish_link(relation)):
                t.say(f"Linked: {SAID[relation]}.")
            return
        other = self.board.highlighted_match()
        if other is None:
            t.say(
                f"No match to judge: this claim has none ({t.host.key('link_claims')} links "
                "it to any claim).",
                timeout=3,
            )
            return
        if self._do(lambda: s.link(current.id, other, relation)):
            t.say(f"Linked: {SAID[relation]}.")

    def link(self) -> None:
        """Mark the selected claim; on another claim, ask how the two relate."""
        from tui.app.screens.relation import RelationScreen

        t, s = self.triage, self.triage.session
        current = s.current
        if current is None:
            return
        if s.link_from == current.id:
            s.cancel_link()
            t.say("Link cancelled.")
            self.board.paint(follow=False)
            return
        if self.pending is None:
            s.begin_link()
            t.say(
                f"Marked for a link. Select the other claim ({t.host.key('search')} searches) "
                f"and press {t.host.key('link_claims')} again.",
                timeout=5,
            )
            self.board.paint(follow=False)
            return
        marked = s.analysis.claim(self.pending)

        def answered(relation: Relation | None) -> None:
            if relation is not None and s.link_from == marked.id:
                s.move_to(current.id)
                self.relate(relation)

        self.board.ask(
            RelationScreen(marked.text, current.text, t.host.keymap),
            answered,
        )

    def unlink(self) -> None:
        """Remove the reviewer's link between the pending mark (or the highlighted match) and
        the selected claim."""
        t, s = self.triage, self.triage.session
        if s.current is None:
            return
        pending = self.pending
        if pending is not None:
            if self._do(lambda: s.unlink(pending)):
                s.cancel_link()
                self.board.paint(follow=False)
            return
        other = self.board.highlighted_match()
        if other is None:
            t.say("No match highlighted to unlink.")
            return
        self._do(lambda: s.unlink(other))

    def split(self) -> None:
        from tui.app.screens.split import SplitScreen
        from tui.review.session import TriageError

        t, s = self.triage, self.triage.session
        claim = s.current
        if claim is None:
            return
        try:
            points = s.cut_points()
        except TriageError as exc:
            t.refused(exc)
            return
        if not points:
            t.say("One word: nothing to split.")
            return

        def chosen(at: int | None) -> None:
            if at is not None and s.analysis.has_claim(claim.id):
                s.move_to(claim.id)
                self._do(lambda: s.split(at))

        self.board.ask(SplitScreen(claim.text, points, t.host.keymap), chosen)

    def join(self) -> None:
        self._do(self.triage.session.join)
