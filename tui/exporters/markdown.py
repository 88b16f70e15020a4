"""The `md` export: a report a desk editor reads from top to bottom.

Sections: counts by verdict; one table per article of the claims decided in it (under the
article's page URL and, for a page `crosscheck add` fetched, its fetch time); every
disputed claim beside its conflicting evidence (the figures and dates that the matcher
found to disagree, then the other evidence the reviewer saw); every cluster with the
articles that carry it; coverage by outlet; when there are any, the claims deferred for
later (no verdict) and the reviewer's links (same fact, not the same fact, contradicts);
and the orphaned verdicts, listed apart with their last known text.
Article text is escaped so it cannot turn into markup, links or table cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.analysis.pipeline import Analysis
from tui.exporters.link_records import deferred_records, link_records
from tui.exporters.records import ExportRecord, iso_utc, records
from tui.matching.matcher import Match
from tui.review.stats import SYMBOL, compute
from tui.review.workspace import Workspace
from tui.support.safe_text import printable
from tui.verdicts.model import VERDICTS, Relation, Status

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def inline(text: str) -> str:
    """Text made safe for one line of Markdown (and a table cell)."""
    flat = " ".join(printable(text, keep_newlines=False).split())
    return _SPECIAL.sub(r"\\\1", flat)


def _verdict(status: Status) -> str:
    return f"{SYMBOL[status]} {status.value}"


def _when(r: ExportRecord) -> str:
    """When it was decided, to the second: a report is read by people, not compared."""
    return iso_utc(r.decided_at.replace(microsecond=0))


def _article_label(analysis: Analysis, article_id: str) -> str:
    try:
        a = analysis.article(article_id)
    except KeyError:
        return f"{inline(article_id)}"
    return f"*{inline(a.title)}* ({inline(a.id)})"


def _sources(r: ExportRecord) -> str:
    """The reviewer's outside sources (URLs or citations), on one line."""
    return "; ".join(inline(s) for s in r.sources)


def _claim_cell(r: ExportRecord) -> str:
    """The claim's current text, and the words it was decided on when they differ."""
    if not r.decided_text:
        return inline(r.text)
    return f"{inline(r.text)} (decided on: {inline(r.decided_text)}; the text has changed since)"


def _counts(ws: Workspace) -> list[str]:
    stats = compute(ws.analysis, ws.placed, len(ws.orphans), ws.corrections)
    t = stats.total
    lines = ["## Counts by verdict", "", "| verdict | claims |", "|---|---:|"]
    lines += [f"| {_verdict(s)} | {t.by_status[s]} |" for s in VERDICTS]
    if t.disagreements:
        lines.append(f"| reviewers disagree | {t.disagreements} |")
    if t.later:
        lines.append(f"| deferred for later (no verdict) | {t.later} |")
    lines.append(f"| untriaged | {t.untriaged} |")
    lines.append(f"| **all claims** | **{t.claims}** |")
    if stats.orphans:
        lines.append(f"| orphaned verdicts (not placed) | {stats.orphans} |")
    if t.text_changed:
        lines.append(f"| decided on text that has changed since | {t.text_changed} |")
    return [*lines, ""]


def _origin(url: str, fetched_at: str | None) -> str:
    """Where the article's page is, and when it was fetched (archived with the corpus)."""
    if fetched_at is None:
        return f"Page: {inline(url)}"
    return f"Page: {inline(url)}, fetched {inline(fetched_at)} (archived with the corpus)."


def _article_tables(ws: Workspace, placed: list[ExportRecord]) -> list[str]:
    lines = ["## Articles", ""]
    for article in ws.analysis.articles:
        mine = [r for r in placed if r.article == article.id]
        lines += [f"### {inline(article.title)} ({inline(article.id)})", ""]
        if article.url:
            lines += [_origin(article.url, article.fetched_at), ""]
        if not mine:
            lines += ["No claim decided yet.", ""]
            continue
        lines += [
            "| claim | verdict | reviewer | decided | note | sources |",
            "|---|---|---|---|---|---|",
        ]
        for r in mine:
            lines.append(
                f"| {_claim_cell(r)} | {_verdict(r.status)} | {inline(r.reviewer)} "
                f"| {_when(r)} | {inline(r.note)} | {_sources(r)} |"
            )
        lines.append("")
    return lines


def _conflicting(analysis: Analysis, claim_id: str) -> list[Match]:
    return [m for m in analysis.matches_of(claim_id) if m.conflicts]


def _disputed(ws: Workspace, placed: list[ExportRecord]) -> list[str]:
    analysis = ws.analysis
    lines = ["## Disputed claims", ""]
    disputed = [r for r in placed if r.status is Status.DISPUTED]
    if not disputed:
        return [*lines, "No claim is disputed.", ""]
    for r in disputed:
        lines += [f"### {inline(r.text)}", ""]
        lines.append(
            f"In {_article_label(analysis, r.article)}; disputed by {inline(r.reviewer)} "
            f"on {_when(r)}."
        )
        if r.decided_text:
            lines.append(f"Decided on: {inline(r.decided_text)} (the text has changed since)")
        if r.note:
            lines.append(f"Note: {inline(r.note)}")
        if r.sources:
            lines.append(f"Sources: {_sources(r)}")
        lines.append("")
        conflicts = _conflicting(analysis, r.claim)
        shown = set()
        if conflicts:
            lines.append("Conflicting evidence:")
            for m in conflicts:
                other = analysis.claim(Analysis.other(m, r.claim))
                shown.add(other.id)
                pairs = [(k.a, k.b) if m.a == r.claim else (k.b, k.a) for k in m.conflicts]
                differ = "; ".join(
                    f"{inline(mine)} here vs {inline(theirs)}" for mine, theirs in pairs
                )
                lines.append(
                    f"- {_article_label(analysis, other.article)}: {inline(other.text)} — {differ}"
                )
            lines.append("")
        rest = [e for e in r.evidence if e.claim not in shown]
        if rest:
            lines.append("Other evidence considered:")
            for e in rest:
                text = inline(e.text) if e.text is not None else "(no longer in the articles)"
                lines.append(f"- {_article_label(analysis, e.article)}: {text}")
            lines.append("")
        if not conflicts and not rest:
            lines += ["No conflicting evidence recorded.", ""]
    return lines


