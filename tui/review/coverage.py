"""Coverage: which outlet carries which shared claim, and what the reviewer decided.

Rows are clusters (claims that several articles share), columns are outlets, and each cell
says whether the outlet carries the claim and, if so, the verdict on it. Rows carried by
fewest independent sources come first, so a claim that only one outlet (or one wire story)
carries stands out at the top. Claims in no cluster are counted per outlet in
`Coverage.unmatched` rather than listed one per row.

Columns: one per known outlet, plus one per article whose outlet is unknown (labelled
"<article id> (outlet unknown)"), because unknown outlets count as distinct sources.

A cell's verdict when an outlet carries a cluster in several claims: the most serious
one wins (disputed, then unsourced, then corroborated); claims without a verdict do not
hide the verdicts of the others. Each row is labelled with the cluster's first claim, and
each carried cell holds the words of the outlet's claim that carries its mark, so the
screen can show what that outlet said.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.claims.units import Unit
from tui.corpus.articles import Article
from tui.corpus.outlets import UNKNOWN, outlet_key
from tui.matching.matcher import Cluster
from tui.review.sources import Sources, independent_sources, outlets_phrase
from tui.verdicts.model import Status

if TYPE_CHECKING:
    from tui.analysis.pipeline import Analysis

# Cell symbols, shared by the screen and the Markdown report.
SYMBOLS: Mapping[Status | None, str] = {
    Status.CORROBORATED: "✓",
    Status.DISPUTED: "✗",
    Status.UNSOURCED: "?",
    None: "●",  # carried, no verdict yet
}
NOT_CARRIED = "·"
LEGEND = "✓ corroborated, ✗ disputed, ? unsourced, ● carried with no verdict yet, · not carried"
_SEVERITY = (Status.DISPUTED, Status.UNSOURCED, Status.CORROBORATED)


@dataclass(frozen=True, slots=True)
class Cell:
    claims: tuple[str, ...] = ()  # the outlet's claims in this cluster; empty: not carried
    status: Status | None = None
    text: str = ""  # the claim that carries the mark (the one with `status`): its words

    @property
    def carried(self) -> bool:
        return bool(self.claims)

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.status] if self.carried else NOT_CARRIED


@dataclass(frozen=True, slots=True)
class Row:
    cluster: str
    text: str  # the cluster's first claim, as the row's label
    cells: tuple[Cell, ...]  # one per column of Coverage.outlets
    sources: int  # independent sources carrying it (wire copies and one outlet count once)

    @property
    def outlets(self) -> int:
        return sum(1 for cell in self.cells if cell.carried)

    @property
    def single_source(self) -> bool:
        return self.sources <= 1


@dataclass(frozen=True, slots=True)
class Coverage:
    outlets: tuple[str, ...]  # column labels
    rows: tuple[Row, ...]
    unmatched: tuple[int, ...]  # per column: claims in no cluster
    notes: tuple[str, ...] = ()  # wire-copy explanations


def _worst(statuses: Sequence[Status | None]) -> Status | None:
    for status in _SEVERITY:
        if status in statuses:
            return status
    return None


def _columns(articles: Sequence[Article], sources: Sources) -> tuple[list[str], dict[str, int]]:
    """Column labels in display order, and the column of each article."""
    label_of_key: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.id):
        key = outlet_key(article)
        if key not in label_of_key:
            name = sources.outlet[article.id]
            label_of_key[key] = f"{article.id} (outlet unknown)" if name == UNKNOWN else name
    known = sorted(
        (k for k, label in label_of_key.items() if not k.startswith("\x00")),
        key=lambda k: (label_of_key[k].casefold(), label_of_key[k]),
    )
    unknown = [k for k in label_of_key if k.startswith("\x00")]
    order = known + unknown
    index = {k: i for i, k in enumerate(order)}
    return [label_of_key[k] for k in order], {a.id: index[outlet_key(a)] for a in articles}


def _cell(ids: Sequence[str], claim: Mapping[str, Unit], verdicts: Mapping[str, Status]) -> Cell:
    """One outlet's claims in a cluster: the worst verdict among them, and the text of the
    claim that carries it (the first such claim; the first claim when none is decided)."""
    if not ids:
        return Cell()
    status = _worst([verdicts.get(cid) for cid in ids])
    carrier = next(cid for cid in ids if verdicts.get(cid) == status)
    return Cell(claims=tuple(ids), status=status, text=claim[carrier].text)


def build_coverage(
    articles: Sequence[Article],
    claims: Sequence[Unit],
    clusters: Sequence[Cluster],
    sources: Sources,
    verdicts: Mapping[str, Status] | None = None,
) -> Coverage:
    """The coverage table. `verdicts` maps claim id -> the current status of that claim."""
    verdicts = verdicts or {}
    labels, column_of = _columns(articles, sources)
    claim = {c.id: c for c in claims}
    position = {c.id: (c.article, c.index) for c in claims}
    rows: list[tuple[tuple[object, ...], Row]] = []
    clustered: set[str] = set()
    for cluster in clusters:
        members = [cid for cid in cluster.claims if cid in claim]
        if not members:
            continue
        clustered.update(members)
        per_column: dict[int, list[str]] = {}
        for cid in members:
            per_column.setdefault(column_of[claim[cid].article], []).append(cid)
        cells = tuple(_cell(per_column.get(i, []), claim, verdicts) for i in range(len(labels)))
        row = Row(
            cluster=cluster.id,
            text=claim[members[0]].text,
            cells=cells,
            sources=independent_sources(members, sources),
        )
        first = min(position[cid] for cid in members)
        rows.append(((row.sources, row.outlets, first, cluster.id), row))
    rows.sort(key=lambda pair: pair[0])
    unmatched = [0] * len(labels)
    for c in claims:
        if c.is_claim and c.id not in clustered:
            unmatched[column_of[c.article]] += 1
    return Coverage(
        outlets=tuple(labels),
        rows=tuple(row for _, row in rows),
        unmatched=tuple(unmatched),
        notes=sources.wire_notes(),
    )


def coverage_of(
    analysis: Analysis, sources: Sources, verdicts: Mapping[str, Status] | None = None
) -> Coverage:
    """`build_coverage` over an analysis."""
    return build_coverage(analysis.articles, analysis.claims, analysis.clusters, sources, verdicts)


_MD_SPECIAL = frozenset("\\`*_[]<>|~")


def _md_cell(text: str, limit: int = 120) -> str:
    """Untrusted text made safe for one Markdown table cell: one line, specials escaped."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return "".join(f"\\{ch}" if ch in _MD_SPECIAL else ch for ch in text)


