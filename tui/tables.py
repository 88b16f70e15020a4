"""Rich tables for the headless commands. Article text goes in as plain Text, never markup."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.analysis import Analysis
from tui.safe_text import printable


def print_table(table: Table) -> None:
    Console(soft_wrap=False).print(table)


def claims_table(analysis: Analysis) -> Table:
    table = Table(title="Units by article", show_lines=False, expand=True)
    table.add_column("article", no_wrap=True)
    table.add_column("#", justify="right")
    table.add_column("kind")
    table.add_column("text", ratio=1)
    table.add_column("numbers")
    table.add_column("attribution")
    for c in analysis.claims:
        style = "" if c.is_claim else "dim"
        table.add_row(
            Text(printable(c.article)),
            str(c.index),
            Text(str(c.kind), style=style),
            Text(printable(c.text), style=style),
            Text(", ".join(f"{q.text} {q.unit}".strip() for q in c.numbers)),
            Text(printable(c.attribution)),
        )
    return table


def match_table(analysis: Analysis) -> Table:
    table = Table(title="Claims shared across articles", expand=True)
    table.add_column("score", justify="right")
    table.add_column("tier")
    table.add_column("claim", ratio=1)
    table.add_column("matches", ratio=1)
    table.add_column("conflicts")
    for m in sorted(analysis.matches, key=lambda m: (-m.score, m.a, m.b)):
        a, b = analysis.claim(m.a), analysis.claim(m.b)
        table.add_row(
            f"{m.score:.0f}",
            str(m.tier),
            Text(f"[{printable(a.article)}] ") + Text(printable(a.text)),
            Text(f"[{printable(b.article)}] ") + Text(printable(b.text)),
            Text("; ".join(f"{k.a} vs {k.b}" for k in m.conflicts), style="yellow"),
        )
    return table
