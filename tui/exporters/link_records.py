"""The reviewer's links and deferred claims, as flat records for every export format.

A link record names its two claims (`a`, the smaller id, and `b`), each with its text and
its position in the current article text (or, for a link that could not be re-anchored, an
orphan, the quote and position last recorded), the relation (same, different,
contradicts), who decided it, when, and the note. Deferred claims ("later": not a verdict)
are verdict records of that status, listed apart from the verdicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tui.exporters.records import ExportRecord, iso_utc, records_of
from tui.review.workspace import Workspace
from tui.verdicts.model import Anchor, Link, Relation


@dataclass(frozen=True, slots=True)
class LinkEnd:
    claim: str
    article: str
    text: str
    start: int
    end: int
    prefix: str
    suffix: str

    @classmethod
    def of(cls, anchor: Anchor) -> LinkEnd:
        a = anchor
        return cls(a.claim, a.article, a.text, a.start, a.end, a.prefix, a.suffix)


@dataclass(frozen=True, slots=True)
class LinkRecord:
    a: LinkEnd
    b: LinkEnd
    relation: Relation
    reviewer: str  # as the file has it ("alice, bob": a merged file's reviewers agreed)
    decided_at: datetime  # UTC
    note: str
    orphan: bool = False
    reviewers: tuple[str, ...] = ()  # each person in `reviewer`

    def people(self, type_key: str) -> dict[str, str] | list[dict[str, str]]:
        """Who linked, as linked-data Persons (see ExportRecord.people)."""
        found = [{type_key: "Person", "name": name} for name in self.reviewers or (self.reviewer,)]
        return found[0] if len(found) == 1 else found


def _record(ws: Workspace, link: Link, orphan: bool) -> LinkRecord:
    from tui.verdicts.merge import JOIN

    name = link.reviewer or ws.verdicts.reviewer
    parts = tuple(name.split(JOIN))
    known = set(ws.verdicts.reviewers)
    people = parts if len(parts) > 1 and known.issuperset(parts) else (name,)
    return LinkRecord(
        LinkEnd.of(link.a),
        LinkEnd.of(link.b),
        link.relation,
        name,
        link.decided_at.astimezone(UTC),
        link.note,
        orphan,
        people,
    )


def link_records(ws: Workspace) -> list[LinkRecord]:
    """Placed links by their two claims and reviewer; then the orphans, likewise."""

    def key(r: LinkRecord) -> tuple[str, str, str]:
        return (r.a.claim, r.b.claim, r.reviewer)

    placed = sorted((_record(ws, k, False) for k in ws.links), key=key)
    orphans = sorted((_record(ws, k, True) for k in ws.orphan_links), key=key)
    return placed + orphans


def deferred_records(ws: Workspace) -> list[ExportRecord]:
    """The claims deferred for a second look ("later"), placed then orphaned."""
    return records_of(ws, verdicts=False)


def _end_object(end: LinkEnd) -> dict[str, Any]:
    return {
        "claim": end.claim,
        "article": end.article,
        "text": end.text,
        "start": end.start,
        "end": end.end,
    }


def link_object(r: LinkRecord) -> dict[str, Any]:
    """A link as the `json` export writes it."""
    return {
        "a": _end_object(r.a),
        "b": _end_object(r.b),
        "relation": r.relation.value,
        "reviewer": r.reviewer,
        "decided_at": iso_utc(r.decided_at),
        "note": r.note,
        "orphan": r.orphan,
    }
