"""Rich tables for the headless commands. Article text goes in as plain Text made
`printable` (so columns are measured on what is shown), never markup; `tui.support.terminal`
prints them."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from tui.analysis.pipeline import Analysis, Segmentation
from tui.support.safe_text import printable


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


def match_table(analysis: Analysis) -> Table:
    """Cross-article pairs, best first, with conflicting figures in a warning colour."""
    table = Table(title="Claims shared across articles", expand=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("tier", no_wrap=True)
    table.add_column("claim", ratio=1, min_width=16)
    table.add_column("matches", ratio=1, min_width=16)
    table.add_column("conflicts", max_width=24)
    for m in sorted(analysis.matches, key=lambda m: (-m.score, m.a, m.b)):
        a, b = analysis.claim(m.a), analysis.claim(m.b)
        table.add_row(
            f"{m.score:.0f}",
            str(m.tier),
            Text(printable(a.article), style="dim") + Text("\n" + printable(a.text)),
            Text(printable(b.article), style="dim") + Text("\n" + printable(b.text)),
            Text("; ".join(printable(f"{k.a} vs {k.b}") for k in m.conflicts), style="yellow"),
        )
    return table
