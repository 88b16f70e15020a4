"""The main screen: two article panes, the inspector, the article list, every triage key.

The screen routes: each key's action goes to a controller, Triage (tui/app/screens/triage.py)
or Linking for the link keys (linking.py), which calls the Session and asks the Host to save;
the Painter (painting.py) then draws the screen from the session's state. The keys that only
call a controller are routed by one table (routes.py); the others have a method here. Until
the articles are read, the actions that need them are disabled (`check_action`), so the
footer and the palette show them dimmed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from tui.app.bindings import bindings_for
from tui.app.citing import copy_claim, open_article
from tui.app.commands import MainCommands
from tui.app.keys import KEYS
from tui.app.legend import LegendLine
from tui.app.screens.routes import DECISIONS, LINKS, MOVES, REBIND_AFTER, ROUTED
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_pane import ArticlePane
from tui.app.widgets.inspector import Inspector
from tui.app.widgets.key_footer import KeyFooter, priorities
from tui.app.widgets.search_bar import SearchBar
from tui.app.widgets.status_bar import Status, StatusBar

if TYPE_CHECKING:
    from tui.app.host import Host
    from tui.app.screens.linking import Linking
    from tui.app.screens.painting import Painter
    from tui.app.screens.right_cursor import RightCursor
    from tui.app.screens.searching import Searching
    from tui.app.screens.triage import Triage
    from tui.review.session import Session

WIDE = 110  # columns from which the panes are side by side and the article list shown
# What can run before the articles are read: everything else waits for the session.
WITHOUT_ARTICLES = frozenset({"help", "quit", "toggle_articles", "switch_pane"})
NEEDS_ARTICLES = frozenset(k.action for k in KEYS) - WITHOUT_ARTICLES


class MainScreen(Screen[None]):
    # Textual annotates this as an instance variable (mypy then refuses a ClassVar here).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]  # noqa: RUF012
    # Nothing while loading (None would mean the app's "*", the article list): the left
    # pane takes focus when the articles are shown.
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = bindings_for(KEYS)
    COMMANDS: ClassVar = {MainCommands}
    show_articles: reactive[bool] = reactive(True)
    show_right: reactive[bool] = reactive(False)  # narrow layout: the right pane instead
    searching: reactive[bool] = reactive(False)
    # Not `loading`: that is Widget's own reactive, which would cover the whole screen
    # (status line, progress messages and footer included) with a loading indicator.
    analysing: reactive[bool] = reactive(True)

    def __init__(self, host: Host) -> None:
        super().__init__(classes="-loading")  # `analysing` starts True; no restyle for it
        self.host = host
        # The controllers and the painter, once the articles are read.
        self.triage: Triage | None = None
        self.linking: Linking | None = None
        self.painter: Painter | None = None
        self.right_cursor: RightCursor | None = None
        self.finder: Searching | None = None
        self.compare: str | None = None  # the article in the right pane

    @property
    def keymap(self) -> Mapping[str, str]:
        return self.host.keymap

    @property
    def session(self) -> Session | None:
        return self.triage.session if self.triage else None

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
        # The pace runs on the clock that stamps the decisions (a fixed one in tests).
        yield StatusBar(id="status", clock=lambda: self.host.store.now().timestamp())
        yield Static(id="pane-label")  # narrow layout: which article the one pane shows
        with Horizontal(id="body"):
            yield ArticleList(id="articles")
            yield ArticlePane(id="left")
            yield ArticlePane(id="right")
            yield LoadingIndicator(id="loading")
        yield Inspector(self.host.keymap, id="inspector")
        yield LegendLine(self.host.keymap, id="legend")  # L: what the marks mean
        yield SearchBar(id="search")
        yield KeyFooter(priorities(KEYS))

    def on_mount(self) -> None:
        self.show_progress("loading…")
        self.query_one(Inspector).show_message("Reading and matching the articles…")

    # ---- reactives -> classes ---------------------------------------------------------

    def watch_show_articles(self, value: bool) -> None:
        self.set_class(value, "-articles")

    def watch_show_right(self, value: bool) -> None:
        self.set_class(value, "-show-right")
        self._paint_pane_label()

    def watch_searching(self, value: bool) -> None:
        self.set_class(value, "-searching")

    def watch_analysing(self, value: bool) -> None:
        self.set_class(value, "-loading")

    # ---- data in ----------------------------------------------------------------------

    def show_progress(self, message: str) -> None:
        """The loading line: what the worker is doing (a file name in it stays literal)."""
        self.query_one(StatusBar).status = Status(path=self.host.path_label, loading=message)

    def start(self, session: Session, cursor: str | None) -> None:
        """The analysis is ready: show it, the cursor on `cursor` (resume point) if given."""
        from tui.app.screens.linking import Linking
        from tui.app.screens.painting import Painter, Widgets
        from tui.app.screens.right_cursor import RightCursor
        from tui.app.screens.searching import Searching
        from tui.app.screens.triage import Triage

        self.triage = Triage(self.host, session, self)
        self.linking = Linking(self.triage, self)
        self.right_cursor = RightCursor(self.triage)
        panes = (self.query_one("#left", ArticlePane), self.query_one("#right", ArticlePane))
        self.finder = Searching(self.triage, self.query_one(SearchBar), panes)
        widgets = Widgets(
            left=self.query_one("#left", ArticlePane),
            right=self.query_one("#right", ArticlePane),
            inspector=self.query_one(Inspector),
            status=self.query_one(StatusBar),
            articles=self.query_one(ArticleList),
            pane_label=self.query_one("#pane-label", Static),
        )
        self.painter = Painter(self.host, session, widgets)
        session.move_to(cursor)
        self.analysing = False
        self.query(LoadingIndicator).remove()  # its animation would keep repainting
        self.refresh_bindings()  # the footer shows the keys enabled now
        self.paint()
        # The panes were hidden while loading; focus the left one once it is shown.
        self.call_after_refresh(self.query_one("#left", ArticlePane).focus)

    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        if action in NEEDS_ARTICLES and self.triage is None:
            return None  # shown dimmed until the articles are read
        return True

    # ---- Board (what the controller asks of the screen) --------------------------------

    def ask(self, screen: Screen[Any], then: Callable[[Any], None] | None = None) -> None:
        self.app.push_screen(screen, then)

    def reveal(self, claim_id: str) -> None:
        self.query_one("#right", ArticlePane).scroll_to_claim(claim_id)
        if self.has_class("-narrow"):
            self.show_right = True

    def highlighted_match(self) -> str | None:
        return self.query_one(Inspector).highlighted_match

    # ---- painting (tui/app/screens/painting.py) ----------------------------------------

    def paint(self, *, follow: bool = True) -> None:
        """Repaint everything from the session; `follow` brings the right pane along."""
        if self.painter is None or self.right_cursor is None:
            return
        held = self.right_cursor.settle()
        self.compare = self.painter.paint(self.compare, follow=follow, hold_left=held)
        self._paint_pane_label()

    # ---- the cursor in the right pane (tui/app/screens/right_cursor.py) ----------------

    def _step(self, direction: int) -> None:
        """j/k: in the pane that has the focus."""
        right = self.query_one("#right", ArticlePane)
        if self.right_cursor is not None and right.has_focus and right.article_id is not None:
            left = self.query_one("#left", ArticlePane).article_id
            self.right_cursor.step(left, right.article_id, direction)
        else:
            self._move(lambda t: t.step(direction))

    def _back_to_left(self) -> None:
        if self.right_cursor is not None:
            self.right_cursor.back_to_left()

    def _paint_pane_label(self) -> None:
        if self.painter is not None:
            self.painter.paint_pane_label(self.show_right, self.size.width)

    def on_resize(self) -> None:
        # The panes wrap their text again at the new width: the selected claim's line moves.
        self.call_after_refresh(self._keep_selected_in_view)

    def _keep_selected_in_view(self) -> None:
        s = self.session
        if s is not None and s.current is not None and self.right_cursor is not None:
            held = self.right_cursor.hold_left is not None
            self.query_one("#right" if held else "#left", ArticlePane).scroll_to_claim(s.current.id)

    def on_screen_resume(self) -> None:
        """Back from another screen (orphans, coverage, help): show what may have changed."""
        if self.triage is not None:
            self.triage.leave_settled_disagreements()
            self.paint()

    # ---- actions: routed through routes.py, or a method of their own below -----------

    def _run(self, act: Callable[[Triage], None]) -> None:
        if self.triage is not None:  # check_action keeps these off until then
            act(self.triage)

    def _move(self, act: Callable[[Triage], None]) -> None:
        """A move that starts from the left pane's claim (the cursor leaves the right pane)."""
        self._back_to_left()
        self._run(act)

    def route(self, action: str) -> None:
        """Run a key's action through its controller (tui/app/screens/routes.py)."""
        if action in MOVES:
            self._move(MOVES[action])
        elif action in DECISIONS:
            self._run(DECISIONS[action])
        elif self.linking is not None:  # check_action keeps these off until then
            LINKS[action](self.linking)
            if action in REBIND_AFTER:
                self.refresh_bindings()  # the mark enables or disables keys

    def action_next_claim(self) -> None:
        self._step(1)

    def action_previous_claim(self) -> None:
        self._step(-1)

    def action_focus_matches(self) -> None:
        inspector = self.query_one(Inspector)
        if inspector.highlighted_match is None:
            self._run(lambda t: t.say("This claim has no match or suggestion to judge."))
            return
        inspector.focus()

    def action_search(self) -> None:
        if self.finder is not None:
            self._back_to_left()
            self.searching = True
            self.finder.start()

    def action_switch_pane(self) -> None:
        left, right = self.query_one("#left", ArticlePane), self.query_one("#right", ArticlePane)
        if self.has_class("-narrow"):
            self.show_right = not self.show_right
        if right.has_focus and self.right_cursor is not None and self.right_cursor.back_to_left():
            self.paint(follow=False)
        (left if right.has_focus else right).focus()

    def action_toggle_articles(self) -> None:
        self.show_articles = not self.show_articles

    def action_toggle_legend(self) -> None:
        self.query_one(LegendLine).toggle()

    def action_open_url(self) -> None:
        self._run(lambda t: open_article(self, t.session))

    def action_copy_claim(self) -> None:
        self._run(lambda t: copy_claim(self, t.session))

    def action_export_verdicts(self) -> None:
        from tui.app.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.host))

    def action_add_article(self) -> None:
        from tui.app.screens.add_article import AddArticleWanted

        self.post_message(AddArticleWanted())  # the app opens the dialog (tui/app/fetching.py)

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.host.keymap))

    def action_quit(self) -> None:
        self.host.leave()

    # ---- events -----------------------------------------------------------------------

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        if self.finder is not None:
            self.finder.changed(event.value)

    @on(SearchBar.Submitted)
    def _search_next(self, event: SearchBar.Submitted) -> None:
        if self.finder is not None:
            self.finder.submitted(event.value)

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.searching = False
        if self.finder is not None:
            self.finder.close()
        self.query_one("#left", ArticlePane).focus()

    @on(ArticlePane.ClaimClicked)
    def _clicked(self, event: ArticlePane.ClaimClicked) -> None:
        s = self.session
        if s is None or not (s.is_claim(event.claim) or s.filter == "not claims"):
            return
        if event.pane.id == "right":
            # Selected there, the articles staying where they are (j/k then walk that pane).
            event.pane.focus()
            if self.right_cursor is not None:
                left = self.query_one("#left", ArticlePane).article_id
                self.right_cursor.select(left, event.claim)
            return
        if self.right_cursor is not None:
            self.right_cursor.hold_left = None
        s.move_to(event.claim)
        self.paint()

    @on(Inspector.MatchChosen)
    def _match_chosen(self, event: Inspector.MatchChosen) -> None:
        """enter on a listed match: its article in the right pane, scrolled to it."""
        s = self.session
        if s is None or not s.analysis.has_claim(event.claim):
            return
        self.compare = s.analysis.claim(event.claim).article
        self.paint(follow=False)
        self.reveal(event.claim)

    @on(Inspector.Left)
    def _inspector_left(self) -> None:
        self.query_one("#left", ArticlePane).focus()

    @on(ArticleList.ArticleChosen)
    def _article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        if self.triage is not None:
            found = self.triage.session.article_start(event.article)
            self.triage.go(found, "This article has no claim in this filter.")


def _routed(action: str) -> Callable[[MainScreen], None]:
    def run(screen: MainScreen) -> None:
        screen.route(action)

    run.__name__ = f"action_{action}"
    return run


for _action in sorted(ROUTED):
    setattr(MainScreen, f"action_{_action}", _routed(_action))
