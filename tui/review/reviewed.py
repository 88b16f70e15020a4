"""The machine's analysis as the reviewer corrected it: their splits and joins cut the
units (and the articles they touch are matched again), then their links are applied to the
matches. `placement.place` runs this before placing the verdicts, so verdicts, exports,
stats and the app all see one corrected analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.analysis.pipeline import Analysis
from tui.analysis.rematch import rematched
from tui.config import MatchSettings
from tui.review.links import LinkedAnalysis, apply_links
from tui.verdicts.anchoring import OrphanCorrection, file_anchors, renamed_articles
from tui.verdicts.cuts import apply_cuts
from tui.verdicts.link_anchoring import OrphanLink, place_links
from tui.verdicts.model import Correction, Link, VerdictSet


@dataclass(frozen=True, slots=True)
class Reviewed:
    analysis: LinkedAnalysis
    cuts: tuple[Correction, ...]  # splits and joins applied, anchored on today's text
    orphan_cuts: tuple[OrphanCorrection, ...]  # those that could not be applied
    links: tuple[Link, ...]  # links placed on today's claims
    orphan_links: tuple[OrphanLink, ...]


def base_of(analysis: Analysis) -> Analysis:
    """The machine's analysis of the files, whatever has been applied to `analysis`."""
    if isinstance(analysis, LinkedAnalysis) and analysis.base is not None:
        return analysis.base
    return analysis


def cut_analysis(
    base: Analysis, vs: VerdictSet, settings: MatchSettings, renamed: dict[str, str]
) -> tuple[Analysis, tuple[Correction, ...], tuple[OrphanCorrection, ...]]:
    """`base` with the splits and joins of `vs` applied and the articles they cut matched
    again: (that analysis, the cuts applied, the cuts that could not be)."""
    cut_corrections = [c for c in vs.corrections if c.cuts]
    if not cut_corrections:
        return base, (), ()
    articles = {a.id: a for a in base.articles}
    units = {a.id: base.claims_of(a.id) for a in base.articles}
    cuts = apply_cuts(cut_corrections, articles, units, renamed)
    if not cuts.placed:
        return base, (), cuts.orphans
    ordered = [u for a in base.articles for u in cuts.units.get(a.id, ())]
    return rematched(base, ordered, cuts.made, settings), cuts.placed, cuts.orphans


def review_analysis(
    analysis: Analysis, vs: VerdictSet, settings: MatchSettings | None = None
) -> Reviewed:
    """`analysis` (the machine's: a LinkedAnalysis is taken back to its base) with the
    splits, joins and links of `vs` placed on today's text and applied."""
    settings = settings or MatchSettings()
    base = base_of(analysis)
    articles = {a.id: a for a in base.articles}
    renamed = renamed_articles(file_anchors(vs), articles)
    machine, cuts, orphan_cuts = cut_analysis(base, vs, settings, renamed)
    units = {a.id: machine.claims_of(a.id) for a in machine.articles}
    links, orphan_links = place_links(vs.links, articles, units, renamed, merged=vs.merged)
    linked = apply_links(machine, links, settings, base=base, cuts=cuts)
    return Reviewed(linked, cuts, orphan_cuts, links, orphan_links)
