"""Pilot tests of a session's life beyond the keys: reopening and refusing files, the
inspector's word diff, outlets and wire copies, coverage, orphaned decisions, and settling
reviewers' disagreements in a merged file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import Start, claim_ids, on_disk, statuses
from tests.screenshots import SEEDS, keys_for_text, make_app
from tui.app.app import build_app, run_app
from tui.app.screens.confirm import ConfirmScreen
from tui.review.session import Filter

# ---- reopening and errors ---------------------------------------------------------------


async def test_reopening_restores_verdicts_and_resumes(start: Start, verdicts: Path) -> None:
    async with start() as r:
        ids = claim_ids(r.s)
        await r.press("j", "j", "j", "c", "a", "escape")
        await r.press("k", "a", *keys_for_text("kept"), "ctrl+s")
    async with start() as r:
        assert r.s.verdict(ids[3]).note == "kept"  # type: ignore[union-attr]
        assert r.s.cursor == ids[4]  # the first untriaged claim after the latest decision


def test_run_app_refuses_a_locked_file(verdicts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = make_app(SEEDS, verdicts)
    try:
        from tests.screenshots import fixed_config

        assert run_app(fixed_config(SEEDS), [SEEDS], verdicts) == 1
    finally:
        first.store.close()
    assert str(verdicts) in capsys.readouterr().err


def test_run_app_refuses_a_damaged_file(verdicts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.screenshots import fixed_config

    verdicts.write_text("version = 1\n[[verdicts]\n", encoding="utf-8")
    assert run_app(fixed_config(SEEDS), [SEEDS], verdicts) == 1
    assert "verdicts.toml" in capsys.readouterr().err
    assert verdicts.read_text(encoding="utf-8") == "version = 1\n[[verdicts]\n"


async def test_nothing_to_load_exits_with_a_message(tmp_path: Path, verdicts: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    from tests.screenshots import fixed_config

    app = build_app(fixed_config(empty), [empty], verdicts)
    try:
        async with app.run_test() as pilot:
            await app.analysed.wait()  # set by the failure too
            await pilot.pause()
    finally:
        app.store.close()
    assert app.return_code == 1 and app.failure and "no articles" in app.failure


# ---- the inspector's word diff ------------------------------------------------------------


async def test_inspector_diff_lines_keep_every_space_in_place(start: Start, conflict: Path) -> None:
    from tui.app.widgets.inspector import Inspector
    from tui.review.session import other_end

    async with start(conflict, size=(150, 60)) as r:
        await r.press("j")  # "Russia has gathered 50,000 troops ...": matched twice
        inspector = r.app.main_screen.query_one(Inspector)
        inspector.styles.height = 30
        await r.pilot.pause()
        height = inspector.scrollable_content_region.height
        lines = [inspector.render_line(y).text.rstrip() for y in range(height)]
        assert lines[:3] == inspector.lines()[:3]
        others = [
            r.s.analysis.claim(other_end(m, r.s.cursor)).text  # type: ignore[arg-type]
            for m in r.s.analysis.matches_of(r.s.cursor)  # type: ignore[arg-type]
        ]
        assert others
        for text in others:  # each diff line is the other claim's text, spaces and all
            assert "        " + text in lines


# ---- outlets and wire copies ---------------------------------------------------------------


async def test_article_list_shows_outlets_and_wire_copies(start: Start, outlets: Path) -> None:
    from tui.app.widgets.article_list import ArticleList

    async with start(outlets) as r:
        articles = r.app.main_screen.query_one(ArticleList)
        prompts = {
            articles.get_option_at_index(i).id: str(articles.get_option_at_index(i).prompt)
            for i in range(articles.option_count)
        }
        assert "Reuters ≈ wire 1" in prompts["wire-a"]
        assert "Daily Planet ≈ wire 1" in prompts["wire-b"]
        assert "The Herald" in prompts["herald"] and "wire" not in prompts["herald"]
        assert "unknown" in prompts["blog"]


async def test_inspector_counts_outlets_and_names_them(start: Start, outlets: Path) -> None:
    from tui.app.widgets.inspector import Inspector

    async with start(outlets) as r:
        inspector = r.app.main_screen.query_one(Inspector)
        await r.press("j")  # blog: "Floods closed the river port ..." (unknown outlet)
        text = inspector.describe(r.s, r.s.cursor).plain  # type: ignore[arg-type]
        assert "matched in 2 outlets (3 articles)" in text  # the wire copies count once
        assert "· unknown ·" in text
        assert "· Reuters ≈ wire 1" in text and "· Daily Planet ≈ wire 1" in text
        await r.press("right_curly_bracket", "right_curly_bracket", "j")  # into wire-a
        assert r.s.current.article == "wire-a"  # type: ignore[union-attr]
        text = inspector.describe(r.s, r.s.cursor).plain  # type: ignore[arg-type]
        assert "Wire copy: River port shut by floods carries the same story" in text
        assert "(same source: not independent)" in text


# ---- coverage ---------------------------------------------------------------------------


async def test_o_shows_coverage_and_enter_jumps_to_the_cluster(start: Start, outlets: Path) -> None:
    from textual.widgets import DataTable

    from tui.app.screens.coverage import CoverageScreen

    async with start(outlets) as r:
        await r.press("j", "c")  # blog's port claim corroborated
        await r.press("o")
        screen = r.app.screen
        assert isinstance(screen, CoverageScreen)
        row = next(
            row for row in screen.coverage.rows if any(c.status for c in row.cells if c.carried)
        )
        assert "✓" in [cell.symbol for cell in row.cells]
        table = screen.query_one(DataTable)
        target = screen.coverage.rows[1]
        await r.press("down", "enter")
        assert r.app.screen is r.app.main_screen
        assert r.s.cursor in r.s.analysis.cluster_of(r.s.cursor).claims  # type: ignore[arg-type, union-attr]
        assert r.s.analysis.cluster_of(r.s.cursor).id == target.cluster  # type: ignore[arg-type, union-attr]
        assert table.row_count == len(screen.coverage.rows) + 1  # and the unclustered row


async def test_coverage_key_is_remappable_and_escape_closes(start: Start, outlets: Path) -> None:
    from tui.app.screens.coverage import CoverageScreen

    async with start(outlets, coverage="ctrl+o") as r:
        await r.press("o")
        assert r.app.screen is r.app.main_screen
        await r.press("ctrl+o")
        assert isinstance(r.app.screen, CoverageScreen)
        await r.press("escape")
        assert r.app.screen is r.app.main_screen


# ---- orphans ------------------------------------------------------------------------------


def orphan_texts(path: Path) -> set[str]:
    return {v["text"] for v in on_disk(path).get("verdicts", [])}


async def _decide_then_edit(start: Start, conflict: Path) -> None:
    """Three verdicts on desk-a made with keys, then desk-a edited so two no longer fit."""
    from tests.screenshots import EDITED_DESK_A

    async with start(conflict) as r:
        await r.press("j", "c", "u")  # 50,000 troops; the November 7 sentence
        await r.press("d")  # local residents
        assert len(statuses(r.app.store.path)) == 3
    (conflict / "desk-a.txt").write_text(EDITED_DESK_A, encoding="utf-8")


async def test_orphans_are_counted_kept_and_listed(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    from tui.app.screens.orphans import OrphansScreen
    from tui.app.widgets.status_bar import StatusBar

    await _decide_then_edit(start, conflict)
    before = verdicts.read_text(encoding="utf-8")
    async with start(conflict) as r:
        assert len(r.s.orphans()) == 2
        assert "2 orphaned" in str(r.app.main_screen.query_one(StatusBar).render())
        assert verdicts.read_text(encoding="utf-8") == before  # opening writes nothing
        await r.press("c")  # any change: the orphans are written back untouched
        assert {
            "The counteroffensive began on November 7, according to the Pentagon.",
            "Local residents were told to stay indoors.",
        } <= orphan_texts(verdicts)
        await r.press("O")
        assert isinstance(r.app.screen, OrphansScreen)
        assert [i.text for i in r.app.screen.items] == [
            "The counteroffensive began on November 7, according to the Pentagon.",
            "Local residents were told to stay indoors.",
        ]
        assert r.app.screen.items[0].score > 0 and r.app.screen.items[0].candidate


async def test_orphan_reattach_saves_and_undoes(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    await _decide_then_edit(start, conflict)
    async with start(conflict) as r:
        await r.press("O", "r")  # the November 7 verdict onto "Fighting resumed ..."
        saved = {v["text"]: v["status"] for v in on_disk(verdicts)["verdicts"]}
        assert saved["Fighting resumed in early November, the Pentagon now says."] == "unsourced"
        assert "The counteroffensive began on November 7, according to the Pentagon." not in saved
        assert len(r.s.orphans()) == 1 and len(r.app.screen.items) == 1  # type: ignore[attr-defined]
        history = (verdicts.parent / "verdicts.history.jsonl").read_text().splitlines()
        assert sum('"reattach"' in line for line in history) == 2
        await r.press("r")  # the residents orphan's candidate is taken now: refused
        assert len(r.s.orphans()) == 1
        await r.press("escape", "ctrl+z")
        assert len(r.s.orphans()) == 2
        assert "The counteroffensive began on November 7, according to the Pentagon." in (
            orphan_texts(verdicts)
        )
        assert "Fighting resumed in early November, the Pentagon now says." not in (
            orphan_texts(verdicts)
        )


async def test_orphan_discard_asks_first(start: Start, conflict: Path, verdicts: Path) -> None:
    await _decide_then_edit(start, conflict)
    async with start(conflict) as r:
        await r.press("O", "j", "k", "j", "x")  # j and k move like ↓ and ↑
        assert isinstance(r.app.screen, ConfirmScreen)
        await r.press("n")
        assert len(r.s.orphans()) == 2
        await r.press("x", "y")
        assert "Local residents were told to stay indoors." not in orphan_texts(verdicts)
        assert len(r.s.orphans()) == 1
        await r.press("escape", "ctrl+z")
        assert "Local residents were told to stay indoors." in orphan_texts(verdicts)


async def test_the_orphans_screen_names_the_undo_key_as_bound(start: Start, conflict: Path) -> None:
    await _decide_then_edit(start, conflict)
    async with start(conflict, undo="ctrl+u") as r:
        await r.press("O")
        assert "ctrl+u on the main screen undoes either" in str(
            r.app.screen.query_one("#orphans-help").render()
        )
        await r.press("x")
        assert isinstance(r.app.screen, ConfirmScreen)
        assert r.app.screen.question.endswith("ctrl+u brings it back.")


async def test_O_without_orphans_says_so(start: Start) -> None:
    async with start() as r:
        await r.press("O")
        assert r.app.screen is r.app.main_screen


# ---- merged files: adjudication ----------------------------------------------------------


async def test_merged_file_opens_on_disagreements_and_settles_them(
    start: Start, tmp_path: Path, verdicts: Path
) -> None:
    from tests.screenshots import write_merged_file

    corpus = write_merged_file(tmp_path / "m", verdicts)
    merged = on_disk(verdicts)
    assert len(merged["disagreements"]) == 2 and merged["reviewers"] == ["alice", "bob"]
    contested = {d["claim"] for d in merged["disagreements"]}
    async with start(corpus) as r:
        shown = r.s.filter
        assert shown is Filter.DISAGREEMENTS and r.s.cursor in contested
        first = r.s.cursor
        await r.press("d")  # the adjudicator says disputed
        saved = on_disk(verdicts)
        mine = [v for v in saved["verdicts"] if v["claim"] == first]
        assert [(v["status"], v["reviewer"]) for v in mine] == [("disputed", "tester")]
        assert [d["claim"] for d in saved["disagreements"]] == sorted(contested - {first})
        assert r.s.cursor in contested - {first}  # on to the next disagreement
        await r.press("ctrl+z")  # both reviewers' verdicts and the disagreement come back
        saved = on_disk(verdicts)
        assert sorted(v["reviewer"] for v in saved["verdicts"] if v["claim"] == first) == [
            "alice",
            "bob",
        ]
        assert {d["claim"] for d in saved["disagreements"]} == contested
        await r.press("ctrl+y", "c")
        saved = on_disk(verdicts)
        assert "disagreements" not in saved
        assert r.s.filter is Filter.ALL  # every disagreement settled
        agreed = [v for v in saved["verdicts"] if v["reviewer"] == "alice, bob"]
        assert len(agreed) == 1 and len(saved["verdicts"]) == 3
