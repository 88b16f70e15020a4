"""The main screen's moving and viewing keys (j k n N g G, tab [ ] { } enter, l f / o O ?
q), as a mixin of MainScreen, like the deciding keys in `decide`.

They change only what is shown: the cursor (through the Session), the comparison article,
which panes are visible. MainScreen paints (`refresh_view`) and owns the state they use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.app.widgets.article_pane import ArticlePane
from tui.app.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from tui.app.app import CrosscheckApp
    from tui.review.session import Session


class BrowseActions:
    """Actions for the bindings of the "Move", "View", "Find" and "App" groups in
    tui.app.keys."""

    app: CrosscheckApp
    session: Session | None
    compare: str | None
    _search_from: str | None
    show_articles: bool
    show_right: bool
    searching: bool

    if TYPE_CHECKING:

        def _ready(self) -> Session | None: ...
        def _go(self, claim_id: str | None, none_message: str) -> None: ...
        def refresh_view(self, *, follow: bool = True) -> None: ...
        def notify(self, message: str, **kwargs: Any) -> None: ...
        def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...
        def has_class(self, *class_names: str) -> bool: ...

    # ---- actions: moving --------------------------------------------------------------

    def action_next_claim(self) -> None:
        self._go(
            self.session.following(1) if self.session else None, "Last claim (in this filter)."
        )

    def action_previous_claim(self) -> None:
        self._go(
            self.session.following(-1) if self.session else None, "First claim (in this filter)."
        )

    def action_next_untriaged(self) -> None:
        s = self.session
        self._go(
            s.following(1, untriaged=True, wrap=True) if s else None, "No untriaged claim left."
        )

    def action_previous_untriaged(self) -> None:
        s = self.session
        self._go(
            s.following(-1, untriaged=True, wrap=True) if s else None, "No untriaged claim left."
        )

    def action_first_claim(self) -> None:
        self._go(self.session.first() if self.session else None, "No claim in this filter.")

    def action_last_claim(self) -> None:
        self._go(self.session.last() if self.session else None, "No claim in this filter.")

    # ---- actions: viewing -------------------------------------------------------------

    def action_switch_pane(self) -> None:
        left, right = self.query_one("#left", ArticlePane), self.query_one("#right", ArticlePane)
        if self.has_class("-narrow"):
            self.show_right = not self.show_right
        (left if right.has_focus else right).focus()

    def _cycle_compare(self, step: int) -> None:
        s = self._ready()
        if s is None or s.current is None:
            return
        others = [a.id for a in s.analysis.articles if a.id != s.current.article]
        if not others:
            return
        i = others.index(self.compare) if self.compare in others else -step
        self.compare = others[(i + step) % len(others)]
        self.refresh_view(follow=False)

    def action_previous_comparison(self) -> None:
        self._cycle_compare(-1)

    def action_next_comparison(self) -> None:
        self._cycle_compare(1)

    def _cycle_article(self, step: int) -> None:
        s = self._ready()
        if s is None or s.current is None:
            return
        ids = [a.id for a in s.analysis.articles]
        i = ids.index(s.current.article)
        for k in range(1, len(ids)):
            target = s.article_start(ids[(i + step * k) % len(ids)])
            if target is not None:
                s.move_to(target)
                self.refresh_view()
                return
        self.notify("No other article has claims in this filter.", timeout=2)

    def action_previous_article(self) -> None:
        self._cycle_article(-1)

    def action_next_article(self) -> None:
        self._cycle_article(1)

    def action_show_best_match(self) -> None:
        s = self._ready()
        if s is None or s.current is None:
            return
        from tui.review.session import other_end

        matches = s.analysis.matches_of(s.current.id)
        if not matches:
            self.notify("This claim matches nothing in the other articles.", timeout=2)
            return
        best = other_end(matches[0], s.current.id)
        self.compare = s.analysis.claim(best).article
        self.refresh_view(follow=False)
        self.query_one("#right", ArticlePane).scroll_to_claim(best)
        if self.has_class("-narrow"):
            self.show_right = True

    def action_toggle_articles(self) -> None:
        self.show_articles = not self.show_articles

    def action_cycle_filter(self) -> None:
        s = self._ready()
        if s is not None:
            s.cycle_filter()
            if not s.visible():
                self.notify(f"No claim is {s.filter} yet.", timeout=2)
            self.refresh_view()

    def action_search(self) -> None:
        if self._ready() is None:
            return
        self._search_from = self.session.cursor  # type: ignore[union-attr]
        self.searching = True
        bar = self.query_one(SearchBar)
        bar.value = ""
        bar.focus()

    def action_coverage(self) -> None:
        s = self._ready()
        if s is None:
            return
        from tui.app.screens.coverage import CoverageScreen
        from tui.review.coverage import coverage_of

        coverage = coverage_of(s.analysis, s.sources, s.statuses())
        self.app.push_screen(CoverageScreen(coverage), self._go_to_cluster)

    def _go_to_cluster(self, cluster_id: str | None) -> None:
        """Coverage chose a row: select the cluster's first claim (in the filter if it can)."""
        s = self.session
        if s is None or cluster_id is None:
            return
        from tui.review.session import Filter

        cluster = next((cl for cl in s.analysis.clusters if cl.id == cluster_id), None)
        if cluster is None:
            return
        members = [c for c in cluster.claims if s.analysis.has_claim(c) and s.is_claim(c)]
        shown = [c for c in members if s.passes(c)]
        if not shown and members:
            s.set_filter(Filter.ALL)  # the cluster's claims are all outside the filter
            shown = members
        self._go(shown[0] if shown else None, "This cluster has no claim to show.")

    def action_orphans(self) -> None:
        s = self._ready()
        if s is None:
            return
        if not s.orphans():
            self.notify("No orphaned decisions: every verdict fits today's text.", timeout=3)
            return
        from tui.app.screens.orphans import OrphansScreen

        self.app.push_screen(OrphansScreen(s, self.app.persist))

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.app.keymap))

    def action_quit(self) -> None:
        self.app.exit(0)
