"""What the main screen shows, drawn from the session: the two panes and their marks, the
inspector, the status line, the article list and the narrow layout's pane label.

The Painter owns the drawing and the little it remembers between repaints (each cluster's
colour, what the status line last counted); the screen owns the state the keys change (which
article the right pane compares, which pane the narrow layout shows) and hands it in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text

from tui.app.article_meta import meta_of
from tui.app.marks import cluster_colours, unit_marks
from tui.app.widgets.article_list import ArticleList, ArticleRow
from tui.app.widgets.article_pane import ArticlePane, PaneUnit
from tui.app.widgets.inspector import Inspector
from tui.app.widgets.status_bar import Status, StatusBar
from tui.support.safe_text import printable

if TYPE_CHECKING:
    from textual.widgets import Static

    from tui.app.host import Host
    from tui.review.session import Session


@dataclass(frozen=True, slots=True)
class Widgets:
    """The main screen's widgets the painter draws on."""

    left: ArticlePane
    right: ArticlePane
    inspector: Inspector
    status: StatusBar
    articles: ArticleList
    pane_label: Static


class Painter:
    def __init__(self, host: Host, session: Session, widgets: Widgets) -> None:
        self.host, self.session, self.w = host, session, widgets
        self._colours = cluster_colours(session)
        self._counted: tuple[object, ...] | None = None  # what the status line counted

    def _show(self, pane: ArticlePane, article_id: str) -> None:
        if pane.article_id == article_id:
            return
        analysis = self.session.analysis
        article = analysis.article(article_id)
        units = [PaneUnit(c.id, c.start, c.end) for c in analysis.claims_of(article_id)]
        meta = meta_of(article, self.session.sources.outlet[article_id])
        pane.show_article(article_id, article.title, article.text, units, meta)

    def paint(
        self, compare: str | None, *, follow: bool = True, hold_left: str | None = None
    ) -> str:
        """Repaint everything from the session; `follow` brings the right pane along to the
        selected claim's best match. With `hold_left`, the cursor is in the right pane: the
        left pane keeps that article and the right one shows the selected claim. The
        article the right pane compares now."""
        from tui.review.session import other_end

        s, left, right = self.session, self.w.left, self.w.right
        current = s.current
        if hold_left is not None and current is not None and current.article != hold_left:
            return self._paint_right_cursor(hold_left, current.id)
        articles = [a.id for a in s.analysis.articles]
        left_id = current.article if current else articles[0]
        self._show(left, left_id)
        counterparts: set[str] = set()
        if current is not None:
            matches = s.analysis.matches_of(current.id)
            counterparts = {other_end(m, current.id) for m in matches}
            in_right = [
                m for m in matches if s.analysis.claim(other_end(m, current.id)).article == compare
            ]
            if follow and matches and not in_right:
                compare = s.analysis.claim(other_end(matches[0], current.id)).article
                in_right = [matches[0]]
            if follow and in_right and compare is not None:
                self._show(right, compare)
                right.scroll_to_claim(other_end(in_right[0], current.id))
        if compare is None or (compare == left_id and len(articles) > 1):
            compare = next(a for a in articles if a != left_id) if len(articles) > 1 else left_id
        self._show(right, compare)
        selected = current.id if current else None
        linked, marked = self.linked_marks()
        left.set_marks(unit_marks(s, left_id, selected, set(), self._colours, marked=marked))
        right.set_marks(
            unit_marks(s, compare, None, counterparts, self._colours, linked=linked, marked=marked)
        )
        if current is not None:
            left.scroll_to_claim(current.id)
        self.w.inspector.show_claim(s, selected)
        self.paint_status()
        return compare

    def _paint_right_cursor(self, left_id: str, selected: str) -> str:
        """The cursor in the right pane: its claim selected there, its counterparts and links
        marked in the left pane (which keeps its article), the left scrolled to the first."""
        from tui.review.session import other_end

        s, left, right = self.session, self.w.left, self.w.right
        right_id = s.analysis.claim(selected).article
        self._show(left, left_id)
        self._show(right, right_id)
        counterparts = {other_end(m, selected) for m in s.analysis.matches_of(selected)}
        linked, marked = self.linked_marks()
        left.set_marks(
            unit_marks(s, left_id, None, counterparts, self._colours, linked=linked, marked=marked)
        )
        right.set_marks(unit_marks(s, right_id, selected, set(), self._colours, marked=marked))
        right.scroll_to_claim(selected)
        in_left = [c for c in counterparts if s.analysis.claim(c).article == left_id]
        if in_left:
            left.scroll_to_claim(min(in_left, key=lambda c: s.analysis.claim(c).start))
        self.w.inspector.show_claim(s, selected)
        self.paint_status()
        return right_id

    def linked_marks(self) -> tuple[dict[str, str], str | None]:
        """The claims linked to the selected one (-> relation) and the claim marked to be
        linked."""
        from tui.review.links import LinkedAnalysis

        s = self.session
        if s.current is None:
            return {}, None
        analysis = s.analysis
        linked = (
            {other: r.value for other, r in analysis.linked(s.current.id)}
            if isinstance(analysis, LinkedAnalysis)
            else {}
        )
        return linked, s.link_from

    def paint_pane_label(self, show_right: bool, width: int) -> None:
        """The narrow layout's one pane: which article it shows, and how to see the other."""
        s = self.session
        pane = self.w.right if show_right else self.w.left
        if pane.article_id is None:
            return
        article = s.analysis.article(pane.article_id)
        which = "Comparison" if show_right else "Claim's article"
        other = "the claim's article" if show_right else "the comparison"
        label = f"{which}: {article.title} ({s.sources.outlet[article.id]})"
        hint = f" · {self.host.key('switch_pane')} shows {other}"
        text = Text(printable(label, keep_newlines=False), no_wrap=True, end="")
        text.truncate(max(8, width - len(hint) - 2), overflow="ellipsis")
        text.append(hint)
        self.w.pane_label.update(text)

    def paint_status(self) -> None:
        """The status line and the article list; counted again only when the verdicts, the
        filter or what is unsaved changed (the cursor moving changes none of them)."""
        s = self.session
        unsaved = self.host.unsaved
        counted = (s.verdict_set, s.filter, unsaved)
        last = self._counted
        if last is None or last[0] is not s.verdict_set or last[1:] != counted[1:]:
            self._counted = counted
            triaged, total = s.progress()
            self.w.status.status = Status(
                triaged=triaged,
                total=total,
                filter=str(s.filter),
                shown=len(s.visible()) if s.filter != "all" else total,
                orphans=len(s.orphans()),
                disagreements=s.disagreements(),
                later=s.later_count(),
                unsaved=unsaved,
                path=self.host.path_label,
            )
            wire = {a: i for i, g in enumerate(s.sources.wire, 1) for a in g.articles}
            rows = [
                ArticleRow(
                    a.id,
                    a.title,
                    *s.progress(a.id),
                    s.sources.outlet[a.id],
                    wire.get(a.id),
                    published=a.published or "",
                )
                for a in s.analysis.articles
            ]
            self.w.articles.show_rows(rows, s.current.article if s.current else None)
        elif s.current is not None:
            self.w.articles.show_current(s.current.article)
