"""The coverage table (tui.review.coverage), its Markdown section, the JSON outlets, the screen."""

from __future__ import annotations

import json
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from tui.analysis.pipeline import Analysis, to_json_document
from tui.app.screens.coverage import (
    MIN_CLAIM_WIDTH,
    UNMATCHED_ROW,
    CoverageScreen,
    column_widths,
)
from tui.claims.units import Kind, Unit
from tui.config import MatchSettings
from tui.corpus.articles import Article, Corpus
from tui.matching.matcher import Cluster, Match, Tier
from tui.review.coverage import (
    NOT_CARRIED,
    Coverage,
    build_coverage,
    coverage_markdown,
    coverage_of,
)
from tui.review.sources import sources_of
from tui.verdicts.model import Status

SETTINGS = MatchSettings(wire_score=92.0, wire_share=0.6)


def article(article_id: str, outlet: str | None) -> Article:
    return Article(article_id, Path(f"{article_id}.txt"), article_id, "", "0" * 64, outlet=outlet)


def claim(article_id: str, index: int, text: str = "") -> Unit:
    return Unit(
        f"{article_id}:{index}",
        article_id,
        text or f"{article_id} says {index}",
        0,
        1,
        Kind.CLAIM,
        index,
    )


def make_analysis() -> Analysis:
    """a (Ledger), b (Ledger), c (Gazette), d (unknown outlet), e (Times, a wire copy of c).

    k1: everyone carries it. k2: a and b only (one outlet). k3: c and d.
    k4: c and e only (two outlets, but wire copies: one source).
    """
    arts = (
        article("a", "Ledger"),
        article("b", "Ledger"),
        article("c", "Gazette"),
        article("d", None),
        article("e", "Times"),
    )
    claims = (
        claim("a", 0, "The bridge reopened on Tuesday."),
        claim("a", 1, "Tolls | fees stay *unchanged*."),
        claim("a", 2),
        claim("b", 0),
        claim("b", 1),
        claim("c", 0),
        claim("c", 1),
        claim("c", 2),
        claim("d", 0),
        claim("d", 1),
        claim("e", 0),
        claim("e", 1),
        claim("e", 2),
    )
    clusters = (
        Cluster("k1", ("a:0", "b:0", "c:0", "d:0", "e:0")),
        Cluster("k2", ("a:1", "b:1")),
        Cluster("k3", ("c:1", "d:1")),
        Cluster("k4", ("c:2", "e:2")),
    )
    # e copies c: all three of e's claims match c's at a wire score.
    matches = tuple(Match(f"c:{i}", f"e:{i}", 98.0, Tier.MATCH) for i in range(3))
    corpus = Corpus(root=Path("."), articles=arts)
    return Analysis(corpus, claims, matches, clusters)


def make_coverage(verdicts: dict[str, Status] | None = None) -> Coverage:
    analysis = make_analysis()
    return coverage_of(analysis, sources_of(analysis, SETTINGS), verdicts)