def coverage_markdown(coverage: Coverage, heading_level: int = 2) -> str:
    """The coverage section of the Markdown report (a heading, a legend, one table)."""
    hashes = "#" * max(1, min(heading_level, 6))
    lines = [f"{hashes} Coverage", ""]
    if not coverage.rows:
        lines.append("No claim is shared by two or more articles.")
    else:
        lines += [
            "Rows are claims shared across articles; columns are outlets. "
            "Claims carried by the fewest independent sources come first.",
            "",
            f"{LEGEND}.",
            "",
        ]
        header = ["Claim", "Sources", *(_md_cell(o, 40) for o in coverage.outlets)]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join(["---", "---:", *(":-:" for _ in coverage.outlets)]) + "|")
        for row in coverage.rows:
            cells = [_md_cell(row.text), outlets_phrase(row.sources)]
            cells += [cell.symbol for cell in row.cells]
            lines.append("| " + " | ".join(cells) + " |")
        unmatched = ["*Claims in no cluster*", "", *(str(n) for n in coverage.unmatched)]
        lines.append("| " + " | ".join(unmatched) + " |")
    if coverage.notes:
        lines += ["", "Counted as one source:", ""]
        lines += [f"- {_md_cell(note, 400)}." for note in coverage.notes]
    return "\n".join(lines) + "\n"
