"""Pilot tests: the right pane has a cursor of its own. With the right pane focused, j/k
select claims of the compared article there, and a click in it selects the claim where it
is; the articles stay where they were, decisions act on the claim selected, and tab back
to the left pane returns to the claim the left pane had. Resizing keeps the selected claim
in view."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import Run, Start, statuses
from tui.app.widgets.article_pane import ArticlePane


def panes(r: Run) -> tuple[ArticlePane, ArticlePane]:
    return r.app.screen.query_one("#left", ArticlePane), r.app.screen.query_one(
        "#right", ArticlePane
    )


def in_view(pane: ArticlePane, claim_id: str) -> bool:
    line = pane.line_of(claim_id)
    top, height = pane.scroll_offset.y, pane.scrollable_content_region.height
    return line is not None and top <= line < top + height


async def test_j_and_k_walk_the_focused_right_pane(start: Start) -> None:
    async with start() as r:
        left, right = panes(r)
        first = r.s.cursor
        left_article, right_article = left.article_id, right.article_id
        assert left_article != right_article
        await r.press("tab")
        assert right.has_focus
        await r.press("j")
        picked = r.s.current
        assert picked is not None and picked.article == right_article
        assert (left.article_id, right.article_id) == (left_article, right_article)
        await r.press("j")
        following = r.s.current
        assert following is not None and following.article == right_article
        ids = [c.id for c in r.s.analysis.claims_of(right_article) if r.s.is_claim(c.id)]
        assert ids.index(following.id) == ids.index(picked.id) + 1
        assert in_view(right, following.id)
        await r.press("k")
        assert r.s.cursor == picked.id
        await r.press("tab")  # back to the left pane: its claim again
        assert left.has_focus and r.s.cursor == first
        assert left.article_id == left_article


async def test_a_decision_in_the_right_pane_is_on_the_claim_selected_there(
    start: Start, verdicts: Path
) -> None:
    async with start() as r:
        _, right = panes(r)
        await r.press("tab", "j")
        chosen = r.s.cursor
        assert chosen is not None and r.s.analysis.claim(chosen).article == right.article_id
        await r.press("c")
        assert statuses(verdicts).get(chosen) == "corroborated"


async def test_a_click_in_the_right_pane_selects_there_without_swapping(start: Start) -> None:
    async with start() as r:
        left, right = panes(r)
        left_article, right_article = left.article_id, right.article_id
        assert right_article is not None
        target = next(
            c.id
            for c in r.s.analysis.claims_of(right_article)
            if r.s.is_claim(c.id) and in_view(right, c.id)
        )
        line = right.line_of(target)
        assert line is not None
        await r.pilot.click("#right", offset=(4, line - right.scroll_offset.y))
        await r.pilot.pause()
        assert r.s.cursor == target
        assert (left.article_id, right.article_id) == (left_article, right_article)
        assert right.has_focus


async def test_resizing_keeps_the_selected_claim_in_view(start: Start) -> None:
    async with start(size=(160, 45)) as r:
        left, _ = panes(r)
        article = r.s.current.article  # type: ignore[union-attr]
        ids = [c.id for c in r.s.analysis.claims_of(article) if r.s.passes(c.id)]
        await r.press(*["j"] * (len(ids) - 1))  # the article's last claim
        assert r.s.cursor == ids[-1]
        for size in ((80, 24), (120, 40), (60, 20)):
            await r.pilot.resize_terminal(*size)
            for _ in range(4):
                await r.pilot.pause()
            assert in_view(left, ids[-1]), size


def styled_lines(pane: ArticlePane) -> list[list[tuple[str, object]]]:
    height = pane.scrollable_content_region.height
    return [[(s.text, s.style) for s in pane.render_line(y)] for y in range(height)]


async def test_search_highlights_its_words_in_the_panes_until_closed(start: Start) -> None:
    async with start() as r:
        left, _ = panes(r)
        words = r.s.current.text.split()  # type: ignore[union-attr]
        word = next(w for w in words if len(w) > 5 and w.isalpha())
        before = styled_lines(left)
        await r.press("slash", *word.lower())
        await r.pilot.pause()
        lit = styled_lines(left)
        texts = ["".join(t for t, _ in line) for line in lit]
        assert texts == ["".join(t for t, _ in line) for line in styled_lines(left)]
        # The hit is a segment of its own, in a style no line had before the search.
        seen_before = {style for line in before for _, style in line}
        new = {(t, style) for line in lit for t, style in line if style not in seen_before}
        assert any(t.casefold() == word.lower().casefold() for t, _ in new)
        await r.press("escape")
        after = styled_lines(left)
        assert not any(style not in seen_before for line in after for _, style in line)
