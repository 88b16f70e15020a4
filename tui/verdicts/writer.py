"""Writing a verdict set as TOML: deterministic (same data, same bytes), so files diff and
merge in git."""

from __future__ import annotations

from datetime import UTC, datetime

import tomli_w

from tui.verdicts.model import Anchor, Verdict, VerdictSet, canonical


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


def dumps(vs: VerdictSet) -> str:
    """The TOML text of `vs`. Deterministic: equal sets give equal text in any order."""
    vs = canonical(vs)
    doc: dict[str, object] = {"version": vs.version, "reviewer": vs.reviewer, "corpus": vs.corpus}
    if vs.reviewers:
        doc["reviewers"] = list(vs.reviewers)
    if vs.verdicts:
        doc["verdicts"] = [_verdict_table(v) for v in vs.verdicts]
    if vs.corrections:
        doc["corrections"] = [
            {**_anchor_table(c.anchor), "is_claim": c.is_claim, "decided_at": _utc(c.decided_at)}
            for c in vs.corrections
        ]
    if vs.disagreements:
        doc["disagreements"] = [
            {"claim": d.claim, "article": d.article, "statuses": dict(d.statuses)}
            for d in vs.disagreements
        ]
    return tomli_w.dumps(doc)