def _statuses(placed: Iterable[ExportRecord]) -> dict[str, list[ExportRecord]]:
    out: dict[str, list[ExportRecord]] = {}
    for r in placed:
        out.setdefault(r.claim, []).append(r)
    return out


def _clusters(ws: Workspace, placed: list[ExportRecord]) -> list[str]:
    analysis = ws.analysis
    lines = ["## Clusters", ""]
    if not analysis.clusters:
        return [*lines, "No claim is shared by several articles.", ""]
    decided = _statuses(placed)
    for cluster in analysis.clusters:
        carriers = sorted({analysis.claim(c).article for c in cluster.claims})
        names = ", ".join(_article_label(analysis, a) for a in carriers)
        lines += [f"### Cluster {inline(cluster.id)}: {len(carriers)} articles", ""]
        lines += [f"Carried by {names}.", ""]
        for claim_id in cluster.claims:
            claim = analysis.claim(claim_id)
            verdicts = decided.get(claim_id, [])
            said = (
                ", ".join(f"{_verdict(r.status)} ({inline(r.reviewer)})" for r in verdicts)
                or "untriaged"
            )
            lines.append(
                f"- {_article_label(analysis, claim.article)}: {inline(claim.text)} — {said}"
            )
        lines.append("")
    return lines


def _orphans(orphans: list[ExportRecord]) -> list[str]:
    if not orphans:
        return []
    lines = [
        "## Orphaned verdicts",
        "",
        "These verdicts could not be placed in the current articles (the text changed since);",
        "they are shown with the text they were made on.",
        "",
        "| article | claim as decided | verdict | reviewer | decided | note | sources |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in orphans:
        lines.append(
            f"| {inline(r.article)} | {inline(r.decided_on)} | {_verdict(r.status)} "
            f"| {inline(r.reviewer)} | {_when(r)} | {inline(r.note)} | {_sources(r)} |"
        )
    return [*lines, ""]


def _coverage(ws: Workspace) -> list[str]:
    """Clusters by outlet (independent sources as the workspace's match settings group
    them: wire copies count once)."""
    from tui.review.coverage import coverage_markdown, coverage_of
    from tui.review.sources import sources_of

    statuses = {v.claim: v.status for v in ws.placed if v.status.is_verdict}
    table = coverage_of(ws.analysis, sources_of(ws.analysis, ws.settings), statuses)
    return [coverage_markdown(table, heading_level=2).rstrip("\n"), ""]


_RELATION = {
    Relation.SAME: "the same fact",
    Relation.DIFFERENT: "not the same fact",
    Relation.CONTRADICTS: "contradicts",
}


def _deferred(ws: Workspace) -> list[str]:
    """Claims set aside for a second look: no verdict, listed apart."""
    found = deferred_records(ws)
    if not found:
        return []
    lines = [
        "## Deferred claims",
        "",
        "Set aside for a second look: these claims have no verdict yet.",
        "",
        "| article | claim | reviewer | deferred | note |",
        "|---|---|---|---|---|",
    ]
    for r in found:
        where = inline(r.article) + (" (not placed)" if r.orphan else "")
        lines.append(
            f"| {where} | {_claim_cell(r)} | {inline(r.reviewer)} | {_when(r)} | {inline(r.note)} |"
        )
    return [*lines, ""]


def _links(ws: Workspace) -> list[str]:
    """The reviewer's word on which claims state the same fact."""
    found = link_records(ws)
    if not found:
        return []
    lines = [
        "## Links",
        "",
        "Pairs of claims the reviewer judged: the same fact (a match whatever the matcher's "
        "score), not the same fact (no match), or the same fact told in contradicting ways.",
        "",
        "| claim | relation | other claim | reviewer | decided | note |",
        "|---|---|---|---|---|---|",
    ]
    for k in found:
        a = f"{inline(k.a.text)} ({inline(k.a.article)})"
        b = f"{inline(k.b.text)} ({inline(k.b.article)})"
        said = _RELATION[k.relation] + (" (not placed)" if k.orphan else "")
        when = iso_utc(k.decided_at.replace(microsecond=0))
        lines.append(f"| {a} | {said} | {b} | {inline(k.reviewer)} | {when} | {inline(k.note)} |")
    return [*lines, ""]


def to_markdown(ws: Workspace) -> str:
    every = records(ws)
    placed = [r for r in every if not r.orphan]
    orphans = [r for r in every if r.orphan]
    reviewers = ws.people()
    lines = [
        "# Verdict report",
        "",
        f"Verdict file {inline(ws.path.name)}, {len(ws.analysis.articles)} articles; "
        f"reviewed by {', '.join(inline(r) for r in reviewers)}.",
        "",
    ]
    lines += _counts(ws)
    lines += _article_tables(ws, placed)
    lines += _disputed(ws, placed)
    lines += _clusters(ws, placed)
    lines += _coverage(ws)
    lines += _deferred(ws)
    lines += _links(ws)
    lines += _orphans(orphans)
    return "\n".join(lines).rstrip("\n") + "\n"
