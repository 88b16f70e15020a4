"""Pilot tests of the link keys (issue 15): confirm, reject, contradicts, link via search,
unlink, split, join, later, and the undo of each, checked on the app's state and on the
verdict file written (read back with tomllib)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.app.conftest import Run, Start, on_disk, statuses
from tests.screenshots import keys_for_text
from tui.app.screens.relation import RelationScreen
from tui.app.screens.split import SplitScreen
from tui.app.widgets.article_pane import ArticlePane
from tui.app.widgets.inspector import Inspector
from tui.app.widgets.status_bar import StatusBar
from tui.review.session import Filter
from tui.verdicts.model import Relation

FIFTY = "desk-a:d0438db5fd17"  # "Russia has gathered 50,000 troops ..." (desk-a)
MOSCOW = "desk-c:57d50e219134"  # its best match: "Moscow has gathered 50,000 troops ..."
FORTY_FIVE = "desk-b:485abfedd97c"  # its second: "Russia has gathered 45,000 troops ..."
RESIDENTS = "desk-a:a1eda094ecde"  # "Local residents were told to stay indoors." (no match)


def links(path: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = on_disk(path).get("links", [])
    return found


def inspector_text(r: Run) -> str:
    return " ".join(" ".join(r.app.main_screen.query_one(Inspector).lines()).split())


async def on_fifty_in_the_list(r: Run) -> Inspector:
    await r.press("j")
    assert r.s.cursor == FIFTY
    await r.press("i")
    inspector = r.app.main_screen.query_one(Inspector)
    assert r.app.focused is inspector
    return inspector


async def test_confirm_links_the_highlighted_match_and_undo_removes_it(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict) as r:
        inspector = await on_fifty_in_the_list(r)
        # the match whose figures disagree first, right under the suggestion it disputes
        assert inspector.highlighted_match == FORTY_FIVE
        await r.press("j")
        assert inspector.highlighted_match == MOSCOW
        await r.press("s")
        (link,) = links(verdicts)
        assert link["relation"] == "same" and link["reviewer"] == "tester"
        assert (link["a"]["claim"], link["b"]["claim"]) == (FIFTY, MOSCOW)  # a < b
        assert link["a"]["text"] == r.s.analysis.claim(FIFTY).text
        assert set(link["a"]) >= {"claim", "article", "text", "prefix", "suffix", "start"}
        assert r.s.link_between(FIFTY, MOSCOW).relation is Relation.SAME  # type: ignore[union-attr]
        assert r.s.cursor == FIFTY  # judging a match does not move on
        assert "confirmed" in inspector_text(r)
        await r.press("ctrl+z")
        assert links(verdicts) == []
        assert r.s.link_between(FIFTY, MOSCOW) is None
        assert "confirmed" not in inspector_text(r)


async def test_reject_takes_the_pair_out_of_the_matches(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict) as r:
        inspector = await on_fifty_in_the_list(r)
        assert inspector.highlighted_match == FORTY_FIVE  # the disputing match, first
        await r.press("r")
        (link,) = links(verdicts)
        assert (link["relation"], link["a"]["claim"], link["b"]["claim"]) == (
            "different",
            FIFTY,
            FORTY_FIVE,
        )
        matched = {m.a if m.b == FIFTY else m.b for m in r.s.analysis.matches_of(FIFTY)}
        assert matched == {MOSCOW}
        assert "rejected" in inspector_text(r)  # still listed, as the reviewer's rejection
        await r.press("ctrl+z")
        assert links(verdicts) == []
        matched = {m.a if m.b == FIFTY else m.b for m in r.s.analysis.matches_of(FIFTY)}
        assert matched == {MOSCOW, FORTY_FIVE}


async def test_contradicts_is_saved_and_undone(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict) as r:
        await on_fifty_in_the_list(r)
        await r.press("exclamation_mark")
        (link,) = links(verdicts)
        assert (link["relation"], link["b"]["claim"]) == ("contradicts", FORTY_FIVE)
        assert "contradicts" in inspector_text(r)
        await r.press("ctrl+z")
        assert links(verdicts) == []
        await r.press("ctrl+y")  # redo brings it back
        assert [k["relation"] for k in links(verdicts)] == ["contradicts"]


async def test_the_keys_judge_the_pointed_match_from_the_article_too(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict) as r:
        await r.press("j")
        assert r.app.focused is r.app.main_screen.query_one("#left")
        assert "▶" in inspector_text(r)  # the first match is pointed at
        await r.press("exclamation_mark")
        assert [(k["relation"], k["b"]["claim"]) for k in links(verdicts)] == [
            ("contradicts", FORTY_FIVE)
        ]
        r.s.move_to(RESIDENTS)  # no match: the keys say so and change nothing
        r.app.main_screen.paint()
        await r.press("s")
        assert len(links(verdicts)) == 1
        assert any(n.startswith("No match to judge") for n in r.notices)


async def test_enter_in_the_list_shows_that_match_in_the_right_pane(
    start: Start, conflict: Path
) -> None:
    async with start(conflict) as r:
        await on_fifty_in_the_list(r)
        right = r.app.main_screen.query_one("#right", ArticlePane)
        await r.press("j", "enter")
        assert right.article_id == "desk-c"
        await r.press("k", "enter")
        assert right.article_id == "desk-b"
        assert r.s.cursor == FIFTY
        await r.press("escape")
        assert r.app.focused is r.app.main_screen.query_one("#left")


async def test_link_via_search_then_undo(start: Start, conflict: Path, verdicts: Path) -> None:
    async with start(conflict) as r:
        r.s.move_to(RESIDENTS)
        r.app.main_screen.paint()
        await r.press("p")  # mark it
        assert r.s.link_from == RESIDENTS
        assert "Marked for a link" in inspector_text(r)
        await r.press("slash", *keys_for_text("november 9"), "escape")
        other = r.s.cursor
        assert other == "desk-b:8d2ee90312ab"
        await r.press("p")
        assert isinstance(r.app.screen, RelationScreen)
        await r.press("s")
        (link,) = links(verdicts)
        assert (link["relation"], link["a"]["claim"], link["b"]["claim"]) == (
            "same",
            RESIDENTS,
            other,
        )
        assert r.s.link_from is None
        # the link counts as a match whatever the score
        assert any(RESIDENTS in (m.a, m.b) for m in r.s.analysis.matches_of(other))
        await r.press("ctrl+z")
        assert links(verdicts) == []
        assert not r.s.analysis.matches_of(RESIDENTS)


async def test_link_question_cancelled_keeps_the_mark_and_p_on_it_cancels(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict) as r:
        await r.press("p", "j", "p")
        assert isinstance(r.app.screen, RelationScreen)
        await r.press("escape")
        assert links(verdicts) == [] and r.s.link_from is not None
        await r.press("k", "p")  # on the marked claim: cancelled
        assert r.s.link_from is None


async def test_unlink_removes_the_reviewers_link_and_undo_restores_it(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict) as r:
        await on_fifty_in_the_list(r)
        await r.press("r")  # FORTY_FIVE rejected
        assert [k["relation"] for k in links(verdicts)] == ["different"]
        inspector = r.app.main_screen.query_one(Inspector)
        assert inspector.highlighted_match == FORTY_FIVE  # the highlight follows the claim
        await r.press("minus")
        assert links(verdicts) == []
        assert r.s.link_between(FIFTY, FORTY_FIVE) is None
        await r.press("ctrl+z")
        assert [k["relation"] for k in links(verdicts)] == ["different"]


async def test_unlink_of_a_machine_match_is_refused(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict) as r:
        await on_fifty_in_the_list(r)
        await r.press("minus")
        assert links(verdicts) == []
        assert any("not linked" in n for n in r.notices)
        assert r.s.analysis.relation(FIFTY, FORTY_FIVE) is None  # type: ignore[attr-defined]


async def test_split_at_a_chosen_word_then_undo(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict) as r:
        await r.press("j")
        text = r.s.analysis.claim(FIFTY).text
        await r.press("S")
        assert isinstance(r.app.screen, SplitScreen)
        # "Russia has gathered 50,000 troops | near the Kursk region ...": before word 6
        await r.press("down", "down", "down", "down", "enter")
        at = text.index("near")
        (cut,) = on_disk(verdicts)["corrections"]
        assert cut["claim"] == FIFTY and cut["split_at"] == at
        halves = [c.text for c in r.s.analysis.claims_of("desk-a")]
        assert text[:at].strip() in halves and text[at:].strip() in halves
        assert r.s.current is not None and r.s.current.text == text[:at].strip()
        await r.press("ctrl+z")
        assert "corrections" not in on_disk(verdicts)
        assert text in [c.text for c in r.s.analysis.claims_of("desk-a")]


async def test_split_cancelled_changes_nothing(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict) as r:
        await r.press("j", "S", "escape")
        assert not isinstance(r.app.screen, SplitScreen)
        assert "corrections" not in on_disk(verdicts)
        assert r.s.cursor == FIFTY


async def test_join_with_the_next_unit_then_undo(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict) as r:
        await r.press("j")
        before = [c.id for c in r.s.analysis.claims_of("desk-a")]
        second = r.s.analysis.claim(before[before.index(FIFTY) + 1])
        await r.press("J")
        (cut,) = on_disk(verdicts)["corrections"]
        assert cut["claim"] == FIFTY and cut["join_with"]["claim"] == second.id
        joined = r.s.current
        assert joined is not None and joined.text.endswith(second.text)
        assert len(r.s.analysis.claims_of("desk-a")) == len(before) - 1
        await r.press("ctrl+z")
        assert "corrections" not in on_disk(verdicts)
        assert [c.id for c in r.s.analysis.claims_of("desk-a")] == before


async def test_later_defers_counts_apart_and_is_skipped_by_next_untriaged(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict) as r:
        first = r.s.cursor
        await r.press("w")
        assert statuses(verdicts) == {first: "later"}
        assert r.s.cursor != first  # on to the next untriaged
        bar = str(r.app.main_screen.query_one(StatusBar).render())
        assert "0/9 triaged" in bar and "1 later" in bar
        for _ in range(12):  # n never lands on the deferred claim
            await r.press("n")
            assert r.s.cursor != first
        while r.s.filter is not Filter.LATER:
            await r.press("f")
        assert r.s.visible() == [first] and r.s.cursor == first
        await r.press("ctrl+z")
        assert statuses(verdicts) == {}
        assert "1 later" not in str(r.app.main_screen.query_one(StatusBar).render())


async def test_remapped_link_keys_work_and_are_named(
    start: Start, conflict: Path, verdicts: Path
) -> None:
    async with start(conflict, confirm_link="e", defer="W") as r:
        await r.press("j")
        said = inspector_text(r)
        assert "e same fact" in said and "s same fact" not in said
        await r.press("s")  # no longer bound
        assert links(verdicts) == []
        await r.press("e")
        assert [k["relation"] for k in links(verdicts)] == ["same"]
        await r.press("W")
        assert "later" in statuses(verdicts).values()
