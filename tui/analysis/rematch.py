"""An analysis whose units the reviewer cut differently (splits and joins), matched again.

Only the articles that hold a new unit are matched again: every pair with a claim of such
an article is scored afresh, the matches among the other articles are kept from the
analysis as it was (`match_claims`' incremental mode, which gives a full run's result), and
clusters are formed again over all matches. The cost is that of matching one article's
claims against the corpus (a few milliseconds on the seeds), paid again at each split or
join and at each opening of a file that holds some; the disk cache keeps the machine's
units and matches, never the reviewer's.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from tui.analysis.pipeline import Analysis
from tui.claims.units import Unit
from tui.config import MatchSettings
from tui.matching.matcher import match_claims


def rematched(
    analysis: Analysis, units: Sequence[Unit], fresh: Collection[str], settings: MatchSettings
) -> Analysis:
    """`analysis` over `units` (every unit of the same articles, in article order), where
    `fresh` are the ids of the units that are new."""
    if not fresh:
        return analysis
    cut = {u.article for u in units if u.id in fresh}
    # Matches with a unit the cuts removed, or in an article they cut, are found again.
    known = [
        m
        for m in analysis.matches
        if analysis.claim(m.a).article not in cut and analysis.claim(m.b).article not in cut
    ]
    result = match_claims(units, settings, fresh=fresh, known=known)
    return Analysis(analysis.corpus, tuple(units), result.matches, result.clusters)
