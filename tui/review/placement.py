"""Saved decisions placed on today's articles: the one step the app and every command that
reads a verdict file (export, stats, merge) take before they show or report anything.

Verdicts that no longer fit anywhere (orphans) stay in the working set untouched, so every
save writes them back; the reviewer lists them and re-attaches or discards them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tui.verdicts.anchoring import Orphan, OrphanCorrection, reanchor
from tui.verdicts.model import Correction, Verdict, VerdictSet

if TYPE_CHECKING:
    from tui.analysis.pipeline import Analysis


@dataclass(frozen=True, slots=True)
class Placement:
    """A verdict set re-anchored on an analysis."""

    placed: tuple[Verdict, ...]  # with their current anchors
    orphans: tuple[Orphan, ...]  # each with its verdict as in the file and its best candidate
    corrections: tuple[Correction, ...]  # placed ones re-anchored, the others untouched
    orphan_corrections: tuple[OrphanCorrection, ...]
    verdict_set: VerdictSet  # the set to work on: placed verdicts, then the orphans' as read

    @property
    def orphan_verdicts(self) -> tuple[Verdict, ...]:
        return tuple(o.verdict for o in self.orphans)


def place(vs: VerdictSet, analysis: Analysis) -> Placement:
    """Re-anchor `vs` against the articles and units of `analysis`."""
    claims = {a.id: analysis.claims_of(a.id) for a in analysis.articles}
    result = reanchor(vs, {a.id: a for a in analysis.articles}, claims)
    corrections = (*result.corrections, *(o.correction for o in result.orphan_corrections))
    working = replace(
        vs,
        verdicts=(*result.placed, *(o.verdict for o in result.orphans)),
        corrections=corrections,
    )
    return Placement(
        tuple(result.placed),
        tuple(result.orphans),
        corrections,
        tuple(result.orphan_corrections),
        working,
    )
