"""The cursor in the right pane: with the right pane focused, j/k (or a click there) select
a claim of the compared article where it is, instead of swapping the articles.

While it is there, the left pane keeps its article (`hold_left`) and marks the counterparts
of the claim selected on the right; every decision key acts on that claim. A move that
starts from the left pane's walk (n, g, a filter, tab back to the left) first returns the
cursor to the claim the left pane had selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app.screens.triage import Triage


class RightCursor:
    def __init__(self, triage: Triage) -> None:
        self.triage = triage
        self.hold_left: str | None = None  # the left pane's article while the cursor is right
        self._left_cursor: str | None = None  # the claim the left pane had selected

    def settle(self) -> str | None:
        """Before a repaint: the article the left pane holds, or None once the cursor is
        back in that article (or nowhere)."""
        current = self.triage.session.current
        if current is None or current.article == self.hold_left:
            self.hold_left = None
        return self.hold_left

    def step(self, left_article: str | None, right_article: str, direction: int) -> None:
        """Select the next (previous) claim of the right pane's article, there."""
        from tui.review.session import other_end

        t, s = self.triage, self.triage.session
        ids = [c.id for c in s.analysis.claims_of(right_article) if s.passes(c.id)]
        if not ids:
            t.say("No claim of this article in this filter.")
            return
        if self.hold_left is None or s.cursor not in ids:
            # The first step into the pane: the selected claim's counterpart there, else the
            # article's first (last) claim.
            here = s.cursor
            shown = {other_end(m, here) for m in s.analysis.matches_of(here)} if here else set()
            target = next((c for c in ids if c in shown), ids[0 if direction > 0 else -1])
        else:
            i = ids.index(s.cursor) + direction
            if not 0 <= i < len(ids):
                edge = "Last" if direction > 0 else "First"
                t.say(f"{edge} claim of this article (in this filter).")
                return
            target = ids[i]
        self.select(left_article, target)

    def select(self, left_article: str | None, claim_id: str) -> None:
        s = self.triage.session
        if left_article != s.analysis.claim(claim_id).article and self.hold_left is None:
            self._left_cursor = s.cursor
            self.hold_left = left_article
        s.move_to(claim_id)
        self.triage.board.paint()

    def back_to_left(self) -> bool:
        """The cursor back on the claim the left pane had selected; whether it was away."""
        s = self.triage.session
        if self.hold_left is None:
            return False
        self.hold_left = None
        if self._left_cursor is not None and s.analysis.has_claim(self._left_cursor):
            s.move_to(self._left_cursor)
        return True
