"""How each unit of an article pane is drawn, from the session's state: the component
classes of its text and of its verdict slot, and the slot's symbol (colours are in app.tcss).
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import TYPE_CHECKING

from tui.app.widgets.pane_layout import Mark

if TYPE_CHECKING:
    from tui.review.session import Session

SYMBOL = {"corroborated": "✓", "disputed": "✗", "unsourced": "?", "later": "…"}
CONTESTED = "≠"
STRONG_SCORE = 90.0
CLUSTER_COLOURS = 6


def cluster_colours(session: Session) -> dict[str, int]:
    """Each cluster's colour slot, in the order the clusters come."""
    return {cl.id: i % CLUSTER_COLOURS for i, cl in enumerate(session.analysis.clusters)}


def unit_marks(
    session: Session,
    article_id: str,
    selected: str | None,
    counterparts: Set[str],
    colours: Mapping[str, int],
    *,
    linked: Mapping[str, str] | None = None,
    marked: str | None = None,
) -> dict[str, Mark]:
    """The mark of every unit of `article_id`: `selected` is the cursor's unit,
    `counterparts` the units matching it (shown in the other pane), `linked` the units the
    reviewer linked to it (-> "same", "different" or "contradicts"), `marked` the unit
    waiting to be linked."""
    linked = linked or {}
    s, analysis = session, session.analysis
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
        if c.id in linked:
            text.append(f"article-pane--link-{linked[c.id]}")
        if c.id == marked:
            text.append("article-pane--link-from")
        if c.id == selected:
            text.append("article-pane--selected")
        verdict = s.verdict(c.id)
        status = verdict.status.value if verdict else "untriaged"
        symbol = SYMBOL.get(status, "·")
        if verdict is None and s.disagreement(c.id) is not None:
            symbol = CONTESTED  # reviewers disagree: waiting for the adjudicator
        # A status without a look of its own is drawn as untriaged.
        slot = [f"article-pane--{status if status in SYMBOL else 'untriaged'}"]
        cluster = analysis.cluster_of(c.id)
        if cluster is not None:
            slot.append(f"article-pane--cluster-{colours.get(cluster.id, 0)}")
        marks[c.id] = Mark(tuple(text), tuple(slot), symbol)
    return marks
