"""Pilot tests: every key of the main screen, checked on the app's state and on the TOML
file written (read back with tomllib)."""

from __future__ import annotations

import tomllib
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from tests.screenshots import SEEDS, keys_for_text, make_app, ready, write_conflict_corpus
from tui.app.app import CrosscheckApp, build_app, run_app
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.note import NoteScreen
from tui.app.widgets.article_pane import ArticlePane
from tui.triage import Filter, Session

SIZE = (140, 40)


def on_disk(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def statuses(path: Path) -> dict[str, str]:
    return {v["claim"]: v["status"] for v in on_disk(path).get("verdicts", [])}


@pytest.fixture
def verdicts(tmp_path: Path) -> Path:
    return tmp_path / "verdicts.toml"


@pytest.fixture
def conflict(tmp_path: Path) -> Path:
    return write_conflict_corpus(tmp_path)


class Run:
    """A running app, its pilot and its session."""

    def __init__(self, app: CrosscheckApp, pilot) -> None:  # type: ignore[no-untyped-def]
        self.app, self.pilot = app, pilot

    @property
    def s(self) -> Session:
        assert self.app.session is not None
        return self.app.session

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()


@pytest.fixture
def start(verdicts: Path) -> Callable[..., AsyncIterator[Run]]:
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def run(corpus: Path = SEEDS, size: tuple[int, int] = SIZE, **keys: str):  # type: ignore[no-untyped-def]
        app = make_app(corpus, verdicts, **keys)
        try:
            async with app.run_test(size=size) as pilot:
                await ready(pilot)
                yield Run(app, pilot)
        finally:
            app.store.close()

    return run


def claim_ids(s: Session) -> list[str]:
    return [c.id for c in s.claims()]


# ---- moving ---------------------------------------------------------------------------


async def test_j_k_and_arrows_move_between_claims(start) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        ids = claim_ids(r.s)
        assert r.s.cursor == ids[0]
        await r.press("j", "down")
        assert r.s.cursor == ids[2]
        await r.press("k")
        assert r.s.cursor == ids[1]
        await r.press("up")
        assert r.s.cursor == ids[0]


async def test_g_and_G_go_to_first_and_last(start) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        ids = claim_ids(r.s)
        await r.press("G")
        assert r.s.cursor == ids[-1]
        assert r.app.main_screen.query_one("#left", ArticlePane).article_id == r.s.current.article  # type: ignore[union-attr]
        await r.press("g")
        assert r.s.cursor == ids[0]


async def test_n_and_N_skip_triaged_claims(start) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        ids = claim_ids(r.s)
        await r.press("j", "c", "g")  # ids[1] corroborated, back to the first
        await r.press("c")  # ids[0]; moves on to the next untriaged: ids[2]
        assert r.s.cursor == ids[2]
        await r.press("N")  # previous untriaged wraps round to the last claim
        assert r.s.cursor == ids[-1]
        await r.press("n")
        assert r.s.cursor == ids[2]


# ---- deciding -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "status"), [("c", "corroborated"), ("d", "disputed"), ("u", "unsourced")]
)
async def test_verdict_keys_save_at_once_and_move_on(
    start, verdicts: Path, key: str, status: str
) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        first = r.s.cursor
        await r.press(key)
        saved = on_disk(verdicts)
        assert saved["reviewer"] == "tester"
        (verdict,) = saved["verdicts"]
        assert (verdict["claim"], verdict["status"]) == (first, status)
        assert verdict["text"] == r.s.analysis.claim(first).text  # type: ignore[arg-type]
        assert r.s.cursor == claim_ids(r.s)[1]


async def test_v_accepts_the_suggestion(start, conflict: Path, verdicts: Path) -> None:  # type: ignore[no-untyped-def]
    async with start(conflict) as r:
        await r.press("j")  # "50,000 troops", which desk-b contradicts
        target = r.s.cursor
        await r.press("v")
        assert statuses(verdicts) == {target: "disputed"}


