"""The main screen's link keys (confirm, reject, contradicts, link, unlink, split, join,
later): each action goes to the Linking controller (tui/app/screens/linking.py). A mixin of
MainScreen, kept apart so the screen module stays one concept.

confirm, reject, contradicts and unlink judge the match the inspector points at (the first
until the reviewer moves in its list), or finish a link begun with the link key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.verdicts.model import Relation

if TYPE_CHECKING:
    from tui.app.screens.linking import Linking
    from tui.app.screens.triage import Triage
    from tui.app.widgets.inspector import Inspector


class LinkActions:
    """Needs `triage` (None until the articles are read) and the inspector from the screen."""

    triage: Triage | None
    compare: str | None
    _linking: Linking | None = None

    def _inspector(self) -> Inspector:
        from tui.app.widgets.inspector import Inspector

        return self.query_one(Inspector)  # type: ignore[attr-defined, no-any-return]

    def linked_marks(self) -> tuple[dict[str, str], str | None]:
        """For the panes: the claims linked to the selected one (-> relation) and the claim
        marked to be linked."""
        from tui.review.links import LinkedAnalysis

        s = self.triage.session if self.triage else None
        if s is None or s.current is None:
            return {}, None
        analysis = s.analysis
        linked = (
            {other: r.value for other, r in analysis.linked(s.current.id)}
            if isinstance(analysis, LinkedAnalysis)
            else {}
        )
        return linked, s.link_from

    def on_inspector_match_chosen(self, event: Inspector.MatchChosen) -> None:
        """enter on a listed match: its article in the right pane, scrolled to it."""
        s = self.triage.session if self.triage else None
        if s is None or not s.analysis.has_claim(event.claim):
            return
        self.compare = s.analysis.claim(event.claim).article
        self.paint(follow=False)  # type: ignore[attr-defined]
        self.reveal(event.claim)  # type: ignore[attr-defined]

    def on_inspector_left(self) -> None:
        self.query_one("#left").focus()  # type: ignore[attr-defined]

    @property
    def linking(self) -> Linking | None:
        from tui.app.screens.linking import Linking

        if self.triage is None:
            return None
        if self._linking is None or self._linking.triage is not self.triage:
            self._linking = Linking(self.triage, self)  # type: ignore[arg-type]
        return self._linking

    def highlighted_match(self) -> str | None:
        return self._inspector().highlighted_match

    def _link(self, act: Callable[[Linking], None]) -> None:
        linking = self.linking
        if linking is not None:
            act(linking)

    def action_defer(self) -> None:
        self._link(lambda k: k.defer())

    def action_confirm_link(self) -> None:
        self._link(lambda k: k.relate(Relation.SAME))

    def action_reject_link(self) -> None:
        self._link(lambda k: k.relate(Relation.DIFFERENT))

    def action_contradicts_link(self) -> None:
        self._link(lambda k: k.relate(Relation.CONTRADICTS))

    def action_link_claims(self) -> None:
        self._link(lambda k: k.link())
        self.refresh_bindings()  # type: ignore[attr-defined]  # the mark enables the keys

    def action_unlink(self) -> None:
        self._link(lambda k: k.unlink())
        self.refresh_bindings()  # type: ignore[attr-defined]

    def action_split_claim(self) -> None:
        self._link(lambda k: k.split())

    def action_join_claims(self) -> None:
        self._link(lambda k: k.join())

    def action_focus_matches(self) -> None:
        inspector = self._inspector()
        if inspector.highlighted_match is None:
            if self.triage is not None:
                self.triage.say("This claim has no match or suggestion to judge.")
            return
        inspector.focus()
