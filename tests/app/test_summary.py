"""Pilot tests: the summary screen opens when the last claim is triaged (once), closes with
its keys, opens from the palette at any time and keeps outside text literal; the status
line's progress bar, pace and time left, fitted to the width; the line printed on quitting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.widgets import Static

from tests.app.conftest import Run, Start, claim_ids
from tests.screenshots import fixed_config, ready
from tui.app.app import CrosscheckApp, run_app
from tui.app.screens.summary import SummaryScreen
from tui.app.widgets.status_bar import StatusBar
from tui.review.pace import Pace, time_words
from tui.verdicts.model import Status

# Outside text that would act if it were read as markup or written raw to a terminal.
HOSTILE = "[bold]Evil[/bold] \x1b]0;pwned\x07[link=x]y[/link]"


def shown(screen: SummaryScreen) -> str:
    """Everything the summary's Statics hold, rendered as a console would (markup read:
    a string that slipped in instead of Text would lose its brackets here)."""
    console = Console(width=1000, record=True, markup=True, file=open("/dev/null", "w"))  # noqa: SIM115
    for static in screen.query(Static):
        console.print(static.content)
    console.file.close()
    return console.export_text()


def status_line(r: Run) -> str:
    return str(r.app.main_screen.query_one(StatusBar).render())


async def triage_all_but_one(r: Run, status: Status = Status.CORROBORATED) -> str:
    """Decide every claim but the last through the session (saved by the app); the last."""
    *first, last = claim_ids(r.s)
    for claim in first:
        r.s.move_to(claim)
        r.app.persist(r.s.mark(status))
    r.s.move_to(last)
    r.app.main_screen.paint()
    await r.pilot.pause()
    return last


async def open_from_palette(r: Run) -> None:
    await r.press("ctrl+p")
    await r.pilot.press(*"Summary")
    await r.app.workers.wait_for_complete()
    await r.pilot.pause(0.1)
    await r.press("enter")


async def test_triaging_the_last_claim_opens_the_summary_once(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict) as r:
        ids = claim_ids(r.s)
        await r.press(*["c"] * (len(ids) - 1))
        assert r.app.screen is r.app.main_screen  # one claim left: no summary yet
        # The pace runs on the decisions' clock, fixed here: no rate however many decisions.
        assert "/min" not in status_line(r) and f"{len(ids) - 1}/{len(ids)} triaged" in status_line(
            r
        )
        await r.press("d")
        screen = r.app.screen
        assert isinstance(screen, SummaryScreen)
        text = shown(screen)
        assert f"Every claim triaged: {len(ids)} of {len(ids)}" in text
        assert f"{len(ids) - 1} corroborated, 1 disputed, 0 unsourced" in text
        # By outlet: no article of this corpus names one, so one row, every claim triaged.
        (row,) = [line for line in text.splitlines() if line.strip().startswith("unknown ")]
        assert row.split()[1:] == [f"{len(ids)}/{len(ids)}", str(len(ids) - 1), "1", "0", "0"]
        exported = verdicts.with_suffix(".json")
        assert f"crosscheck export --verdicts {verdicts} --format json -o {exported}" in text
        assert "--format w3c" in text
        await r.press("escape")
        assert r.app.screen is r.app.main_screen
        await r.press("c")  # a verdict changed with nothing left to triage
        assert r.app.screen is r.app.main_screen
        await r.press("x", "c")  # cleared and decided again: not a second time either
        assert r.app.screen is r.app.main_screen
        assert all(r.s.verdict(c) is not None for c in ids)


async def test_q_closes_it_and_the_palette_opens_it_at_any_time(
    start: Start, conflict: Path
) -> None:
    async with start(conflict) as r:
        await open_from_palette(r)
        screen = r.app.screen
        assert isinstance(screen, SummaryScreen)
        total = len(claim_ids(r.s))
        assert f"0 of {total} claims triaged, {total} left" in shown(screen)
        await r.press("q")  # closes the summary; the app keeps running
        assert r.app.is_running and r.app.screen is r.app.main_screen
        await r.press("c")
        await open_from_palette(r)
        again = r.app.screen
        assert isinstance(again, SummaryScreen)
        assert f"1 of {total} claims triaged" in shown(again)
        await r.press("escape")
        assert r.app.screen is r.app.main_screen


async def test_a_cluster_verdict_on_the_last_claims_opens_it(start: Start, conflict: Path) -> None:
    async with start(conflict) as r:
        ids = claim_ids(r.s)
        # Every claim decided but a cluster's: the cluster verdict triages the last ones.
        cluster = next(cl for cl in r.s.analysis.clusters if len(cl.claims) > 1)
        for claim in ids:
            if claim not in cluster.claims:
                r.s.move_to(claim)
                r.app.persist(r.s.mark(Status.UNSOURCED))
        r.s.move_to(cluster.claims[0])
        r.app.main_screen.paint()
        await r.press("c")
        assert r.app.screen is r.app.main_screen
        r.s.move_to(cluster.claims[0])  # "c" went on to the next claim to triage
        await r.press("m")  # asks first
        await r.press("y")
        assert isinstance(r.app.screen, SummaryScreen)


async def test_outside_text_stays_literal_on_the_summary(start: Start, tmp_path: Path) -> None:
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    outlet = HOSTILE.replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
    (corpus / "one.md").write_text(
        f'+++\ntitle = "Floods"\noutlet = "{outlet}"\n+++\nFloods\n\n'
        "Floods closed the river port of Varna on Tuesday, the harbour authority said.\n",
        encoding="utf-8",
    )
    (corpus / "two.txt").write_text(
        "Port shut\n\nThe harbour authority said floods closed the river port of Varna.\n",
        encoding="utf-8",
    )
    async with start(corpus) as r:
        last = await triage_all_but_one(r)
        first = claim_ids(r.s)[0]
        r.s.move_to(first)
        r.app.persist(r.s.mark(Status.DISPUTED))
        change = r.s.set_note("Denied [red]it[/red] \x1b[2J", ["https://x.example/[i]a[/i]"])
        assert change is not None
        r.app.persist(change)
        r.s.move_to(last)
        await r.press("u")
        screen = r.app.screen
        assert isinstance(screen, SummaryScreen)
        text = shown(screen)
        # The outlet, in the table by outlet and beside the disputed claim (cut at 40).
        assert text.count("[bold]Evil[/bold] ␛]0;pwned␇[link=x]y[/") == 2
        assert "note: Denied [red]it[/red]" in text
        assert "sources: https://x.example/[i]a[/i]" in text
        assert "\x1b" not in text and "\x07" not in text


async def test_the_status_line_shows_the_pace_once_it_can_and_drops_it_when_narrow(
    start: Start,
) -> None:
    class Clock:
        now = 0.0

        def __call__(self) -> float:
            return self.now

    clock = Clock()
    async with start(size=(120, 40)) as r:
        bar = r.app.main_screen.query_one(StatusBar)
        bar.pace = Pace(clock)
        await r.press("j")  # nothing decided: no count, so not where the pace starts
        total = r.s.progress()[1]
        await r.press("c")  # the first count: where the pace starts
        assert "/min" not in status_line(r) and "left" not in status_line(r)
        for _ in range(5):
            clock.now += 30
            await r.press("c")
        line = status_line(r)
        assert f"6/{total} triaged" in line
        left_minutes = (total - 6) / 2  # two claims a minute
        assert "2.0/min" in line and " left" in line
        assert f"{100 * 6 // total}%" in line
        assert f"{time_words(left_minutes * 60)} left" in line
        await r.pilot.resize_terminal(80, 24)
        await r.pilot.pause()
        narrow = status_line(r)
        assert f"6/{total} triaged" in narrow and "/min" not in narrow


async def test_the_status_line_keeps_the_unsaved_warning_at_80_columns(start: Start) -> None:
    async with start(size=(80, 24)) as r:

        def save(*_: Any, **__: Any) -> Any:
            raise OSError(28, "No space left on device")

        r.app.store.save = save  # type: ignore[method-assign]
        await r.press("c", "c")
        line = status_line(r)
        assert "2 decisions not saved" in line and "triaged" in line


def _headless(keys: list[str]) -> Any:
    """CrosscheckApp.run without a terminal: wait for the articles, press `keys`."""
    real = CrosscheckApp.run

    def run(self: CrosscheckApp, **_: Any) -> Any:
        async def pilot(p: Any) -> None:  # a Pilot of this app
            if not keys:  # loading fails: the app ends by itself
                return
            await ready(p)
            for key in keys:
                await p.press(key)
                await p.pause()

        return real(self, headless=True, size=(120, 40), auto_pilot=pilot)

    return run


def test_quitting_prints_where_the_review_stands(
    conflict: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    verdicts = tmp_path / "v[bold]x\x1b]0;t\x07.toml"
    monkeypatch.setattr(CrosscheckApp, "run", _headless(["c", "d", "q"]))
    assert run_app(fixed_config(conflict), [conflict], verdicts) == 0
    err = capsys.readouterr().err
    (line,) = [ln for ln in err.splitlines() if "triaged" in ln]
    assert line.startswith("crosscheck: 2 of ")
    assert "claims triaged (1 corroborated, 1 disputed, 0 unsourced) in " in line
    assert "v[bold]x" in line and "\x1b" not in line and "\x07" not in line


def test_no_line_when_loading_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr(CrosscheckApp, "run", _headless([]))
    assert run_app(fixed_config(empty), [empty], tmp_path / "v.toml") == 1
    err = capsys.readouterr().err
    assert err.strip() and "triaged" not in err


def test_the_status_line_drops_parts_lowest_rank_first() -> None:
    from rich.text import Text

    from tui.app.widgets.status_bar import PATH_MIN, Part, Rank, bar, fit

    parts = [
        Part(Text(" crosscheck ")),
        Part(Text(" 6/137 triaged")),
        Part(Text(" " + bar(6, 137)), Rank.BAR),
        Part(Text(" · 2.0/min · ~1 h 10 min left"), Rank.PACE),
        Part(Text(" · filter: all"), Rank.FILTER_ALL),
        Part(Text(" · 3 decisions not saved")),
        Part(Text(" · /a/long/way/to/the/verdicts.toml"), Rank.PATH),
    ]
    everything = sum(p.text.cell_len for p in parts)
    assert fit(parts, everything) == parts
    # A little short: the path is cut (by the line's ellipsis), nothing dropped...
    cut = everything - (parts[6].text.cell_len - PATH_MIN)
    assert fit(parts, cut) == parts
    # ...shorter still: the pace goes first, then "filter: all", then the bar.
    ranks = [[p.rank for p in fit(parts, w) if p.rank] for w in (cut - 1, cut - 30, cut - 44)]
    assert ranks == [
        [Rank.BAR, Rank.FILTER_ALL, Rank.PATH],
        [Rank.BAR, Rank.PATH],
        [Rank.PATH],
    ]
    tiny = fit(parts, 10)  # nothing droppable is left: the counts and the warning stay
    assert [p.text.plain for p in tiny] == [
        " crosscheck ",
        " 6/137 triaged",
        " · 3 decisions not saved",
    ]


def test_the_bar() -> None:
    from tui.app.widgets.status_bar import BAR_WIDTH, bar

    assert bar(0, 9) == "─" * BAR_WIDTH + " 0%"
    assert bar(9, 9) == "━" * BAR_WIDTH + " 100%"
    assert bar(5, 10) == "━━━━━───── 50%"
    assert bar(11, 20) == "━━━━━╸──── 55%"
    assert bar(199, 200) == "━━━━━━━━━╸ 99%"  # 100% only when every claim is triaged
