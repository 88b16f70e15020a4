"""The inspector's list of a claim's matches and suggestions, evidence first.

Right under the suggestion comes what it rests on: the claims whose figures or dates
disagree (or that the reviewer linked as contradicting) for a disputed claim, the
corroborating claims grouped by independent source (outlet, or wire copies) for a
corroborated one, the claims of its own outlet and the suggested counterparts otherwise.
Then the count line, counted as the suggestion counts (`tui.review.contest.tally`: "3
matches in 2 outlets, 5 suggestions"), then every other match, suggestion and rejected
pair. Each listed claim is an entry of the inspector's list (j/k, enter): nothing is cut
short.

Each entry: its score, its tier or the reviewer's word on it, the other article and its
outlet, the figures that disagree, and the other sentence with the words this claim does
not share underlined.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from tui.app.widgets.claim_summary import Pen, conflict_lines, safe
from tui.corpus.outlets import UNKNOWN

if TYPE_CHECKING:
    from tui.review.links import Counterpart
    from tui.review.session import Session
    from tui.review.suggestions import Suggestion

# The reviewer's word on a pair, as the list names it (the machine's pairs by their tier).
RELATION_LABELS = {"same": "confirmed", "different": "rejected", "contradicts": "contradicts"}
GUTTER, POINTER = "  ", "▶ "
Entries = list[tuple[str, int]]  # each listed claim, and where its line starts in the text


def write_matches(pen: Pen, session: Session, claim_id: str, suggestion: Suggestion) -> Entries:
    """The evidence under the suggestion, the count line, and the rest; the entries."""
    from tui.review.contest import tally
    from tui.verdicts.model import Status

    listed = session.counterparts(claim_id)
    by_claim = {c.claim: c for c in listed}
    evidence = [by_claim[e.claim] for e in suggestion.evidence if e.claim in by_claim]
    entries: Entries = []
    if suggestion.status is Status.CORROBORATED:
        _by_source(pen, session, claim_id, evidence, entries)
    else:
        for c in evidence:
            _entry(pen, session, claim_id, c, entries)
    counted = tally(session.analysis, claim_id, session.sources)
    pen.write("\nMatches: ", "label")
    if not listed:
        pen.write("none", "muted")
        pen.write(" (no other article says this)", "muted")
    else:
        pen.write(counted.phrase())
        said = (
            (pen.key(action), what)
            for action, what in (
                ("confirm_link", "same fact"),
                ("reject_link", "not the same"),
                ("contradicts_link", "contradicts"),
                ("unlink", "unlink"),
                ("focus_matches", "picks another"),
            )
        )
        hint = ", ".join(f"{key} {what}" for key, what in said)
        pen.write(f" · on {POINTER.strip()}: {hint}", "muted")
    shown = {c.claim for c in evidence}
    for c in listed:
        if c.claim not in shown:
            _entry(pen, session, claim_id, c, entries)
    return entries


def _by_source(
    pen: Pen, session: Session, claim_id: str, evidence: Sequence[Counterpart], entries: Entries
) -> None:
    """The corroborating claims under a line naming their source, best source first."""
    analysis, sources = session.analysis, session.sources
    groups: dict[str, list[Counterpart]] = {}
    for c in evidence:
        groups.setdefault(sources.source_of(analysis.claim(c.claim).article), []).append(c)
    for group in groups.values():
        articles = list(dict.fromkeys(analysis.claim(c.claim).article for c in group))
        outlets = list(dict.fromkeys(sources.outlet[a] for a in articles))
        pen.write(f"\n{GUTTER}")
        known = [safe(o) for o in outlets if o != UNKNOWN]
        if known:
            pen.write(" / ".join(known), "outlet")
        else:  # each article of unknown outlet is a source of its own
            pen.write("unknown outlet", "muted")
        if len(articles) > 1:
            pen.write(f" · {len(articles)} articles, one source", "muted")
        for c in group:
            _entry(pen, session, claim_id, c, entries)


def _entry(pen: Pen, session: Session, claim_id: str, m: Counterpart, entries: Entries) -> None:
    analysis, sources = session.analysis, session.sources
    own = analysis.claim(claim_id)
    other = analysis.claim(m.claim)
    pen.write("\n")
    entries.append((m.claim, len(pen.out)))
    pen.write(GUTTER)
    pen.write(f"{m.score:5.1f} ", "score")
    if m.relation is not None:
        label = RELATION_LABELS[m.relation.value]
        pen.write(f"{label:<11}", m.relation.value)
        pen.write(" ")
    else:
        pen.write(f"{m.tier!s:<11} ", "score")
    pen.write(safe(analysis.article(other.article).title), "label")
    pen.write(" · ", "muted")
    pen.write(safe(sources.outlet[other.article]), "outlet")
    wire = sources.wire_group_of(other.article)
    if wire is not None:  # the article list's marker for the group
        pen.write(f" ≈ wire {sources.wire.index(wire) + 1}", "wire")
    if other.article != own.article and sources.source_of(other.article) == sources.source_of(
        own.article
    ):
        pen.write(" (same source: not independent)", "wire")
    ours_first = claim_id < m.claim  # a conflict's `a` is the pair's first claim
    theirs = [k.b if ours_first else k.a for k in m.conflicts]
    for line in conflict_lines(claim_id, m):
        pen.write(f"\n        {line}", "conflict")
    pen.write("\n        ")
    pen.out.append_text(_diff(pen, own.text, other.text, theirs))


def _diff(pen: Pen, ours: str, theirs: str, conflicts: list[str]) -> Text:
    """Their sentence, with the words ours does not share highlighted and conflicting
    figures in the warning colour."""
    from tui.matching.matcher import word_diff

    text = Text(end="")
    for piece, tag in word_diff(theirs, ours):
        text.append(safe(piece), style=pen.style("diff") if tag != "same" else None)
    plain = text.plain
    for surface in conflicts:
        at = plain.find(safe(surface))
        if surface and at >= 0:
            text.stylize(pen.style("conflict"), at, at + len(surface))
    return text
