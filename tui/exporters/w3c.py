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

An orphaned verdict has no valid position in the current text, so its target carries the
quote it was made on and no TextPositionSelector; a client anchors it by quote or not at
all. Ids are `urn:uuid:` values derived from the verdict, so a re-export gives the same ids.
"""

from __future__ import annotations

import uuid
from typing import Any

from tui.exporters.records import ExportRecord, article_address, article_of, iso_utc, records
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


def _target(ws: Workspace, r: ExportRecord) -> dict[str, Any]:
    article = article_of(ws, r)
    source = article_address(article) if article is not None else r.article
    target: dict[str, Any] = {"source": source}
    if r.fetched_at is not None and not r.orphan:  # an orphan's quote is from another state
        target["state"] = {"type": "TimeState", "sourceDate": r.fetched_at}
    quote = {"type": "TextQuoteSelector", "exact": r.text, "prefix": r.prefix, "suffix": r.suffix}
    if r.orphan:
        target["selector"] = quote
    else:
        position = {"type": "TextPositionSelector", "start": r.start, "end": r.end}
        target["selector"] = [quote, position]
    return target


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
        "target": _target(ws, r),
    }


def to_w3c(ws: Workspace) -> str:
    items = [annotation(ws, r) for r in records(ws)]
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
