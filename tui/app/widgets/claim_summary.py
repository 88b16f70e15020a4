"""The inspector's account of a claim, down to the suggestion: the claim, its article and
outlet, the claim marked for a link, its wire copies, its attribution, the verdict (or the
reviewers' disagreement), the note and sources, and the suggested verdict with its reason.
What the suggestion rests on, and every other match, follow it (tui/app/widgets/match_list.py).

Everything is plain Text built from strings (article text is never parsed as markup); the
styles are the inspector's component classes, looked up through the `Pen`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from tui.app.keys import DECIDE, bound_key, bound_keys
from tui.support.safe_text import printable

if TYPE_CHECKING:
    from tui.review.links import Counterpart
    from tui.review.session import Session
    from tui.review.suggestions import Suggestion

SYMBOLS = {"corroborated": "✓", "disputed": "✗", "unsourced": "?", "later": "…"}


def safe(text: str) -> str:
    """Outside text on one line, without control or invisible characters."""
    return printable(text, keep_newlines=False)


@dataclass
class Pen:
    """Writes the inspector's text: `style` names a component class (without the
    "inspector--" prefix); `keymap` names the keys as bound."""

    style: Callable[[str], Style]
    keymap: Mapping[str, str]
    out: Text = field(default_factory=lambda: Text(no_wrap=False, end=""))

    def write(self, text: str, style: str | None = None) -> None:
        self.out.append(text, self.style(style) if style else None)

    def key(self, action: str) -> str:
        return bound_key(action, self.keymap)

    def decide_keys(self) -> str:
        return bound_keys(DECIDE, self.keymap)

    def status(self, status: str) -> Text:
        """A status with its symbol, coloured when it is a verdict (a status this version
        has no colour for shows muted)."""
        if status in SYMBOLS:
            return Text(f"{SYMBOLS[status]} {status}", style=self.style(status))
        return Text(f"· {status}", style=self.style("muted"))


def conflict_lines(claim_id: str, other: Counterpart) -> list[str]:
    """ "⚠ number workers (killed): 12 here, 15 there" for each figure or date of `claim_id`
    that `other` states otherwise."""
    ours_first = claim_id < other.claim  # a conflict's `a` is the pair's first claim
    lines = []
    for k in other.conflicts:
        ours, their = (k.a, k.b) if ours_first else (k.b, k.a)
        what = f" {k.subject}" if k.subject else ""
        lines.append(f"⚠ {k.kind}{what}: {safe(ours)} here, {safe(their)} there")
    return lines


def write_summary(
    pen: Pen, session: Session, claim_id: str, *, compact: bool = False
) -> Suggestion | None:
    """The claim down to its suggestion; the suggestion (None for a unit that is not a
    claim, which has none).

    `compact` (an inspector of few lines): the suggestion and the figures or dates that
    disagree come right under the claim, before its article, verdict and the rest, so the
    reason for a suggested verdict is on screen without scrolling."""
    from tui.review.suggestions import suggest

    analysis = session.analysis
    claim = analysis.claim(claim_id)
    article = analysis.article(claim.article)
    sources = session.sources
    pen.write(safe(claim.text), "claim")
    early = suggest(analysis, claim_id, sources) if compact and session.is_claim(claim_id) else None
    if early is not None:
        _suggestion(pen, early)
        evidence = {e.claim for e in early.evidence}
        for other in session.counterparts(claim_id):
            if other.claim in evidence:
                outlet = safe(sources.outlet[analysis.claim(other.claim).article])
                for line in conflict_lines(claim_id, other):
                    pen.write(f"\n{line}", "conflict")
                    pen.write(f" ({outlet})", "muted")
    pen.write(f"\n{safe(article.title)} · ", "muted")
    pen.write(safe(sources.outlet[claim.article]), "outlet")
    units = analysis.claims_of(claim.article)
    pen.write(f" · unit {claim.index + 1} of {len(units)}", "muted")
    _marked(pen, session, claim_id)
    wire = sources.wire_group_of(claim.article)
    if wire is not None:
        copies = [analysis.article(a).title for a in wire.articles if a != claim.article]
        pen.write("\nWire copy: ", "label")
        verb = "carries" if len(copies) == 1 else "carry"
        pen.write(
            f"{'; '.join(safe(t) for t in copies)} {verb} the same story (counted as one source)",
            "wire",
        )
    if not session.is_claim(claim_id):
        pen.write(f"\nNot a claim ({pen.key('toggle_claim')} makes it one).", "muted")
        return None
    if claim.attribution.strip():
        pen.write("\nAttributed to: ", "label")
        pen.write(safe(claim.attribution))
    _verdict(pen, session, claim_id)
    if early is not None:
        return early
    suggestion = suggest(analysis, claim_id, sources)
    _suggestion(pen, suggestion)
    return suggestion


def _suggestion(pen: Pen, suggestion: Suggestion) -> None:
    pen.write("\nSuggestion: ", "label")
    if suggestion.status is not None:
        pen.out.append_text(pen.status(suggestion.status.value))
        accept = pen.key("accept_suggestion")
        pen.write(f" ({safe(suggestion.reason)}; {accept} accepts)", "suggestion")
    else:
        pen.write(f"none ({safe(suggestion.reason)})", "suggestion")


def _marked(pen: Pen, session: Session, claim_id: str) -> None:
    marked, analysis = session.link_from, session.analysis
    if marked is None or not analysis.has_claim(marked):
        return
    link = pen.key("link_claims")
    pen.write("\nMarked for a link: ", "label")
    if marked == claim_id:
        pen.write(f"this claim (select the other, then {link}; {link} here cancels)")
    else:
        pen.write(safe(analysis.claim(marked).text), "linking")
        pen.write(f" ({link} links it to this claim)", "suggestion")


def _verdict(pen: Pen, session: Session, claim_id: str) -> None:
    verdict = session.verdict(claim_id)
    disagreement = session.disagreement(claim_id)
    pen.write("\nVerdict: ", "label")
    if disagreement is not None:
        pen.write("reviewers disagree: ", "conflict")
        for i, (name, said) in enumerate(disagreement.statuses):
            pen.write(", " if i else "")
            pen.write(f"{safe(name)} ")
            pen.out.append_text(pen.status(said.value))
        pen.write(f" ({pen.decide_keys()} settles it)", "suggestion")
        return
    if verdict is None:
        pen.write("untriaged", "muted")
        return
    pen.out.append_text(pen.status(verdict.status.value))
    if verdict.reviewer:
        pen.write(f" ({safe(verdict.reviewer)})", "muted")
    if verdict.text_changed:
        pen.write("\nDecided on: ", "label")
        pen.write(safe(verdict.decided_text), "conflict")
        pen.write(f" (the text has changed since; {pen.decide_keys()} decides again)", "suggestion")
    if verdict.note:
        pen.write("\nNote: ", "label")
        pen.write(printable(verdict.note))
    if verdict.sources:
        pen.write("\nSources: ", "label")
        pen.write("; ".join(safe(s) for s in verdict.sources))
