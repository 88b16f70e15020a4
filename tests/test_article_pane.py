"""The article pane alone: articles it keeps prepared, and scrollbars that follow at once."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.strip import Strip

from tui.app.widgets.article_pane import KEPT_LAYOUTS, ArticlePane, Mark, PaneUnit

# Three sentences: the middle one is a unit (a claim), the others plain text.
SHORT = "Troops crossed the border. Officials confirmed 12,000 soldiers. Nobody else spoke."
LONG = "\n".join(f"Paragraph {i}: the offensive continued for another day." for i in range(80))


class PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticlePane(id="pane")


def painted(pane: ArticlePane) -> list[Strip]:
    return [pane.render_line(y) for y in range(pane.scrollable_content_region.height)]


def claim_in(text: str, sentence: str, claim_id: str) -> PaneUnit:
    start = text.index(sentence)
    return PaneUnit(claim_id, start, start + len(sentence))


async def test_an_article_shown_again_looks_as_it_did_the_first_time() -> None:
    unit = claim_in(SHORT, "Officials confirmed 12,000 soldiers.", "short:1")
    marks = {"short:1": Mark(("article-pane--selected",), (), "✓")}
    async with PaneApp().run_test(size=(60, 20)) as pilot:
        pane = pilot.app.query_one(ArticlePane)
        pane.show_article("short", "Short", SHORT, [unit])
        pane.set_marks(marks)
        await pilot.pause()
        first = painted(pane)
        line = pane.line_of("short:1")
        pane.show_article("long", "Long", LONG, [])
        await pilot.pause()
        assert painted(pane) != first
        pane.show_article("short", "Short", SHORT, [unit])
        pane.set_marks(marks)
        await pilot.pause()
        assert painted(pane) == first
        assert pane.line_of("short:1") == line
        assert "✓" in "".join(seg.text for seg in first[line])  # type: ignore[index]


async def test_an_article_whose_text_changed_is_prepared_again() -> None:
    async with PaneApp().run_test(size=(60, 20)) as pilot:
        pane = pilot.app.query_one(ArticlePane)
        pane.show_article("a", "A", SHORT, [])
        await pilot.pause()
        pane.show_article("a", "A", SHORT.replace("12,000", "15,000"), [])
        await pilot.pause()
        shown = "".join(seg.text for strip in painted(pane) for seg in strip)
        assert "15,000" in shown and "12,000" not in shown


async def test_a_pane_keeps_a_bounded_number_of_articles() -> None:
    async with PaneApp().run_test(size=(60, 20)) as pilot:
        pane = pilot.app.query_one(ArticlePane)
        for i in range(3 * KEPT_LAYOUTS):
            pane.show_article(f"a{i}", f"A{i}", f"Article {i}. " + SHORT, [])
        await pilot.pause()
        assert len(pane._layouts) == KEPT_LAYOUTS
        shown = "".join(seg.text for strip in painted(pane) for seg in strip)
        assert f"Article {3 * KEPT_LAYOUTS - 1}." in shown


async def test_the_scrollbar_follows_a_new_article_without_waiting_for_a_layout() -> None:
    """Sized in the same call, so the frame that paints the text paints the scrollbar."""
    async with PaneApp().run_test(size=(60, 20)) as pilot:
        pane = pilot.app.query_one(ArticlePane)
        pane.show_article("long", "Long", LONG, [])
        await pilot.pause()
        pane.show_article("longer", "Longer", LONG + "\n" + LONG, [])
        lines = pane.virtual_size.height
        assert lines > 2 * 80
        assert pane.vertical_scrollbar.window_virtual_size == lines
