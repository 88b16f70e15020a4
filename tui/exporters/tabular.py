"""The `json` and `csv` exports: one record per verdict, the same fields in both; then the
claims deferred for later and the reviewer's links, apart.

JSON is one object: `verdicts` (the verdict records), `deferred` (records of the same
fields, status "later": claims set aside for a second look, not verdicts) and `links`
(`a` and `b`, each `{claim, article, text, start, end}`, `relation`: same, different or
contradicts, `reviewer`, `decided_at`, `note`, `orphan`). CSV has one row per verdict,
then per deferred claim, then per link, told apart by the `record` column (`verdict`,
`deferred`, `link`); a link's row holds claim `a` in the claim columns, claim `b` in
`other_claim`, `other_article`, `other_text`, and its `relation`.

Fields: claim, article, status, note, sources, reviewer, decided_at (ISO 8601, UTC, `Z`),
text, start, end (character offsets in the current article text), evidence, orphan,
decided_text (the claim's text when the verdict was made, when it has changed since: null in
JSON and an empty cell in CSV when it has not), url (the article's page URL), fetched_at
(when `crosscheck add` fetched the page, ISO 8601 UTC) and outlet (who published the article,
from its metadata or a publisher line of it): null in JSON and an empty cell in CSV when
unknown or, for fetched_at, when the article was saved by hand.

In JSON, `sources` is an array of strings and `evidence` an array of objects
`{claim, article, text}` (`text` is null for a claim no longer in the articles).
CSV has no arrays, so a list is written one item per line inside its cell (claim texts
never span lines), and evidence takes three parallel columns: `evidence` (claim ids),
`evidence_article` and `evidence_text`. `orphan` is `true`/`false`.

CSV is opened by spreadsheets, which run a cell that begins like a formula: every cell is
quoted, and a text cell beginning with `=`, `+`, `-`, `@`, tab or carriage return gets a
leading `'` (OWASP's advice on CSV injection; see `spreadsheet_cell`).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from tui.exporters.link_records import LinkRecord, deferred_records, link_object, link_records
from tui.exporters.records import ExportRecord, iso_utc, records
from tui.review.workspace import Workspace
from tui.support.safe_text import json_document, spreadsheet_cell

CSV_FIELDS = (
    "claim",
    "article",
    "status",
    "note",
    "sources",
    "reviewer",
    "decided_at",
    "text",
    "start",
    "end",
    "evidence",
    "evidence_article",
    "evidence_text",
    "orphan",
    "decided_text",
    "url",
    "fetched_at",
    "outlet",
    "record",
    "relation",
    "other_claim",
    "other_article",
    "other_text",
)
LIST_SEPARATOR = "\n"


def record_object(r: ExportRecord) -> dict[str, Any]:
    return {
        "claim": r.claim,
        "article": r.article,
        "status": r.status.value,
        "note": r.note,
        "sources": list(r.sources),
        "reviewer": r.reviewer,
        "decided_at": iso_utc(r.decided_at),
        "text": r.text,
        "start": r.start,
        "end": r.end,
        "evidence": [{"claim": e.claim, "article": e.article, "text": e.text} for e in r.evidence],
        "orphan": r.orphan,
        "decided_text": r.decided_text or None,
        "url": r.url,
        "fetched_at": r.fetched_at,
        "outlet": r.outlet,
    }


def to_json(ws: Workspace) -> str:
    doc = {
        "verdicts": [record_object(r) for r in records(ws)],
        "deferred": [record_object(r) for r in deferred_records(ws)],
        "links": [link_object(r) for r in link_records(ws)],
    }
    return json_document(doc, indent=2) + "\n"


def _joined(items: list[str]) -> str:
    return LIST_SEPARATOR.join(items)


def to_csv(ws: Workspace) -> str:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(
        out, fieldnames=CSV_FIELDS, lineterminator="\r\n", quoting=csv.QUOTE_ALL
    )
    writer.writeheader()
    verdicts = [("verdict", r) for r in records(ws)]
    for kind, r in verdicts + [("deferred", r) for r in deferred_records(ws)]:
        row: dict[str, str | int] = {
            "claim": r.claim,
            "article": r.article,
            "status": r.status.value,
            "note": r.note,
            "sources": _joined(list(r.sources)),
            "reviewer": r.reviewer,
            "decided_at": iso_utc(r.decided_at),
            "text": r.text,
            "start": r.start,
            "end": r.end,
            "evidence": _joined([e.claim for e in r.evidence]),
            "evidence_article": _joined([e.article for e in r.evidence]),
            "evidence_text": _joined([e.text or "" for e in r.evidence]),
            "orphan": "true" if r.orphan else "false",
            "decided_text": r.decided_text,
            "url": r.url or "",
            "fetched_at": r.fetched_at or "",
            "outlet": r.outlet or "",
            "record": kind,
        }
        _write(writer, row)
    for k in link_records(ws):
        _write(writer, _link_row(k))
    return out.getvalue()


def _link_row(k: LinkRecord) -> dict[str, str | int]:
    """A link as a CSV row: claim `a` in the claim's columns, claim `b` in the other_*
    ones, no status, no evidence."""
    return {
        "claim": k.a.claim,
        "article": k.a.article,
        "note": k.note,
        "reviewer": k.reviewer,
        "decided_at": iso_utc(k.decided_at),
        "text": k.a.text,
        "start": k.a.start,
        "end": k.a.end,
        "orphan": "true" if k.orphan else "false",
        "record": "link",
        "relation": k.relation.value,
        "other_claim": k.b.claim,
        "other_article": k.b.article,
        "other_text": k.b.text,
    }


def _write(writer: csv.DictWriter[str], row: dict[str, str | int]) -> None:
    writer.writerow({k: spreadsheet_cell(v) if isinstance(v, str) else v for k, v in row.items()})
