"""The summary screen: where the review stands, shown when the last claim is triaged and
from the command palette at any time.

It presents a `tui.review.summary.Summary` and holds no logic of its own: the counts by
kind, a table by outlet, the disputed claims with why, the orphaned decisions, and the
commands that export the verdict file. Every string from outside (outlets, claims, notes,
the file's name) goes in as Text, made printable, never as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.app.bindings import bindings_for
from tui.app.keys import SUMMARY_KEYS, bound_key
from tui.app.screens.closing import dismiss_once
from tui.review.summary import Counts, Summary, kinds_phrase
from tui.support.safe_text import printable
from tui.verdicts.model import VERDICTS

CLAIM_WIDTH = 200  # characters of a disputed claim shown at most (the table wraps the rest)


def _safe(text: str) -> str:
    return " ".join(printable(text, keep_newlines=False).split())


def _cut(text: str, width: int = CLAIM_WIDTH) -> str:
    text = _safe(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def title(summary: Summary) -> str:
    total = summary.total
    if total.claims and not total.untriaged:
        return f"Every claim triaged: {total.claims} of {total.claims}"
    return f"{total.triaged} of {total.claims} claims triaged, {total.untriaged} left"


def outlet_table(outlets: Sequence[Counts]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=False, pad_edge=False)
    table.add_column("Outlet")
    table.add_column("Triaged", justify="right")  # of its claims: "3/21"
    for status in VERDICTS:
        table.add_column(status.value.capitalize(), justify="right")
    table.add_column("Later", justify="right")
    for o in outlets:
        table.add_row(
            Text(_cut(o.name, 40)),
            Text(f"{o.triaged}/{o.claims}"),
            *(Text(str(o.by_status[s])) for s in VERDICTS),
            Text(str(o.later)),
        )
    return table


def disputed_table(summary: Summary) -> RenderableType:
    if not summary.disputed:
        return Text("No claim disputed.")
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    table.add_column("Disputed claim", ratio=3)
    table.add_column("Outlet", ratio=1)
    table.add_column("Why", ratio=3)
    for d in summary.disputed:
        why = Text(f"{d.why}: " if d.why else "", style="bold")
        why.append(_cut(d.reason) if d.reason else "nothing recorded (no note)")
        if d.sources:
            why.append(f" · sources: {_cut(', '.join(d.sources))}")
        table.add_row(Text(_cut(d.text)), Text(_cut(d.outlet, 40)), why)
    return table


class SummaryScreen(Screen[None]):
    """Shows a Summary and the export commands; closes with its keys (SUMMARY_KEYS)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings_for(SUMMARY_KEYS)

    def __init__(
        self, summary: Summary, commands: Sequence[str], keymap: Mapping[str, str]
    ) -> None:
        super().__init__()
        self.summary = summary
        self.commands = tuple(commands)
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        s = self.summary
        yield Static(Text(title(s)), id="summary-title")
        with VerticalScroll(id="summary-body"):
            yield Static(Text(kinds_phrase(s.total)), id="summary-kinds")
            yield Static(Text("By outlet", style="bold"), classes="summary-heading")
            yield Static(outlet_table(s.outlets), id="summary-outlets")
            yield Static(Text("Disputed claims", style="bold"), classes="summary-heading")
            yield Static(disputed_table(s), id="summary-disputed")
            yield Static(self._decisions(), id="summary-orphans")
            yield Static(Text("Export", style="bold"), classes="summary-heading")
            yield Static(
                Group(*(Text(printable(c, keep_newlines=False)) for c in self.commands)),
                id="summary-exports",
            )
        yield Footer()

    def _decisions(self) -> Text:
        s = self.summary
        if s.orphans:
            key = bound_key("orphans", self.keymap)
            noun = "decision" if s.orphans == 1 else "decisions"
            line = f"{s.orphans} orphaned {noun}: no claim of today's text fits ({key} lists them)."
        else:
            line = "No orphaned decisions."
        if s.disagreements:
            line += f" {s.disagreements} disagreement(s) between reviewers still to adjudicate."
        return Text(line)

    def on_mount(self) -> None:
        # The notices of the triage that led here ("No suggestion: ..." after a fast run of
        # keys) would cover the summary: it says where the review stands instead.
        self.app.clear_notifications()
        self.query_one("#summary-body", VerticalScroll).focus()

    def action_summary_down(self) -> None:
        self.query_one("#summary-body", VerticalScroll).scroll_down()

    def action_summary_up(self) -> None:
        self.query_one("#summary-body", VerticalScroll).scroll_up()

    def action_summary_close(self) -> None:
        dismiss_once(self, None)
