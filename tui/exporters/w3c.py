"""The `w3c` export: W3C Web Annotation Data Model, JSON-LD.

An `AnnotationCollection` whose `first` page (an `AnnotationPage`) embeds every item: one
`Annotation` per verdict, motivation `assessing`, with
- `body`: a `TextualBody` (purpose `assessing`) whose value is the verdict; another
  (purpose `commenting`) with the note when there is one; and one per source (purpose
  `linking`): a web resource for a URL, a `TextualBody` for a citation;
- `target`: the article (its URL, or its file as a file:// URI) with a
  `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector` (start, end:
  Unicode code points in the article text, which is what Python indexes); for a page
  `crosscheck add` fetched, the `source` is the page's URL and a `TimeState` says when it
  was fetched (`sourceDate`): the state of the page the selectors apply to, which the
  corpus keeps in its archive (data model 4.3.1);
- `creator` (the reviewer, a `Person`) and `created` (the decision time, UTC).

After the verdicts: one `Annotation` per claim deferred for later, motivation
`bookmarking`, with a `TextualBody` (purpose `tagging`) "later" (it is no verdict); then
one per link of the reviewer, motivation `linking`, whose two targets are the two claims
and whose `TextualBody` (purpose `classifying`) is the relation: "same", "different" (not
the same fact) or "contradicts"; a note is a `commenting` body.

An orphaned verdict has no valid position in the current text, so its target carries the
quote it was made on and no TextPositionSelector; a client anchors it by quote or not at
all (an orphaned link's two targets likewise). Ids are `urn:uuid:` values derived from the
decision, so a re-export gives the same ids.
"""

from __future__ import annotations

import uuid
from typing import Any

from tui.corpus.articles import Article
from tui.exporters.link_records import LinkEnd, LinkRecord, deferred_records, link_records
from tui.exporters.records import ExportRecord, article_address, iso_utc, records
from tui.review.workspace import Workspace
from tui.support.safe_text import json_document

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://crosscheck.invalid/verdict")


def _urn(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, chr(31).join(parts))}"


def _source_body(source: str) -> dict[str, Any]:
    if source.startswith(("http://", "https://")):
        # A purpose on an external resource needs a SpecificResource (data model 4.1).
        return {"type": "SpecificResource", "source": source, "purpose": "linking"}
    return {"type": "TextualBody", "purpose": "linking", "value": source, "format": "text/plain"}


def _article(ws: Workspace, article_id: str) -> Article | None:
    try:
        return ws.analysis.article(article_id)
    except KeyError:
        return None


def _target(ws: Workspace, r: ExportRecord | LinkEnd, orphan: bool) -> dict[str, Any]:
    article = _article(ws, r.article)
    source = article_address(article) if article is not None else r.article
    target: dict[str, Any] = {"source": source}
    fetched = article.fetched_at if article is not None else None
    if fetched is not None and not orphan:  # an orphan's quote is from another state
        target["state"] = {"type": "TimeState", "sourceDate": fetched}
    quote = {"type": "TextQuoteSelector", "exact": r.text, "prefix": r.prefix, "suffix": r.suffix}
    if orphan:
        target["selector"] = quote
    else:
        position = {"type": "TextPositionSelector", "start": r.start, "end": r.end}
        target["selector"] = [quote, position]
    return target


def _note(text: str) -> list[dict[str, Any]]:
    if not text:
        return []
    return [{"type": "TextualBody", "purpose": "commenting", "value": text, "format": "text/plain"}]


def link_annotation(ws: Workspace, k: LinkRecord) -> dict[str, Any]:
    """A link: motivation `linking`, its two claims the two targets, the relation a body
    (purpose `classifying`: "same", "different" or "contradicts")."""
    body = [{"type": "TextualBody", "purpose": "classifying", "value": k.relation.value}]
    return {
        "id": _urn("link", k.a.claim, k.b.claim, k.reviewer, iso_utc(k.decided_at)),
        "type": "Annotation",
        "motivation": "linking",
        "created": iso_utc(k.decided_at),
        "creator": k.people("type"),
        "body": body + _note(k.note),
        "target": [_target(ws, k.a, k.orphan), _target(ws, k.b, k.orphan)],
    }


def deferred_annotation(ws: Workspace, r: ExportRecord) -> dict[str, Any]:
    """A claim deferred for a second look: motivation `bookmarking`, tagged "later" (it
    carries no verdict, so it is not `assessing`)."""
    return {
        "id": _urn("later", r.claim, r.reviewer, iso_utc(r.decided_at)),
        "type": "Annotation",
        "motivation": "bookmarking",
        "created": iso_utc(r.decided_at),
        "creator": r.people("type"),
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "later"}, *_note(r.note)],
        "target": _target(ws, r, r.orphan),
    }


def annotation(ws: Workspace, r: ExportRecord) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "assessing", "value": r.status.value}
    ]
    if r.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": r.note,
                "format": "text/plain",
            }
        )
    body += [_source_body(s) for s in r.sources]
    return {
        "id": _urn(r.claim, r.reviewer, iso_utc(r.decided_at)),
        "type": "Annotation",
        "motivation": "assessing",
        "created": iso_utc(r.decided_at),
        "creator": r.people("type"),
        "body": body,
        "target": _target(ws, r, r.orphan),
    }


def to_w3c(ws: Workspace) -> str:
    items = [annotation(ws, r) for r in records(ws)]
    items += [deferred_annotation(ws, r) for r in deferred_records(ws)]
    items += [link_annotation(ws, k) for k in link_records(ws)]
    collection_id = _urn("collection", ws.path.name, *(item["id"] for item in items))
    doc = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": f"crosscheck verdicts from {ws.path.name}",
        "total": len(items),
        "first": {
            "id": _urn("page", collection_id),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
    return json_document(doc, indent=2, embeddable=True) + "\n"
