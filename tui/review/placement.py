"""Saved decisions placed on today's articles: the one step the app and every command that
reads a verdict file (export, stats, merge, match --verdicts) take before they show or
report anything.

First the reviewer's corrections of the machine: splits and joins cut the units (the
articles they touch are matched again), then links are applied to the matches
(`tui.review.reviewed`); `Placement.analysis` is that corrected analysis, which everything
after reads. Then the verdicts and the corrections of a unit's kind are placed on its units.

Decisions that no longer fit anywhere (orphans: verdicts, corrections, links) stay in the
working set untouched, so every save writes them back; the reviewer lists them and
re-attaches or discards them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tui.review.reviewed import review_analysis
from tui.verdicts.anchoring import Orphan, OrphanCorrection, reanchor
from tui.verdicts.link_anchoring import OrphanLink
from tui.verdicts.model import Correction, Link, Verdict, VerdictSet

if TYPE_CHECKING:
    from tui.analysis.pipeline import Analysis
    from tui.config import MatchSettings
    from tui.review.links import LinkedAnalysis


@dataclass(frozen=True, slots=True)
class Placement:
    """A verdict set re-anchored on an analysis."""

    placed: tuple[Verdict, ...]  # with their current anchors
    orphans: tuple[Orphan, ...]  # each with its verdict as in the file and its best candidate
    corrections: tuple[Correction, ...]  # placed ones re-anchored, the others untouched
    orphan_corrections: tuple[OrphanCorrection, ...]  # of a unit's kind, splits and joins
    verdict_set: VerdictSet  # the set to work on: placed decisions, then the orphans' as read
    # The analysis with the reviewer's splits, joins and links applied.
    analysis: LinkedAnalysis
    links: tuple[Link, ...] = ()  # placed on today's claims
    orphan_links: tuple[OrphanLink, ...] = ()

    @property
    def orphan_verdicts(self) -> tuple[Verdict, ...]:
        return tuple(o.verdict for o in self.orphans)


def place(vs: VerdictSet, analysis: Analysis, settings: MatchSettings | None = None) -> Placement:
    """Re-anchor `vs` against the articles of `analysis` and the units the reviewer's
    cuts make of them. `settings` are the matching settings (the articles a split or a
    join touches are matched again with them; clusters are formed again with them)."""
    reviewed = review_analysis(analysis, vs, settings)
    linked = reviewed.analysis
    claims = {a.id: linked.claims_of(a.id) for a in linked.articles}
    result = reanchor(vs, {a.id: a for a in linked.articles}, claims)
    orphan_corrections = (*result.orphan_corrections, *reviewed.orphan_cuts)
    corrections = (
        *result.corrections,
        *reviewed.cuts,
        *(o.correction for o in orphan_corrections),
    )
    working = replace(
        vs,
        verdicts=(*result.placed, *(o.verdict for o in result.orphans)),
        corrections=corrections,
        links=(*reviewed.links, *(o.link for o in reviewed.orphan_links)),
    )
    return Placement(
        tuple(result.placed),
        tuple(result.orphans),
        corrections,
        orphan_corrections,
        working,
        linked,
        reviewed.links,
        reviewed.orphan_links,
    )
