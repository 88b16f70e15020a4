"""Writing a verdict set as TOML: deterministic (same data, same bytes), so files diff and
merge in git."""

from __future__ import annotations

from datetime import UTC, datetime

import tomli_w

from tui.verdicts.model import Anchor, Correction, Link, Verdict, VerdictSet, canonical


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"decided_at must be timezone-aware, got {moment!r}")
    return moment.astimezone(UTC)


def _anchor_table(anchor: Anchor, decided_text: str = "") -> dict[str, object]:
    # `decided_text` right after `text`, so a diff of the file shows the two versions
    # together; only while they differ.
    changed = {"decided_text": decided_text} if decided_text not in ("", anchor.text) else {}
    return {
        "claim": anchor.claim,
        "article": anchor.article,
        "text": anchor.text,
        **changed,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "start": anchor.start,
        "end": anchor.end,
        "article_sha256": anchor.article_sha256,
    }


def _verdict_table(v: Verdict) -> dict[str, object]:
    table = _anchor_table(v.anchor, v.decided_text)
    table["status"] = v.status.value
    if v.note:
        table["note"] = v.note
    if v.sources:
        table["sources"] = list(v.sources)
    table["evidence"] = list(v.evidence)
    table["decided_at"] = _utc(v.decided_at)
    if v.reviewer:
        table["reviewer"] = v.reviewer
    return table


def _correction_table(c: Correction) -> dict[str, object]:
    table = _anchor_table(c.anchor)
    if c.split_at is not None:
        table["split_at"] = c.split_at
    elif c.join_with is None:
        table["is_claim"] = c.is_claim
    table["decided_at"] = _utc(c.decided_at)
    if c.join_with is not None:
        table["join_with"] = _anchor_table(c.join_with)  # a table: written after the keys
    return table


def _link_table(link: Link) -> dict[str, object]:
    # The form: relation, reviewer, decided_at, note (when set), then [links.a]
    # and [links.b], `a` being the claim with the smaller id.
    a, b = (link.a, link.b) if link.a.claim <= link.b.claim else (link.b, link.a)
    table: dict[str, object] = {
        "relation": link.relation.value,
        "reviewer": link.reviewer,
        "decided_at": _utc(link.decided_at),
    }
    if link.note:
        table["note"] = link.note
    table["a"] = _anchor_table(a)
    table["b"] = _anchor_table(b)
    return table


def dumps(vs: VerdictSet) -> str:
    """The TOML text of `vs`. Deterministic: equal sets give equal text in any order."""
    vs = canonical(vs)
    doc: dict[str, object] = {"version": vs.version, "reviewer": vs.reviewer, "corpus": vs.corpus}
    if vs.reviewers:
        doc["reviewers"] = list(vs.reviewers)
    if vs.verdicts:
        doc["verdicts"] = [_verdict_table(v) for v in vs.verdicts]
    if vs.links:
        doc["links"] = [_link_table(k) for k in vs.links]
    if vs.corrections:
        doc["corrections"] = [_correction_table(c) for c in vs.corrections]
    if vs.disagreements:
        doc["disagreements"] = [
            {"claim": d.claim, "article": d.article, "statuses": dict(d.statuses)}
            for d in vs.disagreements
        ]
    if vs.link_disagreements:
        doc["link_disagreements"] = [
            {"a": d.a, "b": d.b, "relations": dict(d.relations)} for d in vs.link_disagreements
        ]
    return tomli_w.dumps(doc)
