"""Progress at a glance: claims triaged and left, by verdict, per article and per cluster.

What counts as a claim: every unit the segmenter calls a claim, as corrected by the
reviewer's `[[corrections]]` (the latest correction of a unit wins), plus any unit that
carries a verdict (a decision is never hidden from the counts). A claim is triaged when at
least one placed verdict sits on it. In a merged file, a claim whose reviewers chose
different statuses counts under `disagreements` instead of a status. Orphans (verdicts
that could not be re-anchored) are counted apart: they sit on no current claim.
`text_changed` counts the triaged claims whose verdict was decided on other words (the
article was edited since and the verdict re-attached): they need a second look.

A claim the reviewer deferred ("later", stored as a verdict but not one) is counted under
`later`, neither triaged nor untriaged: `claims = triaged + later + untriaged`.

A cluster is named by its first claim's text, shortened at a word (its `title`), beside its
id and the articles that carry it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from tui.analysis.pipeline import Analysis
from tui.corpus.masthead import shortened
from tui.support.safe_text import printable
from tui.verdicts.model import VERDICTS, Correction, Status, Verdict

CLUSTER_TITLE = 60  # characters of a cluster's first claim that name it


@dataclass(frozen=True, slots=True)
class Tally:
    id: str
    title: str  # article title; a cluster's first claim, shortened; "" for the whole set
    claims: int
    triaged: int
    by_status: Mapping[Status, int]
    disagreements: int
    articles: tuple[str, ...] = ()  # clusters: the articles that carry the cluster
    text_changed: int = 0  # triaged claims with a verdict decided on other words
    later: int = 0  # claims deferred for a second look, with no verdict

    @property
    def untriaged(self) -> int:
        return self.claims - self.triaged - self.later


@dataclass(frozen=True, slots=True)
class Stats:
    total: Tally
    articles: tuple[Tally, ...]
    clusters: tuple[Tally, ...]
    orphans: int


def claim_ids(
    analysis: Analysis, corrections: Iterable[Correction], decided: Iterable[str]
) -> set[str]:
    """The ids of the units that count as claims (see the module docstring)."""
    latest: dict[str, Correction] = {}
    for c in sorted(corrections, key=lambda c: c.decided_at):
        latest[c.anchor.claim] = c
    ids = set()
    for unit in analysis.claims:
        correction = latest.get(unit.id)
        if correction.is_claim if correction is not None else unit.is_claim:
            ids.add(unit.id)
    ids.update(d for d in decided if analysis.has_claim(d))
    return ids


def statuses_by_claim(placed: Iterable[Verdict]) -> dict[str, set[Status]]:
    out: dict[str, set[Status]] = {}
    for v in placed:
        out.setdefault(v.anchor.claim, set()).add(v.status)
    return out


def _tally(
    id_: str,
    title: str,
    members: Iterable[str],
    statuses: Mapping[str, set[Status]],
    changed: set[str],
    articles: tuple[str, ...] = (),
) -> Tally:
    ids = list(members)
    by_status = dict.fromkeys(VERDICTS, 0)
    disagreements = triaged = later = 0
    for claim in ids:
        chosen = statuses.get(claim, set()) - {Status.LATER}
        if not chosen:
            later += claim in statuses
            continue
        triaged += 1
        if len(chosen) == 1:
            by_status[next(iter(chosen))] += 1
        else:
            disagreements += 1
    text_changed = sum(1 for claim in ids if claim in changed)
    return Tally(
        id_, title, len(ids), triaged, by_status, disagreements, articles, text_changed, later
    )


def compute(
    analysis: Analysis,
    placed: Iterable[Verdict],
    orphans: int,
    corrections: Iterable[Correction] = (),
) -> Stats:
    placed = list(placed)
    statuses = statuses_by_claim(placed)
    changed = {v.anchor.claim for v in placed if v.text_changed}
    counted = claim_ids(analysis, corrections, statuses)
    per_article = tuple(
        _tally(
            a.id,
            a.title,
            (u.id for u in analysis.claims_of(a.id) if u.id in counted),
            statuses,
            changed,
        )
        for a in analysis.articles
    )
    per_cluster = []
    for cluster in analysis.clusters:
        members = [c for c in cluster.claims if c in counted]
        carriers = tuple(sorted({analysis.claim(c).article for c in cluster.claims}))
        name = (
            shortened(analysis.claim(cluster.claims[0]).text, CLUSTER_TITLE)
            if cluster.claims
            else ""
        )
        per_cluster.append(_tally(cluster.id, name, members, statuses, changed, carriers))
    total = _tally("", "", sorted(counted), statuses, changed)
    return Stats(total, per_article, tuple(per_cluster), orphans)


def _counts_json(t: Tally) -> dict[str, Any]:
    return {
        "claims": t.claims,
        "triaged": t.triaged,
        "untriaged": t.untriaged,
        "later": t.later,
        "by_status": {s.value: n for s, n in t.by_status.items()},
        "disagreements": t.disagreements,
        "text_changed": t.text_changed,
    }


def to_json_document(stats: Stats) -> dict[str, Any]:
    """Top-level keys: triaged, untriaged, later, by_status, disagreements, text_changed,
    articles, clusters, orphans (int)."""
    total = stats.total
    return {
        "triaged": total.triaged,
        "untriaged": total.untriaged,
        "later": total.later,
        "by_status": {s.value: n for s, n in total.by_status.items()},
        "disagreements": total.disagreements,
        "text_changed": total.text_changed,
        "articles": [{"id": t.id, "title": t.title, **_counts_json(t)} for t in stats.articles],
        "clusters": [
            {"id": t.id, "title": t.title, "articles": list(t.articles), **_counts_json(t)}
            for t in stats.clusters
        ],
        "orphans": stats.orphans,
    }


SYMBOL = {Status.CORROBORATED: "✓", Status.DISPUTED: "✗", Status.UNSOURCED: "?"}
LEGEND = "  ".join(f"{SYMBOL[s]} {s.value}" for s in VERDICTS)


def _table(
    title: str,
    first: str,
    rows: Iterable[tuple[Text, Tally]],
    extra: bool,
    changed: bool,
    later: bool = False,
) -> Table:
    table = Table(title=title, expand=True)
    table.add_column(first, ratio=1, overflow="fold")
    deferred = ("later",) if later else ()
    for name in ("claims", "triaged", *deferred, "left", *(SYMBOL[s] for s in VERDICTS)):
        table.add_column(name, justify="right", no_wrap=True)
    if extra:
        table.add_column("disagree", justify="right", no_wrap=True)
    if changed:
        table.add_column("changed", justify="right", no_wrap=True)
    for label, t in rows:
        cells = [
            str(t.claims),
            str(t.triaged),
            *([str(t.later)] if later else []),
            str(t.untriaged),
        ]
        cells += [str(t.by_status[s]) for s in VERDICTS]
        if extra:
            cells.append(str(t.disagreements))
        if changed:
            cells.append(str(t.text_changed))
        table.add_row(label, *cells)
    return table


def _cluster_label(t: Tally) -> Text:
    """A cluster named by its first claim, with its id and articles below, dimmed."""
    label = Text(printable(t.title))
    label.append(printable(f"\n{t.id}: {', '.join(t.articles)}"), style="dim")
    return label


def render(stats: Stats) -> Group:
    """Rich tables for the terminal: overall, per article, per cluster; orphans below."""
    extra = stats.total.disagreements > 0
    changed = stats.total.text_changed > 0
    later = stats.total.later > 0
    parts: list[Table | Text] = [
        _table("Progress", "", [(Text("all articles"), stats.total)], extra, changed, later),
        _table(
            "By article",
            "article",
            [(Text(printable(f"{t.title} ({t.id})")), t) for t in stats.articles],
            extra,
            changed,
            later,
        ),
    ]
    if stats.clusters:
        rows = [(_cluster_label(t), t) for t in stats.clusters]
        parts.append(_table("By cluster", "cluster", rows, extra, changed, later))
    parts.append(Text(LEGEND + ("  later: deferred for a second look" if later else "")))
    parts.append(Text(f"orphans: {stats.orphans} (verdicts that could not be re-anchored)"))
    if changed:
        parts.append(
            Text(
                f"text changed since decided: {stats.total.text_changed} (verdicts re-attached "
                "to edited words; export or the app's inspector shows what was decided on)"
            )
        )
    return Group(*parts)
