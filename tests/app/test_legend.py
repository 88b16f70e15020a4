"""The legend (tui/app/legend_entries.py, drawn by tui/app/legend.py): complete, one table
for the help screen and the one-line legend, drawn with the panes' own styles, and readable
at 80 columns."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from tests.app.conftest import Start
from tui.app.legend import LegendLine, LegendTable
from tui.app.legend_entries import LEGEND, LINE_ORDER, PLAIN, UNTRIAGED, meaning
from tui.app.marks import CONTESTED, SYMBOL, cluster_colours, unit_marks
from tui.app.screens.help import HelpScreen
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_pane import ArticlePane
from tui.app.widgets.inspector import Inspector
from tui.verdicts.model import Relation, Status

EXPLAINED = {name for entry in LEGEND for name in entry.classes}
MARK_WIDGETS = (ArticlePane, Inspector, ArticleList)


def test_every_component_class_of_the_panes_is_explained_or_plain() -> None:
    """Adding a mark to the article pane, the inspector or the article list without a legend
    entry (or a reason in PLAIN why its words need none) fails here."""
    for widget in MARK_WIDGETS:
        unexplained = widget.COMPONENT_CLASSES - EXPLAINED - PLAIN
        assert not unexplained, f"{widget.__name__}: no legend entry for {sorted(unexplained)}"


def test_every_entry_explains_a_class_the_widgets_have() -> None:
    known = set().union(*(w.COMPONENT_CLASSES for w in MARK_WIDGETS))
    for entry in LEGEND:
        assert entry.classes and set(entry.classes) <= known, entry.short
        assert not set(entry.classes) & PLAIN, entry.short


def test_every_verdict_symbol_has_an_entry() -> None:
    samples = {entry.sample for entry in LEGEND}
    assert {*SYMBOL.values(), CONTESTED, UNTRIAGED} <= samples


def test_every_mark_the_panes_draw_on_a_story_is_explained(conflict: Path) -> None:
    """Every class and symbol unit_marks gives, with every verdict, every link relation, a
    claim marked for a link, a non-claim, conflicts and clusters on screen."""
    from tui.analysis.pipeline import analyse
    from tui.config import MatchSettings
    from tui.review.session import Session
    from tui.verdicts.model import VerdictSet

    analysis = analyse([conflict], MatchSettings())
    s = Session(analysis, VerdictSet("tester", ""), clock=lambda: datetime(2024, 1, 1, tzinfo=UTC))
    claims = [c.id for c in s.claims()]
    assert len(claims) >= len(Status) + 1
    for claim, status in zip(claims, Status, strict=False):
        s.move_to(claim)
        s.mark(status)
    s.move_to(claims[-1])
    s.toggle_claim()  # one unit no longer a claim: drawn dim
    linked = {c: r.value for c, r in zip(claims[1:], Relation, strict=False)}
    classes: set[str] = set()
    symbols: set[str] = set()
    colours = cluster_colours(s)
    for article in analysis.articles:
        marks = unit_marks(
            s, article.id, claims[0], set(claims), colours, linked=linked, marked=claims[1]
        )
        for mark in marks.values():
            classes |= {*mark.text, *mark.slot}
            symbols.add(mark.symbol)
    # The story draws what the test is about (else it would prove nothing).
    for drawn in ("conflict", "dim", "link-same", "link-contradicts", "link-different"):
        assert f"article-pane--{drawn}" in classes
    assert any(c.startswith("article-pane--cluster-") for c in classes)
    assert classes - EXPLAINED - PLAIN == set()
    assert symbols - {e.sample for e in LEGEND} - {" "} == set()


def test_the_line_shows_every_entry_once() -> None:
    assert sorted(LINE_ORDER) == sorted(e.short for e in LEGEND)


def test_the_word_diff_says_it_marks_differing_words() -> None:
    (entry,) = [e for e in LEGEND if "inspector--diff" in e.classes]
    assert entry.short == "differing words"
    assert "DIFFERING" in entry.meaning and "shared words are plain" in entry.meaning


def _line(legend: LegendLine, width: int) -> str:
    rendered = legend.render()
    assert isinstance(rendered, Text)
    assert rendered.cell_len <= width
    return rendered.plain


async def test_the_legend_key_shows_the_line_page_by_page_then_hides_it(start: Start) -> None:
    async with start(size=(120, 40)) as r:
        legend = r.app.screen.query_one(LegendLine)
        assert not legend.display and legend.region.height == 0
        seen: list[str] = []
        for _ in range(len(LEGEND) + 1):  # more presses than there can be pages
            await r.press("L")
            if not legend.shown:
                break
            assert legend.display and legend.region.height == 1
            line = _line(legend, legend.content_region.width)
            assert line.rstrip().endswith("? full legend")
            seen.append(line)
        assert not legend.shown and legend.region.height == 0  # hidden after the last page
        assert 1 < len(seen) <= 4  # at 120 columns, a few pages
        assert all(f"{i}/{len(seen)} L▸  ? full legend" in line for i, line in enumerate(seen, 1))
        for entry in LEGEND:  # every entry on some page, whole
            assert any(entry.short in line for line in seen), entry.short


async def test_the_legend_line_at_80_columns_names_the_help_screen(start: Start) -> None:
    async with start(size=(80, 24)) as r:
        await r.press("L")
        legend = r.app.screen.query_one(LegendLine)
        pages: list[str] = []
        while legend.shown:
            width = legend.content_region.width
            assert width >= 70
            line = _line(legend, width)
            assert line.rstrip().endswith("? full legend")
            pages.append(line)
            await r.press("L")
        for entry in LEGEND:
            assert any(entry.short in line for line in pages), entry.short
        # The footer still has help and quit with the legend shown (the legend is a row of
        # its own above it).
        await r.press("L")
        footer = r.app.screen.query_one("KeyFooter")
        assert footer.region.y == 23 and legend.region.y == 22


async def test_the_line_names_the_keys_as_bound(start: Start) -> None:
    async with start(size=(120, 40), help="h", toggle_legend="ctrl+l") as r:
        await r.press("ctrl+l")
        legend = r.app.screen.query_one(LegendLine)
        line = _line(legend, legend.content_region.width)
        assert line.rstrip().endswith("ctrl+l▸  h full legend")


def _cells(table: Table) -> list[tuple[Text, str]]:
    marks, words = table.columns[1]._cells, table.columns[2]._cells
    out = []
    for mark, word in zip(marks, words, strict=True):
        assert isinstance(mark, Text) and isinstance(word, Text)
        out.append((mark, word.plain))
    return out


def _sample_style(mark: Text) -> Style:
    assert mark.spans, mark.plain
    style = mark.spans[0].style
    assert isinstance(style, Style)
    return style


async def test_the_help_screen_lists_the_legend_in_the_panes_styles(start: Start) -> None:
    async with start(size=(120, 40)) as r:
        await r.press("question_mark")
        assert isinstance(r.app.screen, HelpScreen)
        table = r.app.screen.query_one(LegendTable)
        rendered = table.content
        assert isinstance(rendered, Table)
        rows = _cells(rendered)
        assert [words for _, words in rows] == [meaning(e, r.app.keymap) for e in LEGEND]
        pane = r.app.screen_stack[0].query_one("#left", ArticlePane)
        inspector = r.app.screen_stack[0].query_one(Inspector)
        for (mark, _), entry in zip(rows, LEGEND, strict=True):
            name = entry.classes[0]
            owner: Widget = inspector if name.startswith("inspector--") else pane
            if name.startswith("article-list--"):
                owner = r.app.screen_stack[0].query_one(ArticleList)
            assert _sample_style(mark) == owner.get_component_rich_style(name), entry.short
        # The keys it names are the keys as bound.
        text = "\n".join(words for _, words in rows)
        assert "K makes it one" in text and "(w)" in text
        console = Console(width=100, record=True, file=None)
        console.print(rendered)
        assert "differing words" in console.export_text()


async def test_the_legend_follows_the_theme(start: Start) -> None:
    async with start(size=(120, 40)) as r:
        await r.press("L")
        await r.press("question_mark")
        table = r.app.screen.query_one(LegendTable)
        pane = r.app.screen_stack[0].query_one("#left", ArticlePane)
        (entry,) = [e for e in LEGEND if e.classes == ("article-pane--match-strong",)]
        index = LEGEND.index(entry)

        def drawn() -> Style:
            rendered = table.content
            assert isinstance(rendered, Table)
            return _sample_style(_cells(rendered)[index][0])

        dark = drawn()
        r.app.theme = "textual-light"
        await r.pilot.pause()
        await r.pilot.pause()
        light = drawn()
        assert light != dark
        assert light == pane.get_component_rich_style("article-pane--match-strong")
        assert light.bgcolor is not None and light.bgcolor.triplet is not None
        assert sum(light.bgcolor.triplet) > 3 * 160  # a light tint on a light theme


async def test_marks_add_up_as_the_legend_says(start: Start) -> None:
    """A claim's marks layer: a conflict (bold) keeps its match's shade, a verdict's colour
    stays on its cluster's square, the selected claim's shade covers the others."""
    async with start(size=(120, 40)) as r:
        pane = r.app.screen.query_one("#left", ArticlePane)

        def own(name: str) -> Style:
            return pane.get_component_rich_style(f"article-pane--{name}")

        conflict = pane._style(
            ("article-pane--claim", "article-pane--match-strong", "article-pane--conflict")
        )
        assert conflict.bold and conflict.bgcolor == own("match-strong").bgcolor
        suggestion = pane._style(("article-pane--claim", "article-pane--suggestion"))
        assert suggestion.underline and suggestion.bgcolor is None  # the pane's own
        slot = pane._style(("article-pane--disputed", "article-pane--cluster-2"))
        assert slot.color == own("disputed").color and slot.bgcolor == own("cluster-2").bgcolor
        chosen = pane._style(("article-pane--match", "article-pane--selected"))
        assert chosen.bgcolor == own("selected").bgcolor and chosen.bold
