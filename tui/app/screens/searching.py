"""What the search bar does to the session: each keystroke searches again from the claim
selected when the search began, and the panes highlight the words wherever they occur; enter
goes on to the next hit. The bar's one status line
says how it went (hits, which one is shown, or that no claim contains the words): no
toasts, which would stack one per keystroke."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tui.app.screens.triage import Triage
    from tui.app.widgets.article_pane import ArticlePane
    from tui.app.widgets.search_bar import SearchBar


class Searching:
    def __init__(self, triage: Triage, bar: SearchBar, panes: Sequence[ArticlePane]) -> None:
        self.triage, self.bar, self.panes = triage, bar, panes
        self._from: str | None = None  # the claim selected when the search began

    def _highlight(self, words: str | None) -> None:
        for pane in self.panes:
            pane.highlight(words)

    def close(self) -> None:
        self._highlight(None)

    def start(self) -> None:
        self._from = self.triage.session.cursor
        self.bar.value = ""
        self.bar.show_hits("", 0, 0)
        self.bar.focus()

    def changed(self, query: str) -> None:
        self._highlight(query)
        if not query.strip():
            return
        s = self.triage.session
        s.move_to(self._from)
        self._found(s.search(query), query)

    def submitted(self, query: str) -> None:
        s = self.triage.session
        if query.strip() and s.cursor is not None:
            self._found(s.search(query, after=s.cursor), query)

    def _found(self, claim_id: str | None, query: str) -> None:
        s = self.triage.session
        if claim_id is not None:
            s.move_to(claim_id)
            self.triage.board.paint()
        needle = query.casefold().strip()
        hits = [c for c in s.visible() if needle in s.analysis.claim(c).text.casefold()]
        at = hits.index(s.cursor) + 1 if claim_id is not None and s.cursor in hits else 0
        self.bar.show_hits(query, len(hits), at)