class TestCoverage:
    def test_columns_are_known_outlets_then_each_unknown_article(self) -> None:
        assert make_coverage().outlets == ("Gazette", "Ledger", "Times", "d (outlet unknown)")

    def test_rows_carried_by_fewest_sources_come_first(self) -> None:
        rows = make_coverage().rows
        assert [(r.cluster, r.sources, r.outlets) for r in rows] == [
            ("k2", 1, 1),  # one outlet, two articles
            ("k4", 1, 2),  # two outlets, but a wire copy
            ("k3", 2, 2),
            ("k1", 3, 4),  # Ledger, Gazette+Times (wire), unknown d
        ]
        assert [r.single_source for r in rows] == [True, True, False, False]

    def test_cells_say_who_carries_what(self) -> None:
        by_id = {r.cluster: r for r in make_coverage().rows}
        k2 = by_id["k2"]
        assert [c.carried for c in k2.cells] == [False, True, False, False]
        assert k2.cells[1].claims == ("a:1", "b:1")
        assert [c.symbol for c in k2.cells] == [NOT_CARRIED, "●", NOT_CARRIED, NOT_CARRIED]
        assert k2.text == "Tolls | fees stay *unchanged*."

    def test_verdicts_show_in_cells_and_the_most_serious_wins(self) -> None:
        coverage = make_coverage(
            {
                "a:0": Status.CORROBORATED,
                "b:0": Status.DISPUTED,
                "c:0": Status.CORROBORATED,
                "d:0": Status.UNSOURCED,
            }
        )
        k1 = next(r for r in coverage.rows if r.cluster == "k1")
        # Gazette ✓, Ledger: a ✓ and b ✗ -> ✗, Times: no verdict ●, unknown d: ?
        assert [c.symbol for c in k1.cells] == ["✓", "✗", "●", "?"]
        assert k1.cells[1].status is Status.DISPUTED

    def test_each_cell_holds_the_words_of_the_claim_that_carries_its_mark(self) -> None:
        coverage = make_coverage({"a:0": Status.CORROBORATED, "b:0": Status.DISPUTED})
        k1 = next(r for r in coverage.rows if r.cluster == "k1")
        # Ledger's mark is b's ✗, so the cell shows what b said, not a's first claim.
        assert [c.text for c in k1.cells] == ["c says 0", "b says 0", "e says 0", "d says 0"]
        k2 = next(r for r in coverage.rows if r.cluster == "k2")
        assert [c.text for c in k2.cells] == ["", "Tolls | fees stay *unchanged*.", "", ""]

    def test_claims_in_no_cluster_are_counted_per_column(self) -> None:
        assert make_coverage().unmatched == (0, 1, 1, 0)  # a:2 (Ledger), e:1 (Times)

    def test_wire_notes_travel_with_the_table(self) -> None:
        assert make_coverage().notes == ("c and e are wire copies of one story",)

    def test_clusters_with_unknown_claims_are_left_out(self) -> None:
        analysis = make_analysis()
        sources = sources_of(analysis, SETTINGS)
        coverage = build_coverage(
            analysis.articles,
            analysis.claims,
            (*analysis.clusters, Cluster("ghost", ("zz:1",))),
            sources,
        )
        assert "ghost" not in [r.cluster for r in coverage.rows]


class TestMarkdown:
    def test_table_layout(self) -> None:
        md = coverage_markdown(make_coverage({"c:2": Status.DISPUTED}))
        lines = md.splitlines()
        assert lines[0] == "## Coverage"
        header = lines.index("| Claim | Sources | Gazette | Ledger | Times | d (outlet unknown) |")
        assert lines[header + 1] == "|---|---:|:-:|:-:|:-:|:-:|"
        assert (
            lines[header + 2] == r"| Tolls \| fees stay \*unchanged\*. | 1 outlet | · | ● | · | · |"
        )
        assert lines[header + 3] == "| c says 2 | 1 outlet | ✗ | · | ● | · |"
        assert (
            lines[header + 5] == "| The bridge reopened on Tuesday. | 3 outlets | ● | ● | ● | ● |"
        )
        assert lines[header + 6] == "| *Claims in no cluster* |  | 0 | 1 | 1 | 0 |"
        assert lines[-1] == "- c and e are wire copies of one story."
        assert md.endswith("\n")

    def test_heading_level(self) -> None:
        assert coverage_markdown(make_coverage(), heading_level=3).startswith("### Coverage\n")

    def test_untrusted_text_stays_in_its_cell(self) -> None:
        analysis = make_analysis()
        hostile = "Line one\nline two | <script>x</script> [link](http://x.example)"
        claims = tuple(
            Unit(c.id, c.article, hostile, 0, 1, Kind.CLAIM, c.index) if c.id == "a:1" else c
            for c in analysis.claims
        )
        coverage = build_coverage(
            analysis.articles, claims, analysis.clusters, sources_of(analysis, SETTINGS)
        )
        row = next(line for line in coverage_markdown(coverage).splitlines() if "Line one" in line)
        assert row.startswith(
            r"| Line one line two \| \<script\>x\</script\> \[link\](http://x.example) |"
        )
        assert row.count(" | ") == 5  # claim, sources and four outlet cells

    def test_no_shared_claims(self) -> None:
        empty = Coverage(outlets=("Ledger",), rows=(), unmatched=(3,))
        assert coverage_markdown(empty) == (
            "## Coverage\n\nNo claim is shared by two or more articles.\n"
        )


class TestJson:
    def test_articles_and_clusters_carry_outlets(self) -> None:
        doc = json.loads(json.dumps(to_json_document(make_analysis())))
        d = next(a for a in doc["articles"] if a["id"] == "d")
        assert (d["outlet"], d["url"], d["published"]) == (None, None, None)
        assert next(a for a in doc["articles"] if a["id"] == "a")["outlet"] == "Ledger"
        outlets = {cl["id"]: cl["outlets"] for cl in doc["clusters"]}
        assert outlets == {
            "k1": ["Gazette", "Ledger", "Times"],
            "k2": ["Ledger"],
            "k3": ["Gazette"],
            "k4": ["Gazette", "Times"],
        }


