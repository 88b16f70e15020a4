"""The `claimreview` export: a JSON array of schema.org ClaimReview objects (JSON-LD).

One ClaimReview per verdict:
- `claimReviewed`: the claim's text as it was when decided (the article may have changed
  it since; the appearance is the article as it is now); `reviewBody`: the reviewer's
  note, when there is one; `citation`: the verdict's sources (URLs or citations), when
  there are any.
- `reviewRating`: a `Rating` whose `alternateName` is the verdict, on this scale
  (`worstRating` 1, `bestRating` 3):
    1 = disputed      other reporting contradicts the claim
    2 = unsourced     neither corroborated nor contradicted; no named source
    3 = corroborated  independent articles state the same
- `itemReviewed`: a `Claim` whose `appearance` is the article (a `CreativeWork` with its
  URL: the page it was fetched from, or the one it names; else its file as a file://
  URI; its headline, and its outlet and publication date when the article names them).
  An orphaned verdict's claim is the text it was made on.
- `author`: the reviewer (a `Person`; each reviewer when a merged file's reviewers agreed);
  `datePublished`: the decision time (ISO 8601, UTC).

ClaimReview is for publishing a rating, so a claim deferred for later (no verdict) is left
out, and so is a claim the reviewers of a merged file still disagree on (it would be
published twice with opposite ratings); `unsettled` counts those so the command can say so.
"""

from __future__ import annotations

from typing import Any

from tui.corpus.articles import Article
from tui.corpus.outlets import outlet_key
from tui.exporters.records import ExportRecord, article_address, article_of, iso_utc, records
from tui.review.links import LinkedAnalysis
from tui.review.workspace import Workspace
from tui.support.safe_text import json_document
from tui.verdicts.model import Relation, Status

CONTEXT = "https://schema.org"
WORST, BEST = 1, 3
RATING = {Status.DISPUTED: 1, Status.UNSOURCED: 2, Status.CORROBORATED: 3}


def _appearance(ws: Workspace, r: ExportRecord) -> dict[str, Any] | list[dict[str, Any]]:
    """The article, and the articles of other outlets whose claim the reviewer confirmed
    states the same fact (then a list, this article first)."""
    article = article_of(ws, r)
    if article is None:
        return {"@type": "CreativeWork", "name": r.article}
    others = [_work(other) for other in _same_elsewhere(ws, r.claim, article)]
    return [_work(article), *others] if others else _work(article)


def _same_elsewhere(ws: Workspace, claim_id: str, article: Article) -> list[Article]:
    """The articles of other outlets holding a claim the reviewer linked as the same fact
    (links in force: a pair the reviewers of a merged file disagree on is not), by id."""
    analysis = ws.analysis
    if not isinstance(analysis, LinkedAnalysis) or not analysis.has_claim(claim_id):
        return []
    own = outlet_key(article)
    found = {
        analysis.claim(other).article
        for other, relation in analysis.linked(claim_id)
        if relation is Relation.SAME
    }
    return [analysis.article(a) for a in sorted(found) if outlet_key(analysis.article(a)) != own]


def _work(article: Article) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    work["url"] = article_address(article)
    work["headline"] = article.title
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    if article.author:
        work["author"] = {"@type": "Person", "name": article.author}
    if article.published:
        work["datePublished"] = article.published
    return work


def review(ws: Workspace, r: ExportRecord) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": r.decided_on,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING[r.status],
            "worstRating": WORST,
            "bestRating": BEST,
            "alternateName": r.status.value,
        },
        "itemReviewed": {"@type": "Claim", "appearance": _appearance(ws, r)},
        "author": r.people("@type"),
        "datePublished": iso_utc(r.decided_at),
    }
    if r.note:
        obj["reviewBody"] = r.note
    if r.sources:
        obj["citation"] = list(r.sources)
    return obj


def unsettled(ws: Workspace) -> set[str]:
    """Claims a merged file's reviewers still disagree on."""
    return {d.claim for d in ws.verdicts.disagreements}


def to_claimreview(ws: Workspace) -> str:
    open_claims = unsettled(ws)
    doc = [review(ws, r) for r in records(ws) if r.claim not in open_claims]
    return json_document(doc, indent=2, embeddable=True) + "\n"
