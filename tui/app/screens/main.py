"""The main screen: two article panes, the inspector, the article list, every triage key.

The screen holds no triage logic: each key calls the Session (tui.triage), hands the change
to the app to save, and repaints from the session's state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator

from tui.app.bindings import bindings_for
from tui.app.keys import KEYS
from tui.app.screens.decide import DecideActions
from tui.app.widgets.article_list import ArticleList, ArticleRow
from tui.app.widgets.article_pane import ArticlePane, Mark, Unit
from tui.app.widgets.inspector import Inspector
from tui.app.widgets.search_bar import SearchBar
from tui.app.widgets.status_bar import Status, StatusBar

if TYPE_CHECKING:
    from tui.app.app import CrosscheckApp
    from tui.triage import Change, Session

SYMBOL = {"corroborated": "✓", "disputed": "✗", "unsourced": "?"}
CONTESTED = "≠"
STRONG_SCORE = 90.0
CLUSTER_COLOURS = 6
WIDE = 110  # columns from which the panes are side by side and the article list shown


class MainScreen(DecideActions, Screen[None]):
    # Textual annotates this as an instance variable (mypy then refuses a ClassVar here).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]  # noqa: RUF012
    # Nothing while loading (None would mean the app's "*", the article list): the left
    # pane takes focus when the articles are shown.
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(KEYS)
    show_articles: reactive[bool] = reactive(True)
    show_right: reactive[bool] = reactive(False)  # narrow layout: the right pane instead
    searching: reactive[bool] = reactive(False)
    # Not `loading`: that is Widget's own reactive, which would cover the whole screen
    # (status line, progress messages and footer included) with a loading indicator.
    analysing: reactive[bool] = reactive(True)

    app: CrosscheckApp  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__(classes="-loading")  # `analysing` starts True; no restyle for it
        self.session: Session | None = None
        self.compare: str | None = None  # the article in the right pane
        self._search_from: str | None = None
        self._cluster_index: dict[str, int] = {}
        self._counted: tuple[object, ...] | None = None  # what the status line counted

    def compose(self) -> ComposeResult:
        # The classes that follow from the terminal's width are set before the children
        # exist: set after (on mount, on the first resize), each would restyle every widget
        # once more before the first frame.
        width = self.app.size.width
        self.set_reactive(MainScreen.show_articles, width >= WIDE)
        self.set_class(width >= WIDE, "-articles")
        for threshold, name in sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True):
            if width >= threshold:
                self.add_class(name)
                break
        yield StatusBar(id="status")
        with Horizontal(id="body"):
            yield ArticleList(id="articles")
            yield ArticlePane(id="left")
            yield ArticlePane(id="right")
            yield LoadingIndicator(id="loading")
        yield Inspector(id="inspector")
        yield SearchBar(id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(StatusBar).status = Status(path=self.app.path_label, loading="loading…")
        self.query_one(Inspector).show_message("Reading and matching the articles…")

    # ---- reactives -> classes ---------------------------------------------------------

    def watch_show_articles(self, value: bool) -> None:
        self.set_class(value, "-articles")

    def watch_show_right(self, value: bool) -> None:
        self.set_class(value, "-show-right")

    def watch_searching(self, value: bool) -> None:
        self.set_class(value, "-searching")

    def watch_analysing(self, value: bool) -> None:
        self.set_class(value, "-loading")

    # ---- data in ----------------------------------------------------------------------

    def loading_message(self, message: str) -> None:
        self.query_one(StatusBar).status = Status(path=self.app.path_label, loading=message)

    def start(self, session: Session, cursor: str | None) -> None:
        """The analysis is ready: show it, the cursor on `cursor` (resume point) if given."""
        self.session = session
        self._cluster_index = {
            cl.id: i % CLUSTER_COLOURS for i, cl in enumerate(session.analysis.clusters)
        }
        session.move_to(cursor)
        self.analysing = False
        self.query(LoadingIndicator).remove()  # its animation would keep repainting
        self.refresh_view()
        # The panes were hidden while loading; focus the left one once it is shown.
        self.call_after_refresh(self.query_one("#left", ArticlePane).focus)

    # ---- painting ---------------------------------------------------------------------

    def _show(self, pane: ArticlePane, article_id: str) -> None:
        assert self.session is not None
        if pane.article_id == article_id:
            return
        analysis = self.session.analysis
        article = analysis.article(article_id)
        units = [Unit(c.id, c.start, c.end) for c in analysis.claims_of(article_id)]
        pane.show_article(article_id, article.title, article.text, units)

    def _marks(
        self, article_id: str, selected: str | None, counterparts: set[str]
    ) -> dict[str, Mark]:
        assert self.session is not None
        s, analysis = self.session, self.session.analysis
        marks = {}
        for c in analysis.claims_of(article_id):
            if not s.is_claim(c.id):
                sel = ("article-pane--selected",) if c.id == selected else ()
                marks[c.id] = Mark(("article-pane--dim", *sel))
                continue
            matches = analysis.matches_of(c.id)
            best = max((m.score for m in matches if m.tier == "match"), default=None)
            text = ["article-pane--claim"]
            if best is not None:
                text.append(
                    "article-pane--match-strong" if best >= STRONG_SCORE else "article-pane--match"
                )
            elif matches:
                text.append("article-pane--related")
            if any(m.conflicts for m in matches):
                text.append("article-pane--conflict")
            if c.id in counterparts:
                text.append("article-pane--counterpart")
            if c.id == selected:
                text.append("article-pane--selected")
            verdict = s.verdict(c.id)
            status = verdict.status.value if verdict else "untriaged"
            symbol = SYMBOL.get(status, "·")
            if verdict is None and s.disagreement(c.id) is not None:
                symbol = CONTESTED  # reviewers disagree: waiting for the adjudicator
            slot = [f"article-pane--{status}"]
            cluster = analysis.cluster_of(c.id)
            if cluster is not None:
                slot.append(f"article-pane--cluster-{self._cluster_index.get(cluster.id, 0)}")
            marks[c.id] = Mark(tuple(text), tuple(slot), symbol)
        return marks

    def refresh_view(self, *, follow: bool = True) -> None:
        """Repaint everything from the session; `follow` brings the right pane along."""
        from tui.triage import other_end

        s = self.session
        if s is None:
            return
        left, right = self.query_one("#left", ArticlePane), self.query_one("#right", ArticlePane)
        current = s.current
        articles = [a.id for a in s.analysis.articles]
        left_id = current.article if current else articles[0]
        self._show(left, left_id)
        counterparts: set[str] = set()
        if current is not None:
            matches = s.analysis.matches_of(current.id)
            counterparts = {other_end(m, current.id) for m in matches}
            in_right = [
                m
                for m in matches
                if s.analysis.claim(other_end(m, current.id)).article == self.compare
            ]
            if follow and matches and not in_right:
                self.compare = s.analysis.claim(other_end(matches[0], current.id)).article
                in_right = [matches[0]]
            if follow and in_right:
                self._show(right, self.compare)  # type: ignore[arg-type]
                right.scroll_to_claim(other_end(in_right[0], current.id))
        if self.compare is None or (self.compare == left_id and len(articles) > 1):
            self.compare = (
                next(a for a in articles if a != left_id) if len(articles) > 1 else left_id
            )
        self._show(right, self.compare)
        left.set_marks(self._marks(left_id, current.id if current else None, set()))
        right.set_marks(self._marks(self.compare, None, counterparts))
        if current is not None:
            left.scroll_to_claim(current.id)
        self.query_one(Inspector).show_claim(s, current.id if current else None)
        self._refresh_status()

    def _refresh_status(self) -> None:
        """The status line and the article list; counted again only when the verdicts or
        the filter changed (the cursor moving changes neither)."""
        s = self.session
        assert s is not None
        articles = self.query_one(ArticleList)
        counted = self._counted
        if counted is None or counted[0] is not s.verdict_set or counted[1] != s.filter:
            self._counted = (s.verdict_set, s.filter)
            triaged, total = s.progress()
            self.query_one(StatusBar).status = Status(
                triaged=triaged,
                total=total,
                filter=str(s.filter),
                shown=len(s.visible()) if s.filter != "all" else total,
                orphans=len(s.orphans()),
                disagreements=s.disagreements(),
                path=self.app.path_label,
            )
            wire = {a: i for i, g in enumerate(s.sources.wire, 1) for a in g.articles}
            rows = [
                ArticleRow(a.id, a.title, *s.progress(a.id), s.sources.outlet[a.id], wire.get(a.id))
                for a in s.analysis.articles
            ]
            articles.show_rows(rows, s.current.article if s.current else None)
        elif s.current is not None:
            articles.show_current(s.current.article)

    # ---- helpers for actions ----------------------------------------------------------

    def _ready(self) -> Session | None:
        if self.session is None:
            self.notify("Still reading the articles…", timeout=2)
        return self.session

    def _go(self, claim_id: str | None, none_message: str) -> None:
        s = self._ready()
        if s is None:
            return
        if claim_id is None:
            self.notify(none_message, timeout=2)
            return
        s.move_to(claim_id)
        self.refresh_view()

    def _record(self, change: Change | None, then_next: bool = False) -> None:
        s = self.session
        assert s is not None
        if change is not None:
            self.app.persist(change)
        self._leave_settled_disagreements()
        if then_next:
            target = s.following(1, untriaged=True, wrap=True)
            if target is not None:
                s.move_to(target)
        if s.cursor is not None and not s.passes(s.cursor):
            s.move_to(s.following(1) or s.following(-1))
        self.refresh_view()

    def _leave_settled_disagreements(self) -> None:
        """The "disagreements" filter gives way to "all" once every one is settled."""
        from tui.triage import Filter

        s = self.session
        if s is not None and s.filter is Filter.DISAGREEMENTS and not s.disagreements():
            s.set_filter(Filter.ALL)
            self.notify("Every disagreement is settled; showing all claims.", timeout=4)

    def _attempt(self, make, then_next: bool = False) -> None:  # type: ignore[no-untyped-def]
        from tui.triage import TriageError

        if self._ready() is None:
            return
        try:
            change = make()
        except TriageError as exc:
            self.notify(str(exc), severity="warning", timeout=3)
            return
        self._record(change, then_next)

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
        from tui.triage import other_end

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
        from tui.coverage import coverage_of

        coverage = coverage_of(s.analysis, s.sources, s.statuses())
        self.app.push_screen(CoverageScreen(coverage), self._go_to_cluster)

    def _go_to_cluster(self, cluster_id: str | None) -> None:
        """Coverage chose a row: select the cluster's first claim (in the filter if it can)."""
        s = self.session
        if s is None or cluster_id is None:
            return
        from tui.triage import Filter

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

    def on_screen_resume(self) -> None:
        """Back from another screen (orphans, coverage, help): show what may have changed."""
        if self.session is not None:
            self._leave_settled_disagreements()
            self.refresh_view()

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.app.keymap))

    def action_quit(self) -> None:
        self.app.exit(0)

    # ---- events -----------------------------------------------------------------------

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        s = self.session
        if s is None or not event.value.strip():
            return
        s.move_to(self._search_from)
        self._go(s.search(event.value), f"No claim contains “{event.value}”.")

    @on(SearchBar.Submitted)
    def _search_next(self, event: SearchBar.Submitted) -> None:
        s = self.session
        if s is not None and s.cursor is not None and event.value.strip():
            self._go(s.search(event.value, after=s.cursor), f"No claim contains “{event.value}”.")

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.searching = False
        self.query_one("#left", ArticlePane).focus()

    @on(ArticlePane.ClaimClicked)
    def _clicked(self, event: ArticlePane.ClaimClicked) -> None:
        s = self.session
        if s is None or not (s.is_claim(event.claim) or s.filter == "not claims"):
            return
        if event.pane.id == "right":
            self.compare = s.current.article if s.current else None
        s.move_to(event.claim)
        self.refresh_view(follow=event.pane.id != "right")

    @on(ArticleList.ArticleChosen)
    def _article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        s = self.session
        if s is not None:
            self._go(s.article_start(event.article), "This article has no claim in this filter.")
