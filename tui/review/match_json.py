"""The `match` JSON document with each claim's suggested verdict, so that a suggestion can
be audited outside the app.

The analysis layer builds the document (`tui.analysis.pipeline.to_json_document`); the
suggestions belong to the review layer (they count independent sources), so they are
added here, with the same `suggest` the app shows. The schema is in the README.

Over an analysis with the reviewer's links applied (`match --verdicts FILE`), each match
also says where it comes from, `"source": "reviewer"` (a link made or confirmed it) or
`"machine"`, and the pairs the reviewer rejected are listed apart, in `"rejected"` (right
after `matches`), as `{"a", "b"}`. Without a verdict file the document is as it was.
"""

from __future__ import annotations

from typing import Any

from tui.analysis.pipeline import Analysis, to_json_document
from tui.config import MatchSettings
from tui.review.links import LinkedAnalysis
from tui.review.sources import sources_of
from tui.review.suggestions import Suggestion, suggest
from tui.support.gc_pause import gc_paused


def suggestion_json(suggestion: Suggestion) -> dict[str, Any]:
    """`verdict` (null when none is suggested), `reason`, and the `evidence`: the other
    claim of each pair the suggestion rests on, its tier, score and conflicts."""
    return {
        "verdict": None if suggestion.status is None else str(suggestion.status),
        "reason": suggestion.reason,
        "evidence": [
            {
                "claim": e.claim,
                "tier": str(e.tier),
                "score": e.score,
                "conflicts": [
                    {"kind": k.kind, "subject": k.subject, "a": k.a, "b": k.b} for k in e.conflicts
                ],
            }
            for e in suggestion.evidence
        ],
    }


def match_document(analysis: Analysis, settings: MatchSettings) -> dict[str, Any]:
    """`to_json_document`, with a `suggestion` on every unit of kind `claim`. `settings`
    decide which articles are wire copies of one another (one source)."""
    doc = to_json_document(analysis)
    with gc_paused():
        sources = sources_of(analysis, settings)
        for unit, item in zip(analysis.claims, doc["claims"], strict=True):
            if unit.is_claim:
                item["suggestion"] = suggestion_json(suggest(analysis, unit.id, sources))
    if isinstance(analysis, LinkedAnalysis):
        doc = _with_links(doc, analysis)
    return doc


def _with_links(doc: dict[str, Any], analysis: LinkedAnalysis) -> dict[str, Any]:
    for match, item in zip(analysis.matches, doc["matches"], strict=True):
        conflicts = item.pop("conflicts")
        item["source"] = analysis.source(match)
        item["conflicts"] = conflicts
    out: dict[str, Any] = {}
    for key, value in doc.items():
        out[key] = value
        if key == "matches":
            out["rejected"] = [{"a": a, "b": b} for a, b in analysis.rejected]
    return out
