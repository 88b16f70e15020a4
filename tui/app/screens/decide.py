"""The main screen's deciding keys (c d u v x K m a, undo, redo), as a mixin of MainScreen.

Kept apart so each module stays readable; it uses MainScreen's helpers (`_ready`,
`_attempt`, `_record`) and holds no triage logic: the Session decides, the app saves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app.app import CrosscheckApp
    from tui.review.session import Change, Session


class DecideActions:
    """Actions for the bindings of the "Decide" group in tui.app.keys."""

    app: CrosscheckApp
    session: Session | None

    if TYPE_CHECKING:

        def _ready(self) -> Session | None: ...
        def _attempt(self, make, then_next: bool = False) -> None: ...  # type: ignore[no-untyped-def]
        def _record(self, change: Change | None, then_next: bool = False) -> None: ...
        def notify(self, message: str, **kwargs) -> None: ...  # type: ignore[no-untyped-def]

    def _mark(self, status: str) -> None:
        from tui.verdicts.model import Status as Verdict

        self._attempt(lambda: self.session.mark(Verdict(status)), then_next=True)  # type: ignore[union-attr]

    def action_mark_corroborated(self) -> None:
        self._mark("corroborated")

    def action_mark_disputed(self) -> None:
        self._mark("disputed")

    def action_mark_unsourced(self) -> None:
        self._mark("unsourced")

    def action_accept_suggestion(self) -> None:
        s = self._ready()
        if s is None or s.cursor is None:
            return
        from tui.review.suggestions import suggest

        suggestion = suggest(s.analysis, s.cursor, s.sources)
        if suggestion.status is None:
            self.notify(f"No suggestion: {suggestion.reason}", timeout=3)
            return
        self._mark(suggestion.status.value)

    def action_clear_verdict(self) -> None:
        self._attempt(lambda: self.session.clear())  # type: ignore[union-attr]

    def action_toggle_claim(self) -> None:
        s = self._ready()
        if s is None or s.cursor is None:
            return
        dropped = s.verdict(s.cursor)  # a unit that stops being a claim loses its verdict
        self._attempt(s.toggle_claim)
        if dropped is not None and s.verdict(dropped.anchor.claim) is None:
            from tui.app.keys import KEY_BY_ID, first_key

            undo = first_key(KEY_BY_ID["undo"], self.app.keymap)
            self.notify(
                f"Not a claim now: its verdict ({dropped.status.value}) was removed; "
                f"{undo} brings it back.",
                timeout=4,
            )

    def action_undo(self) -> None:
        s = self._ready()
        if s is not None:
            change = s.undo()
            self.notify(f"Undone: {change.action}" if change else "Nothing to undo.", timeout=2)
            self._record(change)

    def action_redo(self) -> None:
        s = self._ready()
        if s is not None:
            change = s.redo()
            self.notify(f"Redone: {change.action}" if change else "Nothing to redo.", timeout=2)
            self._record(change)

    def action_cluster_verdict(self) -> None:
        s = self._ready()
        if s is None:
            return
        from tui.review.session import TriageError

        try:
            targets = s.cluster_targets()
        except TriageError as exc:
            self.notify(str(exc), severity="warning", timeout=3)
            return
        if not targets:
            self.notify("Every claim of this cluster already has this verdict.", timeout=3)
            return
        from tui.app.screens.confirm import ConfirmScreen

        status = s.verdict(s.cursor).status.value  # type: ignore[arg-type, union-attr]
        items = [
            f"{s.analysis.article(s.analysis.claim(c).article).title}: {s.analysis.claim(c).text}"
            for c in targets
        ]
        question = f"Mark these {len(targets)} claims of the cluster {status}?"

        def answered(yes: bool | None) -> None:
            if yes:
                self._attempt(s.apply_to_cluster)

        self.app.push_screen(ConfirmScreen(question, items), answered)

    def action_edit_note(self) -> None:
        s = self._ready()
        if s is None or s.current is None:
            return
        verdict = s.verdict(s.current.id)
        if verdict is None:
            self.notify("Mark the claim first (c, d or u), then add a note.", timeout=3)
            return
        from tui.app.screens.note import NoteResult, NoteScreen

        def saved(result: NoteResult | None) -> None:
            if result is not None:
                self._attempt(lambda: s.set_note(result.note, result.sources))

        self.app.push_screen(NoteScreen(s.current.text, verdict.note, verdict.sources), saved)
