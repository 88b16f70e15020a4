"""A suggested verdict for a claim, with the reason in words. Never applied by itself: the
app shows it and the reviewer accepts it with a key (or does not).

Rules, first that applies wins:

1. Figures or dates disagree with another article's matching claim -> disputed
   ("figures disagree with 2 articles"). A disagreement outranks any agreement: a reviewer
   must look before calling such a claim corroborated.
2. Matched (tier `match`) in at least one other independent source -> corroborated
   ("matched in 3 other articles"). Sources are counted by outlet: articles of the claim's
   own outlet do not count, several articles of one other outlet count once, and an article
   whose outlet is unknown counts as a source of its own.
3. No independent match but the claim names its source (attribution) -> no suggestion.
   A named source is not corroboration, yet calling the claim "unsourced" would be false;
   the reviewer has to check that source, so the reason says so and `v` does nothing.
4. Otherwise -> unsourced ("no match and no named source"). `related` pairs are too weak to
   corroborate; the reason mentions them so the reviewer can look.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.triage import other_end
from tui.verdicts import Status

if TYPE_CHECKING:
    from tui.analysis import Analysis


@dataclass(frozen=True, slots=True)
class Suggestion:
    status: Status | None  # None: no verdict suggested, only the reason
    reason: str


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def source_key(analysis: Analysis, article_id: str) -> str:
    """Articles with one outlet are one source; an unknown outlet is a source of its own."""
    outlet = analysis.article(article_id).outlet
    return (
        f"outlet:{outlet.strip().casefold()}"
        if outlet and outlet.strip()
        else f"article:{article_id}"
    )


def suggest(analysis: Analysis, claim_id: str) -> Suggestion:
    claim = analysis.claim(claim_id)
    own = source_key(analysis, claim.article)
    conflicting: set[str] = set()
    conflict_kinds: set[str] = set()
    matched_articles: set[str] = set()
    matched_sources: set[str] = set()
    same_outlet = 0
    related = 0
    for m in analysis.matches_of(claim_id):
        other_article = analysis.claim(other_end(m, claim_id)).article
        if other_article == claim.article:
            continue
        key = source_key(analysis, other_article)
        if m.conflicts:
            conflicting.add(key)
            conflict_kinds.update(k.kind for k in m.conflicts)
        if m.tier != "match":
            related += 1
        elif key == own:
            same_outlet += 1
        else:
            matched_articles.add(other_article)
            matched_sources.add(key)
    if conflicting:
        what = {"number": "figures", "date": "dates"}
        subject = " and ".join(what.get(k, k) for k in sorted(conflict_kinds)) or "figures"
        return Suggestion(
            Status.DISPUTED, f"{subject} disagree with {_plural(len(conflicting), 'article')}"
        )
    if matched_sources:
        reason = f"matched in {_plural(len(matched_articles), 'other article')}"
        if len(matched_sources) < len(matched_articles):
            reason += f" ({_plural(len(matched_sources), 'outlet')})"
        return Suggestion(Status.CORROBORATED, reason)
    no_match = "matched only by the same outlet" if same_outlet else "no match"
    if claim.attribution.strip():
        return Suggestion(
            None, f"{no_match}; attributed to {claim.attribution.strip()}: check that source"
        )
    reason = f"{no_match} and no named source"
    if related:
        reason += f" ({_plural(related, 'related claim')} to look at)"
    return Suggestion(Status.UNSOURCED, reason)
