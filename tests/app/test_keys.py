"""Pilot tests: every key of the main screen, checked on the app's state and on the TOML
file written (read back with tomllib). Reopening, errors and the screens over the main one
are in test_session.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import Start, claim_ids, on_disk, statuses
from tests.screenshots import keys_for_text
from tui.app.screens.confirm import ConfirmScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.note import NoteScreen
from tui.app.widgets.article_pane import ArticlePane
from tui.review.session import Filter

# ---- moving ---------------------------------------------------------------------------


async def test_j_k_and_arrows_move_between_claims(start: Start) -> None:
    async with start() as r:
        ids = claim_ids(r.s)
        assert r.s.cursor == ids[0]
        await r.press("j", "down")
        assert r.s.cursor == ids[2]
        await r.press("k")
        assert r.s.cursor == ids[1]
        await r.press("up")
        assert r.s.cursor == ids[0]


async def test_g_and_G_go_to_first_and_last(start: Start) -> None:
    async with start() as r:
        ids = claim_ids(r.s)
        await r.press("G")
        assert r.s.cursor == ids[-1]
        assert r.app.main_screen.query_one("#left", ArticlePane).article_id == r.s.current.article  # type: ignore[union-attr]
        await r.press("g")
        assert r.s.cursor == ids[0]


async def test_n_and_N_skip_triaged_claims(start: Start) -> None:
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
    start: Start, verdicts: Path, key: str, status: str
) -> None:
    async with start() as r:
        first = r.s.cursor
        await r.press(key)
        saved = on_disk(verdicts)
        assert saved["reviewer"] == "tester"
        (verdict,) = saved["verdicts"]
        assert (verdict["claim"], verdict["status"]) == (first, status)
        assert verdict["text"] == r.s.analysis.claim(first).text  # type: ignore[arg-type]
        assert r.s.cursor == claim_ids(r.s)[1]


async def test_v_accepts_the_suggestion(start: Start, conflict: Path, verdicts: Path) -> None:
    async with start(conflict) as r:
        await r.press("j")  # "50,000 troops", which desk-b contradicts
        target = r.s.cursor
        await r.press("v")
        assert statuses(verdicts) == {target: "disputed"}


async def test_v_without_a_suggestion_changes_nothing(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    # A claim that names its own source and has no match: nothing is suggested.
    with (conflict / "desk-a.txt").open("a", encoding="utf-8") as article:
        article.write("The bridge will reopen in May, the city engineer said.\n")
    async with start(conflict) as r:
        await r.press("j", "j", "j", "j")
        assert "city engineer" in r.s.current.text  # type: ignore[union-attr]
        await r.press("v")
        assert statuses(verdicts) == {}


@pytest.mark.parametrize("key", ["x", "backspace"])
async def test_x_and_backspace_clear(start: Start, verdicts: Path, key: str) -> None:
    async with start() as r:
        await r.press("c", "k")
        assert len(statuses(verdicts)) == 1
        await r.press(key)
        assert statuses(verdicts) == {}


async def test_K_toggles_claim_and_is_saved_as_correction(start: Start, verdicts: Path) -> None:
    async with start() as r:
        first = r.s.cursor
        await r.press("K")
        (correction,) = on_disk(verdicts)["corrections"]
        assert correction["claim"] == first and correction["is_claim"] is False
        assert r.s.cursor != first and first not in claim_ids(r.s)
        for _ in range(len(Filter)):  # round the filters to "not claims"
            if r.s.filter is Filter.NOT_CLAIMS:
                break
            await r.press("f")
        assert r.s.filter is Filter.NOT_CLAIMS
        await r.press("g")
        assert r.s.cursor == first
        await r.press("K")
        assert "corrections" not in on_disk(verdicts)


async def test_K_on_a_decided_claim_says_its_verdict_went(start: Start, verdicts: Path) -> None:
    async with start() as r:
        first = r.s.cursor
        await r.press("c", "k")
        assert statuses(verdicts) == {first: "corroborated"}
        await r.press("K")
        assert statuses(verdicts) == {}
        notes = [n.message for n in r.app._notifications]
        assert any("its verdict (corroborated) was removed; ctrl+z" in m for m in notes)
        await r.press("ctrl+z")
        assert statuses(verdicts) == {first: "corroborated"}


async def test_m_gives_the_cluster_the_verdict_after_confirmation(
    start: Start, conflict: Path, verdicts: Path
) -> None:
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


async def test_a_edits_note_and_sources(start: Start, verdicts: Path) -> None:
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


async def test_undo_redo_chain_reaches_the_file(start: Start, verdicts: Path) -> None:
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


async def test_tab_moves_focus_between_panes(start: Start) -> None:
    async with start() as r:
        assert r.app.focused is r.app.main_screen.query_one("#left")
        await r.press("tab")
        assert r.app.focused is r.app.main_screen.query_one("#right")
        await r.press("tab")
        assert r.app.focused is r.app.main_screen.query_one("#left")


async def test_brackets_change_the_comparison_article(start: Start) -> None:
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


async def test_braces_change_the_article_being_triaged(start: Start) -> None:
    async with start() as r:
        articles = [a.id for a in r.s.analysis.articles]
        await r.press("right_curly_bracket")
        assert r.s.current.article == articles[1]  # type: ignore[union-attr]
        assert r.app.main_screen.query_one("#left", ArticlePane).article_id == articles[1]
        await r.press("left_curly_bracket", "left_curly_bracket")
        assert r.s.current.article == articles[-1]  # type: ignore[union-attr]


async def test_enter_shows_the_best_match(start: Start, conflict: Path) -> None:
    async with start(conflict) as r:
        await r.press("j", "right_square_bracket", "right_square_bracket")
        await r.press("enter")
        best = r.s.analysis.matches_of(r.s.cursor)[0]  # type: ignore[arg-type]
        other = best.b if best.a == r.s.cursor else best.a
        assert r.app.main_screen.compare == r.s.analysis.claim(other).article


async def test_slash_searches_incrementally(start: Start) -> None:
    async with start() as r:
        await r.press("slash", *keys_for_text("pyongyang"))
        assert "pyongyang" in r.s.current.text.lower()  # type: ignore[union-attr]
        await r.press("escape")
        assert not r.app.main_screen.searching


async def test_f_cycles_filter_and_navigation_follows_it(start: Start) -> None:
    async with start() as r:
        await r.press("c", "c")
        await r.press("f")
        shown = r.s.filter
        assert shown is Filter.UNTRIAGED
        await r.press("g")
        assert r.s.verdict(r.s.cursor) is None  # type: ignore[arg-type]
        await r.press("f", "f", "f", "f")  # matched, conflicts, contested, corroborated
        assert r.s.filter is Filter.CORROBORATED
        visited = {r.s.cursor}
        await r.press("g", "j", "j")
        visited.add(r.s.cursor)
        assert all(r.s.verdict(c) is not None for c in visited)  # type: ignore[arg-type]


async def test_l_toggles_the_article_list(start: Start) -> None:
    async with start() as r:
        screen = r.app.main_screen
        shown = screen.show_articles
        await r.press("l")
        assert screen.show_articles is not shown and screen.has_class("-articles") is not shown


async def test_help_and_quit(start: Start) -> None:
    async with start() as r:
        await r.press("question_mark")
        assert isinstance(r.app.screen, HelpScreen)
        await r.press("escape")
        await r.press("q")
        assert r.app.return_code == 0 and r.app._exit


async def test_click_selects_a_claim(start: Start) -> None:
    async with start() as r:
        pane = r.app.main_screen.query_one("#left", ArticlePane)
        target = claim_ids(r.s)[3]
        line = pane.line_of(target)
        assert line is not None
        await r.pilot.click(pane, offset=(4, line - pane.scroll_offset.y))
        await r.pilot.pause()
        assert r.s.cursor == target or r.s.cursor in claim_ids(r.s)[2:5]
        assert r.s.cursor != claim_ids(r.s)[0]


async def test_keys_can_be_remapped(start: Start) -> None:
    async with start(next_claim="ctrl+n") as r:
        ids = claim_ids(r.s)
        await r.press("ctrl+n")
        assert r.s.cursor == ids[1]
        await r.press("j")
        assert r.s.cursor == ids[1]


async def test_question_and_help_keys_are_remappable(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    from textual.widgets import Button, Static

    async with start(conflict, confirm_yes="o", confirm_no="p", help_close="z") as r:
        await r.press("j", "d", "k", "m")
        screen = r.app.screen
        assert isinstance(screen, ConfirmScreen)
        labels = {str(b.label) for b in screen.query(Button)}
        assert labels == {"Yes (o)", "No (p)"}  # the buttons name the keys bound now
        await r.press("y")  # no longer bound: the question stays
        screen = r.app.screen
        assert isinstance(screen, ConfirmScreen)
        await r.press("p")
        assert r.app.screen is r.app.main_screen and len(statuses(verdicts)) == 1
        await r.press("m", "o")
        assert len(statuses(verdicts)) > 1
        await r.press("question_mark")
        help_screen = r.app.screen
        assert isinstance(help_screen, HelpScreen)
        footnote = str(help_screen.query_one("#help-footnote", Static).render())
        assert "z closes this screen" in footnote
        await r.press("escape")
        assert isinstance(r.app.screen, HelpScreen)
        await r.press("z")
        assert r.app.screen is r.app.main_screen


async def test_a_clashing_remap_keeps_the_default_and_says_so(start: Start, verdicts: Path) -> None:
    async with start(mark_disputed="c") as r:
        assert "mark_disputed" in r.app.key_clashes
        notes = [n.message for n in r.app._notifications]
        assert any("[keys] mark_disputed: 'c' is also bound" in m for m in notes)
        first = r.s.cursor
        await r.press("c")
        assert statuses(verdicts) == {first: "corroborated"}
        await r.press("d")
        assert "disputed" in statuses(verdicts).values()


async def test_narrow_layout_shows_one_pane(start: Start) -> None:
    async with start(size=(80, 24)) as r:
        screen = r.app.main_screen
        assert screen.has_class("-narrow")
        assert screen.query_one("#left").display and not screen.query_one("#right").display
        await r.press("tab")
        assert screen.query_one("#right").display and not screen.query_one("#left").display
