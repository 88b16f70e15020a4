"""What the main screen's keys do: the one controller of the triage actions.

It holds no triage logic of its own (the Session decides, the Host saves) and no widget: it
moves the session's cursor, asks the Host to persist each change, opens the screens over the
main one, and tells the Board (the main screen) to paint. Its messages name keys as they
are bound now, through the Host.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from tui.app.keys import DECIDE, bound_keys
from tui.app.notices import Notifier, tell

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.app.host import Host
    from tui.review.changes import Change
    from tui.review.session import Session, TriageError
    from tui.verdicts.model import Status

T = TypeVar("T")

NO_SUGGESTION = "No suggestion:"  # begins every such notice; the next one replaces the last


class Board(Notifier, Protocol):
    """The screen the controller drives."""

    compare: str | None  # the article in the right pane

    def paint(self, *, follow: bool = True) -> None:
        """Repaint from the session; `follow` brings the right pane along."""

    def reveal(self, claim_id: str) -> None:
        """Scroll the right pane to `claim_id` and bring it into view."""

    def ask(self, screen: Screen[Any], then: Callable[[Any], None] | None = None) -> None:
        """Open `screen` over the main one; `then` gets its result."""


class Triage:
    def __init__(self, host: Host, session: Session, board: Board) -> None:
        self.host, self.session, self.board = host, session, board
        self.summarised = False  # whether triaging the last claim opened the summary yet

    # ---- shared steps ------------------------------------------------------------------

    def say(
        self, message: str, *, warning: bool = False, timeout: float = 2, family: str = ""
    ) -> None:
        """A toast that replaces the same one still shown (and, with `family`, any that
        begins with those words), so pressing fast shows the latest, not a stack."""
        tell(
            self.board,
            message,
            severity="warning" if warning else "information",
            timeout=timeout,
            replace=True,
            family=family,
        )

    def refused(self, exc: TriageError) -> None:
        """A request the session refused, with the keys that would help, as bound."""
        from tui.review.session import Remedy

        hint = (
            {
                Remedy.MAKE_CLAIM: self.host.key("toggle_claim"),
                Remedy.DECIDE: bound_keys(DECIDE, self.host.keymap),
            }.get(exc.remedy)
            if exc.remedy
            else None
        )
        self.say(f"{exc} ({hint})" if hint else str(exc), warning=True, timeout=3)

    def go(self, claim_id: str | None, none_message: str) -> None:
        if claim_id is None:
            self.say(none_message)
            return
        self.session.move_to(claim_id)
        self.board.paint()

    def record(self, change: Change | None, then_next: bool = False) -> None:
        s = self.session
        if change is not None:
            self.host.persist(change)
        self.leave_settled_disagreements()
        if then_next:
            target = s.following(1, untriaged=True, wrap=True)
            if target is not None:
                s.move_to(target)
        if s.cursor is not None and not s.passes(s.cursor):
            s.move_to(s.following(1) or s.following(-1))
        self.board.paint()

    def attempt(self, make: Callable[[], Change | None], then_next: bool = False) -> None:
        from tui.review.session import TriageError

        try:
            change = make()
        except TriageError as exc:
            self.refused(exc)
            return
        self.record(change, then_next)

    def leave_settled_disagreements(self) -> None:
        """The "disagreements" filter gives way to "all" once every one is settled."""
        from tui.review.session import Filter

        s = self.session
        if s.filter is Filter.DISAGREEMENTS and not s.disagreements():
            s.set_filter(Filter.ALL)
            self.say("Every disagreement is settled; showing all claims.", timeout=4)

    # ---- moving ------------------------------------------------------------------------

    def step(self, direction: int, *, untriaged: bool = False) -> None:
        s = self.session
        if untriaged:
            found = s.following(direction, untriaged=True, wrap=True)
            self.go(found, "No untriaged claim left.")
        else:
            edge = "Last" if direction > 0 else "First"
            self.go(s.following(direction), f"{edge} claim (in this filter).")

    def first(self) -> None:
        self.go(self.session.first(), "No claim in this filter.")

    def last(self) -> None:
        self.go(self.session.last(), "No claim in this filter.")

    def cycle_compare(self, step: int) -> None:
        s = self.session
        if s.current is None:
            return
        others = [a.id for a in s.analysis.articles if a.id != s.current.article]
        if not others:
            return
        compare = self.board.compare
        i = others.index(compare) if compare in others else -step
        self.board.compare = others[(i + step) % len(others)]
        self.board.paint(follow=False)

    def cycle_article(self, step: int) -> None:
        s = self.session
        if s.current is None:
            return
        ids = [a.id for a in s.analysis.articles]
        i = ids.index(s.current.article)
        for k in range(1, len(ids)):
            target = s.article_start(ids[(i + step * k) % len(ids)])
            if target is not None:
                s.move_to(target)
                self.board.paint()
                return
        self.say("No other article has claims in this filter.")

    def show_best_match(self) -> None:
        from tui.review.session import other_end

        s = self.session
        if s.current is None:
            return
        matches = s.analysis.matches_of(s.current.id)
        if not matches:
            self.say("This claim matches nothing in the other articles.")
            return
        best = other_end(matches[0], s.current.id)
        self.board.compare = s.analysis.claim(best).article
        self.board.paint(follow=False)
        self.board.reveal(best)

    def cycle_filter(self) -> None:
        s = self.session
        s.cycle_filter()
        if not s.visible():
            self.say(f"No claim is {s.filter} yet.")
        self.board.paint()

    def coverage(self) -> None:
        from tui.app.screens.coverage import CoverageScreen
        from tui.review.coverage import coverage_of

        s = self.session
        self.board.ask(
            CoverageScreen(coverage_of(s.analysis, s.sources, s.statuses())), self.go_to_cluster
        )

    def go_to_cluster(self, cluster_id: str | None) -> None:
        """Coverage chose a row: select the cluster's first claim (in the filter if it can)."""
        from tui.review.session import Filter

        s = self.session
        cluster = next((cl for cl in s.analysis.clusters if cl.id == cluster_id), None)
        if cluster is None:
            return
        members = [c for c in cluster.claims if s.analysis.has_claim(c) and s.is_claim(c)]
        shown = [c for c in members if s.passes(c)]
        if not shown and members:
            s.set_filter(Filter.ALL)  # the cluster's claims are all outside the filter
            shown = members
        self.go(shown[0] if shown else None, "This cluster has no claim to show.")

    def orphans(self) -> None:
        from tui.app.screens.orphans import OrphansScreen

        if not self.session.orphans():
            self.say("No orphaned decisions: every verdict fits today's text.", timeout=3)
            return
        self.board.ask(OrphansScreen(self.host, self.session))

    # ---- the summary -------------------------------------------------------------------

    def left(self) -> int:
        """Claims not triaged yet (deferred ones included), as the status line counts."""
        triaged, total = self.session.progress()
        return total - triaged

    def finished(self, left_before: int) -> None:
        """After a decision: the summary, once a session, when it triaged the last claim."""
        if left_before and not self.left() and not self.summarised:
            self.summarised = True
            self.summary()

    def summary(self) -> None:
        """Where the review stands, and the commands that export it (tui/app/screens/summary.py)."""
        from tui.app.screens.summary import SummaryScreen
        from tui.exporters import FORMATS
        from tui.review.summary import export_commands, session_summary

        commands = export_commands(self.host.path_label, tuple(FORMATS))
        self.board.ask(SummaryScreen(session_summary(self.session), commands, self.host.keymap))

    # ---- deciding ----------------------------------------------------------------------

    def mark(self, status: Status) -> None:
        left = self.left()
        self.attempt(lambda: self.session.mark(status), then_next=True)
        self.finished(left)

    def accept_suggestion(self) -> None:
        from tui.review.suggestions import suggest

        s = self.session
        if s.cursor is None:
            return
        suggestion = suggest(s.analysis, s.cursor, s.sources)
        if suggestion.status is None:
            self.say(f"{NO_SUGGESTION} {suggestion.reason}", timeout=3, family=NO_SUGGESTION)
            return
        self.mark(suggestion.status)

    def clear(self) -> None:
        self.attempt(self.session.clear)

    def toggle_claim(self) -> None:
        s = self.session
        if s.cursor is None:
            return
        dropped = s.verdict(s.cursor)  # a unit that stops being a claim loses its verdict
        left = self.left()
        self.attempt(s.toggle_claim)
        self.finished(left)
        if dropped is not None and s.verdict(dropped.anchor.claim) is None:
            self.say(
                f"Not a claim now: its verdict ({dropped.status.value}) was removed; "
                f"{self.host.key('undo')} brings it back.",
                timeout=4,
            )

    def undo(self) -> None:
        change = self.session.undo()
        self.say(f"Undone: {change.action}" if change else "Nothing to undo.")
        self.record(change)

    def redo(self) -> None:
        change = self.session.redo()
        self.say(f"Redone: {change.action}" if change else "Nothing to redo.")
        self.record(change)

    def cluster_verdict(self) -> None:
        from tui.app.screens.confirm import ConfirmScreen
        from tui.review.session import TriageError

        s = self.session
        try:
            targets = s.cluster_targets()
        except TriageError as exc:
            self.refused(exc)
            return
        verdict = s.verdict(s.cursor) if s.cursor else None
        if not targets or verdict is None:
            self.say("Every claim of this cluster already has this verdict.", timeout=3)
            return
        items = [
            f"{s.analysis.article(s.analysis.claim(c).article).title}: {s.analysis.claim(c).text}"
            for c in targets
        ]
        question = f"Mark these {len(targets)} claims of the cluster {verdict.status.value}?"

        def answered(yes: bool | None) -> None:
            if yes:
                left = self.left()
                self.attempt(s.apply_to_cluster)
                self.finished(left)

        self.board.ask(ConfirmScreen(question, items, self.host.keymap), answered)

    def edit_note(self) -> None:
        from tui.app.screens.note import NoteResult, NoteScreen

        s = self.session
        claim = s.current
        if claim is None:
            return
        verdict = s.verdict(claim.id)
        if verdict is None:
            keys = bound_keys(DECIDE, self.host.keymap)
            self.say(f"Mark the claim first ({keys}), then add a note.", timeout=3)
            return

        def saved(result: NoteResult | None) -> None:
            # The cursor may have moved since the dialog opened: the note is for its claim.
            if result is not None and s.verdict(claim.id) is not None:
                s.move_to(claim.id)
                self.attempt(lambda: s.set_note(result.note, result.sources))

        note = NoteScreen(claim.text, verdict.note, verdict.sources, self.host.keymap)
        self.board.ask(note, saved)
