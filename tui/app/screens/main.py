"""The main screen: two article panes, the inspector, the article list, every triage key.

The screen holds no triage logic: each key calls the Session (tui.review.session), hands the change
to the app to save, and repaints from the session's state. The keys' actions live in two
mixins, `browse` (moving and viewing) and `decide` (verdicts); this module paints.
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
from tui.app.screens.browse import BrowseActions
from tui.app.screens.decide import DecideActions
from tui.app.widgets.article_list import ArticleList, ArticleRow
from tui.app.widgets.article_pane import ArticlePane, Mark, Unit
from tui.app.widgets.inspector import Inspector
from tui.app.widgets.search_bar import SearchBar
from tui.app.widgets.status_bar import Status, StatusBar

if TYPE_CHECKING:
    from tui.app.app import CrosscheckApp
    from tui.review.session import Change, Session

SYMBOL = {"corroborated": "✓", "disputed": "✗", "unsourced": "?"}
CONTESTED = "≠"
STRONG_SCORE = 90.0
CLUSTER_COLOURS = 6
WIDE = 110  # columns from which the panes are side by side and the article list shown


class MainScreen(BrowseActions, DecideActions, Screen[None]):
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
                text.append("article-pane--suggestion")
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
        from tui.review.session import other_end

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
        from tui.review.session import Filter

        s = self.session
        if s is not None and s.filter is Filter.DISAGREEMENTS and not s.disagreements():
            s.set_filter(Filter.ALL)
            self.notify("Every disagreement is settled; showing all claims.", timeout=4)

    def _attempt(self, make, then_next: bool = False) -> None:  # type: ignore[no-untyped-def]
        from tui.review.session import TriageError

        if self._ready() is None:
            return
        try:
            change = make()
        except TriageError as exc:
            self.notify(str(exc), severity="warning", timeout=3)
            return
        self._record(change, then_next)

    def on_screen_resume(self) -> None:
        """Back from another screen (orphans, coverage, help): show what may have changed."""
        if self.session is not None:
            self._leave_settled_disagreements()
            self.refresh_view()

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