async def test_v_without_a_suggestion_changes_nothing(
    start, conflict: Path, verdicts: Path
) -> None:  # type: ignore[no-untyped-def]
    async with start(conflict) as r:
        await r.press("j", "j", "j")  # "Local residents ...": attributed, no match
        assert "residents" in r.s.current.text  # type: ignore[union-attr]
        await r.press("v")
        assert statuses(verdicts) == {}


@pytest.mark.parametrize("key", ["x", "backspace"])
async def test_x_and_backspace_clear(start, verdicts: Path, key: str) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        await r.press("c", "k")
        assert len(statuses(verdicts)) == 1
        await r.press(key)
        assert statuses(verdicts) == {}


async def test_K_toggles_claim_and_is_saved_as_correction(start, verdicts: Path) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        first = r.s.cursor
        await r.press("K")
        (correction,) = on_disk(verdicts)["corrections"]
        assert correction["claim"] == first and correction["is_claim"] is False
        assert r.s.cursor != first and first not in claim_ids(r.s)
        await r.press("f", "f", "f", "f", "f", "f", "f")  # the "not claims" filter
        assert r.s.filter is Filter.NOT_CLAIMS
        await r.press("g")
        assert r.s.cursor == first
        await r.press("K")
        assert "corrections" not in on_disk(verdicts)


async def test_m_gives_the_cluster_the_verdict_after_confirmation(
    start, conflict: Path, verdicts: Path
) -> None:  # type: ignore[no-untyped-def]
    async with start(conflict) as r:
        await r.press("j", "d", "k")
        cluster = r.s.analysis.cluster_of(r.s.cursor)  # type: ignore[arg-type]
        assert cluster is not None and len(cluster.claims) >= 3
        await r.press("m")
        assert isinstance(r.app.screen, ConfirmScreen)
        # the confirmation lists the other members, which the decision would change
        assert len(r.app.screen.items) == len(cluster.claims) - 1
        await r.press("n")
        assert len(statuses(verdicts)) == 1
        await r.press("m", "y")
        assert set(statuses(verdicts).values()) == {"disputed"}
        assert set(statuses(verdicts)) == set(cluster.claims)


async def test_a_edits_note_and_sources(start, verdicts: Path) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        await r.press("a")
        assert not isinstance(r.app.screen, NoteScreen)  # no verdict yet: nothing to note
        await r.press("u", "k", "a")
        assert isinstance(r.app.screen, NoteScreen)
        await r.press(*keys_for_text("checked wires"), "tab", *keys_for_text("AP 12 Nov"), "ctrl+s")
        (verdict,) = on_disk(verdicts)["verdicts"]
        assert verdict["note"] == "checked wires" and verdict["sources"] == ["AP 12 Nov"]
        await r.press("a", "escape")
        assert on_disk(verdicts)["verdicts"][0]["note"] == "checked wires"


async def test_undo_redo_chain_reaches_the_file(start, verdicts: Path) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        await r.press("c", "d", "u")
        history = [statuses(verdicts)]
        for _ in range(3):
            await r.press("ctrl+z")
            history.append(statuses(verdicts))
        assert [len(h) for h in history] == [3, 2, 1, 0]
        for expected in reversed(history[:-1]):
            await r.press("ctrl+y")
            assert statuses(verdicts) == expected
        lines = (verdicts.parent / "verdicts.history.jsonl").read_text().splitlines()
        assert len(lines) == 9


# ---- viewing ----------------------------------------------------------------------------


async def test_tab_moves_focus_between_panes(start) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        assert r.app.focused is r.app.main_screen.query_one("#left")
        await r.press("tab")
        assert r.app.focused is r.app.main_screen.query_one("#right")
        await r.press("tab")
        assert r.app.focused is r.app.main_screen.query_one("#left")


async def test_brackets_change_the_comparison_article(start) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        right = r.app.main_screen.query_one("#right", ArticlePane)
        seen = {right.article_id}
        for _ in range(3):
            await r.press("right_square_bracket")
            seen.add(right.article_id)
        assert len(seen) == 4 and r.s.current.article not in seen  # type: ignore[union-attr]
        before = right.article_id
        await r.press("right_square_bracket", "left_square_bracket")
        assert right.article_id == before


