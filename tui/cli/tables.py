"""Rich tables for the headless commands. Article text goes in as plain Text made
`printable` (so columns are measured on what is shown), never markup; `tui.support.terminal`
prints them."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from tui.analysis.pipeline import Analysis, Segmentation
from tui.config import MatchSettings
from tui.matching.matcher import Match
from tui.review.sources import sources_of
from tui.support.safe_text import printable
from tui.verdicts.model import VerdictSet


def claims_table(segmentation: Segmentation) -> Table:
    """Every unit, grouped by article (a section per article), non-claims dimmed."""
    table = Table(title="Units by article", expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("text", ratio=4, min_width=20)
    table.add_column("numbers", ratio=1)
    table.add_column("attribution", ratio=1)
    for article in segmentation.articles:
        table.add_section()
        heading = Text(printable(article.id), style="bold")
        heading.append(f"  {printable(article.title)}", style="italic")
        table.add_row("", "", heading, "", "")
        for c in segmentation.claims_of(article.id):
            style = "" if c.is_claim else "dim"
            table.add_row(
                str(c.index),
                Text(str(c.kind), style=style),
                Text(printable(c.text), style=style),
                Text(", ".join(printable(f"{q.text} {q.unit}".strip()) for q in c.numbers)),
                Text(printable(c.attribution)),
            )
    return table


_TITLES = {None: "Claims shared across articles", "match": "Matches", "suggestion": "Suggestions"}


def match_table(
    analysis: Analysis, settings: MatchSettings, *, tier: str | None = None, wire: bool = False
) -> Table:
    """Cross-article pairs, best first, with conflicting figures in a warning colour: every
    tier, or only `tier`; pairs between wire copies of one story only when `wire` (their
    count is said under the table). One line per article id and per claim, cut with an
    ellipsis to the terminal's width."""
    sources = sources_of(analysis, settings)

    def wire_copy(m: Match) -> bool:
        a, b = analysis.claim(m.a).article, analysis.claim(m.b).article
        group = sources.wire_group_of(a)
        return group is not None and b in group.articles

    chosen = [m for m in analysis.matches if tier is None or m.tier == tier]
    hidden = 0 if wire else sum(1 for m in chosen if wire_copy(m))
    caption = None
    if hidden:
        chosen = [m for m in chosen if not wire_copy(m)]
        pairs = "pair" if hidden == 1 else "pairs"
        caption = f"{hidden} {pairs} between wire copies of one story hidden (--wire shows them)"
    table = Table(title=_TITLES[tier], caption=caption, expand=True)
    table.add_column("score", justify="right", no_wrap=True)
    if tier is None:
        table.add_column("tier", no_wrap=True)
    for name in ("claim", "matches" if tier != "suggestion" else "suggested"):
        table.add_column(name, ratio=1, min_width=12, no_wrap=True, overflow="ellipsis")
    conflicts = any(m.conflicts for m in chosen)
    if conflicts:
        table.add_column("conflicts", max_width=24, no_wrap=True, overflow="ellipsis")
    for m in sorted(chosen, key=lambda m: (-m.score, m.a, m.b)):
        a, b = analysis.claim(m.a), analysis.claim(m.b)
        cells: list[str | Text] = [f"{m.score:.0f}"]
        if tier is None:
            cells.append(str(m.tier))
        cells += [
            Text(printable(a.article), style="dim") + Text("\n" + printable(a.text)),
            Text(printable(b.article), style="dim") + Text("\n" + printable(b.text)),
        ]
        if conflicts:
            cells.append(
                Text("; ".join(printable(f"{k.a} vs {k.b}") for k in m.conflicts), style="yellow")
            )
        table.add_row(*cells)
    return table


def disagreements_table(merged: VerdictSet) -> Table:
    """A merged file's disagreements: a row per claim (or link) the reviewers decided
    differently, a column per reviewer with what each chose ("-": did not decide it)."""
    texts = {v.anchor.claim: v.anchor.text for v in merged.verdicts}
    table = Table(title="Disagreements", expand=True)
    table.add_column("claim", ratio=1, min_width=16, no_wrap=True, overflow="ellipsis")
    for name in merged.reviewers:
        table.add_column(printable(name), no_wrap=True)
    rows: list[tuple[Text, dict[str, str]]] = [
        (
            Text(printable(d.claim), style="dim")
            + Text("\n" + printable(" ".join(texts.get(d.claim, "").split()))),
            {name: status.value for name, status in d.statuses},
        )
        for d in merged.disagreements
    ]
    rows += [
        (
            Text(printable(f"link of {k.a} and {k.b}")),
            {name: relation.value for name, relation in k.relations},
        )
        for k in merged.link_disagreements
    ]
    for label, chose in rows:
        table.add_row(label, *(chose.get(name, "-") for name in merged.reviewers))
    return table