class CoverageTestApp(App[None]):
    def __init__(self, coverage: Coverage) -> None:
        super().__init__()
        self.coverage = coverage
        self.results: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield Static("main")

    def open_coverage(self) -> None:
        self.push_screen(CoverageScreen(self.coverage), self.results.append)


def table_width(claim: int, outlet: int, outlets: int) -> int:
    """Columns the coverage table takes: claim, sources, outlets, each padded by 2."""
    return claim + 2 + len("Sources") + 2 + outlets * (outlet + 2)


def test_columns_fit_the_screen_and_keep_the_claim_readable() -> None:
    for width in (80, 100, 120, 160):
        for outlets in (1, 4, 6):
            claim, outlet = column_widths(width, outlets, longest_name=30, longest_claim=200)
            assert claim >= MIN_CLAIM_WIDTH and outlet >= 8
            if outlets <= 4:
                assert table_width(claim, outlet, outlets) <= width - 2, (width, outlets)
    # Nothing wider than what it holds: short claims and names leave the room unused.
    assert column_widths(160, 2, longest_name=6, longest_claim=30) == (30, 6)
    # A wide screen gives the claim its full width.
    assert column_widths(200, 3, longest_name=12, longest_claim=200)[0] == 72


class TestScreen:
    async def test_j_and_k_move_between_rows(self) -> None:
        app = CoverageTestApp(make_coverage())
        async with app.run_test(size=(120, 30)) as pilot:
            app.open_coverage()
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            assert table.cursor_row == 0
            await pilot.press("j", "j")
            assert table.cursor_row == 2
            await pilot.press("k")
            assert table.cursor_row == 1

    async def test_the_table_is_cut_to_the_screen_and_refit_on_resize(self) -> None:
        app = CoverageTestApp(make_coverage())
        async with app.run_test(size=(80, 24)) as pilot:
            app.open_coverage()
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            assert table.virtual_size.width <= 80
            narrow = str(table.get_row("k2")[0])
            await pilot.resize_terminal(160, 30)
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            assert table.virtual_size.width <= 160
            assert len(str(table.get_row("k2")[0])) >= len(narrow)
            assert table.cursor_row == 0

    async def test_table_shows_rows_columns_and_symbols(self) -> None:
        app = CoverageTestApp(make_coverage({"a:1": Status.CORROBORATED}))
        async with app.run_test(size=(140, 30)) as pilot:
            app.open_coverage()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, CoverageScreen)
            table = screen.query_one(DataTable)
            labels = [str(col.label) for col in table.ordered_columns]
            assert labels == [
                "Claim",
                "Sources",
                "Gazette",
                "Ledger",
                "Times",
                "d (outlet unknown)",
            ]
            keys = [row.key.value for row in table.ordered_rows]
            assert keys == ["k2", "k4", "k3", "k1", UNMATCHED_ROW]
            cells = [str(cell) for cell in table.get_row("k2")]
            assert cells[:3] + cells[4:] == ["Tolls | fees stay *unchanged*.", "1", "·", "·", "·"]
            assert cells[3].startswith("✓ Tolls | fees")  # the mark and the Ledger's claim
            notes = screen.query_one("#coverage-notes", Static)
            assert notes.display
            assert "c and e are wire copies of one story" in str(notes.render())

    async def test_enter_dismisses_with_the_cluster_and_escape_with_none(self) -> None:
        app = CoverageTestApp(make_coverage())
        async with app.run_test(size=(120, 30)) as pilot:
            app.open_coverage()
            await pilot.pause()
            await pilot.press("down", "enter")
            await pilot.pause()
            assert not isinstance(app.screen, CoverageScreen)
            app.open_coverage()
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, CoverageScreen)
        assert app.results == ["k4", None]

    async def test_the_unmatched_row_does_not_dismiss(self) -> None:
        app = CoverageTestApp(make_coverage())
        async with app.run_test(size=(120, 30)) as pilot:
            app.open_coverage()
            await pilot.pause()
            await pilot.press("down", "down", "down", "down", "enter")
            await pilot.pause()
            assert isinstance(app.screen, CoverageScreen)
            table = app.screen.query_one(DataTable)
            assert table.cursor_row == len(table.rows) - 1
        assert app.results == []