async def test_braces_change_the_article_being_triaged(start) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        articles = [a.id for a in r.s.analysis.articles]
        await r.press("right_curly_bracket")
        assert r.s.current.article == articles[1]  # type: ignore[union-attr]
        assert r.app.main_screen.query_one("#left", ArticlePane).article_id == articles[1]
        await r.press("left_curly_bracket", "left_curly_bracket")
        assert r.s.current.article == articles[-1]  # type: ignore[union-attr]


async def test_enter_shows_the_best_match(start, conflict: Path) -> None:  # type: ignore[no-untyped-def]
    async with start(conflict) as r:
        await r.press("j", "right_square_bracket", "right_square_bracket")
        await r.press("enter")
        best = r.s.analysis.matches_of(r.s.cursor)[0]  # type: ignore[arg-type]
        other = best.b if best.a == r.s.cursor else best.a
        assert r.app.main_screen.compare == r.s.analysis.claim(other).article


async def test_slash_searches_incrementally(start) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        await r.press("slash", *keys_for_text("pyongyang"))
        assert "pyongyang" in r.s.current.text.lower()  # type: ignore[union-attr]
        await r.press("escape")
        assert not r.app.main_screen.searching


async def test_f_cycles_filter_and_navigation_follows_it(start) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        await r.press("c", "c")
        await r.press("f")
        assert r.s.filter is Filter.UNTRIAGED
        await r.press("g")
        assert r.s.verdict(r.s.cursor) is None  # type: ignore[arg-type]
        await r.press("f", "f", "f")
        assert r.s.filter is Filter.CORROBORATED
        visited = {r.s.cursor}
        await r.press("g", "j", "j")
        visited.add(r.s.cursor)
        assert all(r.s.verdict(c) is not None for c in visited)  # type: ignore[arg-type]


async def test_l_toggles_the_article_list(start) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        screen = r.app.main_screen
        shown = screen.show_articles
        await r.press("l")
        assert screen.show_articles is not shown and screen.has_class("-articles") is not shown


async def test_help_and_quit(start) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        await r.press("question_mark")
        assert isinstance(r.app.screen, HelpScreen)
        await r.press("escape")
        await r.press("q")
        assert r.app.return_code == 0 and r.app._exit


async def test_click_selects_a_claim(start) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        pane = r.app.main_screen.query_one("#left", ArticlePane)
        target = claim_ids(r.s)[3]
        line = pane.line_of(target)
        assert line is not None
        await r.pilot.click(pane, offset=(4, line - pane.scroll_offset.y))
        await r.pilot.pause()
        assert r.s.cursor == target or r.s.cursor in claim_ids(r.s)[2:5]
        assert r.s.cursor != claim_ids(r.s)[0]


async def test_keys_can_be_remapped(start) -> None:  # type: ignore[no-untyped-def]
    async with start(next_claim="ctrl+n") as r:
        ids = claim_ids(r.s)
        await r.press("ctrl+n")
        assert r.s.cursor == ids[1]
        await r.press("j")
        assert r.s.cursor == ids[1]


async def test_question_and_help_keys_are_remappable(start, conflict: Path, verdicts: Path) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Button, Static

    async with start(conflict, confirm_yes="o", confirm_no="p", help_close="z") as r:
        await r.press("j", "d", "k", "m")
        assert isinstance(r.app.screen, ConfirmScreen)
        labels = {str(b.label) for b in r.app.screen.query(Button)}
        assert labels == {"Yes (o)", "No (p)"}  # the buttons name the keys bound now
        await r.press("y")  # no longer bound: the question stays
        assert isinstance(r.app.screen, ConfirmScreen)
        await r.press("p")
        assert r.app.screen is r.app.main_screen and len(statuses(verdicts)) == 1
        await r.press("m", "o")
        assert len(statuses(verdicts)) > 1
        await r.press("question_mark")
        assert isinstance(r.app.screen, HelpScreen)
        footnote = str(r.app.screen.query_one("#help-footnote", Static).render())
        assert "z closes this screen" in footnote
        await r.press("escape")
        assert isinstance(r.app.screen, HelpScreen)
        await r.press("z")
        assert r.app.screen is r.app.main_screen


