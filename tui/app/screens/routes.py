"""Which controller call each key of the main screen makes: one line per key.

The main screen turns every action named here into its `action_<name>` method (Textual
finds actions by that name), so a key's whole route reads in one table instead of a
three-line method per key. A move starts from the left pane's claim (the cursor leaves the
right pane first, tui/app/screens/right_cursor.py); a decision acts on the selected claim
wherever it is; a link key goes to the Linking controller. Keys that do more than call a
controller (j/k, search, tab, the legend, ...) keep a method of their own on the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from tui.verdicts.model import Relation, Status

if TYPE_CHECKING:
    from tui.app.screens.linking import Linking
    from tui.app.screens.triage import Triage

MOVES: Mapping[str, Callable[[Triage], None]] = {
    "next_untriaged": lambda t: t.step(1, untriaged=True),
    "previous_untriaged": lambda t: t.step(-1, untriaged=True),
    "first_claim": lambda t: t.first(),
    "last_claim": lambda t: t.last(),
    "previous_comparison": lambda t: t.cycle_compare(-1),
    "next_comparison": lambda t: t.cycle_compare(1),
    "previous_article": lambda t: t.cycle_article(-1),
    "next_article": lambda t: t.cycle_article(1),
    "show_best_match": lambda t: t.show_best_match(),
    "cycle_filter": lambda t: t.cycle_filter(),
    "coverage": lambda t: t.coverage(),
}

DECISIONS: Mapping[str, Callable[[Triage], None]] = {
    "orphans": lambda t: t.orphans(),
    "mark_corroborated": lambda t: t.mark(Status.CORROBORATED),
    "mark_disputed": lambda t: t.mark(Status.DISPUTED),
    "mark_unsourced": lambda t: t.mark(Status.UNSOURCED),
    "accept_suggestion": lambda t: t.accept_suggestion(),
    "clear_verdict": lambda t: t.clear(),
    "toggle_claim": lambda t: t.toggle_claim(),
    "cluster_verdict": lambda t: t.cluster_verdict(),
    "edit_note": lambda t: t.edit_note(),
    "undo": lambda t: t.undo(),
    "redo": lambda t: t.redo(),
}

LINKS: Mapping[str, Callable[[Linking], None]] = {
    "defer": lambda k: k.defer(),
    "confirm_link": lambda k: k.relate(Relation.SAME),
    "reject_link": lambda k: k.relate(Relation.DIFFERENT),
    "contradicts_link": lambda k: k.relate(Relation.CONTRADICTS),
    "link_claims": lambda k: k.link(),
    "unlink": lambda k: k.unlink(),
    "split_claim": lambda k: k.split(),
    "join_claims": lambda k: k.join(),
}
# After these, the keys a pending link enables or disables change.
REBIND_AFTER = frozenset({"link_claims", "unlink"})

ROUTED = frozenset(MOVES) | frozenset(DECISIONS) | frozenset(LINKS)