async def test_narrow_layout_shows_one_pane(start) -> None:  # type: ignore[no-untyped-def]
    async with start(size=(80, 24)) as r:
        screen = r.app.main_screen
        assert screen.has_class("-narrow")
        assert screen.query_one("#left").display and not screen.query_one("#right").display
        await r.press("tab")
        assert screen.query_one("#right").display and not screen.query_one("#left").display


# ---- reopening and errors ---------------------------------------------------------------


async def test_reopening_restores_verdicts_and_resumes(start, verdicts: Path) -> None:  # type: ignore[no-untyped-def]
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


async def test_inspector_diff_lines_keep_every_space_in_place(start, conflict: Path) -> None:  # type: ignore[no-untyped-def]
    from tui.app.widgets.inspector import Inspector
    from tui.triage import other_end

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
            assert "      " + text in lines


# ---- outlets and wire copies ---------------------------------------------------------------


@pytest.fixture
def outlets(tmp_path: Path) -> Path:
    from tests.screenshots import write_outlet_corpus

    return write_outlet_corpus(tmp_path)


async def test_article_list_shows_outlets_and_wire_copies(start, outlets: Path) -> None:  # type: ignore[no-untyped-def]
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


async def test_inspector_counts_outlets_and_names_them(start, outlets: Path) -> None:  # type: ignore[no-untyped-def]
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
        assert "Wire copy: River port shut by floods carry the same story" in text
        assert "(same source: not independent)" in text


# ---- coverage ---------------------------------------------------------------------------


async def test_o_shows_coverage_and_enter_jumps_to_the_cluster(start, outlets: Path) -> None:  # type: ignore[no-untyped-def]
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


async def test_coverage_key_is_remappable_and_escape_closes(start, outlets: Path) -> None:  # type: ignore[no-untyped-def]
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


async def _decide_then_edit(start, conflict: Path) -> None:  # type: ignore[no-untyped-def]
    """Three verdicts on desk-a made with keys, then desk-a edited so two no longer fit."""
    from tests.screenshots import EDITED_DESK_A

    async with start(conflict) as r:
        await r.press("j", "c", "u")  # 50,000 troops; the November 7 sentence
        await r.press("d")  # local residents
        assert len(statuses(r.app.store.path)) == 3
    (conflict / "desk-a.txt").write_text(EDITED_DESK_A, encoding="utf-8")


async def test_orphans_are_counted_kept_and_listed(start, conflict: Path, verdicts: Path) -> None:  # type: ignore[no-untyped-def]
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


async def test_orphan_reattach_saves_and_undoes(start, conflict: Path, verdicts: Path) -> None:  # type: ignore[no-untyped-def]
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


async def test_orphan_discard_asks_first(start, conflict: Path, verdicts: Path) -> None:  # type: ignore[no-untyped-def]
    await _decide_then_edit(start, conflict)
    async with start(conflict) as r:
        await r.press("O", "down", "x")
        assert isinstance(r.app.screen, ConfirmScreen)
        await r.press("n")
        assert len(r.s.orphans()) == 2
        await r.press("x", "y")
        assert "Local residents were told to stay indoors." not in orphan_texts(verdicts)
        assert len(r.s.orphans()) == 1
        await r.press("escape", "ctrl+z")
        assert "Local residents were told to stay indoors." in orphan_texts(verdicts)


async def test_O_without_orphans_says_so(start) -> None:  # type: ignore[no-untyped-def]
    async with start() as r:
        await r.press("O")
        assert r.app.screen is r.app.main_screen


# ---- merged files: adjudication ----------------------------------------------------------


async def test_merged_file_opens_on_disagreements_and_settles_them(
    start, tmp_path: Path, verdicts: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.screenshots import write_merged_file

    corpus = write_merged_file(tmp_path / "m", verdicts)
    merged = on_disk(verdicts)
    assert len(merged["disagreements"]) == 2 and merged["reviewers"] == ["alice", "bob"]
    contested = {d["claim"] for d in merged["disagreements"]}
    async with start(corpus) as r:
        assert r.s.filter is Filter.DISAGREEMENTS and r.s.cursor in contested
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
